#!/usr/bin/env bash
# README command 2: install what is needed, build, and run every test (CTest prints its summary).
# Two configurations: the release build runs the whole suite; an AddressSanitizer + UBSan build
# runs the suites that read files (the bad-input cases among them).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/install-deps.sh" || exit 1
status=0
# CI (a fresh machine, as root) also installs the .deb with apt in ctest's package_deb test and
# removes it again (scripts/package.sh); elsewhere that stays opt-in.
if [ -n "${CI:-}" ] && [ "$(id -u)" = 0 ] && ! dpkg -s vaclip >/dev/null 2>&1; then
  export VACLIP_PACKAGE_INSTALL="${VACLIP_PACKAGE_INSTALL:-1}"
fi

bash "$here/scripts/build.sh" "$here/build" || exit 1
ctest --test-dir "$here/build" --output-on-failure --timeout 900 -j 2 || status=1

if [ "${VACLIP_SKIP_ASAN:-0}" != 1 ]; then
  # The suites that read files (bad-input cases among them), not the LibTorch model or GUI suites, and
  # only their targets are built (LibTorch itself is not instrumented; CI time is scarce).
  echo "== AddressSanitizer + UBSan build"
  asan="$here/build-asan"
  labels='io|video|data|config'
  exclude='clip|model|gui'
  mkdir -p "$asan"
  cmake -S "$here" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVACLIP_SANITIZE=ON \
    -DVACLIP_BUILD_BENCH=OFF >"$asan/configure.log" 2>&1 || { cat "$asan/configure.log"; exit 1; }
  targets=$(ctest --test-dir "$asan" -N -L "$labels" -LE "$exclude" | sed -n 's/^ *Test *#[0-9]*: *//p' | tr '\n' ' ')
  VACLIP_TARGETS="$targets" bash "$here/scripts/build.sh" "$asan" -DVACLIP_SANITIZE=ON -DVACLIP_BUILD_BENCH=OFF || exit 1
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan" --output-on-failure --timeout 900 -j 2 -L "$labels" -LE "$exclude" || status=1
fi
exit $status
