# A typical team's board (sourced by tests/cli/boardhtml.sh and
# tests/html/boardshot.sh, with `beter` on PATH and a fresh $BETER_DB; today
# is 2026-11-20): 3 goals with results, 8 actions in class, 2 team actions,
# 6 successes, a board session with its check-in, planned sessions and a
# round of lesson visits (one for each of the 8 members).
beter -q init --school "IKC De Vlinderboom" --brin 99ZZ --sector po
printf '%s\n' 'code,name,role,team' \
	'BVB,Bram van Beek,schoolcoach,Team Bovenbouw' 'ODW,Olga de Wit,leraar,Team Bovenbouw' \
	'MKP,Mehmet Kaplan,leraar,Team Bovenbouw' 'SJN,Sanne Jansen,leraar,Team Bovenbouw' \
	'PDB,Pieter de Boer,leraar,Team Bovenbouw' 'FEL,Fatima El Amrani,leraar,Team Bovenbouw' \
	'LVD,Lotte van Dijk,leraar,Team Bovenbouw' 'RHK,Ruud Hoekstra,leraar,Team Bovenbouw' >team.csv
beter -q person import team.csv
t="Team Bovenbouw"
beter -q board set --team "$t" --ambition "Elke leerling leest met plezier en begrijpt wat hij leest" \
	--story "Vorig jaar las groep 8 samen een heel boek uit; dat willen we elk jaar." \
	--agreement "We beginnen op tijd" --agreement "Telefoons weg tijdens de bordsessie" \
	--agreement "We vieren elke week een succes" --date 2026-09-01
beter -q board theme add --team "$t" "Begrijpend lezen" --start 2026-08-31 --end 2026-10-16 --date 2026-09-01
beter -q board theme add --team "$t" "Feedback geven" --start 2026-10-26 --end 2026-12-18 --date 2026-09-01
beter -q board arena add --team "$t" "Leerlingen willen zelf teksten kiezen" --date 2026-10-28
beter -q board park add --team "$t" "Leesweek in maart" --date 2026-09-14
beter -q board park add --team "$t" "Schoolbibliotheek opnieuw inrichten" --date 2026-09-14
beter -q goal add --team "$t" --text "Leerlingen vatten een tekst samen in drie zinnen" --pupils "groep 7 en 8" \
	--weeks 6 --norm 8 --baseline 5 --date 2026-10-05
beter -q goal add --team "$t" --text "Leerlingen stellen elkaar een vraag over de tekst" --pupils "groep 6" \
	--weeks 6 --norm 7.5 --baseline 4.5 --date 2026-10-05
beter -q goal add --team "$t" --text "Leerlingen werken tien minuten zelfstandig door" --pupils "groep 5 tot en met 8" \
	--weeks 8 --norm 8 --baseline 6 --date 2026-10-05
for m in "1 5.5 2026-10-19" "1 6 2026-11-02" "1 6.5 2026-11-16" "2 5 2026-10-19" "2 6 2026-11-16" \
	"3 6.5 2026-10-19" "3 7 2026-11-02" "3 7 2026-11-16"; do
	set -- $m
	beter -q goal measure "$1" --score "$2" --date "$3"
done
i=0
for a in "ODW:Dagelijks tien minuten voorlezen:2026-11-27" "MKP:Kernwoorden op het bord:2026-11-20" \
	"SJN:Samenvatting in drie zinnen oefenen:2026-11-25" "PDB:Vraagkaartjes bij het lezen:2026-11-27" \
	"FEL:Leesduo's maken:2026-11-18" "LVD:Stiltelezen met een timer:2026-12-04" \
	"RHK:Tekstkeuze met de klas bespreken:2026-12-04" "ODW:Voorspellen voor het lezen:2026-11-13"; do
	i=$((i + 1))
	beter -q board action add --team "$t" --who "${a%%:*}" --what "$(echo "$a" | cut -d: -f2)" \
		--due "${a##*:}" --goal $(( (i - 1) % 3 + 1 )) --date 2026-11-02
done
beter -q board action add --team "$t" --team-action --who BVB,ODW --what "Leerlingarena voorbereiden" \
	--due 2026-11-25 --date 2026-11-02
beter -q board action add --team "$t" --team-action --who MKP --what "Boeken bestellen voor de leeshoek" \
	--due 2026-12-01 --date 2026-11-02
beter -q board action done 1 --date 2026-11-16
for s in "Groep 8 las een heel boek uit" "Alle leesduo's staan" "Samenvattingen van groep 7 hangen op de gang" \
	"Mehmet gaf zijn eerste lesbezoek" "Ouders vroegen naar de leeslijst" "Stiltelezen loopt in vier groepen"; do
	beter -q board success add --team "$t" "$s" --date 2026-11-16
done
beter -q board rhythm add --team "$t" --on 2026-11-23 --leader BVB --topic "Voortgang doelen" --date 2026-10-26
beter -q board rhythm add --team "$t" --on 2026-11-30 --leader ODW --topic "Lesbezoeken bespreken" --date 2026-10-26
beter -q board rhythm add --team "$t" --on 2026-12-07 --leader MKP --topic "Nieuwe acties" --date 2026-10-26
beter -q board session add --team "$t" --date 2026-11-16 --leader BVB --checkin ODW=7 --checkin MKP=8 \
	--checkin SJN=6 --checkin PDB=7 --checkin FEL=9 --checkin LVD=7 --checkin RHK=8 --topic "Voortgang doelen" \
	--agenda "GL in duo's=30" --agenda "Lesbezoeken plannen=10" >/dev/null
beter -q visit add --observer ODW --teacher MKP --date 2026-11-24 --group "groep 7"
beter -q visit add --observer SJN --teacher PDB --date 2026-11-26 --group "groep 6"
beter -q visit add --observer FEL --teacher LVD --date 2026-11-27 --group 8
for v in "MKP SJN 2026-11-30" "PDB FEL 2026-12-01" "LVD RHK 2026-12-02" "RHK ODW 2026-12-03" "BVB SJN 2026-12-04"; do
	set -- $v
	beter -q visit add --observer "$1" --teacher "$2" --date "$3"
done
# the school's periods on the jaarbord: one closed by its verbindingssessie,
# one running, a candidate
beter -q team add "TIV Lezen" --kind tiv
beter -q team member add "TIV Lezen" BVB ODW MKP
BETER_TODAY=2026-08-24 beter -q period add --theme "Begrijpend lezen" --from 2026-08-31 --to 2026-10-16 --tiv "TIV Lezen"
BETER_TODAY=2026-08-24 beter -q period add --theme "Feedback geven" --from 2026-10-19 --to 2026-12-18
beter -q period add --theme "Rekenen in de context"
beter -q period connect 1 --date 2026-10-15 --success "Hardop voordoen werkt" --next 2
