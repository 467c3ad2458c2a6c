"""Find words in a page's HTML and wrap them, without breaking its tags.

The author preview (:mod:`homeroom.pages.preview`) knows a finding's words as the page
shows them; here they are found in the HTML MkDocs made of the page and wrapped in an
element. Text is compared without its white space (the Markdown's line breaks and the
spaces left by masked markup do not matter), character entities are read as the
characters they stand for, and text inside ``<pre>``, ``<script>``, ``<style>``,
``<svg>`` and ``<textarea>`` is never searched.

A range whose tags open and close inside it (a sentence with a ``<strong>`` word) is
wrapped once; a range that starts or ends inside another element is wrapped piece by
piece, each text run on its own, so the HTML stays well formed.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

# A comment, a declaration, a tag (quoted attribute values may hold ">"), or text.
_TOKEN = re.compile(
    r"<!--[\s\S]*?-->"
    r"|<![^>]*>"
    r"|<\?[^>]*>"
    r"|</?[A-Za-z][^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>"
    r"|[^<]+"
    r"|<"
)
_TAG_NAME = re.compile(r"</?([A-Za-z][\w:-]*)")
_CHAR = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);|[\s\S]")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
#: Elements whose text is never a family's prose to mark.
_SKIP = frozenset(("pre", "script", "style", "svg", "textarea", "template"))
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class _Tag:
    start: int
    end: int
    name: str
    closing: bool


@dataclass
class HtmlText:
    """The visible text of an HTML fragment, each character mapped to its place in the HTML."""

    source: str
    text: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    """For each character of ``text``: where it is in ``source`` (an entity is one character)."""
    stacks: list[tuple[str, ...]] = field(default_factory=list)
    """For each character of ``text``: the elements open around it, outermost first."""
    tags: list[_Tag] = field(default_factory=list)
    compact: str = ""
    """``text`` without white space, for comparing."""
    compact_at: list[int] = field(default_factory=list)
    """For each character of ``compact``: its index in ``text``."""

    @classmethod
    def of(cls, source: str) -> HtmlText:
        """Read an HTML fragment."""
        found = cls(source)
        chars: list[str] = []
        stack: list[str] = []
        for m in _TOKEN.finditer(source):
            token = m.group()
            if token.startswith("<") and len(token) > 1:
                name = _TAG_NAME.match(token)
                if name is None:
                    continue
                tag = name.group(1).lower()
                closing = token.startswith("</")
                found.tags.append(_Tag(m.start(), m.end(), tag, closing))
                if tag in _VOID or token.endswith("/>"):
                    continue
                if closing:
                    if tag in stack:
                        del stack[len(stack) - 1 - stack[::-1].index(tag) :]
                else:
                    stack.append(tag)
                continue
            if _SKIP.intersection(stack):
                continue
            context = tuple(stack)
            for c in _CHAR.finditer(token):
                chars.append(html.unescape(c.group()))
                found.spans.append((m.start() + c.start(), m.start() + c.end()))
                found.stacks.append(context)
        found.text = "".join(ch if len(ch) == 1 else " " for ch in chars)
        for index, ch in enumerate(found.text):
            if not ch.isspace():
                found.compact += ch
                found.compact_at.append(index)
        return found

    def find(
        self, words: str, start: int = 0, end: int | None = None, whole_words: bool = False
    ) -> tuple[int, int] | None:
        """The first place (text offsets, end exclusive) at or after ``start`` showing ``words``.

        White space is ignored on both sides. With ``whole_words``, the place must not
        start or end inside a word.
        """
        needle = "".join(words.split())
        if not needle:
            return None
        limit = len(self.text) if end is None else end
        # Where ``start`` falls in the text without white space.
        at = _first_at_or_after(self.compact_at, start)
        while True:
            index = self.compact.find(needle, at)
            if index < 0:
                return None
            first = self.compact_at[index]
            last = self.compact_at[index + len(needle) - 1] + 1
            if last > limit:
                return None
            if not whole_words or self._word_edges(first, last):
                return first, last
            at = index + 1

    def _word_edges(self, first: int, last: int) -> bool:
        before = self.text[first - 1] if first > 0 else " "
        after = self.text[last] if last < len(self.text) else " "
        inner_first, inner_last = self.text[first], self.text[last - 1]
        return not (
            (_WORD.match(before) and _WORD.match(inner_first))
            or (_WORD.match(after) and _WORD.match(inner_last))
        )

    def html_range(self, first: int, last: int) -> tuple[int, int]:
        """Where text ``[first, last)`` is in the HTML source."""
        return self.spans[first][0], self.spans[last - 1][1]

    def inside(self, first: int, element: str) -> bool:
        """Whether the text at ``first`` is inside an ``element`` (``a``, say)."""
        return element in self.stacks[first]

    def pieces(self, first: int, last: int) -> list[tuple[int, int]]:
        """The HTML ranges to wrap for text ``[first, last)``: one if its tags balance, else runs.

        One range when every tag between its ends opens and closes inside it; otherwise
        one range per run of text between tags.
        """
        start, end = self.html_range(first, last)
        depth: list[str] = []
        balanced = True
        for tag in self.tags:
            if tag.end <= start or tag.start >= end:
                continue
            if tag.start < start or tag.end > end:
                return []  # a range that cuts a tag in two (never from text offsets)
            if tag.name in _VOID and not tag.closing:
                continue
            if not tag.closing:
                depth.append(tag.name)
            elif depth and depth[-1] == tag.name:
                depth.pop()
            else:
                balanced = False
                break
        if balanced and not depth:
            return [(start, end)]
        runs: list[tuple[int, int]] = []
        for index in range(first, last):
            s, e = self.spans[index]
            if runs and runs[-1][1] == s:
                runs[-1] = (runs[-1][0], e)
            else:
                runs.append((s, e))
        return [run for run in runs if self.source[run[0] : run[1]].strip()]


def _first_at_or_after(positions: Sequence[int], value: int) -> int:
    return bisect.bisect_left(positions, value)


@dataclass(frozen=True)
class Wrap:
    """Wrap HTML ``[start, end)`` in ``opening`` ... ``closing``; ``depth`` 0 is outermost."""

    start: int
    end: int
    opening: str
    closing: str
    depth: int = 0
    after: str = ""
    """HTML written right after ``closing`` (a label)."""


def apply(source: str, wraps: Sequence[Wrap]) -> str:
    """The HTML with every wrap in place (wraps must nest or be apart, never cross)."""
    # (offset, order, text): at one offset, closings (inner first) before openings
    # (outer first), so wraps that touch or nest stay well formed.
    inserts: list[tuple[int, int, int, str]] = []
    for number, wrap in enumerate(wraps):
        inserts.append((wrap.start, 1, wrap.depth * 100_000 + number, wrap.opening))
        inserts.append((wrap.end, 0, -wrap.depth * 100_000 - number, wrap.closing + wrap.after))
    inserts.sort()
    out: list[str] = []
    at = 0
    for offset, _, _, text in inserts:
        out.append(source[at:offset])
        out.append(text)
        at = offset
    out.append(source[at:])
    return "".join(out)
