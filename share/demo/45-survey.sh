# Measurements: the culture survey for all teachers as 0-meting in September
# and again in November, imported from Microsoft Forms exports (Name and
# E-mail columns are never stored), and pupils' feedback on a lesson in
# Team Bovenbouw. Sourced by demo.sh with $beter, $demo and BETER_DB set.
"$beter" -q survey add --instrument cultuursurvey --wave 0-meting --opens 2026-09-07 --closes 2026-09-18
"$beter" -q survey import 1 "$demo/cultuursurvey-0-meting.csv"
"$beter" -q survey add --instrument cultuursurvey --wave november --opens 2026-11-09 --closes 2026-11-18
"$beter" -q survey import 2 "$demo/cultuursurvey-november.csv"
"$beter" -q survey add --instrument lesfeedback-leerlingen --wave "groep 7/8, 2026-11-12" --team "Team Bovenbouw" ${gl1:+--design "$gl1"} \
	--opens 2026-11-12 --closes 2026-11-12
"$beter" -q survey import 3 "$demo/lesfeedback-groep-7-8.csv"
# The school leader's 360-degree feedback, sealed to her key pair: only she
# reads it, with her secret key. The demo keeps its keys beside its store; a
# school keeps them in ~/.config/beter (see 'beter help survey').
rm -f "$BETER_DB.360-MVD.key"
"$beter" -q survey key --person MVD --key-file "$BETER_DB.360-MVD.key"
"$beter" -q survey add --instrument feedback360-schoolleider --wave 2026-2027 --opens 2026-11-16 --closes 2026-11-18
BETER_KEY_FILE="$BETER_DB.key" "$beter" -q survey import 4 "$demo/feedback360-schoolleider.csv"
