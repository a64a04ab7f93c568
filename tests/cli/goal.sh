# goal: candidates and the impact matrix, team goals the 4-step way, personal goals

quiet beter init --school "Testschool"
printf 'code,name,role,team\nBC,Bo Coach,schoolcoach,Team A\nAA,Anna A,leraar,Team A\nBB,Bert B,leraar,Team A\nCC,Cor C,leraar,Team B\n' >r.csv
quiet beter person import r.csv

note help
run beter help goal
run beter goal add --help

note candidates and the impact matrix
run beter goal candidate add --team "Team A" "Samenvatten" --impact 5 --feasibility 4 --date 2026-09-07
run beter goal candidate add --team "Team A" "Nieuwe methode" --impact 4 --feasibility 2
run beter goal candidate add --team "Team A" "Posters" --impact 2 --feasibility 5
run beter goal candidate add --team "Team A" "Klassenwissel" --impact 1 --feasibility 1
run beter goal matrix --team "Team A"
run beter goal matrix --team "Team A" --json
run beter goal matrix --team "Team A" --csv
run beter goal candidate list --team "Team A" --tsv

note rejected candidates write nothing
before=$(store_digest)
run beter goal candidate add --team "Team A" "X" --impact 6 --feasibility 3
run beter goal candidate add --team "Team A" "X" --impact 3 --feasibility 0
run beter goal candidate add --team "Team A" "X" --impact drie --feasibility 3
run beter goal candidate add --team "Team A" "X" --impact 3
run beter goal candidate add --team "Team Z" "X" --impact 3 --feasibility 3
run beter goal candidate add --team "Team A" "" --impact 3 --feasibility 3
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note a team goal
run beter goal add --team "Team A" --text "Leerlingen kunnen de kern navertellen" --pupils "groep 7 en 8" --weeks 6 --norm 8 --baseline 5 --from-candidate 1 --problem "Lage scores" --facts "40% onder niveau" --causes "Losse vragen" --date 2026-09-07
run beter goal measure 1 --score 5.5 --date 2026-09-21
run beter goal measure 1 --score 6.5 --date 2026-10-05
run beter goal progress 1
run beter goal progress 1 --json
run beter goal show 1 --json
run beter goal candidate list --team "Team A"

note rejected goals and results write nothing
before=$(store_digest)
run beter goal add --team "Team A" --text "x" --weeks 3 --norm 8 --baseline 5
run beter goal add --team "Team A" --text "x" --weeks 9 --norm 8 --baseline 5
run beter goal add --team "Team A" --text "x" --weeks 6 --norm 11 --baseline 5
run beter goal add --team "Team A" --text "x" --weeks 6 --norm 8 --baseline 0.5
run beter goal add --team "Team A" --text "x" --weeks 6 --norm acht --baseline 5
run beter goal add --team "Team A" --text "x" --weeks 6 --norm 8
run beter goal add --team "Team A" --text "x" --weeks 6 --norm 8 --baseline 5 --from-candidate 99
run beter goal add --team "Team B" --text "x" --weeks 6 --norm 8 --baseline 5 --from-candidate 2
run beter goal add --team "Team A" --text "x" --weeks 6 --norm 8 --baseline 5 --date 2026-13-01
run beter goal add --team "Team Z" --text "x" --weeks 6 --norm 8 --baseline 5
run beter goal add --weeks 6 --norm 8 --baseline 5 --team "Team A"
run beter goal measure 1 --score 10.5
run beter goal measure 1 --score 0
run beter goal measure 1 --score zes
run beter goal measure 1
run beter goal measure 99 --score 6
run beter goal measure x --score 6
run beter goal measure 1 --score 6 --date 2026-09-01
run beter goal measure 1 --score 6 --date gisteren
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note achieve, drop, standards, list
quiet beter goal add --team "Team A" --text "Leerlingen geven elkaar feedback" --weeks 4 --norm 7 --baseline 4 --date 2026-10-26
quiet beter goal add --team "Team B" --text "Leerlingen ruimen zelf op" --weeks 5 --norm 8 --baseline 5 --date 2026-09-14
run beter goal achieve 1 --date 2026-10-16
run beter goal achieve 1 --standard "We lezen dagelijks hardop denkend voor" --date 2026-10-16
run beter goal achieve 1 --standard "again"
run beter goal measure 1 --score 7
run beter goal drop 3 --reason "Paste niet bij de hoeken" --date 2026-10-05
run beter goal standards
run beter goal standards --team "Team A" --json
run beter goal list
run beter goal list --team "Team A" --status active
run beter goal list --status achieved --csv
run beter goal list --status klaar
run beter goal show 1

note personal development goals
run beter goal add --personal --person AA --text "Meer open vragen stellen" --date 2026-09-21
run beter goal add --personal --person ZZ --text "x"
run beter goal add --personal --text "x"
run beter goal add --personal --person AA --text "x" --weeks 6
run beter goal activity add 4 --kind anderen "Lesbezoek bij BB" --date 2026-09-21
run beter goal activity add 4 --kind reflectie "Les filmen" --date 2026-10-05
run beter goal activity add 4 --kind bijblijven "Artikel lezen"
run beter goal activity add 4 --kind experimenteren "Wachttijd uitproberen"
run beter goal activity add 4 --kind samenwerking "Samen een les ontwerpen"
run beter goal activity done 4 1 --date 2026-10-01
run beter goal activity done 4 1
run beter goal talk 4 --date 2026-10-14 --note "Twee keer zoveel open vragen"
run beter goal show 4
run beter goal show 4 --json
run beter goal show 4 --csv
run beter goal list --person AA
run beter goal list --personal --json
before=$(store_digest)
run beter goal activity add 4 --kind lezen "x"
run beter goal activity add 4 "x"
run beter goal activity add 1 --kind reflectie "x"
run beter goal activity add 99 --kind reflectie "x"
run beter goal talk 4 --note ""
run beter goal talk 4 --date morgen --note "x"
run beter goal talk 1 --note "x"
run beter goal measure 4 --score 6
run beter goal progress 4
run beter goal show 99
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
run beter goal achieve 4 --date 2026-11-20
run beter goal list --person AA --status achieved

note "rules: the norm above the 0-meting, a candidate becomes one goal, results not after today"
before=$(store_digest)
run beter goal add --team "Team A" --text "x" --weeks 6 --norm 5 --baseline 5
run beter goal add --team "Team A" --text "x" --weeks 6 --norm 4.5 --baseline 5
run beter goal add --team "Team A" --text "Nog eens samenvatten" --weeks 6 --norm 8 --baseline 5 --from-candidate 1
run beter goal measure 2 --score 6 --date 2026-12-14
run beter goal measure 2 --score 6 --date tomorrow
run beter goal list --team "Team A" --person AA
run beter goal drop 2
run beter goal achieve 2
run beter goal achieve 2 --standard ""
[ "$before" = "$(store_digest)" ] && echo "store unchanged"
run beter goal measure 2 --score 6 --date today
run beter goal add --team "Team A" --text "Leerlingen vragen om feedback" --weeks 4 --norm 7.5 --baseline 7 --from-candidate 2 --quiet
run beter goal drop 5 --reason "Het doel van Team B gaat voor"
