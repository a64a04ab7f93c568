# privacy: no hidden group can be worked out from everything beter prints.
# A school with small teams answers the culture survey twice (one team also
# has its own survey in the first wave); every figure of every survey
# command and of the progress report, in JSON and CSV, is collected, and an
# attacker solves for the teams: with exact arithmetic, no set of teams (in
# a survey) with fewer than 5 respondents may be a combination of the
# figures printed.

cat >gen.py <<'EOF'
import json, os, sys
out, seed = sys.argv[1], int(sys.argv[2])
inst = json.load(open(os.environ['SHARE'] + '/instruments/cultuursurvey.json'))
labels = inst['likert'][0]['labels']
items = [it for it in inst['items'] if it.get('type') != 'text']
rows = [['Team'] + [it['id'] for it in items]]
n = seed
for team, count in (a.rsplit(':', 1) for a in sys.argv[3].split(',')):
    for k in range(int(count)):
        n += 1
        rows.append([team] + [labels[(n * 7 + j * 3 + n * n) % 5] for j in range(len(items))])
open(out, 'w').write(''.join(','.join(r) + '\n' for r in rows))
EOF

quiet beter init --school "OBS De Regenboog"
for t in "Team A" "Team B" "Team C" "MT" "Middenbouw" "Team D"; do quiet beter team add "$t"; done
# wave 0-meting: the school's survey (1) and Team D's own (2); jaar-1: (3)
w0="Team A:6,Team B:7,Team C:4,MT:1,Middenbouw:3,Team D:2"
w0d="Team D:5"
w1="Team A:5,Team B:8,Team C:2,MT:2,Middenbouw:6,Team D:6"
quiet beter survey add --instrument cultuursurvey --wave 0-meting --opens 2026-09-07 --closes 2026-09-18
quiet beter survey add --instrument cultuursurvey --wave 0-meting --team "Team D" --opens 2026-09-07 --closes 2026-09-18
quiet beter survey add --instrument cultuursurvey --wave jaar-1 --opens 2026-11-02 --closes 2026-11-13
python3 gen.py s1.csv 0 "$w0"
python3 gen.py s2.csv 100 "$w0d"
python3 gen.py s3.csv 200 "$w1"
quiet beter survey import 1 s1.csv
quiet beter survey import 2 s2.csv
quiet beter survey import 3 s3.csv

note every figure, every command, JSON and CSV
mkdir pub
for s in 1 2 3; do
	for by in scale team item; do
		for f in json csv; do
			beter --$f survey report $s --by $by >pub/report-$s-$by.$f
		done
	done
done
teams="Team_A Team_B Team_C MT Middenbouw Team_D"
for f in json csv; do
	beter --$f survey compare --instrument cultuursurvey --waves 0-meting,jaar-1 >pub/compare-all.$f
	for t in $teams; do
		beter --$f survey compare --instrument cultuursurvey --waves 0-meting,jaar-1 --team "${t/_/ }" \
			>"pub/compare-$t.$f"
	done
done
beter report --format json --now 2026-11-20 >pub/progress-all.json
for t in $teams; do
	beter report --format json --team "${t/_/ }" --now 2026-11-20 >"pub/progress-$t.json"
done
ls pub | wc -l | sed 's/^/files: /'

cat >attack.py <<'EOF'
# The attacker knows who is in which team (the published n tell them
# anyway) and takes every printed figure as an equation over the atoms
# (a team in a survey). It checks that each figure's n is the sum of its
# atoms (the model is right), then looks for any set of atoms with
# 0 < n < 5 whose sum is a combination of the printed figures.
import csv, glob, itertools, json, os, sys
from fractions import Fraction

inst = json.load(open(os.environ['SHARE'] + '/instruments/cultuursurvey.json'))
scale_id = {s['title']: s['id'] for s in inst['scales']}
def parse(spec):
    return {t: int(c) for t, c in (a.rsplit(':', 1) for a in spec.split(','))}
sizes = {1: parse(sys.argv[1]), 2: parse(sys.argv[2]), 3: parse(sys.argv[3])}
wave_of = {1: '0-meting', 2: '0-meting', 3: 'jaar-1'}
own = {2: 'Team D'}
atoms = {w: [(s, t) for s in sizes if wave_of[s] == w for t in sorted(sizes[s])] for w in ('0-meting', 'jaar-1')}
figs = []  # (wave, scale, set of atoms, n, mean, source)
def add(w, scale, sel, n, mean, src):
    if n is None:
        return
    figs.append((w, scale, frozenset(a for a in atoms[w] if sel(a)), n, mean, src))

for f in glob.glob('pub/report-*.json'):
    d = json.load(open(f))
    s = d['survey']['survey']
    w = wave_of[s]
    for r in d['results']:
        if 'group' not in r:
            continue  # per item: not a group figure
        g = r['group']
        sel = (lambda a, s=s: a[0] == s) if g == 'totaal' else (lambda a, s=s, g=g: a == (s, g))
        add(w, r['scale'], sel, r['n'], r['mean'], f)
for f in glob.glob('pub/compare-*.json'):
    d = json.load(open(f))
    team = d['compare']['team']
    for r in d['scales']:
        for side, w in (('1', '0-meting'), ('2', 'jaar-1')):
            sel = (lambda a: True) if team is None else (lambda a, t=team: a[1] == t)
            add(w, r['scale'], sel, r['n_' + side], r['mean_' + side], f)
for f in glob.glob('pub/progress-*.json'):
    d = json.load(open(f))
    team = d.get('team') if isinstance(d.get('team'), str) else None
    if team is None and 'progress-all' not in f:
        team = f.split('progress-')[1][:-5].replace('_', ' ')
    for sec in d['sections']:
        if sec['key'] != 'surveys':
            continue
        for t in sec['tables']:
            for r in t['rows']:
                for side in ('1', '2'):
                    w = r.get('wave_' + side)
                    if w not in atoms:
                        continue
                    if r.get('wave_1') is None:
                        # one wave on its own: a team's own survey (here survey 2, Team D's)
                        sel = lambda a, t=team: a[0] in own and (t is None or own[a[0]] == t)
                    else:
                        sel = (lambda a: True) if team is None else (lambda a, t=team: a[1] == t)
                    scale = scale_id.get(r['scale'], r['scale'])
                    add(w, scale, sel, r.get('n_' + side), r.get('mean_' + side), f)

# CSV carries the same figures as JSON
for f in glob.glob('pub/*.csv'):
    j = f[:-4] + '.json'
    shown_csv = sum(1 for row in csv.DictReader(open(f)) for k in ('n', 'n_1', 'n_2') if row.get(k, '') != '')
    d = json.load(open(j))
    rows = d.get('results', []) + d.get('scales', [])
    shown_json = sum(1 for r in rows for k in ('n', 'n_1', 'n_2') if r.get(k) is not None)
    if shown_csv != shown_json:
        print('CSV and JSON differ:', f, shown_csv, shown_json)

bad = 0
for w in atoms:
    n_of = {a: sizes[a[0]][a[1]] for a in atoms[w]}
    scales = sorted({f[1] for f in figs if f[0] == w})
    for sc in scales:
        # scale ids in the report are titles; both work as keys here
        rows = [f for f in figs if f[0] == w and f[1] == sc]
        for f in rows:
            if sum(n_of[a] for a in f[2]) != f[3]:
                print('model error', f[5], w, sc, f[3], sorted(f[2])); bad += 1
        vecs = {tuple(int(a in f[2]) for a in atoms[w]) for f in rows}
        def rank(vs):
            m = [list(map(Fraction, v)) for v in vs]
            r = 0
            for c in range(len(atoms[w])):
                p = next((i for i in range(r, len(m)) if m[i][c] != 0), None)
                if p is None:
                    continue
                m[r], m[p] = m[p], m[r]
                for i in range(len(m)):
                    if i != r and m[i][c] != 0:
                        k = m[i][c] / m[r][c]
                        m[i] = [x - k * y for x, y in zip(m[i], m[r])]
                r += 1
            return r
        base = rank(vecs)
        small = [a for a in atoms[w] if 0 < n_of[a] < 5]
        for k in range(1, len(small) + 1):
            for u in itertools.combinations(small, k):
                if sum(n_of[a] for a in u) >= 5:
                    continue
                v = tuple(int(a in u) for a in atoms[w])
                if rank(vecs | {v}) == base:
                    print('FOUND by difference:', w, sc, sorted(u), 'n =', sum(n_of[a] for a in u)); bad += 1
print('figures:', len(figs), 'found:', bad)
EOF
run python3 attack.py "$w0" "$w0d" "$w1"

note the same figures in every command: Team C and its partner hidden everywhere in 0-meting
run sh -c "beter --json survey report 1 --by team | jq -c '[.results[] | select(.scale == \"ambitie\") | [.group, .n, .suppressed]]'"
run sh -c "beter --json survey compare --instrument cultuursurvey --waves 0-meting,jaar-1 --team 'Team A' | jq -c '[.scales[] | select(.scale == \"ambitie\") | [.n_1, .n_2, .suppressed]]'"

note the minimum of the school: recorded with a reason, printed with every figure
run beter survey policy
run beter survey report 1 --by team --min-n 3
run beter survey policy --min-n 2 --reason "te klein"
run beter survey policy --min-n 3
run beter survey policy --min-n 3 --reason "  "
run beter survey policy --min-n 3 --reason "teams van 3-4; met de MR afgesproken op 2026-10-12" --decided-by NOPE
run beter survey policy --min-n 3 --reason "teams van 3-4; met de MR afgesproken op 2026-10-12" -q
run beter --json survey policy
run sh -c "beter --json survey report 1 --by team | jq -c '.survey.min_n, .survey.min_n_policy, [.results[] | select(.scale == \"ambitie\") | [.group, .n, .suppressed]]'"
run sh -c "beter --json survey compare --instrument cultuursurvey --waves 0-meting,jaar-1 | jq -c '.compare'"
# people read the policy line in their language (JSON above keeps it English)
run sh -c "beter report --format md --now 2026-11-20 | grep -o '([^()]*: teams van 3-4; met de MR afgesproken op 2026-10-12)' | uniq -c"
run sh -c "beter survey report 1 --by team | grep 'teams van 3-4'"
note --min-n raises the minimum and keeps hidden what the minimum of the school hid
run beter survey report 1 --by team --min-n 2
run sh -c "beter --json survey report 1 --by team --min-n 6 | jq -c '[.results[] | select(.scale == \"ambitie\") | [.group, .n, .suppressed]]'"
run beter survey policy --min-n 5 --reason "terug naar de standaard"
run beter --csv survey policy

note a read error is never taken for the end of the rows: exit 74, nothing printed
run env BETER_TEST_READ_ERROR=1 beter --json survey policy
run env BETER_TEST_READ_ERROR=2 beter --json survey policy
