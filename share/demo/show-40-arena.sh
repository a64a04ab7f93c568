# Showcase: the leerlingarena of Team Bovenbouw, the three top 3s side by side.
# Sourced by run.sh with $beter and BETER_DB set.
arena=$("$beter" --csv arena list --team "Team Bovenbouw" | awk -F, '$5 == "goede uitleg" { print $1; exit }')
echo "== leerlingarena 'goede uitleg' (Team Bovenbouw): top 3s of leerlingen, leraren and mt"
"$beter" -q arena compare "$arena"
