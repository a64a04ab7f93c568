# the demo lives in the present: built on any day, it has a session last
# week, visits this week and next, and the shipped school holidays

demo_on() {
	rm -f "demo-$1.db"*
	BETER_TODAY=$1 sh "$SHARE/demo/demo.sh" "$(command -v beter)" "$PWD/demo-$1.db" || echo "demo.sh failed on $1"
}

note as written: Friday 20 November 2026
demo_on 2026-11-20
export BETER_DB="$PWD/demo-2026-11-20.db" BETER_TODAY=2026-11-20
run beter --csv board session list --team "Team Bovenbouw"
run beter visit list --from 2026-11-20

note "the demo's report: its key figures in the user's language"
beter=beter
{ . "$SHARE/demo/show-60-report.sh"; } 2>&1 | sed "s|$PWD/||"
test -s demo-report.html && grep -o '<html lang="[a-z]*">' demo-report.html

note built on Wednesday 10 March 2027: the story moved by 15 weeks
demo_on 2027-03-10
export BETER_DB="$PWD/demo-2027-03-10.db" BETER_TODAY=2027-03-10
run beter --csv board session list --team "Team Bovenbouw"
run beter visit list --from 2027-03-08
run beter --csv calendar list --year 2027-W07
run beter --csv phase conditions
