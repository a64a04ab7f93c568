# phase: models, trajectories, checklists, retrospectives, conditions

quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
printf 'code,name,role,team\nJDV,Jan de Vries,leraar,Team Bovenbouw\nAB,Anna Bakker,schoolcoach,Team Bovenbouw|leerKRACHT-team\nKL,Karin Loos,leraar,Team Onderbouw\n' >roster.csv
quiet beter person import roster.csv

note help
run beter phase --help
run beter help phase next

note shipped models
run beter phase models
run beter --json phase models
run beter phase model show leerkracht
run beter --csv phase model show leren-leraren
run beter phase model show nope
run beter phase model show ../../etc/passwd
run beter phase model

note start: usage and refusals
run beter phase start
run beter phase start leerkracht
run beter phase start leerkracht --team "Team Bovenbouw" --school
run beter phase start nope --school
run beter phase start leerkracht --team "Team Nergens"
run beter phase start leerkracht --school --date 2026-13-01
run beter phase status
run beter phase next --went-well a --improve b

note start the school in the leerKRACHT approach
run beter phase start leerkracht --school --date 2026-08-24
run beter phase start vo-6-stappen --school
run beter phase status --json

note checklist
run beter phase check draagvlaksessie
run beter phase check 2 --date 2026-09-01
run beter phase check draagvlaksessie
run beter phase check 2 --undo
run beter phase check 2 --undo
run beter phase check 2 --undo --date 2026-09-01
run beter phase check nope
run beter phase check 3 --date 2026-08-01
run beter phase status --school

note closing a phase needs a retrospective
before=$(store_digest)
run beter phase next
run beter phase next --went-well "iedereen was bij de draagvlaksessie"
run beter phase next --improve "eerder plannen"
run beter phase next --no-retro
run beter phase next --reason "geen tijd"
run beter phase next --no-retro --reason "geen tijd" --went-well x
run beter phase next --went-well "  " --improve x
run beter phase next --went-well a --improve b --date 2026-08-01
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
run beter phase next --went-well "iedereen was bij de draagvlaksessie" --improve "teams eerder indelen" --date 2026-09-14
run beter phase check werksessies --date 2026-09-20 --quiet
run beter phase next --no-retro --reason "de expertcoach viel uit" --date 2026-10-05 --quiet
run beter phase status --csv

note a team trajectory beside the one of the school
run beter phase start leskwaliteit --team "Team Bovenbouw" --date 2026-09-01 --quiet
run beter phase start leskwaliteit --team "Team Bovenbouw"
run beter phase status
run beter phase check beelden --team "Team Bovenbouw"
run beter phase status --team "team bovenbouw" --tsv

note complete a trajectory
run beter phase start leren-leraren --team "Team Onderbouw" --date 2026-09-01 -q
for d in 2026-09-15 2026-10-01 2026-10-15 2026-11-01; do
	quiet beter phase next --team "Team Onderbouw" --went-well "samen geleerd" --improve "meer tijd" --date $d
done
run beter phase status --team "Team Onderbouw"
run beter phase next --team "Team Onderbouw" --went-well x --improve y
run beter phase start leren-leraren --team "Team Onderbouw" --date 2026-11-02 -q
run beter phase status --team "Team Onderbouw" --json

note history and retrospectives
run beter phase history --school
run beter phase history --team "Team Onderbouw" --csv
run beter phase retro list
run beter --json phase retro list --school
run beter phase retro

note conditions
run beter phase conditions
run beter phase conditions --json --from 2026-09-01 --to 2026-09-30
run beter phase conditions --from 2026-10-01 --to 2026-09-01

note import an own model of the school
cat >eigen.json <<'JSON'
{
  "id": "eigen-traject",
  "name": "Ons eigen traject",
  "phases": [
    { "id": "start", "name": "Start", "who": ["MT"], "typical_days": 14,
      "activities": [ { "id": "kick-off", "text": "Aftrap met het team" } ] },
    { "id": "verdiepen", "name": "Verdiepen", "purpose": "Samen leren", "who": ["leraren", "MT"], "typical_days": 60,
      "activities": [ { "id": "lesbezoek", "text": "Lesbezoeken in duo's" }, { "id": "delen", "text": "Delen" } ] }
  ]
}
JSON
run beter phase model import eigen.json
run beter phase model import eigen.json
run beter phase models
run beter phase model show eigen-traject
sed 's/Ons eigen traject/Ons traject/' eigen.json >eigen2.json
run beter phase model import eigen2.json
run beter phase models --csv
cat eigen.json | run beter phase model import -

note bad model files change nothing
before=$(store_digest)
bad() { printf '%s' "$2" >"$1"; run beter phase model import "$1"; }
bad notjson.json '{"id": "x", "name": '
bad array.json '[1, 2]'
bad noid.json '{"name": "X", "phases": []}'
bad badid.json '{"id": "Eigen Traject", "name": "X", "phases": []}'
bad shipped.json '{"id": "leerkracht", "name": "X", "phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": 5, "activities": [{"id": "b", "text": "B"}]}]}'
bad nophases.json '{"id": "x", "name": "X", "phases": []}'
bad phasestr.json '{"id": "x", "name": "X", "phases": "eerst dit"}'
bad dupphase.json '{"id": "x", "name": "X", "phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": 5, "activities": [{"id": "b", "text": "B"}]}, {"id": "a", "name": "A2", "who": ["MT"], "typical_days": 5, "activities": [{"id": "b", "text": "B"}]}]}'
bad dupact.json '{"id": "x", "name": "X", "phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": 5, "activities": [{"id": "b", "text": "B"}, {"id": "b", "text": "C"}]}]}'
bad days.json '{"id": "x", "name": "X", "phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": 0, "activities": [{"id": "b", "text": "B"}]}]}'
bad daysstr.json '{"id": "x", "name": "X", "phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": "6 weken", "activities": [{"id": "b", "text": "B"}]}]}'
bad who.json '{"id": "x", "name": "X", "phases": [{"id": "a", "name": "A", "who": "MT", "typical_days": 5, "activities": [{"id": "b", "text": "B"}]}]}'
bad noacts.json '{"id": "x", "name": "X", "phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": 5, "activities": []}]}'
bad acttext.json '{"id": "x", "name": "X", "phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": 5, "activities": [{"id": "b", "text": 3}]}]}'
bad typo.json '{"id": "x", "name": "X", "phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": 5, "activitys": [{"id": "b", "text": "B"}]}]}'
printf '{"id": "x", "name": "X\xff", "phases": []}' >utf8.json
run beter phase model import utf8.json
run beter phase model import missing.json
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note start an own model: the trajectory keeps its copy of the phases
run beter phase start eigen-traject --team "leerKRACHT-team" --date 2026-11-01
run beter phase model import eigen.json
run beter phase history --team leerKRACHT-team

note dry run
before=$(store_digest)
run beter phase next --team leerKRACHT-team --went-well a --improve b --dry-run
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note the conditions over an improvement period: a closed one, a running one, a planned one
quiet beter team add "TIV Lezen" --kind tiv
quiet beter team member add "TIV Lezen" AB JDV KL
quiet beter period add --theme "Begrijpend lezen" --from 2026-08-31 --to 2026-10-16 --tiv "TIV Lezen"
quiet beter period add --theme "Rekenen in de context" --from 2026-10-26 --to 2026-12-18 --tiv "TIV Lezen"
quiet beter period add --theme "Eigenaarschap"
quiet beter period add --theme "Samen leren" --from 2027-01-04 --to 2027-02-12
quiet beter board set --team "Team Bovenbouw" --ambition "Iedereen leest met plezier" --date 2026-08-31
for d in 2026-09-07 2026-09-14 2026-09-21 2026-10-05 2026-11-02 2026-11-16; do
	quiet beter board session add --team "Team Bovenbouw" --date $d --leader AB
done
quiet beter board session add --team "Team Onderbouw" --date 2026-09-08 --leader KL
quiet beter board session add --team "Team Onderbouw" --date 2026-11-03 --leader KL
quiet beter goal add --team "Team Bovenbouw" --text "Leerlingen vatten een tekst samen" --weeks 6 --norm 8 --baseline 5 --date 2026-09-07
quiet beter design add --team "Team Bovenbouw" --authors JDV --group "groep 7" --date 2026-09-24 --date 2026-11-05 --doel "Samenvatten"
quiet beter visit add --observer AB --teacher JDV --date 2026-10-01 --seen "Ik zag je hardop voordoen." --effect "De leerlingen deden het na."
quiet beter visit feedback 1 --date 2026-10-02 --agreed "Vaker hardop voordoen"
quiet beter visit add --observer AB --teacher KL --date 2026-11-10 --seen "Ik zag je het doel noemen." --effect "Leerlingen schreven het op."
quiet beter period retro 1 --team "Team Bovenbouw" --went-well "Elke les hardop voordoen" --improve "Meer oefentijd" --goal-reached deels --ambition "Nog steeds herkenbaar" --date 2026-10-12
quiet beter period retro 1 --team "Team Onderbouw" --went-well "Samen gelezen" --goal-reached nee --date 2026-10-13
for d in 2026-10-06 2026-10-14; do
	quiet beter phase next --school --went-well "goed gedaan" --improve "eerder beginnen" --date $d
done
run beter period connect 1 --date 2026-10-15 --success "Leesplezier" --standard 1="Elke leesles begint met hardop voordoen" --story "Na de herfst: rekenen" --next 2
run beter phase conditions --period 1
run beter --json phase conditions --period 1
run beter phase conditions --period 2
run beter --csv phase conditions --period 2
run beter phase conditions --period 4

note conditions of a period: bad input
run beter phase conditions --period 3
run beter phase conditions --period 9
run beter phase conditions --period x
run beter phase conditions --period 1 --from 2026-09-01

note after the first verbindingssessie the leerKRACHT trajectory is in Uitbouwen: each period repeats
run beter phase next --school --went-well "samen gedeeld" --improve "korter presenteren" --date 2026-10-16 --quiet
run beter phase status --school
quiet beter wall note 2 "Rekenen in contexten helpt het begrip" --source "NRO"
quiet beter goal add --team "Team Onderbouw" --text "Leerlingen rekenen in contexten" --weeks 6 --norm 8 --baseline 5 --date 2026-10-28
quiet beter goal add --team "Team Bovenbouw" --text "Leerlingen leggen hun som uit" --weeks 6 --norm 8 --baseline 5 --date 2026-10-27
run beter --json phase status --school
run beter phase next --school --went-well "klaar" --improve "niets"
run beter phase history --school --csv

note Uitbouwen without a period to run
run beter --db none.db init --school "OBS Leeg" --sector po
run beter --db none.db phase start leerkracht --school --date 2026-01-05 -q
for d in 2026-02-01 2026-03-01 2026-04-01 2026-05-01 2026-06-01; do
	quiet beter --db none.db phase next --school --went-well a --improve b --date $d
done
run beter --db none.db phase status

note the targets of a model, counted from the records: open, then met
run beter phase status --team "Team Bovenbouw"
quiet beter calendar add --from 2026-10-09 --to 2026-10-09 --kind studiedag --name "Studiedag leskwaliteit"
quiet beter calendar add --from 2026-12-11 --to 2026-12-11 --kind studiedag --name "Studiedag later"
run beter --csv phase status --team "Team Bovenbouw"

note a model with targets and a cycle of its own
cat >doelen.json <<'JSON'
{"id": "doelen", "name": "Met doelen", "phases": [
  {"id": "start", "name": "Start", "who": ["MT"], "typical_days": 14, "activities": [{"id": "a", "text": "Aftrap"}]},
  {"id": "door", "name": "Doorgaan", "who": ["teams"], "typical_days": 42, "cycle": "period", "activities": [{"id": "b", "text": "Elke periode"}]}],
 "targets": [
  {"id": "bijeenkomsten", "text": "Twee teambijeenkomsten", "count": "board-sessions", "min": 2},
  {"id": "ontwerpen", "text": "Drie lesontwerpen gegeven", "count": "designs", "min": 3},
  {"id": "gesprekken", "text": "Vijf lesbezoeken met nagesprek", "count": "visits-with-talk", "min": 5},
  {"id": "bezoek", "text": "Iedere leraar een bezoek met nagesprek", "count": "teachers-with-talk"}]}
JSON
run beter phase model import doelen.json
run beter phase model show doelen
run beter --csv phase model show doelen

note bad targets and cycles change nothing
before=$(store_digest)
P='"phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": 5, "activities": [{"id": "b", "text": "B"}]}]'
bad tkind.json '{"id": "x", "name": "X", '"$P"', "targets": [{"id": "t", "text": "T", "count": "lessons", "min": 2}]}'
bad tmin.json '{"id": "x", "name": "X", '"$P"', "targets": [{"id": "t", "text": "T", "count": "study-days", "min": 0}]}'
bad tminfrac.json '{"id": "x", "name": "X", '"$P"', "targets": [{"id": "t", "text": "T", "count": "study-days", "min": 1.5}]}'
bad tnomin.json '{"id": "x", "name": "X", '"$P"', "targets": [{"id": "t", "text": "T", "count": "board-sessions"}]}'
bad tdup.json '{"id": "x", "name": "X", '"$P"', "targets": [{"id": "t", "text": "T", "count": "designs", "min": 1}, {"id": "t", "text": "U", "count": "designs", "min": 2}]}'
bad tobj.json '{"id": "x", "name": "X", '"$P"', "targets": {"id": "t"}}'
bad ttext.json '{"id": "x", "name": "X", '"$P"', "targets": [{"id": "t", "count": "designs", "min": 1}]}'
bad ttypo.json '{"id": "x", "name": "X", '"$P"', "targets": [{"id": "t", "text": "T", "count": "designs", "minimum": 1}]}'
bad cycle.json '{"id": "x", "name": "X", "phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": 5, "cycle": "week", "activities": [{"id": "b", "text": "B"}]}]}'
bad cyclelast.json '{"id": "x", "name": "X", "phases": [{"id": "a", "name": "A", "who": ["MT"], "typical_days": 5, "cycle": "period", "activities": [{"id": "b", "text": "B"}]}, {"id": "c", "name": "C", "who": ["MT"], "typical_days": 5, "activities": [{"id": "d", "text": "D"}]}]}'
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
