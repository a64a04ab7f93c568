#!/bin/sh
# The main job on the demo school: install what is missing (Debian, as root),
# build, create the demo store in build/demo.db and show it.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
sh cmake/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
beter=$top/build/beter
store=$top/build/demo.db
sh share/demo/demo.sh "$beter" "$store"
# the day the demo's story was moved to (see share/demo/shift.sh)
demo=$top/share/demo
. "$demo/shift.sh"
beter=$demo_bin
export BETER_DB="$store"
echo "== $("$beter" --lang en school show | sed -n 's/^name: *//p'): teams"
"$beter" team list
echo
echo "== people"
"$beter" person list
for part in share/demo/show-[0-9][0-9]-*.sh; do
	[ -e "$part" ] || continue
	echo
	. "./$part"
done
echo
echo "The demo store is $store; try: BETER_DB=$store $beter --help"
