#!/usr/bin/env bash
# Builds the Debian package of VideoAnomalyCLIP (CPack DEB) and checks it.
#   scripts/package.sh [BUILD_DIR]             configure + build (scripts/build.sh), package, check
#   scripts/package.sh --no-build BUILD_DIR    package an already built tree and check it
#                                              (the CTest test "package_deb", label "package")
# The .deb goes to BUILD_DIR/package/. Checks: dpkg-deb --info (computed Depends) and --contents
# (expected files), `dpkg -x` into a temporary root and from there `vaclip --version` and
# `vaclip import --list` (the plugins are found relative to the moved executable),
# appstreamcli validate and desktop-file-validate (when the studio is packaged), and
# `apt-get install --simulate` of the .deb (its dependencies resolve on this system).
# VACLIP_PACKAGE_INSTALL=1 also installs it with apt for real, runs /usr/bin/vaclip --version
# and removes the package again (needs root; not done by default: it changes the system).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_first=1
if [ "${1:-}" = "--no-build" ]; then build_first=0; shift; fi
build=$(mkdir -p "${1:-$here/build}" && cd "${1:-$here/build}" && pwd)
fail() { echo "package: FAIL: $*" >&2; exit 1; }

if [ "$build_first" = 1 ]; then
  bash "$here/scripts/build.sh" "$build"
fi
[ -f "$build/CPackConfig.cmake" ] || fail "$build is not a configured build tree (no CPackConfig.cmake)"

# 1. Build the package (install into CPack's staging folder, strip, dpkg-shlibdeps, gzip).
mkdir -p "$build/package"
rm -f "$build"/package/vaclip_*.deb
start=$(date +%s)
cpack --config "$build/CPackConfig.cmake" -B "$build/package" >"$build/package/cpack.log" 2>&1 \
  || { cat "$build/package/cpack.log"; fail "cpack"; }
deb=$(ls "$build"/package/vaclip_*.deb)
echo "package: $deb ($(du -h "$deb" | cut -f1), $(( $(date +%s) - start )) s)"

# 2. Metadata: name, version, and dependencies computed from the binaries.
info=$(dpkg-deb --info "$deb")
echo "$info" | sed -n 's/^ \(Package\|Version\|Architecture\|Installed-Size\): /package:   \1: /p'
depends=$(echo "$info" | sed -n 's/^ Depends: //p')
echo "package:   Depends: $depends"
for lib in libtorch libavformat libqt6core6 libyaml-cpp; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib (dpkg-shlibdeps did not see it)"
done

# 3. Contents: the executables, every plugin, the man page, configs.
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
expect() { grep -Eq "$1" <<<"$contents" || fail "the package has no $1"; }
expect '^\./usr/bin/vaclip$'
for p in ucsd_ped1 ucsd_ped2 shanghaitech avenue folder interval_csv; do
  expect "^\./usr/lib/.*vaclip/plugins/libvaclip_format_${p}\.so$"
done
expect '^\./usr/share/man/man1/vaclip\.1\.gz$'
expect '^\./usr/share/vaclip/configs/.*\.yaml$'
studio=0
if grep -q '^\./usr/bin/vaclip-studio$' <<<"$contents"; then
  studio=1
  expect '^\./usr/share/applications/org\.vaclip\.Studio\.desktop$'
  expect '^\./usr/share/metainfo/org\.vaclip\.Studio\.metainfo\.xml$'
  expect '^\./usr/share/icons/hicolor/scalable/apps/org\.vaclip\.Studio\.svg$'
fi

# 4. Unpack into a temporary root (not under the build tree) and run from there.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
version=$("$root/usr/bin/vaclip" --version) || fail "vaclip --version"
sed 's/^/package:   /' <<<"$version"
grep -q "^vaclip $(sed -n 's/^ Version: //p' <<<"$info") " <<<"$version" \
  || fail "vaclip --version does not print the package version"
list=$(env -u VACLIP_PLUGIN_PATH XDG_DATA_HOME="$root/xdg" "$root/usr/bin/vaclip" import --list)
for f in ucsd-ped1 ucsd-ped2 shanghaitech avenue folder interval-csv; do
  grep -q "^  $f " <<<"$list" || { echo "$list"; fail "the unpacked vaclip does not list format $f"; }
done
grep -q "install  $root/usr/lib/.*vaclip/plugins/libvaclip_format_ucsd_ped2.so" <<<"$list" \
  || { echo "$list"; fail "the plugins were not found next to the unpacked executable"; }
manpage=$(zcat "$root/usr/share/man/man1/vaclip.1.gz")
grep -q '^\.TH VACLIP 1' <<<"$manpage" || fail "the man page is not roff"
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z <<<"$manpage" 2>&1)
  [ -z "$warnings" ] || fail "groff warns on the man page: $warnings"
fi
if [ "$studio" = 1 ]; then
  if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/org.vaclip.Studio.metainfo.xml" \
      || fail "appstreamcli validate"
  fi
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/org.vaclip.Studio.desktop" || fail "desktop-file-validate"
  fi
fi

# 5. Would apt install it here? (Resolves the Depends against this system; changes nothing.)
if command -v apt-get >/dev/null; then
  apt-get install --simulate -q "$deb" >"$build/package/apt-simulate.log" 2>&1 \
    || { cat "$build/package/apt-simulate.log"; fail "apt-get install --simulate"; }
  echo "package: apt-get install --simulate: ok"
fi
if [ "${VACLIP_PACKAGE_INSTALL:-0}" = 1 ]; then
  apt-get install -y -q "$deb"
  /usr/bin/vaclip --version
  apt-get remove -y -q vaclip
fi
echo "package: ok"
