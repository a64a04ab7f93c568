# Measurements: the culture survey for all teachers as 0-meting in September
# and again in November, imported from Microsoft Forms exports (Name and
# E-mail columns are never stored), and pupils' feedback on a lesson in
# Team Bovenbouw. Sourced by demo.sh with $beter, $demo and BETER_DB set.
"$beter" -q survey add --instrument cultuursurvey --wave 0-meting --opens 2026-09-07 --closes 2026-09-18
"$beter" -q survey import 1 "$demo/cultuursurvey-0-meting.csv"
"$beter" -q survey add --instrument cultuursurvey --wave november --opens 2026-11-09 --closes 2026-11-18
"$beter" -q survey import 2 "$demo/cultuursurvey-november.csv"
"$beter" -q survey add --instrument lesfeedback-leerlingen --wave "groep 7/8, 2026-11-12" --team "Team Bovenbouw" \
	--opens 2026-11-12 --closes 2026-11-12
"$beter" -q survey import 3 "$demo/lesfeedback-groep-7-8.csv"
