# i18n: the language follows --lang, $BETER_LANG and the locale (also where
# no Dutch locale is installed); JSON, CSV and TSV are the same bytes in
# every language. (run-cli.sh sets BETER_LANG=en and LC_ALL=C.UTF-8; each
# case here sets what it needs.)

# first line of stdout and stderr of beter under an environment: lang ENV... -- ARGS...
lang() {
	local envs=()
	while [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	shift
	echo "[${envs[*]}] beter $*"
	env -u BETER_LANG -u LC_ALL -u LANG -u LANGUAGE -u LC_MESSAGES "${envs[@]}" beter "$@" 2>&1 | head -1
}

note the locale chooses, as gettext does
lang LANG=nl_NL.UTF-8 -- --help
lang LANG=nl_XX.UTF-8 -- --help
lang LC_MESSAGES=nl_BE.UTF-8 LANG=en_US.UTF-8 -- --help
lang LC_ALL=C LANG=nl_NL.UTF-8 -- --help
lang LANG=C.UTF-8 LANGUAGE=nl -- --help
lang LANG=nl_NL.UTF-8 LANGUAGE=en:nl -- --help
lang LANG=de_DE.UTF-8 -- --help
lang -- --help

note --lang and BETER_LANG override it, before or after the command
lang LANG=nl_NL.UTF-8 -- --lang en --help
lang LANG=nl_NL.UTF-8 -- --lang=en --help
lang BETER_LANG=nl LANG=en_US.UTF-8 -- --help
lang BETER_LANG=nl -- --lang en --help
lang LC_ALL=C BETER_LANG=nl -- team --help
lang LANG=C.UTF-8 -- team --help --lang nl
lang LANG=C.UTF-8 -- help team --lang=nl
lang LANG=nl_NL.UTF-8 -- nosuch
lang LANG=nl_NL.UTF-8 -- --lang en nosuch
lang LANG=nl_NL.UTF-8 -- --lang de --help
lang LANG=en_US.UTF-8 -- --lang de --help
lang BETER_LANG=fr -- --help
run beter --lang
run beter --lang xx --version
run beter --lang en --version

note error messages and notes follow it
run beter init
run beter --lang nl init
run beter --lang nl init --school "OBS De Regenboog" --brin 12AB --sector po
run beter --lang nl init --school "Nog een"
printf 'code,name,role,team\nBC,Bo Coach,schoolcoach,Team A\nAA,Anna A,leraar,Team A\nBB,Bert B,leraar,Team A\n' >r.csv
quiet beter person import r.csv
quiet beter goal add --team "Team A" --text "Leerlingen kunnen samenvatten" --weeks 6 --norm 8 --baseline 5.5 --date 2026-09-07
quiet beter goal measure 1 --score 6.25 --date 2026-09-21
quiet beter goal measure 1 --score 7.5 --date 2026-10-05
quiet beter board action add --team "Team A" --who AA --what "Dagelijks voorlezen" --due 2026-09-25 --goal 1 --date 2026-09-07
run beter --lang nl team list --dry-run --nosuch

note JSON, CSV and TSV: the same bytes in Dutch and English
same_bytes() {
	local fmt e n
	for fmt in --json --csv --tsv; do
		BETER_LANG=en beter "$fmt" "$@" >en.out 2>en.err
		e=$?
		BETER_LANG=nl beter "$fmt" "$@" >nl.out 2>nl.err
		n=$?
		if [ "$e" -ne 0 ] || [ "$n" -ne 0 ]; then
			echo "beter $fmt $*: exit $e (en), $n (nl)"
			cat en.err nl.err
		elif ! [ -s en.out ]; then
			echo "beter $fmt $*: no output"
		elif cmp -s en.out nl.out; then
			echo "beter $fmt $*: same ($(wc -c <en.out) bytes)"
		else
			echo "beter $fmt $*: DIFFERS"
			diff en.out nl.out | head -5
		fi
	done
}
same_bytes team list
same_bytes person list
same_bytes goal list --team "Team A"
same_bytes goal show 1
same_bytes goal progress 1
same_bytes board show --team "Team A"
same_bytes school list
same_bytes check
run beter --lang nl --json goal progress 1

# Where the nl_NL locale can be made (localedef and Debian's locales), a
# real one too: its decimal comma (LC_NUMERIC) must not reach JSON or CSV.
# Silent when all is well, so that the transcript is the same everywhere.
mkdir -p "$TMP/locale"
if localedef -i nl_NL -f UTF-8 "$TMP/locale/nl_NL.UTF-8" >/dev/null 2>&1; then
	for fmt in --json --csv --tsv; do
		BETER_LANG=en beter "$fmt" goal progress 1 >en.out 2>&1
		env -u BETER_LANG -u LC_ALL LOCPATH="$TMP/locale" LANG=nl_NL.UTF-8 beter "$fmt" goal progress 1 >nl.out 2>&1
		cmp -s en.out nl.out || { echo "under a real nl_NL locale beter $fmt goal progress 1 differs:"; diff en.out nl.out; }
	done
	env -u BETER_LANG -u LC_ALL LOCPATH="$TMP/locale" LANG=nl_NL.UTF-8 beter --help | head -1 | grep -q '^gebruik:' ||
		echo "under a real nl_NL locale beter --help is not Dutch"
fi
