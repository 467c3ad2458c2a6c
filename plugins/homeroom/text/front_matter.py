"""Where a page's front matter is, in any of the forms static site generators use.

MkDocs, Jekyll and Hugo put a settings block at the top of a page: YAML between ``---``
lines, TOML between ``+++`` lines (Hugo), or a JSON object whose closing ``}`` is alone on
its line (Hugo). None of it is prose. The block is found here, below the data layer, so
the prose reader can blank it (:func:`mask_front_matter`) and never read ``title = "..."``
as a sentence; :mod:`homeroom.data.sources` parses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each form must open on the very first line; YAML may also close with `...`.
_FORMS = {
    "yaml": re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL),
    "toml": re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL),
    # A JSON object: its closing brace is the first `}` at the start of a line.
    "json": re.compile(r"\A(\{[ \t]*\n(?:.*?\n)?\}[ \t]*)(?:\n|\Z)", re.DOTALL),
}
_OPENERS = {"yaml": "---", "toml": "+++", "json": "{"}


@dataclass(frozen=True)
class FrontMatter:
    """A front-matter block: its form, its text to parse, and where the body starts."""

    form: str
    """``yaml``, ``toml`` or ``json``."""
    content: str
    """What to parse (for YAML and TOML, the lines between the fences)."""
    first_line: int
    """The 1-based line of the file where ``content`` starts."""
    end: int
    """Offset of the body: just past the closing line."""


def opener(text: str) -> str | None:
    """The form a page's first line opens (``---``, ``+++`` or ``{`` alone), if any."""
    first = text.split("\n", 1)[0].rstrip()
    for form, mark in _OPENERS.items():
        if first == mark:
            return form
    return None


def find(text: str) -> FrontMatter | None:
    """The page's front matter, or None (also when its first line opens one never closed)."""
    form = opener(text)
    if form is None:
        return None
    match = _FORMS[form].match(text)
    if match is None:
        return None
    if form == "json":
        return FrontMatter(form, match.group(1), 1, match.end())
    return FrontMatter(form, match.group(1) or "", 2, match.end())


def mask_front_matter(text: str) -> str:
    """The text with a TOML or JSON front-matter block blanked (newlines kept).

    YAML is left alone: the Markdown parser knows it (markdown-it's front-matter plugin).
    Offsets and lines are unchanged, so positions in the masked text are positions in the
    source.
    """
    found = find(text)
    if found is None or found.form == "yaml":
        return text
    head = "".join("\n" if c == "\n" else " " for c in text[: found.end])
    return head + text[found.end :]
