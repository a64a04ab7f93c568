# migrate: a store of schema version 10 carried forward to 11 in one
# transaction (every table built anew with its new rules), or left as it was
# when its rows break one of the new rules

note the demo school in a store of schema version 10, carried forward
sh "$SHARE/demo/demo.sh" beter new.db >/dev/null 2>&1
# the same rows in a store made by the migrations up to 0010, as beter 10 kept them: what
# later migrations added (tables, columns) is emptied in new.db, to its defaults
for f in "$SHARE"/sql/000[1-9]-*.sql "$SHARE"/sql/0010-*.sql; do cat "$f"; echo; done >v10.sql
sqlite3 old.db <v10.sql
v10tables="SELECT name FROM o.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
sqlite3 new.db "ATTACH 'old.db' AS o;
  SELECT 'DELETE FROM \"' || name || '\";' FROM main.sqlite_schema
   WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ($v10tables);
  SELECT 'UPDATE \"' || t.name || '\" SET \"' || c.name || '\" = ' || coalesce(c.dflt_value, 'NULL') || ';'
    FROM ($v10tables) t, pragma_table_info(t.name, 'main') c
   WHERE c.name NOT IN (SELECT name FROM pragma_table_info(t.name, 'o'));" >strip.sql
sqlite3 new.db <strip.sql
sqlite3 old.db "ATTACH 'new.db' AS n;
  SELECT 'INSERT INTO main.\"' || t.name || '\" SELECT ' ||
         (SELECT group_concat('\"' || name || '\"', ', ') FROM pragma_table_info(t.name, 'main')) ||
         ' FROM n.\"' || t.name || '\";'
    FROM (SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%') t;" >copy.sql
{ echo "ATTACH 'new.db' AS n;"; cat copy.sql
  echo "DELETE FROM main.sqlite_sequence;"
  echo "INSERT INTO main.sqlite_sequence SELECT * FROM n.sqlite_sequence WHERE name IN (SELECT name FROM main.sqlite_schema);"
  echo "PRAGMA user_version = 10; PRAGMA application_id = $(sqlite3 new.db 'PRAGMA application_id');"; } |
	sqlite3 old.db
cp old.db bad.db
run sqlite3 old.db "PRAGMA user_version"
beter --db new.db export >new.json
beter --db old.db export >old.json
cmp new.json old.json && echo "the export is the same, byte for byte ($(grep -c '"uid"' old.json) records)"
run sqlite3 old.db "PRAGMA user_version"
run sqlite3 old.db "SELECT group_concat(name || '=' || seq, ' ') FROM (SELECT * FROM sqlite_sequence ORDER BY name)"
run sqlite3 new.db "SELECT group_concat(name || '=' || seq, ' ') FROM (SELECT * FROM sqlite_sequence ORDER BY name)"
run beter --db old.db check

note the schema refuses a bad row written past beter
run sqlite3 old.db "PRAGMA foreign_keys = ON; INSERT INTO school(uid, name, created) VALUES (lower(hex(randomblob(16))), 'Andere', '2026-11-20');
  INSERT INTO person(uid, school_id, code, name, role) VALUES (lower(hex(randomblob(16))), 2, 'XX', 'Iemand', 'leraar')"
run sqlite3 old.db "PRAGMA foreign_keys = ON; UPDATE visit SET teacher_id = (SELECT id FROM person WHERE code = 'XX') WHERE id = 1"
run sqlite3 old.db "UPDATE visit SET date = '2026-11-31' WHERE id = 1"
run sqlite3 old.db "UPDATE board_session SET date = '2026-2-3' WHERE id = 1"
run sqlite3 old.db "UPDATE team_member SET role = 'baas'"
run sqlite3 old.db "PRAGMA foreign_keys = ON; UPDATE goal SET team_id = NULL, person_id = (SELECT id FROM person WHERE code = 'XX') WHERE id = 1"
run beter --db old.db check

note a store whose rows break the new rules stays as it was
sqlite3 bad.db "INSERT INTO school(uid, name, created) VALUES (lower(hex(randomblob(16))), 'Andere', '2026-11-20');
  INSERT INTO person(uid, school_id, code, name, role) VALUES (lower(hex(randomblob(16))), 2, 'XX', 'Iemand', 'leraar');
  UPDATE visit SET date = '2026-11-31' WHERE id = 5;
  UPDATE board_action SET due = '2026-12-4' WHERE id = 1;
  UPDATE survey SET leader_id = (SELECT id FROM person WHERE code = 'XX') WHERE id = 1"
before=$(sqlite3 bad.db .dump | md5sum)
run beter --db bad.db school list
[ "$(sqlite3 bad.db .dump | md5sum)" = "$before" ] && echo "the store is unchanged"
run sqlite3 bad.db "PRAGMA user_version; SELECT count(*) FROM sqlite_schema WHERE name LIKE 'new%'"
sqlite3 bad.db "UPDATE visit SET date = '2026-11-30' WHERE id = 5; UPDATE board_action SET due = '2026-12-04' WHERE id = 1"
run beter --db bad.db school list
run sqlite3 bad.db "PRAGMA user_version"
sqlite3 bad.db "UPDATE survey SET leader_id = NULL WHERE id = 1"
quiet beter --db bad.db school list
run sqlite3 bad.db "PRAGMA user_version"
run beter --db bad.db check

note an import that links a record to one of another school
sqlite3 old.db "DELETE FROM person WHERE code = 'XX'; DELETE FROM school WHERE name = 'Andere'"
quiet beter --db old.db school add "Andere"
quiet beter --db old.db person add XX --name "Iemand" --role leraar --school "Andere"
beter --db old.db export >two.json
xx=$(sqlite3 old.db "SELECT uid FROM person WHERE code = 'XX'")
teacher=$(sqlite3 old.db "SELECT p.uid FROM visit v JOIN person p ON p.id = v.teacher_id WHERE v.id = 5")
visit=$(sqlite3 old.db "SELECT uid FROM visit WHERE id = 5")
sed "/\"uid\": \"$visit\"/s/\"teacher_id\": \"$teacher\"/\"teacher_id\": \"$xx\"/" two.json >cross.json
cmp -s two.json cross.json || echo "the file names a teacher of another school"
quiet beter --db fresh.db init --school "Nieuw"
# the row is named by its uid, which the demo draws at random
beter --db fresh.db import cross.json 2>&1 | sed "s/$visit/VISIT-5/"
echo "[exit ${PIPESTATUS[0]}]"
