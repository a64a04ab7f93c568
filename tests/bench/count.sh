#!/bin/sh
# The benchmark by counted instructions (on demand; not part of ctest): what
# `valgrind --tool=callgrind` counts does not move with the load of a shared
# machine, as wall-clock times do. Every figure and its reference are counted
# the same way in the same run.
#
#   start-up, on the demo store (share/demo/demo.sh, told as of 2026-11-20):
#     beter --version and beter board show --team "Team Bovenbouw" against
#     sqlite3 -version; for comparison the sqlite3 shell opening the store
#     for one query, and open1 (open1.c: the same static SQLite, configured
#     as beter configures it, opening the store for that query and no more)
#   --waves: the culture survey of waves.sh (30,000 responses with a team
#     column): wave 1 into an empty store against sqlite3 .import of the same
#     file, and wave 20 into a store holding 19 waves against wave 1
#
# usage: tests/bench/count.sh [--waves] [--beter PATH] [--work DIR] [--keep]
#   --beter PATH   the binary (default: $BETER_BIN, else build/beter)
#   --work DIR     where the stores go (default: a temporary dir); with
#                  --waves, a DIR that holds waves.sh's work (--keep) is
#                  used as it is, else waves.sh builds it there
#   --keep         keep DIR afterwards
# Exit status: 0 when it ran (whatever the figures), else 1.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
beter=${BETER_BIN:-$root/build/beter}
work="" keep=0 waves=0
while [ $# -gt 0 ]; do
	case $1 in
	--waves) waves=1; shift ;;
	--beter) beter=${2:?--beter needs a path}; shift 2 ;;
	--work) work=${2:?--work needs a directory}; shift 2 ;;
	--keep) keep=1; shift ;;
	-h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "count.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
	esac
done
case $beter in /*) ;; *) beter=$(pwd)/$beter ;; esac
[ -x "$beter" ] || { echo "count.sh: no beter binary at $beter (build first or give --beter)" >&2; exit 1; }
for t in valgrind sqlite3 python3 cc; do
	command -v $t >/dev/null || { echo "count.sh: $t is needed (cmake/install-deps.sh)" >&2; exit 1; }
done
if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/beter-count.XXXXXX")
	[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)
say() { printf '%s\n' "$*" >&2; }
# count CMD ARGS...: the instructions the command runs (its output dropped)
count() {
	valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$@" >/dev/null 2>"$work/valgrind.err" ||
		{ cat "$work/valgrind.err" >&2; say "count.sh: failed: $*"; exit 1; }
	sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$work/valgrind.err"
}
m() { python3 -c "print(f'{$1 / 1e6:.2f} M')"; }
g() { python3 -c "print(f'{$1 / 1e9:.3f} G')"; }
ratio() { python3 -c "print(f'{($1) / ($2):.2f}')"; }
verdict() { python3 -c "print('PASS' if $1 else 'MISS')"; }
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@"; }

# open1, linked as beter links SQLite (static when the build found it)
lib=$(pkg-config --variable=libdir sqlite3 2>/dev/null || echo /usr/lib/x86_64-linux-gnu)
sqlite_lib=-lsqlite3
[ ! -f "$lib/libsqlite3.a" ] || sqlite_lib=$lib/libsqlite3.a
cc -O2 -I"$root/include" $(pkg-config --cflags sqlite3 2>/dev/null) -o "$work/open1" "$here/open1.c" \
	"$root/lib/sqlmem.c" "$sqlite_lib" -lm -lpthread -ldl

say "building the demo store ..."
store=$work/demo.db
BETER_TODAY=2026-11-20 BETER_SHARE="$root/share" BETER_KEY_FILE="$work/demo.key" \
	sh "$root/share/demo/demo.sh" "$beter" "$store" >/dev/null
cp "$store" "$work/shell.db"

say "counting start-up ..."
export BETER_TODAY=2026-11-20 BETER_SHARE="$root/share" BETER_KEY_FILE="$work/demo.key" BETER_DB="$store"
version=$(count "$beter" --version)
board=$(count "$beter" board show --team "Team Bovenbouw")
ref=$(count sqlite3 -version)
# the shell removes -wal and -shm when it closes: it reads a copy
shell=$(count sqlite3 "$work/shell.db" "SELECT count(*) FROM team")
open1=$(count "$work/open1" "$store")
unset BETER_DB

printf '\nbeter benchmark by counted instructions (valgrind --tool=callgrind), %s\n\n' "$(date -u +%F)"
echo "| what | measured | reference | ratio | target | result |"
echo "|---|---|---|---|---|---|"
row "beter --version" "$(m $version)" "$(m $ref) sqlite3 -version" "$(ratio $version $ref)" "<= 1.0" \
	"$(verdict "$version <= $ref")"
row "beter board show (a team, demo store)" "$(m $board)" "$(m $ref) sqlite3 -version" "$(ratio $board $ref)" \
	"<= 1.3" "$(verdict "$board <= 1.3 * $ref")"
row "(open1: SQLite opening that store, one query)" "$(m $open1)" "$(m $ref) sqlite3 -version" \
	"$(ratio $open1 $ref)" "-" "-"
row "(sqlite3 shell: that store, one query)" "$(m $shell)" "$(m $ref) sqlite3 -version" "$(ratio $shell $ref)" "-" "-"
row "(beter board show against open1)" "$(m $board)" "$(m $open1) open1" "$(ratio $board $open1)" "-" "-"

[ "$waves" = 1 ] || exit 0
w=$work/waves
if [ ! -f "$w/waves.db" ]; then
	say "building the store of 19 waves (waves.sh) ..."
	sh "$here/waves.sh" --runs 1 --keep --work "$w" --beter "$beter" >/dev/null
fi
say "counting the imports ..."
export BETER_TODAY=2026-11-20 BETER_KEY_FILE="$w/key" BETER_SHARE="$root/share"
cp "$w/first.db" "$w/c1.db"
cp "$w/waves.db" "$w/cn.db"
rm -f "$w"/c1.db-* "$w"/cn.db-* "$w/cref.db"
wave1=$(count "$beter" --db "$w/c1.db" -q survey import 1 "$w/culture.csv")
wave20=$(count "$beter" --db "$w/cn.db" -q survey import 20 "$w/culture.csv")
imp=$(count sqlite3 "$w/cref.db" -cmd ".mode csv" -cmd ".separator ;" ".import $w/culture.csv t")
row "survey import with a team column, wave 1" "$(g $wave1)" "$(g $imp) sqlite3 .import" "$(ratio $wave1 $imp)" \
	"<= 1.0" "$(verdict "$wave1 <= $imp")"
row "survey import, wave 20 into 19 waves" "$(g $wave20)" "$(g $wave1) wave 1" "$(ratio $wave20 $wave1)" "<= 1.2" \
	"$(verdict "$wave20 <= 1.2 * $wave1")"
