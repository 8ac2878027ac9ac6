#!/usr/bin/env bash
# Refreshes translations/vaclip_studio_{de,zh_CN}.ts from the studio's sources (ui/ and
# app/vaclip-studio) with Qt's lupdate: new strings appear as type="unfinished", existing
# translations are kept, strings that left the code are dropped (-no-obsolete). Then translate
# the unfinished ones (Qt Linguist, or by editing the XML) until tests/gui/tst_translations passes.
# The build turns the .ts files into .qm resources itself (translations/translations.cmake).
#
#   scripts/update-translations.sh            # all languages
#   scripts/update-translations.sh de         # only German
set -euo pipefail
cd "$(dirname "$0")/.."

LUPDATE=""
for c in "${LUPDATE:-}" /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
  if [ -n "$c" ] && [ -x "$c" ]; then LUPDATE="$c"; break; fi
done
[ -n "$LUPDATE" ] || { echo "update-translations: lupdate not found (Debian: qt6-l10n-tools)" >&2; exit 1; }

langs=("$@")
[ "${#langs[@]}" -gt 0 ] || langs=(de zh_CN)
ts=()
for l in "${langs[@]}"; do ts+=("translations/vaclip_studio_${l}.ts"); done

"$LUPDATE" -no-obsolete -locations relative -extensions cpp,h \
  ui app/vaclip-studio -ts "${ts[@]}"

for f in "${ts[@]}"; do
  total=$(grep -c '<message' "$f" || true)
  open=$(grep -c 'type="unfinished"' "$f" || true)
  echo "update-translations: $f: $total messages, $open unfinished"
done
