# Showcase: the improvement periods on the jaarbord, the first one closed by
# its verbindingssessie with its datamuur (group aggregates of a per-pupil
# export; the small schakelklas left out) and the goals the teams set in it.
# Sourced by run.sh with $beter and BETER_DB set.
echo "== the periods on the jaarbord (beter period list)"
"$beter" period list
echo
echo "== period 1: TIV, datamuur, retrospectives and verbindingssessie (beter period show 1)"
"$beter" period show 1
echo
echo "== the datamuur of period 1 (beter wall show 1)"
"$beter" wall show 1
if "$beter" phase conditions --help 2>/dev/null | grep -q -- '--period'; then
	echo
	echo "== the three conditions per team in period 1 (beter phase conditions --period 1)"
	"$beter" phase conditions --period 1
fi
echo
echo "== the goals set in period 1 (beter goal list --period 1)"
"$beter" goal list --period 1
echo
echo "== period 2, running now (beter period show 2)"
"$beter" period show 2
