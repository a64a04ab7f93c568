#!/bin/sh
# PostgreSQL's store (share/sql/pg/compat.sql + 0015-schema.sql) is SQLite's
# at schema version 15: the same tables in the same order, the same columns
# (type class, NOT NULL, default), primary keys, foreign keys (with their ON
# DELETE), indexes and views, and the rows of tests/pg/schema.rows are
# accepted or refused by both alike.
# Usage: sh tests/pg/schema.sh [BETER]   (BETER: the beter binary that makes
# the SQLite store; default build/beter). Exit 77: no PostgreSQL or sqlite3.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
beter=${1:-$top/build/beter}

command -v sqlite3 >/dev/null 2>&1 || { echo "schema.sh: no sqlite3: skipped"; exit 77; }
command -v psql >/dev/null 2>&1 || { echo "schema.sh: no psql: skipped"; exit 77; }
[ -x "$beter" ] || { echo "schema.sh: no beter binary at '$beter' (build first, or name it)"; exit 1; }
. "$here/lib.sh"
pg_cluster schema.sh
export PGOPTIONS="-c search_path=beter_compat,pg_catalog,public"

# A fresh store of each engine, without rows.
fresh() {
	rm -f "$tmp/s.db" "$tmp/s.db-wal" "$tmp/s.db-shm"
	BETER_DB=$tmp/s.db "$beter" init --school X >/dev/null 2>"$tmp/init.err" || {
		cat "$tmp/init.err"
		echo "schema.sh: beter init failed"
		exit 1
	}
	sqlite3 "$tmp/s.db" "PRAGMA journal_mode = DELETE; DELETE FROM school;" >/dev/null || exit 1
	dropdb --if-exists beter 2>/dev/null
	createdb beter || exit 1
	psql -XAtq -v ON_ERROR_STOP=1 -d beter -f "$top/share/sql/pg/compat.sql" >"$tmp/load" 2>&1 &&
		psql -XAtq -v ON_ERROR_STOP=1 --single-transaction -d beter \
			-f "$top/share/sql/pg/0015-schema.sql" >>"$tmp/load" 2>&1 || {
		cat "$tmp/load"
		echo "schema.sh: the PostgreSQL schema did not load"
		exit 1
	}
	# compat.sql loads again over a store that uses it
	psql -XAtq -v ON_ERROR_STOP=1 -d beter -f "$top/share/sql/pg/compat.sql" >"$tmp/load" 2>&1 || {
		cat "$tmp/load"
		echo "schema.sh: share/sql/pg/compat.sql did not load again over the schema"
		exit 1
	}
}
fresh
lite() { sqlite3 -batch "$tmp/s.db" "$@"; }
pgq() { psql -XAtq -v ON_ERROR_STOP=1 -d beter -c "$1"; }

fail=0
# same WHAT FILE1 FILE2: the two descriptions must be equal.
same() {
	if ! diff -u --label "SQLite $1" --label "PostgreSQL $1" "$2" "$3" >"$tmp/diff"; then
		echo "FAIL: the $1 differ:"
		cat "$tmp/diff"
		fail=$((fail + 1))
	fi
}

# Tables in order (sqlite_sequence is SQLite's own; beter_schema_version is
# PostgreSQL's PRAGMA user_version and comes last).
lite "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'sqlite_sequence' ORDER BY rowid" >"$tmp/l.tables"
echo beter_schema_version >>"$tmp/l.tables"
pgq "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY oid" >"$tmp/p.tables"
same "tables (in order)" "$tmp/l.tables" "$tmp/p.tables"
[ "$(pgq 'SELECT version FROM beter_schema_version')" = 15 ] ||
	{ echo "FAIL: beter_schema_version does not hold one row 15"; fail=$((fail + 1)); }
[ "$(lite 'PRAGMA user_version')" = 15 ] || { echo "FAIL: the SQLite store is not at version 15"; fail=$((fail + 1)); }

# Columns in order: type class, NOT NULL (a primary key column is), default.
lite "SELECT m.name || '|' || c.name || '|' ||
	CASE upper(c.type) WHEN 'INTEGER' THEN 'integer' WHEN 'TEXT' THEN 'text' WHEN 'REAL' THEN 'real'
	WHEN 'BLOB' THEN 'blob' ELSE c.type END || '|' ||
	CASE WHEN c.\"notnull\" OR c.pk > 0 THEN 'not null' ELSE 'null' END || '|' || coalesce(c.dflt_value, '-')
	FROM sqlite_master m JOIN pragma_table_info(m.name) c
	WHERE m.type = 'table' AND m.name <> 'sqlite_sequence' ORDER BY m.rowid, c.cid" >"$tmp/l.cols"
pgq "SELECT c.relname || '|' || a.attname || '|' ||
	CASE WHEN a.atttypid = 'bigint'::regtype THEN 'integer'
	WHEN a.atttypid = 'text'::regtype AND a.attcollation = (SELECT oid FROM pg_collation WHERE collname = 'C'
		AND collnamespace = 'pg_catalog'::regnamespace) THEN 'text'
	WHEN a.atttypid = 'double precision'::regtype THEN 'real'
	WHEN a.atttypid = 'bytea'::regtype THEN 'blob' ELSE format_type(a.atttypid, a.atttypmod) END || '|' ||
	CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END || '|' ||
	coalesce(regexp_replace(pg_get_expr(d.adbin, d.adrelid), '::text$', ''), '-')
	FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
	WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> 'beter_schema_version'
	ORDER BY c.oid, a.attnum" >"$tmp/p.cols"
same "columns (name, type class, NOT NULL, default)" "$tmp/l.cols" "$tmp/p.cols"

# Primary keys.
lite "SELECT m.name || '|' || (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info(m.name)
	WHERE pk > 0 ORDER BY pk)) FROM sqlite_master m WHERE m.type = 'table' AND m.name <> 'sqlite_sequence'
	ORDER BY m.name" >"$tmp/l.pk"
pgq "SELECT c.relname || '|' || (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(i.indkey)
	WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum)
	FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
	WHERE c.relnamespace = 'public'::regnamespace AND i.indisprimary ORDER BY c.relname" >"$tmp/p.pk"
same "primary keys" "$tmp/l.pk" "$tmp/p.pk"

# Foreign keys: table, columns, the table and columns named, ON DELETE.
lite "SELECT m.name || '|' || group_concat(f.\"from\", ',') || '|' || f.\"table\" || '|' ||
	group_concat(f.\"to\", ',') || '|' || f.on_delete
	FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
	WHERE m.type = 'table' GROUP BY m.name, f.id ORDER BY 1" >"$tmp/l.fk"
pgq "SELECT c.relname || '|' ||
	(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(f.conkey) WITH ORDINALITY k(attnum, n)
		JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.attnum) || '|' || r.relname || '|' ||
	(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(f.confkey) WITH ORDINALITY k(attnum, n)
		JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.attnum) || '|' ||
	CASE f.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
		WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END ||
	CASE WHEN f.condeferrable THEN ' DEFERRABLE' ELSE '' END
	FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class r ON r.oid = f.confrelid
	WHERE f.contype = 'f' AND c.relnamespace = 'public'::regnamespace ORDER BY 1" >"$tmp/p.fk"
LC_ALL=C sort -o "$tmp/l.fk" "$tmp/l.fk"
LC_ALL=C sort -o "$tmp/p.fk" "$tmp/p.fk"
same "foreign keys" "$tmp/l.fk" "$tmp/p.fk"

# Indexes other than primary keys: table, unique, partial, key columns (a
# NOCASE column as column/nocase, PostgreSQL's lower(column); any other
# expression as expr); the name of each index SQLite's schema names (a
# UNIQUE constraint's index has none: SQLite names it sqlite_autoindex_*,
# PostgreSQL table_columns_key, also where it is a unique index over lower()).
lite "SELECT m.name || '|' || CASE WHEN l.\"unique\" THEN 'unique' ELSE 'index' END || '|' ||
	CASE WHEN l.partial THEN 'partial' ELSE 'whole' END || '|' ||
	(SELECT group_concat(x, ',') FROM (SELECT CASE WHEN k.cid = -2 THEN 'expr'
		WHEN k.coll = 'NOCASE' THEN k.name || '/nocase' ELSE k.name END AS x
		FROM pragma_index_xinfo(l.name) k WHERE k.key ORDER BY k.seqno)) || '|' ||
	CASE WHEN l.origin = 'c' THEN l.name ELSE '-' END
	FROM sqlite_master m JOIN pragma_index_list(m.name) l
	WHERE m.type = 'table' AND l.origin <> 'pk' ORDER BY 1" >"$tmp/l.idx"
pgq "SELECT c.relname || '|' || CASE WHEN i.indisunique THEN 'unique' ELSE 'index' END || '|' ||
	CASE WHEN i.indpred IS NULL THEN 'whole' ELSE 'partial' END || '|' ||
	(SELECT string_agg(CASE WHEN d ~ '^lower\\(\\w+\\)\$' THEN substr(d, 7, length(d) - 7) || '/nocase'
		WHEN d ~ '\\(' THEN 'expr' ELSE d END, ',' ORDER BY n)
		FROM generate_series(1, i.indnkeyatts) n, pg_get_indexdef(i.indexrelid, n, true) d) || '|' ||
	CASE WHEN EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.oid AND k.contype = 'u')
		OR (i.indexprs IS NOT NULL AND x.relname ~ '_key\$')
		THEN '-' ELSE x.relname END
	FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
	WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisprimary ORDER BY 1" >"$tmp/p.idx"
LC_ALL=C sort -o "$tmp/l.idx" "$tmp/l.idx"
LC_ALL=C sort -o "$tmp/p.idx" "$tmp/p.idx"
same "indexes" "$tmp/l.idx" "$tmp/p.idx"

# Views and their columns.
lite "SELECT m.name || '|' || (SELECT group_concat(name, ',') FROM pragma_table_info(m.name))
	FROM sqlite_master m WHERE m.type = 'view' ORDER BY m.rowid" >"$tmp/l.views"
pgq "SELECT c.relname || '|' || (SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a
	WHERE a.attrelid = c.oid AND a.attnum > 0) FROM pg_class c
	WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v' ORDER BY c.oid" >"$tmp/p.views"
same "views" "$tmp/l.views" "$tmp/p.views"

# Rows: each accepted by both or refused by both, as the file says.
n=0
while IFS= read -r line; do
	case $line in
	'+ '*) want=accepted ;;
	'- '*) want=refused ;;
	*) continue ;;
	esac
	n=$((n + 1))
	sql=${line#? }
	if lite "PRAGMA foreign_keys = ON; $sql;" >"$tmp/l.out" 2>&1; then l=accepted; else l=refused; fi
	if pgq "$sql" >"$tmp/p.out" 2>&1; then p=accepted; else p=refused; fi
	if [ "$l" != "$want" ] || [ "$p" != "$want" ]; then
		echo "FAIL: $sql: SQLite $l, PostgreSQL $p, should be $want"
		sed 's/^/  SQLite: /' "$tmp/l.out"
		sed 's/^/  PostgreSQL: /' "$tmp/p.out"
		fail=$((fail + 1))
	fi
done <"$here/schema.rows"

# The view reads the answers alike.
lite "SELECT response_id, survey_id, item_id, value FROM survey_answer ORDER BY 1, 3" >"$tmp/l.answer"
pgq "SELECT response_id, survey_id, item_id, value FROM survey_answer ORDER BY 1, 3" >"$tmp/p.answer"
same "rows of survey_answer" "$tmp/l.answer" "$tmp/p.answer"

if [ $fail -gt 0 ]; then
	echo "schema.sh: $fail differences"
	exit 1
fi
echo "schema.sh: the schemas agree; $n rows accepted or refused alike"
