# sqlitefile: the SQLite store as a file: its mode and journal, the files
# beside it, damaged pages, a backup that is a SQLite store itself, locks
# another process holds on the file; a login refused. SQLite only (on
# PostgreSQL the server keeps the files; its locks: tests/pg/lock.sh, its
# logins: tests/pg/rls.sh)

note a new store: mode 0600, a write-ahead journal
quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
run stat -c %a "$BETER_DB"
run sqlite3 "$BETER_DB" "PRAGMA journal_mode"
quiet beter person import "$SHARE/demo/roster.csv"

note "the files beside it: beter keeps the journal's (-wal, -shm), the sqlite3 shell removes them"
store_digest >/dev/null
ls test.db*
beter person list >/dev/null
ls test.db*

note damaged files: bytes flipped
sqlite3 "$BETER_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
page=$(sqlite3 "$BETER_DB" "SELECT rootpage FROM sqlite_master WHERE name = 'person'")
psize=$(sqlite3 "$BETER_DB" "PRAGMA page_size")
flip() { # FILE OFFSET BYTES
	printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
cp "$BETER_DB" page.db
flip page.db $(( (page - 1) * psize )) '\x0d\xff\xff\xff'
run beter --db page.db check
cp "$BETER_DB" index.db
ipage=$(sqlite3 "$BETER_DB" "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_person_2'")
flip index.db $(( (ipage - 1) * psize + 12 )) '\x00\x00\x00\x00\x00\x00\x00\x00'
run beter --db index.db check
run beter --db index.db --json check
run beter --db index.db --csv check
# many damaged pages: one line per table or index, and a note that SQLite stopped counting
cp "$BETER_DB" big.db
sqlite3 big.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
  INSERT INTO person (uid, school_id, code, name, role)
  SELECT printf('%032x', i), 1, 'P' || i, 'Persoon ' || i, 'leraar' FROM n; PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
for p in $(sqlite3 big.db "SELECT pageno FROM dbstat WHERE name IN ('person', 'sqlite_autoindex_person_2')
    AND pagetype = 'leaf' ORDER BY pageno LIMIT 12"); do
	flip big.db $(( (p - 1) * psize + 12 )) '\x00\x00\x00\x00\x00\x00\x00\x00'
done
[ "$(sqlite3 big.db "PRAGMA integrity_check" | wc -l)" -gt 100 ] || echo "big.db is not damaged enough"
run beter --db big.db check
run beter --db big.db --json check
cp "$BETER_DB" header.db
flip header.db 0 'SQLite format 4'
run beter --db header.db check
run beter --db header.db person list
cp "$BETER_DB" foreign.db
sqlite3 foreign.db "PRAGMA application_id = 42"
run beter --db foreign.db check
head -c 8192 "$BETER_DB" >short.db
run beter --db short.db check
: >zero.db
run beter --db zero.db check

note "backup: the copy is a store, never the store's own file"
quiet beter backup copy.db
run beter --db copy.db check
run beter backup "$BETER_DB"
quiet beter backup last.db

note a store locked past the busy timeout: exit 75, nothing written
before=$(store_digest)
hold_lock lock.fifo "INSERT INTO school(uid, name, created) VALUES ('ffffffffffffffffffffffffffffffff', 'Held', '2026-11-20');"
BETER_BUSY_TIMEOUT=300 run beter person add LCK --name "Locked Out" --role leraar
cp "$SHARE/demo/roster.csv" roster.csv
BETER_BUSY_TIMEOUT=300 run beter person import roster.csv
BETER_BUSY_TIMEOUT=300 run beter team add "Team Lock"
BETER_BUSY_TIMEOUT=300 run beter import last.db
echo "reads go on while a writer holds the lock:"
BETER_BUSY_TIMEOUT=300 beter person list --role schoolleider
release_lock
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
note within the timeout a writer waits and succeeds
hold_lock lock2.fifo
(sleep 0.5; echo "COMMIT;" >&3; exec 3>&-) &
BETER_BUSY_TIMEOUT=5000 run beter person add LCK --name "Waited" --role leraar --quiet
exec 3>&-
wait

note "logins are for a PostgreSQL store"
quiet beter person add DC --name "Dirk Docent" --role docent
run beter person grant DC --login dc --school "OBS De Regenboog"
