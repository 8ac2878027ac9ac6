#!/usr/bin/env bash
# Refreshes translations/vaclip_studio_{de,zh_CN}.ts from the studio's sources (ui/ and
# app/vaclip-studio) with Qt's lupdate: new strings appear as type="unfinished", existing
# translations are kept, strings that left the code are dropped (-no-obsolete). Then translate
# the unfinished ones (Qt Linguist, or by editing the XML) until tests/gui/tst_translations passes.
# The build turns the .ts files into .qm resources itself (translations/translations.cmake).
# English is the source language: translations/vaclip_studio_en.ts holds only its plural forms
# (lupdate -pluralonly: "%n video(s)" -> "%n video" / "%n videos"), refreshed with the others.
#
#   scripts/update-translations.sh            # all languages (and the English plurals)
#   scripts/update-translations.sh de         # only German
set -euo pipefail
cd "$(dirname "$0")/.."

LUPDATE=""
for c in "${LUPDATE:-}" /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
  if [ -n "$c" ] && [ -x "$c" ]; then LUPDATE="$c"; break; fi
done
[ -n "$LUPDATE" ] || { echo "update-translations: lupdate not found (Debian: qt6-l10n-tools)" >&2; exit 1; }

langs=()
for l in "$@"; do [ "$l" = en ] || langs+=("$l"); done
[ "$#" -gt 0 ] || langs=(de zh_CN)
ts=()
for l in "${langs[@]}"; do ts+=("translations/vaclip_studio_${l}.ts"); done

if [ "${#ts[@]}" -gt 0 ]; then
  "$LUPDATE" -no-obsolete -locations relative -extensions cpp,h \
    ui app/vaclip-studio -ts "${ts[@]}"
fi
if [ "$#" -eq 0 ] || printf '%s\n' "$@" | grep -qx en; then
  "$LUPDATE" -no-obsolete -locations relative -extensions cpp,h -pluralonly -source-language en -target-language en \
    ui app/vaclip-studio -ts translations/vaclip_studio_en.ts
  ts+=(translations/vaclip_studio_en.ts)
fi

for f in "${ts[@]}"; do
  total=$(grep -c '<message' "$f" || true)
  open=$(grep -c 'type="unfinished"' "$f" || true)
  echo "update-translations: $f: $total messages, $open unfinished"
done
