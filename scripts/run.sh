#!/usr/bin/env bash
# README command 1: install what is needed, build, and start the main job.
# The studio and the demo world are not built yet, so the main job is the most complete CLI
# run there is: a UCSD Ped2-layout sample dataset is rendered with FFmpeg, imported to
# meta.json, described, and the shipped configs are validated.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/install-deps.sh"
bash "$here/scripts/build.sh" "$here/build"
vaclip="$here/build/app/vaclip/vaclip"
sample="$here/build/sample"
bash "$here/scripts/make-sample.sh" "$sample"

set -x
"$vaclip" --version
"$vaclip" import --list
"$vaclip" import --format ucsd-ped2 --root "$sample/UCSDped2" --out "$sample/meta.json"
"$vaclip" info "$sample/meta.json" --check-videos
"$vaclip" info "$sample/UCSDped2/Test/Test002"
"$vaclip" info "$sample/street.mp4" --decode
"$vaclip" check-config "$here/configs/ucsd_test.yaml"
