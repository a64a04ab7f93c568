#!/bin/sh
# The benchmark suite: builds a school board's data with the generator
# (gen.py, fixed seed), measures beter against a reference on the same data
# in the same run and prints one table: what, measured, reference, ratio,
# target, PASS or MISS.
#
# usage: tests/bench/run.sh [--size small|board] [--beter PATH] [--work DIR] [--keep]
#   --size small   a tiny board in a few seconds (what ctest runs; timings
#                  of this size mean nothing and are never asserted)
#   --size board   100 schools, 5,000 teachers, 60,000 pupils, four waves of
#                  a 40-item pupil survey (the default)
#   --beter PATH   the binary (default: $BETER_BIN, else build/beter)
#   --work DIR     where the data and stores go (default: a temporary dir)
#   --keep         keep DIR afterwards
# Exit status: 0 when the suite ran (whatever the figures), else 1.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
size=board
beter=${BETER_BIN:-$root/build/beter}
work=""
keep=0
while [ $# -gt 0 ]; do
	case $1 in
	--size) size=${2:?--size needs small or board}; shift 2 ;;
	--size=*) size=${1#--size=}; shift ;;
	--beter) beter=${2:?--beter needs a path}; shift 2 ;;
	--work) work=${2:?--work needs a directory}; shift 2 ;;
	--keep) keep=1; shift ;;
	-h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
	esac
done
case $size in
small) schools=3 teachers=60 pupils=300 runs=1 bigruns=1 boards=3 startruns=3 export_records=0 restoreruns=1 ;;
board) schools=100 teachers=5000 pupils=60000 runs=7 bigruns=5 boards=10 startruns=31 export_records=1000000 restoreruns=3 ;;
*) echo "run.sh: --size: '$size' is not small or board" >&2; exit 2 ;;
esac
case $beter in /*) ;; *) beter=$(pwd)/$beter ;; esac
[ -x "$beter" ] || { echo "run.sh: no beter binary at $beter (build first or give --beter)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "run.sh: the sqlite3 shell is needed (apt install sqlite3)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "run.sh: python3 is needed" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is needed (apt install time, or cmake/install-deps.sh)" >&2; exit 1; }

if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/beter-bench.XXXXXX")
	[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
data=$work/data
measure() { python3 "$here/measure.py" "$@"; }
say() { printf '%s\n' "$*" >&2; }

export BETER_TODAY=2026-11-20 BETER_KEY_FILE="$work/key" BETER_SHARE="$root/share"
unset BETER_DB

# ---- data ----
say "generating the data ($size: $schools schools, $teachers teachers, $pupils pupils) ..."
python3 "$here/gen.py" "$data" --schools "$schools" --teachers "$teachers" --pupils "$pupils"
wave1=$data/pupils-wave-1.csv
# growth: the same export at 2x and 4x the rows
body() { tail -n +2 "$wave1"; }
{ cat "$wave1"; body; } >"$data/pupils-2x.csv"
{ cat "$wave1"; body; body; body; } >"$data/pupils-4x.csv"

# ---- stores ----
b() { "$beter" --db "$db" "$@"; }
survey_add() { b --csv survey add --instrument leerlingpeiling "$@" | sed -n 2p | cut -d, -f1; }

# an empty store with the instrument and one survey: what each import run starts from
db=$work/empty.db
b -q init --school "Bestuur" --brin 00AA --sector po
b -q survey instrument import "$data/leerlingpeiling.json"
b -q survey add --instrument leerlingpeiling --wave bench

# the board: schools, rosters with teams, boards with sessions, four waves
# of the board's pupil survey in the first school, a survey in every school
say "building the board's store ..."
db=$work/board.db
n=0
while IFS=';' read -r name brin; do
	n=$((n + 1))
	if [ $n = 1 ]; then
		b -q init --school "$name" --brin "$brin" --sector po
		first=$brin
	else
		b -q school add "$name" --brin "$brin" --sector po
	fi
	b -q person import "$(printf '%s/roster-%03d.csv' "$data" $n)" --school "$brin"
done <"$data/schools.csv"
b -q survey instrument import "$data/leerlingpeiling.json"
per=$((teachers / schools))
s=0
while IFS=';' read -r name brin && [ $s -lt $boards ]; do
	s=$((s + 1))
	t=0
	while [ $((t * 10)) -lt $per ]; do
		team="Team $((t + 1))"
		lead=$(printf 'L%03d' $((t * 10)))
		m1=$(printf 'L%03d' $((t * 10 + 1)))
		m2=$(printf 'L%03d' $((t * 10 + 2)))
		b -q board set --team "$team" --school "$brin" --ambition "Elke leerling leest met plezier." \
			--agreement "We beginnen de bordsessie op tijd." --date 2026-08-31
		b -q goal add --team "$team" --school "$brin" --text "Leerlingen lezen elke dag 20 minuten." \
			--weeks 6 --norm 8 --baseline 5 --date 2026-09-01
		b -q board action add --team "$team" --school "$brin" --who "$m1" --what "Leeshoek inrichten" \
			--due 2026-09-30 --date 2026-09-01
		for d in 07 14 21 28; do
			b -q board session add --team "$team" --school "$brin" --date "2026-09-$d" --leader "$lead" \
				--checkin "$m1=7" --checkin "$m2=8" --success "Leesmoment in groep $d" --topic "Voortgang"
		done
		t=$((t + 1))
	done
done <"$data/schools.csv"
for w in 1 2 3 4; do
	id=$(survey_add --wave "peiling-$w" --school="$first")
	b -q survey import "$id" "$data/pupils-wave-$w.csv" --school "$first"
done
report_survey=1

# one survey per school; the report of one school's survey is measured with
# few schools in the store and again with all of them
few=$((schools / 10))
[ $few -ge 1 ] || few=1
school_survey() {
	brin=$(sed -n "${1}p" "$data/schools.csv" | cut -d';' -f2)
	id=$(survey_add --wave "peiling-school" --school="$brin")
	b -q survey import "$id" "$(printf '%s/school-%03d.csv' "$data" "$1")" --school "$brin"
}
school_survey 2
one_brin=$brin one_survey=$id
i=3
while [ $i -le $((few + 1)) ] && [ $i -le "$schools" ]; do school_survey $i; i=$((i + 1)); done
set -- $(measure $runs -- "$beter" --db "$db" survey report "$one_survey" --school "$one_brin")
school_few=$1
while [ $i -le "$schools" ]; do school_survey $i; i=$((i + 1)); done

# the reference of the report: the same answers one row per answer, with a
# covering index, in a store holding the same four waves
say "building the reference's answer table ..."
ref=$work/answers.db
sqlite3 "$ref" "ATTACH '$db' AS b;
CREATE TABLE answer(response_id INTEGER NOT NULL, survey_id INTEGER NOT NULL, item_id INTEGER NOT NULL, value INTEGER NOT NULL);
INSERT INTO answer SELECT response_id, a.survey_id, item_id, value FROM b.survey_answer a
  JOIN b.survey s ON s.id = a.survey_id WHERE s.wave LIKE 'peiling-_';
CREATE INDEX answer_item ON answer(survey_id, item_id, value);
ANALYZE;"
ref_sql="SELECT item_id, count(*), avg(value),
  sqrt((sum(value * value) - sum(value) * 1.0 * sum(value) / count(*)) / (count(*) - 1))
  FROM answer WHERE survey_id = $report_survey GROUP BY item_id ORDER BY item_id;"

# the same numbers from both (means of reverse-scored items are turned by beter)
"$beter" --db "$db" --json survey report $report_survey --by item --school "$first" >"$work/report.json"
sqlite3 -csv "$ref" "$ref_sql" >"$work/ref.csv"
python3 - "$work/report.json" "$work/ref.csv" <<'EOF' || { say "the report and the reference disagree"; exit 1; }
import csv, json, sys
rep = json.load(open(sys.argv[1]))["results"]
ref = list(csv.reader(open(sys.argv[2])))
assert len(rep) == len(ref), (len(rep), len(ref))
for r, (item, n, mean, sd) in zip(rep, ref):
    m = 6 - float(mean) if r["reverse"] else float(mean)
    assert r["n"] == int(n) and abs(r["mean"] - m) <= 0.0051 and abs(r["sd"] - float(sd)) <= 0.0051, (r, n, mean, sd)
EOF

# ---- measurements ----
rows=$work/rows
: >"$rows"
# row WHAT MEASURED REFERENCE RATIO TARGET PASS|MISS
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$rows"; }
verdict() { python3 -c "import sys; print('PASS' if $1 else 'MISS')"; }
ms() { python3 -c "print(f'{$1 * 1000:.1f} ms')"; }
sec() { python3 -c "print(f'{$1:.3f} s')"; }
ratio() { python3 -c "print(f'{($1) / ($2):.2f}')"; }

say "measuring the import ..."
fresh() { printf 'cp %s %s.db && rm -f %s.db-wal %s.db-shm' "$work/empty.db" "$1" "$1" "$1"; }
imp() { set -- $(measure "$2" --rss --setup "$(fresh "$work/run") && rm -f $work/ref-run.db" \
	-- "$beter" --db "$work/run.db" -q survey import 1 "$1" \
	-- sqlite3 "$work/ref-run.db" -cmd ".mode csv" -cmd ".separator ;" ".import $1 pupils"); echo "$@"; }
set -- $(imp "$wave1" $bigruns)
t1=$1 m1=$2 r1=$3
row "survey import, $pupils x 40 (s)" "$(sec $t1)" "$(sec $r1) sqlite3 .import" "$(ratio $t1 $r1)" "<= 1.0" \
	"$(verdict "$t1 / $r1 <= 1.0")"
set -- $(imp "$data/pupils-2x.csv" $bigruns)
t2=$1 m2=$2
set -- $(imp "$data/pupils-4x.csv" $bigruns)
t4=$1 m4=$2
row "peak memory of the import, 1x/2x/4x" "$((m1 / 1024))/$((m2 / 1024))/$((m4 / 1024)) MB" "-" \
	"$(ratio $m4 $m1)" "<= 32 MB, flat" "$(verdict "max($m1, $m2, $m4) <= 32768 and $m4 <= 1.10 * $m1 + 1024")"
row "import growth 2x, 4x (time / k x 1x)" "$(sec $t2), $(sec $t4)" "$(sec $t1) at 1x" \
	"$(ratio $t2 "2 * $t1")/$(ratio $t4 "4 * $t1")" "<= 1.10" \
	"$(verdict "$t2 <= 1.10 * 2 * $t1 and $t4 <= 1.10 * 4 * $t1")"

say "measuring the reports ..."
set -- $(measure $bigruns -- "$beter" --db "$db" survey report $report_survey --by item --school "$first" \
	-- sqlite3 "$ref" "$ref_sql")
row "survey report per item, one wave of four" "$(sec $1)" "$(sec $3) sqlite3 SQL" "$(ratio $1 $3)" "<= 0.5" \
	"$(verdict "$1 / $3 <= 0.5")"
set -- $(measure $runs -- "$beter" --db "$db" survey report "$one_survey" --school "$one_brin")
school_all=$1
row "survey report for one school, $((few + 1))/$schools schools" "$(ms $school_few)/$(ms $school_all)" "-" \
	"$(ratio $school_all $school_few)" "<= 20 ms, flat" \
	"$(verdict "max($school_few, $school_all) <= 0.020 and $school_all <= 1.25 * $school_few + 0.002")"

say "measuring start-up ..."
# the shell reads a copy: on closing the last connection it removes the
# -wal and -shm files, which would make each run of beter that follows
# build them again
cp "$db" "$work/shell.db"
[ ! -f "$db-wal" ] || cp "$db-wal" "$work/shell.db-wal"
set -- $(measure $startruns -- "$beter" --version -- "$beter" --db "$db" board show --team "Team 1" --school "$first" \
	-- sqlite3 -version -- sqlite3 "$work/shell.db" "SELECT count(*) FROM team")
row "beter --version" "$(ms $1)" "$(ms $5) sqlite3 -version" "$(ratio $1 $5)" "<= 1.0" "$(verdict "$1 / $5 <= 1.0")"
row "beter board show (a team)" "$(ms $3)" "$(ms $5) sqlite3 -version" "$(ratio $3 $5)" "<= 1.3" \
	"$(verdict "$3 / $5 <= 1.3")"
# for comparison only: the sqlite3 shell opening the same store for one query
row "(sqlite3 store.db, one query)" "$(ms $7)" "$(ms $5) sqlite3 -version" "$(ratio $7 $5)" "-" "-"

# the export of the whole store, once 'beter export' exists
bench_export() {
	if ! "$beter" help export >/dev/null 2>&1; then
		echo "skipped: beter export not available" >&2
		row "beter export, whole store as JSON" "skipped: beter export not available" "-" "-" "<= 1.0, memory flat" "-"
		return 0
	fi
	tables=$(sqlite3 "$db" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	count_records() { for t in $tables; do sqlite3 "$db" "SELECT count(*) FROM \"$t\""; done | awk '{s += $1} END {print s}'; }
	# earlier school years' waves of the pupil survey, until the store holds
	# the export's size (the same files again: the export does not care)
	records=$(count_records)
	w=5
	while [ "$records" -lt "$export_records" ]; do
		id=$(survey_add --wave "peiling-$w" --school="$first")
		b -q survey import "$id" "$data/pupils-wave-$(((w - 1) % 4 + 1)).csv" --school "$first"
		w=$((w + 1))
		records=$(count_records)
	done
	say "measuring the export ..."
	sql=""
	for t in $tables; do sql="$sql SELECT * FROM \"$t\";"; done
	set -- $(measure $bigruns --rss -- "$beter" --db "$db" export -- sqlite3 -json "$db" "$sql")
	row "beter export, $records records as JSON" "$(sec $1), $(($2 / 1024)) MB" "$(sec $3) sqlite3 -json" \
		"$(ratio $1 $3)" "<= 1.0, memory flat" "$(verdict "$1 / $3 <= 1.0 and $2 <= 32768")"

	# for comparison, not in the targets: the same store back from that
	# export into a new one (a restore), against the sqlite3 shell reading
	# its own .dump of the store; and 'beter check' of the whole store
	# against SQLite's integrity check, which it includes
	say "measuring the restore and the check ..."
	"$beter" --db "$db" export >"$work/all.json"
	cp "$db" "$work/copy.db"
	[ ! -f "$db-wal" ] || cp "$db-wal" "$work/copy.db-wal"
	sqlite3 "$work/copy.db" .dump >"$work/all.sql"
	set -- $(measure $restoreruns --rss --setup "rm -f '$work'/restore.db* '$work'/ref-restore.db*" \
		-- "$beter" --db "$work/restore.db" -q import "$work/all.json" \
		-- sh -c "sqlite3 '$work/ref-restore.db' <'$work/all.sql'")
	row "(beter import of that export, a new store)" "$(sec $1), $(($2 / 1024)) MB" "$(sec $3) sqlite3 < .dump" \
		"$(ratio $1 $3)" "-" "-"
	set -- $(measure $restoreruns -- "$beter" --db "$db" check -- sqlite3 "$work/copy.db" "PRAGMA integrity_check")
	row "(beter check of that store)" "$(sec $1)" "$(sec $3) integrity_check" "$(ratio $1 $3)" "-" "-"
	rm -f "$work/all.json" "$work/all.sql" "$work"/restore.db* "$work"/ref-restore.db* "$work"/copy.db*
}
bench_export

# ---- the table ----
answers=$(sqlite3 "$ref" "SELECT count(*) FROM answer")
csvsize=$(wc -c <"$wave1")
printf '\nbeter benchmark, size %s: %s schools, %s teachers, %s pupils; import file %s MB; %s answers in four waves\n' \
	"$size" "$schools" "$teachers" "$pupils" "$((csvsize / 1000000))" "$answers"
printf 'medians of %s runs (%s for the large ones), peak RSS by /usr/bin/time\n\n' "$runs" "$bigruns"
python3 - "$rows" <<'EOF'
import sys
head = ["what", "measured", "reference", "ratio", "target", "result"]
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
print("| " + " | ".join(head) + " |")
print("|" + "|".join("---" for _ in head) + "|")
for r in rows:
    print("| " + " | ".join(r) + " |")
EOF
