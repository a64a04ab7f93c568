#!/bin/sh
# i18n/catalogue: every message marked in the sources is in the Dutch
# catalogue, translated and not fuzzy, and the catalogue compiles
# (msgfmt --check: the header, plural forms and the %-directives of every
# translation).
#
#   tests/i18n/catalogue.sh SRCDIR [PO]     (PO: po/nl.po)
set -u
src=$1
po=${2:-$src/po/nl.po}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/beter-catalogue.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

sh "$src/po/pot.sh" "$src" "$tmp/beter.pot" || { echo "xgettext failed"; exit 1; }
rc=0
if ! msgfmt --check -o /dev/null "$po" 2>"$tmp/fmt"; then
	sed 's/^/  /' "$tmp/fmt"
	echo "$(basename "$po") does not compile (msgfmt --check)"
	rc=1
fi
# missing, untranslated and fuzzy messages (msgcmp counts all three)
if ! msgcmp "$po" "$tmp/beter.pot" >"$tmp/cmp" 2>&1; then
	msgattrib --untranslated --no-obsolete "$po" 2>/dev/null | msgcat --no-wrap - 2>/dev/null |
		sed -n 's/^msgid "\(..*\)"$/  untranslated: \1/p'
	msgattrib --only-fuzzy --no-obsolete "$po" 2>/dev/null | msgcat --no-wrap - 2>/dev/null |
		sed -n 's/^msgid "\(..*\)"$/  fuzzy: \1/p'
	msgcat --no-wrap "$tmp/beter.pot" | sed -n 's/^msgid "\(..*\)"$/\1/p' | LC_ALL=C sort >"$tmp/want"
	msgcat --no-wrap "$po" 2>/dev/null | sed -n 's/^msgid "\(..*\)"$/\1/p' | LC_ALL=C sort >"$tmp/have"
	LC_ALL=C comm -23 "$tmp/want" "$tmp/have" | sed 's/^/  missing: /'
	echo "$(basename "$po"): $(grep -c 'untranslated\|reviewed\|used but not defined' "$tmp/cmp") message(s)" \
		"of the sources missing, untranslated or fuzzy (run po/update.sh, then translate; see po/README)"
	rc=1
fi
[ "$rc" -eq 0 ] && echo "$(basename "$po"): $(msgfmt --statistics -o /dev/null "$po" 2>&1)"
exit "$rc"
