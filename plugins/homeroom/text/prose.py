"""Turn a Markdown source into the units of prose a family would read.

Every heading, paragraph, list item, table cell, admonition title and admonition body is
its own unit, and so is the visible text of each block element in raw HTML (a ``<td>``,
a ``<li>``, a ``<div>``: :mod:`homeroom.text.html_text`). Code, front matter, HTML tags,
attributes and comments, scripts, URLs, link targets, attribute lists, template tags
(Hugo shortcodes, Liquid, Jinja) and Markdown punctuation are *masked*: replaced by spaces rather than deleted, so an offset in a unit's
text is the same offset in the source file and every finding can name the exact line and
column the author must edit.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from homeroom.model.memo import Memo
from homeroom.text import html_text
from homeroom.text.front_matter import mask_front_matter
from homeroom.text.inline_mask import blank, mask_inline
from homeroom.text.letter_parts import is_salutation, is_sign_off


@dataclass(frozen=True)
class ProseUnit:
    """One block of prose: its kind, where it is, and its masked text."""

    kind: str
    """``heading``, ``paragraph``, ``list_item``, ``table_cell``, ``admonition``,
    ``admonition_title``, ``quote``, ``salutation`` (``Dear families,``) or ``sign_off``
    (``Sincerely,`` and the name lines under it)."""
    start: int
    """Offset of the unit's first character in the source."""
    text: str
    """The source between ``start`` and ``end`` with everything that is not prose replaced
    by spaces (newlines are kept)."""

    @property
    def end(self) -> int:
        """Offset just past the unit in the source."""
        return self.start + len(self.text)

    @property
    def plain(self) -> str:
        """The prose with runs of white space folded to one space."""
        return " ".join(self.text.split())


@dataclass(frozen=True)
class ProseDocument:
    """All prose units of one source, with a way to turn offsets into line and column."""

    source: str
    units: tuple[ProseUnit, ...]
    line_starts: tuple[int, ...]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in the source."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    @property
    def plain(self) -> str:
        """All prose, one unit per line (for page-level measures)."""
        return "\n".join(u.plain for u in self.units if u.plain)


#: How deep markdown-it follows nested blocks. Its default, 20, drops everything deeper
#: without a word: a list nested ten levels (a list and its item are two) was published
#: but never checked. The site refuses pages nested more than 50 levels
#: (:data:`homeroom.data.sources.MAX_NESTING`), so this reaches past the deepest page it takes.
BLOCK_NESTING = 128
#: How deep inline constructs nest (links in brackets in emphasis): markdown-it's
#: default. Its work on a line of brackets grows with this limit.
INLINE_NESTING = 20


def _deep_blocks(state: StateCore) -> None:
    state.md.options["maxNesting"] = BLOCK_NESTING


def _shallow_inline(state: StateCore) -> None:
    state.md.options["maxNesting"] = INLINE_NESTING


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark plus the pieces Material sites use: pipe tables, `!!!`/`???`
    # admonitions and YAML front matter. markdown-it has one nesting limit for blocks and
    # inline text; core rules around the block pass give each its own.
    md = MarkdownIt("commonmark").enable("table").use(admon_plugin).use(front_matter_plugin)
    md.core.ruler.before("block", "homeroom_deep_blocks", _deep_blocks)
    md.core.ruler.after("block", "homeroom_shallow_inline", _shallow_inline)
    return md


#: Recently parsed texts: the prose, the page-types check and the translation comparison
#: all read the same tokens, so a page is parsed once, not once per reader.
_TOKENS: Memo[str, list[Token]] = Memo(16)


def tokens(text: str) -> list[Token]:
    """The markdown-it tokens of a source (CommonMark, pipe tables, admonitions, front matter).

    Treat them as read-only: they are shared.
    """
    found = _TOKENS.get(text)
    if found is None:
        # TOML and JSON front matter (Hugo) are blanked, lines kept, so they never parse
        # as a paragraph; YAML front matter is a token of its own.
        found = _parser().parse(mask_front_matter(text))
        _TOKENS.put(text, found)
    return found


def has_tokens(text: str) -> bool:
    """Whether the tokens of ``text`` are at hand (parsed recently)."""
    return _TOKENS.get(text) is not None


_NEWLINE = re.compile("\n")
_CELL_BORDER = re.compile(r"(?<!\\)\|")

# Block-level punctuation at the start of a line.
_CONTAINER_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?:[ \t]+|$)")
_ATX_OPEN = re.compile(r"#{1,6}(?:[ \t]+|$)")
# Only where a run of blanks starts: a match from inside the run is one from its start.
_ATX_CLOSE = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$")
_ADMONITION_TITLE = re.compile(
    r"(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*[ \t]*\"(?P<title>[^\"]*)\""
)


def _line_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in _NEWLINE.finditer(text)))


def _line_span(line_starts: tuple[int, ...], text: str, line: int) -> tuple[int, int]:
    """(start, end) offsets of a 0-based line, without its newline."""
    start = line_starts[line]
    end = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(text)
    return start, end


def _trim(chars: list[str], start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it starts and ends on a visible character."""
    while start < end and chars[start].isspace():
        start += 1
    while end > start and chars[end - 1].isspace():
        end -= 1
    return start, end


def _table_cells(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each cell in a pipe-table row, relative to the line.

    As in GitHub-flavoured Markdown, every pipe not escaped with a backslash ends a cell,
    even inside a code span.
    """
    bounds = [m.start() for m in _CELL_BORDER.finditer(line)]
    edges = [-1, *bounds, len(line)]
    for left, right in itertools.pairwise(edges):
        cell_start, cell_end = left + 1, right
        if line[cell_start:cell_end].strip():
            yield cell_start, cell_end


def _kind_for(stack: list[str], paragraph_kind: str) -> str:
    for container in reversed(stack):
        if container in ("list_item", "admonition", "quote"):
            return container
    return paragraph_kind


def extract(text: str) -> ProseDocument:
    """Split a Markdown source into prose units with exact source offsets."""
    page_tokens = tokens(text)
    starts = _line_starts(text)
    units: list[ProseUnit] = []
    stack: list[str] = []
    list_item_first_line: list[int] = []
    heading_markup = ""

    def add_span(kind: str, start: int, end: int, masked: str) -> None:
        chars = list(masked)
        local_start, local_end = _trim(chars, 0, len(chars))
        if local_start < local_end and any(c.isalnum() for c in chars[local_start:local_end]):
            units.append(
                ProseUnit(
                    kind=kind, start=start + local_start, text="".join(chars[local_start:local_end])
                )
            )

    for index, token in enumerate(page_tokens):
        kind = token.type
        if kind == "list_item_open":
            stack.append("list_item")
            list_item_first_line.append(token.map[0] if token.map else -1)
        elif kind == "list_item_close":
            stack.pop()
            list_item_first_line.pop()
        elif kind == "blockquote_open":
            stack.append("quote")
        elif kind == "blockquote_close":
            stack.pop()
        elif kind == "admonition_open":
            stack.append("admonition")
        elif kind == "admonition_close":
            stack.pop()
        elif kind == "heading_open":
            heading_markup = token.markup
        elif kind == "inline" and token.map is not None:
            parent = page_tokens[index - 1].type if index else ""
            first, last = token.map
            if parent in ("th_open", "td_open"):
                # A row is one line: split it into cells once, at its first cell.
                if page_tokens[index - 2].type == "tr_open":
                    _add_row(units, text, starts, first)
                continue
            if parent == "admonition_title_open":
                line_start, line_end = _line_span(starts, text, first)
                line = text[line_start:line_end]
                prefix = _CONTAINER_PREFIX.match(line)
                m = _ADMONITION_TITLE.match(line, prefix.end() if prefix else 0)
                if m and m.group("title").strip():
                    add_span(
                        "admonition_title",
                        line_start + m.start("title"),
                        line_start + m.end("title"),
                        mask_inline(m.group("title")),
                    )
                continue
            if parent == "heading_open":
                unit_kind = "heading"
            elif parent == "paragraph_open":
                unit_kind = _kind_for(stack, "paragraph")
            else:
                continue
            block_start = starts[first]
            block_end = _line_span(starts, text, last - 1)[1]
            chars = list(text[block_start:block_end])
            for line_no in range(first, last):
                ls, le = _line_span(starts, text, line_no)
                rel_start, rel_end = ls - block_start, le - block_start
                line = text[ls:le]
                cut = _CONTAINER_PREFIX.match(line)
                pos = cut.end() if cut else 0
                if unit_kind == "heading":
                    if heading_markup in ("=", "-") and line_no == last - 1 and last - first > 1:
                        pos = len(line)
                    else:
                        m = _ATX_OPEN.match(line, pos)
                        if m:
                            pos = m.end()
                        close = _ATX_CLOSE.search(line)
                        if close:
                            blank(chars, rel_start + close.start(), rel_end)
                if (
                    stack
                    and stack[-1] == "list_item"
                    and list_item_first_line
                    and line_no == list_item_first_line[-1]
                ):
                    m = _LIST_MARKER.match(line, pos)
                    if m:
                        pos = m.end()
                blank(chars, rel_start, rel_start + pos)
            masked = mask_inline("".join(chars))
            add_span(unit_kind, block_start, block_end, masked)
        elif kind == "heading_close":
            heading_markup = ""
        elif kind == "html_block" and token.map is not None:
            for html_unit in _html_units(text, starts, token.map, stack, list_item_first_line):
                unit_kind, start, masked = html_unit
                add_span(unit_kind, start, start + len(masked), masked)

    units.sort(key=lambda u: u.start)
    return ProseDocument(source=text, units=tuple(_letter_parts(units)), line_starts=starts)


#: A line of a signature ("Ms. Lee", "Principal, Lincoln School") has at most this many words.
SIGNATURE_WORDS = 8
_WORD = re.compile(r"\w+")


def _is_signature(text: str) -> bool:
    """Whether every line is short and none ends a sentence: a name, a title, a school."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return bool(lines) and all(
        len(_WORD.findall(line)) <= SIGNATURE_WORDS and line[-1] not in ".!?" for line in lines
    )


def _piece(kind: str, start: int, text: str) -> ProseUnit | None:
    """The part of a unit's text that has words, trimmed, or None."""
    chars = list(text)
    a, b = _trim(chars, 0, len(chars))
    if a < b and any(c.isalnum() for c in chars[a:b]):
        return ProseUnit(kind=kind, start=start + a, text=text[a:b])
    return None


def _letter_parts(units: list[ProseUnit]) -> Iterator[ProseUnit]:
    """Give a letter's salutation and sign-off units of their own.

    A paragraph whose first line is a salutation is split after that line (a salutation
    with no blank line after it must not run into the first sentence). A paragraph whose
    first line is a sign-off is a ``sign_off``, and so are the name and title lines under
    it, in the same paragraph or in the short paragraphs that follow.
    """
    signing = False
    for unit in units:
        if unit.kind != "paragraph":
            signing = False
            yield unit
            continue
        first, newline, rest = unit.text.partition("\n")
        rest_start = unit.start + len(first) + len(newline)
        if signing and _is_signature(unit.text):
            yield replace(unit, kind="sign_off")
            continue
        signing = False
        if is_sign_off(first):
            signing = True
            head = _piece("sign_off", unit.start, first)
            tail = _piece("sign_off" if _is_signature(rest) else "paragraph", rest_start, rest)
        elif is_salutation(first):
            head = _piece("salutation", unit.start, first)
            tail = _piece("paragraph", rest_start, rest)
        else:
            yield unit
            continue
        yield from (piece for piece in (head, tail) if piece is not None)


def _html_units(
    text: str,
    starts: tuple[int, ...],
    lines: list[int],
    stack: list[str],
    list_item_first_line: list[int],
) -> Iterator[tuple[str, int, str]]:
    """(kind, start, masked text) of the visible text in a raw HTML block.

    Only what Markdown put in front of the HTML is blanked line by line (the ``>`` of a
    quote, a list item's marker); a ``>`` at the start of a line may close a tag.
    """
    first, last = lines
    block_start = starts[first]
    block_end = _line_span(starts, text, last - 1)[1]
    chars = list(text[block_start:block_end])
    for line_no in range(first, last):
        ls, le = _line_span(starts, text, line_no)
        line = text[ls:le]
        pos = 0
        if "quote" in stack:
            cut = _CONTAINER_PREFIX.match(line)
            pos = cut.end() if cut else 0
        if stack and stack[-1] == "list_item" and line_no == list_item_first_line[-1]:
            while pos < len(line) and line[pos] in " \t":
                pos += 1
            m = _LIST_MARKER.match(line, pos)
            if m:
                pos = m.end()
        blank(chars, ls - block_start, ls - block_start + pos)
    for unit in html_text.text_units("".join(chars)):
        kind = _kind_for(stack, unit.kind) if unit.kind == "paragraph" else unit.kind
        yield kind, block_start + unit.start, mask_inline(unit.text)


def _add_row(units: list[ProseUnit], text: str, starts: tuple[int, ...], line_no: int) -> None:
    """Add one unit per cell of the table row on ``line_no``."""
    ls, le = _line_span(starts, text, line_no)
    line = text[ls:le]
    prefix = _CONTAINER_PREFIX.match(line)
    skip = prefix.end() if prefix else 0
    for cell_start, cell_end in _table_cells(line):
        if cell_end <= skip:
            continue
        cell_start = max(cell_start, skip)
        masked = list(mask_inline(line[cell_start:cell_end]))
        a, b = _trim(masked, 0, len(masked))
        if a < b and any(c.isalnum() for c in masked[a:b]):
            units.append(
                ProseUnit(kind="table_cell", start=ls + cell_start + a, text="".join(masked[a:b]))
            )
