# Stem van de leerling: a leerlingarena for Team Bovenbouw on "goede uitleg",
# with the top-3 conversation held with pupils, teachers and the MT.
# Sourced by demo.sh with $beter set.
arena=$("$beter" --csv arena add --team "Team Bovenbouw" --theme "goede uitleg" --date 2026-10-07 \
	--group "groep 7/8" 2>/dev/null | tail -n 1 | cut -d, -f1)
"$beter" -q arena question add "$arena" "Wanneer snap je een uitleg meteen?"
"$beter" -q arena question add "$arena" "Wat helpt je als je het niet snapt?"
"$beter" -q arena question add "$arena" "Wat zou je de juf of meester willen vragen?"

# step 1 and 2: what each group said, with the votes it got
"$beter" -q arena input "$arena" --from leerlingen "Een voorbeeld op het bord" --votes 11 --tag voorbeeld
"$beter" -q arena input "$arena" --from leerlingen "Uitleg in kleine stappen" --votes 8
"$beter" -q arena input "$arena" --from leerlingen "Het is stil als de juf uitlegt" --votes 6 --tag rust
"$beter" -q arena input "$arena" --from leerlingen "Zelf meteen een som proberen" --votes 6
"$beter" -q arena input "$arena" --from leerlingen "Filmpjes" --votes 2
"$beter" -q arena input "$arena" --from leraren "Hardop voordoen met een uitgewerkt voorbeeld" --votes 5 --tag voorbeeld
"$beter" -q arena input "$arena" --from leraren "Lesdoel benoemen aan het begin" --votes 4
"$beter" -q arena input "$arena" --from leraren "Uitleg in kleine stappen." --votes 4
"$beter" -q arena input "$arena" --from leraren "Wisbordjes om begrip te checken" --votes 2
"$beter" -q arena input "$arena" --from mt "Eén instructiemodel in alle groepen" --votes 3
"$beter" -q arena input "$arena" --from mt "Rust en duidelijke afspraken" --votes 3 --tag rust
"$beter" -q arena input "$arena" --from mt "Tijd voor lesbezoeken" --votes 2

# step 3: deepening the top items
"$beter" -q arena deepen "$arena" --item 1 --answer a "De juf doet een som helemaal voor voordat wij beginnen"
"$beter" -q arena deepen "$arena" --item 1 --answer b "Ze schrijft elke stap op het bord en zegt wat ze denkt"
"$beter" -q arena deepen "$arena" --item 1 --answer c "Ik kijk terug naar het voorbeeld als ik vastloop"
"$beter" -q arena deepen "$arena" --item 2 --answer b "Hij vraagt na elke stap of we het snappen"
"$beter" -q arena deepen "$arena" --item 3 --answer c "Ik leg mijn spullen weg als de uitleg begint"
"$beter" -q arena deepen "$arena" --item 6 --answer a "Leerlingen zien hoe je als expert denkt"
"$beter" -q arena deepen "$arena" --item 6 --answer c "Samen uitgewerkte voorbeelden maken in de werksessie"
"$beter" -q arena deepen "$arena" --item 11 --answer b "Dezelfde afspraken over stilte hangen in elk lokaal"

"$beter" -q arena outcome "$arena" --date 2026-10-14 \
	"Elke instructie begint met een voorbeeld dat we hardop voordoen, in kleine stappen"
