#!/usr/bin/env python3
"""The board page as text, section by section, for a golden file: each
section's id, its step of the standard order, its title and the lines of its
content (a list item, a paragraph or a chart's description per line), in the
order of the page; then the columns the sections stand in."""
import sys
from html.parser import HTMLParser

BLOCK = {"li", "p", "h2", "h3", "desc", "div", "span"}


class Board(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.section = None
        self.cols = []
        self.buf = []
        self.skip = 0
        self.kind = None
        self.spans = []

    def flush(self):
        text = " ".join("".join(self.buf).split()).replace("( ", "(").replace(" )", ")").replace(" ]", "]")
        if text and self.section is not None:
            self.out.append(f"  {self.kind}: {text}")
        self.buf = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("style", "title") and self.section is None:
            self.skip += 1
        if tag == "div" and "col" in (a.get("class") or "").split():
            self.cols.append([a["class"], []])
        if tag in ("section", "footer") and a.get("id", "").startswith("s-"):
            self.section = a["id"][2:]
            self.out.append(self.section)
            if self.cols and tag == "section":
                self.cols[-1][1].append(self.section)
        if tag == "svg":
            self.skip += 1
        if tag == "desc":
            self.skip -= 1
        if tag in ("li", "p", "h2", "h3", "desc"):
            self.flush()
            self.kind = {"li": "item", "p": a.get("class") or "text", "h2": "title", "h3": "heading", "desc": "chart"}[tag]
        if tag in ("span", "b"):
            cls = (a.get("class") or "").split()
            mark = "step" if "step" in cls else "badge" if "badge" in cls else ""
            self.spans.append(mark)
            self.buf.append({"step": "(", "badge": " ["}.get(mark, " "))

    def handle_endtag(self, tag):
        if tag in ("style", "title") and self.skip and self.section is None:
            self.skip -= 1
        if tag == "desc":
            self.flush()
            self.skip += 1
        if tag == "svg":
            self.skip -= 1
        if tag in ("span", "b") and self.spans:
            self.buf.append({"step": ") ", "badge": "]"}.get(self.spans.pop(), " "))
        if tag in ("li", "p", "h2", "h3"):
            self.flush()
        if tag in ("section", "footer"):
            self.flush()
            self.section = None

    def handle_data(self, data):
        if self.skip <= 0:
            self.buf.append(data)


b = Board()
with open(sys.argv[1], encoding="utf-8") as f:
    b.feed(f.read())
for line in b.out:
    print(line)
for cls, ids in b.cols:
    print(f"{cls}: {' '.join(ids)}")
