#!/bin/sh
# The rhythm over a whole history is linear: 'beter phase conditions' over
# 2x the years of weekly board sessions costs about 2x. Prints one line per
# size (years, sessions, best of 3 in ms) and the ratio 2x / 1x.
#   tests/bench/rhythm.sh [--beter PATH] [--years N] [--teams N]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
beter=$top/build/beter
years=12
teams=40
while [ $# -gt 0 ]; do
	case $1 in
	--beter) beter=$2; shift 2 ;;
	--years) years=$2; shift 2 ;;
	--teams) teams=$2; shift 2 ;;
	*) echo "usage: $0 [--beter PATH] [--years N] [--teams N]" >&2; exit 2 ;;
	esac
done
work=$(mktemp -d "${TMPDIR:-/tmp}/beter-rhythm.XXXXXX")
trap 'rm -rf "$work"' EXIT
export BETER_TODAY=2026-07-31 TZ=UTC

# a store of $teams teams meeting every Monday for N years up to today, with
# a week of autumn holiday a year in the calendar
build() {
	db=$work/$1.db
	BETER_DB=$db "$beter" -q init --school "School $1"
	sqlite3 "$db" <<SQL
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < $teams)
INSERT INTO team(uid, school_id, name) SELECT printf('%032x', n), 1, 'Team ' || n FROM t;
INSERT INTO person(uid, school_id, code, name, role) VALUES (printf('%032x', 999999), 1, 'SC', 'Coach', 'schoolcoach');
WITH RECURSIVE w(d) AS (SELECT date('2026-07-27', '-$(($1 * 52 * 7)) days') UNION ALL
                        SELECT date(d, '+7 days') FROM w WHERE d < '2026-07-27')
INSERT INTO board_session(uid, team_id, date, leader_id)
SELECT printf('%016x%016x', t.id, julianday(w.d)), t.id, w.d, 1 FROM team t, w;
WITH RECURSIVE y(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM y WHERE n < $1)
INSERT INTO calendar_day(uid, school_id, kind, name, from_date, to_date, added)
SELECT printf('%032x', 500000 + n), 1, 'vakantie', 'Herfst', (2025 - n) || '-10-20', (2025 - n) || '-10-24', '2026-01-01' FROM y;
SQL
	echo "$db"
}

best() {
	python3 - "$@" <<'PY'
import subprocess, sys, time
best = None
for _ in range(3):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
    t = time.perf_counter() - t
    best = t if best is None or t < best else best
print(int(best * 1000))
PY
}

one=$(build "$years")
two=$(build $((years * 2)))
from1=$((2026 - years))
from2=$((2026 - 2 * years))
t1=$(best "$beter" --db "$one" phase conditions --from "$from1-08-01" --to 2026-07-31)
t2=$(best "$beter" --db "$two" phase conditions --from "$from2-08-01" --to 2026-07-31)
n1=$(sqlite3 "$one" "SELECT count(*) FROM board_session")
n2=$(sqlite3 "$two" "SELECT count(*) FROM board_session")
echo "rhythm over 1x history: $years years, $n1 sessions: $t1 ms"
echo "rhythm over 2x history: $((years * 2)) years, $n2 sessions: $t2 ms"
python3 -c "import sys; r = $t2 / max($t1, 1); print('2x / 1x: %.2f (linear: about 2)' % r); sys.exit(0 if r < 3 else 1)"
