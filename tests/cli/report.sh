# report: progress reports in html, md and json

quiet beter init --school "OBS De Regenboog" --brin 12AB --sector po
quiet beter person import "$SHARE/demo/roster.csv"
beter=beter
. "$SHARE/demo/10-phase.sh"

note help and usage errors
run beter report --help
run beter report --format pdf
run beter report --lang de
run beter report --team "Team Bovenbouw" --school
run beter report --week 2026-W47 --from 2026-11-01
run beter report --week 2026-W99
run beter report --from 2026-12-01 --to 2026-11-01
run beter report --now gisteren
run beter report --now 2026-11-20T25:00Z
run beter report --team "Team Nergens"
run beter report extra

note markdown, the whole school
run beter report --format md --now 2026-11-20T07:00:00Z

note markdown in English for a team and a week
run beter report --format md --team "Team Bovenbouw" --week 2026-W41 --lang en --now @1791763200

note json carries the same figures
run beter report --format json --now 2026-11-20
beter report --format json --now 2026-11-20 >r.json
beter report --format md --now 2026-11-20 >r.md
run jq -r '.sections[0].figures | to_entries[] | "\(.key)=\(.value)"' r.json
run jq -r '.sections | map(select(.has_data | not) | .key) | join(" ")' r.json
run jq -r '.sections[0].tables[] | select(.key == "trajectories") | .rows[] | "\(.team) \(.step) \(.checklist)"' r.json
grep -c '^| .*|$' r.md | sed 's/^/markdown table lines: /'
python3 - r.json r.md <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
md = open(sys.argv[2]).read()
# every table cell of the JSON appears in the Markdown
missing = []
for s in rep["sections"]:
    for t in s["tables"]:
        for row in t["rows"]:
            for v in row.values():
                if isinstance(v, str) and v.replace("'", "'") not in md:
                    missing.append(v)
print("json cells missing from markdown:", missing or "none")
PY

note html: one self-contained file that passes a strict parser
run beter report --format html --out report.html --now 2026-11-20T07:00:00Z
cp "$TESTS/htmlcheck.py" .
run python3 htmlcheck.py report.html
grep -c '<section' report.html | sed 's/^/sections: /'
grep -ci '<script\|https\?://[a-z]' report.html | sed 's/^/scripts or outside links: /'
grep -o 'Nog geen gegevens\.' report.html | sort | uniq -c
if [ -x /usr/bin/chromium ]; then
	profile=$(mktemp -d)
	/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
		--window-size=390,2000 --screenshot="$TMP/report.png" "file://$PWD/report.html" >/dev/null 2>&1
	[ -s "$TMP/report.png" ] || echo "chromium did not render report.html"
	/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
		--print-to-pdf="$TMP/report.pdf" "file://$PWD/report.html" >/dev/null 2>&1
	[ -s "$TMP/report.pdf" ] || echo "chromium did not print report.html to PDF"
	rm -rf "$profile"
fi

note byte-identical re-runs: --now and SOURCE_DATE_EPOCH
for f in html md json; do
	beter report --format $f --now 2026-11-20T07:00:00Z >a.$f
	beter report --format $f --now 2026-11-20T07:00:00Z >b.$f
	cmp a.$f b.$f && echo "$f: identical"
done
SOURCE_DATE_EPOCH=1795158000 beter report --format html >c.html
SOURCE_DATE_EPOCH=1795158000 beter report --format html >d.html
cmp c.html d.html && echo "SOURCE_DATE_EPOCH: identical"
grep -o 'Gemaakt op</dt><dd>[^<]*' c.html
cmp -s report.html a.html && echo "--out writes what stdout shows"

note atomic --out: cron mode
run beter report --format md --out week.md --quiet --now 2026-11-20
run stat -c %a week.md
ls -A | grep -c '^\.week' | sed 's/^/temporary files left: /'
printf 'old report\n' >old.md
chmod 444 old.md
run beter report --format md --out old.md --quiet --now 2026-11-20
head -1 old.md
run beter report --format md --out nodir/x.md
ls -A | grep -c '^\.' | sed 's/^/temporary files left: /'
mkdir ro && chmod 555 ro
if [ "$(id -u)" != 0 ]; then
	run beter report --out ro/r.html
else
	echo "(read-only directory skipped as root)"
fi
