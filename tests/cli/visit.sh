# lesson visits, feedback talks, duo rounds, coverage, frameworks

# the editor's files go to $TMPDIR; their random part is masked in the transcript
export TMPDIR="$TMP/edits"
mkdir -p "$TMPDIR"
mask() { sed -E 's/beter-visit-[A-Za-z0-9]{6}\.txt/beter-visit-XXXXXX.txt/g'; }

run beter visit --help
run beter help visit framework

quiet beter init --school "OBS De Linde"
printf 'code;naam;rol;team\nAA;Ada Aarts;leraar;Team Zes\nBB;Bo Bakker;leraar;Team Zes\nCC;Cas Claes;leraar;Team Zes\nDD;Dio Dekker;leraar;Team Zes\nEE;Eva Eijk;schoolcoach;Team Zes\nFF;Fay Fens;leraar;Team Zes\nGG;Gijs Goes;leraar;Team Vijf\nHH;Hes Hout;leraar;Team Vijf\nII;Ivo Ilse;leraar;Team Vijf\nJJ;Jet Jong;leraar;Team Vijf\nKK;Kim Kok;leraar;Team Vijf\nSL;Sam Leid;schoolleider;MT\n' >roster.csv
quiet beter person import roster.csv

note frameworks shipped with beter
run beter visit framework list
run beter visit framework show leerresultaten
run beter --json visit framework show leerresultaten
run beter visit framework show nope

note duo planning: a team of 6 and a team of 5, planned on Friday 30 October
export BETER_TODAY=2026-10-30
run beter visit plan --team "Team Zes" --round "ronde 1" --from 2026-11-02 --to 2026-11-13
run beter visit plan --team "Team Vijf" --round "ronde 1"
# the invariants, checked on the JSON: everyone visits once, is visited once, never themself
check_round() {
	beter --json visit list --round "$1" --team "$2" | python3 -c '
import json, sys
v = json.load(sys.stdin)
obs = sorted(x["observer"] for x in v); tea = sorted(x["teacher"] for x in v)
ok = obs == tea and len(set(obs)) == len(v) and all(x["observer"] != x["teacher"] for x in v)
print("%s: %d visits, everyone visits once and is visited once: %s" % (sys.argv[1], len(v), ok))
' "$2"
}
check_round "ronde 1" "Team Zes"
check_round "ronde 1" "Team Vijf"
# planning a round again replaces what was not recorded (shown without writing)
run beter --dry-run visit plan --team "Team Zes" --round "ronde 1"
note round 2, planned on Friday 13 November
export BETER_TODAY=2026-11-13
run beter visit plan --team "Team Zes" --round "ronde 2" --from 2026-11-16 --to 2026-11-27
run beter visit plan --team "Team Vijf" --round "ronde 2"
export BETER_TODAY=2026-11-20
check_round "ronde 2" "Team Zes"
check_round "ronde 2" "Team Vijf"
# no pair of round 1 comes back in round 2
beter --json visit list | python3 -c '
import json, sys
v = json.load(sys.stdin)
r1 = {(x["observer"], x["teacher"]) for x in v if x["round"] == "ronde 1"}
r2 = {(x["observer"], x["teacher"]) for x in v if x["round"] == "ronde 2"}
print("pairs repeated from ronde 1 in ronde 2:", len(r1 & r2))
'
run beter visit plan --team MT --round "ronde 1"
run beter visit plan --team "Team Zes"
run beter visit plan --team "Team Zes" --round x --from 2026-12-01
run beter --dry-run visit plan --team "Team Zes" --round "ronde 2" --from 2026-12-01 --to 2026-12-10


note planned, recorded, feedback held
run beter visit record 1 --seen "I saw you write the lesson goal on the board and read it aloud." \
	--effect "Three pupils copied it; the others went on talking." --score uitleg.1=2 --score klimaat.1=3 --date 2026-11-03
run beter visit show 1
run beter visit list --status feedback-due
run beter visit feedback 1 --date 2026-11-12 --agreed "Start with the goal and let pupils say it in their own words." \
	--point "Check that every pupil knows the lesson goal"
run beter visit list --teacher "$(beter --json visit show 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["visit"]["teacher"])')" --csv
run beter visit record 2 --seen "You used wisbordjes for every question." --effect "All pupils wrote an answer." --score klimaat.2=4 --tsv
run beter visit show 2 --json
run beter visit list --status done
run beter visit list --status feedback-due --feedback-days 3

note a focus on the development points
run beter visit add --observer EE --teacher "$(beter --json visit show 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["visit"]["teacher"])')" \
	--date 2026-11-26 --time 10:15 --group "groep 6" --subject rekenen --lesson-goal "Breuken vergelijken" --focus points
goal=$(beter -q --json goal add --team "Team Zes" --text "Leerlingen kunnen hun aanpak hardop uitleggen" --pupils "groep 6" --weeks 6 --norm 8 --baseline 5 --date 2026-11-02 >/dev/null; beter --json goal list --team "Team Zes" | jq '.[0].id')
run beter visit add --observer SL --teacher AA --date 2026-11-27 --focus "goal:$goal" --round "ronde 2" --json
run beter visit add --observer SL --teacher AA --date 2026-11-27 --focus goal:999
run beter visit add --observer SL --teacher AA --date 2026-11-27 --focus goal:1
run beter visit add --observer SL --teacher BB --date 2026-11-27 --focus item:klimaat.2 --quiet
run beter visit points --teacher "$(beter --json visit show 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["visit"]["teacher"])')"
run beter visit points close 1 --date 2026-11-19
run beter visit points close 1
run beter visit points --teacher "$(beter --json visit show 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["visit"]["teacher"])')" --json

note ad-hoc entry with the editor
cat >editor.sh <<'ED'
#!/bin/sh
# a scripted editor: keeps the template's comments, fills in the sections
cp "$1" "$TMP/template.txt"
{
	echo "seen: I saw you stop the class and ask two pupils to explain"
	echo "their answer on the board."
	echo "# a comment the editor leaves behind"
	echo "effect: The pupils at the back started to compare their answers."
	echo "scores:"
	echo "activerend.2=3"
	cat "$1"
} >"$1.new" && mv "$1.new" "$1"
ED
chmod +x editor.sh
EDITOR="$TMP/work/editor.sh" run beter visit record 3 --edit
echo "the template the editor got:"
cat "$TMP/template.txt"
cat >empty-editor.sh <<'ED'
#!/bin/sh
# leaves only comments: the entry is aborted
grep '^#' "$1" >"$1.new"; mv "$1.new" "$1"
ED
chmod +x empty-editor.sh
before=$(store_digest)
VISUAL="$TMP/work/empty-editor.sh" EDITOR=false run beter visit record 4 --edit
VISUAL="$TMP/work/empty-editor.sh" run beter visit add --observer SL --teacher CC --date 2026-11-19 --edit
EDITOR=false run beter visit record 4 --edit
run beter visit record 4 --edit </dev/null
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
EDITOR="$TMP/work/editor.sh" run beter visit add --observer SL --teacher DD --date 2026-11-18 --edit --quiet
run beter visit show "$(beter --json visit list --observer SL --teacher DD | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')" --csv

note without a terminal: JSON with --from
printf '{"seen": "You gave the instruction in three short steps.", "effect": "Pupils started at once.", "scores": {"management.1": 4, "uitleg.2": 3}}' >obs.json
run beter visit record 4 --from obs.json --quiet
printf '{"seen": "You walked round.", "effect": "Pupils asked questions."}' | run beter visit record 5 --from - --quiet
run beter visit list --round "ronde 1"

note rules: nothing is written
before=$(store_digest)
run beter visit record 6 --seen x --effect y --score uitleg.1=5
run beter visit record 6 --seen x --effect y --score onzin.1=2
run beter visit record 6 --seen x --effect y --score uitleg.1
run beter visit record 6 --seen x --effect y --score uitleg.1=drie
run beter visit record 6 --seen x
run beter visit record 99 --seen x --effect y
run beter visit record 22 --seen x --effect y
run beter visit add --observer AA --teacher AA --date 2026-11-20
run beter visit add --observer AA --teacher ZZ --date 2026-11-20
run beter visit add --observer QQ --teacher AA --date 2026-11-20
run beter visit add --observer AA --teacher BB --date 2026-13-01
run beter visit add --observer AA --teacher BB --date 2026-11-20 --time 25:00
run beter visit add --observer AA --teacher BB --date 2026-11-20 --focus item:onzin
run beter visit add --observer AA --teacher BB --date 2026-11-20 --focus goal:-2
run beter visit add --observer AA --teacher BB --date 2026-11-20 --focus everything
run beter visit add --observer AA --teacher BB --date 2026-11-20 --framework onbekend
run beter visit add --observer AA --teacher BB --date 2026-11-20 --seen x --effect y --score uitleg.1=0
run beter visit add --observer AA --teacher BB --date 2026-11-20 --edit --from obs.json
run beter visit add --observer AA --teacher BB --date 2026-11-20 --from obs.json --seen x
run beter visit add --observer AA --teacher BB
run beter visit feedback 6 --agreed "x"
run beter visit feedback 1 --agreed "again"
run beter visit feedback 2 --agreed "x" --date 2026-11-01
run beter visit feedback 2 --agreed "x" --date 2026-12-01
run beter visit feedback 2
run beter visit feedback 99 --agreed x
run beter visit show 99
run beter visit show x
run beter visit list --status open
run beter visit list --round "ronde 9"
run beter visit points
run beter visit points close 77
printf '{"seen": 3}' >bad.json
run beter visit record 6 --from bad.json
printf '{"seen": "a", "effect": "b", "scores": {"uitleg.1": 2.5}}' >bad2.json
run beter visit record 6 --from bad2.json
printf 'not json' >bad3.json
run beter visit record 6 --from bad3.json
run beter visit record 6 --from missing.json
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note coverage and feedback-due
run beter visit coverage --round "ronde 1"
run beter visit coverage --round "ronde 1" --json
run beter visit coverage --round "ronde 1" --csv --require 20
run beter visit coverage --round "ronde 1" --require 50
run beter visit coverage --from 2026-11-01 --to 2026-11-30 --team "Team Vijf"
run beter visit coverage --from 2026-W46
run beter visit coverage
run beter visit coverage --round "ronde 1" --require 120
run beter visit list --status feedback-due
BETER_TODAY=2026-12-31 run beter visit list --status feedback-due --csv

note framework scores: means per item and domain, never per teacher
run beter visit scores --team "Team Zes" --round "ronde 1"
run beter --json visit scores
run beter visit scores --team "Team Vijf" --csv

note the school own framework from a semicolon CSV
printf '\xef\xbb\xbfdomein;code;omschrijving\r\nKlimaat;kl.1;"De leraar begroet elke leerling; bij naam"\r\nKlimaat;kl.2;Er is rust in de klas\r\nUitleg;ui.1;Het doel staat op het bord\r\n' >onze-kijkwijzer.csv
run beter visit framework import onze-kijkwijzer.csv --title "Onze kijkwijzer" --scale 1-3 --labels "nog niet|soms|altijd"
run beter visit framework list --csv
run beter visit add --observer SL --teacher EE --date 2026-11-19 --framework onze-kijkwijzer --seen "You greeted every pupil at the door." --effect "Pupils came in quietly." --score kl.1=3 --score ui.1=2 --quiet
run beter visit add --observer SL --teacher FF --date 2026-11-19 --framework onze-kijkwijzer --seen "x" --effect "y" --score kl.1=4
run beter visit scores --csv
before=$(store_digest)
printf 'domein;code;omschrijving\nKlimaat;kl.2;Er is rust in de klas\n' >smaller.csv
run beter visit framework import smaller.csv --key onze-kijkwijzer
printf 'domein;code;omschrijving\nKlimaat;kl 1;Rust\n' >badid.csv
run beter visit framework import badid.csv
printf 'domein;code;omschrijving\nKlimaat;kl.1;Rust\nUitleg;kl.1;Doel\n' >dup.csv
run beter visit framework import dup.csv
printf 'wat;waarom\nx;y\n' >header.csv
run beter visit framework import header.csv
run beter visit framework import onze-kijkwijzer.csv --key leskwaliteit
run beter visit framework import onze-kijkwijzer.csv --scale 4-1
run beter visit framework import onze-kijkwijzer.csv --labels "a|b"
printf '{"key": "k", "title": "T", "scale": {"min": 1, "max": 4}, "domains": [{"id": "d", "title": "D", "items": [{"id": "i", "text": 5}]}]}' >badfw.json
run beter visit framework import badfw.json
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
printf '{"key": "eigen-json", "title": "Eigen", "scale": {"min": 1, "max": 2, "labels": ["nee", "ja"]}, "domains": [{"id": "d", "title": "D", "items": [{"id": "d.1", "text": "Tekst"}]}]}' >fw.json
run beter visit framework import fw.json --quiet
run beter visit framework import fw.json --dry-run --quiet
run beter visit framework show eigen-json --tsv

note usage errors
run beter visit lst
run beter visit add --observer AA
run beter visit record
run beter visit record 4
run beter visit plan --round x
run beter visit coverage --round "ronde 1" --require lots
run beter visit list --feedback-days -1

note "plans are for the future, on weekdays (today is 2026-11-20)"
before=$(store_digest)
run beter visit plan --team "Team Vijf" --round "ronde 3" --from 2026-11-02 --to 2026-11-13
run beter visit plan --team "Team Vijf" --round "ronde 3" --from 2026-11-16 --to 2026-11-27
run beter visit plan --team "Team Vijf" --round "ronde 3" --from 2026-11-28 --to 2026-11-29
run beter visit plan --team "Team Vijf" --round "ronde 3" --from 2026-W47 --to 2026-W46
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note a round made by visit add is not pinned to that day
run beter visit add --observer GG --teacher HH --date 2026-11-18 --round "ronde 3" --quiet
run beter visit plan --team 2 --round "ronde 3" --from 2026-11-30 --to 2026-12-11
run beter visit plan --team "Team Vijf" --round "ronde 3"
run beter visit add --observer SL --teacher AA --date 2026-11-18 --round "ronde 4" --quiet
run beter visit plan --team "Team Zes" --round "ronde 4"
# every visit of the plans is on a weekday, today or later, and nobody is visited twice
beter --json visit list --round "ronde 4" | python3 -c '
import json, sys, datetime
v = [x for x in json.load(sys.stdin)]
days = [datetime.date.fromisoformat(x["date"]) for x in v if x["observer"] != "SL"]
tea = [x["teacher"] for x in v]
print("ronde 4: %d visits, all on weekdays from today: %s, each teacher once: %s" % (len(v),
      all(d.weekday() < 5 and d >= datetime.date(2026, 11, 20) for d in days), len(tea) == len(set(tea))))
'

note missed: a planned visit whose day passed without a record
run beter visit list --status missed --csv
run beter visit show 7 --json

note "scores: a mean behind fewer than 3 different teachers is suppressed"
for t in GG HH II; do
	quiet beter visit add --observer SL --teacher $t --date 2026-11-19 --seen "You waited for silence." --effect "Pupils listened." --score klimaat.3=3
done
for d in 2026-11-17 2026-11-18 2026-11-19; do
	quiet beter visit add --observer KK --teacher JJ --date $d --seen "You named what went well." --effect "Pupils smiled." --score klimaat.1=4
done
quiet beter visit add --observer SL --teacher KK --date 2026-11-19 --seen "x." --effect "y." --score klimaat.3=4
run beter visit scores --team "Team Vijf" --year 2026
beter --json visit scores --team "Team Vijf" | jq -c '.items[] | select(.scores > 0) | {item_id, scores, teachers, mean, suppressed}'
beter --json visit scores --team "Team Vijf" | jq -c '.domains[] | select(.domain_id == "klimaat")'
beter --csv visit scores --team "Team Vijf" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print("csv: suppressed rows", sum(r["suppressed"] == "true" for r in rows), "and their means empty:",
      all(r["mean"] == "" for r in rows if r["suppressed"] == "true"))
'
note "scores: no periods, teachers or observers; whole rounds or school years"
run beter visit scores --team "Team Vijf" --from 2026-11-17
run beter visit scores --from 2026-10-01 --to 2026-11-30
run beter visit scores --teacher JJ
run beter visit scores --observer KK --team "Team Vijf"
run beter visit scores --round "ronde 1" --year 2026
run beter visit scores --year 2026-2028
run beter visit scores --year last
run beter visit scores --round "ronde 9"
run beter visit scores --year 2025-2026 --csv
echo "refused options in the help: $(beter visit scores --help | grep -c -e --from -e --teacher -e --observer)"

note "what happened is not after today; a plan may be"
before=$(store_digest)
run beter visit record 34 --seen "x" --effect "y" --date 2026-12-14
run beter visit add --observer AA --teacher BB --date 2026-12-14 --seen "x" --effect "y"
VISUAL=false run beter visit add --observer AA --teacher BB --date 2026-12-14 --edit
run beter visit feedback 2 --agreed "x" --date 2026-12-14
run beter visit record 1 --seen x --effect y --score uitleg.1=3 --score uitleg.1=2 --replace
run beter visit record 1 --seen x --effect y --score Uitleg.1=3 --score uitleg.1=2 --replace
printf 'seen: x\neffect: y\nscores:\nuitleg.1=3\nuitleg.1=2\n' >twice.txt
cat >twice-editor.sh <<'ED'
#!/bin/sh
cp "$TMP/work/twice.txt" "$1"
ED
chmod +x twice-editor.sh
EDITOR="$TMP/work/twice-editor.sh" run beter visit record 1 --edit --replace | mask
rm -f "$TMPDIR"/*
printf '{"seen": "x", "effect": "y", "scores": {"uitleg.1": 3, "uitleg.1": 2}}' >twice.json
run beter visit record 1 --from twice.json --replace
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
run beter visit add --observer AA --teacher BB --date 2026-12-14 --time 9:00 --quiet
run beter visit list --teacher BB --from 2026-12-14 --csv
run beter visit add --observer AA --teacher BB --date 2026-12-15 --time 9:7

note "the template in Dutch (a Dutch interface): write under gezien:, effect: and scores:"
cat >nl-editor.sh <<'ED'
#!/bin/sh
# fills in the template in Dutch (under seen: too, in an English one); keeps
# the first lines of the template it got in nl-template.txt
sed -n '1p;/^# Lesbezoek\|^# Lesson visit/p;/^# Schrijf\|^# Write/p' "$1" >"$TMP/work/nl-template.txt"
sed -e 's/^gezien:$/gezien: Ik zag dat je de leerlingen eerst zelf liet nadenken./' \
    -e 's/^seen:$/seen: Ik zag dat je de leerlingen eerst zelf liet nadenken./' \
    -e 's/^effect:$/effect: Daarna deden alle leerlingen mee aan het gesprek./' \
    -e 's/^scores:$/scores:\nactiverend.1=4/' "$1" >"$1.new" && mv "$1.new" "$1"
ED
chmod +x nl-editor.sh
EDITOR="$TMP/work/nl-editor.sh" run beter --lang nl visit add --observer SL --teacher CC --date 2026-11-20 --group "groep 5" --edit --quiet
cat nl-template.txt
beter --json visit list --observer SL --teacher CC --from 2026-11-20 | jq ".[0].id" >last
run beter visit show "$(cat last)" --json

note "a recorded visit is written again only with --replace"
obs3() { beter --json visit show 3 | jq -c '{seen: .visit.seen, effect: .visit.effect, recorded: .visit.recorded, scores: [.scores[] | "\(.item_id)=\(.score)"]}'; }
obs3
before=$(store_digest)
run beter visit record 3 --seen x --effect y
rm -f "$TMP/template.txt"
EDITOR="$TMP/work/editor.sh" run beter visit record 3 --edit
[ -f "$TMP/template.txt" ] && echo "the editor opened" || echo "the editor did not open"
printf '{"seen": "x", "effect": "y"}' | run beter visit record 3 --from -
run beter visit record 3 --replace
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
cat >replace-editor.sh <<'ED'
#!/bin/sh
# edits what is recorded: another score, a word added to the effect
cp "$1" "$TMP/replace-template.txt"
sed -e 's/^activerend\.2=3$/activerend.2=4/' -e 's/^The pupils at the back/Then the pupils at the back/' "$1" >"$1.new" &&
	mv "$1.new" "$1"
ED
chmod +x replace-editor.sh
EDITOR="$TMP/work/replace-editor.sh" run beter visit record 3 --edit --replace --quiet
echo "the template held the recorded text and scores:"
grep -v '^#' "$TMP/replace-template.txt"
obs3
echo "files left in \$TMPDIR after a stored text: $(ls "$TMPDIR" | wc -l)"
# --replace with options: what is given is the record, scores not given go
run beter visit record 3 --replace --seen "You asked two pupils to explain." --effect "The class listened." --quiet
obs3

note "a line that is only a word and a colon must be a section header"
cat >typo-editor.sh <<'ED'
#!/bin/sh
printf 'gezien: You let pupils explain their answer.\neffect: Pupils listened to each other.\nscore:\nklimaat.1=3\n' >"$1"
ED
chmod +x typo-editor.sh
cat >odd-editor.sh <<'ED'
#!/bin/sh
printf 'gezien: You let pupils explain their answer.\nopmerking:\neffect: Pupils listened.\n' >"$1"
ED
chmod +x odd-editor.sh
before=$(store_digest)
EDITOR="$TMP/work/typo-editor.sh" run beter visit record 6 --edit | mask
EDITOR="$TMP/work/odd-editor.sh" run beter visit add --observer SL --teacher EE --date 2026-11-20 --edit | mask
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
echo "kept files: $(ls "$TMPDIR" | wc -l)"
rm -f "$TMPDIR"/*
# ^C while the editor is open (to the terminal's process group) reaches the
# editor, not beter, which removes the file it made
cat >int-editor.sh <<'ED'
#!/bin/sh
kill -INT 0
sleep 2
ED
chmod +x int-editor.sh
EDITOR="$TMP/work/int-editor.sh" run setsid beter visit record 6 --edit
echo "files left: $(ls "$TMPDIR" | wc -l)"

note "the text is kept when anything fails after the editor closed"
cat >badscore-editor.sh <<'ED'
#!/bin/sh
printf 'gezien: You let pupils explain their answer.\neffect: Pupils listened to each other.\nscores:\nklimaat.1=7\n' >"$1"
ED
chmod +x badscore-editor.sh
before=$(store_digest)
EDITOR="$TMP/work/badscore-editor.sh" run beter visit record 6 --edit | mask
kept=$(ls "$TMPDIR"/beter-visit-*.txt)
echo "kept: $(basename "$kept" | mask), $(grep -c . "$kept") lines"
# (a store locked past the busy timeout, exit 75, keeps it too: concurrency.sh)
# fixed, and written with --text-from; errors in it name the file and line
run beter visit record 6 --text-from "$kept" | mask
sed -i 's/^klimaat\.1=7$/klimaat.1=3/' "$kept"
printf 'seen: x\neffect: y\nscores:\nklimaat.1=3\nklimaat.1=2\n' | run beter visit record 6 --text-from -
run beter visit record 6 --text-from "$kept" --seen x | mask
EDITOR="$TMP/work/nl-editor.sh" run beter --dry-run visit record 7 --edit | mask
echo "kept after a dry run: $(ls "$TMPDIR" | grep -vc "$(basename "$kept")")"
run beter visit record 6 --text-from "$kept" --quiet | mask
beter --json visit show 6 | jq -c '{seen: .visit.seen, scores: [.scores[] | "\(.item_id)=\(.score)"]}'
# stored: the kept text is gone from the temporary directory
[ -e "$kept" ] && echo "the kept text is still there" || echo "the kept text was removed"
echo "kept files: $(ls "$TMPDIR" | wc -l)"
# a text of one's own with --text-from stays, even when it is stored
printf 'gezien: x\neffect: y\n' >own.txt
run beter visit record 6 --text-from own.txt --replace --quiet
[ -e own.txt ] && echo "own.txt stays"
# so does a file named like the kept ones outside the temporary directory
printf 'gezien: x\neffect: y\n' >beter-visit-AbC123.txt
chmod 600 beter-visit-AbC123.txt
run beter visit record 6 --text-from beter-visit-AbC123.txt --replace --quiet
[ -e beter-visit-AbC123.txt ] && echo "beter-visit-AbC123.txt outside \$TMPDIR stays"
# and one there that others could read (not beter's)
cp beter-visit-AbC123.txt "$TMPDIR/beter-visit-XyZ789.txt"
chmod 644 "$TMPDIR/beter-visit-XyZ789.txt"
run beter visit record 6 --text-from "$TMPDIR/beter-visit-XyZ789.txt" --replace --quiet
[ -e "$TMPDIR/beter-visit-XyZ789.txt" ] && echo "a readable one in \$TMPDIR stays"
rm -f "$TMPDIR/beter-visit-XyZ789.txt"

note "coverage without a period: the current school year, for cron"
run beter visit coverage --require 90 --csv
BETER_TODAY=2027-08-02 run beter visit coverage --require 10 --quiet
run beter visit coverage --require 20 --quiet --team "Team Zes"

note "scores: the school minus its other teams does not give a team of two away"
for t in AA BB; do
	quiet beter visit add --observer SL --teacher $t --date 2026-11-19 --seen "You praised effort." --effect "Pupils kept going." --score klimaat.3=1
done
k3() { beter --json visit scores "$@" 2>/dev/null | jq -c --arg sel "${*:-school}" '.items[] | select(.item_id == "klimaat.3") | {sel: $sel, scores, teachers, mean, suppressed}'; }
k3
k3 --team "Team Vijf"
k3 --team "Team Zes"

note "the template in English (an English interface): seen:, effect: and scores:; the Dutch text above is read there too"
cat >en-editor.sh <<'ED'
#!/bin/sh
grep -q '^seen:$' "$1" && grep -q '^# Write down what happened' "$1" || exit 1
sed -e 's/^seen:$/seen: You let the pupils think first./' \
    -e 's/^effect:$/effect: Then every pupil joined the talk./' "$1" >"$1.new" && mv "$1.new" "$1"
ED
chmod +x en-editor.sh
EDITOR="$TMP/work/en-editor.sh" run beter --lang en visit add --observer SL --teacher CC --date 2026-11-19 --edit --quiet
beter --json visit list --observer SL --teacher CC --from 2026-11-19 --to 2026-11-19 | jq -c ".[0] | {date, status}"
printf 'seen: You let the pupils think first.\neffect: Then every pupil joined the talk.\n' >en.txt
printf 'gezien: Je liet de leerlingen eerst nadenken.\neffect: Daarna deed iedereen mee.\n' >nl.txt
run beter --lang nl visit add --observer SL --teacher CC --date 2026-11-18 --text-from en.txt --quiet
run beter --lang en visit add --observer SL --teacher CC --date 2026-11-17 --text-from nl.txt --quiet
for id in $(beter --json visit list --observer SL --teacher CC --from 2026-11-17 --to 2026-11-18 | jq ".[].id"); do
	beter --json visit show "$id" | jq -c ".visit | {date, seen}"
done

note "one lesson at a time: a second visit of an observer at the same date and time is refused, whoever the teacher"
slot() { beter --json visit list --observer "$1" --from "$2" --to "$2" | jq -c '[.[] | "\(.id) \(.time // "-") \(.teacher) \(.status)"]'; }
run beter visit add --observer EE --teacher GG --date 2026-12-07 --time 09:30 --quiet
first=$(beter --json visit list --observer EE --from 2026-12-07 --to 2026-12-07 | jq '.[0].id')
before=$(store_digest)
run beter visit add --observer EE --teacher HH --date 2026-12-07 --time 9:30
run beter visit add --observer EE --teacher GG --date 2026-12-07 --time 09:30 --group 5
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
note "two observers in one lesson; another time, or no time, is another slot"
run beter visit add --observer SL --teacher GG --date 2026-12-07 --time 09:30 --quiet
run beter visit add --observer EE --teacher HH --date 2026-12-07 --time 10:30 --quiet
run beter visit add --observer EE --teacher II --date 2026-12-07 --quiet
run beter visit add --observer EE --teacher JJ --date 2026-12-08 --time 09:30 --quiet
slot EE 2026-12-07
note "a move into the slot is refused, with a new time or the visit's own; a visit is not in its own way"
later=$(beter --json visit list --observer EE --teacher HH --from 2026-12-07 --to 2026-12-07 | jq '.[0].id')
other=$(beter --json visit list --observer EE --teacher JJ --from 2026-12-08 --to 2026-12-08 | jq '.[0].id')
run beter visit move "$later" --date 2026-12-07 --time 09:30
run beter visit move "$other" --date 2026-12-07
run beter visit move "$first" --date 2026-12-07 --time 09:30
note "a cancelled visit frees its slot"
run beter visit cancel "$first" --reason "Schoolreis" --quiet
run beter visit move "$other" --date 2026-12-07
slot EE 2026-12-07
note "the visit moved into it holds the slot now"
run beter visit add --observer EE --teacher GG --date 2026-12-07 --time 09:30
note "import keeps two visits in one slot (as a store from before the rule may hold): a round trip never fails"
beter export | jq --argjson id "$first" '(.tables.visit[] | select(.id == $id)) |= (.cancelled = null | .cancel_reason = null)' >slot.json
BETER_DB="$TMP/work/slot.db" run beter import slot.json --quiet
BETER_DB="$TMP/work/slot.db" beter export | jq -S . >again.json
jq -S . slot.json | cmp - again.json && echo "exported again: the same document"
BETER_DB="$TMP/work/slot.db" slot EE 2026-12-07
BETER_DB="$TMP/work/slot.db" run beter visit move "$later" --date 2026-12-07 --time 09:30
