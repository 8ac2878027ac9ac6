#!/usr/bin/env bash
# README command 1: install what is needed, build, and start the main job.
#
# Until the studio and the shipped demo backbone land, the main job is the whole pipeline on the
# command line, on the built-in demo world:
#   1. render the two demo "datasets" (campus: training world; walkway: zero-shot test world);
#   2. extract CLIP features of both (resumable cache under build/run/cache);
#   3. train the temporal transformer + generic prompt context on campus;
#   4. test on walkway with the semantic prompts, evaluate, and plot the curves.
# A backbone is needed for 2-4: VACLIP_BACKBONE=PATH (OpenAI .pt, .safetensors or a Hugging Face
# folder), else the tiny random-weight reference CLIP in ../shared when it is there. With random
# weights the pipeline runs for real but its scores mean nothing: say so, do not pretend.
# Without any backbone, steps 2-4 are skipped and the foundation sample job runs instead.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/install-deps.sh"
bash "$here/scripts/build.sh" "$here/build"
vaclip="$here/build/app/vaclip/vaclip"
run="$here/build/run"
mkdir -p "$run"

backbone=${VACLIP_BACKBONE:-}
if [ -z "$backbone" ] && [ -d "$here/../shared/reference/clip/tiny-a/hf" ]; then
  backbone=$(cd "$here/../shared/reference/clip/tiny-a/hf" && pwd)
  echo "run: no VACLIP_BACKBONE given: using the tiny RANDOM-WEIGHT reference CLIP ($backbone)."
  echo "run: the pipeline below runs for real, but zero-shot scores from random weights are chance-level."
fi

set -x
"$vaclip" --version
"$vaclip" synth --world campus --out "$run/campus" --videos 8 --frames 64 --seed 1 --quiet \
  || [ -f "$run/campus/meta.json" ]
"$vaclip" synth --world walkway --out "$run/walkway" --videos 8 --frames 64 --seed 2 --quiet \
  || [ -f "$run/walkway/meta.json" ]
"$vaclip" info "$run/walkway/meta.json"
set +x

if [ -z "$backbone" ]; then
  echo "run: no backbone (set VACLIP_BACKBONE=PATH to run extraction, training and testing)"
  bash "$here/scripts/make-sample.sh" "$run/sample"
  "$vaclip" import --format ucsd-ped2 --root "$run/sample/UCSDped2" --out "$run/sample/meta.json"
  "$vaclip" info "$run/sample/meta.json" --check-videos
  exit 0
fi

# One config per world; everything else from configs/ucsd_test.yaml's semantic prompts.
size=$("$vaclip" embed --backbone "$backbone" --text x --out "$run/probe" 2>/dev/null \
  | sed -n 's/.*patch [0-9]*, \([0-9]*\) px.*/\1/p' | head -1)
size=${size:-224}
common="temporal_transformer_layers: 1
temporal_heads: 4
clip_length: 16
stride: 8
semantic_prompts: [\"a person riding a bicycle\", \"a person on a skateboard\", \"a small cart on a walkway\", \"a person in a wheelchair\"]
backbone:
  path: $backbone
  input_size: $size
features:
  cache_dir: cache
evaluation:
  bootstrap_samples: 200"
cat >"$run/campus.yaml" <<YAML
$common
dataset:
  meta: campus/meta.json
output_dir: runs/campus
training:
  epochs: 4
  batch_size: 8
  n_ctx: 4
  checkpoint_dir: runs/campus/checkpoints
  supervision: frame
YAML
cat >"$run/walkway.yaml" <<YAML
$common
dataset:
  meta: walkway/meta.json
training:
  n_ctx: 4
testing:
  checkpoint: runs/campus/checkpoints
  scoring: calibrated_max
YAML

set -x
cd "$run"
"$vaclip" extract --config campus.yaml --split train
"$vaclip" extract --config walkway.yaml --split all  # its train split is normal videos: calibration
"$vaclip" train --config campus.yaml
"$vaclip" test --config walkway.yaml --out results/walkway
"$vaclip" evaluate --gt_path walkway/meta.json --pred_path results/walkway/frame_scores.npy \
  --output_dir results/walkway/evaluation --plot_curves
