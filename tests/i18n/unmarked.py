#!/usr/bin/env python3
"""Find text a person reads that is not marked for translation.

    unmarked.py SRCDIR            check cmd/, lib/, mod/ and include/beter/ against
                                  tests/i18n/unmarked.allow
    unmarked.py --files FILE...   list the unmarked strings of these files

A string literal is reported where it reaches a person without _(), N_() or
P_() around it: the message (and its arguments) of beter_err_set,
beter_err_vset, beter_err_prefix, cmd_usage, cmd_note, fprintf(stderr, ...),
fputs(..., stderr), the title of out_section, the "what" of cmd_args and
cmd_parse and of store_fail, store_next, store_step_done and store_rows, and the help fields of the tables: a subcommand's summary, an
option's help (OPT_STRING... or { name, key, arg, help }), a command's
description, examples and files. Literals without words (formats such as
"%s: %s", option names, ALL_CAPS names) need no translation.

The allow-list names the files not yet converted, one per line; it must
name exactly those: a listed file with nothing unmarked is an error too
(take it off the list), so that the list only shrinks, to empty.
"""
import glob
import os
import re
import sys

MARKERS = {"_", "N_", "P_", "CMD", "gettext", "ngettext"}

# function -> index of the first argument a person reads (the ones after it
# too: the arguments of a format)
CALLS = {
    "beter_err_set": 2,
    "beter_err_vset": 2,
    "beter_err_prefix": 1,
    "cmd_usage": 1,
    "cmd_note": 1,
    "complain": 1,
    "out_section": 2,
}
# function -> the one argument a person reads
ONE_ARG = {
    "cmd_args": 4,
    "cmd_parse": 5,
    "OPT_STRING": 3,
    "OPT_STRING_SHORT": 4,
    "OPT_FLAG": 2,
    "OPT_LIST": 3,
    "OPT_OPTARG": 4,
    # what a store read or write was doing: said when it fails
    "store_fail": 3,
    "store_next": 3,
    "store_step_done": 2,
    "store_rows": 6,
}
TABLE_ROWS = {"subcmd": 2, "opt": 3}  # struct NAME[] = { {...}, ... }: the field read
DEF_FIELDS = {"description", "examples", "files"}  # struct command_def

TOKEN = re.compile(r"""
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)*')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<num>[0-9][A-Za-z0-9_.]*)
  | (?P<space>\s+|\\\n)
  | (?P<punct>.)
""", re.S | re.M | re.X)

FORMAT = re.compile(r"%[-+ #0]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?(?:hh|h|ll|l|L|z|j|t|PRId64|PRIu64)?[a-zA-Z%]")


def tokens(text):
    """(kind, value, line) for every token but comments and blanks (a macro's
    body is read as code: #define OPT_SCHOOL OPT_STRING(...))."""
    out = []
    line = 1
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        value = m.group()
        if kind not in ("comment", "space"):
            out.append((kind, value, line))
        line += value.count("\n")
    return out


def literal_text(tok):
    return tok[1][1:-1]


def wordy(s):
    """Whether a literal holds words a person reads."""
    s = re.sub(r'\\["\\nt]', " ", s)
    s = FORMAT.sub(" ", s)
    s = re.sub(r"--?[a-z][a-z0-9-]*", " ", s)     # option names
    s = re.sub(r"\b[A-Z][A-Z0-9_]*\b", " ", s)    # NAMES, $BETER_DB
    s = re.sub(r"\bbeter\b", " ", s)
    return re.search(r"[A-Za-z]{2,}", s) is not None


def match_close(toks, i):
    """Index of the bracket closing the one at i."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    stack = []
    for j in range(i, len(toks)):
        v = toks[j][1]
        if toks[j][0] != "punct":
            continue
        if v in pairs:
            stack.append(pairs[v])
        elif stack and v == stack[-1]:
            stack.pop()
            if not stack:
                return j
    return len(toks) - 1


def split_args(toks, lo, hi):
    """The top-level comma-separated ranges of toks[lo:hi]."""
    args = []
    start = lo
    j = lo
    while j < hi:
        v = toks[j][1]
        if toks[j][0] == "punct" and v in "({[":
            j = match_close(toks, j) + 1
            continue
        if toks[j][0] == "punct" and v == ",":
            args.append((start, j))
            start = j + 1
        j += 1
    if start < hi:
        args.append((start, hi))
    return args


def bare_literals(toks, lo, hi):
    """String literals in toks[lo:hi] outside marker calls and outside other
    calls (those are checked where they are called)."""
    found = []
    j = lo
    while j < hi:
        kind, v, _line = toks[j]
        if kind == "ident" and j + 1 < hi and toks[j + 1][1] == "(":
            j = match_close(toks, j + 1) + 1
            continue
        if kind == "string":
            found.append(j)
        j += 1
    return found


def report(problems, path, toks_found, where):
    # adjacent literals are one string
    text = "".join(literal_text(t) for t in toks_found)
    if toks_found and wordy(text):
        shown = text if len(text) <= 60 else text[:57] + "..."
        problems.append('%s:%d: unmarked "%s" (%s)' % (path, toks_found[0][2], shown, where))


def check_range(problems, path, toks, lo, hi, where):
    group = []
    last = None
    for j in bare_literals(toks, lo, hi):
        if group and j == last + 1:  # "adjacent" "literals"
            group.append(toks[j])
        else:
            report(problems, path, group, where)
            group = [toks[j]]
        last = j
    report(problems, path, group, where)


def check_calls(problems, path, toks):
    for i, (kind, v, _line) in enumerate(toks):
        if kind != "ident" or i + 1 >= len(toks) or toks[i + 1][1] != "(":
            continue
        if i > 0 and toks[i - 1][1] in (".", ">"):
            continue
        close = match_close(toks, i + 1)
        args = split_args(toks, i + 2, close)
        first = None
        if v in CALLS:
            first = CALLS[v]
            upto = len(args)
        elif v in ONE_ARG:
            first = ONE_ARG[v]
            upto = first + 1
        elif v == "fprintf" and args and [t[1] for t in toks[args[0][0]:args[0][1]]] == ["stderr"]:
            first, upto = 1, len(args)
        elif v == "fputs" and len(args) == 2 and [t[1] for t in toks[args[1][0]:args[1][1]]] == ["stderr"]:
            first, upto = 0, 1
        if first is None:
            continue
        for lo, hi in args[first:upto]:
            check_range(problems, path, toks, lo, hi, v)


def check_tables(problems, path, toks):
    n = len(toks)
    for i in range(n - 2):
        if toks[i][1] != "struct" or toks[i + 1][0] != "ident":
            continue
        sname = toks[i + 1][1]
        if sname not in TABLE_ROWS and sname != "command_def":
            continue
        # struct NAME ident [ ] = {   or   struct command_def ident = {
        j = i + 2
        if j >= n or toks[j][0] != "ident":
            continue
        j += 1
        while j < n and toks[j][1] in ("[", "]") or (j < n and toks[j][0] == "num"):
            j += 1
        if j + 1 >= n or toks[j][1] != "=" or toks[j + 1][1] != "{":
            continue
        open_ = j + 1
        close = match_close(toks, open_)
        if sname == "command_def":
            for lo, hi in split_args(toks, open_ + 1, close):
                if hi - lo >= 3 and toks[lo][1] == "." and toks[lo + 1][1] in DEF_FIELDS and toks[lo + 2][1] == "=":
                    check_range(problems, path, toks, lo + 3, hi, "." + toks[lo + 1][1])
            continue
        field = TABLE_ROWS[sname]
        for lo, hi in split_args(toks, open_ + 1, close):
            if toks[lo][1] != "{":
                continue  # a macro row (OPT_STRING...), checked as a call
            row = split_args(toks, lo + 1, match_close(toks, lo))
            if len(row) > field:
                a, b = row[field]
                check_range(problems, path, toks, a, b, "struct %s table" % sname)


def check_file(path, shown=None):
    with open(path, encoding="utf-8") as f:
        toks = tokens(f.read())
    problems = []
    check_calls(problems, shown or path, toks)
    check_tables(problems, shown or path, toks)
    return sorted(problems, key=lambda p: int(p.split(":")[1]))


def main(argv):
    if len(argv) >= 2 and argv[1] == "--files":
        problems = []
        for p in argv[2:]:
            problems += check_file(p)
        print("\n".join(problems))
        return 1 if problems else 0
    if len(argv) != 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    src = argv[1]
    allow_path = os.path.join(src, "tests/i18n/unmarked.allow")
    allow = []
    with open(allow_path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                allow.append(line)
    files = []
    for pattern in ("cmd/*.c", "cmd/*.h", "lib/*.c", "lib/*.h", "mod/*.c", "mod/*.h", "include/beter/*.h"):
        files += sorted(glob.glob(os.path.join(src, pattern)))
    rel = [os.path.relpath(p, src) for p in files]
    failed = 0
    for name in allow:
        if name not in rel:
            print("%s: on the allow-list but not a source file: take it off" % name)
            failed = 1
    unmarked_files = 0
    for path, name in zip(files, rel):
        problems = check_file(path, name)
        if name in allow:
            if not problems:
                print("%s: nothing unmarked any more: take it off tests/i18n/unmarked.allow" % name)
                failed = 1
            else:
                unmarked_files += 1
            continue
        for p in problems:
            print(p)
            failed = 1
    print("%d file(s) checked, %d still on the allow-list" % (len(files), unmarked_files))
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv))
