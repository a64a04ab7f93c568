#!/bin/sh
# Build the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and run
# each on its seed corpus in tests/fuzz/corpus/TARGET for its time in the
# list below (about 8 minutes in all), or for SECONDS each when given.
# New inputs go to build-fuzz/corpus/; a crash leaves crash-* there and the
# script fails. Usage: tests/fuzz/run.sh [SECONDS]
set -eu
# target:seconds
targets="csvin:60 import:60 jsonrd:30 date:60 opt:60 framework:30 instrument:30 survey_import:30 session:30 phase_model:30 design:30 xlsxin:30 ics:60 wall_import:30"
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build-fuzz
cc=${CC:-clang}
command -v "$cc" >/dev/null || sh "$top/cmake/install-deps.sh" clang
command -v "$cc" >/dev/null || { echo "fuzz: $cc is needed (apt-get install clang)" >&2; exit 1; }
CC=$cc cmake -S "$top" -B "$build" -DBETER_FUZZ=ON -DBETER_TESTS=OFF -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for entry in $targets; do
	target=${entry%%:*}
	seconds=${1:-${entry#*:}}
	work=$build/corpus/$target
	mkdir -p "$work"
	echo "fuzz_$target: ${seconds}s"
	(cd "$build/corpus" && "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$work" "$top/tests/fuzz/corpus/$target" \
		>"$build/fuzz_$target.log" 2>&1) || {
		status=1
		echo "fuzz_$target FAILED: see $build/fuzz_$target.log and $build/corpus/crash-*"
		tail -40 "$build/fuzz_$target.log"
	}
	grep -E '^stat::number_of_executed_units|^Done' "$build/fuzz_$target.log" || true
done
exit $status
