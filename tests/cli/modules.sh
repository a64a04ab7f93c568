# the loadable modules (beter-ics, beter-xlsxin, beter-xlsxout): loaded only
# by the commands that need them; one missing or broken is an I/O error
# (74) naming the file, and nothing is written

built=$(dirname "$(readlink -f "$(command -v beter)")")
# pg_module DIR: on a PostgreSQL store (BETER_TEST_PG) every command needs the
# module beter-pg, which therefore stays in each module directory tried here
pg_module() {
	[ -z "${BETER_TEST_PG:-}" ] || { mkdir -p "$1" && ln -sf "$built/beter-pg.so" "$1/"; }
}
run beter init --school "IKC De Vlinderboom" --region midden
cp "$SHARE/calendar/schoolvakanties-2026-2027.ics" .
printf 'code,name,role,team\nBC,Bo Coach,schoolcoach,Team Bovenbouw\n' >r.csv
/usr/bin/python3 -c 'import openpyxl
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["code", "name", "role", "team"]); ws.append(["AA", "Anna A", "leraar", "Team Bovenbouw"])
wb.save("r.xlsx")'

note without the modules, commands that do not need them work
export BETER_MODULE_DIR=$TMP/none
pg_module "$BETER_MODULE_DIR"
run beter --version
run beter person import r.csv
run beter person list
run beter calendar list --year 2026-2027

note the ones that need a missing module say which, and write nothing
before=$(store_digest)
run beter calendar import schoolvakanties-2026-2027.ics
run beter calendar export
run beter person import r.xlsx
run beter person list --format xlsx --out people.xlsx
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
# the files written here (the store's own files, on SQLite: sqlitefile.sh)
ls -I 'test.db*'

note a broken module, and one without the entry point
mkdir -p "$TMP/broken"
export BETER_MODULE_DIR=$TMP/broken
pg_module "$BETER_MODULE_DIR"
: >"$TMP/broken/beter-ics.so"
run beter calendar import schoolvakanties-2026-2027.ics
cp "$built/beter-xlsxout.so" "$TMP/broken/beter-xlsxin.so"
run beter person import r.xlsx

note with the modules there, all of it works
export BETER_MODULE_DIR=$built
run beter calendar import schoolvakanties-2026-2027.ics
run beter person import r.xlsx
run beter person list --format xlsx --out people.xlsx
unset BETER_MODULE_DIR
beter calendar export | grep -c BEGIN:VEVENT
ls -I 'test.db*'
