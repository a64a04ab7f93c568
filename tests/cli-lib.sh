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

# store_columns: every TABLE.COLUMN of the store's tables of records, sorted;
# from SQLite's catalogue, or PostgreSQL's (the schema public) on such a store
store_columns() {
	case $BETER_DB in
	postgres://* | postgresql://*)
		psql -X -q -A -t -d "$BETER_DB" -c "SELECT c.relname || '.' || a.attname FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
			WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
			AND c.relname NOT IN ('beter_schema_version', 'beter_login')" ;;
	*) sqlite3 "$BETER_DB" "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'" ;;
	esac | LC_ALL=C sort
}

# from_backup FILE CMD...: CMD with $BETER_DB the store that the backup FILE
# (beter backup) holds: FILE itself, or on PostgreSQL a database restored
# from it with pg_restore, dropped afterwards
from_backup() {
	local file=$1 db rc
	shift
	case $BETER_DB in
	postgres://* | postgresql://*)
		db=${PGDATABASE}_backup
		createdb "$db" && pg_restore --no-owner --no-privileges --exit-on-error -d "$db" "$file" &&
			BETER_DB="postgresql:///$db?host=$PGHOST" "$@"
		rc=$?
		dropdb --if-exists "$db"
		return "$rc" ;;
	*) BETER_DB=$file "$@" ;;
	esac
}

# store_bytes: every byte the store holds, to show what is not in it: SQLite's
# file after a checkpoint (what the WAL held written into it) with whatever
# journal is left beside it, or on PostgreSQL a dump of its database (schema
# and rows)
store_bytes() {
	case $BETER_DB in
	postgres://* | postgresql://*) pg_dump --no-owner --no-privileges -d "$BETER_DB" ;;
	*) sqlite3 "$BETER_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null && cat "$BETER_DB"* ;;
	esac
}

# store_copy NAME: prints the address of a copy of the store on its own
# engine, to change by hand without touching the store: the file NAME on
# SQLite; on PostgreSQL a database made from the store's, whose address reads
# as NAME in the transcript (tests/run-cli.sh)
store_copy() {
	case $BETER_DB in
	postgres://* | postgresql://*)
		local db
		db=${PGDATABASE}_$(printf %s "$1" | tr -c 'a-zA-Z0-9' _)
		createdb -T "$PGDATABASE" "$db" || return
		echo "$db $1 postgresql:///$db?host=$PGHOST" >>"$TMP/copies"
		echo "postgresql:///$db?host=$PGHOST" ;;
	*) cp "$BETER_DB" "$1" && echo "$1" ;;
	esac
}

# hold_lock FIFO [SQL]: a sqlite3 shell, fed through the fifo FIFO on fd 3,
# takes the store's write lock (BEGIN IMMEDIATE, then SQL) and holds it;
# $holder is its pid. release_lock [COMMIT] ends it (ROLLBACK by default).
hold_lock() {
	mkfifo "$1"
	sqlite3 "$BETER_DB" <"$1" >/dev/null &
	holder=$!
	exec 3>"$1"
	echo ".timeout 10000" >&3
	echo "BEGIN IMMEDIATE;${2:+ $2}" >&3
	wait_locked
}

release_lock() {
	echo "${1:-ROLLBACK};" >&3
	exec 3>&-
	wait "$holder"
}

# wait_locked: until another process (a sqlite3 shell fed through a fifo)
# holds the store's write lock. That shell must wait for this probe's own
# brief lock (".timeout" before its BEGIN IMMEDIATE), or the two can miss
# each other. Gives up after about 10 s so that a test fails, not hangs.
wait_locked() {
	tries=0
	while sqlite3 "$BETER_DB" "BEGIN IMMEDIATE; ROLLBACK" 2>/dev/null; do
		tries=$((tries + 1))
		[ "$tries" -lt 200 ] || { echo "the store was never locked"; return 1; }
		sleep 0.05
	done
}
