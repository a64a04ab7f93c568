#!/usr/bin/env bash
# Run one CLI test script and compare its transcript with the expected one.
#
#   tests/run-cli.sh tests/cli/TOPIC.sh path/to/beter
#
# The script runs in a fresh temporary directory with `beter` on PATH, a store
# in $BETER_DB and today fixed at 2026-11-20. Every `run CMD...` adds to the
# transcript the command, its stdout, its stderr (lines prefixed "! ") and its
# exit status. The transcript must equal TOPIC.expected beside the script;
# BETER_REGEN=1 rewrites the expected file instead (for an intended change).
#
# The script runs in English (BETER_LANG=en, whatever the machine's locale),
# and once more in Dutch (BETER_LANG=nl) when TOPIC.nl.expected exists; with
# BETER_REGEN=1 that file is rewritten too (create it empty to start one).
set -u
script=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
beter=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)

# run_in LANG EXPECTED: one run of the script, compared with (or written to) EXPECTED
run_in() {
(
lang=$1
expected=$2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/beter-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/work"
ln -s "$beter" "$tmp/bin/beter"
export PATH="$tmp/bin:$PATH"
export BETER_DB="$tmp/work/test.db"
# on PostgreSQL (BETER_TEST_PG: the socket directory of a running cluster,
# tests/pg/cluster.sh): the store is a database of its own, and `sqlite3 "$BETER_DB"`
# in a script reaches it through psql (tests/pg/bin/sqlite3)
if [ -n "${BETER_TEST_PG:-}" ]; then
	[ -S "$BETER_TEST_PG/.s.PGSQL.5432" ] || { echo "no PostgreSQL cluster at $BETER_TEST_PG: skipped"; exit 77; }
	pgdb=t_$(basename "$tmp" | tr -c 'a-zA-Z0-9\n' _)_$lang
	createdb -h "$BETER_TEST_PG" "$pgdb" || exit 1
	# with the copies a script made of it (store_copy, tests/cli-lib.sh)
	trap 'cut -d" " -f1 "$tmp/copies" 2>/dev/null | xargs -r -n1 dropdb -h "$BETER_TEST_PG" --if-exists 2>/dev/null
		rm -rf "$tmp"; dropdb -h "$BETER_TEST_PG" --if-exists "$pgdb" 2>/dev/null' EXIT
	export BETER_DB="postgresql:///$pgdb?host=$BETER_TEST_PG" PGHOST="$BETER_TEST_PG" PGDATABASE="$pgdb"
	ln -s "$here/pg/bin/sqlite3" "$tmp/bin/sqlite3"
fi
export BETER_TODAY=2026-11-20
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
export LC_ALL=C.UTF-8 TZ=UTC BETER_LANG="$lang"
unset LANGUAGE LC_MESSAGES LANG BETER_LOCALEDIR
export TESTS="$here" SHARE="${BETER_SHARE:-$here/../share}" TMP="$tmp"
unset SOURCE_DATE_EPOCH BETER_KEY_FILE BETER_SEAL_KEY_FILE VISUAL EDITOR
cd "$tmp/work"

# shellcheck source=tests/cli-lib.sh
( . "$here/cli-lib.sh"; . "$script" ) >"$tmp/actual" 2>&1
status=$?
# paths of this run read as $TMP in the transcript, the PostgreSQL store as the file
# (a command line quotes the address, where it would not quote the file's path)
[ -z "${BETER_TEST_PG:-}" ] || sed -i "/^\\$ /s| '$BETER_DB'| \$TMP/work/test.db|g; s|$BETER_DB|\$TMP/work/test.db|g" "$tmp/actual"
# and a copy of it (store_copy NAME) as NAME, like the file NAME on SQLite
[ ! -f "$tmp/copies" ] || while read -r _ name addr; do
	sed -i "/^\\$ /s| 'BETER_DB=$addr'| BETER_DB=$name|g; s|$addr|$name|g" "$tmp/actual"
done <"$tmp/copies"
sed -i "s|$tmp|\$TMP|g" "$tmp/actual"
if [ "$status" -ne 0 ]; then
	echo "[script exited $status]" >>"$tmp/actual"
fi

if [ "${BETER_REGEN:-0}" = 1 ] && [ -z "${BETER_TEST_PG:-}" ]; then
	cp "$tmp/actual" "$expected"
	echo "regenerated $expected"
	exit 0
fi
if [ ! -f "$expected" ]; then
	echo "no expected transcript $expected; run with BETER_REGEN=1 to create it, then check it"
	cat "$tmp/actual"
	exit 1
fi
diff -u "$expected" "$tmp/actual"
)
}

run_in en "${script%.sh}.expected"
rc=$?
if [ -f "${script%.sh}.nl.expected" ]; then
	run_in nl "${script%.sh}.nl.expected" || rc=1
fi
exit "$rc"
