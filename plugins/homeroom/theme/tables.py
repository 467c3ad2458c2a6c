"""Data tables that never push a phone's page sideways.

A report card's results table has a column per achievement level; on a 360 px phone it
is wider than the screen. WCAG 1.4.10 (Reflow) allows a data table to scroll in two
directions, as long as the page itself does not, and a keyboard user can reach the
scrolling box. So each table is put in its own box that scrolls sideways, can take the
keyboard's focus and is named after the section it belongs to (``role="region"``), which
is what axe's ``scrollable-region-focusable`` rule asks for.

Plain string work over the rendered HTML of one page; no MkDocs import.
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r"<h([1-6])\b[^>]*>(?P<text>.*?)</h\1>", re.S)
_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_HEADERLINK = re.compile(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', re.S)
_FIRST_HEADER = re.compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.S)
_TAG = re.compile(r"<[^>]+>")

#: The class of the box around each table (overrides/assets/stylesheets/homeroom.css).
WRAPPER_CLASS = "homeroom-table"
_WRAPPED = re.compile(rf'<div class="{WRAPPER_CLASS}"[^>]*>\s*$')


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment, on one line."""
    fragment = _HEADERLINK.sub("", fragment)
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def wrap_tables(page_html: str) -> str:
    """Put every table of ``page_html`` in a focusable, named box that scrolls sideways.

    The box is named after the nearest heading above the table, or its first column
    header; a second table under the same heading gets a number ("Reading (2)"), since
    each named region must have a name of its own.
    Tables already in such a box are left alone, so running twice changes nothing.
    """
    if "<table" not in page_html:
        return page_html
    headings = [(m.start(), _text(m.group("text"))) for m in _HEADING.finditer(page_html)]
    out: list[str] = []
    used: dict[str, int] = {}
    last = 0
    for match in _TABLE.finditer(page_html):
        if _WRAPPED.search(page_html, max(0, match.start() - 300), match.start()):
            continue
        label = next((text for start, text in reversed(headings) if start < match.start()), "")
        if not label:
            first = _FIRST_HEADER.search(match.group(0))
            label = _text(first.group("text")) if first else ""
        # Two tables in one section: landmarks need names of their own ("Reading (2)").
        used[label] = used.get(label, 0) + 1
        if used[label] > 1:
            label = f"{label} ({used[label]})"
        name = f' aria-label="{html.escape(label, quote=True)}"' if label else ""
        out.append(page_html[last : match.start()])
        out.append(f'<div class="{WRAPPER_CLASS}" role="region" tabindex="0"{name}>')
        out.append(match.group(0))
        out.append("</div>")
        last = match.end()
    out.append(page_html[last:])
    return "".join(out)
