#!/bin/sh
# The slot rule under concurrent writers: 8 `visit add` of one observer, one
# date and one time (8 teachers) at once. Exactly one is planned; the others
# are refused (exit 65, naming that visit); none is busy (75) or fails (74);
# the store holds one visit. Then a second observer in the same lesson
# (co-observing) is planned.
# On PostgreSQL another session holds the table of visits against writers
# until all 8 have read the observer's slot free and wait to write it, so
# their transactions overlap: only SERIALIZABLE lets no more than one
# through (the others fail to serialise, run again and are refused then).
# With --sqlite the store is a SQLite file: a sqlite3 shell holds its write
# lock while the 8 start, and the file lock serialises them.
# Usage: sh tests/pg/slot.sh [BETER] [--sqlite]   (exit 77: no PostgreSQL here)
set -u
here=$(cd "$(dirname "$0")" && pwd)
beter=${1:-$here/../../build/beter}
case $beter in /*) ;; *) beter=$PWD/$beter ;; esac
engine=${2:-pg}
n=8
export BETER_TODAY=2026-11-20
if [ "$engine" = --sqlite ]; then
	command -v sqlite3 >/dev/null 2>&1 || { echo "slot.sh: no sqlite3: skipped"; exit 77; }
	tmp=$(mktemp -d) || exit 1
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 1' INT TERM
	export BETER_DB="$tmp/slot.db"
else
	command -v psql >/dev/null 2>&1 || { echo "slot.sh: no psql: skipped"; exit 77; }
	. "$here/lib.sh"
	pg_cluster slot.sh
	createdb sl || exit 1
	export BETER_DB="postgresql:///sl?host=$pg"
fi
cd "$tmp" || exit 1
fail=0
"$beter" init --school "OBS De Linde" >/dev/null 2>init.err || { cat init.err; echo "init failed"; exit 1; }
printf 'code;naam;rol;team\nOO;Olga Oud;schoolcoach;Team Zes\nPP;Piet Post;schoolleider;Team Zes\n' >r.csv
for i in $(seq $n); do printf 'T%d;Teacher %d;leraar;Team Zes\n' "$i" "$i" >>r.csv; done
"$beter" person import r.csv >/dev/null 2>&1 || { echo "roster failed"; exit 1; }

count() {
	if [ "$engine" = --sqlite ]; then
		sqlite3 "$BETER_DB" "$1"
	else
		psql -X -A -t sl -c "$1"
	fi
}

# hold the store against writers
mkfifo hold
if [ "$engine" = --sqlite ]; then
	sqlite3 "$BETER_DB" <hold >/dev/null 2>&1 &
	holder=$!
	exec 3>hold
	printf ".timeout 10000\nBEGIN IMMEDIATE;\n" >&3
	tries=0
	until BETER_BUSY_TIMEOUT=0 "$beter" visit add --observer PP --teacher T1 --date 2026-11-24 --dry-run \
		>/dev/null 2>&1; [ $? = 75 ]; do
		tries=$((tries + 1))
		[ "$tries" -lt 100 ] || { echo "the store was never locked"; exit 1; }
		sleep 0.05
	done
else
	psql -X -q sl <hold >/dev/null 2>&1 &
	holder=$!
	exec 3>hold
	echo "BEGIN; LOCK TABLE visit IN SHARE MODE;" >&3
	tries=0
	until [ "$(count "SELECT count(*) FROM pg_locks WHERE relation = 'visit'::regclass AND mode = 'ShareLock' AND granted")" = 1 ]; do
		tries=$((tries + 1))
		[ "$tries" -lt 100 ] || { echo "the table was never locked"; exit 1; }
		sleep 0.05
	done
fi

for i in $(seq $n); do
	("$beter" visit add --observer OO --teacher "T$i" --date 2026-11-23 --time 10:15 >"out$i" 2>"err$i"
	 echo $? >"rc$i") &
done
# all of them wait for the store
tries=0
if [ "$engine" = --sqlite ]; then
	sleep 1
else
	until [ "$(count "SELECT count(*) FROM pg_locks WHERE relation = 'visit'::regclass AND mode = 'RowExclusiveLock' AND NOT granted")" = $n ]; do
		tries=$((tries + 1))
		[ "$tries" -lt 200 ] || { echo "the $n commands never all waited to write"; fail=1; break; }
		sleep 0.05
	done
	[ "$fail" = 0 ] && echo "$n commands read the slot free and wait to write it"
fi
echo "COMMIT;" >&3
exec 3>&-
wait

# the one visit's number (on PostgreSQL, numbers the refused commands drew
# are not handed out again while the others write)
id=$(count "SELECT min(id) FROM visit")
ok=0 refused=0
for i in $(seq $n); do
	rc=$(cat "rc$i")
	case $rc in
	0) ok=$((ok + 1)) won=$i ;;
	65) refused=$((refused + 1))
	    grep -q "^beter visit add: --time: OO has a visit on 2026-11-23 at 10:15 already (visit $id, to T[0-9]); an observer is in one lesson at a time" "err$i" ||
		{ echo "command $i: message: $(cat "err$i")"; fail=1; } ;;
	*) echo "command $i: exit $rc: $(cat "err$i")"; fail=1 ;;
	esac
done
[ "$ok" = 1 ] && echo "one command planned the visit" || { echo "$ok commands planned it"; fail=1; }
[ "$refused" = $((n - 1)) ] && echo "$refused were refused (exit 65) and named the visit planned" ||
	{ echo "$refused were refused"; fail=1; }
if [ "$ok" = 1 ]; then
	cat err[0-9]* | grep -q "to T$won)" && echo "the refusals name its teacher" ||
		{ echo "the refusals do not name T$won"; fail=1; }
fi
[ "$(count "SELECT count(*) FROM visit WHERE date = '2026-11-23' AND time = '10:15'")" = 1 ] &&
	echo "one visit in the slot" || { echo "visits in the slot: $(count "SELECT count(*) FROM visit")"; fail=1; }
"$beter" visit add --observer PP --teacher "T${won:-1}" --date 2026-11-23 --time 10:15 >out 2>err &&
	echo "co-observing: $(cat err)" || { echo "co-observing: $(cat err)"; fail=1; }
wait "$holder" 2>/dev/null
exit "$fail"
