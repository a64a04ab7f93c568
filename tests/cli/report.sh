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
jq -e '.generated | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")' r.json >/dev/null || echo "generated is not ISO 8601"
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
ls -A | grep -c '^\.' | sed 's/^/temporary files left: /'
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

note "--out killed (kill -9) at each step: nothing left that a web server would serve"
# strace stops beter at the step's first system call; what is left in the
# folder, with its mode, must be the old report, the new one (readable by the
# owner only when killed before its chmod) or a .ht file that only the owner reads
# (LeakSanitizer, in a sanitizer build, cannot work under strace)
trace() { ASAN_OPTIONS=detect_leaks=0 strace -o /dev/null "$@"; }
if strace -o /dev/null true 2>/dev/null; then
	for step in fsync linkat rename fchmod; do
		rm -rf www && mkdir www && echo old >www/r.html && chmod 644 www/r.html
		trace -e inject=$step:signal=KILL:when=1 beter report --format html --out www/r.html \
			--quiet >/dev/null 2>&1 &
		wait $! 2>/dev/null
		echo "killed at $step: $(cd www && stat -c '%n %a %s' $(ls -A) | sed 's/beter-....../beter-XXXXXX/' |
			sed 's/ [0-9][0-9][0-9][0-9]*$/ (the new report)/; s/ 4$/ (old)/' | tr '\n' ' ')"
	done
	# without O_TMPFILE (no /proc here): the named file, owner-only, removed on errors
	rm -rf www && mkdir www && echo old >www/r.html
	trace -e inject=access:error=ENOENT -e inject=fsync:signal=KILL:when=1 \
		beter report --format html --out www/r.html --quiet >/dev/null 2>&1 &
	wait $! 2>/dev/null
	echo "without O_TMPFILE, killed at fsync: $(cd www && stat -c '%n %a' $(ls -A) | sed 's/beter-....../beter-XXXXXX/' | tr '\n' ' ')"
	rm -rf www && mkdir -p www/dir.html
	trace -e inject=access:error=ENOENT beter report --format html --out www/dir.html --quiet 2>&1 |
		sed 's/^/! /'
	echo "without O_TMPFILE, a failed rename leaves: $(ls -A www | tr '\n' ' ')"
	trace -e inject=access:error=ENOENT beter report --format html --out www/r.html --quiet
	echo "without O_TMPFILE, a report written leaves: $(cd www && stat -c '%n %a' $(ls -A) | tr '\n' ' ')"
else
	echo "(strace cannot trace here: this check needs it)"
fi

note a store with data in every section: the demo school
export BETER_DB="$PWD/full.db"
quiet beter init --school "IKC De Vlinderboom" --brin 99ZZ --sector po
quiet beter person import "$SHARE/demo/roster.csv"
demo="$SHARE/demo"
for part in "$demo"/[0-9][0-9]-*.sh; do
	. "$part"
done
# a small team wave of the culture survey: 3 respondents of Team Middenbouw,
# below the instrument's minimum of 5
head -4 "$demo/cultuursurvey-november.csv" | sed 's/Team Onderbouw/Team Middenbouw/' >klein.csv
quiet beter survey add --instrument cultuursurvey --wave "middenbouw december" --team "Team Middenbouw" \
	--opens 2026-11-19 --closes 2026-11-19
quiet beter survey import 5 klein.csv

note the whole school: every section has data
run beter report --format md --now 2026-11-20T07:00:00Z
beter report --format json --now 2026-11-20T07:00:00Z >full.json
beter report --format md --now 2026-11-20T07:00:00Z >full.md
beter report --format html --now 2026-11-20T07:00:00Z >full.html
run jq -r '.sections[] | "\(.key) has_data=\(.has_data) figures=\(.figures | length) charts=\(.charts | length) tables=\(.tables | map("\(.key):\(.rows | length)") | join(","))"' full.json
run jq -c '.sections[] | {(.key): .figures}' full.json
run python3 htmlcheck.py full.html
grep -c '<svg' full.html | sed 's/^/charts in html: /'

note a team over a week, in English
run beter report --format md --team "Team Bovenbouw" --week 2026-W46 --lang en --now 2026-11-20T07:00:00Z
run beter report --format json --team "Team Onderbouw" --week 2026-W47 --now 2026-11-20T07:00:00Z

# cross-check: every figure, table cell and chart value of the JSON is what the
# Markdown shows, in the same place. JSON is English in every language: the
# Markdown's language (the third argument, else $BETER_LANG) decides its
# decimal comma; in Dutch its words (titles, yes/no, status) are Dutch, so
# there only the numbers are compared, in English everything.
cat >crosscheck.py <<'PY'
import json, os, re, sys
rep = json.load(open(sys.argv[1]))
md = open(sys.argv[2]).read().split("\n")
lang = sys.argv[3] if len(sys.argv) > 3 else os.environ.get("BETER_LANG", "en")
def unesc(s):
    return re.sub(r"\\(.)", r"\1", s)
def same(v, shown):
    shown = unesc(shown.strip())
    if v is None:
        return not re.search(r"\d", shown) or shown in ("–",)
    if isinstance(v, bool):
        return False
    if isinstance(v, str):
        # goal_reached keeps the value period retro takes (ja, deels, nee); English shows a word
        return lang != "en" or shown == v.replace("\n", " ") or shown == {"ja": "yes", "deels": "partly", "nee": "no"}.get(v)
    t = shown.replace(",", ".") if lang == "nl" else shown
    if t.endswith("%"):
        return abs(float(t[:-1]) / 100 - v) < 1e-9
    try:
        return abs(float(t) - v) < 1e-9
    except ValueError:
        return False
bad = 0
# the sections ("## ") in order, and in each its charts then its tables ("### ")
secs = [i for i, l in enumerate(md) if l.startswith("## ")] + [len(md)]
def table_rows(i):
    if i is None:
        return None
    rows = []
    j = i + 4
    while j < len(md) and md[j].startswith("|"):
        rows.append([c for c in re.split(r"(?<!\\)\|", md[j])[1:-1]])
        j += 1
    return rows
checked = 0
for si, s in enumerate(rep["sections"]):
    # figures: "- **label:** value" lines in order, under the section
    start = secs[si]
    heads = [i for i in range(start, secs[si + 1]) if md[i].startswith("### ")]
    head = lambda k: heads[k] if k < len(heads) else None
    figs = [l for l in md[start:] if l.startswith("- **")]
    for (k, v), line in zip(s["figures"].items(), figs):
        shown = line.split(":** ", 1)[1]
        checked += 1
        if not same(v, shown):
            print("figure", s["key"], k, v, "shown as", shown); bad += 1
    for k, t in enumerate(s["tables"]):
        rows = table_rows(head(len(s["charts"]) + k))
        if not t["rows"]:
            continue
        if rows is None or len(rows) != len(t["rows"]):
            print("table", t["key"], "rows differ"); bad += 1; continue
        for jr, mr in zip(t["rows"], rows):
            for (k, v), shown in zip(jr.items(), mr):
                checked += 1
                if not same(v, shown):
                    print("cell", t["key"], k, repr(v), "shown as", shown); bad += 1
    for k, c in enumerate(s["charts"]):
        rows = table_rows(head(k))
        n = len(c.get("groups", [None]))
        for i, lab in enumerate(c["labels"]):
            for g in range(n):
                v = c["values"][i * n + g]
                checked += 1
                if rows is None or not same(v, rows[i][g + 1]):
                    print("chart", c["key"], lab, v, "shown as", rows and rows[i][g + 1]); bad += 1
print("checked", "many" if checked > 100 else checked, "values:", "all the same" if not bad else "%d differ" % bad)
PY
run python3 crosscheck.py full.json full.md
for args in "--team Team_Bovenbouw --lang en" "--team Team_Onderbouw --week 2026-W46" "--week 2026-W45 --lang en"; do
	set -- $(echo "$args" | sed 's/Team_/Team@/')
	a=$(echo "$*" | sed 's/Team@/Team /')
	eval "beter report --format json $(echo "$args" | sed 's/--team Team_\([A-Za-z]*\)/--team \"Team \1\"/') --now 2026-11-20 >x.json"
	eval "beter report --format md $(echo "$args" | sed 's/--team Team_\([A-Za-z]*\)/--team \"Team \1\"/') --now 2026-11-20 >x.md"
	case $args in *"--lang en"*) l=en ;; *) l=$BETER_LANG ;; esac
	echo "$a: $(python3 crosscheck.py x.json x.md "$l")"
done

note survey suppression: a group below the minimum appears in no format
# the small wave on its own, as beter survey shows it: suppressed
run beter survey report 5 --by scale
beter report --format json --team "Team Middenbouw" --now 2026-11-20 >m.json
beter report --format md --team "Team Middenbouw" --now 2026-11-20 >m.md
beter report --format html --team "Team Middenbouw" --now 2026-11-20 >m.html
run jq -c '.sections[] | select(.key == "surveys") | .tables[0].rows[] | select(.wave_2 == "middenbouw december") | [.scale, .n_2, .mean_2, .change]' m.json
run jq -c '.sections[] | select(.key == "surveys") | .charts[] | select(.key | startswith("survey-cultuursurvey-team")) | {title, values}' m.json
grep -c -E 'middenbouw december \| (te weinig|too few) \| (te weinig|too few)' m.md | sed 's/^/markdown rows with "too few": /'
# hidecheck.py WAVE FILE...: no figure of WAVE in any format: its table rows
# and chart values hold no number, and no bar is drawn for it
cat >hidecheck.py <<'PY'
import json, re, sys
wave = sys.argv[1]
for f in sys.argv[2:]:
    text = open(f).read()
    shown = 0
    if f.endswith(".json"):
        for s in json.loads(text)["sections"]:
            for t in s["tables"]:
                for r in t["rows"]:
                    if wave in (r.get("wave_1"), r.get("wave_2")):
                        side = "1" if r.get("wave_1") == wave else "2"
                        shown += sum(r[k] is not None for k in ("n_" + side, "mean_" + side, "change", "cohen_d"))
            for c in s["charts"]:
                if wave in c.get("groups", []):
                    g = c["groups"].index(wave)
                    shown += sum(v is not None for v in c["values"][g::len(c["groups"])])
    else:
        rows = re.findall(r"<tr>.*?</tr>", text) if f.endswith(".html") else text.split("\n")
        for r in rows:
            if wave in r and "|" + wave not in r:
                shown += bool(re.search(r"\d", re.sub(r"<[^>]*>", "", r).replace(wave, "")))
        shown += len(re.findall(r"<title>[^<]*, " + re.escape(wave) + ": ", text))
        # a chart's data table with the wave as a column
        for fig in re.findall(r"<figure>.*?</figure>", text, re.S):
            heads = re.findall(r'<th scope="col">([^<]*)</th>', fig)
            if wave in heads:
                col = heads.index(wave)
                for r in re.findall(r"<tr>(.*?)</tr>", fig)[1:]:
                    cells = re.findall(r"<td[^>]*>([^<]*)</td>", r)
                    shown += bool(re.search(r"\d", cells[col]))
        if f.endswith(".md"):
            lines = text.split("\n")
            for i, l in enumerate(lines):
                if l.startswith("|  |") and wave in l:
                    col = [c.strip() for c in l.split("|")].index(wave)
                    j = i + 2
                    while j < len(lines) and lines[j].startswith("|"):
                        shown += bool(re.search(r"\d", lines[j].split("|")[col]))
                        j += 1
    print(f, "figures of '%s' shown:" % wave, shown)
PY
run python3 hidecheck.py "middenbouw december" m.json m.md m.html
note the check finds figures of a wave that is shown
run python3 hidecheck.py "november" full.json full.md full.html

note byte-identical re-runs with data in every section
for f in html md json; do
	beter report --format $f --team "Team Bovenbouw" --now 2026-11-20T07:00:00Z >a.$f
	beter report --format $f --team "Team Bovenbouw" --now 2026-11-20T07:00:00Z >b.$f
	cmp a.$f b.$f && echo "$f: identical"
done
beter report --format html --now 2026-11-20T07:00:00Z --out r1.html --quiet
beter report --format html --now 2026-11-20T07:00:00Z --out r2.html --quiet
cmp r1.html r2.html && echo "school html: identical"
if [ -x /usr/bin/chromium ]; then
	profile=$(mktemp -d)
	/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
		--window-size=1000,3000 --screenshot="$TMP/full.png" "file://$PWD/full.html" >/dev/null 2>&1
	[ -s "$TMP/full.png" ] || echo "chromium did not render full.html"
	rm -rf "$profile"
fi

note phase conditions from the boards
run beter phase conditions --to 2026-11-20
run beter --json phase conditions --from 2026-11-16 --to 2026-11-20
run beter report --csv
note chart labels use the decimal separator of the language
beter report --now 2026-11-20 --lang nl | grep -c 'fill="#1f3b4d">[0-9]*,[0-9]*<' | sed 's/^/dutch labels with a comma: /'
beter report --now 2026-11-20 --lang en | grep -c 'fill="#1f3b4d">[0-9]*,[0-9]*<' | sed 's/^/english labels with a comma: /'

note 'the report speaks the interface language: --lang before or after the command, the last wins; else BETER_LANG; json is the same (English) in every language'
BETER_LANG=nl beter report --format md --now 2026-11-20 | sed -n 1,3p
BETER_LANG=en beter report --format md --now 2026-11-20 | sed -n 1,3p
BETER_LANG=nl beter --lang en report --format md --now 2026-11-20 | sed -n 1,3p
BETER_LANG=en beter report --format md --now 2026-11-20 --lang nl | sed -n 1,3p
BETER_LANG=en beter --lang en report --lang nl --format json --now 2026-11-20 | jq -c '[.lang, .title, .sections[0].title]'
BETER_LANG=nl beter report --format json --now 2026-11-20 | jq -c '[.lang, .title, .sections[0].title]'
BETER_LANG=nl beter report --now 2026-11-20 | grep -o '<html lang="[a-z]*">'
BETER_LANG=nl beter report --lang en --now 2026-11-20 | grep -o '<html lang="[a-z]*">'
beter report --help | grep -c -e '--lang LANG' | sed 's/^/--lang entries in report --help: /'
run beter report --lang de --format md

note a read error is never taken for the end of the rows: every failing read exits 74 and prints nothing
beter report --format json --now 2026-11-20 >ok.json
n=1 fails=0 bad=0
while :; do
	BETER_TEST_READ_ERROR=$n beter report --format json --now 2026-11-20 >err.json 2>/dev/null
	st=$?
	if [ $st -eq 0 ]; then
		cmp -s ok.json err.json || bad=$((bad + 1))
		break
	fi
	fails=$((fails + 1))
	[ $st -eq 74 ] && [ ! -s err.json ] || bad=$((bad + 1))
	n=$((n + 1))
done
[ $fails -gt 50 ] && echo "more than 50 reads, each failing as it should: $([ $bad -eq 0 ] && echo yes || echo no)"
