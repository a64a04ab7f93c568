# Gezamenlijk lesontwerp: Olga de Wit and Mohamed Kaya of Team Bovenbouw
# design a lesson for their goal on feedback (the goal $g2 of 20-board.sh),
# give it in groep 7 on 12 November, and copy it for groep 8 a week later
# with a change after the pupils' feedback. Each lesson gets a visit that
# records per step whether the gewenst effect was seen. The pupils' feedback
# on the first lesson is tied to it in 45-survey.sh.
# Sourced by demo.sh with $beter set, BETER_DB and BETER_TODAY=2026-11-20.
t="Team Bovenbouw"
gl1=$("$beter" --csv design add --team "$t" --goal "$g2" --authors ODW,MKP --group "groep 7" \
	--subject begrijpend-lezen --date 2026-11-12 \
	--doel "Leerlingen geven elkaar feedback op een samenvatting met de feedbackkaart (één tip, één top)" \
	--zichtbaar "Doel en succescriteria staan op het bord; de leerkracht leest ze voor en wijst ze aan bij het voordoen" \
	--activiteiten "Voordoen met een voorbeeldsamenvatting, tweetallen met de feedbackkaart, klassikaal nabespreken" \
	--check "Exit-ticket: iedere leerling schrijft één tip en één top op die hij kreeg" \
	--als-dan "Als minder dan 80% een bruikbare tip geeft, dan morgen verlengde instructie met de kaart in de kleine kring" 2>/dev/null |
	sed -n 2p | cut -d, -f2)
"$beter" -q design step add "$gl1" --min 10 --wat "Voordoen met een voorbeeldsamenvatting" --hoe "Hardop denken bij de feedbackkaart" \
	--effect "Leerlingen noemen zelf wat een goede tip is"
"$beter" -q design step add "$gl1" --min 15 --wat "Tweetallen geven elkaar feedback" --hoe "Feedbackkaart met tip en top" \
	--effect "Elk tweetal geeft elkaar een tip en een top die over de samenvatting gaan"
"$beter" -q design step add "$gl1" --min 10 --wat "Samenvatting verbeteren" --hoe "Leerlingen werken de tip uit" \
	--effect "Leerlingen passen de tip toe in hun eigen tekst"
"$beter" -q design step add "$gl1" --min 5 --wat "Exit-ticket" --hoe "Kaartje bij de deur" \
	--effect "Iedere leerling schrijft één tip en één top op"
"$beter" -q design feedback-question add "$gl1" "Wat hielp jou vandaag het meest?"
"$beter" -q design feedback-question add "$gl1" "Welke tip ga je de volgende keer gebruiken?"
gl2=$("$beter" --csv design copy "$gl1" --group "groep 8" --date 2026-11-17 2>/dev/null | sed -n 2p | cut -d, -f2)

v=$("$beter" --lang en visit add --observer MKP --teacher ODW --date 2026-11-12 --time 10:00 --design "$gl1" 2>&1 >/dev/null |
	sed -n 's/^planned visit \([0-9]*\)$/\1/p')
"$beter" -q visit record "$v" --date 2026-11-12 \
	--seen "Ik zag je bij het voordoen hardop zeggen waarom je een tip koos; daarna werkten de tweetallen met de kaart." \
	--effect "De meeste tweetallen gaven een tip en een top; bij het verbeteren gingen vijf leerlingen niet aan de slag." \
	--reached "1=ja:zes leerlingen noemden zelf een goede tip" --reached "2=ja" \
	--reached "3=deels:vijf leerlingen wisten niet hoe ze de tip moesten toepassen" --reached "4=ja"
v=$("$beter" --lang en visit add --observer SHD --teacher MKP --date 2026-11-17 --time 09:00 --design "$gl2" 2>&1 >/dev/null |
	sed -n 's/^planned visit \([0-9]*\)$/\1/p')
"$beter" -q visit record "$v" --date 2026-11-17 \
	--seen "Ik zag je de feedbackkaart uitdelen en het doel aanwijzen; het verbeteren deed je samen met de klas." \
	--effect "Bijna alle leerlingen pasten een tip toe; bij het exit-ticket schreven een paar leerlingen alleen een top." \
	--reached "1=ja" --reached "2=deels:drie tweetallen gaven alleen tops" --reached "3=ja" \
	--reached "4=nee:een derde schreef geen tip op"
