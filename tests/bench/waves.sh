#!/bin/sh
# The wave benchmark (on demand; not part of ctest): the same Forms export of
# the culture survey, 30,000 colleagues with the team question
# (gen_culture.py, fixed seed), imported as wave after wave into one store.
# Prints the time of each wave while the store is built, then a table of
# medians: wave 1 into an empty store and wave 20 into the store holding
# waves 1-19, against sqlite3 .import of the same file measured in the same
# run, alternating run by run.
#
# usage: tests/bench/waves.sh [--waves N] [--responses N] [--runs N] [--beter PATH] [--work DIR] [--keep]
#   --waves N      the store holds N-1 waves when wave N is measured (default 20)
#   --responses N  rows in the export (default 30000)
#   --runs N       runs per median (default 7)
#   --beter PATH   the binary (default: $BETER_BIN, else build/beter)
#   --work DIR     where the data and stores go (default: a temporary dir)
#   --keep         keep DIR afterwards
# Exit status: 0 when it ran (whatever the figures), else 1.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
beter=${BETER_BIN:-$root/build/beter}
waves=20 responses=30000 runs=7 work="" keep=0
while [ $# -gt 0 ]; do
	case $1 in
	--waves) waves=${2:?--waves needs a number}; shift 2 ;;
	--responses) responses=${2:?--responses needs a number}; shift 2 ;;
	--runs) runs=${2:?--runs needs a number}; shift 2 ;;
	--beter) beter=${2:?--beter needs a path}; shift 2 ;;
	--work) work=${2:?--work needs a directory}; shift 2 ;;
	--keep) keep=1; shift ;;
	-h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "waves.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
	esac
done
case $beter in /*) ;; *) beter=$(pwd)/$beter ;; esac
[ -x "$beter" ] || { echo "waves.sh: no beter binary at $beter (build first or give --beter)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "waves.sh: the sqlite3 shell is needed (apt install sqlite3)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "waves.sh: python3 is needed" >&2; exit 1; }

if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/beter-waves.XXXXXX")
	[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
export BETER_TODAY=2026-11-20 BETER_KEY_FILE="$work/key" BETER_SHARE="$root/share"
unset BETER_DB
csv=$work/culture.csv
say() { printf '%s\n' "$*" >&2; }
now() { python3 -c 'import time; print(time.perf_counter())'; }

say "generating the export ($responses responses) ..."
python3 "$here/gen_culture.py" "$csv" "$root/share" --responses "$responses" --teams 20

db=$work/first.db
b() { "$beter" --db "$db" "$@"; }
survey_add() { b --csv survey add --instrument cultuursurvey --wave "$1" | sed -n 2p | cut -d, -f1; }
b -q init --school "OBS De Regenboog" --brin 00AA --sector po
for t in $(seq 1 20); do b -q team add "Team $t"; done
cp "$db" "$work/base.db"
survey_add w1 >/dev/null

say "importing waves 1-$((waves - 1)) into one store ..."
db=$work/waves.db
cp "$work/base.db" "$db"
times=""
w=1
while [ "$w" -lt "$waves" ]; do
	id=$(survey_add "w$w")
	s=$(date +%s.%N)
	b -q survey import "$id" "$csv"
	e=$(date +%s.%N)
	times="$times $(python3 -c "print(f'{$e - $s:.2f}')")"
	w=$((w + 1))
done
survey_add "w$waves" >/dev/null
say "  wave 1..$((waves - 1)):$times s"

# importing the same file again adds and changes nothing, also when the
# store's free texts have uids of another derivation (stores of earlier versions)
again() { b survey import "$1" "$csv" 2>&1 | grep -q ": 0 responses added, 0 changed, $2 already there" ||
	{ say "waves.sh: importing wave $1 again changed the store"; exit 1; }; }
cp "$db" "$work/again.db"
db=$work/again.db
there=$(sqlite3 "$db" "SELECT count(*) FROM survey_response WHERE survey_id = 1")
again 1 "$there"
sqlite3 "$db" "UPDATE survey_text SET uid = lower(hex(randomblob(16)))"
again 1 "$there"
db=$work/waves.db
rm -f "$work"/again.db*

say "measuring (medians of $runs) ..."
setup="cp '$work/first.db' '$work/run1.db' && cp '$db' '$work/runn.db' && rm -f '$work'/run1.db-* '$work'/runn.db-* '$work/ref.db'"
set -- $(python3 "$here/measure.py" "$runs" --setup "$setup" \
	-- "$beter" --db "$work/run1.db" -q survey import 1 "$csv" \
	-- "$beter" --db "$work/runn.db" -q survey import "$waves" "$csv" \
	-- sqlite3 "$work/ref.db" -cmd ".mode csv" -cmd ".separator ;" ".import $csv t")
t1=$1 tn=$3 r=$5
f() { python3 -c "print(f'{$1:.3f} s')"; }
ratio() { python3 -c "print(f'{($1) / ($2):.2f}')"; }
verdict() { python3 -c "print('PASS' if $1 else 'MISS')"; }
printf '\nbeter wave benchmark: the culture survey, %s responses with a team column, %s MB; medians of %s runs\n\n' \
	"$responses" "$(($(wc -c <"$csv") / 1000000))" "$runs"
echo "| what | measured | reference | ratio | target | result |"
echo "|---|---|---|---|---|---|"
echo "| survey import, wave 1 | $(f $t1) | $(f $r) sqlite3 .import | $(ratio $t1 $r) | <= 1.0 | $(verdict "$t1 <= $r") |"
echo "| survey import, wave $waves into $((waves - 1)) waves | $(f $tn) | $(f $t1) wave 1 | $(ratio $tn $t1) | <= 1.2 | $(verdict "$tn <= 1.2 * $t1") |"
echo "| (wave $waves against sqlite3 .import) | $(f $tn) | $(f $r) sqlite3 .import | $(ratio $tn $r) | - | - |"
