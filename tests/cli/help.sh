# help, version, man pages and multi-call links for every command (also in
# Dutch: help.nl.expected)

run beter --version
cmds=$(BETER_LANG=en beter --help | sed -n '/^Commands:/,/^$/p' | awk 'NF>1 && $1 != "Commands:" && $1 != "help" {print $1}')
for cmd in $cmds; do
	beter help "$cmd" >a.txt || echo "help $cmd failed"
	beter "$cmd" --help >b.txt || echo "$cmd --help failed"
	cmp -s a.txt b.txt || echo "help $cmd differs from $cmd --help"
	beter help --man "$cmd" >m.1 || echo "man $cmd failed"
	if command -v man >/dev/null 2>&1; then
		MANWIDTH=80 man -l m.1 >/dev/null 2>&1 || echo "man page of $cmd does not render"
	fi
	grep -q '^\.SH \(SYNOPSIS\|OVERZICHT\)$' m.1 || echo "man page of $cmd has no synopsis"
	grep -q "^\(usage\|gebruik\): beter $cmd" a.txt || echo "help $cmd has no usage line"
	# every option in the help is in the man page
	for o in $(grep -o -- '--[a-z][a-z-]*' a.txt | sort -u); do
		grep -qF -- "${o//-/\\-}" m.1 || echo "$cmd: $o missing from the man page"
	done
	ln -sf "$(command -v beter)" "beter-$cmd"
	"./beter-$cmd" --help >c.txt 2>&1 || echo "beter-$cmd --help failed"
	cmp -s a.txt c.txt || echo "beter-$cmd --help differs"
	echo "$cmd: ok"
done
run beter help nosuch
run beter help team nosuch
run beter help team member
run beter team member add --help

note bash completion
if command -v bash >/dev/null; then
	comp() { bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _beter; printf "%s\n" "${COMPREPLY[@]}"' _ "$SHARE/completion/beter.bash" "$@"; }
	comp beter pe
	comp beter team m
	comp beter person import --dr
	comp beter --format j
fi

note install: binary, links, man pages, completion
cmake --install "$(dirname "$(readlink -f "$(command -v beter)")")" --prefix "$TMP/inst" >/dev/null 2>&1 || echo "install failed"
[ -x "$TMP/inst/bin/beter" ] || echo "no beter installed"
[ -f "$TMP/inst/share/man/man1/beter.1" ] || echo "no beter.1 installed"
[ -f "$TMP/inst/share/man/nl/man1/beter.1" ] || echo "no Dutch beter.1 installed"
[ -f "$TMP/inst/share/locale/nl/LC_MESSAGES/beter.mo" ] || echo "no Dutch catalogue installed"
for cmd in $cmds; do
	[ -L "$TMP/inst/bin/beter-$cmd" ] || echo "no link beter-$cmd installed"
	[ -f "$TMP/inst/share/man/man1/beter-$cmd.1" ] || echo "no man page beter-$cmd.1 installed"
	[ -f "$TMP/inst/share/man/nl/man1/beter-$cmd.1" ] || echo "no Dutch man page beter-$cmd.1 installed"
done
grep '^\.SH' "$TMP/inst/share/man/man1/beter-init.1" | head -3
grep '^\.SH' "$TMP/inst/share/man/nl/man1/beter-init.1" | head -3
# the installed binary finds its catalogue under the prefix it was moved to
"$TMP/inst/bin/beter-team" --help | head -1
BETER_LANG=nl "$TMP/inst/bin/beter-team" --help | head -1
[ -f "$TMP/inst/share/bash-completion/completions/beter" ] && echo "completion installed"
