# The demo school follows the leerKRACHT approach: it started in August,
# closed Voorbereiding and Startfase with retrospectives, held its Startdag and
# is now "Aan de slag" with part of the checklist done. Team Bovenbouw also
# runs the six-phase lesson-quality trajectory.
"$beter" -q phase start leerkracht --school --date 2026-08-24
for item in draagvlaksessie tijd-ritmiek lk-team teamindeling; do
	"$beter" -q phase check "$item" --school --date 2026-09-04
done
"$beter" -q phase next --school --date 2026-09-07 \
	--went-well "De draagvlaksessie gaf energie; iedereen weet wat er komt." \
	--improve "Roostertijd voor de teams eerder vastleggen."
for item in werksessies ritmiek eerste-thema startdag-voorbereiden bootcamp; do
	"$beter" -q phase check "$item" --school --date 2026-10-09
done
"$beter" -q phase next --school --date 2026-10-12 \
	--went-well "Het eerste thema (begrijpend lezen) sluit aan bij wat teams zien." \
	--improve "De bootcamp eerder in de fase plannen."
for item in uitleg inspiratieverhaal ambitie jaarbord datamuur leerlingarena eerste-doel; do
	"$beter" -q phase check "$item" --school --date 2026-10-14
done
"$beter" -q phase next --school --date 2026-10-15 \
	--went-well "Een gedeelde ambitie en de leerlingarena maakten indruk." \
	--improve "Meer tijd voor het stellen van de eerste doelen."
"$beter" -q phase check bordsessies --school --date 2026-10-20
"$beter" -q phase check lesontwerp --school --date 2026-11-03
"$beter" -q phase check lesbezoek --school --date 2026-11-12

"$beter" -q phase start leskwaliteit --team "Team Bovenbouw" --date 2026-09-01
for item in beelden mt-bezoeken ingredienten kader; do
	"$beter" -q phase check "$item" --team "Team Bovenbouw" --date 2026-09-25
done
"$beter" -q phase next --team "Team Bovenbouw" --date 2026-09-28 \
	--went-well "Het kader is kort en bruikbaar." \
	--improve "Leraren eerder laten meelezen."
"$beter" -q phase check teambijeenkomst --team "Team Bovenbouw" --date 2026-10-08
"$beter" -q phase check werken-met-kader --team "Team Bovenbouw" --date 2026-10-08
