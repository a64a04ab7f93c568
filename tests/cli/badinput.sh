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
json_bad_suite good.json ".tables.person[0].name" ".tables.person[0].id" beter import
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

note every other reader: a fresh store with a survey and a planned visit
export BETER_DB="$PWD/readers.db"
quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter person import "$SHARE/demo/roster.csv"
quiet beter survey add --instrument lesfeedback-leerlingen --wave "groep 7, 2026-11-12"
quiet beter visit add --observer JDV --teacher KBO --date 2026-11-18
before=$(export_digest)

note "framework JSON (visit framework import)"
jq '.key = "eigen"' "$SHARE/frameworks/leskwaliteit.json" >fw.json
json_bad_suite fw.json .title .scale.min beter visit framework import
bad_input beter visit framework import "$(jq '.scale.max = 99' fw.json >fw-scale.json && echo fw-scale.json)"
bad_input beter visit framework import "$(jq '.domains[0].items[1].id = .domains[0].items[0].id' fw.json >fw-dup.json && echo fw-dup.json)"
echo "the good document is accepted:"
run beter visit framework import --dry-run fw.json

note "framework CSV with ';' (visit framework import)"
CSV_SEP=';' csv_bad_suite "code;omschrijving;domein" "k.1;Iets goeds;Klimaat" beter visit framework import
echo "the good file is accepted:"
run beter visit framework import --dry-run "$TMP/bad-csv/good.csv"

note "instrument JSON (survey instrument import)"
jq '.id = "eigen-thermometer"' "$SHARE/instruments/thermometer.json" >instrument.json
json_bad_suite instrument.json .title .min_n beter survey instrument import
bad_input beter survey instrument import "$(jq '.items[0].scale = "geen"' instrument.json >in-scale.json && echo in-scale.json)"
echo "the good document is accepted:"
run beter survey instrument import --dry-run instrument.json

note "survey CSV export (survey import)"
header=$(sed '1s/^\xef\xbb\xbf//; 1q' "$SHARE/demo/lesfeedback-groep-7-8.csv")
good_row="1,2026-11-12 10:16:00,2026-11-12 10:17:00,Ja,Nee,Ja,Een beetje,Ja,Nee,Ja,Meer voorbeelden"
csv_bad_suite "$header" "$good_row" beter survey import 1
printf '%s\n%s\n' "$header" "${good_row/Een beetje/Misschien}" >label.csv
bad_input beter survey import 1 label.csv
printf '%s\n%s\n' "$header" "${good_row/Een beetje/4}" >outside.csv
bad_input beter survey import 1 outside.csv
printf '%s\n%s\n' "$header" "${good_row/Een beetje/0}" >zero.csv
bad_input beter survey import 1 zero.csv
printf '%s\n' "$header" >header-only.csv
bad_input beter survey import 1 header-only.csv
echo "the good file is accepted:"
run beter survey import --dry-run 1 "$TMP/bad-csv/good.csv"

note "board session JSON (board session add --from)"
printf '{"team": "Team Onderbouw", "date": "2026-11-09", "leader": "SJN", "topic": "Werksessie", "checkin": {"ELV": 8, "PDB": 7}, "successes": ["Goede les"], "note": "Lesbezoeken"}' >session.json
json_bad_suite session.json .topic .checkin.ELV beter board session add --from
bad_input beter board session add --from "$(jq '.checkin.ELV = 11' session.json >s11.json && echo s11.json)"
bad_input beter board session add --from "$(jq '.date = "2026-02-30"' session.json >sdate.json && echo sdate.json)"
echo "the good document is accepted:"
run beter board session add --dry-run --from session.json

note "visit JSON (visit add --from, visit record --from)"
printf '{"seen": "Je gaf de instructie in drie stappen.", "effect": "Leerlingen begonnen meteen.", "scores": {"uitleg.1": 3, "klimaat.2": 4}}' >obs.json
json_bad_suite obs.json .seen '.scores["uitleg.1"]' beter visit add --observer JDV --teacher KBO --date 2026-11-19 --from
json_bad_suite obs.json .effect '.scores["klimaat.2"]' beter visit record 1 --from
bad_input beter visit record 1 --from "$(jq '.scores["uitleg.1"] = 5' obs.json >o5.json && echo o5.json)"
bad_input beter visit record 1 --from "$(jq '.scores["geen.1"] = 2' obs.json >ogeen.json && echo ogeen.json)"
echo "the good document is accepted:"
run beter visit record 1 --dry-run --from obs.json

note "phase model JSON (phase model import)"
jq '.id = "eigen"' "$SHARE/models/leerkracht.json" >model.json
json_bad_suite model.json .name '.phases[0].typical_days' beter phase model import
bad_input beter phase model import "$(jq '.phases[1].id = .phases[0].id' model.json >mdup.json && echo mdup.json)"
echo "the good document is accepted:"
run beter phase model import --dry-run model.json
[ "$before" = "$(export_digest)" ] && echo "after all of it: the store unchanged"

note SQL metacharacters in every text field of every reader, stored and printed back verbatim
esc() { jq -Rn --arg s "$1" '$s'; }
e=$(esc "$evil") q=$(esc "$quote")
jq ".title = $e | .description = $q | .domains[0].title = $q | .domains[0].items[0].text = $e | .scale.labels[0] = $q" fw.json >evil-fw.json
run beter visit framework import evil-fw.json
run beter visit framework show eigen --json
printf 'code;omschrijving;domein\nk.1;"%s";"%s"\n' "$(echo "$evil" | sed 's/"/""/g')" "$(echo "$quote" | sed 's/"/""/g')" >evil-fw.csv
run beter visit framework import evil-fw.csv --key evil-csv --title "$quote" --labels "$evil|b|c|d"
run beter --csv visit framework show evil-csv
jq ".title = $e | .description = $q | .scales[0].title = $q | .items[0].text = $e | .likert[0].labels[0] = $q" instrument.json >evil-instrument.json
run beter survey instrument import evil-instrument.json
run beter --json survey instrument show eigen-thermometer
printf '%s\n%s,"%s"\n' "$header" "${good_row%,*}" "$(echo "$evil $quote" | sed 's/"/""/g')" >evil-survey.csv
run beter survey import 1 evil-survey.csv
run sqlite3 "$BETER_DB" "SELECT text FROM survey_text"
jq ".topic = $e | .note = $q | .successes = [$e, $q]" session.json >evil-session.json
run beter board session add --from evil-session.json
run beter board session show 1 --json
jq ".seen = $e | .effect = $q" obs.json >evil-obs.json
run beter visit record 1 --from evil-obs.json
run beter visit show 1 --json
jq ".name = $e | .description = $q | .source = $q | .phases[0].name = $e | .phases[0].purpose = $q | .phases[0].who[0] = $e | .phases[0].activities[0].text = $q" model.json >evil-model.json
run beter phase model import evil-model.json
run beter --csv phase model show eigen
run beter check
beter export >evil2.json
rm -f copy2.db
run beter --db copy2.db -q import evil2.json
BETER_DB=copy2.db beter export | cmp - evil2.json && echo "the round trip keeps every byte"
