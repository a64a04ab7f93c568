#!/bin/sh
# Load on one store: concurrent writers and readers, each a process running
# beter commands one after another, for a fixed time; first on PostgreSQL
# (a throw-away cluster of its own), then the same load on one SQLite file
# (the reference, measured in the same run on the same machine).
#
# usage: tests/bench/pgload.sh [--seconds N] [--writers N] [--readers N] [--beter PATH] [--work DIR] [--keep]
#   --seconds N    how long each engine is loaded (default 60)
#   --writers N    writer processes, at most 20 (default 20): mostly `visit add`
#                  in slots of their own, every tenth a `board session add`
#   --readers N    reader processes (default 2): `visit list --json`, `board
#                  show` and `report` of a team, those that run on PostgreSQL
#   --beter PATH   the binary (default: $BETER_BIN, else build/beter)
#   --work DIR     where the cluster, the store and the logs go (default: a
#                  temporary dir); --keep keeps it, with the server's log
# The store: one school, 40 teachers in 4 teams (person import), a board per
# team. Every command's wall time and exit status go to a log per process;
# the figures: commands per second (writes, reads), p50 and p95 per kind,
# failed commands (exit status not 0, after beter's own retries), lost writes
# (writes that succeeded but are not in the store) and failed writes that are
# in the store; then PostgreSQL against SQLite. PostgreSQL runs with fsync,
# full_page_writes and synchronous_commit on, as SQLite's synchronous=FULL.
# Exit status: 0 when PostgreSQL had no failed command and no lost write,
# 1 otherwise, 2 usage, 77 no PostgreSQL server.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=60 writers=20 readers=2
beter=${BETER_BIN:-$root/build/beter}
work="" keep=0
while [ $# -gt 0 ]; do
	case $1 in
	--seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
	--writers) writers=${2:?--writers needs a number}; shift 2 ;;
	--readers) readers=${2:?--readers needs a number}; shift 2 ;;
	--beter) beter=${2:?--beter needs a path}; shift 2 ;;
	--work) work=${2:?--work needs a directory}; shift 2 ;;
	--keep) keep=1; shift ;;
	-h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "pgload.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
	esac
done
for n in "$seconds" "$writers" "$readers"; do
	case $n in '' | *[!0-9]*) echo "pgload.sh: '$n' is not a whole number" >&2; exit 2 ;; esac
done
[ "$writers" -le 20 ] || { echo "pgload.sh: --writers: at most 20 (two teachers each of 40)" >&2; exit 2; }
if [ "$seconds" -lt 1 ] || [ $((writers + readers)) -lt 1 ]; then
	echo "pgload.sh: nothing to run" >&2
	exit 2
fi
case $beter in /*) ;; *) beter=$(pwd)/$beter ;; esac
[ -x "$beter" ] || { echo "pgload.sh: no beter binary at $beter (build first or give --beter)" >&2; exit 1; }
for c in python3 sqlite3 psql; do
	command -v $c >/dev/null || { echo "pgload.sh: $c is needed" >&2; exit 1; }
done

if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/beter-pgload.XXXXXX")
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)
chmod 755 "$work" # the server runs as postgres when we are root
pgdir=$work/pg
cleanup() {
	[ "$keep" = 0 ] || cp "$pgdir/server.log" "$work/server.log" 2>/dev/null || true
	sh "$root/tests/pg/cluster.sh" stop "$pgdir" >/dev/null 2>&1 || true
	[ "$keep" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
say() { printf '%s\n' "$*" >&2; }
py() { python3 "$here/pgload.py" "$@"; }

export BETER_TODAY=2026-11-20 BETER_KEY_FILE="$work/key" BETER_SHARE="$root/share" BETER_LANG=en
unset BETER_DB BETER_BUSY_TIMEOUT

st=0
sh "$root/tests/pg/cluster.sh" start "$pgdir" >/dev/null || st=$?
[ $st = 0 ] || { [ $st = 77 ] && exit 77; say "pgload.sh: no cluster"; exit 1; }
export PGHOST="$pgdir"
psql -q -d postgres -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET full_page_writes = on" \
	-c "ALTER SYSTEM SET synchronous_commit = on" -c "SELECT pg_reload_conf()" >/dev/null
createdb bench
pgdb="postgresql:///bench?host=$pgdir"
litedb=$work/bench.db

# the store: a school, 40 teachers in 4 teams, a board per team
{
	echo code,name,role,team
	i=0
	while [ $i -lt 40 ]; do
		printf 'T%02d,Leraar %d,leraar,Team %d\n' $i $i $((i / 10 + 1))
		i=$((i + 1))
	done
} >"$work/roster.csv"
setup() {
	"$beter" --db "$1" -q init --school "Loadschool" --brin 00LL --sector po >/dev/null
	"$beter" --db "$1" -q person import "$work/roster.csv"
	for t in 1 2 3 4; do
		"$beter" --db "$1" -q board set --team "Team $t" --ambition "Elke leerling leest met plezier." \
			--agreement "We beginnen op tijd." --date 2026-08-31
	done
}
setup "$pgdb"
setup "$litedb"

# what runs on PostgreSQL now: the writers' other write, the readers' reads
other=session
if ! out=$("$beter" --db "$pgdb" -q board session add --team "Team 1" --date 2026-11-20 --leader T00 \
	--checkin T01=7 --success probe --topic probe 2>&1); then
	say "pgload.sh: board session add fails on PostgreSQL, the writers add board actions instead: $out"
	other=action
fi
"$beter" --db "$litedb" -q board session add --team "Team 1" --date 2026-11-20 --leader T00 \
	--checkin T01=7 --success probe --topic probe
reads=""
for r in list board report; do
	case $r in
	list) set -- visit list --json --team "Team 1" ;;
	board) set -- board show --team "Team 1" ;;
	report) set -- report --team "Team 1" --format json ;;
	esac
	if out=$("$beter" --db "$pgdb" "$@" 2>&1 >/dev/null); then
		reads=${reads:+$reads,}$r
	else
		say "pgload.sh: left out of the reads, fails on PostgreSQL: beter $*: $out"
	fi
done
[ -n "$reads" ] || [ "$readers" = 0 ] || { say "pgload.sh: no read command runs on PostgreSQL"; exit 1; }

# load DB NAME: the writers and readers on store DB for $seconds seconds
load() {
	logs=$work/logs-$2
	mkdir -p "$logs"
	start=$(python3 -c 'import time; print(time.time() + 1)')
	pids=""
	i=0
	while [ $i -lt "$writers" ]; do
		py writer $i --beter "$beter" --db "$1" --start "$start" --seconds "$seconds" \
			--log "$logs/writer-$i.log" --other $other &
		pids="$pids $!"
		i=$((i + 1))
	done
	i=0
	while [ $i -lt "$readers" ]; do
		py reader $i --beter "$beter" --db "$1" --start "$start" --seconds "$seconds" \
			--log "$logs/reader-$i.log" --reads "$reads" &
		pids="$pids $!"
		i=$((i + 1))
	done
	for p in $pids; do wait "$p"; done
}
# cpu PID: the machine's CPU seconds so far, and the server's (postmaster PID)
cpu() { py cpu "$@"; }
# spent "BUSY0 SERVER0 TIME0" "BUSY1 SERVER1 TIME1": what was spent between, as BUSY,SERVER,WALL
spent() { python3 -c "import sys; a, b = sys.argv[1].split(), sys.argv[2].split(); \
print(','.join(f'{float(y) - float(x):.2f}' for x, y in zip(a, b)))" "$1" "$2"; }

# tags Q: the writes' texts in the store, as "kind<TAB>tag" lines, from query Q
tagsql="SELECT 'visit', subject FROM visit WHERE subject LIKE 'w%'
 UNION ALL SELECT 'session', topic FROM board_session WHERE topic LIKE 'w%'
 UNION ALL SELECT 'action', what FROM board_action WHERE what LIKE 'w%';"

say "loading PostgreSQL: $writers writers ($other every tenth), $readers readers ($reads), $seconds s ..."
load1=$(cut -d' ' -f1-3 /proc/loadavg)
postmaster=$(head -n 1 "$pgdir/data/postmaster.pid")
c0=$(cpu "$postmaster")
load "$pgdb" pg
cpu_pg=$(spent "$c0" "$(cpu "$postmaster")")
psql -At -F '	' -d bench -c "$tagsql" >"$work/tags-pg"
rollbacks=$(psql -At -d bench -c "SELECT xact_rollback FROM pg_stat_database WHERE datname = 'bench'")
say "loading SQLite: the same ..."
load2=$(cut -d' ' -f1-3 /proc/loadavg)
c0=$(cpu)
load "$litedb" sqlite
cpu_lite=$(spent "$c0" "$(cpu)")
sqlite3 -separator '	' "$litedb" "$tagsql" >"$work/tags-sqlite"

echo "beter under load, $(date -u +%Y-%m-%d): $writers writers, $readers readers, $seconds s per engine;"
echo "$(nproc) cores, load average before each run $load1 (PostgreSQL) and $load2 (SQLite; the"
echo "PostgreSQL run is in it); the machine's CPU includes whatever else ran meanwhile"
echo "PostgreSQL $(psql -At -d bench -c 'SHOW server_version'), SQLite $(sqlite3 -version | cut -d' ' -f1)"
echo
py summary PostgreSQL --logs "$work/logs-pg" --tags "$work/tags-pg" --json "$work/pg.json" --cpu "$cpu_pg"
echo "(transactions rolled back on the server, beter's retries among them: $rollbacks)"
echo
py summary SQLite --logs "$work/logs-sqlite" --tags "$work/tags-sqlite" --json "$work/sqlite.json" --cpu "$cpu_lite"
py compare "$work/pg.json" "$work/sqlite.json"
python3 -c "import json, sys; r = json.load(open(sys.argv[1])); sys.exit(1 if r['failed'] or r['lost'] else 0)" \
	"$work/pg.json"
