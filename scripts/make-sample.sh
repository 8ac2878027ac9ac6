#!/usr/bin/env bash
# Renders a small sample in the UCSD Ped2 layout (grayscale 360x240 .tif frames, .bmp masks,
# a UCSDped2.m ground-truth file) and one H.264 street clip, with the ffmpeg program.
#   scripts/make-sample.sh OUT_DIR
set -euo pipefail
out=${1:?usage: make-sample.sh OUT_DIR}
root="$out/UCSDped2"
[ -f "$root/Test/UCSDped2.m" ] && [ -f "$out/street.mp4" ] && { echo "sample: $out (exists)"; exit 0; }
mkdir -p "$root/Train" "$root/Test"
ff() { ffmpeg -nostdin -v error -y "$@"; }
for i in 001 002; do
  mkdir -p "$root/Train/Train$i"
  ff -f lavfi -i "testsrc2=s=360x240:r=10,hue=s=0" -frames:v 40 -pix_fmt gray "$root/Train/Train$i/%03d.tif"
done
# Test videos: 40 frames each; anomalies (1-based inclusive, as UCSD writes them) below.
ranges=("[11:30]" "[1:15, 31:40]" "[21:40]")
for n in 1 2 3; do
  t=$(printf "Test%03d" "$n")
  mkdir -p "$root/Test/$t" "$root/Test/${t}_gt"
  ff -f lavfi -i "testsrc2=s=360x240:r=10,hue=s=0" -frames:v 40 -pix_fmt gray "$root/Test/$t/%03d.tif"
  ff -f lavfi -i "color=black:s=360x240:r=10" -frames:v 40 -pix_fmt gray "$root/Test/${t}_gt/%03d.bmp"
done
{
  echo "TestVideoFile = {};"
  for r in "${ranges[@]}"; do echo "TestVideoFile{end+1}.gt_frame = $r;"; done
} > "$root/Test/UCSDped2.m"
ff -f lavfi -i "testsrc2=s=640x360:r=25" -t 4 -c:v libx264 -preset fast -pix_fmt yuv420p "$out/street.mp4"
echo "sample: $out"
