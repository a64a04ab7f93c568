# survey: instruments, waves, Forms-shaped imports, reports with suppression, compare

# mkforms OUT SEP BOM(0/1) CRLF(0/1) HEADERS(text/id) TEAM:COUNT... : a Forms-shaped
# export of the culture survey with Id, times, E-mail and Naam columns.
cat >mkforms.py <<'EOF'
import json, os, sys
out, sep, bom, crlf, mode = sys.argv[1], sys.argv[2], sys.argv[3] == '1', sys.argv[4] == '1', sys.argv[5]
groups = [a.split(':') for a in sys.argv[6:]]
inst = json.load(open(os.environ['SHARE'] + '/instruments/cultuursurvey.json'))
labels = inst['likert'][0]['labels']
def q(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in sep + '"\n') else s
head = ['Id', 'Begintijd', 'Tijd van voltooien', 'E-mail', 'Naam', inst['team_question']]
head += [it['text'] if mode == 'text' else it['id'] for it in inst['items']]
rows, n = [], 0
for team, count in groups:
    for k in range(int(count)):
        n += 1
        row = [str(n), '9-7-2026 08:%02d:00' % n, '9-7-2026 08:%02d:40' % n,
               'collega%d@school.example' % n, 'Collega Nummer%d' % n, team]
        for j, it in enumerate(inst['items']):
            if it.get('type') == 'text':
                row.append('Meer tijd om samen\nlessen te maken; echt' if n % 3 == 0 else '')
            elif (n + j) % 11 == 0:
                row.append('Weet ik niet')
            else:
                v = labels[(n * 7 + j * 3 + len(team)) % 5]
                row.append(v.upper() if (n + j) % 4 == 0 else v)
        rows.append(row)
eol = '\r\n' if crlf else '\n'
text = eol.join(sep.join(q(c) for c in r) for r in [head] + rows) + eol
open(out, 'w', encoding='utf-8-sig' if bom else 'utf-8', newline='').write(text)
EOF
mkforms() { python3 mkforms.py "$@"; }

note help
run beter help survey
run beter survey report --help

note setup
quiet beter init --school "OBS De Regenboog"
for t in "Team A" "Team B" "Team C" "leerKRACHT-team"; do quiet beter team add "$t"; done

note instruments
run beter survey instrument list
run beter --json survey instrument show thermometer
run beter --csv survey instrument show lesfeedback-leerlingen
run beter survey instrument show nope
cat >own.json <<'EOF'
{"id": "eigen", "title": "Eigen peiling", "kind": "other",
 "likert": [{"id": "jn", "min": 1, "max": 2, "labels": ["Nee", "Ja"]}],
 "scales": [{"id": "s", "title": "S", "likert": "jn"}],
 "items": [{"id": "v1", "text": "Vraag een", "scale": "s"}]}
EOF
run beter survey instrument import own.json
run beter survey instrument import own.json
before=$(store_digest)
printf '{"id": "x", "title": "X"' >broken.json
run beter survey instrument import broken.json
printf '{"id": "x", "title": "X", "kind": "culture", "likert": [{"id": "e", "min": 1, "max": 5, "labels": ["a", "b"]}], "scales": [], "items": []}' >labels.json
run beter survey instrument import labels.json
printf '{"id": "x", "title": "X", "kind": "culture", "min_n": 2, "likert": []}' >minn.json
run beter survey instrument import minn.json
printf '{"id": "x", "title": "X", "kind": "feedback360", "likert": [{"id": "e", "min": 1, "max": 5}], "scales": [{"id": "s", "title": "S", "likert": "e"}], "items": [{"id": "a", "text": "A", "scale": "s", "reverse": "ja"}]}' >rev.json
run beter survey instrument import rev.json
sed 's/"Eigen peiling"/"Eigen peiling 2"/' own.json >own2.json
quiet beter survey add --instrument eigen --wave w1
run beter survey instrument import own2.json
[ "$before" != "$(store_digest)" ] || echo "(survey added)"

note add surveys
run beter survey add --instrument cultuursurvey --wave 0-meting --opens 2026-09-07 --closes 2026-09-18
run beter survey add --instrument cultuursurvey --wave november --school
run beter survey add --instrument cultuursurvey --wave 0-meting
run beter survey add --instrument cultuursurvey
run beter survey add --instrument nope --wave x
run beter survey add --instrument cultuursurvey --wave x --opens 2026-13-01
run beter survey add --instrument cultuursurvey --wave x --opens 2026-09-10 --closes 2026-09-01
run beter survey add --instrument cultuursurvey --wave x --team "Team Z"
run beter survey add --instrument lesfeedback-leerlingen --wave les-1 --team "Team A" -q
run beter survey add --instrument lesfeedback-leerlingen --wave les-1 --team "Team B" -q
run beter survey add --instrument feedback360-schoolleider --wave jaar-1 -q
run beter survey list
run beter --json survey list

note import: ';' with BOM and CRLF, question text headers, quoted newlines, Dutch labels in any case
mkforms forms-semi.csv ';' 1 1 text "Team A:4" "Team B:6" "Team C:8"
run head -c 3 forms-semi.csv
echo; run sh -c "tr -cd '\\r' <forms-semi.csv | wc -c"
run beter survey import 2 forms-semi.csv
run beter survey show 2

note nothing identifying is stored
store_bytes >store.bytes
run grep -c -a -i -e 'school.example' -e 'Collega Nummer' -e '9-7-2026' store.bytes
run sh -c 'sqlite3 "$BETER_DB" .dump | grep -c -i -e "school.example" -e "Collega Nummer" -e "9-7-2026"'
run sqlite3 "$BETER_DB" "SELECT count(*), count(respondent), sum(n_answers) FROM survey_response WHERE survey_id = 2"
run sqlite3 "$BETER_DB" "SELECT count(*) FROM survey_answer WHERE survey_id = 2"
run sqlite3 "$BETER_DB" "SELECT i.code, a.value, count(*) FROM survey_answer a JOIN survey_item i ON i.id = a.item_id WHERE a.survey_id = 2 AND i.code = 'ov1' GROUP BY 1, 2 ORDER BY 2"

note re-import changes nothing
before=$(store_digest)
run beter survey import 2 forms-semi.csv
mkforms forms-comma.csv ',' 0 0 id "Team A:4" "Team B:6" "Team C:8"
run beter survey import 2 forms-comma.csv
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note report by team: 4 hidden, and 6 hidden too or it would follow from the total
run beter survey report 2 --by team
run beter --json survey report 2 --by team
run sh -c "beter --json survey report 2 --by team | jq -c '.results[] | select(.scale == \"ambitie\") | [.group, .n, .mean, .suppressed]'"
run sh -c "beter --json survey report 2 --by team | jq -c '[.results[] | select(.suppressed) | [.n, .mean, .sd, .count_1, .count_5] | unique] | unique'"
run beter --csv survey report 2 --by team
run beter --tsv survey report 2 --by team --min-n 4
run beter survey report 2 --by team --min-n 7
run beter survey report 2 --by team --min-n 2
run beter survey report 2 --by team --min-n x
run beter survey report 2 --by rater
run beter survey report 2 --by teams
run beter survey report 99

note report by scale and item, comments only from 10 respondents
run beter survey report 2
run beter survey report 2 --by item
run beter --json survey report 2 --by item

note a group of 4 is hidden, a group of 6 shown: pupils feedback on a lesson per team
printf 'Id,Begintijd,Tijd van voltooien,Ik wist wat ik deze les moest leren.,De uitleg was duidelijk.,Ik raakte de draad kwijt tijdens de uitleg.,tip\r\n' >les-a.csv
for i in 1 2 3 4; do printf '%s,1-1-2026,1-1-2026,Ja,Een beetje,Nee,Meer oefenen\r\n' $i >>les-a.csv; done
cp les-a.csv les-b.csv
printf '5,x,x,Ja,Ja,"Een beetje",\r\n6,x,x,Nee,Ja,Ja,Sneller\r\n' >>les-b.csv
run beter survey import 4 les-a.csv
run beter survey import 5 les-b.csv
run beter survey report 4
run beter survey report 5
run sh -c "beter --json survey report 4 | jq -c '[.results[] | .suppressed] | unique'"
run sh -c "beter --json survey report 5 | jq -c '.survey.comments, [.results[] | [.scale, .n, .mean, .suppressed]]'"

note rejected input writes nothing
before=$(store_digest)
head -1 forms-comma.csv >bad.csv
sed -n 2p forms-comma.csv | sed 's/,Team A,\([^,]*\),/,Team A,7,/' >>bad.csv
run beter survey import 2 bad.csv
head -1 forms-comma.csv >bad2.csv
sed -n 2p forms-comma.csv | sed 's/,Team A,\([^,]*\),/,Team A,Beetje mee eens,/' >>bad2.csv
run beter survey import 2 bad2.csv
head -1 forms-comma.csv >bad3.csv
sed -n 2p forms-comma.csv | sed 's/,Team A,/,Team Q,/' >>bad3.csv
run beter survey import 2 bad3.csv
head -1 forms-comma.csv >bad4.csv
sed -n 2p forms-comma.csv | sed 's/,Team A,/,Team A,,/' >>bad4.csv
run beter survey import 2 bad4.csv
{ head -3 forms-comma.csv; printf '99,a,b,c,d,Team A,"open\n'; } >bad5.csv
run beter survey import 2 bad5.csv
printf 'Naam,E-mail,Iets anders\nAnnie,annie@school.example,3\n' >bad6.csv
run beter survey import 2 bad6.csv
: >empty.csv
run beter survey import 2 empty.csv
head -1 forms-comma.csv >header-only.csv
run beter survey import 2 header-only.csv
printf 'ov1\n\xff\n' >bad7.csv
run beter survey import 2 bad7.csv
run beter survey import 2 missing.csv
run beter survey import 2 forms-comma.csv --id-column Telefoon
run beter survey import 99 forms-comma.csv
run beter survey import 2
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note --map names columns by header or number
printf 'Wie,Team,Vraag A,Vraag B\nBert,Team A,5,1\n' >mapped.csv
printf 'column,item\nVraag A,ov1\n4,ov2\nTeam,team\n' >map.csv
run beter survey import 3 mapped.csv --map map.csv --dry-run
printf 'column,item\nVraag Z,ov1\n' >badmap.csv
run beter survey import 3 mapped.csv --map badmap.csv
printf 'column,item\nVraag A,ov99\n' >badmap2.csv
run beter survey import 3 mapped.csv --map badmap2.csv
printf 'column,item\nVraag A,ov1\nVraag B,ov1\n' >badmap3.csv
run beter survey import 3 mapped.csv --map badmap3.csv
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note --id-column: a keyed HMAC, the key outside the store
mkforms nov.csv ',' 0 1 text "Team A:3" "Team B:6" "Team C:9"
run beter survey import 3 nov.csv --id-column E-mail
run stat -c %a "$XDG_CONFIG_HOME/beter/key"
run stat -c %s "$XDG_CONFIG_HOME/beter/key"
run sqlite3 "$BETER_DB" "SELECT count(DISTINCT respondent), min(length(respondent)) FROM survey_response WHERE survey_id = 3"
store_bytes >store.bytes
run grep -c -a -i 'school.example' store.bytes
before=$(store_digest)
run beter survey import 3 nov.csv --id-column 4
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
sed '2s/,Team A,\([^,]*\),/,Team A,1,/' nov.csv >changed.csv
run beter survey import 3 changed.csv --id-column E-mail
run beter survey import 3 nov.csv
run beter survey import 2 forms-comma.csv --id-column E-mail
{ cat nov.csv; sed -n 2p nov.csv | sed 's/^1,/99,/'; } >dup.csv
run beter survey import 3 dup.csv --id-column E-mail
sed '3s/collega2@school.example//' nov.csv >noid.csv
run beter survey import 3 noid.csv --id-column E-mail
chmod 644 "$XDG_CONFIG_HOME/beter/key"
run beter survey import 3 nov.csv --id-column E-mail
chmod 600 "$XDG_CONFIG_HOME/beter/key"
BETER_KEY_FILE=$TMP/short.key run sh -c 'printf abc >"$BETER_KEY_FILE"; chmod 600 "$BETER_KEY_FILE"; beter survey import 3 nov.csv --id-column E-mail'
[ "$before" != "$(store_digest)" ] && echo "(one respondent changed)"

note 360-degree feedback: 3 per rater category, no per-respondent rows
python3 - <<'EOF'
import json, os
inst = json.load(open(os.environ['SHARE'] + '/instruments/feedback360-schoolleider.json'))
items = [i for i in inst['items']]
labels = inst['likert'][0]['labels']
rows = [['Naam', inst['rater_question']] + [i['text'] for i in items]]
for k, (rater, n) in enumerate([('Zelf', 1), ('leraar', 5), ('Schoolcoach', 3), ('MT-lid', 2)]):
    for m in range(n):
        rows.append(['Persoon %d%d' % (k, m), rater] + [('' if i.get('type') == 'text' else labels[(k + m + j) % 5]) for j, i in enumerate(items)])
open('360.csv', 'w').write('\n'.join(';'.join(r) for r in rows) + '\n')
lines = open('360.csv').read().splitlines()
open('360-norater.csv', 'w').write('\n'.join(';'.join(l.split(';')[:1] + l.split(';')[2:]) for l in lines) + '\n')
open('360-badrater.csv', 'w').write('\n'.join(lines[:2] + [lines[2].replace('leraar', 'ouder')]) + '\n')
EOF
quiet beter person add MVD --name "Marieke van Dijk" --role schoolleider
run beter survey import 6 360.csv
run sh -c 'beter survey key --person MVD | sed "s/^\(fingerprint: *\|vingerafdruk: *\)[0-9a-f]\{16\}$/\1(16 hex digits)/"'
before=$(store_digest)
run beter survey import 6 360-norater.csv
run beter survey import 6 360-badrater.csv
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
run beter survey import 6 360.csv
run beter survey report 6 --by rater
run sh -c "beter --json survey report 6 --by rater | jq -c '[.results[] | select(.scale == \"rolmodel\") | [.group, .n, .suppressed]]'"
run beter survey report 6 --by rater --min-n 4

note compare two waves: Cohen d with pooled SD
run beter survey compare --instrument cultuursurvey --waves 0-meting,november
run beter --json survey compare --instrument cultuursurvey --waves 0-meting,november --team "Team C"
run beter --csv survey compare --instrument cultuursurvey --waves 0-meting,november --team "Team A"
run beter survey compare --instrument cultuursurvey --waves 0-meting
run beter survey compare --instrument cultuursurvey --waves 0-meting,jaar-9
run beter survey compare --instrument thermometer --waves a,b
run beter survey compare --waves a,b

note a second import of an export with free-text answers changes nothing
for t in "Team Onderbouw" "Team Middenbouw" "Team Bovenbouw"; do beter -q team add "$t" 2>/dev/null; done
cp "$SHARE/demo/cultuursurvey-november.csv" november.csv
quiet beter survey add --instrument cultuursurvey --wave "herhaling" --opens 2026-11-09 --closes 2026-11-18
n=$(beter --json survey list | jq '.[-1].id')
quiet beter survey import "$n" november.csv
beter --csv survey report "$n" | grep -c '^comments' | sed 's/^/free-text answers shown: /'
before=$(store_digest)
run beter survey import "$n" november.csv
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note instruments and waves are found regardless of case, a wave taken in another case too
run beter --csv survey compare --instrument CultuurSurvey --waves 0-METING,November
run beter survey add --instrument CULTUURSURVEY --wave HERHALING
