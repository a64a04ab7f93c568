# safety: damage that check must find, an empty store file, names of only
# white space, missing input files, no partial output from a failed command,
# survey columns and teams that do not match

note a demo-like store, damaged behind the back of beter: check names table, row and column
quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter person import "$SHARE/demo/roster.csv"
(beter=beter; demo="$SHARE/demo"; . "$SHARE/demo/45-survey.sh") >/dev/null 2>&1
run beter check
cp "$BETER_DB" damaged.db
sqlite3 damaged.db "PRAGMA ignore_check_constraints = ON;
  UPDATE team SET name = CAST(X'5465616D20FF4F6E646572' AS TEXT) WHERE name = 'Team Onderbouw';
  UPDATE person SET name = CAST(X'4A616EC3' AS TEXT) WHERE code = 'JDV';
  UPDATE survey_instrument SET definition = '{\"items\": [' WHERE code = 'cultuursurvey'"
run beter --db damaged.db check
run beter --db damaged.db --json check
# with the schema itself rewritten: no CHECK left on the definition
cp "$BETER_DB" schema.db
sqlite3 schema.db "PRAGMA writable_schema = ON;
  UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (json_valid(definition))', '') WHERE name = 'phase_model';
  PRAGMA writable_schema = OFF" >/dev/null
sqlite3 schema.db "INSERT INTO phase_model(uid, school_id, key, name, definition, imported)
  VALUES (lower(hex(randomblob(16))), 1, 'kapot', 'Kapot', 'not json', '2026-11-20')"
run beter --db schema.db check

note an existing empty file is not a store: reads refuse it, init makes it private first
: >empty.db
chmod 644 empty.db
run beter --db empty.db team list
run beter --db empty.db check
stat -c '%s %a' empty.db
run beter --db empty.db init --school "Nieuwe School"
stat -c '%a' empty.db
run beter --db empty.db school list

note names of only white space are refused, also Unicode white space
nbsp=$(printf '\302\240') emsp=$(printf '\342\200\203') ideo=$(printf '\343\200\200') zwsp=$(printf '\342\200\213')
run beter person add XY --name "$nbsp$emsp$ideo" --role leraar
run beter person add XY --name "$(printf '\t')$zwsp " --role leraar
run beter person edit JDV --name "$ideo"
printf 'code,name,role\nXY,"%s %s",leraar\n' "$nbsp" "$ideo" >blank.csv
run beter person import blank.csv
run beter team add "$nbsp$ideo"
run beter team rename "Team Onderbouw" "$emsp"
run beter school add "$ideo"
run beter board agreement add --team "Team Onderbouw" "$emsp$nbsp"
run beter visit add --observer JDV --teacher SJN --date 2026-11-20 --round "$ideo"
run beter visit add --observer JDV --teacher SJN --date 2026-11-20 --lesson-goal "$nbsp"
run beter arena add --team "Team Onderbouw" --theme "$ideo$ideo" --date 2026-11-20
# names around their white space are trimmed on import
printf 'code,name,role\nXY,"%sIneke de Wit%s",leraar\n' "$ideo" "$nbsp" >trim.csv
quiet beter person import trim.csv
run beter --json person show XY

note a missing input file is exit 1 for every command that reads one
quiet beter visit add --observer JDV --teacher SJN --date 2026-11-16
quiet beter survey add --instrument cultuursurvey --wave december
dec=$(sqlite3 "$BETER_DB" "SELECT id FROM survey WHERE wave = 'december'")
run beter person import missing.csv
run beter survey import 1 missing.csv
cp "$SHARE/demo/cultuursurvey-november.csv" november.csv
run beter survey import 1 november.csv --map missing.csv
run beter survey instrument import missing.json
run beter visit framework import missing.json
run beter visit framework import missing.csv
run beter board session add --from missing.json
run beter visit add --observer JDV --teacher SJN --date 2026-11-20 --from missing.json
run beter visit add --observer JDV --teacher SJN --date 2026-11-20 --text-from missing.txt
run beter visit record 1 --from missing.json
run beter visit record 1 --text-from missing.txt
run beter import missing.json
run beter phase model import missing.json
run beter person import nodir/missing.csv
# a directory is not a missing file: it cannot be read (74)
run beter person import .
run beter board session add --from .

note survey import: a curly apostrophe in a question still matches the item
# as a word processor writes "Collega's": "Collega’s"; one question no item has
q1="Ik zie hoe samen verbeteren onze leerlingen verder helpt."
q2="Collega’s passen de nieuwe werkwijze toe op hun eigen manier."
q3="Ik bereid lessen voor samen met collega‘s."
{ echo "Naam;In welk team werk je?;$q1;$q2;$q3;Opmerking"
  for i in 1 2 3 4 5 6; do echo "Iemand $i;Team Onderbouw;Mee eens;Helemaal mee eens;Neutraal;iets"; done
} >curly.csv
run beter -q survey import "$dec" curly.csv --dry-run
run beter survey import "$dec" curly.csv --dry-run
run beter -q survey import "$dec" curly.csv --dry-run --ignore-column Opmerking
run beter -q survey import "$dec" curly.csv --dry-run --ignore-column 6
run beter -q survey import "$dec" curly.csv --dry-run --ignore-column Toelichting
# rm2 (Collega's) and sw1 (collega's) are answered in every row
quiet beter survey import "$dec" curly.csv --ignore-column Opmerking
beter --json survey report "$dec" --by item --min-n 5 | grep -o '"item": "\(ov1\|rm2\|sw1\)".*"n": [0-9]*'

note survey import: an unknown team is named at file:line:column, or skipped with --skip-unknown-team
quiet beter survey add --instrument cultuursurvey --wave januari
jan=$(sqlite3 "$BETER_DB" "SELECT id FROM survey WHERE wave = 'januari'")
{ echo "In welk team werk je?;$q1"
  for t in "Team Onderbouw" "Team Zon" "Team Onderbouw" "Team Maan" "Team Zon" "Team Bovenbouw"; do echo "$t;Mee eens"; done
} >teams.csv
run beter survey import "$jan" teams.csv
echo "responses: $(sqlite3 "$BETER_DB" "SELECT count(*) FROM survey_response WHERE survey_id = $jan")"
run beter -q survey import "$jan" teams.csv --skip-unknown-team
run beter survey import "$jan" teams.csv --skip-unknown-team
echo "responses: $(sqlite3 "$BETER_DB" "SELECT count(*) FROM survey_response WHERE survey_id = $jan")"

note a command that fails after its output began prints none of it
# 3000 people, then a damaged page at the end of the table: the list reads
# a good part of them before SQLite finds the damage
cp "$BETER_DB" many.db
sqlite3 many.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
  INSERT INTO person (uid, school_id, code, name, role)
  SELECT printf('%032x', i), 1, 'P' || i, 'Persoon ' || i, 'leraar' FROM n; PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
psize=$(sqlite3 many.db "PRAGMA page_size")
last=$(sqlite3 many.db "SELECT max(pageno) FROM dbstat WHERE name = 'person' AND pagetype = 'leaf'")
cp many.db mid.db
printf '\x0d\xff\xff\xff' | dd of=mid.db bs=1 seek=$(( (last - 1) * psize )) conv=notrunc 2>/dev/null
echo "undamaged: $(beter --db many.db --csv person list | wc -l) lines"
run beter --db mid.db --json person list
run beter --db mid.db --csv person list
run beter --db mid.db person list
echo "through a pipe: $(beter --db mid.db --json person list 2>/dev/null | wc -c) bytes"
echo "earlier output kept" >kept.txt
beter --db mid.db --csv person list >>kept.txt 2>/dev/null
{ echo "written before"; beter --db mid.db --json person list 2>/dev/null; } >before.txt
cat kept.txt before.txt
# a verdict keeps its output: check's problems
beter --db mid.db --csv check 2>/dev/null | cut -d, -f1-3

note valid JSON that is not what it should be: check says so, as the report would fail on it
cp "$BETER_DB" doc.db
sqlite3 doc.db "UPDATE survey_instrument SET definition = json_remove(definition, '\$.scales') WHERE code = 'cultuursurvey'"
run beter --db doc.db survey report 1
run beter --db doc.db check
