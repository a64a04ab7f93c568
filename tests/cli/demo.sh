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

note "the periods: the first closed by its verbindingssessie, the second running, a candidate"
run beter --csv period list
run beter --csv period show 1
run beter --csv team list
run beter --csv goal list --period 1
run beter --csv arena list --period 1

note "the datamuur of period 1, imported from a per-pupil export: group aggregates only, the schakelklas (4 pupils) left out"
sqlite3 "$BETER_DB" "SELECT grp, count(*), min(n), max(n) FROM wall_value WHERE period_id = 1 AND n IS NOT NULL GROUP BY grp ORDER BY grp"
cp "$SHARE/demo/lovs-begrijpend-lezen-leerlingen.csv" .
run beter wall import 1 lovs-begrijpend-lezen-leerlingen.csv --date 2026-09-02

# demo_no_pupil STORE EXPORT: look for every pupil number of the per-pupil
# EXPORT in every table of STORE (sqlite3) and in the store's files
# (strings), and for every pupil row of it (its fields, ';'-joined, with or
# without the number) in every table; each one found is named
demo_no_pupil() {
	tr -d '\r' <"$2" | sed 1d >pupil-rows.txt
	cut -d';' -f1 pupil-rows.txt >pupil-codes.txt
	cut -d';' -f2- pupil-rows.txt >pupil-fields.txt
	cat pupil-fields.txt >>pupil-rows.txt
	echo "pupil numbers looked for: $(wc -l <pupil-codes.txt), pupil rows: $(wc -l <pupil-fields.txt)"
	for f in "$1" "$1-wal"; do
		[ -e "$f" ] || continue
		strings "$f" | grep -o -F -f pupil-codes.txt | sed "s|^|pupil number in the file ${f##*/}: |"
	done >pupil-found.txt
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
		sqlite3 "$1" "SELECT * FROM \"$t\"" | grep -a -o -F -f pupil-codes.txt | sed "s/^/pupil number in table $t: /"
		sqlite3 -separator ';' "$1" "SELECT * FROM \"$t\"" | grep -a -F -f pupil-rows.txt | sed "s/^/pupil row in table $t: /"
	done >>pupil-found.txt
	if [ -s pupil-found.txt ]; then
		sort -u pupil-found.txt
	else
		echo "no pupil number and no pupil row in any table or in the store's files"
	fi
}
demo_no_pupil "$BETER_DB" lovs-begrijpend-lezen-leerlingen.csv

note built on Wednesday 10 March 2027: the story moved by 15 weeks
demo_on 2027-03-10
export BETER_DB="$PWD/demo-2027-03-10.db" BETER_TODAY=2027-03-10
run beter --csv board session list --team "Team Bovenbouw"
run beter visit list --from 2027-03-08
run beter --csv calendar list --year 2027-W07
run beter --csv phase conditions
run beter --csv period list

note built on Wednesday 2 September 2026: the story moved back by 12 weeks, into the last school year
demo_on 2026-09-02
export BETER_DB="$PWD/demo-2026-09-02.db" BETER_TODAY=2026-09-02
run beter --csv period list
run beter --csv goal list --period 2
