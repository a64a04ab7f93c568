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
