# Showcase of the measurements: the surveys, the culture survey per team in
# November (small teams hidden) and the change since the 0-meting.
echo "== surveys"
"$beter" survey list
echo
echo "== culture survey November, by team (groups under 5 hidden; a second one so the total gives nothing away)"
"$beter" survey report 2 --by team | sed -n '/^Results/,/^Comments/p' | grep -E 'RESULTS|GROUP|samenwerken|vertrouwen' 
echo
echo "== culture survey: 0-meting against November"
"$beter" survey compare --instrument cultuursurvey --waves 0-meting,november
echo
echo "== 360-degree feedback of the school leader, with her secret key: herself beside the others (not in the total)"
"$beter" survey report 4 --by rater --key-file "$BETER_DB.360-MVD.key" | sed -n '/^Results/,$p'
