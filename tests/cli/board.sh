# board: the improvement board, its sections, actions, sessions and the weekly export

quiet beter init --school "Testschool"
printf 'code,name,role,team\nBC,Bo Coach,schoolcoach,Team A\nAA,Anna A,leraar,Team A\nBB,Bert B,leraar,Team A\nCC,Cor C,leraar,Team B\n' >r.csv
quiet beter person import r.csv
quiet beter goal add --team "Team A" --text "Leerlingen kunnen samenvatten" --pupils "groep 7" --weeks 6 --norm 8 --baseline 5 --date 2026-09-07
quiet beter goal add --team "Team B" --text "Leerlingen ruimen op" --weeks 4 --norm 8 --baseline 6 --date 2026-09-07

note help
run beter help board
run beter board session add --help

note the sections of a board
run beter board set --team "Team A" --ambition "Iedereen leest" --story "Het verhaal" --agreement "Op tijd" --agreement "Telefoons weg" --date 2026-09-01
run beter board set --team "Team A" --ambition "Iedereen leest met plezier" --date 2026-10-01
run beter board set --team "Team A"
run beter board theme add --team "Team A" "Begrijpend lezen" --start 2026-08-31 --end 2026-10-16 --date 2026-09-01
run beter board theme add --team "Team A" "Feedback" --start 2026-10-26 --end 2026-12-18 --date 2026-09-01
run beter board arena add --team "Team A" "Leerlingen willen zelf teksten kiezen" --date 2026-10-28
run beter board park add --team "Team A" "Leesweek in maart" --date 2026-09-14
run beter board park add --team "Team A" "Bibliotheek" --date 2026-09-14
run beter board park rm 9 --date 2026-10-05
run beter board agreement add --team "Team A" "We vieren successen" --date 2026-09-01
run beter board rhythm add --team "Team A" --on 2026-11-23 --leader BC --topic "Voortgang" --date 2026-10-26
run beter board rhythm add --team "Team A" --on 2026-11-30 --leader AA --date 2026-10-26
run beter board success add --team "Team A" "Groep 7 vat samen" --goal 1 --date 2026-10-02
run beter board theme list --team "Team A"
run beter board park list --team "Team A" --json
run beter board park list --team "Team A" --week 2026-W40
run beter board agreement list --team "Team A" --csv
run beter board arena list --team "Team A"
run beter board rhythm list --team "Team A"
run beter board success list --team "Team A"

note actions: in class and for the team, done, overdue
run beter board action add --team "Team A" --who AA --what "Dagelijks voorlezen" --due 2026-09-25 --goal 1 --date 2026-09-07
run beter board action add --team "Team A" --who BB --what "Kernwoorden oefenen" --due 2026-11-13 --goal 1 --date 2026-10-26
run beter board action add --team "Team A" --who AA --what "Feedbackkaartjes" --due 2026-11-27 --date 2026-11-09
run beter board action add --team "Team A" --team-action --who BC,AA --who BB --what "Arena voorbereiden" --due 2026-11-25 --date 2026-11-02
run beter board action add --team "Team B" --who CC --what "Opruimliedje" --due 2026-10-01 --date 2026-09-14
run beter board action done 1 --date 2026-09-21
run beter board action done 1
run beter board action list --team "Team A"
run beter board action list --team "Team A" --open
run beter board action list --team "Team A" --overdue --json
run beter board action rm 5 --date 2026-10-02
run beter board action list --team "Team B"

note rejected board input writes nothing
before=$(store_digest)
run beter board action add --team "Team A" --who AA,BB --what "x" --due 2026-12-01
run beter board action add --team "Team A" --who ZZ --what "x" --due 2026-12-01
run beter board action add --team "Team A" --who AA --what "x" --due 2026-12-32
run beter board action add --team "Team A" --who AA --what "x" --due 2026-12-01 --goal 2
run beter board action add --team "Team A" --who AA --what "x" --due 2026-12-01 --goal 99
run beter board action add --team "Team A" --who AA --what "x"
run beter board action add --who AA --what "x" --due 2026-12-01
run beter board action add --team "Team Z" --who AA --what "x" --due 2026-12-01
run beter board action done 99
run beter board action done 2 --date 2026-10-01
run beter board theme add --team "Team A" "x" --start 2026-10-01
run beter board theme add --team "Team A" "x" --start 2026-10-01 --end 2026-09-01
run beter board park add --team "Team A" ""
run beter board park add --team "Team A" "$(printf 'x\377')"
run beter board park rm 1
run beter board park rm 9
run beter board park rm 10 --date 2026-01-01
run beter board success add --team "Team A" "x" --goal 2
run beter board rhythm add --team "Team A" --on 2026-12-01 --leader ZZ
run beter board rhythm add --team "Team A" --on 2026-12-01
run beter board show --team "Team A" --week 2026-47
run beter board show --team "Team A" --week 2026-W60
run beter board show
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note sessions in the standard order
run beter board session add --team "Team A" --date 2026-11-16 --leader BC --topic "Voortgang en lesbezoeken" --checkin AA=7 --checkin BB=8 --checkin BC=6 --success "Kaartjes werken" --success "Iedereen op tijd" --measure 1=6.5 --done 2 --note "Lesbezoeken gelukt"
run beter board session show 1 --json
cat >s.json <<'JSON'
{"team": "Team A", "date": "2026-11-09", "leader": "AA", "topic": "Werksessie",
 "checkin": {"AA": 8, "BB": 7}, "successes": ["Goede les"], "measures": [{"goal": 1, "score": 6}], "done": [], "note": null}
JSON
run beter board session add --from s.json
printf '{"date": "2026-11-02", "leader": "BC", "measures": [{"goal": 1, "score": 5.5}]}' | run beter -q board session add --team "Team A" --from -
run beter board session list --team "Team A"
run beter board session list --team "Team A" --csv

note rejected sessions write nothing
before=$(store_digest)
run beter board session add --team "Team A" --date 2026-11-16 --leader BC
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --checkin AA=11
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --checkin AA=0
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --checkin AA=7 --checkin BB=zeven
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --checkin AA
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --checkin AA=7 --checkin AA=8
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --checkin ZZ=7
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --measure 1=10.5
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --measure 2=6
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --measure 99=6
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --measure 1
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --success "ok" --done 1
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --done 5
run beter board session add --team "Team A" --date 2026-11-17 --leader BC --done x
run beter board session add --team "Team A" --date 2026-11-17 --leader ZZ
run beter board session add --team "Team A" --date 2026-11-17
run beter board session add --team "Team A" --date 2026-11-31 --leader BC
run beter board session add --from s.json --date 2026-11-17
printf '{"team": "Team A", "date": "2026-11-17", "leader": "BC", "checkin": {"AA": 12}}' >bad1.json
run beter board session add --from bad1.json
printf '{"team": "Team A", "date": "2026-11-17", "leader": "BC", "checkin": {"AA": "7"}}' >bad2.json
run beter board session add --from bad2.json
printf '{"team": "Team A", "date": "2026-11-17", "leader": "BC",\n "measures": [{"goal": 1, "score": 6}],\n' >bad3.json
run beter board session add --from bad3.json
printf '{"team": "Team A", "date": "17-11-2026", "leader": "BC"}' >bad4.json
run beter board session add --from bad4.json
printf '{"team": "Team A", "date": "2026-11-17", "leader": "BC", "sucesses": ["x"]}' >bad5.json
run beter board session add --from bad5.json
printf '{"team": "Team A", "date": "2026-11-17", "leader": "BC", "measures": [{"goal": 1, "score": 6}], "done": [1]}' >bad6.json
run beter board session add --from bad6.json
printf '{"team": "Team Z", "date": "2026-11-17", "leader": "BC"}' >bad7.json
run beter board session add --from bad7.json
printf '[1, 2]' >bad8.json
run beter board session add --from bad8.json
# strict JSON: an invalid escape, a name given twice, a leading zero, a raw tab
printf '{"team": "Team A", "date": "2026-11-17", "leader": "BC", "successes": ["ab\\uZZZZcd"]}' >bad9.json
run beter board session add --from bad9.json
printf '{"team": "Team A", "date": "2026-11-17", "leader": "BC",\n "leader": "AA"}' >bad10.json
run beter board session add --from bad10.json
printf '{"team": "Team A", "date": "2026-11-17", "leader": "BC", "measures": [{"goal": 01, "score": 6}]}' >bad11.json
run beter board session add --from bad11.json
printf '{"team": "Team A", "date": "2026-11-17", "leader": "BC", "successes": ["a\tb"]}' >bad12.json
run beter board session add --from bad12.json
run beter board session add --from missing.json
run beter board session show 99
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note the whole board, now and as it stood in an earlier week
run beter board show --team "Team A"
run beter board show --team "Team A" --week 2026-W38
run beter board show --team "Team A" --week 2026-W41 --json

note the weekly export: all teams, JSON and CSV, byte-identical
run beter board export --all --week 2026-W47
run beter board export --all --week 2026-W47 --csv
beter board export --all --week 2026-W47 >e1.json
beter board export --all --week 2026-W47 >e2.json
cmp e1.json e2.json && echo "json byte-identical"
beter board export --all --week 2026-W47 --csv >e1.csv
beter board export --all --week 2026-W47 --csv >e2.csv
cmp e1.csv e2.csv && echo "csv byte-identical"
python3 -c '
import json, csv
j = json.load(open("e1.json"))
rows = list(csv.DictReader(open("e1.csv")))
n = sum(len(v) for v in j.values())
print("json sections:", ", ".join(j))
print("items json", n, "csv", len(rows))
assert n == len(rows)
'
run beter board export --team "Team B" --week 2026-W38 --json
run beter board export --week 2026-W47
run beter board export --team "Team A" --all

note "only members of the team: the leader, who checks in, who does an action"
before=$(store_digest)
run beter board session add --team "Team A" --date 2026-11-19 --leader BC --checkin CC=7
run beter board session add --team "Team A" --date 2026-11-19 --leader CC --checkin AA=7
run beter board action add --team "Team A" --who CC --what "x" --due 2026-12-01
run beter board action add --team "Team A" --team-action --who AA,CC --what "x" --due 2026-12-01
run beter board rhythm add --team "Team A" --on 2026-12-07 --leader CC
printf '{"team": "Team A", "date": "2026-11-19", "leader": "BC", "checkin": {"CC": 7}}' >notmember.json
run beter board session add --from notmember.json
run beter board session add --team "Team B" --from s.json
run beter board session add --team 2 --from s.json
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note "what happened is not after today (2026-11-20); plans may be"
before=$(store_digest)
run beter board session add --team "Team A" --date 2026-12-14 --leader BC
run beter board session add --team "Team A" --date tomorrow --leader BC
printf '{"team": "Team A", "date": "2026-12-14", "leader": "BC"}' >future.json
run beter board session add --from future.json
run beter board action done 3 --date 2026-12-14
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
run beter board rhythm add --team 1 --on 2026-12-14 --leader AA --topic "Terugblik"
run beter board action add --team 1 --who BB --what "Woordweb" --due 2026-12-18 --date 2026-11-20
run beter board set --team 1 --agreement "We starten om 8:15"
run beter board theme add --team 1 "Rekenen" --start 2027-01-04 --end 2027-03-12

note "a week still to come: the board as it stands today"
run beter board show --team "Team A" --week 2026-W51 --json
beter --json board show --team "Team A" --week 2026-W51 | jq -c '.bord'

note "the export is json, csv or tsv"
run beter board export --all --week 2026-W47 --format table
run beter --table board export --team "Team A" --week 2026-W47
run beter board export --team "Team A" --week 2026-W47 --tsv

note "the lesson-visit planning: the week's visits and later ones, and the missed ones"
quiet beter visit add --observer AA --teacher BB --date 2026-11-10
quiet beter visit add --observer BB --teacher AA --date 2026-11-12 --seen "x" --effect "y"
quiet beter visit add --observer BC --teacher AA --date 2026-11-18
quiet beter visit add --observer AA --teacher BC --date 2026-11-25
run beter board show --team "Team A" --csv
beter --json board show --team "Team A" --week 2026-W48 | jq -c '.bord, .lesbezoekplanning[]'

note "the jaarbord: the school's periods (theme, dates, status, TIV) beside the team's own themes"
quiet beter team add "TIV Lezen" --kind tiv
quiet beter team member add "TIV Lezen" AA BB BC
BETER_TODAY=2026-08-24 quiet beter period add --theme "Begrijpend lezen" --from 2026-08-31 --to 2026-10-16 --tiv "TIV Lezen"
BETER_TODAY=2026-08-24 quiet beter period add --theme "Feedback geven" --from 2026-10-19 --to 2026-12-18
quiet beter period add --theme "Rekenen in de context"
quiet beter period connect 1 --date 2026-10-15 --success "Hardop voordoen werkt" --next 2
beter board show --team "Team A" | sed -n '/^\(Year board\|Jaarbord\)$/,/^$/p'
beter board show --team "Team A" --week 2026-W40 | sed -n '/^\(Year board\|Jaarbord\)$/,/^$/p'
beter --json board show --team "Team A" --week 2026-W40 | jq -c '.jaarbord[]'
beter board export --all --week 2026-W47 --csv | grep -E '^(section|jaarbord),'
note "every team's board shows the school's periods, also a team without themes"
beter --json board export --all --week 2026-W47 | jq -c '.jaarbord[] | select(.team == "Team B")'
