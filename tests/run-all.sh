#!/bin/sh
# Build and run the whole test suite: tests/run-all.sh [--sanitize]
# Installs missing Debian packages first (as root). With --sanitize the build
# uses AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
sh cmake/install-deps.sh
dir=build
flags="-DBETER_WERROR=ON"
if [ "${1:-}" = "--sanitize" ]; then
	dir=build-asan
	flags="$flags -DBETER_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
fi
# shellcheck disable=SC2086
cmake -S . -B "$dir" $flags >/dev/null
cmake --build "$dir" -j"$(nproc)"
cd "$dir"
ctest --output-on-failure -j"$(nproc)"
