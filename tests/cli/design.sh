# gezamenlijk lesontwerp: lesson designs, their steps, visits that observe
# them and pupils' feedback tied to them

export TMPDIR="$TMP/edits"
mkdir -p "$TMPDIR"
mask() { sed -E 's/beter-visit-[A-Za-z0-9]{6}\.txt/beter-visit-XXXXXX.txt/g'; }

run beter design --help
run beter help design step

quiet beter init --school "IKC De Vlinderboom"
printf 'code;naam;rol;team\nBVB;Bram van den Berg;schoolcoach;Team Bovenbouw\nODW;Olga de Wit;leraar;Team Bovenbouw\nMKP;Mohamed Kaya;leraar;Team Bovenbouw\nSHD;Sophie Hendriks;leraar;Team Bovenbouw\nJDV;Jan de Vries;leraar;Team Middenbouw\nKBO;Kees Bos;leraar;Team Middenbouw\n' >roster.csv
quiet beter person import roster.csv
quiet beter goal add --team "Team Middenbouw" --text "Leerlingen rekenen hardop" --weeks 6 --norm 7 --baseline 5 --date 2026-09-07
quiet beter goal add --team "Team Bovenbouw" --text "Leerlingen geven elkaar bruikbare feedback" --weeks 6 --norm 7.5 --baseline 4 --date 2026-10-26

note a duo writes a design for their goal, through flags
run beter design add --team "Team Bovenbouw" --goal 2 --authors ODW,MKP --group "groep 7" \
	--subject begrijpend-lezen --date 2026-12-03 --doel "Leerlingen geven elkaar feedback met de feedbackkaart" \
	--zichtbaar "Doel en succescriteria op het bord" --activiteiten "Voordoen, tweetallen, nabespreken" \
	--check "Exit-ticket: één tip en één top" --als-dan "Als minder dan 80% het kan, dan morgen verlengde instructie"
run beter design step add 1 --min 10 --wat "Voordoen met een voorbeeldtekst" --hoe "Hardop denken" \
	--effect "Leerlingen noemen zelf wat een goede tip is"
run beter -q design step add 1 --min 15 --wat "Tweetallen met de feedbackkaart" --hoe "Kaart met tip en top" \
	--effect "Elk tweetal geeft elkaar een tip en een top"
run beter -q design step add 1 --min 10 --wat "Nabespreken" --effect "Leerlingen vertellen welke tip hielp"
run beter -q design step add 1 --min 5 --wat "Exit-ticket" --effect "Iedere leerling schrijft één tip en één top op"
run beter design step list 1
run beter --csv design step list 1
run beter -q design feedback-question add 1 "Wat hielp jou vandaag het meest?"
run beter -q design feedback-question add 1 "Wat was nog lastig?"

note through --edit with a scripted editor
cat >design-editor.sh <<'ED'
#!/bin/sh
# a scripted editor: keeps the template's comments, fills in the sections
cp "$1" "$TMP/template.txt"
{
	echo "groep: groep 8"
	echo "vak: begrijpend lezen"
	echo "datum: 2026-12-04, 2026-12-11"
	echo "doel:"
	echo "Leerlingen geven elkaar feedback op een samenvatting."
	echo "# a comment the editor leaves behind"
	echo "zichtbaar: Het doel staat op het bord en de leerkracht leest het voor."
	echo "activiteiten: Voordoen, tweetallen, klassikaal nabespreken."
	echo "check: Exit-ticket"
	echo "als-dan: Als minder dan 80% het kan, dan verlengde instructie."
	echo "stappen:"
	echo "10 | Voordoen | Hardop denken | Leerlingen noemen een goede tip"
	echo "15 | Tweetallen | Feedbackkaart | Elk tweetal geeft een tip en een top"
	echo " | Nabespreken | | Leerlingen vertellen welke tip hielp"
	echo "5 | Exit-ticket | Op een kaartje | Iedere leerling schrijft een tip op"
	echo "vragen:"
	echo "Wat hielp jou vandaag het meest?"
	grep '^#' "$1"
} >"$1.new" && mv "$1.new" "$1"
ED
chmod +x design-editor.sh
EDITOR="$TMP/work/design-editor.sh" run beter design add --team "Team Bovenbouw" --goal 2 --authors ODW,MKP --edit
echo "the template the editor got:"
cat "$TMP/template.txt"
echo "editor files left: $(ls "$TMPDIR" | wc -l)"
cat >empty-editor.sh <<'ED'
#!/bin/sh
grep '^#' "$1" >"$1.new"; mv "$1.new" "$1"
ED
chmod +x empty-editor.sh
before=$(store_digest)
EDITOR="$TMP/work/empty-editor.sh" run beter design add --team "Team Bovenbouw" --authors ODW,MKP --edit
note "the text is kept when the save fails, and --text-from writes it"
cat >bad-editor.sh <<'ED'
#!/bin/sh
printf 'doel: Samenvatten\nstappen:\n10 | Voordoen | Hardop denken\n' >"$1"
ED
chmod +x bad-editor.sh
EDITOR="$TMP/work/bad-editor.sh" run beter design add --team "Team Bovenbouw" --authors ODW,MKP --edit | mask
cat >typo-editor.sh <<'ED'
#!/bin/sh
printf 'doel: Samenvatten\nstapen:\n' >"$1"
ED
chmod +x typo-editor.sh
EDITOR="$TMP/work/typo-editor.sh" run beter design add --team "Team Bovenbouw" --authors ODW,MKP --edit | mask
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
kept=$(ls "$TMPDIR"/beter-visit-*.txt | head -1)
printf 'doel: Samenvatten\nstappen:\n10 | Voordoen | Hardop denken | Leerlingen vatten samen\n' >"$kept"
run beter -q design add --team "Team Bovenbouw" --authors ODW,SHD --text-from "$kept" | mask
echo "kept files left: $(ls "$TMPDIR" | grep -c beter-visit)"
rm -f "$TMPDIR"/beter-visit-*.txt

note --from JSON
cat >design.json <<'JS'
{"group": "groep 6", "subject": "lezen", "dates": ["2026-12-08"], "doel": "Leerlingen vinden de hoofdgedachte",
 "steps": [{"min": 10, "wat": "Voorlezen", "hoe": "Hardop denken", "effect": "Leerlingen noemen de hoofdgedachte"}],
 "questions": ["Wat heb je geleerd?"]}
JS
run beter -q design add --team "Team Bovenbouw" --goal 2 --authors SHD,BVB --from design.json
run beter design list --team "Team Bovenbouw"

note copy into a new version
run beter design copy 1 --group "groep 8" --date 2026-12-10
run beter design list --team "Team Bovenbouw" --goal 2 --author ODW

note a visit to a lesson from the design records the effect per step
run beter visit add --observer MKP --teacher ODW --date 2026-12-03 --design 1 --quiet
export BETER_TODAY=2026-12-03
run beter visit record 1 --seen "Ik zag je hardop denken bij de voorbeeldtekst" \
	--effect "Leerlingen noemden zelf tips" --reached 1=ja --reached "2=deels:de helft van de tweetallen gaf een tip" \
	--reached 3=ja --reached 4=nee --quiet
note never silently overwritten
run beter visit record 1 --seen "x" --effect "y" --reached 1=nee
run beter visit add --observer ODW --teacher MKP --date 2026-12-03 --design 1 --seen "Ik zag je de kaart uitdelen" \
	--effect "Leerlingen gebruikten de kaart" --reached 1=ja --reached 2=ja --quiet
cat >visit.json <<'JS'
{"seen": "Ik zag je voorlezen", "effect": "Leerlingen luisterden",
 "reached": {"1": {"reached": "deels", "seen": "Drie leerlingen noemden de hoofdgedachte"}}}
JS
run beter visit add --observer BVB --teacher SHD --date 2026-12-03 --design 3 --from visit.json --quiet

note design show, in every format
run beter design show 1
run beter --json design show 1
run beter --csv design show 1
run beter --json design list
run beter --csv design list

note "pupils' feedback tied to the design, under the suppression of the survey"
run beter survey add --instrument lesfeedback-leerlingen --wave "groep 7, 3 december" --design 1 --quiet
{
	echo "Id,Ik wist wat ik deze les moest leren.,Aan het eind wist ik of ik het doel had gehaald.,De uitleg was duidelijk.,Ik raakte de draad kwijt tijdens de uitleg.,Ik heb zelf veel gedaan in deze les.,Het was rustig genoeg om te werken.,Ik durfde een vraag te stellen."
	for i in 1 2 3 4 5 6 7 8; do echo "$i,Ja,Een beetje,Ja,Nee,Ja,Een beetje,Ja"; done
} >wave.csv
head -4 wave.csv >small.csv
quiet beter survey import 1 wave.csv
run beter survey add --instrument lesfeedback-leerlingen --wave "groep 8, 4 december" --design 2 --quiet
quiet beter survey import 2 small.csv
echo "a wave below the minimum shows nothing:"
run beter design show 2
run beter --json design show 2
run beter --csv design show 2
echo "and the same as the survey's own report:"
run beter survey report 2
echo "a wave at the minimum shows its means:"
run beter design show 1

note bad input: exit 65 naming the option or file:line:field, nothing written
before=$(store_digest)
run beter design add --team "Team Bovenbouw" --goal 2 --authors ODW,JDV
run beter design add --team "Team Bovenbouw" --goal 1 --authors ODW,MKP
run beter design add --team "Team Bovenbouw" --goal x --authors ODW,MKP
run beter design add --team "Team Bovenbouw" --authors ODW,ODW
run beter design add --team "Team Bovenbouw" --authors ODW --date 2026-13-01
run beter design step add 1 --min 0 --wat "x" --effect "y"
run beter design step add 1 --wat "x" --effect " "
printf '{"doel": "x", "steps": [{"min": 10, "wat": "Voordoen"}]}' >bad.json
run beter design add --team "Team Bovenbouw" --authors ODW --from bad.json
printf '{"doel": 3}' >bad2.json
run beter design add --team "Team Bovenbouw" --authors ODW --from bad2.json
printf '{"doel": "x",}' >bad3.json
run beter design add --team "Team Bovenbouw" --authors ODW --from bad3.json
printf 'doel: x\nstappen:\nabc | Voordoen | | effect\n' >bad.txt
run beter design add --team "Team Bovenbouw" --authors ODW --text-from bad.txt
run beter visit add --observer ODW --teacher JDV --date 2026-12-03 --design 1
run beter visit record 2 --seen "x" --effect "y" --reached 9=ja --replace
run beter visit record 2 --seen "x" --effect "y" --reached 1=misschien --replace
run beter visit add --observer ODW --teacher MKP --date 2026-12-01 --seen "x" --effect "y" --reached 1=ja
run beter survey add --instrument cultuursurvey --wave x --design 1
run beter survey add --instrument lesfeedback-leerlingen --wave y --design 1 --team "Team Middenbouw"
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note unknown team, goal, design or person: exit 1
run beter design add --team "Team Nergens" --authors ODW
run beter design add --team "Team Bovenbouw" --goal 9 --authors ODW
run beter design add --team "Team Bovenbouw" --authors ODW,XYZ
run beter design show 9
run beter design step add 9 --wat x --effect y
run beter design list --author XYZ
run beter visit add --observer MKP --teacher ODW --date 2026-12-03 --design 9
run beter survey add --instrument lesfeedback-leerlingen --wave z --design 9
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note usage errors
run beter design add --team "Team Bovenbouw"
run beter design step add 1 --wat x
run beter design feedback-question add 1
run beter design add --team "Team Bovenbouw" --authors ODW --edit --from design.json

note the steps of a visit are written again only with --replace, and then replace the old ones
run beter visit record 2 --seen "Ik zag je de kaart uitdelen" --effect "Leerlingen gebruikten de kaart" \
	--reached 3=nee --replace --quiet
run beter --json visit show 2
cat >visit-editor.sh <<'ED'
#!/bin/sh
# keeps the template (the recorded text and steps) and changes step 3, adds step 4
cp "$1" "$TMP/visit-template.txt"
sed -e 's/^3=nee$/3=deels: twee tweetallen vertelden hun tip/' "$1" >"$1.new"
echo "4=ja" >>"$1.new"
mv "$1.new" "$1"
ED
chmod +x visit-editor.sh
EDITOR="$TMP/work/visit-editor.sh" run beter visit record 2 --edit --replace --quiet
echo "the template the editor got:"
sed -n '/^stappen:/,$p' "$TMP/visit-template.txt"
echo "the visits of design 1 (beter --csv design show 1):"
beter --csv design show 1 | grep '^visits,'
cat >typo-visit-editor.sh <<'ED'
#!/bin/sh
printf 'gezien: x\neffect: y\nstappen:\n7=ja\n' >"$1"
ED
chmod +x typo-visit-editor.sh
EDITOR="$TMP/work/typo-visit-editor.sh" run beter visit record 2 --edit --replace | mask
rm -f "$TMPDIR"/beter-visit-*.txt
printf '{"seen": "s", "effect": "e", "reached": {"1": "ja"}}' >both.json
run beter visit record 2 --from both.json --reached 2=ja --replace
printf '{"seen": "s", "effect": "e", "reached": {"1": 3}}' >badreach.json
run beter visit record 2 --from badreach.json --replace
note a member of the team who is not an author teaches the lesson
run beter visit add --observer ODW --teacher BVB --date 2026-12-03 --design 1 --quiet

note more ways in
run beter --dry-run design add --team "Team Bovenbouw" --authors ODW --doel "x"
printf 'doel: Uit stdin\nvragen:\nWat vond je lastig?\n' | run beter -q design add --team "Team Bovenbouw" --authors MKP --text-from -
printf '{"doel": "x", "extra": 1}' >unknown.json
run beter design add --team "Team Bovenbouw" --authors ODW --from unknown.json
run beter design add --team "Team Bovenbouw" --authors ODW --from unknown.json --doel y
run beter --csv design copy 2
run beter design list --goal 1
note a new version after feedback: options change it, --edit opens it filled
run beter -q design copy 1 --group "groep 7b" --als-dan "Als minder dan 90% het kan, dan morgen in de kleine kring"
run beter design show 8 --json
cat >copy-editor.sh <<'ED'
#!/bin/sh
# the template holds the design: change step 2, drop the last question
cp "$1" "$TMP/copy-template.txt"
sed -e 's/^15 | Tweetallen met de feedbackkaart/20 | Tweetallen met de feedbackkaart/' -e '/^Wat was nog lastig?$/d' "$1" >"$1.new"
mv "$1.new" "$1"
ED
chmod +x copy-editor.sh
EDITOR="$TMP/work/copy-editor.sh" run beter design copy 1 --edit --date 2026-12-17 --quiet
echo "the template the editor got:"
grep -v '^#' "$TMP/copy-template.txt" | grep .
run beter --csv design step list 9
run beter design copy 1 --from design.json --doel x

note the board, the report and the phase conditions
run beter board show --team "Team Bovenbouw" --week 2026-W49
run beter --json board show --team "Team Bovenbouw" --week 2026-W49
beter report --team "Team Bovenbouw" --from 2026-11-30 --to 2026-12-06 --format md --lang en | sed -n '/^## Joint lesson design/,/^## Pupil voice/p'
beter report --from 2026-11-30 --to 2026-12-06 --format json | jq -c '.sections[] | select(.key == "design") | {figures, rows: .tables[0].rows}'
run beter phase conditions --from 2026-11-30 --to 2026-12-11

note check knows the new tables
run beter check
sqlite3 "$BETER_DB" "INSERT INTO design_author(design_id, person_id) VALUES (1, 5)"
sqlite3 "$BETER_DB" "UPDATE visit SET teacher_id = 6 WHERE id = 1"
run beter check

note export and import round trip byte-identically
sqlite3 "$BETER_DB" "DELETE FROM design_author WHERE design_id = 1 AND person_id = 5; UPDATE visit SET teacher_id = 2 WHERE id = 1"
beter export >export.json
beter --db copy.db import export.json >/dev/null 2>&1
beter --db copy.db export >export2.json
cmp export.json export2.json && echo "export, import, export: identical"
beter --db copy.db import export.json >/dev/null 2>&1
beter --db copy.db export >export3.json
cmp export.json export3.json && echo "imported again: merged by uid, nothing doubled"

note "a design belongs to the period that holds its first day, or the one given with --period"
quiet beter period add --theme "Feedback geven" --from 2026-10-19 --to 2026-12-18
quiet beter period add --theme "Rekenen in de context" --from 2027-01-04 --to 2027-02-19
quiet beter period add --theme "Eigenaarschap"
run beter design list
run beter design list --period 1
run beter design list --period 2
run beter design add --team "Team Bovenbouw" --authors ODW,MKP --group "groep 8" --date 2026-12-10 --period 2 \
	--doel "Leerlingen rekenen met echte prijzen"
run beter design list --period 2 --csv
beter --json design show 10 | jq -c '.design | {id, dates, period, period_theme}'
beter design show 1 | grep -i '^period'
note "a copy keeps its --period while its first day stays; on other days it belongs where they fall"
run beter -q design copy 10 --group "groep 7"
run beter -q design copy 10 --date 2026-12-17
run beter -q design copy 10 --date 2027-01-14 --period 3
beter --json design list | jq -c '.[] | select(.id >= 10) | {id, dates, period, copy_of}'
note "--period names a period of the school: else exit 1 (unknown) or 2 (not a number), nothing written"
before=$(store_digest)
run beter design add --team "Team Bovenbouw" --authors ODW --date 2026-12-10 --period 9 --doel x
run beter design copy 10 --period 9
run beter design add --team "Team Bovenbouw" --authors ODW --period twee --doel x
run beter design list --period 9
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
note "export and import carry a design's period by uid"
beter export >export-p.json
[ "$(jq -r '.tables.design[] | select(.id == 10) | .period_id' export-p.json)" = "$(jq -r '.tables.period[] | select(.id == 2) | .uid' export-p.json)" ] && echo "design 10 names period 2 by its uid"
jq -c '[.tables.design[] | .period_id | type] | group_by(.) | map({(.[0]): length}) | add' export-p.json
beter --db copy-p.db import export-p.json >/dev/null 2>&1
beter --db copy-p.db export >export-p2.json
cmp export-p.json export-p2.json && echo "export, import, export: identical"
beter --db copy-p.db design list --period 2
