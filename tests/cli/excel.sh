# CSV for spreadsheets (--excel): ';', a BOM and formula cells neutralised;
# plain --csv stays exact

quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter person add EQ --name "=HYPERLINK(\"http://x\";\"klik\")" --role leraar
quiet beter person add PL --name "+31 6 1234" --role leraar
quiet beter person add MI --name "-2+3" --role leraar
quiet beter person add AT --name "@SUM(A1)" --role leraar
quiet beter person add SC --name "de Vries; Jan" --role leraar
quiet beter person add NL --name "Eé Ëlsa" --role leraar

note --excel
run beter --excel person list
beter --excel person list >excel.csv
echo "first bytes:"
head -c 3 excel.csv | od -An -tx1
echo "separator: $(sed -n 2p excel.csv | tr -cd ';' | wc -c) semicolons on a row"
echo "cells that start a formula:"
tail -n +2 excel.csv | tr ';' '\n' | grep -c '^[=+@-]' || true

note plain --csv stays exact for pipes
run beter --csv person list
beter --csv person list >plain.csv
head -c 3 plain.csv | od -An -tx1
python3 - plain.csv <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
print("names read back:", [r["name"] for r in rows])
PY
run beter --excel --json person list
run beter --excel team list

note decimal commas and ja/nee for a Dutch spreadsheet
printf 'code,name,role,team\nBC,Bo Coach,schoolcoach,Team Bovenbouw\nAA,Anna A,leraar,Team Bovenbouw\n' >bb.csv
quiet beter person import bb.csv
quiet beter goal add --team "Team Bovenbouw" --text "Kern navertellen" --pupils "groep 7" --weeks 6 --norm 8 --baseline 5 --date 2026-09-07
quiet beter goal measure 1 --score 5.5 --date 2026-09-21
quiet beter goal measure 1 --score 7.25 --date 2026-10-05
quiet beter visit add --observer BC --teacher AA --date 2026-11-10
quiet beter visit record 1 --seen "Elke leerling schreef." --effect "Iedereen deed mee." --date 2026-11-10
quiet beter visit feedback 1 --date 2026-11-12 --agreed "Zo doorgaan."
run beter --excel goal progress 1
run beter goal progress 1 --excel
run beter --excel visit coverage --team "Team Bovenbouw"
note --excel --tsv is for a spreadsheet too, csv, json and the table stay exact
run beter --excel --tsv goal progress 1
run beter --csv goal progress 1
run beter --csv visit coverage --team "Team Bovenbouw"
run beter --excel --json goal progress 1
run beter goal progress 1
