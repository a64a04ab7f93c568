#!/bin/sh
# Install the Debian packages beter needs to build and test, if any is missing.
# Run as root (or with sudo available). Extra package names may be given.
# (gettext: xgettext and msgfmt for the catalogue; libc-l10n: the C library's own
# Dutch messages, which the Dutch CLI transcripts expect; postgresql: the
# server the PostgreSQL store tests start, tests/pg/cluster.sh.)
set -eu
pkgs="build-essential cmake pkg-config libsqlite3-dev libpq-dev libcjson-dev libjansson-dev libcsv-dev libsodium-dev libxlsxwriter-dev libzip-dev libexpat1-dev libical-dev python3-icalendar libcmocka-dev sqlite3 postgresql jq python3 python3-openpyxl strace man-db time valgrind gettext libc-l10n $*"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
