# The improvement periods on the school's jaarbord. The first, "Begrijpend
# lezen" (the first weeks of the school year up to the autumn holiday), was
# prepared by the TIV: a datamuur imported from the pupil tracking system's
# per-pupil export (only group aggregates are stored; the small schakelklas
# is left out) with a value by hand and an insight from research, and a
# leerlingarena on the theme. The teams set their goals in it (20-board.sh),
# held their retrospectives, and the verbindingssessie closed it and opened
# the second, "Feedback van leerlingen", which runs now with the start of its
# own datamuur. "Rekenen in de context" waits on the jaarbord as a candidate.
# Sourced by demo.sh with $beter, $demo, $g1 (20-board.sh) and BETER_DB set.

# the TIV: BVB of the leerKRACHT-team, SHD (reading in Team Bovenbouw) and
# GRT, the intern begeleider who knows the pupil tracking data
"$beter" -q team add "TIV Lezen" --kind tiv
"$beter" -q team member add "TIV Lezen" BVB SHD GRT

"$beter" -q period add --theme "Begrijpend lezen" --from 2026-08-31 --to 2026-10-16 --tiv "TIV Lezen"
"$beter" -q period add --theme "Feedback van leerlingen" --from 2026-10-26 --to 2026-12-18
"$beter" -q period add --theme "Rekenen in de context"

# the datamuur of period 1: the begin-toets per pupil, aggregated on import
"$beter" -q wall import 1 "$demo/lovs-begrijpend-lezen-leerlingen.csv" --date 2026-09-02
"$beter" -q wall add 1 --indicator "Leesplezier (leerlingvragenlijst)" --group "groep 6" --value 74 --norm 80 --unit % \
	--source "Leerlingvragenlijst" --date 2026-06-19 --previous 78
"$beter" -q wall add 1 --indicator "Leesplezier (leerlingvragenlijst)" --group "groep 7" --value 61 --norm 80 --unit % \
	--source "Leerlingvragenlijst" --date 2026-06-19 --previous 70
"$beter" -q wall add 1 --indicator "Leesplezier (leerlingvragenlijst)" --group "groep 8" --value 66 --norm 80 --unit % \
	--source "Leerlingvragenlijst" --date 2026-06-19 --previous 64
BETER_TODAY=2026-09-02 "$beter" -q wall note 1 "Hardop denkend voordoen helpt zwakke lezers" --source "NRO leidraad begrijpend lezen"
BETER_TODAY=2026-09-02 "$beter" -q wall note 1 "Leerlingen die de kern navertellen, onthouden meer van een tekst" --source "Kennisrotonde, samenvatten bij begrijpend lezen"

# the TIV's leerlingarena on the theme, before the teams set their goals
arena=$("$beter" --csv arena add --school --theme "Begrijpend lezen" --date 2026-09-03 \
	--group "groep 6-8" 2>/dev/null | tail -n 1 | cut -d, -f1)
"$beter" -q arena question add "$arena" "Wanneer vind je lezen leuk?"
"$beter" -q arena question add "$arena" "Wat helpt je om een moeilijke tekst te snappen?"
"$beter" -q arena input "$arena" --from leerlingen "Zelf een boek of tekst kiezen" --votes 12 --tag keuze
"$beter" -q arena input "$arena" --from leerlingen "Als de juf eerst laat zien hoe zij het doet" --votes 9 --tag voordoen
"$beter" -q arena input "$arena" --from leerlingen "Samen over een tekst praten" --votes 7
"$beter" -q arena input "$arena" --from leraren "Hardop denkend voordoen" --votes 6 --tag voordoen
"$beter" -q arena input "$arena" --from leraren "Teksten over de wereldoriëntatie" --votes 3
"$beter" -q arena input "$arena" --from mt "Elke dag een vast leesmoment" --votes 3
"$beter" -q arena outcome "$arena" --date 2026-09-03 \
	"Leerlingen kiezen vaker zelf hun tekst; de leraar doet het lezen eerst hardop denkend voor"

# before the period ends: each team's retrospective and the check on the ambition
"$beter" -q period retro 1 --team "Team Bovenbouw" --date 2026-10-12 --goal-reached ja \
	--went-well "Elke dag hardop denkend voorlezen werd een gewoonte; de norm is gehaald" \
	--improve "De resultaten per week eerder op het bord zetten" \
	--ambition "Nog steeds herkenbaar: de leerlingen lezen met meer plezier"
"$beter" -q period retro 1 --team "Team Middenbouw" --date 2026-10-13 --goal-reached deels \
	--went-well "Leerlingen vragen elkaar 'hoe deed jij het?'" \
	--improve "Twee bordsessies vielen uit; de ritmiek vasthouden" \
	--ambition "Past nog; we maken hem concreter voor groep 4"
"$beter" -q period retro 1 --team "Team Onderbouw" --date 2026-10-13 --goal-reached nee \
	--went-well "We durfden het eerste doel los te laten toen het niet paste" \
	--improve "Een doel kiezen dat past bij hoe de hoeken nu zijn ingericht" \
	--ambition "Blijft staan"

# the verbindingssessie shares the successes, records the standards, closes
# period 1 and opens period 2
"$beter" -q period connect 1 --date 2026-10-15 \
	--success "Groep 8 haalde de norm: de kern navertellen lukt!" \
	--success "In Team Middenbouw leggen leerlingen elkaar hun rekenstrategie uit" \
	--standard "$g1=Elke leesles begint met hardop denkend voordoen" \
	--standard "$g1=Na elke tekst vertellen leerlingen de kern in eigen woorden na" \
	--story "In de volgende periode vragen we de leerlingen zelf: wat helpt jou? We beginnen met feedback van leerlingen." \
	--next 2

# the start of the datamuur of period 2
"$beter" -q wall add 2 --indicator "Leerlingen die feedback van een klasgenoot gebruiken" --group "groep 6" --value 35 --norm 70 --unit % \
	--source "Leerlingvragenlijst" --date 2026-10-21
"$beter" -q wall add 2 --indicator "Leerlingen die feedback van een klasgenoot gebruiken" --group "groep 7/8" --value 42 --norm 70 --unit % \
	--source "Leerlingvragenlijst" --date 2026-10-21
BETER_TODAY=2026-10-21 "$beter" -q wall note 2 "Feedback helpt als die over de taak gaat en meteen gebruikt kan worden" \
	--source "Hattie en Timperley, The power of feedback"
