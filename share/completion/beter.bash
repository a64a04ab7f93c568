# bash completion for beter: commands, subcommands and options, read from
# beter's own help so it always matches the installed binary.
# (read in English: it parses the headings of the help)
_beter() {
	local cur prev words cword
	_init_completion 2>/dev/null || {
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD-1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	}
	local prog=${words[0]} cmd="" sub="" i
	case ${prog##*/} in
	beter-*) cmd=${prog##*/beter-}; cmd=${cmd#beter-} ;;
	esac
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		--db | --format | --out) ((i++)) ;;
		-*) ;;
		*)
			if [ -z "$cmd" ]; then cmd=${words[i]}
			elif [ -z "$sub" ]; then sub=${words[i]}
			fi ;;
		esac
	done
	case $prev in
	--db | --out | --from | --map) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--format) COMPREPLY=($(compgen -W "table json csv tsv xlsx html md" -- "$cur")); return ;;
	esac
	if [ -z "$cmd" ]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$(BETER_LANG=en beter --help 2>/dev/null | grep -o -- '--[a-z-]*' | sort -u)" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(BETER_LANG=en beter --help 2>/dev/null | sed -n '/^Commands:/,/^$/p' | awk 'NF>1 && $1 != "Commands:" {print $1}')" -- "$cur"))
		fi
		return
	fi
	if [ -z "$sub" ] && [[ $cur != -* ]]; then
		COMPREPLY=($(compgen -W "$(BETER_LANG=en beter help "$cmd" 2>/dev/null | sed -n "s/^\(usage:\|   or:\) beter $cmd \([a-z]*\).*/\2/p" | sort -u)" -- "$cur"))
		[ ${#COMPREPLY[@]} -gt 0 ] && return
	fi
	if [[ $cur == -* ]]; then
		local help
		if [ -n "$sub" ]; then help=$(BETER_LANG=en beter help "$cmd" "$sub" 2>/dev/null); else help=$(BETER_LANG=en beter help "$cmd" 2>/dev/null); fi
		COMPREPLY=($(compgen -W "$(grep -o -- '--[a-z][a-z-]*' <<<"$help" | sort -u)" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _beter beter
for _c in init school team person phase visit board goal arena survey report export import backup check; do
	complete -F _beter "beter-$_c"
done
unset _c
