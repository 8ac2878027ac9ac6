#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing VideoAnomalyCLIP needs.
# Idempotent: packages already present are skipped, and `apt-get update` runs at most once
# per invocation (and not at all when nothing is missing). Must run as root (or via sudo).
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # engine
  libtorch-dev libopenblas0-openmp
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev zlib1g-dev libsqlite3-dev libgloo-dev
  # desktop application
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqcustomplot-dev
  libgl-dev fonts-dejavu-core
  # translations: Qt's own strings (qtbase_de.qm, qtbase_zh_CN.qm) and a CJK font for Chinese
  qt6-translations-l10n fonts-wqy-microhei
  # tests and benchmarks: reference encoder/decoder, numpy interop, GoogleTest, Google Benchmark,
  # a virtual X server for GUI tests and screenshots
  ffmpeg python3 python3-numpy python3-pil python3-sklearn python3-scipy libgtest-dev libgmock-dev libbenchmark-dev
  xvfb x11-apps imagemagick xauth
  # packaging checks (scripts/package.sh): AppStream and .desktop validators
  appstream desktop-file-utils
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root (missing: ${missing[*]})" >&2; exit 1; }
  SUDO="sudo"
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
