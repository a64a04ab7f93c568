#!/bin/sh
# People log in as themselves and the server decides what they read and
# write (share/sql/pg/security.sql, beter person grant): a store on a
# throw-away cluster with two teams, visits, board items, development points
# and two surveys (the school's culture survey, the leader's 360), logins for
# two teachers, a schoolcoach, a schoolleider and an import role; then each
# login reads and writes through psql and through beter. Every check prints a
# line; the whole output must equal tests/pg/rls.expected.
# Usage: sh tests/pg/rls.sh [BETER]   (default build/beter)
#        BETER_REGEN=1 sh tests/pg/rls.sh   rewrites rls.expected (read the diff)
# Exit 77: no PostgreSQL server binaries or psql.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
beter=${1:-$top/build/beter}

command -v psql >/dev/null 2>&1 || { echo "rls.sh: no psql: skipped"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "rls.sh: no python3: skipped"; exit 77; }
[ -x "$beter" ] || { echo "rls.sh: no beter binary at '$beter' (build first, or name it)"; exit 1; }
. "$here/lib.sh"
pg_cluster rls.sh
unset PGUSER PGDATABASE PGOPTIONS BETER_DB BETER_KEY_FILE BETER_SEAL_KEY_FILE
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data"
export LC_ALL=C.UTF-8 TZ=UTC BETER_LANG=en BETER_TODAY=2026-11-20
createdb beter || exit 1
store="postgresql:///beter?host=$pg"
out=$tmp/actual
: >"$out"

# owner CMD...: beter as the store's owner; setup, its output kept apart
owner() {
	"$beter" --db "$store" -q "$@" >>"$tmp/setup.log" 2>&1 || {
		cat "$tmp/setup.log"
		echo "rls.sh: setup failed: beter $*"
		exit 1
	}
}
# as LOGIN CMD...: beter as LOGIN; stdout, stderr and the exit status checked
as() {
	who=$1
	shift
	echo "\$ $who: beter $*" >>"$out"
	"$beter" --db "postgresql://$who@/beter?host=$pg" "$@" >>"$out" 2>&1
	echo "[exit $?]" >>"$out"
}
# sql LOGIN QUERY: one line per row (fields split by |) and the command's
# tag (UPDATE 0), or the server's error; LOGIN owner: the cluster's superuser
sql() {
	printf '%s> %s\n' "$1" "$2" >>"$out"
	if [ "$1" = owner ]; then
		set -- "$(id -un)" "$2"
	fi
	psql -XAt -U "$1" -d beter -c "$2" 2>&1 | sed "s|$pg|PGDIR|g; s/^/  /" >>"$out"
}
note() {
	echo "-- $*" >>"$out"
}

cat >"$tmp/roster.csv" <<'EOF'
code,name,role,team
ODW,Olga de Wit,leraar,Team Onderbouw
ABC,Anna Bakker,leraar,Team Onderbouw|Team Bovenbouw
XYZ,Xander Ypma,leraar,Team Bovenbouw
KLM,Karin Lammers,schoolcoach,Team Onderbouw
DIR,Dirk Ritsema,schoolleider,MT
EOF
python3 - "$top/share" "$tmp" <<'EOF'
import json, sys
share, tmp = sys.argv[1], sys.argv[2]
inst = json.load(open(share + '/instruments/cultuursurvey.json'))
labels = inst['likert'][0]['labels']
items = [it for it in inst['items'] if it.get('type') != 'text']
rows = [['Team'] + [it['id'] for it in items]]
n = 0
for team, count in (('Team Onderbouw', 6), ('Team Bovenbouw', 2)):
    for k in range(count):
        n += 1
        rows.append([team] + [labels[(n * 7 + j * 3 + n * n) % 5] for j in range(len(items))])
open(tmp + '/culture.csv', 'w').write(''.join(','.join(r) + '\n' for r in rows))
rows = rows[:1]
for team, count in (('Team Onderbouw', 6), ('Team Bovenbouw', 5)):
    for k in range(count):
        n += 1
        rows.append([team] + [labels[(n * 5 + j * 2 + n * n) % 5] for j in range(len(items))])
open(tmp + '/culture2.csv', 'w').write(''.join(','.join(r) + '\n' for r in rows))
inst = json.load(open(share + '/instruments/feedback360-schoolleider.json'))
labels = inst['likert'][0]['labels']
rows = [['Naam', inst['rater_question']] + [i['text'] for i in inst['items']]]
for k, (rater, n) in enumerate([('Zelf', 1), ('leraar', 3), ('Schoolcoach', 1)]):
    for m in range(n):
        rows.append(['Persoon %d%d' % (k, m), rater] +
                    [('' if i.get('type') == 'text' else labels[(k + m + j) % 5]) for j, i in enumerate(inst['items'])])
open(tmp + '/360.csv', 'w').write('\n'.join(';'.join(r) for r in rows) + '\n')
EOF

owner init --school "IKC De Vlinderboom" --brin 12AB --sector po
owner person import "$tmp/roster.csv"
# visits 1-4: ODW sees 1 (observer) and 3 (teacher) only
owner visit add --observer ODW --teacher ABC --date 2026-11-10
owner visit add --observer ABC --teacher XYZ --date 2026-11-11
owner visit add --observer XYZ --teacher ODW --date 2026-11-12
owner visit add --observer KLM --teacher ABC --date 2026-11-13
owner board park add --team "Team Onderbouw" "Leesweek in maart" --date 2026-09-14
owner board park add --team "Team Bovenbouw" "Bibliotheek" --date 2026-09-14
owner board action add --team "Team Bovenbouw" --who XYZ --what "Leeshoek inrichten" --due 2026-10-01 --date 2026-09-14
owner goal add --personal --person ODW --text "Beter vragen stellen" --date 2026-09-20
owner goal add --personal --person ABC --text "Meer wachttijd" --date 2026-09-20
owner survey add --instrument cultuursurvey --wave november
owner survey add --instrument feedback360-schoolleider --wave jaar-1 --leader DIR
owner survey key --person DIR

note "the store's security loads again over itself (as on every upgrade)"
psql -XAtq -v ON_ERROR_STOP=1 --single-transaction -d beter -c "SET search_path = beter_compat, pg_catalog, public" \
	-f "$top/share/sql/pg/security.sql" >"$tmp/again" 2>&1 && echo "loaded twice: ok" >>"$out" || cat "$tmp/again" >>"$out"
sql owner "SELECT count(*) FILTER (WHERE NOT c.relrowsecurity) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> 'beter_schema_version'"

note "logins"
for p in ODW:odw ABC:abc KLM:klm DIR:dir; do
	echo "\$ owner: beter person grant ${p%%:*} --login ${p##*:}" >>"$out"
	"$beter" --db "$store" person grant "${p%%:*}" --login "${p##*:}" >>"$out" 2>&1
	echo "[exit $?]" >>"$out"
done
psql -XAtq -d beter -c "CREATE ROLE imp LOGIN IN ROLE beter_import; CREATE ROLE boss LOGIN SUPERUSER" || exit 1
long=abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_0123456789
for bad in "ABC --login odw" "ODW --login Odw" "ODW --login 1odw" "ODW --login o-dw" "ODW --login $long" "ODW --login boss" "ODW --login beter_leraar" "ODW" "QQQ --login qqq"; do
	echo "\$ owner: beter person grant $bad" >>"$out"
	# shellcheck disable=SC2086
	"$beter" --db "$store" person grant $bad >>"$out" 2>&1
	echo "[exit $?]" >>"$out"
done
sql imp "SELECT login, person_id FROM beter_login"
sql owner "SELECT l.login, p.code, string_agg(g.rolname, ',' ORDER BY g.rolname) FROM beter_login l JOIN person p ON p.id = l.person_id JOIN pg_roles r ON r.rolname = l.login JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid GROUP BY 1, 2 ORDER BY 1"

note "the survey answers come in through the import role"
as imp survey import 1 "$tmp/culture.csv"
as imp survey import 2 "$tmp/360.csv"
sed -i "s|$tmp/|TMP/|g" "$out"

note "a teacher reads their own visits only"
sql odw "SELECT id, observer_id, teacher_id FROM visit ORDER BY id"
sql odw "SELECT count(*) FROM visit"
as odw visit list
as abc visit list
as abc visit show 3
as odw visit show 3 --format json
sql odw "SELECT section, text FROM board_item ORDER BY id"
sql odw "SELECT text FROM goal ORDER BY id"
sql abc "SELECT text FROM goal ORDER BY id"
sql odw "SELECT code FROM person ORDER BY code"

note "a teacher writes their own visit, not another's"
sql abc "UPDATE visit SET subject = 'rekenen' WHERE id = 3"
sql abc "UPDATE visit SET subject = 'rekenen' WHERE id = 1"
sql abc "DELETE FROM visit WHERE id = 3"
sql abc "INSERT INTO visit(uid, school_id, observer_id, teacher_id, date, created) VALUES ('x1', 1, 3, 1, '2026-11-19', '2026-11-19')"
sql odw "INSERT INTO board_item(uid, team_id, section, text, added) VALUES ('x2', 1, 'parkeren', 'van odw', '2026-11-19')"
as odw board park add --team "Team Onderbouw" "Van ODW" --date 2026-11-19

note "the schoolcoach reads and writes the teams they coach"
sql klm "SELECT id FROM visit ORDER BY id"
as klm visit list
sql klm "SELECT text FROM goal ORDER BY id"
sql klm "SELECT text FROM board_item ORDER BY id"
as klm board park add --team "Team Onderbouw" "Van de coach" --date 2026-11-19
as klm board park add --team "Team Bovenbouw" "Van de coach" --date 2026-11-19
sql klm "UPDATE visit SET subject = 'taal' WHERE id = 2"
sql klm "UPDATE visit SET subject = 'taal' WHERE id = 3"

note "the 360-degree feedback: only the leader it is about"
sql klm "SELECT id, wave FROM survey ORDER BY id"
sql odw "SELECT id, wave FROM survey ORDER BY id"
sql dir "SELECT id, wave FROM survey ORDER BY id"
as klm survey show 2
as dir survey show 2
sql klm "SELECT * FROM survey_leader_key"
sql dir "SELECT count(*) FROM survey_leader_key"

note "the schoolleider reads all of the school"
sql dir "SELECT id FROM visit ORDER BY id"
sql dir "SELECT text FROM board_item ORDER BY id"
sql dir "UPDATE visit SET subject = 'x' WHERE id = 1"

note "survey answers: the import role only; the others read aggregates of groups big enough"
for who in odw abc klm dir imp; do
	sql $who "SELECT count(*) FROM survey_response"
	sql $who "SELECT count(*) FROM survey_text"
	sql $who "SELECT count(*) FROM survey_answer"
done
sql klm "SELECT survey_id, n FROM beter_survey_count ORDER BY 1"
sql dir "SELECT survey_id, n FROM beter_survey_count ORDER BY 1"
sql owner "SELECT survey_id, n FROM beter_survey_count ORDER BY 1"
sql odw "SELECT beter_compat.beter_owns()"
sql odw "SELECT survey_id, item_id, n, round(mean::numeric, 3) FROM beter_survey_item_mean ORDER BY 1, 2 LIMIT 3"
sql odw "SELECT count(*) FROM beter_survey_item_mean WHERE n < 5"
sql imp "SELECT count(*) FROM beter_survey_item_mean"

note "survey commands as a login: the store's counts and figures, hidden as on SQLite"
# like WHO CMD...: beter as WHO and as the owner (who reads every response,
# as on SQLite) print the same bytes
like() {
	who=$1
	shift
	echo "\$ $who: beter $* (as the owner)" >>"$out"
	"$beter" --db "postgresql://$who@/beter?host=$pg" "$@" >"$tmp/login.out" 2>&1
	echo "[exit $?]" >>"$tmp/login.out"
	"$beter" --db "$store" "$@" >"$tmp/owner.out" 2>&1
	echo "[exit $?]" >>"$tmp/owner.out"
	diff "$tmp/owner.out" "$tmp/login.out" >>"$out" 2>&1 && echo "same" >>"$out"
}
as odw survey list
as klm survey show 1
as dir survey list
# 6 in Team Onderbouw, 2 in Team Bovenbouw: Bovenbouw hidden (2 < 5), and
# Onderbouw with it (the survey's total minus Onderbouw would be Bovenbouw)
as odw survey report 1 --by team
as klm survey report 1 --format json
for who in odw klm dir; do
	for by in scale item team; do
		like $who survey report 1 --by $by
	done
done
like klm survey report 1 --by team --min-n 7 --format csv
# a second wave, both teams large enough: their figures are given
owner survey add --instrument cultuursurvey --wave maart
"$beter" --db "postgresql://imp@/beter?host=$pg" -q survey import 3 "$tmp/culture2.csv" >>"$tmp/setup.log" 2>&1 || exit 1
as klm survey report 3 --by team --format csv
like odw survey report 3 --by team
as klm survey compare --instrument cultuursurvey --waves november,maart
like klm survey compare --instrument cultuursurvey --waves november,maart
like odw survey compare --instrument cultuursurvey --waves november,maart --team "Team Onderbouw"
like dir survey compare --instrument cultuursurvey --waves november,maart --team "Team Bovenbouw" --format json
# beter report: its survey figures (the rest of it is what each may read)
for who in odw dir; do
	echo "\$ $who: beter report --format json: the survey figures as the owner's" >>"$out"
	"$beter" --db "postgresql://$who@/beter?host=$pg" report --format json >"$tmp/login.json" 2>&1
	"$beter" --db "$store" report --format json >"$tmp/owner.json" 2>&1
	for f in login owner; do
		python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
def walk(x):
    if isinstance(x, dict):
        if str(x.get("key", "")).startswith("survey-") or "mean_2" in x:
            print(json.dumps(x, ensure_ascii=False))
        else:
            for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(d)' "$tmp/$f.json" >"$tmp/$f.sv" 2>&1
	done
	diff "$tmp/owner.sv" "$tmp/login.sv" >>"$out" 2>&1 && { echo "same:"; cat "$tmp/login.sv"; } >>"$out"
done
sql klm "SELECT by_team, count(*) > 0 FROM beter_survey_score GROUP BY 1 ORDER BY 1"
sql klm "SELECT coalesce(team_id, 0), n FROM beter_survey_tally ORDER BY 1, 2"
sql odw "SELECT count(*) FROM beter_survey_part"
sql odw "SELECT count(*) FROM beter_survey_value WHERE n < 5"
sql odw "SELECT count(*) FROM beter_survey_comment"

note "the 360: its leader opens it with their key, nobody else does"
as klm survey report 2
as klm survey report 2 --by rater
as dir survey report 2 --by rater
like dir survey report 2 --by rater --format json
owner person add MTL --name "Mila Tol" --role schoolleider
echo "\$ owner: beter person grant MTL --login mtl" >>"$out"
"$beter" --db "$store" person grant MTL --login mtl >>"$out" 2>&1
echo "[exit $?]" >>"$out"
as mtl survey list
as mtl survey report 2 --by rater
sql dir "SELECT id, survey_id, rater IS NULL, n_answers, length(answers) FROM survey_response ORDER BY id"
sql dir "SELECT respondent FROM survey_response"
sql dir "SELECT count(*) FROM survey_text"
sql mtl "SELECT count(*) FROM survey_response"
sql klm "SELECT count(*) FROM survey_response"
sql klm "SELECT count(*) FROM beter_survey_tally WHERE survey_id = 2"
sql dir "SELECT n FROM beter_survey_tally WHERE survey_id = 2"
# a 360 of a leader without a key yet: its rows are not sealed, and nobody's but the import role's
owner survey add --instrument feedback360-schoolleider --wave jaar-2 --leader MTL
psql -XAtq -d beter -c "INSERT INTO survey_response(uid, survey_id, rater, n_answers, answers) VALUES ('plain1', 4, 'leraar', 1, '\\x03'), ('plain2', 4, 'leraar', 1, '\\x04'), ('plain3', 4, 'leraar', 1, '\\x05')" || exit 1
sql imp "SELECT survey_id, count(*), sum(n_answers) > 0 FROM survey_response GROUP BY 1 ORDER BY 1"
sql mtl "SELECT count(*) FROM survey_response"

note "what reads every row: the owner's"
echo "\$ odw: beter export >odw.json" >>"$out"
"$beter" --db "postgresql://odw@/beter?host=$pg" export 2>>"$out" >"$tmp/odw.json"
echo "[exit $?]" >>"$out"
as klm check
as dir backup dir.dump

psql -XAtq -d beter -c "INSERT INTO survey_policy(uid, school_id, min_n, reason, day) VALUES ('p1', 1, 9, 'kleine school', '2026-11-20')" || exit 1
like klm survey report 1
sql odw "SELECT count(*) FROM beter_survey_item_mean"
sql odw "SELECT count(*) FROM beter_survey_count"
sql odw "INSERT INTO survey_policy(uid, school_id, min_n, reason, day) VALUES ('p2', 1, 3, 'lager', '2026-11-20')"

note "the helpers answer for the caller only"
sql odw "SELECT beter_compat.beter_me(), beter_compat.beter_me('abc'), beter_compat.beter_my_school()"
sql klm "SELECT array_agg(t ORDER BY t) FROM beter_compat.beter_coached_teams() t"
sql dir "SELECT beter_compat.beter_leads(1), beter_compat.beter_leads(2)"

note "a change of role, and grant again"
owner person edit ABC --role schoolcoach
echo "\$ owner: beter person grant ABC --login abc" >>"$out"
"$beter" --db "$store" person grant ABC --login abc >>"$out" 2>&1
echo "[exit $?]" >>"$out"
sql abc "SELECT text FROM goal ORDER BY id"
owner person edit ABC --role leraar
echo "\$ owner: beter person grant ABC --login abc" >>"$out"
"$beter" --db "$store" person grant ABC --login abc >>"$out" 2>&1
echo "[exit $?]" >>"$out"
sql abc "SELECT text FROM goal ORDER BY id"

note "a role of the cluster that is no login of the store cannot connect"
psql -XAtq -d beter -c "CREATE ROLE stranger LOGIN" || exit 1
sql stranger "SELECT 1"

note "revoked, the login reads nothing"
as odw person grant ODW --login odw --revoke
as odw person grant ABC --login abc2
echo "\$ owner: beter person grant ODW --login odw --revoke" >>"$out"
"$beter" --db "$store" person grant ODW --login odw --revoke >>"$out" 2>&1
echo "[exit $?]" >>"$out"
sql odw "SELECT count(*) FROM visit"
sql owner "SELECT login FROM beter_login ORDER BY 1"
echo "\$ owner: beter person grant ODW --login odw --revoke" >>"$out"
"$beter" --db "$store" person grant ODW --login odw --revoke >>"$out" 2>&1
echo "[exit $?]" >>"$out"

note "a SQLite store has no logins"
echo "\$ beter --db TMP/s.db person grant ODW --login odw" >>"$out"
{ "$beter" --db "$tmp/s.db" -q init --school X && "$beter" --db "$tmp/s.db" -q person add ODW --name "Olga de Wit" --role leraar &&
	"$beter" --db "$tmp/s.db" person grant ODW --login odw; } >>"$out" 2>&1
echo "[exit $?]" >>"$out"

expected=$here/rls.expected
if [ "${BETER_REGEN:-0}" = 1 ]; then
	cp "$out" "$expected"
	echo "rls.sh: wrote $expected"
	exit 0
fi
if diff -u "$expected" "$out"; then
	echo "rls.sh: ok"
	exit 0
fi
echo "rls.sh: the output differs from $expected"
exit 1
