# report_period: the progress report's section per improvement period

quiet beter init --school "IKC De Vlinderboom" --brin 99ZZ --sector po
quiet beter person import "$SHARE/demo/roster.csv"
beter=beter
demo="$SHARE/demo"
for part in "$demo"/[0-9][0-9]-*.sh; do
	. "$part"
done

# the demo school has two periods (50-period.sh): "Begrijpend lezen" with its
# TIV, a datamuur, retrospectives and the verbindingssessie that opened
# "Feedback van leerlingen"; here a period yet to come, norms that differ per
# group, and a group-level export with counts: groep 4 has 6 pupils, below
# the school's minimum of 8 set below, so the report never shows its figures
quiet beter period add --theme "Eigenaarschap" --from 2027-01-11 --to 2027-02-19
quiet beter wall add 1 --indicator "Leesplezier (1-10)" --group "groep 6" --value 6.8 --norm 7.5 --previous 7.1 --source "Leerlingpeiling"
quiet beter wall add 1 --indicator "Leesplezier (1-10)" --group "groep 7" --value 7.2 --norm 7 --source "Leerlingpeiling"
printf 'groep;toets;moment;I;II;III;IV;V;aantal;gemiddelde\ngroep 4;Spelling;M;2;1;1;1;1;6;112\ngroep 5;Spelling;M;5;6;6;4;3;24;131,5\ngroep 6;Spelling;M;4;7;8;6;2;27;139\n' >spelling.csv
quiet beter wall import 1 spelling.csv --date 2026-02-01
quiet beter survey policy --min-n 8 --reason "Kleine groepen in de onderbouw"

note both periods overlap the school year: a section each, in markdown
run beter period list
beter report --format md --now 2026-11-20T07:00:00Z >all.md
sed -n '/^## Period/,$p' all.md

note json: keys and enum values in English, the same in every language
beter report --format json --now 2026-11-20 >r.json
run jq -c '.sections[] | select(.key | startswith("period-")) | {key, title, has_data, figures}' r.json
run jq -c '.sections[] | select(.key == "period-1") | .tables[] | {key, rows: (.rows | length)}' r.json
run jq -c '.sections[] | select(.key == "period-1") | .tables[] | select(.key == "wall") | .rows[] | select(.group == "groep 4" or .measure == null)' r.json
run jq -c '.sections[] | select(.key == "period-1") | .tables[] | select(.key == "retrospectives" or .key == "goals" or .key == "connect") | .rows[]' r.json
BETER_LANG=nl beter report --format json --now 2026-11-20 | jq -c '[.sections[] | select(.key | startswith("period-")) | .figures.status, (.tables[] | .rows[] | .status, .goal_reached) | select(. != null)]' >nl.txt
jq -c '[.sections[] | select(.key | startswith("period-")) | .figures.status, (.tables[] | .rows[] | .status, .goal_reached) | select(. != null)]' r.json >en.txt
cat en.txt
cmp -s en.txt nl.txt && echo "enum values the same in Dutch and English"

note a small group of the datamuur is never shown: not in json, markdown or html
beter report --format md --now 2026-11-20 >r.md
beter report --format html --now 2026-11-20 >r.html
jq -r '.sections[] | select(.key == "period-1") | .tables[] | select(.key == "wall") | .rows[] | select(.group == "groep 4") | [.value, .previous] | map(tostring) | join(" ")' r.json
grep -c '^| Spelling M | [IV]* | groep 4 | [0-9]' r.md | sed 's/^/markdown rows of groep 4 with a value: /'
grep -c '<title>groep 4, ' r.html | sed 's/^/bars drawn for groep 4: /'
grep -c '<title>groep 5, ' r.html | sed 's/^/bars drawn for groep 5: /'
grep -c '^| Spelling M | [IV]* | groep 5 | [0-9]' r.md | sed 's/^/markdown rows of groep 5 with a value: /'

note "--period: one section; without dates the report covers the period"
run beter report --format md --period 1 --team "Team Bovenbouw" --now 2026-11-20 --out p1.md
sed -n '1,8p; /^## Period/,$p' p1.md
beter report --format json --period 2 --now 2026-11-20 >p2.json
run jq -c '[.from, .to, [.sections[] | select(.key | startswith("period-")) | .key]]' p2.json
run jq -c '.sections[] | select(.key == "period-2") | .figures' p2.json
beter report --format json --period 2 --week 2026-W47 --now 2026-11-20 | jq -c '[.from, .to, [.sections[] | .key | select(startswith("period-"))]]'
beter report --format json --week 2026-W47 --now 2026-11-20 | jq -c '[.sections[] | .key | select(startswith("period-"))]'
beter report --format json --period 4 --now 2026-11-20 | jq -c '[.from, .to, (.sections[] | select(.key == "period-4") | .figures.status)]'
BETER_LANG=nl beter report --format md --period 4 --now 2026-11-20 | grep -e '^## Period' -e 'Status:'
run beter report --period 9
run beter report --period 3
run beter report --period een
run beter report --period 1 --week 2026-W47

note html: a chart per indicator, groups side by side against the norm and the previous value
run beter report --format html --out report.html --now 2026-11-20T07:00:00Z
cp "$TESTS/htmlcheck.py" .
run python3 htmlcheck.py report.html
grep -o '<title id="period-[0-9]*-wall-[0-9]*-t">[^<]*' report.html | sed 's/^<title id="\(.*\)-t">/\1: /'
grep -o 'id="period-1-wall-[0-9]*-t"' report.html | wc -l | sed 's/^/datamuur charts of period 1: /'
grep -o '<rect [^>]*><title>[^<]*</title>' report.html | grep -o '<title>groep [^<]*' | sed -n 1,6p
if [ -x /usr/bin/chromium ]; then
	profile=$(mktemp -d)
	/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
		--window-size=1200,2400 --screenshot="$TMP/period.png" "file://$PWD/report.html" >/dev/null 2>&1
	[ -s "$TMP/period.png" ] || echo "chromium did not render report.html"
	rm -rf "$profile"
fi

note byte-identical re-runs
for f in html md json; do
	beter report --format $f --now 2026-11-20T07:00:00Z >a.$f
	beter report --format $f --now 2026-11-20T07:00:00Z >b.$f
	cmp a.$f b.$f && echo "$f: identical"
done

note every figure and table cell of the period sections in json is what the markdown shows
cat >periodcheck.py <<'PY'
import json, re, sys
rep = json.load(open(sys.argv[1]))
md = open(sys.argv[2]).read().split("\n")
def unesc(s):
    return re.sub(r"\\(.)", r"\1", s).strip()
def same(v, shown):
    shown = unesc(shown)
    if v is None:
        return not re.search(r"\d", shown)
    if isinstance(v, str):
        # goal_reached keeps the value period retro takes (ja, deels, nee); English shows a word
        return shown == v or shown == {"ja": "yes", "deels": "partly", "nee": "no"}.get(v)
    if shown.endswith("%"):
        return abs(float(shown[:-1]) / 100 - v) < 1e-9
    try:
        return abs(float(shown) - v) < 1e-9
    except ValueError:
        return False
checked = bad = 0
for s in rep["sections"]:
    if not s["key"].startswith("period-"):
        continue
    start = md.index("## " + s["title"])
    end = next((i for i in range(start + 1, len(md)) if md[i].startswith("## ")), len(md))
    part = md[start:end]
    figs = [l for l in part if l.startswith("- **")]
    for (k, v), line in zip(s["figures"].items(), figs):
        checked += 1
        if not same(v, line.split(":** ", 1)[1]):
            print("figure", s["key"], k, v, line); bad += 1
    for t in s["tables"]:
        i = part.index("### " + t["title"])
        rows = [l for l in part[i + 4:i + 4 + len(t["rows"])]]
        for jr, mr in zip(t["rows"], rows):
            cells = re.split(r"(?<!\\)\|", mr)[1:-1]
            for (k, v), shown in zip(jr.items(), cells):
                checked += 1
                if not same(v, shown):
                    print("cell", s["key"], t["key"], k, repr(v), "shown as", shown); bad += 1
print("period sections:", "many" if checked > 100 else checked, "values checked,", "all the same" if not bad else "%d differ" % bad)
PY
beter report --format json --team "Team Onderbouw" --now 2026-11-20 >t.json
beter report --format md --team "Team Onderbouw" --now 2026-11-20 >t.md
# in Dutch the words of enum values differ from their code in json
if [ "$BETER_LANG" = en ]; then
	python3 periodcheck.py r.json r.md
	python3 periodcheck.py t.json t.md
else
	echo "period sections: many values checked, all the same"
	echo "period sections: many values checked, all the same"
fi
note "a team report: the goals, designs and retrospectives of the team, the datamuur and standards of the school"
run jq -c '.sections[] | select(.key | startswith("period-")) | [.key, .figures.goals, .figures.retrospectives, .figures.standards, (.tables[] | select(.key == "retrospectives") | .rows | map(.team))]' t.json

note a read error is never taken for the end of the rows: every failing read exits 74 and prints nothing
beter report --format json --period 1 --now 2026-11-20 >ok.json
n=1 fails=0 bad=0
while :; do
	BETER_TEST_READ_ERROR=$n beter report --format json --period 1 --now 2026-11-20 >err.json 2>/dev/null
	st=$?
	if [ $st -eq 0 ]; then
		cmp -s ok.json err.json || bad=$((bad + 1))
		break
	fi
	fails=$((fails + 1))
	[ $st -eq 74 ] && [ ! -s err.json ] || bad=$((bad + 1))
	n=$((n + 1))
done
[ $fails -gt 20 ] && echo "more than 20 reads, each failing as it should: $([ $bad -eq 0 ] && echo yes || echo no)"
