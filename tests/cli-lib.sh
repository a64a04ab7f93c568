# Helpers for CLI test scripts (sourced by tests/run-cli.sh).

# run CMD [ARGS...]: record the command, its stdout, its stderr ("! " lines)
# and its exit status.
run() {
	local q="" a
	for a in "$@"; do
		case $a in
		*[!A-Za-z0-9_./=:,@%+-]* | "") q="$q '${a//\'/\'\\\'\'}'" ;;
		*) q="$q $a" ;;
		esac
	done
	echo "\$${q}"
	"$@" >"$TMP/out" 2>"$TMP/err"
	local rc=$?
	cat "$TMP/out"
	sed 's/^/! /' "$TMP/err"
	[ "$rc" -eq 0 ] || echo "[exit $rc]"
}

# quiet CMD [ARGS...]: run without recording output, only a failure.
quiet() {
	"$@" >"$TMP/out" 2>"$TMP/err" || { echo "FAILED ($?): $*"; cat "$TMP/err"; }
}

# note TEXT: a heading in the transcript.
note() {
	echo
	echo "## $*"
}

# store_digest: a digest of every table's content, to show a store unchanged.
store_digest() {
	sqlite3 "$BETER_DB" .dump 2>/dev/null | grep -v '^PRAGMA\|^BEGIN\|^COMMIT' | md5sum | cut -c1-12
}
