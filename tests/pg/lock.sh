#!/bin/sh
# A PostgreSQL store that another session holds locked: a command waits as
# long as on SQLite ($BETER_BUSY_TIMEOUT ms), then exits 75 with nothing
# written; once the lock is gone the same command goes through.
# Usage: sh tests/pg/lock.sh [BETER]   (exit 77: no PostgreSQL here)
set -u
here=$(cd "$(dirname "$0")" && pwd)
beter=${1:-$here/../../build/beter}
command -v psql >/dev/null 2>&1 || { echo "lock.sh: no psql: skipped"; exit 77; }
. "$here/lib.sh"
pg_cluster lock.sh
dir=$tmp
export BETER_DB="postgresql:///lk?host=$pg" BETER_TODAY=2026-11-20
cd "$dir" || exit 1
createdb lk || exit 1
fail=0
"$beter" init --school "OBS De Linde" >/dev/null 2>&1 || { echo "init failed"; exit 1; }
printf 'code;naam;rol;team\nAA;Ada Aarts;leraar;Team Zes\nBB;Bo Bakker;leraar;Team Zes\n' >"$dir/r.csv"
"$beter" person import "$dir/r.csv" >/dev/null 2>&1 || { echo "roster failed"; exit 1; }
# another session holds the table of visits for 3 seconds
psql -X -q lk -c "BEGIN; LOCK TABLE visit IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(3); COMMIT;" >/dev/null &
holder=$!
tries=0
until [ "$(psql -X -A -t lk -c "SELECT count(*) FROM pg_locks WHERE relation = 'visit'::regclass AND mode = 'AccessExclusiveLock' AND granted")" = 1 ]; do
	tries=$((tries + 1))
	[ "$tries" -lt 100 ] || { echo "the table was never locked"; exit 1; }
	sleep 0.05
done
start=$(date +%s%N)
BETER_BUSY_TIMEOUT=400 "$beter" visit add --observer AA --teacher BB --date 2026-11-20 >out 2>err
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$rc" -eq 75 ] && echo "locked: exit 75" || { echo "locked: exit $rc, expected 75"; cat err; fail=1; }
grep -q 'busy' err && echo "locked: says the store is busy" || { echo "locked: message: $(cat err)"; fail=1; }
[ -s out ] && { echo "locked: wrote to stdout"; fail=1; }
[ "$ms" -ge 350 ] && [ "$ms" -lt 2500 ] && echo "locked: waited about the busy timeout" ||
	{ echo "locked: waited $ms ms for a timeout of 400"; fail=1; }
wait "$holder"
"$beter" visit add --observer AA --teacher BB --date 2026-11-20 >out 2>err && echo "free: $(cat err)" ||
	{ echo "free: failed: $(cat err)"; fail=1; }
[ "$(psql -X -A -t lk -c 'SELECT count(*) FROM visit')" = 1 ] && echo "one visit in the store" ||
	{ echo "visits: $(psql -X -A -t lk -c 'SELECT count(*) FROM visit')"; fail=1; }
rm -f out err
exit "$fail"
