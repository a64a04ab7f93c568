# check: a sound store, broken links, broken rules, damaged files; backup; a locked store

note a sound store
quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter person import "$SHARE/demo/roster.csv"
run beter help check
run beter check
run beter --json check
run beter --csv check
run beter check extra

note a missing referenced record: foreign keys off, a team with members deleted
cp "$BETER_DB" broken.db
sqlite3 broken.db "PRAGMA foreign_keys = OFF; DELETE FROM team WHERE name = 'MT'"
run beter --db broken.db check
run beter --db broken.db --json check

note broken rules, written behind the back of beter
cp "$BETER_DB" rules.db
sqlite3 rules.db "PRAGMA ignore_check_constraints = ON;
  UPDATE person SET code = 'ab-c' WHERE code = 'JDV';
  UPDATE person SET role = 'juf' WHERE code = 'SJN';
  UPDATE team SET kind = 'club' WHERE name = 'MT';
  UPDATE team_member SET role = 'baas' WHERE person_id = (SELECT id FROM person WHERE code = 'MVD') AND team_id = (SELECT id FROM team WHERE name = 'MT');
  UPDATE school SET sector = 'hbo', brin = '1-2', created = '2026-13-45';
  UPDATE person SET uid = 'not-a-uid' WHERE code = 'LVS'"
run beter --db rules.db check

note a store with no school
cp "$BETER_DB" empty.db
sqlite3 empty.db "PRAGMA foreign_keys = OFF; DELETE FROM team_member; DELETE FROM team; DELETE FROM person; DELETE FROM school"
run beter --db empty.db check

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

note backup
run beter backup copy.db
run stat -c %a copy.db
run beter --db copy.db check
[ "$(beter export)" = "$(beter --db copy.db export)" ] && echo "the copy holds the same records"
ls copy.db.tmp-* 2>/dev/null || echo "no temporary file left"
run beter backup "$BETER_DB"
run beter backup nodir/copy.db
run beter backup

note backup while another process writes
(i=0; while [ $i -lt 60 ]; do beter -q person add "W$i" --name "Writer $i" --role leraar || exit 1; i=$((i + 1)); done) &
writer=$!
n=0
while [ $n -lt 5 ]; do
	beter -q backup "live$n.db" || echo "backup $n failed"
	beter -q --db "live$n.db" check || echo "backup $n is not sound"
	n=$((n + 1))
done
wait $writer && echo "the writer finished"
run beter backup last.db
[ "$(beter export)" = "$(beter --db last.db export)" ] && echo "the last copy holds every record"

note a store locked past the busy timeout: exit 75, nothing written
wait_locked() { # until the sqlite3 shell holds the write lock
	while sqlite3 "$BETER_DB" "BEGIN IMMEDIATE; ROLLBACK" 2>/dev/null; do sleep 0.05; done
}
before=$(store_digest)
mkfifo lock.fifo
sqlite3 "$BETER_DB" <lock.fifo >/dev/null &
holder=$!
exec 3>lock.fifo
echo "BEGIN IMMEDIATE; INSERT INTO school(uid, name, created) VALUES ('ffffffffffffffffffffffffffffffff', 'Held', '2026-11-20');" >&3
wait_locked
BETER_BUSY_TIMEOUT=300 run beter person add LCK --name "Locked Out" --role leraar
cp "$SHARE/demo/roster.csv" roster.csv
BETER_BUSY_TIMEOUT=300 run beter person import roster.csv
BETER_BUSY_TIMEOUT=300 run beter team add "Team Lock"
BETER_BUSY_TIMEOUT=300 run beter import last.db
echo "reads go on while a writer holds the lock:"
BETER_BUSY_TIMEOUT=300 beter person list --role schoolleider
echo "ROLLBACK;" >&3
exec 3>&-
wait $holder
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
note within the timeout a writer waits and succeeds
mkfifo lock2.fifo
sqlite3 "$BETER_DB" <lock2.fifo >/dev/null &
holder=$!
exec 3>lock2.fifo
echo "BEGIN IMMEDIATE;" >&3
wait_locked
(sleep 0.5; echo "COMMIT;" >&3; exec 3>&-) &
BETER_BUSY_TIMEOUT=5000 run beter person add LCK --name "Waited" --role leraar --quiet
exec 3>&-
wait
