# Excel the Dutch way, reading: .xlsx workbooks for every import (first sheet
# or --sheet), Windows-1252 CSV, ';;;' rows, Dutch headers; and what a broken
# or hostile workbook gets (exit 65, nothing written). Workbooks are made here
# with openpyxl (Debian's python3), or zipped by hand for what openpyxl does
# not write.
PY=/usr/bin/python3

# mkzip.py OUT NAME=FILE...: a zip of the given parts (deflated)
cat >mkzip.py <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for a in sys.argv[2:]:
        name, path = a.split('=', 1)
        z.writestr(name, open(path, 'rb').read())
EOF
# a workbook by hand: the sheet's XML in sheet.xml, optional extra parts
cat >workbook.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Rooster" sheetId="1" r:id="rId1"/></sheets></workbook>
EOF
cat >rels.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
EOF
cat >styles.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="d-m-jjjj"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="2"/></cellXfs></styleSheet>
EOF
handmade() { # OUT SHEETXML
	$PY mkzip.py "$1" xl/workbook.xml=workbook.xml xl/_rels/workbook.xml.rels=rels.xml \
		xl/styles.xml=styles.xml xl/worksheets/sheet1.xml="$2"
}

quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po

note "a roster as .xlsx: Dutch headers, voornaam/tussenvoegsel/achternaam, empty cells and rows"
$PY - <<'EOF'
import datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Personeel"
ws.append(["Afkorting", "Voornaam", "Tussenvoegsel", "Achternaam", "E-mail", "Rol", "Team", "In dienst", "Uren"])
ws.append(["JDV", "Jan", "de", "Vries", "jan@school.example", "leraar", "Team Bovenbouw|MT", datetime.date(2019, 8, 1), 24])
ws.append(["kb", "Kees", None, "Bos", None, "Intern begeleider", None, datetime.date(2020, 1, 6), 12.5])
ws.append([None] * 9)
ws.append(["ZVE", "Zoë", "van der", "Élan", None, "leerkracht", "Team Bovenbouw", None, None])
for r in range(7, 12):
    ws.cell(row=r, column=1, value=None)
ws.cell(row=12, column=12, value="")
wb.create_sheet("Leerlingen").append(["naam", "groep"])
wb.save("rooster.xlsx")
EOF
run beter person import rooster.xlsx
run beter person list
run beter person import rooster.xlsx

note "--sheet: by name in any case; a sheet that is not there lists the sheets"
$PY - <<'EOF'
import openpyxl
wb = openpyxl.Workbook()
wb.active.title = "Uitleg"
wb.active.append(["Vul het tweede blad in."])
ws = wb.create_sheet("Blad 2")
ws.append(["code", "naam", "rol"])
ws.append(["MB", "Mila Bos", "schoolleider"])
wb.save("twee.xlsx")
EOF
before=$(store_digest)
run beter person import twee.xlsx
run beter person import twee.xlsx --sheet Rooster
[ "$(store_digest)" = "$before" ] && echo "store unchanged"
run beter person import twee.xlsx --sheet "blad 2"
printf 'code,naam,rol\nMB,Mila Bos,schoolleider\n' >rooster.csv
run beter person import rooster.csv --sheet Blad1

note "a bad cell names the sheet's row, the column's letter and its header"
$PY - <<'EOF'
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["Afkorting", "Naam", "Rol"])
ws.append(["AB", "Anna Bakker", "leraar"])
ws.append(["CD", "Carla Dekker", "conciërge"])
wb.save("fout.xlsx")
EOF
before=$(store_digest)
run beter person import fout.xlsx
[ "$(store_digest)" = "$before" ] && echo "store unchanged"

note "cells as a CSV export holds them: numbers, dates, inline and rich text, booleans, no r attributes"
cat >cells.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>naam</t></is></c><c r="C1" t="inlineStr"><is><t>rol</t></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>N1</t></is></c><c r="B3"><v>12.0</v></c><c r="C3" t="inlineStr"><is><t>leraar</t></is></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>N2</t></is></c><c r="B4" s="1"><v>43678</v></c><c r="C4" t="inlineStr"><is><t>leraar</t></is></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><t>N3</t></is></c><c r="B5" s="2"><v>43832.354166666664</v></c><c r="C5" t="inlineStr"><is><t>leraar</t></is></c></row>
<row r="6"><c r="A6" t="inlineStr"><is><t>N4</t></is></c><c r="B6" t="inlineStr"><is><r><t>Rijk </t></r><r><rPr><b/></rPr><t>opgemaakt</t></r><rPh><t>x</t></rPh></is></c><c r="C6" t="inlineStr"><is><t>leraar</t></is></c></row>
<row><c t="inlineStr"><is><t>N5</t></is></c><c t="b"><v>1</v></c><c t="inlineStr"><is><t>leraar</t></is></c></row>
<row><c t="inlineStr"><is><t>N6</t></is></c><c t="str"><f>A1&amp;"!"</f><v>code!</v></c><c t="inlineStr"><is><t>leraar</t></is></c></row>
<row><c t="inlineStr"><is><t>N7</t></is></c><c s="3"><v>0.30000000000000004</v></c><c t="inlineStr"><is><t>leraar</t></is></c></row>
<row r="12"><c r="A12" t="inlineStr"><is><t>N8</t></is></c><c r="B12" t="inlineStr"><is><t>Acht</t></is></c><c r="C12" t="inlineStr"><is><t>leraar</t></is></c><c r="E12" t="inlineStr"><is><t></t></is></c></row>
</sheetData></worksheet>
EOF
handmade cells.xlsx cells.xml
run beter person import cells.xlsx
run beter --csv person list --role leraar
run beter person import - <cells.xlsx
run sh -c 'cat cells.xlsx | beter person import -'
# a missing cell is an empty field: here the name
sed 's|<c r="B12" t="inlineStr"><is><t>Acht</t></is></c>||; s|N8|N9|' cells.xml >gap.xml
handmade gap.xlsx gap.xml
run beter person import gap.xlsx
# a value right of the header's columns
sed 's|<c r="E12" t="inlineStr"><is><t></t></is></c>|<c r="E12"><v>5</v></c>|' cells.xml >wide.xml
handmade wide.xlsx wide.xml
run beter person import wide.xlsx

note "Excel's CSV: Windows-1252, ';' and trailing ';;;' rows"
printf 'Afkorting;Naam;Rol;Team;;\r\nEL;Ell\xebn Jansen;leraar;;;\r\nRV;Ren\xe9e Visser;ib;Team Bovenbouw;;\r\n;;;;;\r\n;;;;;\r\n' >export-uit-excel.csv
run beter person import export-uit-excel.csv
run beter person list --team "Team Bovenbouw"
run sh -c 'cat export-uit-excel.csv | beter person import -'

note "a Forms export as .xlsx imports as the same CSV does"
run beter survey add --instrument cultuursurvey --wave 0-meting
run beter survey add --instrument cultuursurvey --wave november
$PY - <<'EOF'
import csv, datetime, json, os, openpyxl
inst = json.load(open(os.environ['SHARE'] + '/instruments/cultuursurvey.json'))
labels = inst['likert'][0]['labels']
head = ['Id', 'Begintijd', 'Tijd van voltooien', 'E-mail', 'Naam', inst['team_question']]
head += [it['text'] for it in inst['items']] + ['Nog een vraag']
rows = []
for n in range(1, 41):
    start = datetime.datetime(2026, 9, 7, 8, n, 0)
    row = [n, start, start + datetime.timedelta(seconds=40), 'collega%d@school.example' % n, 'Collega %d' % n,
           'Team Bovenbouw']
    for j, it in enumerate(inst['items']):
        if it.get('type') == 'text':
            row.append('Meer tijd om samen\nlessen te maken' if n % 3 == 0 else None)
        elif (n + j) % 5 == 0:
            row.append((n + j) % 5 + 1)          # a number in the scale, as a number cell
        else:
            row.append(labels[(n * 7 + j * 3) % 5])
    rows.append(row + ['antwoord %d' % n])
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Form1"
ws.append(head)
for r in rows:
    ws.append(r)
for _ in range(3):
    ws.append([None] * len(head))
wb.save("Cultuursurvey(1-40).xlsx")
def text(v):
    if v is None: return ''
    if isinstance(v, datetime.datetime): return v.strftime('%Y-%m-%d %H:%M:%S')
    return str(v)
with open('cultuursurvey.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, delimiter=';')
    w.writerow(head)
    for r in rows:
        w.writerow([text(v) for v in r])
EOF
run beter survey import 1 cultuursurvey.csv
run beter survey import 1 "Cultuursurvey(1-40).xlsx"
run beter survey import 2 "Cultuursurvey(1-40).xlsx"
# the same figures, but for the survey's number and wave
beter --csv survey report 1 --by item | cut -d, -f1,3,5- >r1.csv
beter --csv survey report 2 --by item | cut -d, -f1,3,5- >r2.csv
if cmp -s r1.csv r2.csv; then
	echo "the reports of the CSV and the .xlsx import are the same: $(grep -c '^results,' r1.csv) items"
	grep -c '^results,.*,[1-5]\.[0-9][0-9],' r1.csv | sed 's/^/items with a mean: /'
else
	diff r1.csv r2.csv
fi
run beter survey import 2 "Cultuursurvey(1-40).xlsx" --sheet Blad9

note "a framework as .xlsx (a sheet by name) and as Windows-1252 CSV"
$PY - <<'EOF'
import openpyxl
wb = openpyxl.Workbook()
wb.active.title = "Toelichting"
wb.active.append(["Gebruik het blad Items."])
ws = wb.create_sheet("Items")
ws.append(["domein", "code", "omschrijving"])
ws.append(["Klimaat", "k.1", "De leraar zorgt voor een veilige sfeer"])
ws.append(["Klimaat", "k.2", "De leraar stimuleert zelfvertrouwen"])
wb.save("kijkwijzer.xlsx")
EOF
run beter --quiet visit framework import kijkwijzer.xlsx --sheet Items
run beter --csv visit framework show kijkwijzer
printf 'domein;code;omschrijving;;\r\nDidactiek;d.1;Geeft een duidelijke uitleg \x96 ook bij \x93lastige\x94 stof;;\r\n;;;;\r\n' >kader.csv
run sh -c 'beter visit framework import kader.csv >/dev/null'
run beter --csv visit framework show kader

note "broken and hostile workbooks: exit 65, nothing written"
before=$(store_digest)
head -c 900 rooster.xlsx >kapot.xlsx
run beter person import kapot.xlsx
printf 'code;naam;rol\nAB;Anna;leraar\n' >tekst.xlsx
run beter person import tekst.xlsx
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1oud' >oud.xls
run beter person import oud.xls
printf 'PK\003\004 no zip at all' >nep.csv
run beter person import nep.csv
$PY mkzip.py leeg.xlsx readme.txt=mkzip.py
run beter person import leeg.xlsx
# a zip bomb: 16 MB of sheet XML packed into some kilobytes
$PY - <<'EOF'
import zipfile
with zipfile.ZipFile('bom.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.write('workbook.xml', 'xl/workbook.xml')
    z.write('rels.xml', 'xl/_rels/workbook.xml.rels')
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + ' ' * (16 << 20) + '</sheetData></worksheet>')
EOF
echo "bom.xlsx: $(wc -c <bom.xlsx | awk '{print ($1 < 100000)}') (1: under 100 kB)"
run beter person import bom.xlsx
# the same bomb declaring a small size: what is really unpacked is counted
$PY - <<'EOF'
import struct
data = bytearray(open('bom.xlsx', 'rb').read())
name = b'xl/worksheets/sheet1.xml'
for sig, off in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
    at = 0
    while (at := data.find(sig, at)) >= 0:
        n = struct.unpack_from('<H', data, at + (26 if sig == b'PK\x03\x04' else 28))[0]
        start = at + (30 if sig == b'PK\x03\x04' else 46)
        if data[start:start + n] == name:
            struct.pack_into('<I', data, at + off, 100000)
        at += 4
open('bom2.xlsx', 'wb').write(data)
EOF
run beter person import bom2.xlsx
# a shared-string table past its cap (stored, not packed: no bomb, just big)
$PY - <<'EOF'
import zipfile
si = '<si><t>' + 'a' * (256 << 10) + '</t></si>'
with zipfile.ZipFile('strings.xlsx', 'w', zipfile.ZIP_STORED) as z:
    z.write('workbook.xml', 'xl/workbook.xml')
    z.write('rels.xml', 'xl/_rels/workbook.xml.rels')
    z.writestr('xl/sharedStrings.xml', '<sst>' + si * 260 + '</sst>')
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>')
EOF
run beter person import strings.xlsx
rm -f strings.xlsx
# billion laughs: entities in a DTD are refused before they are expanded
cat >laughs.xml <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<worksheet><sheetData><row><c t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>
EOF
handmade laughs.xlsx laughs.xml
run beter person import laughs.xlsx
cat >external.xml <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
<worksheet><sheetData><row><c t="inlineStr"><is><t>&ext;</t></is></c></row></sheetData></worksheet>
EOF
handmade external.xlsx external.xml
run beter person import external.xlsx
printf '<worksheet><sheetData><row><c t="s"><v>7</v></c></row></sheetData></worksheet>' >badref.xml
handmade badref.xlsx badref.xml
run beter person import badref.xlsx
printf '<worksheet><sheetData><row><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData></worksheet>' >order.xml
handmade order.xlsx order.xml
run beter person import order.xlsx
printf '<worksheet><sheetData><row><c r="A1"><v>1</v></c>' >cut.xml
handmade cut.xlsx cut.xml
run beter person import cut.xlsx
[ "$(store_digest)" = "$before" ] && echo "after all of it: the store unchanged"
