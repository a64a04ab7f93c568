# concurrency: 4 writers and 1 reader at once for a bounded time; every add
# that reported success is in the store, none failed with "locked" or busy

quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter team add "Team Druk"
seconds=${BETER_STRESS_SECONDS:-8}
end=$(( $(date +%s) + seconds ))

writer() { # N: add people and put them in the team until the time is up
	local i=0 code
	while [ "$(date +%s)" -lt "$end" ]; do
		code="W$1X$i"
		if beter -q person add "$code" --name "Writer $1 nr $i" --role leraar 2>>"err$1"; then
			echo "$code" >>"ok$1"
			beter -q team member add "Team Druk" "$code" 2>>"err$1" && echo "$code" >>"member$1"
		else
			echo "exit $? for $code" >>"err$1"
		fi
		i=$((i + 1))
	done
}
reader() {
	local n=0
	while [ "$(date +%s)" -lt "$end" ]; do
		beter export >export.json 2>>err-reader || echo "export failed: $?" >>err-reader
		jq -e '.format == "beter-export"' export.json >/dev/null || echo "export $n is not a document" >>err-reader
		beter --csv person list >/dev/null 2>>err-reader || echo "list failed: $?" >>err-reader
		n=$((n + 1))
	done
	echo $n >reads
}
: >ok1 >ok2 >ok3 >ok4 >member1 >member2 >member3 >member4 >err1 >err2 >err3 >err4 >err-reader
writer 1 & writer 2 & writer 3 & writer 4 & reader &
wait

added=$(cat ok1 ok2 ok3 ok4 | wc -l)
members=$(cat member1 member2 member3 member4 | wc -l)
[ "$added" -gt 20 ] && echo "the writers added people (more than 20)"
[ "$(cat reads)" -gt 2 ] && echo "the reader exported while they wrote (more than twice)"
echo "errors of the writers and the reader:"
cat err1 err2 err3 err4 err-reader
cat ok1 ok2 ok3 ok4 | sort >reported
beter --csv person list | tail -n +2 | cut -d, -f2 | sort >stored
cmp -s reported stored && echo "every reported add is in the store, and nothing else"
cat member1 member2 member3 member4 | sort >reported-members
beter --csv team show "Team Druk" | awk -F, '$1 == "members" { print $7 }' | sort >stored-members
cmp -s reported-members stored-members && echo "every reported membership is in the store"
[ "$members" -eq "$added" ] && echo "every added person got into the team"
run beter check
