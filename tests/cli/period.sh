# the improvement period: jaarbord themes, the TIV, the datamuur and its import

run beter init --school "IKC De Vlinderboom" --brin 12AB --sector po
quiet beter person add AB --name "Anna Bakker" --role leraar
quiet beter person add CD --name "Chris Dekker" --role leraar
quiet beter person add EF --name "Eva Frans" --role leraar
quiet beter team add "leerKRACHT-team" --kind leerkracht
quiet beter team add "TIV Lezen" --kind tiv
quiet beter team add "Team Bovenbouw"
quiet beter team member add "leerKRACHT-team" AB
quiet beter team member add "TIV Lezen" CD EF

note a TIV without a member of the leerKRACHT-team, then with fewer than three members, then right
run beter team list
quiet beter team member add "TIV Lezen" AB --role lid
quiet beter team member rm "TIV Lezen" EF
run beter team list
quiet beter team member add "TIV Lezen" EF
run beter --csv team list

note a period with its TIV, a candidate theme without dates
run beter period add --theme "Begrijpend lezen" --from 2026-08-31 --to 2026-10-16 --tiv "TIV Lezen"
run beter period add --theme "Rekenen in de context"
run beter period add --theme "Eigenaarschap" --from 2026-11-02 --to 2026-12-18
run beter period list
run beter --json period list
run beter --csv period list
run beter period show 1
run beter --json period show 2

note periods do not overlap, a TIV is of kind tiv, bad input
run beter period add --theme "Spelling" --from 2026-10-12 --to 2026-11-06
run beter period add --theme "Spelling" --from 2027-01-11 --to 2027-02-19 --tiv "Team Bovenbouw"
run beter period add --theme "Spelling" --from 2027-01-11 --tiv "TIV Lezen"
run beter period add --theme "Spelling" --from 2027-02-19 --to 2027-01-11
run beter period add --theme "   "
run beter period add --from 2027-01-11 --to 2027-02-19
run beter period add --theme "Spelling" --from 2027-02-30 --to 2027-03-19
run beter period add --theme "Spelling" --tiv "TIV Rekenen"
run beter period show 9
run beter period show x
run beter period list

note the datamuur by hand: values per group against norm and previous value, notes
run beter wall add 1 --indicator "Begrijpend lezen M" --group "groep 7" --value 58 --norm 65 --unit % --source "Cito LOVS" --date 2026-02-01
run beter wall add 1 --indicator "Begrijpend lezen M" --group "groep 6" --value 71 --norm 65 --unit % --source "Cito LOVS" --date 2026-02-01 --previous 66
run beter wall note 1 "Hardop denkend voordoen helpt zwakke lezers" --source "NRO leidraad begrijpend lezen"
run beter wall note 1 "Hardop denkend voordoen helpt zwakke lezers" --source "NRO leidraad begrijpend lezen"
run beter wall show 1
run beter --json wall show 1
run beter --csv wall show 1
run beter wall add 1 --indicator "Begrijpend lezen M" --group "groep 7" --value 120 --unit %
run beter wall add 1 --indicator "Begrijpend lezen M" --group "groep 7" --value 50 --norm -3 --unit %
run beter wall add 1 --indicator "Begrijpend lezen M" --group "groep 7"
run beter wall add 1 --indicator "Begrijpend lezen M" --group "groep 7" --value veel
run beter wall add 7 --indicator "Begrijpend lezen M" --group "groep 7" --value 50
run beter wall note 1 ""

note a group-level export: percentages per level, the mean, a BOM, semicolons and CRLF, twice changes nothing
printf '\357\273\277groep;toets;moment;I;II;III;IV;V;gemiddelde\r\ngroep 6;Begrijpend lezen;M;20;25;30;15;10;41,5\r\ngroep 7;Begrijpend lezen;M;10%%;20%%;28%%;22%%;20%%;38,2\r\n' >lovs-groepen.csv
run beter wall import 1 lovs-groepen.csv --date 2026-02-01
before=$(store_digest)
run beter wall import 1 lovs-groepen.csv --date 2026-02-01
[ "$before" = "$(store_digest)" ] && echo "store unchanged by the second import"
run beter wall show 1

note counts per level A-E with aantal become shares, a small group is left out
printf 'groep,toets,moment,A,B,C,D,E,aantal\ngroep 8,Rekenen-Wiskunde,E,6,8,7,3,2,26\ngroep 3,Rekenen-Wiskunde,E,1,1,1,0,0,3\n' >rekenen.csv
run beter wall import 1 rekenen.csv
run beter --csv wall show 1

note a per-pupil export is aggregated to its groups, no pupil enters the store
{
	echo "leerlingnummer;naam;groep;toets;moment;niveau;score"
	for i in 1 2 3 4 5 6; do echo "LLN47$i;Pupilname$i Zwartjes;groep 5;Spelling;M;I;$((40 + i))"; done
	echo "LLN477;Pupilname7 Zwartjes;groep 5;Spelling;M;III;30"
	for i in 1 2 3; do echo "LLN48$i;Tinyname$i Klein;groep 4;Spelling;M;II;35"; done
} >leerlingen.csv
run beter wall import 1 leerlingen.csv
run beter --json wall show 1
# the shares with their one decimal (as SQLite prints a real), each stored rounded to it
sqlite3 "$BETER_DB" "SELECT grp, indicator, measure, printf('%.1f', value), n FROM wall_value WHERE indicator LIKE 'Spelling%' ORDER BY grp, measure"
[ "$(sqlite3 "$BETER_DB" "SELECT count(*) FROM wall_value WHERE indicator LIKE 'Spelling%' AND value <> round(value, 1)")" = 0 ] ||
	echo "a share is stored with more than one decimal"
if store_bytes | strings | grep -E 'Pupilname|Tinyname|Zwartjes|Klein|LLN4' >/dev/null; then
	echo "a pupil is in the store"
else
	echo "no pupil name or number in the store file"
fi
before=$(store_digest)
run beter wall import 1 leerlingen.csv
[ "$before" = "$(store_digest)" ] && echo "store unchanged by the second import"

note bad files: file:line:column, nothing written
before=$(store_digest)
printf 'groep;toets;I;II;III;IV;V\ngroep 6;Lezen;20;25;130%%;15;10\n' >pct.csv
run beter wall import 1 pct.csv
printf 'groep;toets;I;II;III;IV;V\ngroep 6;Lezen;20,5;25;130;15;10\n' >over.csv
run beter wall import 1 over.csv
printf 'groep;toets;I;II;III\ngroep 6;Lezen;6;8;77777777777777777777777\n' >huge.csv
run beter wall import 1 huge.csv
printf 'groep;toets;klas2;I\ngroep 6;Lezen;x;20\n' >unknown.csv
run beter wall import 1 unknown.csv
printf 'toets;I\nLezen;20\n' >nogroup.csv
run beter wall import 1 nogroup.csv
printf 'naam;groep;toets;niveau\nPupilA;groep 1;Lezen;I\nPupilB;groep 1;Lezen;II\nPupilC;groep 2;Lezen;I\n' >tiny.csv
run beter wall import 1 tiny.csv
printf 'leerling;groep;toets;niveau\nPupilA;groep 1;Lezen;VI\n' >level.csv
run beter wall import 1 level.csv
printf 'groep;toets;gemiddelde\ngroep 6;Lezen;veertig\n' >mean.csv
run beter wall import 1 mean.csv
printf 'groep;toets;gemiddelde\ngroep 6;Lezen;40\ngroep 6;Lezen;41\n' >twice.csv
run beter wall import 1 twice.csv
: >empty.csv
run beter wall import 1 empty.csv
run beter wall import 1 missing.csv
[ "$before" = "$(store_digest)" ] && echo "store unchanged by the bad files"

note the same export as a workbook
/usr/bin/python3 - <<'PY'
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["groep", "toets", "moment", "gemiddelde"])
ws.append(["groep 6", "Technisch lezen", "B", 52.5])
wb.save("dmt.xlsx")
PY
run beter wall import 3 dmt.xlsx
run beter --csv wall show 3

note retrospectives per team, the check on the ambition
quiet beter goal add --team "Team Bovenbouw" --text "Leerlingen vatten een tekst samen" --weeks 6 --norm 8 --baseline 5 --date 2026-09-07
run beter period retro 1 --team "Team Bovenbouw" --went-well "Elke les hardop voordoen" --improve "Meer oefentijd" --goal-reached deels --ambition "Nog steeds herkenbaar" --date 2026-10-12
run beter period retro 1 --team "Team Bovenbouw" --went-well "Elke les hardop voordoen" --improve "Meer oefentijd" --goal-reached ja --ambition "Nog steeds herkenbaar" --date 2026-10-13
run beter period retro 1 --team "TIV Lezen" --goal-reached nee
run beter period retro 1 --team "Team Bovenbouw" --goal-reached misschien
run beter period retro 1 --goal-reached ja
run beter period retro 1 --team "Team Onderbouw" --goal-reached ja

note the verbindingssessie closes the period and opens the next
run beter period connect 1 --date 2026-08-01 --next 2
run beter period connect 1 --date 2026-10-15 --success "Leesplezier groep 7" --next 2
run beter period connect 1 --date 2026-10-15 --success "Leesplezier groep 7" --next 3 --next-from 2027-01-04 --next-to 2027-02-12
run beter period connect 1 --date 2026-10-15 --standard 9="x"
run beter period connect 1 --success "x"
run beter period connect 2 --date 2026-10-15
run beter period connect 1 --date 2026-10-15 --success "Leesplezier groep 7" --success "Samen voorbereiden" --standard 1="Elke leesles begint met hardop voordoen" --story "Na de kerst: rekenen in de context" --next 2 --next-from 2027-01-04 --next-to 2027-02-12
run beter period connect 1 --date 2026-10-16
run beter --json period show 1
run beter period list
run beter period connect 2 --date 2027-02-10 --next 1

note goals and arenas of a period: those of its dates
quiet beter goal add --team "Team Bovenbouw" --text "Leerlingen rekenen in contexten" --weeks 6 --norm 8 --baseline 5 --date 2026-11-09
quiet beter arena add --team "Team Bovenbouw" --theme "begrijpend lezen" --date 2026-09-10 --group "groep 7/8"
quiet beter arena add --school --theme "eigenaarschap" --date 2026-11-05
run beter goal list --period 1
run beter --csv goal list --period 3
run beter goal list --period 2
run beter goal list --period 8
run beter arena list --period 1
run beter --json arena list --period 3
run beter arena list --period nul

note export and import: the periods, the datamuur, retrospectives and standards go along, by uid
beter export >all.json
run beter --db copy.db import all.json
beter --db copy.db export >copy.json
cmp -s all.json copy.json && echo "the copy exports the same document"
run beter import all.json
