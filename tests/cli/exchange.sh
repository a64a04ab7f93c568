# export, import (round trip, merge by uid, validation) and backup

# uids are random: show them as <uid>
uids() { sed -E 's/[0-9a-f]{32}/<uid>/g'; }
export_digest() { beter export | md5sum | cut -c1-12; }

note a store to export
quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter person import "$SHARE/demo/roster.csv"
quiet beter person add RB --name "Robert'); DROP TABLE person;--" --role leraar
quiet beter person add QT --name 'Quote "dubbel" \ back	tab' --role other
quiet beter team member add "Team Bovenbouw" RB QT --role lid

note help
run beter help export
run beter import --help
run beter export extra

note the document
beter export >store.json
run head -9 store.json | uids
run jq -c '{format, format_version, schema_version, school, tables: (.tables | keys_unsorted)}' store.json
run jq -c '.tables | to_entries | map({(.key): (.value | length)}) | add' store.json
run jq -r '.tables.person | sort_by(.code)[] | select(.code == "RB" or .code == "QT") | .name' store.json
run sh -c 'jq -r ".tables.team_member[0] | keys_unsorted | join(\",\")" store.json'
echo "every link is a uid of the right table:"
jq -r '(.tables.school | map(.uid)) as $s | (.tables.team | map(.uid)) as $t | (.tables.person | map(.uid)) as $p
  | [(.tables.person[] | .school_id | IN($s[])), (.tables.team[] | .school_id | IN($s[])),
     (.tables.team_member[] | (.team_id | IN($t[])) and (.person_id | IN($p[])))] | all' store.json
echo "records sorted by uid:"
jq -r '[.tables.person[].uid] | . == sort' store.json

note export, import into a new store, export again: the same bytes
run beter --db new.db import store.json
BETER_DB=new.db beter export >again.json
cmp store.json again.json && echo "byte-identical"
run beter --db new.db person show RB
run beter --db new.db --csv person list --team "Team Bovenbouw"
run beter --db new.db check

note importing the same file twice changes nothing
before=$(store_digest)
run beter import store.json
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note merge: the file wins for records in both, new ones are added, nothing is deleted
quiet beter --db new.db person edit JDV --name "Jan de Vries-Bakker"
quiet beter --db new.db person add NEW --name "Nieuwe Collega" --role leraar
quiet beter --db new.db team member add "Team Onderbouw" NEW
quiet beter person add OLD --name "Alleen Hier" --role leraar
BETER_DB=new.db beter export >laptop.json
run beter import laptop.json
run beter person show JDV
run beter person show NEW
run beter person show OLD
run beter --csv team show "Team Onderbouw"
before=$(store_digest)
run beter import laptop.json
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note dry run
quiet beter --db new.db person add DRY --name "Droog" --role leraar
BETER_DB=new.db beter export >dry.json
run beter import --dry-run dry.json
run beter person show DRY
run beter --db dry-new.db --dry-run import dry.json
[ -e dry-new.db ] || echo "no store was created"

note stdin
run sh -c 'beter export | beter --db piped.db -q import -'
run beter --db piped.db person show RB --json

note any order of fields and tables: the tables before the header, links before what they link to
jq '{tables: (.tables | to_entries | reverse | from_entries), schema_version, school, format_version, format}' \
	store.json >reordered.json
run jq -r '[keys_unsorted[0], (.tables | keys_unsorted | first, last)] | join(" ")' reordered.json
run beter --db reordered.db -q import reordered.json
BETER_DB=reordered.db beter export | cmp - store.json && echo "the same store"

note --school: one school and what it links to
quiet beter school add "CBS De Wegwijzer" --brin 34CD --sector vo
quiet beter person add JDV --name "Jo de Vos" --role leraar --school 34CD
quiet beter team add "Team Wegwijzer" --school 34CD
quiet beter team member add "Team Wegwijzer" JDV --school 34CD
beter export --school 34CD >wegwijzer.json
run jq -c '.tables | to_entries | map({(.key): (.value | length)}) | add' wegwijzer.json
run sh -c 'jq -c ".tables.person[] | {code, name}" wegwijzer.json'
run jq -r '.school == .tables.school[0].uid' wegwijzer.json
run beter --db wegwijzer.db import wegwijzer.json
run beter --db wegwijzer.db school list
run beter export --school nope

note rejected documents: exit 65, nothing written
before=$(export_digest)
reject() { # NAME JSON: write the document, import it, show the store is unchanged
	printf '%s' "$2" >"$1"
	run beter import "$1" | uids
	[ "$before" = "$(export_digest)" ] || echo "STORE CHANGED"
}
school=$(jq -r '.tables.school[0].uid' store.json)
person=$(jq -c '.tables.person[] | select(.code == "JDV")' store.json)
head='"format": "beter-export", "format_version": 1, "schema_version": 1, "school": null'
reject empty.json ''
reject notjson.json '{"format": "beter-export",
  "tables": {'
reject array.json '[1, 2]'
reject format.json '{"format": "other", "format_version": 1, "schema_version": 1, "tables": {}}'
reject version.json '{"format": "beter-export", "format_version": 2, "schema_version": 1, "tables": {}}'
reject schema.json '{"format": "beter-export", "format_version": 1, "schema_version": 999, "tables": {}}'
reject top.json "{$head, \"extra\": 1, \"tables\": {}}"
reject table.json "{$head, \"tables\": {\"pupil\": []}}"
reject rows.json "{$head, \"tables\": {\"person\": {}}}"
reject column.json "{$head, \"tables\": {\"person\": [$(echo "$person" | jq -c '. + {shoe_size: 44}')]}}"
reject type.json "{$head, \"tables\": {\"person\": [$(echo "$person" | jq -c '.name = 12')]}}"
reject type2.json "{$head, \"tables\": {\"school\": [$(jq -c '.tables.school[0] | .id = "one"' store.json)]}}"
reject null.json "{$head, \"tables\": {\"person\": [$(echo "$person" | jq -c '.role = null')]}}"
reject uid.json "{$head, \"tables\": {\"person\": [$(echo "$person" | jq -c '.uid = "JDV"')]}}"
reject nouid.json "{$head, \"tables\": {\"person\": [$(echo "$person" | jq -c 'del(.uid)')]}}"
reject dangling.json "{$head, \"tables\": {\"person\": [$(echo "$person" | jq -c '.school_id = "0123456789abcdef0123456789abcdef"')]}}"
reject link.json "{$head, \"tables\": {\"team_member\": [{\"team_id\": \"$school\", \"person_id\": \"$school\", \"role\": \"lid\"}]}}"
reject twice.json "{$head, \"tables\": {\"person\": [$person, $person]}}"
reject dupfield.json "{$head, \"tables\": {\"person\": [{\"uid\": \"0123456789abcdef0123456789abcdef\", \"uid\": \"0123456789abcdef0123456789abcdee\"}]}}"
reject check.json "{$head, \"tables\": {\"person\": [$(echo "$person" | jq -c '.role = "juf"')]}}"
reject rule.json "{$head, \"tables\": {\"person\": [$(echo "$person" | jq -c '.code = "a b"')]}}"
reject clash.json "{$head, \"tables\": {\"person\": [$(echo "$person" | jq -c '.uid = "0123456789abcdef0123456789abcdef"')]}}"
# another store that created the same school (same BRIN) under its own uid
reject sameschool.json "{$head, \"tables\": {\"school\": [$(jq -c '.tables.school[0] | .uid = "0123456789abcdef0123456789abcdef" | .id = 7' store.json)]}}"
BETER_LANG=en beter import sameschool.json 2>&1 | grep -q "the record '$school'" || echo "the clash does not name the school in the store"
reject tabletwice.json "{$head, \"tables\": {\"person\": [], \"person\": []}}"
reject fieldtwice.json "{$head, \"format\": \"beter-export\", \"tables\": {}}"
reject cut.json "{$head, \"tables\": {\"person\": [$person,"
reject trailing.json "{$head, \"tables\": {}} {}"
reject nul.json "{$head, \"tables\": {\"person\": [$(echo "$person" | jq -c '.name = "a\u0000b"')]}}"
# strict JSON (RFC 8259), with a new person before the fault that is not written
new=$(echo "$person" | jq -c '.uid = "0123456789abcdef0123456789abcdee" | .code = "STRICT"')
reject escape.json "{$head, \"tables\": {\"person\": [$new, $(echo "$person" | jq -c '.name = "abXcd"' | sed 's/abXcd/ab\\uZZZZcd/')]}}"
reject dupname.json "{$head, \"tables\": {\"person\": [$new, $(echo "$person" | sed 's/^{/{"name": "X", /')]}}"
reject leadzero.json "{$head, \"tables\": {\"person\": [$new, $(echo "$person" | jq -c '.id = 7' | sed 's/"id":7/"id":07/')]}}"
reject formfeed.json "$(printf '{%s, "tables": {"person": [%s],\f"team": []}}' "$head" "$new")"
reject comma.json "{$head, \"tables\": {\"person\": [$new,]}}"
reject lone.json "{$head, \"tables\": {\"person\": [$new, $(echo "$person" | jq -c '.name = "abXcd"' | sed 's/abXcd/ab\\uD83Dcd/')]}}"
note a byte order mark before the document is skipped
printf '\357\273\277' | cat - store.json >bom.json
run beter --db bom.db import bom.json
printf '{"format": "beter-\xff"}' >utf8.json
run beter import utf8.json
run beter import missing.json
run beter import

note "periods and the designs of a period: round trip, merge by uid"
pdb() { beter --db "$1" -q "${@:2}"; }
pdb per1.db init --school "IKC De Vlinderboom"
pdb per1.db person add ODW --name "Olga de Wit" --role leraar
pdb per1.db team add "Team Bovenbouw"
pdb per1.db team member add "Team Bovenbouw" ODW
pdb per1.db period add --theme "Begrijpend lezen" --from 2026-08-31 --to 2026-10-16
pdb per1.db period add --theme "Feedback geven" --from 2026-10-19 --to 2026-12-18
pdb per1.db design add --team "Team Bovenbouw" --authors ODW --date 2026-09-10 --doel "Samenvatten"
pdb per1.db design add --team "Team Bovenbouw" --authors ODW --date 2026-09-17 --period 2 --doel "Feedback"
BETER_DB=per1.db beter export >per1.json
run jq -c '[.tables.design[] | {doel, period: .period_id}] | sort_by(.doel) | map(.period |= (if . == null then null else "<uid>" end))' per1.json
beter --db per2.db -q import per1.json
BETER_DB=per2.db beter export | cmp - per1.json && echo "byte-identical"
pdb per2.db period add --theme "Rekenen" --from 2027-01-04 --to 2027-02-19
pdb per2.db design copy 2 --date 2027-01-14
BETER_DB=per2.db beter export >per2.json
run beter --db per1.db import per2.json
run beter --db per1.db design list
BETER_DB=per1.db beter export | cmp - per2.json && echo "merged: the same store"
before=$(BETER_DB=per1.db store_digest)
beter --db per1.db -q import per2.json
[ "$before" = "$(BETER_DB=per1.db store_digest)" ] && echo "imported again: store unchanged"
note "a design that names a period not in the file or the store: exit 65, nothing written"
jq '.tables.design[0].period_id = "0123456789abcdef0123456789abcdef"' per1.json >badperiod.json
{ beter --db per3.db import badperiod.json; echo "[exit $?]"; } 2>&1 | uids
[ -e per3.db ] && echo "a store was created" || echo "no store was created"
