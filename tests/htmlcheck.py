#!/usr/bin/env python3
"""Strict check of a self-contained HTML report: balanced tags, no end tags
or self-closing misuse of void elements, no scripts, no external resources,
charts with a title and a description, unique ids. Prints 'FILE: ok' or the
problems (exit 1)."""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FORBIDDEN = {"script", "iframe", "object", "embed", "link", "base", "frame", "applet"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.ids = set()
        self.seen = set()
        self.svg_children = []
        self.doctype = False

    def err(self, msg):
        line, col = self.getpos()
        self.errors.append(f"{line}:{col + 1}: {msg}")

    def attrs(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.err(f"<{tag}> has an event handler '{name}'")
            if name in ("src", "href", "action", "xlink:href", "srcset", "poster", "data") and value:
                if not value.startswith("#"):
                    self.err(f"<{tag} {name}='{value}'> refers to an outside resource")
            if name == "style" and value and "url(" in value:
                self.err(f"<{tag}> style loads a resource")
            if name == "id":
                if value in self.ids:
                    self.err(f"duplicate id '{value}'")
                self.ids.add(value)

    def in_svg(self):
        return "svg" in self.stack

    def handle_decl(self, decl):
        if decl.lower() == "doctype html":
            self.doctype = True

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        if tag in FORBIDDEN:
            self.err(f"<{tag}> is not allowed in a self-contained report")
        self.attrs(tag, attrs)
        if self.stack and self.stack[-1] == "svg":
            self.svg_children[-1].append(tag)
        if tag in VOID:
            return
        if tag == "svg":
            self.svg_children.append([])
        self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.seen.add(tag)
        if tag in FORBIDDEN:
            self.err(f"<{tag}> is not allowed in a self-contained report")
        self.attrs(tag, attrs)
        if tag not in VOID and not self.in_svg():
            self.err(f"<{tag}/> is not a void element; it needs an end tag")
        if self.stack and self.stack[-1] == "svg":
            self.svg_children[-1].append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            self.err(f"</{tag}>: a void element has no end tag")
            return
        if not self.stack:
            self.err(f"</{tag}> without a start tag")
            return
        if self.stack[-1] != tag:
            self.err(f"</{tag}> closes <{self.stack[-1]}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == "svg":
            kids = self.svg_children.pop()
            if kids[:2] != ["title", "desc"]:
                self.err("a chart starts with <title> and <desc> (its text alternative)")

    def handle_data(self, data):
        if "url(" in data and self.stack and self.stack[-1] == "style" and "url(data:" not in data:
            self.err("the style sheet loads a resource")


def check(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    c = Checker()
    c.feed(text)
    c.close()
    if not c.doctype:
        c.errors.append("no <!DOCTYPE html>")
    for need in ("html", "head", "title", "body", "meta", "style"):
        if need not in c.seen:
            c.errors.append(f"no <{need}>")
    for tag in c.stack:
        c.errors.append(f"<{tag}> is never closed")
    return c.errors


def main():
    rc = 0
    for path in sys.argv[1:]:
        errors = check(path)
        if errors:
            rc = 1
            for e in errors:
                print(f"{path}:{e}")
        else:
            print(f"{path}: ok")
    return rc


if __name__ == "__main__":
    sys.exit(main())
