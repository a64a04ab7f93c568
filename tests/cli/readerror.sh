# readerror: a read error in any list or show is an error (exit 74) with
# nothing printed, never the end of the rows. $BETER_TEST_READ_ERROR=N fails
# the N-th row read of the command; each command below is run with N = 1,
# 2, ... until it no longer meets the fault, so every read it makes is hit.

# faults CMD...: the command with each of its reads failing in turn; the
# transcript has, per N (a range when the outcome repeats), the exit status,
# the message and how much was printed, then the number of reads of the
# whole run and the lines it printed.
faults() {
	local n=1 rc line prev="" from=1
	echo "\$ $*"
	while [ "$n" -le 400 ]; do
		BETER_TEST_READ_ERROR=$n "$@" >"$TMP/out" 2>"$TMP/err"
		rc=$?
		line="[exit $rc] $(head -c 300 "$TMP/err" | tr '\n' ' ')($(wc -c <"$TMP/out") bytes printed)"
		if [ "$rc" -eq 0 ] || [ "$line" != "$prev" ]; then
			[ -n "$prev" ] && echo "  $from-$((n - 1)): $prev"
			prev=$line
			from=$n
		fi
		if [ "$rc" -eq 0 ]; then
			echo "  reads: $((n - 1)), then $(wc -l <"$TMP/out") lines"
			return
		fi
		n=$((n + 1))
	done
	echo "  $from-$((n - 1)): $prev"
	echo "  still failing after 400"
}

# faults_last K CMD...: as faults, for the last K reads of a command with
# too many to list (the export reads the whole schema first); R is the
# number of reads.
faults_last() {
	local k=$1 lo=0 hi=1 mid n rc
	shift
	echo "\$ $*"
	while BETER_TEST_READ_ERROR=$hi "$@" >/dev/null 2>&1; [ $? -ne 0 ]; do
		lo=$hi
		hi=$((hi * 2))
	done
	while [ $((hi - lo)) -gt 1 ]; do
		mid=$(((lo + hi) / 2))
		if BETER_TEST_READ_ERROR=$mid "$@" >/dev/null 2>&1; then hi=$mid; else lo=$mid; fi
	done
	for n in $(seq $((lo - k + 1)) "$lo"); do
		BETER_TEST_READ_ERROR=$n "$@" >"$TMP/out" 2>"$TMP/err"
		rc=$?
		echo "  R-$((lo - n)): [exit $rc] $(head -c 300 "$TMP/err" | tr '\n' ' ')($(wc -c <"$TMP/out") bytes printed)"
	done
	BETER_TEST_READ_ERROR=$((lo + 1)) "$@" >"$TMP/out" 2>&1
	echo "  then $(wc -l <"$TMP/out") lines"
}

quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
printf 'code,name,role,team\nJDV,Jan de Vries,leraar,Team Bovenbouw\nAB,Anna Bakker,schoolcoach,Team Bovenbouw\nKL,Karin Loos,leraar,Team Onderbouw\n' >roster.csv
quiet beter person import roster.csv
quiet beter goal candidate add --team "Team Bovenbouw" "Samenvatten" --impact 5 --feasibility 4 --date 2026-09-07
quiet beter goal add --team "Team Bovenbouw" --text "Kern navertellen" --pupils "groep 7" --weeks 6 --norm 8 --baseline 5 --from-candidate 1 --date 2026-09-07
quiet beter goal measure 1 --score 6 --date 2026-09-21
quiet beter goal measure 1 --score 8.5 --date 2026-10-05
quiet beter goal achieve 1 --standard "Elke les een samenvatting" --date 2026-10-06
quiet beter phase start leerkracht --school --date 2026-09-01
quiet beter phase check 1 --school --date 2026-09-02
quiet beter phase next --school --went-well "goed" --improve "beter" --date 2026-10-01

note people, teams, schools
faults beter team list
faults beter team show "Team Bovenbouw"
faults beter person list
faults beter person show JDV
faults beter school list
faults beter school show 1
faults beter person import roster.csv

note goals
faults beter goal candidate list --team "Team Bovenbouw"
faults beter goal matrix --team "Team Bovenbouw"
faults beter goal list
faults beter goal show 1
faults beter goal progress 1
faults beter goal standards

note phases
faults beter phase models
faults beter phase model show leerkracht
faults beter phase status --school
faults beter phase history --school
faults beter phase retro list
faults beter phase conditions

note frameworks and the export
faults beter visit framework list
faults beter visit framework show leskwaliteit
faults_last 4 beter export
faults_last 4 beter export --school "OBS De Regenboog"
