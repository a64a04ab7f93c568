#!/bin/sh
# SQLite's functions in PostgreSQL (share/sql/pg/compat.sql) give SQLite's
# results: every expression of tests/pg/compat.cases is run as quote(EXPR) by
# sqlite3 and by a throw-away PostgreSQL cluster, and the two must agree on
# the value's type and text: quote(EXPR), or 'real ' and its text for a real
# (or PostgreSQL must give the literal the case names).
# Usage: sh tests/pg/compat.sh    (exit 77: no PostgreSQL or sqlite3 here)
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cases=$here/compat.cases

command -v sqlite3 >/dev/null 2>&1 || { echo "compat.sh: no sqlite3: skipped"; exit 77; }
command -v psql >/dev/null 2>&1 || { echo "compat.sh: no psql: skipped"; exit 77; }
. "$here/lib.sh"
pg_cluster compat.sh
createdb compat || exit 1
psql -XAtq -v ON_ERROR_STOP=1 -d compat -f "$top/share/sql/pg/compat.sql" >"$tmp/load" 2>&1 &&
	psql -XAtq -v ON_ERROR_STOP=1 -d compat -f "$top/share/sql/pg/compat.sql" >>"$tmp/load" 2>&1 || {
	cat "$tmp/load"
	echo "compat.sh: share/sql/pg/compat.sql did not load (twice)"
	exit 1
}

# Number the cases; write the SQLite script, the PostgreSQL script and the
# expected literals.
: >"$tmp/sqlite.sql"
echo "SET search_path = beter_compat, pg_catalog, public;" >"$tmp/pg.sql"
: >"$tmp/expect"
: >"$tmp/exprs"
n=0
while IFS= read -r line; do
	case $line in '' | '#'*) continue ;; esac
	n=$((n + 1))
	case $line in
	'## '*)
		n=$((n - 1))
		continue
		;;
	*' => '*)
		expr=${line% => *}
		printf '%s\t%s\n' "$n" "${line##* => }" >>"$tmp/expect"
		;;
	*)
		expr=$line
		printf "SELECT '%s' || char(9) || (SELECT CASE typeof(v) WHEN 'real' THEN 'real ' || v ELSE quote(v) END FROM (SELECT (%s) AS v) t);\n" "$n" "$expr" >>"$tmp/sqlite.sql"
		;;
	esac
	printf '%s\t%s\n' "$n" "$expr" >>"$tmp/exprs"
	printf "SELECT '%s' || chr(9) || (SELECT CASE typeof(v) WHEN 'real' THEN 'real ' || beter_compat._text(v) ELSE quote(v) END FROM (SELECT (%s) AS v) t);\n" "$n" "$expr" >>"$tmp/pg.sql"
done <"$cases"

sqlite3 -batch :memory: <"$tmp/sqlite.sql" >>"$tmp/expect" 2>"$tmp/sqlite.err"
[ -s "$tmp/sqlite.err" ] && { cat "$tmp/sqlite.err"; echo "compat.sh: sqlite3 failed on a case"; exit 1; }
psql -XAtq -v VERBOSITY=terse -d compat -f "$tmp/pg.sql" >"$tmp/got" 2>"$tmp/pg.err"

fail=0
i=0
while [ $i -lt $n ]; do
	i=$((i + 1))
	expr=$(awk -F '\t' -v k="$i" '$1 == k { sub(/^[^\t]*\t/, ""); print; exit }' "$tmp/exprs")
	want=$(awk -F '\t' -v k="$i" '$1 == k { sub(/^[^\t]*\t/, ""); print; exit }' "$tmp/expect")
	if ! grep -q "^$i	" "$tmp/got"; then
		echo "FAIL: $expr: PostgreSQL gave no result (SQLite: $want)"
		fail=$((fail + 1))
		continue
	fi
	got=$(awk -F '\t' -v k="$i" '$1 == k { sub(/^[^\t]*\t/, ""); print; exit }' "$tmp/got")
	if [ "$got" != "$want" ]; then
		echo "FAIL: $expr: PostgreSQL $got, SQLite $want"
		fail=$((fail + 1))
	fi
done
if [ -s "$tmp/pg.err" ]; then
	echo "PostgreSQL's errors:"
	sed 's/^/  /' "$tmp/pg.err"
fi
if [ $fail -gt 0 ]; then
	echo "compat.sh: $fail of $n cases differ"
	exit 1
fi
echo "compat.sh: $n cases agree"
