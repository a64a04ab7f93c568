#!/bin/sh
# Build the demo store: the fictional IKC De Vlinderboom with its teams and
# people, then every part in share/demo/NN-*.sh (boards, visits, surveys, ...)
# in order. Usage: share/demo/demo.sh BETER STORE
#   BETER  the beter binary; STORE  the store file to create (replaced).
set -eu
beter=$1
store=$2
demo=$(cd "$(dirname "$0")" && pwd)
export BETER_DB="$store"
# the demo's story is told as of Friday 2026-11-20 and moved to the present
# (by whole weeks; $BETER_TODAY=2026-11-20 tells it as written)
. "$demo/shift.sh"
rm -f "$store" "$store-wal" "$store-shm"
"$beter" -q init --school "IKC De Vlinderboom" --brin 99ZZ --sector po --region midden
"$beter" -q person import "$demo/roster.csv"
for part in "$demo"/[0-9][0-9]-*.sh; do
	[ -e "$part" ] || continue
	. "$part"
done
# the school holidays of regio midden, once the story is in place (the story
# moved to the present does not move the holidays)
"$beter" -q calendar import "$demo/../calendar/schoolvakanties-2026-2027.ics"
