# Improvement boards of the three teacher teams since the start of the school
# year: ambition, story, agreements, year themes, goals set the 4-step way with
# results, actions (one overdue), successes, the parking lot, the period
# rhythm and weekly board sessions; personal development goals of a few
# teachers. Sourced by demo.sh with $beter set.

# the number a goal or action gets, read from what beter reports
demo_goal() { "$beter" --csv goal add "$@" | sed -n 2p | cut -d, -f2; }
demo_activity() { "$beter" --lang en goal activity add "$@" 2>&1 >/dev/null | sed -n 's/^added learning activity \([0-9]*\).*/\1/p'; }
demo_action() { "$beter" --lang en board action add "$@" 2>&1 >/dev/null | sed -n 's/^added action \([0-9]*\).*/\1/p'; }

# demo_sessions TEAM LEADER GOAL "DATE SCORE CHECKINS..." ...: weekly sessions
# with a result for GOAL (when SCORE is not -) and check-ins CODE=SCORE.
demo_sessions() {
	team=$1 leader=$2 goal=$3
	shift 3
	for s in "$@"; do
		set -- $s
		date=$1 score=$2
		shift 2
		args=""
		for ci in "$@"; do args="$args --checkin $ci"; done
		if [ "$score" != - ]; then args="$args --measure $goal=$score"; fi
		# shellcheck disable=SC2086
		"$beter" -q board session add --team "$team" --date "$date" --leader "$leader" --topic "Voortgang doel $goal" $args
	done
}

## Team Bovenbouw: begrijpend lezen
t="Team Bovenbouw"
"$beter" -q board set --team "$t" --date 2026-08-31 \
	--ambition "Al onze leerlingen lezen met begrip en met plezier" \
	--story "Vorig jaar zagen we hoe groep 8 opbloeide toen we samen boeken kozen en er echt over praatten." \
	--agreement "We beginnen de bordsessie om 8.15 uur, ook als niet iedereen er is" \
	--agreement "Wie een actie niet haalt, zegt dat zelf in de sessie" \
	--agreement "Lesbezoeken plannen we voor de hele periode vooruit"
"$beter" -q board theme add --team "$t" "Begrijpend lezen" --start 2026-08-31 --end 2026-10-16 --date 2026-08-31
"$beter" -q board theme add --team "$t" "Feedback van leerlingen" --start 2026-10-26 --end 2026-12-18 --date 2026-08-31
"$beter" -q board theme add --team "$t" "Rekenen in de context" --start 2027-01-04 --end 2027-03-12 --date 2026-08-31
"$beter" -q board arena add --team "$t" "Leerlingen willen zelf teksten kiezen die over hun eigen interesses gaan" --date 2026-10-28
"$beter" -q board arena add --team "$t" "Ze vinden het fijn als de juf hardop laat zien hoe zij denkt" --date 2026-10-28
"$beter" -q board park add --team "$t" "Bibliotheekbezoek in groep 6 weer opstarten?" --date 2026-09-14
"$beter" -q board park add --team "$t" "Schoolbrede leesweek in maart" --date 2026-10-05
"$beter" -q board rhythm add --team "$t" --on 2026-11-23 --leader BVB --topic "Voortgang doel en lesbezoeken" --date 2026-10-26
"$beter" -q board rhythm add --team "$t" --on 2026-11-30 --leader ODW --topic "Werksessie: gezamenlijk lesontwerp" --date 2026-10-26
"$beter" -q board rhythm add --team "$t" --on 2026-12-07 --leader MKP --topic "Voortgang doel" --date 2026-10-26

"$beter" -q goal candidate add --team "$t" "Leerlingen vatten een tekst samen in eigen woorden" --impact 5 --feasibility 4 --date 2026-09-07
"$beter" -q goal candidate add --team "$t" "Een nieuwe leesmethode invoeren" --impact 4 --feasibility 1 --date 2026-09-07
"$beter" -q goal candidate add --team "$t" "Leesposters in elke klas" --impact 2 --feasibility 5 --date 2026-09-07
"$beter" -q goal candidate add --team "$t" "Leerlingen geven elkaar feedback op hun samenvatting" --impact 4 --feasibility 3 --date 2026-10-26
g1=$(demo_goal --team "$t" --from-candidate 1 --date 2026-09-07 \
	--text "Leerlingen kunnen de kern van een tekst in eigen woorden navertellen" --pupils "groep 7 en 8" \
	--weeks 6 --norm 8 --baseline 5 \
	--problem "Bij de Cito scoort 40% onder het niveau voor begrijpend lezen" \
	--facts "Leerlingen herhalen zinnen letterlijk en missen de hoofdgedachte" \
	--causes "We oefenen veel met losse vragen en weinig met het geheel van een tekst")
a=$(demo_action --team "$t" --who ODW --what "Elke dag 10 minuten hardop denkend voorlezen" --due 2026-09-25 --goal "$g1" --date 2026-09-07)
"$beter" -q board action done "$a" --date 2026-09-21
a=$(demo_action --team "$t" --who MKP --what "Samenvatten met de kernwoordenmethode in groep 7" --due 2026-10-02 --goal "$g1" --date 2026-09-07)
"$beter" -q board action done "$a" --date 2026-09-28
demo_sessions "$t" BVB "$g1" \
	"2026-09-14 - ODW=7 MKP=6 SHD=8 DVM=7 EBR=6" \
	"2026-09-21 5.5 ODW=7 MKP=7 SHD=8 DVM=6 EBR=7" \
	"2026-09-28 6 ODW=8 MKP=7 SHD=7 DVM=7 EBR=7" \
	"2026-10-05 7 ODW=8 MKP=8 SHD=8 DVM=7 EBR=8" \
	"2026-10-12 8 ODW=9 MKP=8 SHD=8 DVM=8 EBR=8"
"$beter" -q goal achieve "$g1" --date 2026-10-16 \
	--standard "We lezen dagelijks hardop denkend voor en laten leerlingen de kern navertellen"
"$beter" -q board success add --team "$t" "Groep 8 haalde de norm: de kern navertellen lukt!" --goal "$g1" --date 2026-10-16

g2=$(demo_goal --team "$t" --from-candidate 4 --date 2026-10-26 \
	--text "Leerlingen geven elkaar bruikbare feedback op een samenvatting" --pupils "groep 6, 7 en 8" \
	--weeks 6 --norm 7.5 --baseline 4)
a=$(demo_action --team "$t" --who SHD --what "Feedbackkaartjes maken en in groep 6 invoeren" --due 2026-11-06 --goal "$g2" --date 2026-10-26)
"$beter" -q board action done "$a" --date 2026-11-02
demo_action --team "$t" --who DVM --what "Tweetallen feedback laten geven na elke leesles" --due 2026-11-13 --goal "$g2" --date 2026-10-26 >/dev/null
demo_action --team "$t" --who EBR --what "Voorbeeld van goede feedback op het digibord" --due 2026-11-27 --goal "$g2" --date 2026-11-09 >/dev/null
demo_action --team "$t" --team-action --who BVB,GRT --what "Leerlingarena over feedback voorbereiden" --due 2026-11-25 --date 2026-11-02 >/dev/null
demo_sessions "$t" BVB "$g2" \
	"2026-10-26 - ODW=7 MKP=7 SHD=8 DVM=6 EBR=7" \
	"2026-11-02 5 ODW=8 MKP=7 SHD=8 DVM=7 EBR=7" \
	"2026-11-09 5.5 ODW=7 MKP=8 SHD=7 DVM=6 EBR=8"
"$beter" -q board session add --team "$t" --date 2026-11-16 --leader ODW --topic "Voortgang en lesbezoeken" \
	--checkin ODW=8 --checkin MKP=8 --checkin SHD=9 --checkin DVM=7 --checkin EBR=8 \
	--success "Groep 6 gebruikt de feedbackkaartjes zonder dat de juf het vraagt" \
	--measure "$g2=6.5" --note "Alle lesbezoeken van deze week zijn gelukt; DVM zoekt een nieuwe datum voor zijn actie"

## Team Middenbouw: rekenen
t="Team Middenbouw"
"$beter" -q board set --team "$t" --date 2026-08-31 \
	--ambition "Iedere leerling durft hardop te rekenen en uit te leggen hoe" \
	--story "Een leerling uit groep 5 legde de klas uit hoe hij splitste; iedereen snapte het ineens." \
	--agreement "Telefoons weg tijdens de sessie" \
	--agreement "We vieren elke week minstens één succes"
"$beter" -q board theme add --team "$t" "Rekenstrategieën" --start 2026-08-31 --end 2026-10-16 --date 2026-08-31
"$beter" -q board theme add --team "$t" "Instructie in drie niveaus" --start 2026-10-26 --end 2026-12-18 --date 2026-08-31
"$beter" -q board park add --team "$t" "Nieuwe rekenmethode bekijken voor volgend jaar" --date 2026-09-21
"$beter" -q goal candidate add --team "$t" "Leerlingen leggen hun rekenstrategie uit" --impact 4 --feasibility 4 --date 2026-09-07
"$beter" -q goal candidate add --team "$t" "Tafels automatiseren met een app" --impact 2 --feasibility 4 --date 2026-09-07
m1=$(demo_goal --team "$t" --from-candidate 5 --date 2026-09-14 \
	--text "Leerlingen kunnen in eigen woorden uitleggen welke strategie ze gebruiken" --pupils "groep 4 en 5" \
	--weeks 8 --norm 7 --baseline 4)
a=$(demo_action --team "$t" --who JDV --what "Elke rekenles afsluiten met 'hoe deed jij het?'" --due 2026-09-30 --goal "$m1" --date 2026-09-14)
"$beter" -q board action done "$a" --date 2026-09-28
demo_action --team "$t" --who KBO --what "Strategiekaart ophangen en gebruiken" --due 2026-11-06 --goal "$m1" --date 2026-10-05 >/dev/null
demo_action --team "$t" --team-action --who FDG --what "Rekencoördinator uitnodigen voor een werksessie" --due 2026-12-04 --date 2026-11-09 >/dev/null
demo_sessions "$t" FDG "$m1" \
	"2026-09-21 4.5 JDV=7 KBO=6 AMR=7 ZYL=8 RVL=6 IDJ=7" \
	"2026-10-05 5 JDV=7 KBO=7 AMR=6 ZYL=8 RVL=7 IDJ=7" \
	"2026-10-26 5.5 JDV=8 KBO=6 AMR=7 ZYL=7 RVL=7 IDJ=8" \
	"2026-11-09 6 JDV=8 KBO=7 AMR=7 ZYL=8 RVL=7 IDJ=8"
"$beter" -q board success add --team "$t" "ZYL's groep legt strategieën uit aan groep 4" --goal "$m1" --date 2026-11-09
"$beter" -q board rhythm add --team "$t" --on 2026-11-23 --leader FDG --topic "Voortgang doel" --date 2026-11-09

## Team Onderbouw: zelfstandig werken
t="Team Onderbouw"
"$beter" -q board set --team "$t" --date 2026-08-31 \
	--ambition "Onze kleuters plannen zelf hun werk en zijn er trots op" \
	--agreement "De bordsessie duurt 15 minuten, niet langer"
"$beter" -q board theme add --team "$t" "Zelfstandig werken" --start 2026-08-31 --end 2026-12-18 --date 2026-08-31
"$beter" -q goal candidate add --team "$t" "Kleuters kiezen zelf een taak op het planbord" --impact 4 --feasibility 5 --date 2026-09-14
o1=$(demo_goal --team "$t" --date 2026-09-14 --text "Kleuters kunnen met het planbord zelf een taak kiezen en afmaken" \
	--pupils "groep 1 en 2" --weeks 4 --norm 8 --baseline 6)
"$beter" -q goal drop "$o1" --date 2026-10-05 --reason "Het planbord paste niet bij de nieuwe hoeken; we kiezen opnieuw"
o2=$(demo_goal --team "$t" --date 2026-10-05 --text "Kleuters ruimen na het werken zelf hun hoek op" \
	--pupils "groep 1 en 2" --weeks 5 --norm 8 --baseline 5)
demo_action --team "$t" --who ELV --what "Opruimliedje en foto's van de opgeruimde hoek" --due 2026-10-16 --goal "$o2" --date 2026-10-05 >/dev/null
demo_sessions "$t" SJN "$o2" \
	"2026-09-14 - ELV=7 PDB=7 LVS=6 NSM=8 TMU=7 WDK=7" \
	"2026-10-05 - ELV=6 PDB=7 LVS=7 NSM=7 TMU=6 WDK=7" \
	"2026-10-26 6 ELV=7 PDB=8 LVS=7 NSM=8 TMU=7 WDK=8" \
	"2026-11-16 7 ELV=8 PDB=8 LVS=7 NSM=8 TMU=8 WDK=8"
"$beter" -q board success add --team "$t" "De bouwhoek is drie dagen op rij opgeruimd zonder hulp" --goal "$o2" --date 2026-11-16

## Personal development goals (ontwikkelpunten)
p=$(demo_goal --personal --person ODW --date 2026-09-21 --text "Meer open vragen stellen tijdens de instructie")
la=$(demo_activity "$p" --kind anderen "Lesbezoek bij SHD tijdens haar leesinstructie" --date 2026-09-21)
"$beter" -q goal activity add "$p" --kind reflectie "Een les filmen en mijn vragen turven" --date 2026-10-05
"$beter" -q goal activity add "$p" --kind bijblijven "Hoofdstuk over vraagtechnieken lezen" --date 2026-10-05
"$beter" -q goal activity done "$p" "$la" --date 2026-10-01
"$beter" -q goal talk "$p" --date 2026-10-14 --note "Twee keer zoveel open vragen als in september; volgende stap: wachttijd"
p=$(demo_goal --personal --person KBO --date 2026-10-05 --text "Differentiëren in de verlengde instructie")
"$beter" -q goal activity add "$p" --kind samenwerking "Samen met AMR een les in drie niveaus ontwerpen" --date 2026-10-05
"$beter" -q goal activity add "$p" --kind experimenteren "Een week lang de instructietafel anders inrichten" --date 2026-10-12
"$beter" -q goal talk "$p" --date 2026-11-11 --note "Het ontwerp werkt; de instructietafel nog niet"
