#!/bin/sh
# The board page in headless Chromium: a typical team's board (up to 8
# actions, 3 goals, 6 successes) must show every section of the book's board
# on one 1920x1080 screen, with no box whose content overflows it and no
# scrolling, and print on one A3 landscape page; so must a board with the
# fuller left column of the demo school (a two-line ambition, four
# agreements, three periods and themes, four arena outcomes, two parked items). The page itself has no
# script: the test measures a copy with a small script appended.
#
#   tests/html/boardshot.sh path/to/beter [DIR]
#
# Exit 77 (skipped) only when chromium is not installed. DIR (or
# $BETER_SHOT_DIR) keeps the page, the screenshots and the PDF to look at.
set -u
beter=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "chromium is not installed: skipped"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/beter-shot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
keep=${2:-${BETER_SHOT_DIR:-}}
mkdir -p "$tmp/bin" "$tmp/work" "$tmp/profile"
ln -s "$beter" "$tmp/bin/beter"
export PATH="$tmp/bin:$PATH" BETER_DB="$tmp/work/test.db" BETER_TODAY=2026-11-20 LC_ALL=C.UTF-8 TZ=UTC
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
cd "$tmp/work" || exit 1
fail=0

chrome() {
	"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --hide-scrollbars --user-data-dir="$tmp/profile" "$@" 2>/dev/null
}

# The measuring page: the board in an iframe of exactly W x H (its srcdoc),
# and a script that measures every section's box in it: present, on the
# page, nothing overflowing, no text below the smallest legible size.
cat >check-head.html <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
HTML
cat >check-tail.html <<'HTML'
<pre id="verdict"></pre>
<script>
function measure() {
	var f = document.getElementById("board"), doc = f.contentDocument, win = f.contentWindow;
	var args = location.hash.slice(1).split(","), minpx = parseFloat(args[0]);
	var want = ["ambitie", "inspiratieverhaal", "teamafspraken", "jaarbord", "uitkomst_leerlingarena",
		"parkeren", "doelen", "check_in", "acties_in_de_klas", "andere_acties", "successen",
		"perioderitmiek", "werksessie", "lesbezoekplanning", "standaardvolgorde"];
	var bad = [], W = win.innerWidth, H = win.innerHeight, d = doc.documentElement;
	want.forEach(function (k) {
		var e = doc.getElementById("s-" + k);
		if (!e) { bad.push("missing " + k); return; }
		var r = e.getBoundingClientRect();
		if (r.width < 60 || r.height < 40) bad.push("too small " + k);
		if (r.bottom > H + 0.5 || r.right > W + 0.5 || r.top < 0 || r.left < 0) bad.push("off the page " + k);
		if (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)
			bad.push("overflow " + k + " " + e.scrollWidth + "x" + e.scrollHeight + ">" +
				e.clientWidth + "x" + e.clientHeight);
	});
	if (d.scrollHeight > H || d.scrollWidth > W) bad.push("the page scrolls " + d.scrollWidth + "x" + d.scrollHeight);
	var small = {}, all = doc.body.getElementsByTagName("*");
	for (var i = 0; i < all.length; i++) {
		var el = all[i], px = parseFloat(win.getComputedStyle(el).fontSize);
		if (el.closest("svg") || px >= minpx) continue;
		for (var n = el.firstChild; n; n = n.nextSibling)
			if (n.nodeType === 3 && n.nodeValue.trim())
				small[(el.closest("section,footer") || el).id + " " + px.toFixed(1) + "px"] = 1;
	}
	Object.keys(small).forEach(function (k) { bad.push("text below " + minpx + "px in " + k); });
	document.getElementById("verdict").textContent = W + "x" + H + " " + (bad.length ? bad.join("; ") : "ok");
}
var f = document.getElementById("board");
if (f.contentDocument && f.contentDocument.readyState === "complete" && f.contentDocument.getElementById("s-doelen"))
	measure();
else
	f.onload = measure;
</script></body></html>
HTML

measure() { # name file W H MINPX
	{
		cat check-head.html
		printf '<iframe id="board" style="border:0;display:block;width:%spx;height:%spx" srcdoc="' "$3" "$4"
		sed -e 's/&/\&amp;/g' -e 's/"/\&quot;/g' "$2"
		echo '"></iframe>'
		cat check-tail.html
	} >"$1-check.html"
	verdict=$(chrome --window-size=2200,1600 --virtual-time-budget=5000 --dump-dom "file://$PWD/$1-check.html#$5" |
		sed -n 's|.*<pre id="verdict">\([^<]*\)</pre>.*|\1|p')
	echo "$1: ${verdict:-no verdict from chromium}"
	[ "$verdict" = "$3x$4 ok" ] || fail=1
}

. "$here/typical-board.sh"
beter -q board show --team "Team Bovenbouw" --format html --out bord.html || { echo "board show failed"; exit 1; }
if grep -qi '<script\|<link\|<img\|<iframe\|@import\|url(' bord.html ||
	grep -o 'https\?://[^"]*' bord.html | grep -qv '^http://www.w3.org/2000/svg$'; then
	echo "the board page has a script or an outside resource"
	fail=1
fi

measure screen bord.html 1920 1080 13
# print: A3 landscape less the 8 mm margins is 404 x 281 mm, 1527 x 1062 CSS
# px; 9px is 2.4 mm on the paper
sed 's|@media print{|@media screen{|' bord.html >print.html
measure print print.html 1527 1062 9
# in Dutch (the interface language): longer words, the book's questions in full
BETER_LANG=nl beter -q board show --team "Team Bovenbouw" --format html --out bord-nl.html ||
	{ echo "board show in Dutch failed"; exit 1; }
sed 's|@media print{|@media screen{|' bord-nl.html >print-nl.html
measure screen-nl bord-nl.html 1920 1080 13
measure print-nl print-nl.html 1527 1062 9
# an empty board: every box still there, a hint in each
beter -q team add "Team Leeg"
beter -q board show --team "Team Leeg" --format html --out leeg.html
measure empty leeg.html 1920 1080 13


# a fuller left column (the demo school's): a two-line ambition, a story of
# two lines, four agreements, three periods and three themes, four arena
# outcomes, two parked items; no box of it may be cut off
t="Team Middenbouw"
beter -q team add "$t"
beter -q team member add "$t" SJN PDB
beter -q board set --team "$t" --date 2026-09-01 \
	--ambition "Al onze leerlingen lezen met begrip en met plezier, en vertellen elkaar graag wat ze lazen" \
	--story "Vorig jaar zagen we hoe groep 8 opbloeide toen we samen boeken kozen en er echt over praatten." \
	--agreement "We beginnen de bordsessie om 8.15 uur, ook als niet iedereen er is" \
	--agreement "Wie een actie niet haalt, zegt dat zelf in de sessie" \
	--agreement "Lesbezoeken plannen we voor de hele periode vooruit" \
	--agreement "Telefoons weg tijdens de bordsessie"
beter -q board theme add --team "$t" "Begrijpend lezen" --start 2026-08-31 --end 2026-10-16 --date 2026-09-01
beter -q board theme add --team "$t" "Feedback van leerlingen" --start 2026-10-26 --end 2026-12-18 --date 2026-09-01
beter -q board theme add --team "$t" "Rekenen in de context" --start 2027-01-04 --end 2027-03-12 --date 2026-09-01
for a in "Leerlingen kiezen vaker zelf hun tekst; de leraar doet het lezen eerst hardop denkend voor" \
	"Elke instructie begint met een voorbeeld dat we hardop voordoen, in kleine stappen" \
	"Leerlingen willen zelf teksten kiezen die over hun eigen interesses gaan" \
	"Ze vinden het fijn als de juf hardop laat zien hoe zij denkt"; do
	beter -q board arena add --team "$t" "$a" --date 2026-10-28
done
beter -q board park add --team "$t" "Bibliotheekbezoek in groep 6 weer opstarten?" --date 2026-09-14
beter -q board park add --team "$t" "Schoolbrede leesweek in maart" --date 2026-10-05
beter -q goal add --team "$t" --text "Leerlingen geven elkaar bruikbare feedback op een samenvatting" \
	--pupils "groep 6, 7 en 8" --weeks 6 --norm 7.5 --baseline 4 --date 2026-10-26
beter -q board action add --team "$t" --who SJN --what "Tweetallen feedback laten geven na elke leesles" \
	--due 2026-11-27 --date 2026-11-02
beter -q board show --team "$t" --format html --out middenbouw.html
measure fuller middenbouw.html 1920 1080 13
sed 's|@media print{|@media screen{|' middenbouw.html >print-midden.html
measure print-fuller print-midden.html 1527 1062 9
BETER_LANG=nl beter -q board show --team "$t" --format html --out middenbouw-nl.html
measure fuller-nl middenbouw-nl.html 1920 1080 13
sed 's|@media print{|@media screen{|' middenbouw-nl.html >print-midden-nl.html
measure print-fuller-nl print-midden-nl.html 1527 1062 9


chrome --window-size=1920,1080 --screenshot="$PWD/bord.png" "file://$PWD/bord.html" >/dev/null
[ -s bord.png ] || { echo "chromium did not take a screenshot"; fail=1; }
chrome --no-pdf-header-footer --print-to-pdf="$PWD/bord.pdf" "file://$PWD/bord.html" >/dev/null
if [ -s bord.pdf ]; then
	pages=$(grep -a -c '/Type */Page\b' bord.pdf)
	box=$(grep -a -o '/MediaBox *\[[^]]*\]' bord.pdf | head -n 1)
	echo "pdf: $pages page(s), $box"
	[ "$pages" = 1 ] || { echo "the board prints on $pages pages, not one"; fail=1; }
	case $box in
	*"0 0 119"[01]*" 84"[12]*) ;;
	*) echo "the page is not A3 landscape: $box"; fail=1 ;;
	esac
else
	echo "chromium did not print the board"
	fail=1
fi
chrome --no-pdf-header-footer --print-to-pdf="$PWD/middenbouw.pdf" "file://$PWD/middenbouw-nl.html" >/dev/null
pages=$(grep -a -c '/Type */Page\b' middenbouw.pdf 2>/dev/null)
echo "pdf of the fuller board: ${pages:-no} page(s)"
[ "$pages" = 1 ] || fail=1
if [ -n "$keep" ]; then
	mkdir -p "$keep" && cp bord.html leeg.html middenbouw.html middenbouw-nl.html bord.png bord.pdf "$keep"/ 2>/dev/null
	chrome --window-size=1527,1062 --screenshot="$keep/print.png" "file://$PWD/print.html" >/dev/null
	chrome --window-size=1920,1080 --screenshot="$keep/bord-nl.png" "file://$PWD/bord-nl.html" >/dev/null
	chrome --window-size=1920,1080 --screenshot="$keep/middenbouw.png" "file://$PWD/middenbouw.html" >/dev/null
	chrome --window-size=1920,1080 --screenshot="$keep/middenbouw-nl.png" "file://$PWD/middenbouw-nl.html" >/dev/null
fi
# the check sees an overfull box: 16 more actions in class than a typical team's
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	beter -q board action add --team "Team Bovenbouw" --who ODW --what "Nog een actie $i" --due 2026-12-11
done
beter -q board show --team "Team Bovenbouw" --format html --out vol.html
fail_before_full=$fail
measure full vol.html 1920 1080 13 >/dev/null
fail=$fail_before_full
case $verdict in
*"overflow acties_in_de_klas"*) echo "full: the overfull box is seen" ;;
*) echo "full: the overfull box went unseen: $verdict"; fail=1 ;;
esac
exit $fail
