# board show --format html: the verbeterbord as one page for the digibord; the
# global --format html|md and --out; --school with spaces in every command

. "$TESTS/html/typical-board.sh"
cp "$TESTS/htmlcheck.py" .
t="Team Bovenbouw"
text() { /usr/bin/python3 "$TESTS/html/boardtext.py" "$1"; }

note the page: every section of the board of the book in its column, in its order
beter board show --team "$t" --format html >bord.html; echo "[exit $?]"
run python3 htmlcheck.py bord.html
text bord.html
grep -c '<svg' bord.html | sed 's/^/charts: /'
grep -ci '<script\|<link\|<img\|<iframe\|@import\|url(' bord.html | sed 's/^/scripts or outside resources: /'
grep -o 'https\?://[^"]*' bord.html | sort | uniq -c
grep -o '@page{[^}]*}' bord.html
grep -o '<html lang="[a-z]*">' bord.html

note in Dutch: the words of the book, with BETER_LANG=nl
BETER_LANG=nl beter board show --team "$t" --format html >bord-nl.html
text bord-nl.html | grep -v '^  item:'
grep -o '<html lang="[a-z]*">' bord-nl.html

note --out FILE, and the global options before the command: the same page
run beter board show --team "$t" --format html --out bord-out.html
run beter --format html --out bord-glob.html board show --team "$t"
run beter board show --team "$t" --out bord-only.html
cmp bord.html bord-out.html && cmp bord.html bord-glob.html && cmp bord.html bord-only.html && echo "the same page"
ls -l bord-out.html | cut -c1-10

note as it stood in an earlier week, and an empty board with a hint in every box
run beter board show --team "$t" --week 2026-W41 --format html --out w41.html
text w41.html | grep -v '^  chart:\|^  figs:'
quiet beter team add "Team Leeg"
run beter board show --team "Team Leeg" --format html --out leeg.html
text leeg.html | grep 'hint:'

note text from the store is escaped
quiet beter board park add --team "$t" '<script>alert("x")</script> & "meer"' --date 2026-11-19
beter board show --team "$t" --format html | grep -o '<li>&lt;script[^<]*</li>'

note refused: md, --out with another format, html or --out elsewhere, and errors
run beter board show --team "$t" --format md
run beter board show --team "$t" --json --out x.html
run beter board show --team "$t" --format html --out ''
run beter board show --team "Team Z" --format html
run beter board show --format html
run beter --format html team list
run beter person list --out x.html
run beter board show --team "$t" --format html --out /nonexistent/dir/bord.html
ls x.html 2>/dev/null || echo "no x.html written"

note report: the global --format html, md or json and --out, and its own spelling
run beter --format html report --out voortgang.html --now 2026-11-20
run python3 htmlcheck.py voortgang.html
run beter -q --format html --out voortgang2.html report --now 2026-11-20
cmp voortgang.html voortgang2.html && echo "the same report"
beter report --format md --now 2026-11-20 >own.md
beter --format md report --now 2026-11-20 >glob.md
cmp own.md glob.md && echo "--format md: the same either way"
head -n 3 glob.md
beter --json report --now 2026-11-20 | head -c 40; echo
run beter --csv report --now 2026-11-20

note --school with a name with spaces, in every command
quiet beter school add "OBS De Regenboog" --brin 12AB --sector po
run beter report --school "IKC De Vlinderboom" --format md --now 2026-11-20 --quiet --out school.md
head -n 3 school.md
run beter report --school "OBS De Regenboog" --format md --now 2026-11-20 --out other.md
head -n 3 other.md && grep -c Vlinderboom other.md
run beter report --school "Geen School" --format md --now 2026-11-20
run beter report --team "$t" --school "IKC De Vlinderboom" --format md --now 2026-11-20
run beter survey add --instrument cultuursurvey --wave november --school "IKC De Vlinderboom" --opens 2026-11-02 --closes 2026-11-13
run beter survey list --school "IKC De Vlinderboom"
run beter phase start --school "IKC De Vlinderboom" leerkracht --date 2026-09-01
run beter phase status --school "IKC De Vlinderboom"
run beter phase start vo-6-stappen --school "OBS De Regenboog" --date 2026-09-01
run beter arena add --school "OBS De Regenboog" --theme "rust in de school" --date 2026-09-15
run beter arena list --school "OBS De Regenboog"
run beter phase start leerkracht --school
run beter phase start leerkracht extra --school "IKC De Vlinderboom"

note the visit template names the group once
cat >editor.sh <<'SH'
#!/bin/sh
grep '^# Lesbezoek\|^# Lesson visit' "$1" >>"$TMP/work/headers.txt"
: >"$1"
SH
chmod +x editor.sh
EDITOR="$TMP/work/editor.sh" run beter visit add --observer ODW --teacher MKP --date 2026-11-19 --group "groep 3" --edit --school "IKC De Vlinderboom"
EDITOR="$TMP/work/editor.sh" run beter visit add --observer ODW --teacher MKP --date 2026-11-19 --group 7/8 --edit --school "IKC De Vlinderboom"
EDITOR="$TMP/work/editor.sh" run beter visit add --observer ODW --teacher MKP --date 2026-11-19 --group "5 havo" --edit --school "IKC De Vlinderboom"
cat headers.txt
