# a fair rhythm: school weeks only, from the team's start, never past today

export BETER_TODAY=2026-12-02
quiet beter init --school "IKC De Vlinderboom" --brin 12AB --sector po --region midden
quiet beter calendar import "$SHARE/calendar/schoolvakanties-2026-2027.ics"
printf 'code;naam;rol;team\nODW;Olga de Wit;leraar;Team Bovenbouw\nMKP;Mark Post;leraar;Team Bovenbouw\nBVB;Bas van Beek;schoolcoach;Team Bovenbouw\nJJ;Jet Jong;leraar;Team Onderbouw\n' >roster.csv
quiet beter person import roster.csv
# Team Bovenbouw meets every Monday that is a school day from 5 October (the
# herfstvakantie of regio midden, 17-25 October, has none)
for d in 2026-10-05 2026-10-12 2026-10-26 2026-11-02 2026-11-09 2026-11-16 2026-11-23 2026-11-30; do
	quiet beter board session add --team "Team Bovenbouw" --date $d --leader BVB
done
# Team Onderbouw met twice, then stopped
quiet beter board session add --team "Team Onderbouw" --date 2026-10-05 --leader JJ
quiet beter board session add --team "Team Onderbouw" --date 2026-10-12 --leader JJ
# actions: one overdue, one due later this school year
quiet beter board action add --team "Team Bovenbouw" --who ODW --what "Exit tickets" --due 2026-11-27
quiet beter board action add --team "Team Bovenbouw" --who MKP --what "Feedbackkaart" --due 2027-03-01
# a visit planned after today
quiet beter visit add --observer MKP --teacher ODW --date 2027-01-20

note a session every school week since the start: 100%, holidays or not
run beter phase conditions --from 2026-08-01 --to 2027-07-31

note the school-year report counts up to today only
beter report --format json --week 2026-2027 >year.json
jq -c '{from, to, phase: .sections[] | select(.key == "phase") | .figures}' year.json
jq -c '.sections[] | select(.key == "actions") | .figures' year.json
jq -c '.sections[] | select(.key == "visits") | .figures' year.json

note a team whose start is set: weeks before its first session count
run beter team edit "Team Onderbouw" --start 2026-09-07
run beter --csv phase conditions --from 2026-08-01 --to 2027-07-31
run beter team edit "Team Onderbouw" --start 2026-13-01
run beter team edit "Team Onderbouw" --start none
run beter --csv phase conditions --from 2026-08-01 --to 2027-07-31

note in regio noord the holiday is 10-18 October: the week of 19 October is a school week without a session, and the session held on 12 October still counts its week: 9 weeks, 8 with a session
quiet beter school edit --region noord
run beter --csv phase conditions --from 2026-08-01 --to 2027-07-31
