#!/usr/bin/env bash
# README command 1: install what is needed, build, and start the main job.
#
# The main job is `vaclip demo` (core/demo/demo.h): it renders the two demo "datasets" (campus:
# training world; walkway: zero-shot test world) into build/run/demo, extracts CLIP features with
# the shipped demo backbone (resources/demo_backbone), trains the temporal transformer + generic
# prompt context on campus, tests on walkway with the semantic prompts, evaluates and prints the
# table (a second run reuses the worlds, features and checkpoint).
# VACLIP_BACKBONE=PATH uses other CLIP weights. Without the shipped backbone, the tiny
# random-weight reference CLIP in ../shared is used when it is there: the pipeline runs for real
# but its scores mean nothing (said so, not pretended). With neither, the sample job runs.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/install-deps.sh"
bash "$here/scripts/build.sh" "$here/build"
vaclip="$here/build/app/vaclip/vaclip"
run="$here/build/run"
mkdir -p "$run"

backbone=${VACLIP_BACKBONE:-}
if [ -z "$backbone" ] && [ ! -f "$here/resources/demo_backbone/demo_backbone.safetensors" ]; then
  if [ -d "$here/../shared/reference/clip/tiny-a/hf" ]; then
    backbone=$(cd "$here/../shared/reference/clip/tiny-a/hf" && pwd)
    echo "run: no demo backbone in resources/: using the tiny RANDOM-WEIGHT reference CLIP ($backbone);"
    echo "run: the pipeline runs for real, but zero-shot scores from random weights are chance-level."
  else
    echo "run: no backbone (resources/demo_backbone or VACLIP_BACKBONE=PATH): the sample job instead"
    bash "$here/scripts/make-sample.sh" "$run/sample"
    "$vaclip" import --format ucsd-ped2 --root "$run/sample/UCSDped2" --out "$run/sample/meta.json"
    "$vaclip" info "$run/sample/meta.json" --check-videos
    exit 0
  fi
fi

set -x
"$vaclip" --version
"$vaclip" demo --dir "$run/demo" ${backbone:+--backbone "$backbone"}
set +x

# Then the studio on that workspace (it opens $VACLIP_DEMO_DIR's demo by default) when there is
# a display; VACLIP_NO_STUDIO=1 skips it (CI, ssh without X).
studio="$here/build/app/vaclip-studio/vaclip-studio"
if [ -x "$studio" ] && [ -z "${VACLIP_NO_STUDIO:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  VACLIP_DEMO_DIR="$run/demo" "$studio"
else
  echo "run: open the studio on it with:  VACLIP_DEMO_DIR=$run/demo $studio"
fi
