# The demo lives in the present: its story is written as of Friday
# 2026-11-20 and moved by whole weeks to the latest such day up to today
# ($BETER_TODAY, else the system's date), so that sessions stay on their
# weekdays, last week's session is last week's and the planned visits lie
# this week and next. Every date in an argument to "$beter" is moved; with
# BETER_TODAY=2026-11-20 nothing is. Sourced by demo.sh; sets demo_shift_days,
# BETER_TODAY and beter (a function in front of the binary); its own
# variables all begin with demo_, as the parts use short names.

demo_anchor=2026-11-20
# days between two YYYY-MM-DD dates, and a date moved by days (awk, no GNU date needed)
demo_awk='
function days(y, m, d) { if (m <= 2) { y--; m += 12 } return 365 * y + int(y / 4) - int(y / 100) + int(y / 400) + int((153 * (m - 3) + 2) / 5) + d }
function civil(n,   y, m, d, doy) {
	n--
	y = int((10000 * n + 14780) / 3652425); doy = n - (365 * y + int(y / 4) - int(y / 100) + int(y / 400))
	if (doy < 0) { y--; doy = n - (365 * y + int(y / 4) - int(y / 100) + int(y / 400)) }
	m = int((100 * doy + 52) / 3060); d = doy - int((m * 306 + 5) / 10) + 1
	y += int((m + 2) / 12); m = (m + 2) % 12 + 1
	return sprintf("%04d-%02d-%02d", y, m, d)
}
function ymd(s) { return days(substr(s, 1, 4) + 0, substr(s, 6, 2) + 0, substr(s, 9, 2) + 0) }'
demo_real=${BETER_TODAY:-$(date +%F)}
demo_shift_days=$(awk -v a="$demo_anchor" -v t="$demo_real" "$demo_awk"'
BEGIN { n = ymd(t) - ymd(a); w = n >= 0 ? int(n / 7) : -int((-n + 6) / 7); print 7 * w }')
export BETER_TODAY
BETER_TODAY=$(awk -v a="$demo_anchor" -v s="$demo_shift_days" "$demo_awk"' BEGIN { print civil(ymd(a) + s) }')

demo_today=$BETER_TODAY
demo_bin=$beter
demo_move() {
	printf '%s\n' "$1" | awk -v s="$demo_shift_days" "$demo_awk"'
{ out = ""; rest = $0
  while (match(rest, /[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]/)) {
	out = out substr(rest, 1, RSTART - 1) civil(ymd(substr(rest, RSTART, 10)) + s); rest = substr(rest, RSTART + 10) }
  printf "%s%s", out, rest }'
}
demo_beter() {
	demo_n=$#
	while [ "$demo_n" -gt 0 ]; do
		demo_a=$1
		shift
		# a date, or a text with one (not a file's path)
		case $demo_a in
		/* | ./* | ../*) ;;
		*[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*) [ -e "$demo_a" ] || demo_a=$(demo_move "$demo_a") ;;
		esac
		set -- "$@" "$demo_a"
		demo_n=$((demo_n - 1))
	done
	# a part that sets its own day (BETER_TODAY=... "$beter" ...) has it moved too
	demo_t=$BETER_TODAY
	[ "$demo_t" = "$demo_today" ] || demo_t=$(demo_move "$demo_t")
	BETER_TODAY=$demo_t "$demo_bin" "$@"
}
if [ "$demo_shift_days" -ne 0 ]; then
	beter=demo_beter
fi
