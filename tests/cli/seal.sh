# the 360-degree feedback sealed to the school leader: key pair, sealed
# import, reports only with the secret key, export/import, check

# fingerprints are random: shown as FINGERPRINT
fp() { sed -E 's/[0-9a-f]{16}/FINGERPRINT/g'; }

# mk360 OUT RATER:COUNT...: a Forms-shaped 360 export with names and free texts
cat >mk360.py <<'EOF'
import json, os, sys
inst = json.load(open(os.environ['SHARE'] + '/instruments/feedback360-schoolleider.json'))
items, labels = inst['items'], inst['likert'][0]['labels']
rows = [['Naam', inst['rater_question']] + [i['text'] for i in items]]
for k, arg in enumerate(sys.argv[2:]):
    rater, n = arg.split(':')
    for m in range(int(n)):
        rows.append(['Collega Geheimnaam%d%d' % (k, m), rater] +
                    [('Vertrouwelijke tip %d%d' % (k, m) if i.get('type') == 'text' else labels[(k * 2 + m + j) % 5])
                     for j, i in enumerate(items)])
open(sys.argv[1], 'w').write('\n'.join(';'.join(r) for r in rows) + '\n')
EOF
python3 mk360.py 360.csv Zelf:1 Leraar:6 Schoolcoach:3 MT-lid:2
python3 mk360.py 360-b.csv Zelf:1 Leraar:5 Schoolcoach:4

note setup: one school leader, one teacher
quiet beter init --school "OBS De Regenboog"
quiet beter person add MVD --name "Marieke van Dijk" --role schoolleider
quiet beter person add JDV --name "Jan de Vries" --role leraar
run beter survey add --instrument feedback360-schoolleider --wave jaar-1 -q
run beter survey add --instrument cultuursurvey --wave x --leader MVD

note no import without the key pair of the school leader
before=$(store_digest)
run beter survey import 1 360.csv
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note the key pair: only for a school leader
run beter survey key
run beter survey key --person JDV
run beter survey key --person XX
run beter survey key --person MVD | fp
run stat -c '%a %s' "$XDG_CONFIG_HOME/beter/360-MVD.key"
run sqlite3 "$BETER_DB" "SELECT p.code, length(k.public_key), typeof(k.public_key) FROM survey_leader_key k JOIN person p ON p.id = k.person_id"
run beter survey key --person MVD | fp
run beter --json survey key --person MVD --replace --dry-run | fp

note import: sealed, a second import changes nothing, anonymous only
run beter survey import 1 360.csv
before=$(store_digest)
run beter survey import 1 360.csv
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
run beter survey import 1 360.csv --id-column Naam

note the store shows no answer, rater or free text of a respondent
store_bytes >store.bytes
run grep -c -a -e 'Geheimnaam' -e 'Vertrouwelijke' store.bytes
run sh -c 'sqlite3 "$BETER_DB" .dump | grep -c -i -e Vertrouwelijke -e "INSERT INTO survey_response.*leraar"'
run sqlite3 "$BETER_DB" "SELECT count(*), count(rater), sum(n_answers), min(typeof(answers)), count(DISTINCT length(answers)), max(length(answers)) FROM survey_response"
run sqlite3 "$BETER_DB" "SELECT count(*) FROM survey_answer"
run sqlite3 "$BETER_DB" "SELECT count(*) FROM survey_text"

note the report is for the school leader only
run env BETER_SEAL_KEY_FILE="$TMP/nowhere.key" beter survey report 1
run env BETER_SEAL_KEY_FILE="$TMP/nowhere.key" beter survey report 1 --by rater --key-file "$TMP/also-nowhere.key"
chmod 644 "$XDG_CONFIG_HOME/beter/360-MVD.key"
run beter survey report 1
chmod 600 "$XDG_CONFIG_HOME/beter/360-MVD.key"

note with the key: zelf beside the others, never hidden, not in the total
run beter survey report 1 --by rater
run sh -c "beter --json survey report 1 --by rater | jq -c '[.survey.respondents, [.results[] | select(.scale == \"rolmodel\") | [.group, .n, .suppressed]]]'"
run sh -c "beter --csv survey report 1 | grep -e '^,,,,,,,,' -e Zelf -e totaal | head -4"
run sh -c "beter --json survey report 1 --by item | jq -c '[.survey.respondents, .results[0].n]'"
run sh -c "beter --json survey report 1 | jq -c '[.comments[] | .text] | length, .[0]'"
cp "$XDG_CONFIG_HOME/beter/360-MVD.key" elsewhere.key
mv "$XDG_CONFIG_HOME/beter/360-MVD.key" moved.key
run sh -c "beter --json survey report 1 --key-file elsewhere.key | jq -c '.survey.respondents'"
run sh -c "BETER_SEAL_KEY_FILE=elsewhere.key beter --json survey report 1 | jq -c '.survey.respondents'"
mv moved.key "$XDG_CONFIG_HOME/beter/360-MVD.key"

note compare: the others only, with the key
run beter survey add --instrument feedback360-schoolleider --wave jaar-2 -q
run beter survey import 2 360-b.csv
run env BETER_SEAL_KEY_FILE="$TMP/nowhere.key" beter survey compare --instrument feedback360-schoolleider --waves jaar-1,jaar-2
run beter --csv survey compare --instrument feedback360-schoolleider --waves jaar-1,jaar-2

note the progress report leaves the 360-degree feedback out
run sh -c "beter report --format json | jq -c '.sections[] | select(.key == \"surveys\") | [.figures.instruments, .note]'"

note check: sound without the key
run env BETER_SEAL_KEY_FILE="$TMP/nowhere.key" beter check

note export and import carry the sealed boxes byte for byte
run sh -c 'beter export >store.json'
run grep -c -e Vertrouwelijke -e Geheimnaam store.json
run sh -c 'BETER_DB=copy.db beter -q import store.json && BETER_DB=copy.db beter export >copy.json && cmp store.json copy.json && echo identical'
a=$(sqlite3 "$BETER_DB" "SELECT group_concat(hex(answers), '') FROM (SELECT answers FROM survey_response ORDER BY uid) AS r" | md5sum)
b=$(sqlite3 copy.db "SELECT group_concat(hex(answers), '') FROM (SELECT answers FROM survey_response ORDER BY uid) AS r" | md5sum)
[ "$a" = "$b" ] && echo "sealed answers identical"
run sh -c "BETER_DB=copy.db beter --json survey report 1 | jq -c '.survey.respondents'"
run sh -c 'BETER_DB=copy.db beter -q import store.json && BETER_DB=copy.db beter check'

note check finds a damaged sealed box, a rater in the clear, a missing key
damaged=$(store_copy damaged.db)
sqlite3 "$damaged" "UPDATE survey_response SET answers = substr(answers, 1, 40) WHERE id = 2; UPDATE survey_response SET rater = 'leraar' WHERE id = 3"
run env BETER_DB="$damaged" beter check
run env BETER_DB="$damaged" beter survey report 1
# a box of the right length that does not open: only the key finds it
sqlite3 "$damaged" "UPDATE survey_response SET answers = zeroblob(48 + 256) WHERE id = 2; UPDATE survey_response SET n_answers = 9 WHERE id = 4"
run env BETER_DB="$damaged" beter check
run env BETER_DB="$damaged" beter survey report 1
sqlite3 "$damaged" "DELETE FROM survey_leader_key"
run env BETER_DB="$damaged" beter check
run env BETER_DB="$damaged" beter survey report 1

note a new key pair: earlier responses open only with the old secret key
run beter survey key --person MVD --replace | fp
run sh -c "ls '$XDG_CONFIG_HOME/beter' | sed -E 's/[0-9a-f]{16}/FINGERPRINT/g'"
run beter survey report 1
run sh -c "beter --json survey report 1 --key-file '$XDG_CONFIG_HOME'/beter/360-MVD.key.* | jq -c '.survey.respondents'"

note several school leaders: the survey says whose feedback it is
quiet beter person add AB --name "Anna Bakker" --role schoolleider
run beter survey add --instrument feedback360-schoolleider --wave jaar-3
run beter survey add --instrument feedback360-schoolleider --wave jaar-3 --leader JDV
run beter survey add --instrument feedback360-schoolleider --wave jaar-3 --leader AB -q
run beter survey import 3 360.csv
run beter --csv survey key --person AB --key-file ab.key | fp
run beter survey import 3 360.csv
run sh -c "beter --json survey report 3 --key-file ab.key | jq -c '.survey.respondents'"
run beter survey report 3
run beter check

note responses stored before the seal, in a store from before schema 9, are sealed with the key pair
export BETER_DB="$PWD/old.db"
quiet beter init --school "OBS Oud"
quiet beter person add MVD --name "Marieke van Dijk" --role schoolleider
quiet beter survey add --instrument feedback360-schoolleider --wave oud
sqlite3 "$BETER_DB" "
  INSERT INTO survey_response(uid, survey_id, rater, n_answers, answers) VALUES
    ('aaaaaaaa000000000000000000000001', 1, 'zelf', 9, x'010203040501020304'),
    ('aaaaaaaa000000000000000000000002', 1, 'leraar', 9, x'040404040404040404'),
    ('aaaaaaaa000000000000000000000003', 1, 'leraar', 8, x'050505050505050500'),
    ('aaaaaaaa000000000000000000000004', 1, 'leraar', 9, x'030303030303030303');
  INSERT INTO survey_text(uid, response_id, item_id, text) VALUES
    ('bbbbbbbb000000000000000000000001', 2, (SELECT id FROM survey_item WHERE code = 'tip'), 'Een oude tip in klare tekst')"
run beter check
run beter survey key --person MVD --key-file old.key | fp
run beter check
run sqlite3 "$BETER_DB" "SELECT count(*), count(rater), sum(n_answers), count(DISTINCT length(answers)), sum(uid LIKE 'aaaaaaaa0000000000000000%') FROM survey_response; SELECT count(*) FROM survey_text"
run sh -c "beter --json survey report 1 --by rater --key-file old.key | jq -c '[.survey.respondents, [.results[] | select(.scale == \"overtuiging\") | [.group, .n, .mean]]]'"
run sh -c "BETER_DB=old.db beter survey key --person MVD --key-file old2.key --replace | sed -n 's/^replaced: *//p'"
