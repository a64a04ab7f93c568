# visits as teams plan them: cancel, move, make-up visits, duo, rotation and
# observer rounds, plans that skip holidays, re-planning a round

export BETER_TODAY=2026-11-27
quiet beter init --school "IKC De Vlinderboom" --brin 12AB --sector po --region midden
quiet beter calendar import "$SHARE/calendar/schoolvakanties-2026-2027.ics"
quiet beter calendar add --from 2026-12-02 --kind studiedag --name "Studiedag"
printf 'code;naam;rol;team\nODW;Olga de Wit;leraar;Team Bovenbouw\nMKP;Mark Post;leraar;Team Bovenbouw\nAB;Ada Bos;leraar;Team Bovenbouw\nCD;Cor Dijk;leraar;Team Bovenbouw\nEF;Eef Fens;leraar;Team Bovenbouw\nMVD;Marijke van Dam;schoolleider;MT\n' >roster.csv
quiet beter person import roster.csv
# every visit is a weekday, a school day (not 2 December, not the Christmas holiday)
school_days() {
	beter --json visit list --round "$1" | python3 -c '
import json, sys, datetime
v = json.load(sys.stdin)
off = {"2026-12-02"} | {str(datetime.date(2026, 12, 19) + datetime.timedelta(d)) for d in range(16)}
bad = [x["date"] for x in v if x["date"] in off or datetime.date.fromisoformat(x["date"]).weekday() > 4]
print("%d visits, on school days only: %s" % (len(v), not bad))'
}

note duos visit each other, an odd team has one trio
run beter visit plan --team "Team Bovenbouw" --round "ronde 2" --mode duo --from 2026-11-30 --to 2026-12-04
school_days "ronde 2"
beter --json visit list --round "ronde 2" | python3 -c '
import json, sys
v = json.load(sys.stdin)
pairs = {(x["observer"], x["teacher"]) for x in v}
mutual = sum((b, a) in pairs for a, b in pairs)
print("mutual visits: %d of %d, everyone visited once: %s" % (mutual, len(v), sorted(x["teacher"] for x in v) == sorted(x["observer"] for x in v)))'

note a rotation, as before, over the Christmas holiday
run beter visit plan --team "Team Bovenbouw" --round "ronde 3" --mode rotation --from 2026-12-17 --to 2027-01-08
school_days "ronde 3"

note the school leader visits every teacher of the team
run beter visit plan --team "Team Bovenbouw" --round "directie" --mode observer --observer MVD
school_days "directie"

note planning a round again replaces its visits that were not recorded
export BETER_TODAY=2026-12-04
quiet beter visit record 1 --seen "Uitleg met voorbeeld" --effect "Leerlingen werkten door"
run beter visit plan --team "Team Bovenbouw" --round "ronde 2" --from 2026-12-07 --to 2026-12-11
run beter visit list --round "ronde 2"

note cancel, move, and a make-up visit
run beter visit cancel 7 --reason "Schoolreis"
run beter visit move 8 --date 2026-12-09 --time 10:30
run beter visit list --round "ronde 3"
export BETER_TODAY=2026-12-18
run beter visit list --round "ronde 3" --status missed
run beter visit add --observer EF --teacher ODW --date 2027-01-05 --round "ronde 3" --replaces 8
run beter visit list --round "ronde 3"
run beter visit coverage --round "ronde 3"
beter calendar export --person MKP --from 2026-12-01 --to 2027-01-31 | tr -d '\r' | grep '^SUMMARY:Lesson visit' | sort
echo "(the cancelled visit of CD to MKP is left out)"

note bad input: a clear message, nothing written
before=$(store_digest)
run beter visit cancel 1
run beter visit move 1 --date 2026-12-21
run beter visit cancel 7
run beter visit move 7 --date 2027-01-11
run beter visit move 9 --date 2027-01-09
run beter visit move 9
run beter visit move 9 --date 2027-13-01
run beter visit cancel 99
run beter visit add --observer MKP --teacher ODW --date 2027-01-05 --replaces 1
run beter visit add --observer MKP --teacher ODW --date 2027-01-05 --replaces 9
run beter visit add --observer MKP --teacher ODW --date 2027-01-05 --replaces 7
run beter visit add --observer MKP --teacher ODW --date 2027-01-05 --replaces 8
run beter visit add --observer MKP --teacher ODW --date 2027-01-05 --replaces x
run beter visit plan --team "Team Bovenbouw" --round "x" --mode trio
run beter visit plan --team "Team Bovenbouw" --round "x" --mode observer
run beter visit plan --team "Team Bovenbouw" --round "x" --observer MVD
run beter visit plan --team "Team Bovenbouw" --round "x" --from 2026-12-21 --to 2027-01-01
[ "$before" = "$(store_digest)" ] && echo "store unchanged by the bad input"

note a visit with several focuses, none silently dropped
quiet beter goal add --team "Team Bovenbouw" --text "Leerlingen kunnen het lesdoel zeggen" --weeks 6 --norm 8 --baseline 5
quiet beter goal add --team "Team Bovenbouw" --text "Leerlingen helpen elkaar" --weeks 6 --norm 8 --baseline 5
run beter --csv visit add --observer MKP --teacher ODW --date 2027-01-12 --focus goal:2 --focus item:uitleg.1 --focus points
run beter --json visit list --teacher ODW --from 2027-01-12
before=$(store_digest)
run beter visit add --observer MKP --teacher ODW --date 2027-01-12 --focus goal:2 --focus goal:2
run beter visit add --observer MKP --teacher ODW --date 2027-01-12 --focus goal:1 --focus item:nope
run beter visit add --observer MKP --teacher ODW --date 2027-01-12 --focus goal:1 --focus goal:9
[ "$before" = "$(store_digest)" ] && echo "store unchanged by the bad focus"

note a visit to a lesson from a design: --focus design:N is --design N
quiet beter design add --team "Team Bovenbouw" --goal 2 --authors ODW,MKP --group "groep 7" --doel "Leerlingen helpen elkaar met een feedbackkaart"
run beter --csv visit add --observer MKP --teacher ODW --date 2027-01-13 --focus design:1 --focus goal:2
run beter -q visit add --observer MKP --teacher ODW --date 2027-01-14 --focus design:1 --design 1
run beter --json visit list --teacher ODW --from 2027-01-13
for n in 22 23; do
	beter --json visit show $n | python3 -c 'import json, sys; v = json.load(sys.stdin)["visit"]; print("visit", v["id"], "observes a lesson from design", v["design"])'
done
before=$(store_digest)
run beter visit add --observer MKP --teacher ODW --date 2027-01-12 --focus design:1 --design 2
run beter visit add --observer MKP --teacher ODW --date 2027-01-12 --focus design:1 --focus design:2
run beter visit add --observer MKP --teacher ODW --date 2027-01-12 --focus design:1 --focus design:1
run beter visit add --observer MKP --teacher ODW --date 2027-01-12 --focus design:x
run beter visit add --observer MKP --teacher ODW --date 2027-01-12 --focus design:9
run beter visit add --observer MKP --teacher ODW --date 2027-01-12 --focus lesson:1
[ "$before" = "$(store_digest)" ] && echo "store unchanged by the bad focus"

note a make-up visit without --round goes in the round of the visit it replaces
run beter -q visit add --observer AB --teacher EF --date 2027-01-06 --replaces 6
run beter visit coverage --round "ronde 3"

note the board shows every focus of a visit, as the list does
beter --json board export --team "Team Bovenbouw" --week 2027-W02 | python3 -c '
import json, sys
for v in json.load(sys.stdin)["lesbezoekplanning"]:
    print(v["id"], v["date"], v["round"], v["focus"], v["status"])'

note planning a round again keeps the visits a board session said took place
run beter -q board session add --team "Team Bovenbouw" --date 2026-12-18 --leader ODW --visit-done 17
run beter visit plan --team "Team Bovenbouw" --round "ronde 2" --from 2027-01-11 --to 2027-01-15
run beter visit list --round "ronde 2"
