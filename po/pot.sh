#!/bin/sh
# Write the catalogue template: every string marked with _(), N_(), P_() or
# given to CMD() in cmd/, lib/ and include/beter/.
#
#   po/pot.sh SRCDIR OUT.pot
#
# The one place xgettext is called (the build and po/update.sh use it). No
# line numbers and no creation date, so that po/nl.po changes only where a
# message does.
set -eu
src=$1
out=$2
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
mkdir -p "$(dirname "$out")"
cd "$src"
# shellcheck disable=SC2046
xgettext --from-code=UTF-8 --language=C --add-location=file --add-comments=TRANSLATORS: \
	--keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=CMD:2 --keyword=NC_:1c,2 \
	--package-name=beter -o "$out.tmp" \
	$(ls cmd/*.c cmd/*.h lib/*.c mod/*.c include/beter/*.h | LC_ALL=C sort) 2>"$out.err" || {
	cat "$out.err" >&2
	exit 1
}
# (beter has no bug address for the header; xgettext warns about that)
grep -v -e '--msgid-bugs-address\|MSGID_BUGS_ADDRESS\|If you are using a .Makevars' "$out.err" >&2 || :
rm -f "$out.err"
sed '/^"POT-Creation-Date: /d' "$out.tmp" >"$out"
rm -f "$out.tmp"
