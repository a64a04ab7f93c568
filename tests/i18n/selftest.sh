#!/bin/sh
# i18n/selftest: the two i18n checks fail where they must.
#  - unmarked.py finds every unmarked string of fixture.c (fixture.expected)
#    and none of the marked ones;
#  - po/pot.sh takes the strings of every marker: _(), N_(), P_() with its
#    plural, and the summary of CMD();
#  - catalogue.sh fails on a copy of po/nl.po with one message dropped, one
#    fuzzy, one untranslated and one whose translation breaks its format.
#
#   tests/i18n/selftest.sh SRCDIR
set -u
src=$1
here=$src/tests/i18n
tmp=$(mktemp -d "${TMPDIR:-/tmp}/beter-i18n.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
rc=0

(cd "$here" && python3 unmarked.py --files fixture.c) >"$tmp/unmarked"
[ $? -eq 1 ] || { echo "unmarked.py did not fail on fixture.c"; rc=1; }
diff -u "$here/fixture.expected" "$tmp/unmarked" || rc=1

mkdir -p "$tmp/src/cmd" "$tmp/src/lib" "$tmp/src/include/beter"
cp "$here/fixture.c" "$tmp/src/cmd/"
touch "$tmp/src/lib/empty.c" "$tmp/src/include/beter/empty.h"
echo 'CMD(init, "create a store with its first school", CREATES_STORE)' >"$tmp/src/cmd/commands.h"
sh "$src/po/pot.sh" "$tmp/src" "$tmp/fixture.pot" || rc=1
for want in 'msgid "the team"' 'msgid "no team '"'%s'"'"' 'msgid "%d person added"' 'msgid_plural "%d people added"' \
	'msgid "Goals"' 'msgid "create a store with its first school"' '#: cmd/fixture.c'; do
	grep -qxF "$want" "$tmp/fixture.pot" || { echo "po/pot.sh did not extract: $want"; rc=1; }
done
grep -q 'msgid "every team"' "$tmp/fixture.pot" && { echo "po/pot.sh extracted an unmarked string"; rc=1; }

awk '/^msgid "failed"$/ { skip = 1 } skip && /^$/ { skip = 0; next } !skip' "$src/po/nl.po" >"$tmp/nl.po"
sed -i -e 's/^msgid "show this help"$/#, fuzzy\nmsgid "show this help"/' \
	-e '/^msgid "print the version"$/{n;s/.*/msgstr ""/}' \
	-e '/^msgid "writing output: %s"$/{n;s/.*/msgstr "uitvoer schrijven: %d"/}' "$tmp/nl.po"
sh "$here/catalogue.sh" "$src" "$tmp/nl.po" >"$tmp/catalogue" 2>&1
[ $? -eq 1 ] || { echo "catalogue.sh did not fail on a broken catalogue"; rc=1; }
for want in "does not compile" "untranslated: print the version" "fuzzy: show this help" "missing: failed" \
	"3 message(s) of the sources missing, untranslated or fuzzy"; do
	grep -qF "$want" "$tmp/catalogue" || { echo "catalogue.sh did not say: $want"; rc=1; }
done
[ "$rc" -eq 0 ] || cat "$tmp/catalogue"
exit "$rc"
