# Bad-input helpers for CLI tests: every reader of outside input must reject
# bad files with a clear message and exit 65, and leave the store as it was.
# Source after cli-lib.sh; a new reader adds one call to csv_bad_suite or
# json_bad_suite in tests/cli/badinput.sh.

# export_digest: the store's records as a digest (an export, so any change
# a user could see shows)
export_digest() {
	beter export 2>/dev/null | md5sum | cut -c1-12
}

# bad_input CMD...: like run, then check the exit status is 65 and the
# store unchanged. Long messages are cut to 300 bytes in the transcript.
bad_input() {
	local before rc
	before=$(export_digest)
	run_cut "$@"
	rc=$last_rc
	[ "$rc" -eq 65 ] || echo "EXPECTED EXIT 65, GOT $rc"
	[ "$before" = "$(export_digest)" ] || echo "STORE CHANGED"
}

run_cut() {
	echo "\$ $*" | cut -c1-120
	"$@" >"$TMP/out" 2>"$TMP/err"
	last_rc=$?
	cut -c1-300 "$TMP/out" | sed -E 's/[0-9a-f]{32}/<uid>/g'
	cut -c1-300 "$TMP/err" | sed -E 's/^/! /; s/[0-9a-f]{32}/<uid>/g'
	[ "$last_rc" -eq 0 ] || echo "[exit $last_rc]"
}

# csv_bad_suite HEADER GOOD_ROW CMD...: feed CMD (which gets the file name
# as its last argument) every kind of broken CSV. HEADER and GOOD_ROW are
# separated by $CSV_SEP (default ','); GOOD_ROW must be accepted on its own.
csv_bad_suite() {
	local header=$1 row=$2 d="$TMP/bad-csv" s=${CSV_SEP:-,}
	shift 2
	mkdir -p "$d"
	local first=${row%%"$s"*} rest=${row#*"$s"}
	printf '%s\n%s\n' "$header" "$row" >"$d/good.csv"
	printf '' >"$d/empty.csv"
	printf '\n\n' >"$d/blank.csv"
	printf '%s\n"%s%s%s\n' "$header" "$first" "$s" "$rest" >"$d/open-quote.csv"
	printf '%s\n"%s"x%s%s\n' "$header" "$first" "$s" "$rest" >"$d/quote-then-text.csv"
	printf '%s\n%s%sextra\n' "$header" "$row" "$s" >"$d/ragged-long.csv"
	printf '%s\n%s\n' "$header" "$first" >"$d/ragged-short.csv"
	{ printf '%s\n%s%s' "$header" "$first" "$s"; head -c 1048576 /dev/zero | tr '\0' 'a'; printf '\n'; } >"$d/1mb-field.csv"
	{ printf '%s\n%s' "$header" "$first"; printf 'x\0y%s' "$s"; printf '%s\n' "$rest"; } >"$d/nul.csv"
	# a BOM says UTF-8; without one, a file that is not UTF-8 is read as
	# Windows-1252, where 0x81 means nothing
	printf '\xef\xbb\xbf%s\n%s\xff\xfe%s%s\n' "$header" "$first" "$s" "$rest" >"$d/bad-utf8.csv"
	printf '\xef\xbb\xbf%s\n%s\xc3%s%s\n' "$header" "$first" "$s" "$rest" >"$d/cut-utf8.csv"
	printf '%s\n%s\x81%s%s\n' "$header" "$first" "$s" "$rest" >"$d/not-cp1252.csv"
	printf '\xff\xfe%s\n' "$header" | iconv -f utf-8 -t utf-16le 2>/dev/null >"$d/utf16.csv" ||
		printf '\xff\xfec\0o\0d\0e\0\n\0' >"$d/utf16.csv"
	local f
	for f in empty blank open-quote quote-then-text ragged-long ragged-short 1mb-field nul bad-utf8 cut-utf8 not-cp1252 utf16; do
		bad_input "$@" "$d/$f.csv"
	done
}

# json_bad_suite GOOD.json TEXT NUMBER CMD...: feed CMD (which gets the file
# name as its last argument) every kind of broken JSON, derived from a good
# document: TEXT and NUMBER are jq paths to a text and a number field of it
# (e.g. .title and .scale.min), which get the wrong types, a 1 MB value, a NUL
# byte, invalid UTF-8 and what strict JSON (RFC 8259) refuses: an invalid or
# unpaired \u escape, a raw tab, a leading zero, form feed as white space and
# a name given twice. An export (format beter-export) also gets broken
# envelopes.
json_bad_suite() {
	local good=$1 text=$2 number=$3 d="$TMP/bad-json"
	shift 3
	mkdir -p "$d"
	local mark='@@BAD@@'
	printf '' >"$d/empty.json"
	local lines
	lines=$(wc -l <"$good")
	if [ "$lines" -gt 2 ]; then
		head -n $((lines / 2)) "$good" >"$d/truncated.json"
	else
		head -c $(( $(wc -c <"$good") / 2 )) "$good" >"$d/truncated.json"
	fi
	printf '  \n' >"$d/blank.json"
	jq "$text = \"a$mark\"" "$good" | sed "s/$mark/\\\\u0000b/" >"$d/escaped-nul.json"
	jq "$text = \"a$mark\"" "$good" | sed "s/$mark/\\x00b/" >"$d/nul.json"
	jq "$text = \"a$mark\"" "$good" | sed "s/$mark/\\xff\\xfe/" >"$d/bad-utf8.json"
	jq "$text = \"a$mark\"" "$good" | sed "s/$mark/\\xed\\xa0\\x80/" >"$d/surrogate.json"
	{ head -c 100000 /dev/zero | tr '\0' '['; } >"$d/deep.json"
	{ cat "$good"; printf ' trailing'; } >"$d/trailing.json"
	jq -c '[.]' "$good" >"$d/array.json"
	jq -c "$text = (\"x\" * 1048576)" "$good" >"$d/1mb-field.json"
	jq -c "$text = 3" "$good" >"$d/text-number.json"
	jq -c "$text = [$text]" "$good" >"$d/text-array.json"
	jq -c "$number = \"1\"" "$good" >"$d/number-text.json"
	jq -c "$number = 1.5" "$good" >"$d/fraction.json"
	jq -c "$number = 1e300" "$good" >"$d/huge.json"
	jq "$text = \"a$mark\"" "$good" | sed "s/$mark/b\\\\uZZZZc/" >"$d/bad-escape.json"
	jq "$text = \"a$mark\"" "$good" | sed "s/$mark/b\\\\uD800c/" >"$d/lone-escape.json"
	jq "$text = \"a$mark\"" "$good" | sed "s/$mark/b\tc/" >"$d/raw-tab.json"
	jq "$number = \"$mark\"" "$good" | sed "s/\"$mark\"/07/" >"$d/leading-zero.json"
	{ printf '\f'; cat "$good"; } >"$d/form-feed.json"
	jq -c . "$good" | sed "s/^{/{$(jq -c 'to_entries[0] | {(.key): .value}' "$good" | sed 's/^{//; s/}$//; s/[\/&]/\\&/g'), /" \
		>"$d/dup-name.json"
	local f cases="empty truncated blank escaped-nul nul bad-utf8 surrogate deep trailing array 1mb-field text-number
		text-array number-text fraction huge bad-escape lone-escape raw-tab leading-zero form-feed dup-name"
	if jq -e '.format == "beter-export"' "$good" >/dev/null 2>&1; then
		printf '{"format": "beter-export", "format_version": "1", "schema_version": 1, "tables": {}}' >"$d/type.json"
		printf '{"format": "beter-export", "format_version": 1, "schema_version": 1, "tables": []}' >"$d/tables.json"
		sed '0,/"format"/s//"form\x00at"/' "$good" >"$d/nul-key.json"
		cases="$cases type tables nul-key"
	fi
	for f in $cases; do
		bad_input "$@" "$d/$f.json"
	done
}
