# a read error in the middle of a query's rows is never taken for the end of
# the rows: visits, development points, the board, board sessions and arenas
# exit 74 with the error and print nothing they did not finish

quiet beter init --school "OBS De Linde"
printf 'code;naam;rol;team\nAA;Ada Aarts;leraar;Team Zes\nBB;Bo Bakker;leraar;Team Zes\nCC;Cas Claes;leraar;Team Zes\n' >roster.csv
quiet beter person import roster.csv
export BETER_TODAY=2026-11-02
quiet beter visit plan --team "Team Zes" --round "ronde 1" --from 2026-11-02 --to 2026-11-13
quiet beter visit record 1 --date 2026-11-02 --seen "Goal on the board." --effect "Pupils read it." --score klimaat.1=3
quiet beter visit feedback 1 --date 2026-11-02 --agreed "Goal first." --point "Let pupils say the goal" --point "Check it at the end"
quiet beter board park add --team "Team Zes" "Leesweek" --date 2026-10-01
quiet beter board park add --team "Team Zes" "Bibliotheek" --date 2026-10-01
quiet beter board session add --team "Team Zes" --date 2026-11-02 --leader AA --checkin AA=7 --checkin BB=8 --success "Een" --success "Twee"
quiet beter arena add --team "Team Zes" --theme "uitleg" --date 2026-10-07
quiet beter arena question add 1 "Wanneer snap je het?"
quiet beter arena input 1 --from leerlingen "Voorbeelden" --votes 9
quiet beter arena input 1 --from leerlingen "Kleine stappen" --votes 6
quiet beter arena add --team "Team Zes" --theme "rust" --date 2026-10-08

note each listing whole, then with its second row unreadable
run beter visit list
run env BETER_TEST_READ_ERROR=2 beter visit list
run beter visit coverage --round "ronde 1"
run env BETER_TEST_READ_ERROR=2 beter visit coverage --round "ronde 1"
run beter visit points --teacher BB
run env BETER_TEST_READ_ERROR=2 beter visit points --teacher BB
run beter board park list --team "Team Zes"
run env BETER_TEST_READ_ERROR=2 beter board park list --team "Team Zes"
run beter arena list
run env BETER_TEST_READ_ERROR=2 beter arena list

note a document with any part unreadable prints none of it
for n in 1 2 3 4 5 6 7 8 9 10; do
	BETER_TEST_READ_ERROR=$n beter --json visit show 1 >out.txt 2>err.txt; s=$?
	echo "visit show, step $n fails: exit $s, $(wc -c <out.txt) bytes out, $(cat err.txt)"
done
for n in 1 2 3 4 5 6 7 8 9 10; do
	BETER_TEST_READ_ERROR=$n beter --json board session show 1 >out.txt 2>err.txt; s=$?
	echo "board session show, step $n fails: exit $s, $(wc -c <out.txt) bytes out, $(cat err.txt)"
done
for n in 1 3 6 9 12; do
	BETER_TEST_READ_ERROR=$n beter --json arena show 1 >out.txt 2>err.txt; s=$?
	echo "arena show, step $n fails: exit $s, $(wc -c <out.txt) bytes out, $(cat err.txt)"
done
for n in 2 4 8 9 12; do
	BETER_TEST_READ_ERROR=$n beter --json board show --team "Team Zes" >out.txt 2>err.txt; s=$?
	echo "board show, step $n fails: exit $s, $(wc -c <out.txt) bytes out, $(cat err.txt)"
done
