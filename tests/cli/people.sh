# people, teams, schools and roster import

note init
run beter init
run beter init --school "OBS De Regenboog" --brin 12AB --sector po
run beter init --school "Again"
# the new store file's mode and journal: sqlitefile.sh

note roster import: ';' with a BOM and CRLF, a quoted field with a newline
printf '\xef\xbb\xbfcode;naam;rol;team\r\nJDV;Jan de Vries;leraar;Team Bovenbouw|leerKRACHT-team\r\nAB;Anna Bakker;Schoolcoach;Team Bovenbouw\r\nkl;"Karin\r\nLoos";docent;Team Onderbouw\r\nEE;Eé Ëlsa;leraar;\r\n' >roster.csv
run beter person import roster.csv
run beter person import roster.csv
run beter person list
run beter --csv person list
run beter --format json team list
run beter team list --tsv
run beter team show "Team Bovenbouw"
run beter team show "team bovenbouw" --json
run beter team show "Team Bovenbouw" --csv

note a bad row writes nothing
before=$(store_digest)
printf 'code,name,role,team\nXY,Xavier,leraar,Team X\nZZ,Zed,juf,\n' >bad.csv
run beter person import bad.csv
printf 'code,name,role\nXY,Xavier,leraar\nXY,Xavier Twee,leraar\n' >dup.csv
run beter person import dup.csv
printf 'code,name,role\nX,Xavier,leraar\n' >short.csv
run beter person import short.csv
printf 'code,name,role\nXY,,leraar\n' >noname.csv
run beter person import noname.csv
printf 'code,name,role\nXY,"Xavier,leraar\n' >quote.csv
run beter person import quote.csv
printf 'code,name,role\nXY,Xavier,leraar,extra\n' >ragged.csv
run beter person import ragged.csv
printf '' >empty.csv
run beter person import empty.csv
printf 'code,name,role\nAB,Ann\xc3\xa9,leraar\nXY,X\xffavier,leraar\n' >utf8.csv
run beter person import utf8.csv
printf 'naam,wie\nXY,Xavier\n' >header.csv
run beter person import header.csv
run beter person import missing.csv
[ "$before" = "$(store_digest)" ] && echo "store unchanged"

note dry run
printf 'code,name,role\nNW,Nieuw,leraar\n' >new.csv
run beter person import --dry-run new.csv
run beter person show NW

note person add, edit, show, rm
run beter person add MB --name "Mila Bos" --role schoolleider
run beter person add MB --name "Mila Bos" --role schoolleider
run beter person add M --name "M" --role leraar
run beter person add QQ --name "Q" --role juf
run beter person add QQ --role leraar
run beter person edit mb --role mt --json
run beter person show MB --csv
run beter person list --role leraar
run beter person list --team "Team Onderbouw" --json
run beter person add OT --name "Olga Tak" --role overig
run beter person show OT --csv
run beter person rm MB
run beter person show MB

note teams
run beter team add "Team Midden" --kind leraren
run beter team add "Team Midden"
run beter team add "TIV" --kind tiv --quiet
run beter team add "X" --kind club
run beter team member add "Team Midden" JDV AB KL EE
run beter team member add "Team Midden" AB --role schoolcoach
run beter team member add "Team Midden" NOPE
run beter team show "Team Midden"
run beter team member rm "Team Midden" EE
run beter team rename "Team Midden" "Team Middenbouw"
run beter team edit TIV --kind mt
run beter team rm "Team Middenbouw"
run beter team list

note schools
run beter school list
run beter school add "CBS De Wegwijzer" --brin 34CD --sector vo
run beter person list
run beter person list --school 34CD
run beter person add JDV --name "Jo de Vos" --role leraar --school "CBS De Wegwijzer"
run beter --json school list

note usage errors
run beter
run beter persn
run beter person lst
run beter person list --jsn
run beter person add
run beter --format xml team list
run beter team member
run beter --db "$TMP/none/x.db" team list
printf 'not a database at all, not at all, not at all, not at all, not at all, not at all, not at all' >junk.db
run beter --db junk.db team list

note "sectors and roles in any case; role synonyms as in the roster import"
run beter school add "SG Het Baken" --brin 56EF --sector VO
run beter school add "Mbo Noord" --sector Mbo --json
run beter school add "X" --sector hbo
run beter --db "$TMP/work/second.db" init --school "OBS Twee" --sector PO
run beter --db "$TMP/work/second.db" --csv school list
run beter person add DC --name "Dirk Docent" --role docent --school "OBS De Regenboog" --json
run beter person add DR --name "Dora Rector" --role " Directeur " --school "OBS De Regenboog" --quiet
run beter person add LK --name "Lies Kracht" --role LeerKracht --school "OBS De Regenboog" --quiet
run beter person edit DR --role "intern begeleider" --school "OBS De Regenboog" --quiet
run beter person list --role Docent --school "OBS De Regenboog"
run beter person show DR --school "OBS De Regenboog" --csv
run beter person add QQ --name "Q" --role Juf --school "OBS De Regenboog"

note "a team typed by its number is named in messages"
run beter team add "Team Acht" --school "OBS De Regenboog" --quiet
run beter team member add "$(beter --json team list --school "OBS De Regenboog" | jq '.[] | select(.name == "Team Acht") | .id')" DC LK --school "OBS De Regenboog"
run beter team member rm "$(beter --json team list --school "OBS De Regenboog" | jq '.[] | select(.name == "Team Acht") | .id')" DR --school "OBS De Regenboog"

note "logins are for a PostgreSQL store"
# refused on a SQLite store: sqlitefile.sh (on PostgreSQL: tests/pg/rls.sh)
run beter person grant DC --school "OBS De Regenboog"
