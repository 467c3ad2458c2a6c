"""The text a family sees inside a block of raw HTML, masked in place.

Markdown pages may hold raw HTML: a ``<table>`` of dates, a ``<div>`` note, a
``<details>`` with a ``<summary>``. Its visible text is prose like any other, so it is
found here with the standard library's HTML parser and kept at its offsets; tags,
attributes, comments and the contents of ``<script>``, ``<style>``, ``<template>``,
``<pre>`` and ``<code>`` are blanked with spaces (newlines kept). Every block-level
element (a table cell, a list item, a paragraph, a ``<div>``, a summary, and in a chart
each label, title and description) starts a new unit, so table cells are their own
sentences, as in a Markdown table.

Python's parser reads some broken HTML in quadratic time (thousands of ``<a`` with no
``>``, or of ``<!--`` with no ``-->``). A linear pass first checks that every tag closes
with a ``>`` before the next ``<`` and every comment closes; a block that fails it is
masked by patterns instead (:func:`homeroom.text.prose` masks tags and comments in any unit),
as one unit.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from html.parser import HTMLParser

#: Elements that start a new unit of prose, and the kind of unit their text makes.
BLOCK_KINDS: dict[str, str] = {
    # A chart's labels are its cells; its title and description are read out by screen readers.
    **dict.fromkeys(("td", "th", "text"), "table_cell"),
    "desc": "paragraph",
    "title": "heading",
    **dict.fromkeys(("li", "dt", "dd"), "list_item"),
    **dict.fromkeys(
        ("h1", "h2", "h3", "h4", "h5", "h6", "summary", "caption", "figcaption", "legend"),
        "heading",
    ),
    **dict.fromkeys(
        (
            "address",
            "article",
            "aside",
            "blockquote",
            "body",
            "center",
            "details",
            "dialog",
            "div",
            "dl",
            "fieldset",
            "figure",
            "footer",
            "form",
            "header",
            "hgroup",
            "hr",
            "html",
            "main",
            "menu",
            "nav",
            "ol",
            "optgroup",
            "option",
            "p",
            "section",
            "table",
            "tbody",
            "tfoot",
            "thead",
            "tr",
            "ul",
        ),
        "paragraph",
    ),
}
#: Elements whose contents a family never reads as prose: code, scripts, styles, templates.
HIDDEN = frozenset({"script", "style", "template", "pre", "code"})
#: Block elements that close an open one of their own kind (``<li>a<li>b``).
_SIBLINGS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("td", "th"), frozenset({"td", "th"})),
    **dict.fromkeys(("dt", "dd"), frozenset({"dt", "dd"})),
    **{tag: frozenset({tag}) for tag in ("li", "tr", "p", "option")},
}
_VOID = frozenset({"hr"})


@dataclass(frozen=True)
class TextUnit:
    """Visible text of one block-level element: offsets into the HTML, text masked."""

    kind: str
    start: int
    text: str


_COMMENT_CLOSE = re.compile(r"--\s*>")
_PLAIN_RAW_TEXT_TAG = re.compile(
    r"<(script|style)(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=/]+))?)*\s*>",
    re.IGNORECASE,
)


def parses_in_linear_time(html: str) -> bool:
    """Whether the standard parser reads ``html`` without rescanning it.

    True when every comment closes and every tag, end tag, declaration and processing
    instruction has its ``>`` before the next ``<``; a ``<script>`` or ``<style>`` is
    skipped to its end tag, as the parser does.
    """
    comment_ends = [m.span() for m in _COMMENT_CLOSE.finditer(html)]
    closes = [start for start, _ in comment_ends]
    position = 0
    while (start := html.find("<", position)) >= 0:
        following = html[start + 1 : start + 2]
        if html.startswith("<!--", start):
            index = bisect.bisect_left(closes, start + 4)
            if index == len(closes):
                return False
            position = comment_ends[index][1]
            continue
        if not (following.isascii() and following.isalpha()) and following not in ("/", "!", "?"):
            position = start + 1
            continue
        if html.startswith("<![", start):
            return False
        close = html.find(">", start + 1)
        after = html.find("<", start + 1)
        if close < 0 or 0 <= after < close:
            return False
        position = close + 1
        # The parser reads a script or style as text up to its end tag: so does this pass,
        # but only where the start tag is plain enough to be sure the parser agrees.
        plain = _PLAIN_RAW_TEXT_TAG.fullmatch(html, start, position)
        if plain is not None:
            name = plain.group(1).lower()
            end = re.compile(rf"</\s*{name}\s*>", re.IGNORECASE).search(html, position)
            if end is None:
                return True  # the parser keeps the rest as the script's, unread
            position = end.end()
    return True


class _Events(HTMLParser):
    """Records where each piece of the HTML starts: text, tags and everything else."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[int, int, str, str]] = []

    def _add(self, what: str, tag: str = "") -> None:
        line, column = self.getpos()
        self.events.append((line, column, what, tag))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("start", tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("empty", tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("text")

    def handle_comment(self, data: str) -> None:
        self._add("other")

    def handle_decl(self, decl: str) -> None:
        self._add("other")

    def handle_pi(self, data: str) -> None:
        self._add("other")

    def unknown_decl(self, data: str) -> None:
        self._add("other")


def _pieces(html: str) -> list[tuple[int, int, str, str]]:
    """(start, end, what, tag) of every piece the parser saw, in order, covering ``html``."""
    parser = _Events()
    parser.feed(html)
    parser.close()
    line_starts = [0, *(m.end() for m in re.finditer("\n", html))]
    line, column = parser.getpos()
    done = line_starts[line - 1] + column  # anything after is an unclosed script's
    starts = [line_starts[ln - 1] + col for ln, col, _, _ in parser.events]
    ends = [*starts[1:], done] if starts else []
    return [
        (start, end, what, tag)
        for start, end, (_, _, what, tag) in zip(starts, ends, parser.events, strict=True)
        if end > start
    ]


def text_units(html: str) -> list[TextUnit]:
    """The visible text of a block of HTML, one unit per block-level element.

    Offsets are into ``html``; each unit's text is the HTML between its first and last
    visible character with everything else blanked.
    """
    if not parses_in_linear_time(html):
        return [TextUnit("paragraph", 0, html)]
    masked = [c if c == "\n" else " " for c in html]
    units: list[tuple[str, int, int]] = []
    open_blocks: list[str] = []
    hidden: dict[str, int] = {}
    unit: list[int] = []  # [start, end] of the unit being read
    unit_kind = "paragraph"

    def end_unit() -> None:
        if unit:
            units.append((unit_kind, unit[0], unit[1]))
            unit.clear()

    for start, end, what, tag in _pieces(html):
        if what == "text":
            piece = html[start:end]
            if any(hidden.values()) or piece.isspace():
                continue
            masked[start:end] = piece
            first = start + len(piece) - len(piece.lstrip())
            last = end - len(piece) + len(piece.rstrip())
            if not unit:
                unit.extend((first, last))
                unit_kind = BLOCK_KINDS[open_blocks[-1]] if open_blocks else "paragraph"
            unit[1] = last
            continue
        if tag in HIDDEN and what in ("start", "end"):
            hidden[tag] = max(hidden.get(tag, 0) + (1 if what == "start" else -1), 0)
        if tag not in BLOCK_KINDS:
            continue
        end_unit()
        if what == "start" and tag not in _VOID:
            siblings = _SIBLINGS.get(tag, frozenset())
            if open_blocks and (open_blocks[-1] in siblings or open_blocks[-1] == "p"):
                open_blocks.pop()
            open_blocks.append(tag)
        elif what == "end" and tag in open_blocks:
            while open_blocks.pop() != tag:
                pass
    end_unit()
    return [TextUnit(kind, a, "".join(masked[a:b])) for kind, a, b in units]
