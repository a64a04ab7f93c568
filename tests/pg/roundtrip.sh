#!/bin/sh
# A store travels between the engines unchanged: the demo school built in
# SQLite, exported, imported into PostgreSQL, exported from there, imported
# into a new SQLite store and exported once more; the three exports are the
# same bytes. Prints what differs when they are not. Then the check finds a
# rule broken in both stores in the same words, English and Dutch.
# Usage: sh tests/pg/roundtrip.sh [BETER]   (BETER: the beter binary; default
# build/beter). Exit 77: no PostgreSQL server binaries.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
beter=${1:-$top/build/beter}

[ -x "$beter" ] || { echo "roundtrip.sh: no beter binary at '$beter' (build first, or name it)"; exit 1; }
command -v createdb >/dev/null 2>&1 || { echo "roundtrip.sh: no createdb: skipped"; exit 77; }
. "$here/lib.sh"
pg_cluster roundtrip.sh
export BETER_TODAY=2026-11-20 BETER_LANG=en LC_ALL=C.UTF-8 TZ=UTC
export BETER_SHARE="${BETER_SHARE:-$top/share}"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
unset BETER_DB SOURCE_DATE_EPOCH BETER_KEY_FILE BETER_SEAL_KEY_FILE

fail=0
# step WHAT CMD...: run CMD, say so and stop when it fails
step() {
	what=$1
	shift
	if ! "$@" >"$tmp/out" 2>"$tmp/err"; then
		echo "roundtrip.sh: $what failed:"
		cat "$tmp/out" "$tmp/err"
		exit 1
	fi
}

# the demo school in SQLite (share/demo/demo.sh builds it as the demo does)
step "building the demo store" sh "$top/share/demo/demo.sh" "$beter" "$tmp/demo.db"
step "exporting from SQLite" sh -c '"$1" --db "$2" export >"$3"' - "$beter" "$tmp/demo.db" "$tmp/1-sqlite.json"

createdb rt || { echo "roundtrip.sh: createdb failed"; exit 1; }
pgdb="postgresql:///rt?host=$pg"
step "importing into PostgreSQL" "$beter" --db "$pgdb" import "$tmp/1-sqlite.json"
step "checking the PostgreSQL store" "$beter" --db "$pgdb" check
step "exporting from PostgreSQL" sh -c '"$1" --db "$2" export >"$3"' - "$beter" "$pgdb" "$tmp/2-pg.json"
step "importing into a new SQLite store" "$beter" --db "$tmp/again.db" import "$tmp/2-pg.json"
step "exporting from the new SQLite store" sh -c '"$1" --db "$2" export >"$3"' - "$beter" "$tmp/again.db" "$tmp/3-sqlite.json"

# compare A B: the same bytes, else the lines that differ (a few per table)
compare() {
	if cmp -s "$tmp/$1" "$tmp/$2"; then
		echo "$1 and $2: the same bytes"
	else
		echo "$1 and $2 differ:"
		diff "$tmp/$1" "$tmp/$2" | head -40
		fail=1
	fi
}
compare 1-sqlite.json 2-pg.json
compare 2-pg.json 3-sqlite.json
# the check's words come out the same on both engines, in Dutch too: a rule
# broken behind beter's back in each store (PostgreSQL translates nothing
# itself; beter does)
if command -v sqlite3 >/dev/null 2>&1 && command -v psql >/dev/null 2>&1; then
	bad="UPDATE person SET code = 'a b' WHERE id = 10; UPDATE team SET name = ' ' WHERE id = 2"
	sqlite3 "$tmp/again.db" "$bad" && psql -q -d rt -c "$bad" || { echo "roundtrip.sh: breaking a rule failed"; exit 1; }
	for lang in en nl; do
		for fmt in "" --json; do
			BETER_LANG=$lang "$beter" --db "$tmp/again.db" $fmt check >"$tmp/check-sqlite" 2>&1
			echo "exit $?" >>"$tmp/check-sqlite"
			BETER_LANG=$lang "$beter" --db "$pgdb" $fmt check >"$tmp/check-pg" 2>&1
			echo "exit $?" >>"$tmp/check-pg"
			sed -i "s|$pgdb|STORE|g; s|$tmp/again.db|STORE|g" "$tmp/check-sqlite" "$tmp/check-pg"
			if ! grep -q 'a b' "$tmp/check-sqlite"; then
				echo "check ($lang$fmt) did not find the broken rule:"
				cat "$tmp/check-sqlite"
				fail=1
			elif cmp -s "$tmp/check-sqlite" "$tmp/check-pg"; then
				echo "check ($lang${fmt:+ $fmt}): the same words on both engines"
			else
				echo "check ($lang${fmt:+ $fmt}) differs between SQLite and PostgreSQL:"
				diff "$tmp/check-sqlite" "$tmp/check-pg"
				fail=1
			fi
		done
	done
fi
rows=$(grep -c '^      {' "$tmp/1-sqlite.json")
echo "$rows rows exported"
[ "$rows" -gt 500 ] || { echo "roundtrip.sh: the demo store is too small to tell much"; fail=1; }
exit $fail
