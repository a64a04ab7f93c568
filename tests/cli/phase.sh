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
