# the board session in the book's standard order: questions, new actions,
# actions not done, the week's visits, the werksessie; check-in and
# werksessie on the board

export BETER_TODAY=2026-12-07
# the editor's files go to $TMPDIR; their random part is masked in the transcript
export TMPDIR="$TMP/edits"
mkdir -p "$TMPDIR"
mask() { sed -E 's/beter-visit-[A-Za-z0-9]{6}\.txt/beter-visit-XXXXXX.txt/g'; }
quiet beter init --school "IKC De Vlinderboom" --brin 12AB --sector po --region midden
printf 'code;naam;rol;team\nODW;Olga de Wit;leraar;Team Bovenbouw\nMKP;Mark Post;leraar;Team Bovenbouw\nBVB;Bas van Beek;schoolcoach;Team Bovenbouw\nJJ;Jet Jong;leraar;Team Onderbouw\n' >roster.csv
quiet beter person import roster.csv
for i in 1 2 3 4; do
	quiet beter board action add --team "Team Bovenbouw" --who ODW --what "Actie $i" --due 2026-12-04 --date 2026-11-20
done
quiet beter board action done 3 --date 2026-12-01
quiet beter visit add --observer MKP --teacher ODW --date 2026-12-03
quiet beter visit add --observer ODW --teacher MKP --date 2026-12-04
quiet beter visit add --observer JJ --teacher MKP --date 2026-12-04 --team "Team Onderbouw"
quiet beter board session add --team "Team Bovenbouw" --date 2026-11-30 --leader BVB --checkin ODW=6 --checkin MKP=7

note one session: new actions, an action not done, the visits of the week, the programme
run beter board session add --team "Team Bovenbouw" --date 2026-12-07 --leader BVB --checkin ODW=8 \
	--action "ODW|Feedbackkaart in groep 7|2026-12-14" --action "team:ODW,MKP|Lesontwerp samen maken|2026-12-18" \
	--not-done 4="Ziek geweest" --visit-done 1 --visit-missed 2 --agenda "GL in duo's=30" --agenda "Datamuur=15"
run beter --json board session show 2
run beter --csv board session show 2
run beter board session show 2

note the board: check-in with the trend, and the werksessie
run beter board show --team "Team Bovenbouw"
run beter --json board export --team "Team Bovenbouw" --week 2026-W50

note the session in an editor, on the template with the questions of the book
cat >editor.sh <<'SH'
#!/bin/sh
# keep the template for the transcript, then fill it in
grep '^#' "$1" | sed 's/^/template| /' >"$TMP/template.txt"
cat >"$1" <<'TXT'
datum: 2026-12-08
leider: BVB
check-in:
MKP=7
successen:
Alle duo's hebben elkaar bezocht
nieuw:
MKP|Exit tickets in groep 8|2026-12-21
werksessie:
Exit tickets bespreken=20
TXT
SH
chmod +x editor.sh
export BETER_TODAY=2026-12-08 VISUAL="$PWD/editor.sh"
run beter board session add --team "Team Bovenbouw" --edit
cat "$TMP/template.txt"
run beter board session add --team "Team Bovenbouw" --edit | mask
ls "$TMPDIR" | mask

note bad input: a clear message, nothing written
before=$(store_digest)
run beter board session add --team "Team Bovenbouw" --date 2026-12-02 --leader BVB --action "ODW|zonder datum"
run beter board session add --team "Team Bovenbouw" --date 2026-12-02 --leader BVB --action "XX|Iets|2026-12-20"
run beter board session add --team "Team Bovenbouw" --date 2026-12-02 --leader BVB --not-done 3="Toch niet"
run beter board session add --team "Team Bovenbouw" --date 2026-12-02 --leader BVB --not-done 4
run beter board session add --team "Team Bovenbouw" --date 2026-12-02 --leader BVB --visit-done 3
run beter board session add --team "Team Bovenbouw" --date 2026-12-02 --leader BVB --visit-done 1 --visit-missed 1
run beter board session add --team "Team Bovenbouw" --date 2026-12-02 --leader BVB --agenda "Lang=900"
run beter board session add --team "Team Bovenbouw" --date 2026-12-02 --leader BVB --agenda "Geen minuten"
printf '#!/bin/sh\n: >"$1"\n' >empty.sh
chmod +x empty.sh
VISUAL="$PWD/empty.sh" run beter board session add --team "Team Bovenbouw" --edit
[ "$before" = "$(store_digest)" ] && echo "store unchanged by the bad input"

note the session says what a visit is: done is held, not missed when its day passes, and missed is missed
run beter visit list --team "Team Bovenbouw"
run beter --csv visit coverage --team "Team Bovenbouw"
quiet beter visit add --observer MKP --teacher ODW --date 2026-12-10
quiet beter visit add --observer ODW --teacher MKP --date 2026-12-11

note a session may say a visit of later this week will not take place: it is missed from then on, and made up for
export BETER_TODAY=2026-12-09
run beter board session add --team "Team Bovenbouw" --date 2026-12-09 --leader BVB --visit-missed 4 --visit-done 5
run beter visit add --observer ODW --teacher MKP --date 2026-12-16 --replaces 2
run beter visit add --observer MKP --teacher ODW --date 2026-12-17 --replaces 4
run beter --json visit list --team "Team Bovenbouw"
run beter --csv visit coverage --team "Team Bovenbouw"
beter calendar export --team "Team Bovenbouw" --from 2026-12-07 --to 2026-12-20 | tr -d '\r' | grep -E '^SUMMARY:(Lesson visit|Lesbezoek)' | sort
echo "(visit 4, that the session said does not take place, is left out of the calendar)"

note a later record wins, and the board shows what is still missed
export BETER_TODAY=2026-12-14
run beter visit list --team "Team Bovenbouw" --status held
run beter -q visit record 1 --seen "Uitleg met voorbeeld op het bord" --effect "Leerlingen stelden vragen"
run beter visit list --team "Team Bovenbouw"
beter --json board export --team "Team Bovenbouw" --week 2026-W51 | python3 -c '
import json, sys
for v in json.load(sys.stdin)["lesbezoekplanning"]:
    print(v["id"], v["date"], v["status"])'
echo "the board page of week 50: its visits' badges"
beter board show --team "Team Bovenbouw" --week 2026-W50 --format html | grep -o '<span class="badge [^<]*</span>' | sort | uniq -c

note bad input: a visit held is not made up for, a recorded one was not missed, nothing written
before=$(store_digest)
run beter visit add --observer MKP --teacher ODW --date 2026-12-18 --replaces 5
run beter visit add --observer MKP --teacher ODW --date 2026-12-18 --replaces 4
run beter board session add --team "Team Bovenbouw" --date 2026-12-14 --leader BVB --visit-missed 1
run beter board session add --team "Team Bovenbouw" --date 2026-12-14 --leader BVB --visit-done 6 --visit-missed 9
[ "$before" = "$(store_digest)" ] && echo "store unchanged by the bad input"
