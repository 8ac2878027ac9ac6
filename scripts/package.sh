#!/usr/bin/env bash
# Builds the Debian package of VideoAnomalyCLIP (CPack DEB) and checks it.
#   scripts/package.sh [BUILD_DIR]             configure + build (scripts/build.sh), package, check
#   scripts/package.sh --no-build BUILD_DIR    package an already built tree and check it
#                                              (the CTest test "package_deb", label "package")
# The .deb goes to BUILD_DIR/package/. Checks: dpkg-deb --info (computed Depends) and --contents
# (expected files), `dpkg -x` into a temporary root and from there `vaclip --version` and
# `vaclip import --list` (the plugins are found relative to the moved executable),
# appstreamcli validate and desktop-file-validate (when the studio is packaged), and
# `apt-get install --simulate` of the .deb (its dependencies resolve on this system), and the
# unpacked studio started on the offscreen platform (it must still run after a few seconds).
# This default needs no root and changes nothing.
# VACLIP_PACKAGE_INSTALL=1 (as root; scripts/test.sh sets it in CI) also installs it with apt for
# real, runs /usr/bin/vaclip --version, `vaclip import --list` and `vaclip demo --quick` from the
# installed paths, starts the installed studio offscreen, and removes the package again (also when
# a check fails).
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

# The unpacked studio starts (Qt platform plugin, resources, translations) and keeps running:
# `timeout` ending it after 4 s (status 124) is success; exiting earlier is a crash or an error.
studio_starts() {
  local home status
  home=$(mktemp -d)
  set +e
  HOME="$home" XDG_CONFIG_HOME="$home/config" QT_QPA_PLATFORM=offscreen VACLIP_DEMO_DIR="$home/no-demo" \
    timeout 4 "$1" >"$home/studio.log" 2>&1
  status=$?
  set -e
  [ "$status" = 124 ] || { cat "$home/studio.log"; rm -rf "$home"; fail "$1 exited with status $status within 4 s"; }
  rm -rf "$home"
}
if [ "$studio" = 1 ]; then
  studio_starts "$root/usr/bin/vaclip-studio"
  echo "package: the unpacked studio starts (offscreen): ok"
fi

# 5. Would apt install it here? (Resolves the Depends against this system; changes nothing.)
if command -v apt-get >/dev/null; then
  apt-get install --simulate -q "$deb" >"$build/package/apt-simulate.log" 2>&1 \
    || { cat "$build/package/apt-simulate.log"; fail "apt-get install --simulate"; }
  echo "package: apt-get install --simulate: ok"
fi
if [ "${VACLIP_PACKAGE_INSTALL:-0}" = 1 ]; then
  [ "$(id -u)" = 0 ] || fail "VACLIP_PACKAGE_INSTALL=1 installs the package with apt and needs root"
  dpkg -s vaclip >/dev/null 2>&1 && fail "a vaclip package is already installed; not replacing it"
  trap 'apt-get remove -y -q vaclip >/dev/null 2>&1 || true; rm -rf "$root"' EXIT
  apt-get install -y -q "$deb" >"$build/package/apt-install.log" 2>&1 \
    || { cat "$build/package/apt-install.log"; fail "apt-get install"; }
  /usr/bin/vaclip --version | grep -q "^vaclip $(sed -n 's/^ Version: //p' <<<"$info") " \
    || fail "the installed vaclip --version does not print the package version"
  env -u VACLIP_PLUGIN_PATH /usr/bin/vaclip import --list | grep -q "install  /usr/lib/.*vaclip/plugins/libvaclip_format_ucsd_ped2.so" \
    || fail "the installed vaclip does not find its plugins"
  [ "$studio" = 1 ] && studio_starts /usr/bin/vaclip-studio
  # The installed demo end to end (shipped backbone and configs from /usr/share/vaclip), reduced world.
  /usr/bin/vaclip demo --quick --dir "$root/demo" >"$build/package/installed-demo.log" 2>&1 \
    || { cat "$build/package/installed-demo.log"; fail "the installed vaclip demo --quick"; }
  [ -s "$root/demo/demo.json" ] || fail "the installed vaclip demo wrote no demo.json"
  apt-get remove -y -q vaclip >/dev/null
  echo "package: installed with apt, ran vaclip --version, import --list$([ "$studio" = 1 ] && echo ', the studio'), demo --quick, removed: ok"
else
  echo "package: not installed for real (VACLIP_PACKAGE_INSTALL=1 as root does; CI only unpacks it)"
fi
echo "package: ok"
