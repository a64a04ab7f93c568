# arena: leerlingarena, the top-3 conversation per group and the compare

quiet beter init --school "OBS De Regenboog"
quiet beter team add "Team Bovenbouw"
quiet beter team add "Team Onderbouw"

note help
run beter arena --help
run beter help arena compare

note add: for a team and for the school
run beter arena add --team "Team Bovenbouw" --theme "goede uitleg" --date 2026-10-07 --group "groep 7/8"
run beter arena add --school --theme "rust in de school" --date 2026-09-15 --json
run beter arena add --team "Team Onderbouw" --theme "lezen" --date today --quiet
run beter arena list
run beter arena list --team "Team Bovenbouw" --csv
run beter --tsv arena list

note questions
run beter arena question add 1 "Wanneer snap je de uitleg meteen?"
run beter arena question add 1 "Wat helpt je als je het niet snapt?"

note inputs by group, with votes and tags
run beter arena input 1 --from leerlingen "Voorbeelden op het bord!" --votes 9 --tag voorbeelden
run beter arena input 1 --from leerlingen "Uitleg in kleine stappen" --votes 6
run beter arena input 1 --from leerlingen "Als het stil is in de klas" --votes 4 --tag rust
run beter arena input 1 --from leerlingen "Samen oefenen" --votes 4
run beter arena input 1 --from leerlingen "Filmpjes" --votes 1
run beter arena input 1 --from leraren "Modelen: hardop voordoen" --votes 7 --tag voorbeelden
run beter arena input 1 --from leraren "uitleg in kleine  stappen." --votes 7
run beter arena input 1 --from leraren "Lesdoel op het bord" --votes 3
run beter arena input 1 --from mt "Eenduidig instructiemodel" --votes 5
run beter arena input 1 --from mt "Rust en structuur" --votes 5 --tag rust
run beter arena input 1 --from mt "Tijd voor collegiale consultatie" --votes 2
run beter arena input 1 --from mt "Ideeën van leerlingen serieus nemen"
run beter arena edit 1 --item 12 --votes 2
run beter arena edit 1 --item 5 --tag beeld --text "Korte filmpjes"

note top: by votes, ties marked and resolved by input order
run beter arena top 1 --from leerlingen
run beter arena top 1 --from mt --n 2
run beter arena top 1 --json
run beter arena top 1 --from leraren --csv

note deepening answers with the questions of each group
run beter arena deepen 1 --item 1 --answer a "De juf tekent het eerst op het bord"
run beter arena deepen 1 --item 1 --answer b "Ze doet een som hardop voor"
run beter arena deepen 1 --item 1 --answer c "Ik schrijf het voorbeeld over"
run beter arena deepen 1 --item 6 --answer a "Leerlingen zien hoe je denkt"
run beter arena deepen 1 --item 10 --answer c "Afspraken die in elke groep gelden"
run beter arena deepen 1 --item 5 --answer a "Dan zie je het echt gebeuren"

note compare: the three top 3s side by side
run beter arena compare 1
run beter arena compare 1 --json
run beter arena compare 1 --csv
run beter arena compare 1 --n 1 --tsv
python3 -c 'import json,sys; rows=json.load(sys.stdin); assert [r["rank"] for r in rows]==[1,2,3]; assert rows[0]["shared"]=="leerlingen=A,leraren=A"; assert rows[1]["shared"]=="leerlingen=B,leraren=B,mt=C"; assert rows[2]["shared"]=="leerlingen=C"; print("compare json ok")' <<EOF
$(beter --json arena compare 1 2>/dev/null)
EOF

note outcome
run beter arena outcome 1 "Elke instructie begint met een uitgewerkt voorbeeld" --date 2026-10-21
run beter arena outcome 2 "Stilte-afspraak bij de instructie in alle groepen"

note the outcome on the board of the team and as a goal candidate
beter --json board show --team "Team Bovenbouw" | jq -c '.uitkomst_leerlingarena'
beter --json board show --team "Team Onderbouw" | jq -c '.uitkomst_leerlingarena'
run beter goal candidate add --from-arena 1 --impact 5 --feasibility 4
run beter goal candidate list --team "Team Bovenbouw" --csv
run beter goal candidate add --from-arena 2 --impact 5 --feasibility 4
run beter goal candidate add --from-arena 2 --team "Team Onderbouw" "Stilte bij de instructie" --impact 5 --feasibility 4
run beter goal candidate add --from-arena 99 --impact 5 --feasibility 4
run beter arena show 1
run beter arena show 1 --json
run beter arena show 1 --csv
run beter arena show 3
run beter arena list --json

note rejected inputs write nothing
before=$(store_digest)
run beter arena input 1 --from ouders "x"
run beter arena input 1 --from leerlingen "x" --votes -1
run beter arena input 1 --from leerlingen "x" --votes veel
run beter arena input 1 --from leerlingen ""
run beter arena input 1 --from leerlingen "   "
run beter arena input 1 --from leerlingen "$(printf 'caf\xe9')"
run beter arena input 1 --from leerlingen "leerling 20261234 zei dit"
run beter arena input 1 --from leerlingen "mail sam.de.boer@school.nl"
run beter arena input 1 --from leerlingen "x" --tag "twee woorden"
run beter arena input 9 --from leerlingen "x"
run beter arena add --team "Team Nergens" --theme x --date 2026-10-01
run beter arena add --team "Team Bovenbouw" --theme "" --date 2026-10-01
run beter arena add --team "Team Bovenbouw" --theme x --date 2026-13-01
run beter arena add --team "Team Bovenbouw" --theme x --date 2026-10-01 --group "lln 123456"
run beter arena edit 1 --item 99 --votes 1
run beter arena edit 1 --item 1 --votes -3
run beter arena deepen 1 --item 1 --answer d "x"
run beter arena deepen 1 --item 99 --answer a "x"
run beter arena deepen 1 --item 1 --answer a ""
run beter arena question add 1 ""
run beter arena outcome 1 ""
run beter arena outcome 9 "x"
run beter arena top 1 --n 0
run beter arena top 1 --from ouders
run beter arena show 9
run beter arena compare 9
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note dry run
run beter arena input 1 --from mt "Nog een punt" --dry-run
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note usage errors
run beter arena add --theme x --date 2026-10-01
run beter arena add --team "Team Bovenbouw" --school --theme x --date 2026-10-01
run beter arena add --team "Team Bovenbouw" --date 2026-10-01
run beter arena input 1 "x"
run beter arena input 1 --from leerlingen Voorbeelden op het bord
run beter arena input --from leerlingen
run beter arena input abc --from leerlingen x
run beter arena edit 1 --votes 3
run beter arena edit 1 --item 1
run beter arena deepen 1 --item 1 "x"
run beter arena show
run beter arena question
run beter arena cmpare 1
run beter arena top 1 --form leraren
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note no pupil columns in the store
store_columns | grep '^arena'
