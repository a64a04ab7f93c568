# machine: JSON, CSV and TSV are the same bytes in every language. On the
# demo store (as written: Friday 20 November 2026) every command that lists,
# shows, reports or exports runs in --lang en and --lang nl in each machine
# format; stdout must be byte-identical (a difference prints the diff, which
# the transcript does not expect, and the test fails). Free texts users typed
# stay as typed; what beter writes itself (status words, kinds, labels) is
# English there.

rm -f demo.db*
BETER_TODAY=2026-11-20 sh "$SHARE/demo/demo.sh" "$(command -v beter)" "$PWD/demo.db" >demo.log 2>&1 ||
	{ echo "demo.sh failed"; cat demo.log; }
export BETER_DB="$PWD/demo.db" BETER_TODAY=2026-11-20
export BETER_KEY_FILE="$PWD/demo.db.key"

# same FORMATS -- ARGS...: beter --lang en and --lang nl, each format given
# ("--json", "--csv", "--tsv" or "--format=json" ...), the same stdout
checked=0
same() {
	local fmts=() fmt e n
	while [ "$1" != -- ]; do
		fmts+=("$1")
		shift
	done
	shift
	for fmt in "${fmts[@]}"; do
		beter --lang en "$fmt" "$@" >en.out 2>en.err
		e=$?
		beter --lang nl "$fmt" "$@" >nl.out 2>nl.err
		n=$?
		checked=$((checked + 1))
		if [ "$e" -ne "$n" ] || { [ "$e" -ne 0 ] && [ "$*" != check ]; }; then
			echo "beter $fmt $*: exit $e (en), $n (nl)"
			head -3 en.err nl.err
		elif ! [ -s en.out ]; then
			echo "beter $fmt $*: no output"
		elif ! cmp -s en.out nl.out; then
			echo "beter $fmt $*: DIFFERS between en and nl"
			diff en.out nl.out | head -20
		fi
	done
}
# every machine format of a command
all() { same --json --csv --tsv -- "$@"; }
# what a JSON list holds: ids JQ-FILTER ARGS... (".[].id", or a select)
ids() {
	local filter=$1
	shift
	beter --lang en --json "$@" | jq -r "$filter"
}

note school, team, person
all school list
all school show
all team list
for t in $(ids '.[].id' team list); do all team show "$t"; done
all person list
for p in $(ids '.[].code' person list); do all person show "$p"; done

note phase
all phase models
for m in $(ids '.[].id' phase models); do all phase model show "$m"; done
all phase status --school
all phase history --school
all phase retro list --school
all phase conditions
for t in $(ids '.[].id' team list); do
	all phase history --team "$t"
	all phase retro list --team "$t"
done
# the teams with a trajectory running
for t in $(ids '.[].id' team list); do
	[ "$(ids 'any(.[]; .status == "active")' phase history --team "$t")" = true ] && all phase status --team "$t"
done

note board
all board export --all
for t in $(ids '.[].id' team list); do
	all board show --team "$t"
	for what in agreement theme arena park action success rhythm; do
		all board "$what" list --team "$t"
	done
	all board session list --team "$t"
	for s in $(ids '.[].id' board session list --team "$t"); do all board session show "$s"; done
done

note goal
all goal list
all goal list --personal
all goal standards
for t in $(ids '.[].id' team list); do
	all goal candidate list --team "$t"
	all goal matrix --team "$t"
done
for g in $(ids '.[].id' goal list); do all goal show "$g"; done
for g in $(ids '.[] | select(.team != null) | .id' goal list); do all goal progress "$g"; done
all -n goal measure 2 --score 7

note visit
all visit list
for v in $(ids '.[].id' visit list); do all visit show "$v"; done
all visit coverage
all visit scores
for p in $(ids '.[].code' person list); do all visit points list --teacher "$p"; done
all visit framework list
for f in $(ids '.[].key' visit framework list); do all visit framework show "$f"; done

note design
all design list
for d in $(ids '.[].id' design list); do
	all design show "$d"
	all design step list "$d"
done

note arena
all arena list
for a in $(ids '.[].id' arena list); do
	all arena show "$a"
	all arena top "$a"
	all arena compare "$a"
done

note survey
all survey instrument list
for i in $(ids '.[].id' survey instrument list); do all survey instrument show "$i"; done
all survey list
for s in $(ids '.[].id' survey list); do
	all survey show "$s"
	for by in item scale team; do all survey report "$s" --by "$by" --key-file "$PWD/demo.db.360-MVD.key"; done
done
# a 360-degree feedback by rater, with the secret key of the one it is for
for s in $(ids '.[] | select(.instrument | startswith("feedback360")) | .id' survey list); do
	all survey report "$s" --by rater --key-file "$PWD/demo.db.360-MVD.key"
done
all survey compare --instrument cultuursurvey --waves 0-meting,november
all survey policy

note calendar, period, datamuur
# the demo's periods; where it has none, one with its datamuur and a retrospective
if [ "$(ids length period list)" = 0 ]; then
	quiet beter period add --theme "Begrijpend lezen" --from 2026-08-31 --to 2026-10-16
	quiet beter wall add 1 --indicator "Begrijpend lezen M" --group "groep 7" --value 58 --norm 65 --unit % \
		--source "Cito LOVS" --date 2026-02-01 --previous 55
	quiet beter wall note 1 "Hardop denkend voordoen helpt zwakke lezers" --source "NRO"
	quiet beter period retro 1 --team "Team Bovenbouw" --goal-reached deels --went-well "samen voorbereid" \
		--improve "eerder meten"
fi
all calendar list
all period list
for p in $(ids '.[].id' period list); do
	all period show "$p"
	all wall show "$p"
done

note report, export, check
same --format=json -- report --now 2026-11-20T07:00:00Z
for t in $(ids '.[].id' team list); do same --format=json -- report --team "$t" --now 2026-11-20T07:00:00Z; done
same --json -- export
all check
# a copy broken behind the back of beter: the problems found, in every format
quiet beter backup broken.db
sqlite3 broken.db "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;
  UPDATE person SET code = 'ab-c' WHERE code = 'ODW';
  UPDATE person SET uid = 'not-a-uid' WHERE id = 3;
  UPDATE board_session SET date = '2026-02-30' WHERE id = 1;
  UPDATE visit_score SET score = 5 WHERE id = 1;
  UPDATE visit SET focus = 'item', focus_item = 'uitleg.9' WHERE id = 2;
  UPDATE survey_response SET n_answers = 6 WHERE id = 40;
  UPDATE trajectory SET status = 'done', ended = '2026-11-19' WHERE id = 1;
  UPDATE trajectory_item SET done = '2026-10-20' WHERE id = (SELECT min(id) FROM trajectory_item WHERE phase_id = 1);
  DELETE FROM team WHERE name = 'MT'"
BETER_DB=$PWD/broken.db all check
BETER_DB=$PWD/broken.db beter --lang en check 2>&1 >/dev/null

note "$checked outputs compared"
