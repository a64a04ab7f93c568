# Lesson visits in the demo school: a first duo round ("ronde 1", early
# November) for the three teacher teams, mostly recorded and many with the
# feedback talk held; one talk overdue (feedback-due), two recorded this week
# with the talk still to come; the rest were not recorded by their day and
# show as missed, so the coach sees them.
# A visit by the school leader focused on a teacher's development point.
# Sourced by demo.sh with $beter set, BETER_DB and BETER_TODAY=2026-11-20.

# the round was planned the Friday before it started: plans are for the future
for t in "Team Onderbouw" "Team Middenbouw" "Team Bovenbouw"; do
	BETER_TODAY=2026-10-30 "$beter" -q visit plan --team "$t" --round "ronde 1" --from 2026-11-02 --to 2026-11-20
done

# record a visit: number, seen, effect, scores...
demo_record() {
	n=$1 seen=$2 effect=$3
	shift 3
	set -- $(for s in "$@"; do printf ' --score %s' "$s"; done)
	"$beter" -q visit record "$n" --seen "$seen" --effect "$effect" "$@"
}

demo_record 1 "Je schreef het lesdoel op het bord en liet twee leerlingen het in eigen woorden herhalen." \
	"De meeste leerlingen konden aan het eind zeggen wat ze geleerd hadden." uitleg.1=3 klimaat.1=4 activerend.2=3 klimaat.2=3 uitleg.3=3
demo_record 2 "Je gaf de instructie in drie korte stappen en liet na elke stap een wisbordje opsteken." \
	"Alle leerlingen schreven een antwoord op; vier leerlingen kregen verlengde instructie." uitleg.3=4 differentiatie.1=3 klimaat.2=4 activerend.2=3
demo_record 3 "Je liet leerlingen in tweetallen hun aanpak vergelijken." \
	"Het werd rumoerig; na twee minuten waren de meeste tweetallen met iets anders bezig." activerend.3=2 management.2=2 klimaat.2=3 uitleg.3=2 activerend.2=2
demo_record 4 "Je begon de les met een vraag over het weekend en liep daarna rond." \
	"Leerlingen begonnen pas na vijf minuten aan hun werk." management.1=2 klimaat.3=3 uitleg.3=2 activerend.2=3
demo_record 8 "Je stelde een open vraag en wachtte tien seconden voordat je iemand aanwees." \
	"Ook stille leerlingen staken hun vinger op." activerend.2=4 klimaat.2=3
demo_record 9 "Je deed een som hardop denkend voor en schreef de stappen op." \
	"Leerlingen gebruikten het stappenplan bij de volgende sommen." leerstrategie.1=4 uitleg.2=3
demo_record 10 "Je gaf de snelle rekenaars een verrijkingstaak." \
	"Zij werkten geconcentreerd door; de instructiegroep kreeg zo meer aandacht." differentiatie.2=3 differentiatie.1=3
demo_record 7 "Je las een prentenboek voor en stelde tussendoor voorspelvragen." \
	"Leerlingen reageerden op elkaars voorspellingen." activerend.1=3 klimaat.2=4 uitleg.3=3
demo_record 21 "Je liet leerlingen hun eigen werk nakijken met een antwoordmodel." \
	"Leerlingen verbeterden hun fouten en noteerden wat ze nog moeilijk vonden." leerstrategie.3=3
demo_record 15 "Je liet leerlingen aan het eind van de les opschrijven wat lastig was." \
	"Bijna iedereen schreef iets op; drie leerlingen vroegen om extra uitleg." leerstrategie.2=3 uitleg.3=3
demo_record 16 "Je besprak de regels voor groepswerk voordat de groepjes begonnen." \
	"De groepjes kwamen snel op gang en verdeelden de taken." management.2=4 activerend.3=3
demo_record 17 "Je gaf leerlingen een keuze uit twee opdrachten op niveau." \
	"Leerlingen kozen vooral de makkelijke opdracht." differentiatie.2=2

"$beter" -q visit feedback 1 --date 2026-11-04 --agreed "Het lesdoel ook aan het eind terug laten komen." \
	--point "Lesdoel aan het eind laten terugkoppelen door leerlingen"
"$beter" -q visit feedback 2 --date 2026-11-05 --agreed "Wisbordjes ook bij het nakijken inzetten."
"$beter" -q visit feedback 3 --date 2026-11-06 --agreed "Samenwerkopdracht met rollen en een tijdslimiet proberen." \
	--point "Samenwerken: duidelijke rollen en tijd"
"$beter" -q visit feedback 8 --date 2026-11-06 --agreed "Wachttijd vasthouden, ook bij moeilijke vragen."
"$beter" -q visit feedback 9 --date 2026-11-10 --agreed "Stappenplan zichtbaar laten hangen."
"$beter" -q visit feedback 15 --date 2026-11-13 --agreed "Exit-ticket elke les; de antwoorden gebruiken voor de volgende les." \
	--point "Instructie afstemmen op de exit-tickets"
"$beter" -q visit feedback 16 --date 2026-11-13 --agreed "De regels voor groepswerk op een kaart op tafel."
"$beter" -q visit feedback 10 --date 2026-11-11 --agreed "Verrijkingstaak ook in de andere vakken."
"$beter" -q visit feedback 17 --date 2026-11-12 --agreed "Bij keuzeopdrachten samen met de leerling kiezen."
# visit 4 (10 November) has no talk yet: feedback-due; 7 and 21 (18 November)
# are recorded and their talk is still to come

# the school leader visits a teacher on her development point
"$beter" -q visit add --observer MVD --teacher "$("$beter" --csv visit show 3 | awk -F, 'NR==2 {print $6}')" \
	--date 2026-11-25 --time 09:00 --group "groep 2" --subject "samenwerken" --focus points

# visits planned for the coming two weeks: duos of Team Bovenbouw visit each other
"$beter" -q visit add --observer ODW --teacher MKP --date 2026-11-24 --time 10:30 --group "groep 7" --focus item:uitleg.1
"$beter" -q visit add --observer MKP --teacher ODW --date 2026-11-26 --time 08:45 --group "groep 8" --focus item:uitleg.1
"$beter" -q visit add --observer SHD --teacher DVM --date 2026-12-01 --time 11:00 --group "groep 6"
"$beter" -q visit add --observer DVM --teacher SHD --date 2026-12-03 --time 09:15 --group "groep 6/7"
