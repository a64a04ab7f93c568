# check: a sound store, broken links, broken rules; backup (damaged files and a locked store: sqlitefile.sh)

note a sound store
quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter person import "$SHARE/demo/roster.csv"
run beter help check
run beter check
run beter --json check
run beter --csv check
run beter check extra

note a missing referenced record: foreign keys off, a team with members deleted
# the copies broken behind the back of beter below are SQLite files on either engine,
# made from sound.db: a store as the one above
quiet beter --db sound.db init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter --db sound.db person import "$SHARE/demo/roster.csv"
cp sound.db broken.db
sqlite3 broken.db "PRAGMA foreign_keys = OFF; DELETE FROM team WHERE name = 'MT'"
run beter --db broken.db check
run beter --db broken.db --json check

note broken rules, written behind the back of beter
cp sound.db rules.db
sqlite3 rules.db "PRAGMA ignore_check_constraints = ON;
  UPDATE person SET code = 'ab-c' WHERE code = 'JDV';
  UPDATE person SET role = 'juf' WHERE code = 'SJN';
  UPDATE team SET kind = 'club' WHERE name = 'MT';
  UPDATE team_member SET role = 'baas' WHERE person_id = (SELECT id FROM person WHERE code = 'MVD') AND team_id = (SELECT id FROM team WHERE name = 'MT');
  UPDATE school SET sector = 'hbo', brin = '1-2', created = '2026-13-45';
  UPDATE person SET uid = 'not-a-uid' WHERE code = 'LVS'"
run beter --db rules.db check

note every part: the demo school is sound
(export BETER_DB="$PWD/full.db"; demo="$SHARE/demo"
 beter -q init --school "IKC De Vlinderboom" --brin 99ZZ --sector po
 beter -q person import "$demo/roster.csv"
 for part in "$demo"/[0-9][0-9]-*.sh; do . "$part"; done
 beter -q school add "De Andere School"
 beter -q person add XX --name "Iemand Anders" --role leraar --school "De Andere School"
 beter -q team add "Ander Team" --school "De Andere School") >/dev/null 2>&1
run beter --db full.db check
# break a copy of it behind the back of beter (no foreign keys, no CHECK
# constraints) and expect one precise line per broken rule
broken() { # NAME SQL: a copy of full.db with SQL applied
	cp full.db "$1.db"
	sqlite3 "$1.db" "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; $2"
}
other="(SELECT id FROM person WHERE code = 'XX')"
broken boards "
  UPDATE board_session SET date = '2026-02-30' WHERE id = 1;
  UPDATE board_session SET leader_id = $other WHERE id = 2;
  INSERT INTO board_checkin(session_id, person_id, score) VALUES (3, $other, 7);
  UPDATE board_item SET goal_id = 3 WHERE id = 16;
  UPDATE board_action SET done_session_id = (SELECT min(id) FROM board_session WHERE team_id = 4) WHERE id = 6;
  INSERT INTO board_action_who(action_id, person_id) VALUES (9, $other);
  UPDATE goal SET team_id = (SELECT id FROM team WHERE name = 'Ander Team') WHERE id = 4;
  UPDATE goal SET candidate_id = 5 WHERE id = 2;
  INSERT INTO goal_measure(uid, goal_id, date, score) VALUES (lower(hex(randomblob(16))), 7, '2026-11-02', 6);
  UPDATE goal_measure SET session_id = (SELECT min(id) FROM board_session WHERE team_id = 3) WHERE id = 2;
  UPDATE goal_activity SET goal_id = 5 WHERE id = 1;
  UPDATE goal_talk SET goal_id = 5 WHERE id = 2"
run beter --db boards.db check
broken visits "
  UPDATE visit_score SET score = 5 WHERE id = 1;
  UPDATE visit_score SET score = 0 WHERE id = 2;
  UPDATE visit_score SET score = 'drie' WHERE id = 3;
  UPDATE visit_score SET item = 'klimaat.99' WHERE id = 4;
  UPDATE visit SET focus = 'item', focus_item = 'uitleg.9' WHERE id = 2;
  UPDATE visit SET focus = 'item', focus_item = 'uitleg.1', framework_id = NULL WHERE id = 22;
  UPDATE visit SET focus = 'goal', focus_goal_id = 6 WHERE id = 3;
  UPDATE visit SET teacher_id = $other, date = '2026-11-31' WHERE id = 5;
  INSERT INTO visit_devpoint(visit_id, goal_id) VALUES (6, 7);
  UPDATE visit SET framework_id = NULL WHERE id = 7;
  INSERT INTO visit_framework(uid, school_id, key, title, source, doc, updated)
    VALUES (lower(hex(randomblob(16))), 1, 'kapot', 'Kapot', 'imported', '{\"scale\": {\"min\": 4, \"max\": 1}, \"domains\": []}', '2026-11-20')"
run beter --db visits.db check
broken arenas "
  UPDATE arena SET team_id = (SELECT id FROM team WHERE name = 'Ander Team'), day = '2026-10-7' WHERE id = 1;
  UPDATE arena_item SET from_group = 'ouders' WHERE item_no = 4;
  UPDATE arena_answer SET answer = 'd' WHERE id = 2;
  INSERT INTO goal_candidate(uid, team_id, text, impact, feasibility, added, arena_id) VALUES
    (lower(hex(randomblob(16))), (SELECT id FROM team WHERE name = 'Ander Team'), 'Uitleg', 3, 3, '2026-11-20', 1)"
run beter --db arenas.db check
broken surveys "
  UPDATE survey_response SET answers = x'0004020400010303020004030003030202030305ff' WHERE id = 1;
  UPDATE survey_response SET answers = x'0302040404030203030404030402030409020300' WHERE id = 2;
  UPDATE survey_response SET n_answers = 6 WHERE id = 40;
  UPDATE survey_response SET team_id = (SELECT id FROM team WHERE name = 'Ander Team') WHERE id = 3;
  UPDATE survey SET team_id = (SELECT id FROM team WHERE name = 'Ander Team') WHERE id = 1;
  UPDATE survey_text SET item_id = (SELECT id FROM survey_item WHERE kind = 'likert' ORDER BY id LIMIT 1) WHERE id = 1;
  UPDATE survey_item SET scale_id = (SELECT max(id) FROM survey_scale) WHERE id = 1"
run beter --db surveys.db check
broken phases "
  DROP INDEX trajectory_one_active; DROP INDEX trajectory_one_active_phase;
  INSERT INTO trajectory(uid, school_id, team_id, model_key, model_name, started)
    VALUES (lower(hex(randomblob(16))), 1, 3, 'leerkracht', 'leerKRACHT', '2026-11-01'),
           (lower(hex(randomblob(16))), 1, 3, 'leerkracht', 'leerKRACHT', '2026-11-02');
  UPDATE trajectory_phase SET status = 'active', started = '2026-10-01' WHERE id = 9;
  UPDATE trajectory SET status = 'done', ended = '2026-11-19' WHERE id = 1;
  UPDATE trajectory_item SET done = '2026-10-20' WHERE id = (SELECT min(id) FROM trajectory_item WHERE phase_id = 1);
  UPDATE trajectory_item SET done = '2026-11-01' WHERE id = (SELECT min(id) FROM trajectory_item WHERE phase_id = 10);
  UPDATE trajectory SET team_id = (SELECT id FROM team WHERE name = 'Ander Team') WHERE id = 2"
run beter --db phases.db check
run beter --db phases.db --json check

note "the improvement periods: the rules the schema cannot say"
cp full.db pfull.db
(export BETER_DB="$PWD/pfull.db"
 # the demo has the TIV, a closed period with its datamuur, retrospectives and verbindingssessie,
 # a running one and a candidate; another school gets a period and a goal of its own
 beter -q period add --theme "Lezen" --from 2026-08-31 --to 2026-10-16 --school "De Andere School"
 beter -q goal add --school "De Andere School" --team "Ander Team" --text "Lezen" --weeks 6 --norm 7 --baseline 5 --date 2026-09-07) >/dev/null
run beter --db pfull.db check
pbroken() { # NAME SQL: a copy of pfull.db with SQL applied
	cp pfull.db "$1.db"
	sqlite3 "$1.db" "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; $2"
}
otherteam="(SELECT id FROM team WHERE name = 'Ander Team')"
otherperiod="(SELECT id FROM period WHERE theme = 'Lezen')"
pbroken periods "
  UPDATE period SET from_date = '2026-10-05' WHERE id = 2;
  UPDATE team SET kind = 'leraren' WHERE name = 'TIV Lezen';
  UPDATE period SET next_id = 3 WHERE id = 3;
  UPDATE period SET next_id = $otherperiod WHERE id = 2;
  UPDATE period SET closed = '2027-01-15' WHERE id = 1;
  INSERT INTO period_retro(uid, period_id, team_id, goal_reached, day) VALUES
    (lower(hex(randomblob(16))), 2, $otherteam, 'ja', '2026-11-20'),
    (lower(hex(randomblob(16))), 3, (SELECT id FROM team WHERE name = 'Team Onderbouw'), 'nee', '2026-11-20'),
    (lower(hex(randomblob(16))), 2, (SELECT id FROM team WHERE name = 'Team Bovenbouw'), 'nee', '2026-09-20');
  UPDATE period_standard SET goal_id = (SELECT id FROM goal WHERE text = 'Lezen') WHERE period_id = 1;
  UPDATE wall_value SET previous = 120 WHERE id = 1;
  INSERT INTO wall_value(uid, period_id, indicator, measure, grp, value, n, unit) VALUES
    (lower(hex(randomblob(16))), 1, 'Spelling', 'I', 'groep 6', 70, 24, '%'),
    (lower(hex(randomblob(16))), 1, 'Spelling', 'II', 'groep 6', 50, 24, '%'),
    (lower(hex(randomblob(16))), 1, 'Spelling', 'III', 'groep 8', 130, 24, 'score'),
    (lower(hex(randomblob(16))), 1, 'Spelling', 'gemiddelde', 'groep 5', 6.5, 3, 'score');
  UPDATE design SET period_id = $otherperiod WHERE id = 1"
run beter --db periods.db check
run beter --db periods.db --csv check
note "a TIV of another school: the schema's key says it, check names the link"
pbroken tiv "UPDATE period SET tiv_id = $otherteam WHERE id = 1"
run beter --db tiv.db check

note a store with no school
cp sound.db empty.db
sqlite3 empty.db "PRAGMA foreign_keys = OFF; DELETE FROM team_member; DELETE FROM team; DELETE FROM person; DELETE FROM school"
run beter --db empty.db check

# the damaged files, the copy opened with --db, a backup onto the store's own file and a
# locked store: sqlitefile.sh
note backup
run beter backup copy.db
run stat -c %a copy.db
from_backup copy.db beter -q check || echo "the copy is not sound"
[ "$(beter export)" = "$(from_backup copy.db beter export)" ] && echo "the copy holds the same records"
ls copy.db.beter-tmp-* 2>/dev/null || echo "no temporary file left"
# killed (kill -9) before its rename, a backup leaves its copy; the next one removes it
if strace -o /dev/null true 2>/dev/null; then
	ASAN_OPTIONS=detect_leaks=0 strace -o /dev/null -e inject=rename:signal=KILL:when=1 beter backup copy.db >/dev/null 2>&1 &
	wait $! 2>/dev/null
	echo "temporary files after a killed backup: $(ls copy.db.beter-tmp-* | wc -l)"
	run beter backup copy.db
	ls copy.db.beter-tmp-* 2>/dev/null || echo "no temporary file left"
else
	echo "(strace cannot trace here: this check needs it)"
fi
run beter backup nodir/copy.db
run beter backup

note backup while another process writes
(i=0; while [ $i -lt 60 ]; do beter -q person add "W$i" --name "Writer $i" --role leraar || exit 1; i=$((i + 1)); done) &
writer=$!
n=0
while [ $n -lt 5 ]; do
	beter -q backup "live$n.db" || echo "backup $n failed"
	from_backup "live$n.db" beter -q check || echo "backup $n is not sound"
	n=$((n + 1))
done
wait $writer && echo "the writer finished"
run beter backup last.db
[ "$(beter export)" = "$(from_backup last.db beter export)" ] && echo "the last copy holds every record"
