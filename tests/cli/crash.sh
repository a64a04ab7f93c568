# crash: kill -9 an import of a big file at 20 random moments; each time the
# store holds all of it or none of it, and 'beter check' passes

quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
beter export >school.json
rows=4000
awk -v n=$rows 'BEGIN { print "code,name,role,team"
	for (i = 0; i < n; i++) printf "P%05d,Persoon %d,leraar,Team %d\n", i, i, i % 40 }' >big.csv
base=$(store_digest)

# kill_at FILE DELAY_MS CMD...: start CMD, kill it after DELAY_MS
kill_at() {
	local ms=$1
	shift
	"$@" >/dev/null 2>&1 &
	local pid=$!
	sleep "$(printf '0.%03d' "$ms")"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

# how long one full import takes, to spread the kills over it
ms_of() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}

# crash_test NAME COUNT-SQL FULL CMD...: 20 kills of CMD on copies of the base store
crash_test() {
	local name=$1 sql=$2 full=$3
	shift 3
	cp "$BETER_DB" base.db
	local ms
	cp base.db full.db
	ms=$(BETER_DB=full.db ms_of "$@")
	[ "$(sqlite3 full.db "$sql")" = "$full" ] || echo "$name: the full import did not give $full"
	[ "$ms" -gt 999 ] && ms=999
	local i=0 all=0 none=0 bad=0 n
	RANDOM=7
	while [ $i -lt 20 ]; do
		rm -f crash.db crash.db-wal crash.db-shm
		cp base.db crash.db
		kill_at $(( RANDOM % (ms + ms / 2 + 1) )) env BETER_DB=crash.db "$@"
		n=$(sqlite3 crash.db "$sql")
		if [ "$n" = "$full" ]; then all=$((all + 1))
		elif [ "$n" = 0 ]; then none=$((none + 1))
		else bad=$((bad + 1)); echo "$name: kill $i left $n"; fi
		BETER_DB=crash.db beter check >/dev/null 2>&1 || { echo "$name: kill $i: check failed"; BETER_DB=crash.db beter check; }
		i=$((i + 1))
	done
	echo "$name: 20 kills, each left all or nothing ($bad partial), and every store passed check"
}

crash_test roster "SELECT count(*) FROM person" $rows beter person import big.csv

# a big document: the roster's store exported
BETER_DB=full.db beter export >big.json
rm -f "$BETER_DB" "$BETER_DB-wal" "$BETER_DB-shm"
quiet beter import school.json
crash_test json "SELECT count(*) FROM person" $rows beter import big.json

# a big survey export: thousands of pupils' answers to the lesson feedback
srows=6000
sed '1s/^\xef\xbb\xbf//; 1q' "$SHARE/demo/lesfeedback-groep-7-8.csv" >big-survey.csv
awk -v n=$srows 'BEGIN { srand(3); split("Ja,Nee,Een beetje", l, ",")
	for (i = 1; i <= n; i++) {
		printf "%d,2026-11-12 10:16:00,2026-11-12 10:17:00", i
		for (j = 0; j < 7; j++) printf ",%s", l[int(rand() * 3) + 1]
		printf ",\"Opmerking %d, met een komma\"\n", i
	} }' >>big-survey.csv
rm -f "$BETER_DB" "$BETER_DB-wal" "$BETER_DB-shm"
quiet beter import school.json
quiet beter survey add --instrument lesfeedback-leerlingen --wave "groep 8, 2026-11-12"
crash_test survey "SELECT (SELECT count(*) FROM survey_response) + (SELECT count(*) FROM survey_text)" \
	$((2 * srows)) beter survey import 1 big-survey.csv
