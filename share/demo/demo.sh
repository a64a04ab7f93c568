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
# the demo's story is told in the school year 2026-2027, up to this date
export BETER_TODAY="${BETER_TODAY:-2026-11-20}"
rm -f "$store" "$store-wal" "$store-shm"
"$beter" -q init --school "IKC De Vlinderboom" --brin 99ZZ --sector po
"$beter" -q person import "$demo/roster.csv"
for part in "$demo"/[0-9][0-9]-*.sh; do
	[ -e "$part" ] || continue
	. "$part"
done
