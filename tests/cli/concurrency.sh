# concurrency: 4 writers adding visits (and now and then a person put in a
# team) and 1 reader producing reports and exports, at once for a bounded
# time; every add that reported success is in the store, none failed with
# "locked" or busy (exit 75)

quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter person import "$SHARE/demo/roster.csv"
quiet beter team add "Team Druk"
seconds=${BETER_STRESS_SECONDS:-8}
end=$(( $(date +%s) + seconds ))

# observer and teacher of writer N: two teachers of the demo roster
pair() {
	case $1 in
	1) echo JDV KBO ;; 2) echo ELV PDB ;; 3) echo LVS NSM ;; *) echo FDG TMU ;;
	esac
}

writer() { # N: add visits, and every fourth round a person in the team, until the time is up
	local i=0 code subject day rc
	set -- "$1" $(pair "$1")
	while [ "$(date +%s)" -lt "$end" ]; do
		subject="W$1 visit $i"
		day=$(printf '2026-11-%02d' $(( i % 28 + 1 )))
		beter -q visit add --observer "$2" --teacher "$3" --date "$day" --subject "$subject" 2>>"err$1"
		rc=$?
		if [ $rc -eq 0 ]; then echo "$subject" >>"visits$1"; else echo "exit $rc for $subject" >>"err$1"; fi
		if [ $((i % 4)) -eq 0 ]; then
			code="W$1X$i"
			if beter -q person add "$code" --name "Writer $1 nr $i" --role leraar 2>>"err$1"; then
				echo "$code" >>"ok$1"
				beter -q team member add "Team Druk" "$code" 2>>"err$1" && echo "$code" >>"member$1"
			else
				echo "exit $? for $code" >>"err$1"
			fi
		fi
		i=$((i + 1))
	done
}
reader() { # reports as cron makes them, and an export now and then
	local n=0
	while [ "$(date +%s)" -lt "$end" ]; do
		beter report --format json >report.json 2>>err-reader || echo "report failed: $?" >>err-reader
		jq -e '.sections | type == "array"' report.json >/dev/null || echo "report $n is not a document" >>err-reader
		if [ $((n % 5)) -eq 0 ]; then
			beter export >export.json 2>>err-reader || echo "export failed: $?" >>err-reader
			jq -e '.format == "beter-export"' export.json >/dev/null || echo "export $n is not a document" >>err-reader
		fi
		n=$((n + 1))
	done
	echo $n >reads
}
for n in 1 2 3 4; do : >"visits$n" >"ok$n" >"member$n" >"err$n"; done
: >err-reader
writer 1 & writer 2 & writer 3 & writer 4 & reader &
wait

visits=$(cat visits1 visits2 visits3 visits4 | wc -l)
added=$(cat ok1 ok2 ok3 ok4 | wc -l)
members=$(cat member1 member2 member3 member4 | wc -l)
[ "$visits" -gt 40 ] && echo "the writers added visits (more than 40)"
[ "$added" -gt 10 ] && echo "the writers added people (more than 10)"
[ "$(cat reads)" -gt 5 ] && echo "the reader made reports while they wrote (more than 5)"
echo "errors of the writers and the reader:"
cat err1 err2 err3 err4 err-reader
grep -il "locked\|busy" err1 err2 err3 err4 err-reader || echo "no writer or reader found the store locked or busy"
cat visits1 visits2 visits3 visits4 | sort >reported-visits
sqlite3 "$BETER_DB" "SELECT subject FROM visit" | sort >stored-visits
cmp -s reported-visits stored-visits && echo "every reported visit is in the store, and nothing else"
[ "$(sqlite3 "$BETER_DB" "SELECT count(DISTINCT id) FROM visit")" -eq "$visits" ] && echo "each visit has its own number"
cat ok1 ok2 ok3 ok4 | sort >reported
beter --csv person list | tail -n +2 | cut -d, -f2 | grep '^W[1-4]X' | sort >stored
cmp -s reported stored && echo "every reported person is in the store, and nothing else"
cat member1 member2 member3 member4 | sort >reported-members
beter --csv team show "Team Druk" | awk -F, '$1 == "members" { print $(NF - 2) }' | sort >stored-members
cmp -s reported-members stored-members && echo "every reported membership is in the store"
[ "$members" -eq "$added" ] && echo "every added person got into the team"
beter report --format json | jq -e '.sections | length > 0' >/dev/null && echo "the last report is a document"
run beter check

note a store locked past the busy timeout: exit 75, and the text written in the editor is kept
# (the lock of SQLite's file, held by a sqlite3 shell; on PostgreSQL a table
# lock held by another session: tests/pg/lock.sh)
export TMPDIR="$TMP/edits"
mkdir -p "$TMPDIR"
mask() { sed -E 's/beter-visit-[A-Za-z0-9]{6}\.txt/beter-visit-XXXXXX.txt/g'; }
# the editor writes into the file it was given (which stays this user's alone)
cat >nl-editor.sh <<'ED'
#!/bin/sh
printf 'gezien: Ik zag dat je de leerlingen eerst zelf liet nadenken.\neffect: Daarna deden alle leerlingen mee aan het gesprek.\n' >"$1"
ED
chmod +x nl-editor.sh
export BETER_DB="$TMP/work/locked.db"
quiet beter init --school "OBS De Linde"
quiet beter person import "$SHARE/demo/roster.csv"
quiet beter visit add --observer JDV --teacher KBO --date 2026-11-12
before=$(store_digest)
hold_lock lock.fifo
EDITOR="$TMP/work/nl-editor.sh" BETER_BUSY_TIMEOUT=200 run beter visit record 1 --edit | mask
release_lock
echo "kept files: $(ls "$TMPDIR" | wc -l)"
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
# the lock gone, the kept text is written with --text-from
kept=$(ls "$TMPDIR"/beter-visit-*.txt)
run beter visit record 1 --text-from "$kept" --quiet | mask
[ -e "$kept" ] && echo "the kept text is still there" || echo "the kept text was removed"
beter --json visit show 1 | jq -c '{status: .visit.status, seen: .visit.seen}'
