# --format xlsx: a real workbook (libxlsxwriter) with typed cells, a frozen
# header row and an autofilter, one worksheet per section; read back with
# openpyxl (Debian's python3)

quiet beter init --school "OBS De Regenboog"
printf 'code,name,role,team\nBC,Bo Coach,schoolcoach,Team Bovenbouw\nAA,Anna A,leraar,Team Bovenbouw\nEQ,=1+2,leraar,Team Onderbouw\n' >r.csv
quiet beter person import r.csv
quiet beter goal add --team "Team Bovenbouw" --text "Kern navertellen" --pupils "groep 7" --weeks 6 --norm 8 --baseline 5 --date 2026-09-07
quiet beter goal measure 1 --score 5.5 --date 2026-09-21
quiet beter goal add --team "Team Bovenbouw" --text "Opruimen" --weeks 4 --norm 7.5 --baseline 6 --date 2026-10-05
quiet beter board set --team "Team Bovenbouw" --ambition "Iedereen leest" --date 2026-09-01
quiet beter board success add --team "Team Bovenbouw" "Groep 7 vat samen" --goal 1 --date 2026-10-02
quiet beter visit add --observer BC --teacher AA --date 2026-11-10
quiet beter visit record 1 --seen "Elke leerling schreef." --effect "Iedereen deed mee." --date 2026-11-10

# show a workbook: per sheet its name, frozen panes, filter, then every row
# with each cell's Python type
show() {
	/usr/bin/python3 - "$1" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print("sheet %r: freeze %s, filter %s, %d rows" % (ws.title, ws.freeze_panes, ws.auto_filter.ref, ws.max_row))
    for row in ws.iter_rows():
        print("  " + " | ".join("%s:%r" % (type(c.value).__name__, c.value) for c in row))
PY
}
# what a directory holds, hidden files too
files() { ls -A "${1:-.}" | grep -v '^test.db' | tr '\n' ' '; echo; }

note the invocation of the issue
run beter --format xlsx --out doelen.xlsx goal list --team "Team Bovenbouw"
show doelen.xlsx
/usr/bin/python3 - doelen.xlsx <<'PY'
import sys, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
head = [c.value for c in ws[1]]
row = dict(zip(head, [c.value for c in ws[2]]))
print("id is int:", type(row["id"]) is int, "| latest is float:", type(row["latest"]) is float,
      "| added is a date:", isinstance(row["added"], datetime.datetime), "| added shown as",
      ws.cell(2, head.index("added") + 1).number_format)
print("widths:", {k: round(v.width) for k, v in sorted(ws.column_dimensions.items())})
PY

note the global options after the command, a record, booleans
run beter goal show 1 --format xlsx --out goal.xlsx
/usr/bin/python3 -c 'import openpyxl; print([ws.title for ws in openpyxl.load_workbook("goal.xlsx").worksheets])'
run beter visit coverage --team "Team Bovenbouw" --format=xlsx --out coverage.xlsx
show coverage.xlsx
run beter person list --format xlsx --out people.xlsx
/usr/bin/python3 -c '
import openpyxl
ws = openpyxl.load_workbook("people.xlsx").active
c = [r for r in ws.iter_rows() if r[1].value == "EQ"][0][2]
print("a name that looks like a formula is text:", c.data_type, repr(c.value))'

note a document: one worksheet per section
run beter --format xlsx --out bord.xlsx board show --team "Team Bovenbouw"
show bord.xlsx
run beter --format xlsx --out team.xlsx team show "Team Bovenbouw"
/usr/bin/python3 -c 'import openpyxl; print([ws.title for ws in openpyxl.load_workbook("team.xlsx").worksheets])'

note to stdout when it is not a terminal
beter --format xlsx goal progress 1 >progress.xlsx
echo "exit $?"
show progress.xlsx
beter --format xlsx goal progress 1 | /usr/bin/python3 -c 'import io, sys, openpyxl; print("from a pipe:", openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read())).active["C3"].value)'

note csv, json and the table are what they were
run beter goal progress 1 --csv
run beter goal list --team "Team Bovenbouw" --json

note bad cases leave nothing behind
mkdir out
echo "old" >out/kept.xlsx
/usr/bin/python3 - <<'PY'
import os, pty, subprocess
# on a terminal, --format xlsx needs --out
m, s = pty.openpty()
r = subprocess.run(["beter", "--format", "xlsx", "goal", "list"], stdout=s, stderr=subprocess.PIPE)
os.close(s)
os.close(m)
print("on a terminal: exit", r.returncode, "|", r.stderr.decode().strip())
PY
run beter --format xlsx --out out/none.xlsx goal list --team "Team Zonder"
run beter --format xlsx --out out/kept.xlsx goal list --team "Team Zonder"
run beter --format xlsx --out out/missing/x.xlsx goal list
run beter --format xlsx --out r.csv/x.xlsx goal list
run beter --format xlsx --out "" goal list
run beter --out out/x.xlsx goal list
run beter --format xlsx --out out/x.xlsx goal list --team
before=$(store_digest)
run beter -q --format xlsx --out out/add.xlsx person add ZZ --name "Zoë Z" --role leraar
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
echo "out/ holds: $(files out)"
cat out/kept.xlsx

note html and md only where a command renders them
run beter --format html goal list
run beter goal list --format md
run beter --format pdf goal list
