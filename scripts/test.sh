#!/usr/bin/env bash
# README command 2: install what is needed, build, and run every test (CTest prints its summary).
# Two configurations: the release build runs the whole suite; an AddressSanitizer + UBSan build
# runs the suites that read files (the bad-input cases among them).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/install-deps.sh" || exit 1
status=0

bash "$here/scripts/build.sh" "$here/build" || exit 1
ctest --test-dir "$here/build" --output-on-failure --timeout 900 -j 2 || status=1

if [ "${VACLIP_SKIP_ASAN:-0}" != 1 ]; then
  echo "== AddressSanitizer + UBSan build"
  bash "$here/scripts/build.sh" "$here/build-asan" -DVACLIP_SANITIZE=ON -DVACLIP_BUILD_BENCH=OFF || exit 1
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$here/build-asan" --output-on-failure --timeout 900 -j 2 -L 'io|video|data|config' || status=1
fi
exit $status
