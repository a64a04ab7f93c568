# The demo school follows the leerKRACHT approach: it prepared in the spring
# and summer, held its Startdag at the start of the school year, worked on its
# first theme (begrijpend lezen, period 1 in 50-period.sh) "Aan de slag",
# closed that period with the verbindingssessie and is now "Uitbouwen", where
# every period repeats (theme, goals, work, retrospectives, verbindingssessie).
# Team Bovenbouw also runs the six-phase lesson-quality trajectory.
"$beter" -q phase start leerkracht --school --date 2026-05-25
for item in draagvlaksessie tijd-ritmiek lk-team teamindeling; do
	"$beter" -q phase check "$item" --school --date 2026-06-19
done
"$beter" -q phase next --school --date 2026-06-22 \
	--went-well "De draagvlaksessie gaf energie; iedereen weet wat er komt." \
	--improve "Roostertijd voor de teams eerder vastleggen."
for item in werksessies ritmiek eerste-thema startdag-voorbereiden bootcamp; do
	"$beter" -q phase check "$item" --school --date 2026-09-04
done
"$beter" -q phase next --school --date 2026-09-07 \
	--went-well "Het eerste thema (begrijpend lezen) sluit aan bij wat teams zien." \
	--improve "De bootcamp eerder in de fase plannen."
for item in uitleg inspiratieverhaal ambitie jaarbord datamuur leerlingarena eerste-doel; do
	"$beter" -q phase check "$item" --school --date 2026-09-11
done
"$beter" -q phase next --school --date 2026-09-14 \
	--went-well "Een gedeelde ambitie en de leerlingarena maakten indruk." \
	--improve "Meer tijd voor het stellen van de eerste doelen."
for item in bordsessies stem-leerling ritmiek-volgende; do
	"$beter" -q phase check "$item" --school --date 2026-10-09
done
# the lesson visits did not get going in the first period: open on closing
"$beter" -q phase next --school --date 2026-10-12 \
	--went-well "Elke week een bordsessie, ook in drukke weken." \
	--improve "Lesontwerp en lesbezoeken kwamen niet op gang: volgende periode in duo's plannen."
for item in retro-ambitie delen standaard vooruitblik nieuw-thema; do
	"$beter" -q phase check "$item" --school --date 2026-10-15
done
"$beter" -q phase next --school --date 2026-10-15 \
	--went-well "De teams deelden hun successen; twee standaarden voor de leesles." \
	--improve "De TIV eerder laten beginnen aan de datamuur van het volgende thema."

"$beter" -q phase start leskwaliteit --team "Team Bovenbouw" --date 2026-09-01
for item in beelden mt-bezoeken ingredienten kader; do
	"$beter" -q phase check "$item" --team "Team Bovenbouw" --date 2026-09-25
done
"$beter" -q phase next --team "Team Bovenbouw" --date 2026-09-28 \
	--went-well "Het kader is kort en bruikbaar." \
	--improve "Leraren eerder laten meelezen."
"$beter" -q phase check teambijeenkomst --team "Team Bovenbouw" --date 2026-10-08
"$beter" -q phase check werken-met-kader --team "Team Bovenbouw" --date 2026-10-08
