#!/usr/bin/env python3
"""Translate a page's texts with a PO file, as gettext would: every text
node (and chart title or description) that is a msgid, or a msgid with %s
filled in, becomes its msgstr. For checking the layout of a language before
the program loads its catalogue: pofill.py FILE.po PAGE.html > PAGE-nl.html.
The decimal separator and the language code are left as they are."""
import re
import sys


def unquote(s):
    return s[1:-1].replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def read_po(path):
    pairs, key, cur = [], None, {"msgid": "", "msgstr": ""}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("msgid "):
            if cur["msgid"]:
                pairs.append((cur["msgid"], cur["msgstr"]))
            cur, key = {"msgid": unquote(line[6:]), "msgstr": ""}, "msgid"
        elif line.startswith("msgstr "):
            cur["msgstr"], key = unquote(line[7:]), "msgstr"
        elif line.startswith('"') and key:
            cur[key] += unquote(line)
    if cur["msgid"]:
        pairs.append((cur["msgid"], cur["msgstr"]))
    return [(i, s) for i, s in pairs if i not in (".", "en") and s]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


pairs = sorted(read_po(sys.argv[1]), key=lambda p: -len(p[0]))
page = open(sys.argv[2], encoding="utf-8").read()
rules = []
for msgid, msgstr in pairs:
    pat = re.escape(esc(msgid)).replace("%s", "(.*?)")
    rep = esc(msgstr)
    n = 0
    while "%s" in rep:
        n += 1
        rep = rep.replace("%s", "\\%d" % n, 1)
    rules.append((re.compile(">(\\s*)" + pat + "(\\s*)<"), rep))


def node(m):
    text = m.group(0)
    for rx, rep in rules:
        mm = rx.fullmatch(text)
        if mm:
            groups = mm.groups()
            body = rep.replace("\\\\", "\\")
            for k, g in enumerate(groups[1:-1], 1):
                body = body.replace("\\%d" % k, g)
            return ">" + groups[0] + body + groups[-1] + "<"
    return text


sys.stdout.write(re.sub(">[^<>]*<", node, page))
