#!/usr/bin/env bash
# Configures and builds VideoAnomalyCLIP with CMake + Ninja (ccache when present).
#   scripts/build.sh [BUILD_DIR] [extra cmake -D options...]
# VACLIP_TARGETS="a b" builds only those targets (and what they need) instead of everything.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-"$here/build"}
shift || true
mkdir -p "$build"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$build/configure.log" 2>&1 \
  || { cat "$build/configure.log"; exit 1; }
# Print the feature summary (what was found, what is on) from the configure log.
sed -n '/The following features have been enabled/,/Configuring done/p' "$build/configure.log" | grep -v '^$' || true
if [ -n "${VACLIP_TARGETS:-}" ]; then
  # shellcheck disable=SC2086 # a list of target names
  cmake --build "$build" --parallel "$(nproc)" --target ${VACLIP_TARGETS}
else
  cmake --build "$build" --parallel "$(nproc)"
fi
