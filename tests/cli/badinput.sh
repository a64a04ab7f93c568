# bad input for every reader: broken files give exit 65 with a clear message
# and leave the store unchanged; SQL metacharacters are stored and printed
# back verbatim

. "$TESTS/badinput-lib.sh"

quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter person import "$SHARE/demo/roster.csv"

note roster CSV
csv_bad_suite "code,name,role,team" "XY,Xavier,leraar,Team X" beter person import
echo "the good row is accepted:"
run beter person import --dry-run "$TMP/bad-csv/good.csv"

note JSON import
beter export >good.json
json_bad_suite good.json beter import
echo "the good document is accepted:"
run beter import --dry-run good.json

note SQL metacharacters in every text field, stored and printed back verbatim
evil="Robert'); DROP TABLE person;--"
quote='a "quoted" \ name; DELETE FROM team -- % _ *'
run beter person add RB --name "$evil" --role leraar
run beter team add "$evil"
run beter team add "$quote" --kind mt
run beter team member add "$evil" RB
printf 'code,name,role,team\nSQ,"%s",leraar,"%s"\n' "$(echo "$evil" | sed 's/"/""/g')" "$(echo "$quote" | sed 's/"/""/g')" >evil.csv
run beter person import evil.csv
run beter person show RB
run beter person show SQ --json
run beter --csv team show "$evil"
run beter --tsv team list
run beter school add "$evil" --sector vo
run beter person add QQ --name "$quote" --role leraar --school "$evil"
run beter person list --school "$evil"
run beter --json school list
run beter check
beter export >evil.json
run beter --db copy.db -q import evil.json
BETER_DB=copy.db beter export | cmp - evil.json && echo "the round trip keeps every byte"
run sqlite3 "$BETER_DB" "SELECT count(*) FROM person WHERE name = '$(echo "$evil" | sed "s/'/''/g")'"
