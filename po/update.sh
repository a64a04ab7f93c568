#!/bin/sh
# Bring po/nl.po up to date with the sources and fold in po/parts/*.po.
#
#   po/update.sh        (or: cmake --build build --target po-update)
#
# 1. the template from the sources (po/pot.sh);
# 2. the translations nl.po has win; a part fills in what nl.po lacks (a
#    msgid nl.po does not have, or has untranslated or fuzzy). A msgid that
#    nl.po and a part translate differently is listed: nl.po's stays;
# 3. msgmerge with the template: new msgids come in untranslated (or fuzzy
#    when they are close to an old one), msgids gone from the sources go;
# 4. the counts of translated, fuzzy and untranslated messages.
# See po/README.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
nl=$here/nl.po
tmp=$(mktemp -d "${TMPDIR:-/tmp}/beter-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

sh "$here/pot.sh" "$src" "$tmp/beter.pot"
msgattrib --translated --no-fuzzy --no-obsolete -o "$tmp/have.po" "$nl"

set -- "$here"/parts/*.po
[ -e "$1" ] || set --
i=0
for part; do
	i=$((i + 1))
	msgattrib --translated --no-fuzzy --no-obsolete -o "$tmp/part$i.po" "$part"
	# msgids both translate, differently: msgcat marks them with #-#-#-#-#
	msgcat --more-than=1 -o "$tmp/common.po" "$tmp/have.po" "$tmp/part$i.po" 2>/dev/null || : >"$tmp/common.po"
	if [ -s "$tmp/common.po" ]; then
		msggrep --msgstr -F -e '#-#-#-#-#' "$tmp/common.po" | msgcat --no-wrap - |
			sed -n "s|^msgid \"\\(..*\\)\"\$|${part#"$src"/}: differs from nl.po, nl.po's kept: \\1|p" >&2
	fi
done
parts=""
j=0
while [ "$j" -lt "$i" ]; do
	j=$((j + 1))
	parts="$parts $tmp/part$j.po"
done
# shellcheck disable=SC2086
msgcat --use-first -o "$tmp/all.po" "$tmp/have.po" $parts "$nl"
msgmerge --quiet --previous -o "$tmp/merged.po" "$tmp/all.po" "$tmp/beter.pot"
msgattrib --no-obsolete -o "$nl" "$tmp/merged.po"

echo "po/nl.po: $(msgfmt --check --statistics -o /dev/null "$nl" 2>&1)"
if [ "$i" -gt 0 ]; then
	echo "the $i part(s) in po/parts are in po/nl.po now; remove them: git rm po/parts/*.po"
fi
