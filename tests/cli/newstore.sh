# newstore: a new store appears whole or not at all. 'beter import' into a
# new path and 'beter init', killed (kill -9) at varied moments, leave no
# store or one that 'beter check' accepts with all of the document; two of
# them racing for one new path never lose what either committed.
# BETER_NEWSTORE_KILLS and BETER_NEWSTORE_PAIRS scale the trials (20 and 60).
kills=${BETER_NEWSTORE_KILLS:-20}
pairs=${BETER_NEWSTORE_PAIRS:-60}

# big.json: a school with 4000 people; a.json and b.json: two small schools
rows=4000
quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
awk -v n=$rows 'BEGIN { print "code,name,role,team"
	for (i = 0; i < n; i++) printf "P%05d,Persoon %d,leraar,Team %d\n", i, i, i % 40 }' >big.csv
quiet beter person import big.csv
beter export >big.json
for s in a b; do
	rm -f $s.db
	quiet beter --db $s.db init --school "School $s"
	awk -v n=100 -v s=$s 'BEGIN { print "code,name,role,team"
		for (i = 0; i < n; i++) printf "%s%04d,Persoon %s %d,leraar,Team %d\n", toupper(s), i, s, i, i % 10 }' >$s.csv
	quiet beter --db $s.db person import $s.csv
	beter --db $s.db export >$s.json
done

# kill_at DELAY_MS CMD...: start CMD, kill -9 it after DELAY_MS
kill_at() {
	local ms=$1
	shift
	"$@" >/dev/null 2>&1 &
	local pid=$!
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

ms_of() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}

# outcome DB COUNT-SQL FULL: "none" (no file), "all", or what is wrong
outcome() {
	if [ ! -e "$1" ]; then echo none; return; fi
	beter --db "$1" check >/dev/null 2>&1 || { echo "check failed"; return; }
	local n
	n=$(sqlite3 "$1" "$2")
	[ "$n" = "$3" ] && echo all || echo "partial ($n)"
}

# crash_new NAME DB COUNT-SQL FULL CMD...: kill CMD, which creates DB, $kills times
crash_new() {
	local name=$1 db=$2 sql=$3 full=$4
	shift 4
	rm -f "$db"*
	local ms
	ms=$(ms_of "$@")
	[ "$(outcome "$db" "$sql" "$full")" = all ] || echo "$name: the full run did not give $full"
	[ "$(stat -c %a "$db")" = 600 ] || echo "$name: the store's mode is $(stat -c %a "$db"), not 600"
	local i=0 bad=0 o
	RANDOM=11
	while [ $i -lt "$kills" ]; do
		rm -f "$db" "$db-wal" "$db-shm" # temporary files left by a kill stay, for the next run to sweep
		kill_at $(( RANDOM % (ms + ms / 2 + 1) )) "$@"
		o=$(outcome "$db" "$sql" "$full")
		case $o in none | all) ;; *) bad=$((bad + 1)); echo "$name: kill $i left $o" ;; esac
		i=$((i + 1))
	done
	echo "$name: $kills kills, each left no store or the whole one ($bad otherwise)"
	# a run that completes removes what killed ones left beside the store
	# (no process holds its lock), not the file of one that is building
	rm -f "$db" "$db-wal" "$db-shm"
	echo stale >"$db.beter-new-dead01"
	echo live >"$db.beter-new-live01"
	(exec 9>>"$db.beter-new-live01" && flock 9 && exec sleep 30) >/dev/null 2>&1 &
	local holder=$!
	while flock -n "$db.beter-new-live01" true; do sleep 0.01; done
	quiet "$@"
	echo "$name: temporary files left after a run that completed:" \
		"$(ls -a | grep "^$(basename "$db")\.beter-new-" | tr '\n' ' ')"
	kill $holder
	wait $holder 2>/dev/null
	rm -f "$db.beter-new-live01"
}

note "kill -9 during an import into a new store"
crash_new import n.db "SELECT count(*) FROM person" $rows beter --db n.db import big.json

note "kill -9 during init"
crash_new init i.db "SELECT count(*) FROM school" 1 beter --db i.db init --school "Het Anker"

# pair_check DB EXPECTED-SCHOOLS: the store exists, passes check, and holds
# whole documents (each school with all its people)
note "two imports into one new store at the same moment, $pairs times"
i=0 lost=0 both=0
while [ $i -lt "$pairs" ]; do
	rm -f p.db*
	beter --db p.db import a.json >pa.out 2>pa.err &
	pa=$!
	beter --db p.db import b.json >pb.out 2>pb.err
	rb=$?
	wait $pa
	ra=$?
	if [ ! -e p.db ] || ! beter --db p.db check >/dev/null 2>&1; then
		lost=$((lost + 1)); echo "pair $i: no sound store (exits $ra $rb)"; cat pa.err pb.err
	else
		got=$(sqlite3 p.db "SELECT group_concat(s.name || ':' || (SELECT count(*) FROM person p WHERE p.school_id = s.id), ' ') FROM (SELECT * FROM school ORDER BY name) s")
		case "$ra $rb $got" in
		"0 0 School a:100 School b:100") both=$((both + 1)) ;;
		*) lost=$((lost + 1)); echo "pair $i: exits $ra $rb, store holds $got"; cat pa.err pb.err ;;
		esac
	fi
	i=$((i + 1))
done
echo "$pairs pairs: $lost lost or partial; in the others both imports succeeded and the store holds both"
[ "$(ls -a | grep -c '^p\.db\.beter-new-')" = 0 ] || echo "temporary files left: $(ls -a | grep '^p\.db\.beter-new-')"

note "the same document twice at the same moment: merged once"
i=0 bad=0
while [ $i -lt 10 ]; do
	rm -f p.db*
	beter --db p.db import a.json >/dev/null 2>pa.err &
	pa=$!
	beter --db p.db import a.json >/dev/null 2>pb.err || bad=$((bad + 1))
	wait $pa || bad=$((bad + 1))
	[ "$(sqlite3 p.db 'SELECT count(*) FROM school; SELECT count(*) FROM person' | tr '\n' ' ')" = "1 100 " ] || bad=$((bad + 1))
	i=$((i + 1))
done
echo "10 pairs: $bad failed or held other than one school with 100 people"

note "from stdin, an import that finds the store made meanwhile writes nothing and says so"
# (the messages are matched in English, whatever language the transcript is in)
i=0 bad=0
while [ $i -lt 10 ]; do
	rm -f p.db*
	BETER_LANG=en beter --db p.db import a.json >/dev/null 2>pa.err &
	pa=$!
	BETER_LANG=en beter --db p.db import - <b.json >/dev/null 2>pb.err
	rb=$?
	wait $pa || bad=$((bad + 1))
	case $rb in
	0) [ "$(sqlite3 p.db 'SELECT count(*) FROM school')" = 2 ] || bad=$((bad + 1)) ;;
	75) grep -q "another beter created the store '.*p.db' while this import ran; nothing was written" pb.err &&
		[ "$(sqlite3 p.db 'SELECT count(*) FROM school')" = 1 ] || bad=$((bad + 1)) ;;
	*) bad=$((bad + 1)); cat pb.err ;;
	esac
	i=$((i + 1))
done
echo "10 pairs: $bad other than a merge or a clean stop with 75"

note "two inits of one new store at the same moment: one school"
i=0 bad=0
while [ $i -lt 10 ]; do
	rm -f q.db*
	BETER_LANG=en beter --db q.db init --school "Een" >/dev/null 2>qa.err &
	qa=$!
	BETER_LANG=en beter --db q.db init --school "Twee" >/dev/null 2>qb.err
	rb=$?
	wait $qa
	ra=$?
	case "$ra $rb" in
	"0 1") grep -q "already has a school" qb.err || bad=$((bad + 1)) ;;
	"1 0") grep -q "already has a school" qa.err || bad=$((bad + 1)) ;;
	*) bad=$((bad + 1)); echo "exits $ra $rb"; cat qa.err qb.err ;;
	esac
	[ "$(sqlite3 q.db 'SELECT count(*) FROM school')" = 1 ] || bad=$((bad + 1))
	i=$((i + 1))
done
echo "10 pairs: $bad other than one init that made the store and one that found its school"

note "a failed or dry-run import into a new path leaves nothing"
rm -f x.db*
run beter --db x.db import --dry-run a.json
echo '{"format": "beter-export"' >broken.json
run beter --db x.db import broken.json
ls -a | grep -c '^x\.db' | sed 's/^/files named x.db*: /'
