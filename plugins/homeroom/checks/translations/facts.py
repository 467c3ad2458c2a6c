"""The facts and the shape of a page, to compare a translation with its source.

A family that reads the Spanish page must get the same conference date, phone number and
links as a family that reads the English one. Words differ between languages; numbers,
e-mail addresses, link targets and the count of headings and list items do not. This
module pulls those out of a Markdown body, section by section, with the line of each.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin

from homeroom.data.sources import Source
from homeroom.text import prose
from homeroom.text.inline_spans import emails

# A number as people write it: digits with thousands separators in any locale's style
# ("1,000", "1.000", "1 000"), so "1,000" in English and "1.000" in Spanish are one fact.
# Any Unicode digit counts: Arabic-Indic "٢٤٠٠" is the same number as "2400".
_NUMBER = re.compile(r"\d{1,2}[:.]\d{2}(?!\d)(?![.,]\d)|\d+(?:[,.\u00a0\u202f \u066c]\d{3}(?!\d))*")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
# Numbers up to 12 stand alone as words and ordinals in many languages ("grade 3" is
# "tercer grado", "two questions" may be "2 preguntas"), so they are not compared; times,
# phone numbers, dates, prices and larger numbers are.
SMALL_NUMBER = 12
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
_ATTR_LIST = re.compile(r"\{:?\s*(?:[.#][\w-]|[\w-]+=)[^{}]*\}")


@dataclass(frozen=True)
class Fact:
    """One fact a translation must keep: its kind, its normal form and where it is."""

    kind: str
    """``number``, ``email`` or ``link``."""
    value: str
    line: int
    shown: str
    """The fact as written on the page."""


@dataclass(frozen=True)
class Section:
    """The part of a page from one heading to the next (the first starts at the top)."""

    heading: str
    line: int
    facts: tuple[Fact, ...] = ()


@dataclass(frozen=True)
class Shape:
    """What a translation must keep of its source: sections with facts, and block counts."""

    sections: tuple[Section, ...]
    headings: int
    list_items: int
    first_line: int = 1
    heading_lines: tuple[int, ...] = field(default_factory=tuple)
    list_item_lines: tuple[int, ...] = field(default_factory=tuple)

    def facts(self) -> Counter[tuple[str, str]]:
        """Every fact of the page, counted."""
        return Counter((f.kind, f.value) for s in self.sections for f in s.facts)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(admon_plugin)


def number_value(text: str) -> str:
    """The number in ``text`` without separators and in ASCII digits (``"1.000"`` -> ``"1000"``)."""
    digits = [str(unicodedata.digit(ch)) for ch in text if ch.isdigit()]
    return "".join(digits).lstrip("0") or "0"


def _facts_in_text(text: str, line: int) -> list[Fact]:
    found: list[Fact] = []
    text = _ATTR_LIST.sub(lambda m: " " * len(m.group()), text)

    # Line numbers by binary search over the newlines: a huge paragraph stays linear.
    newlines = [m.start() for m in re.finditer("\n", text)]

    def at(offset: int) -> int:
        return line + bisect.bisect_left(newlines, offset)

    # E-mail addresses found by a scanner that reads each run once (a pattern would
    # backtrack on long dotted runs such as `a.a.a...`).
    addresses = list(emails(text))
    for start, end in addresses:
        found.append(Fact("email", text[start:end].lower(), at(start), text[start:end]))
    text = _URL.sub(lambda m: " " * len(m.group()), text)
    if addresses:
        chars = list(text)
        for start, end in addresses:
            chars[start:end] = " " * (end - start)
        text = "".join(chars)
    for match in _NUMBER.finditer(text):
        line_here = at(match.start())
        shown = match.group().strip()
        if _TIME.fullmatch(shown):
            hours, minutes = re.split(r"[:.]", shown)
            found.append(Fact("number", f"{int(number_value(hours))}:{minutes}", line_here, shown))
            continue
        value = number_value(shown)
        if len(value) <= 2 and int(value) <= SMALL_NUMBER:
            continue
        found.append(Fact("number", value, line_here, shown))
    return found


def _normal_link(href: str) -> str | None:
    """The target a family lands on; ``None`` for addresses already counted as e-mail."""
    if href.startswith("mailto:"):
        return None
    return href.strip()


def _inline_facts(token: Token, line: int) -> list[Fact]:
    found: list[Fact] = []
    in_link = 0
    for child in token.children or []:
        if child.type in {"softbreak", "hardbreak"}:
            line += 1
            continue
        if child.type == "link_open":
            href = str(child.attrGet("href") or "")
            target = _normal_link(href)
            if target is not None:
                found.append(Fact("link", target, line, href))
            elif href.startswith("mailto:"):
                address = href.removeprefix("mailto:").lower()
                found.append(Fact("email", address, line, address))
            in_link += 1
        elif child.type == "link_close":
            in_link -= 1
        elif child.type in {"text", "code_inline"}:
            facts = _facts_in_text(child.content, line)
            if in_link:
                # An autolinked address is counted once, from its target.
                facts = [f for f in facts if f.kind != "email"]
            found.extend(facts)
        elif child.type == "image":
            src = str(child.attrGet("src") or "")
            if src:
                found.append(Fact("link", src, line, src))
    return found


def shape_of_source(source: Source) -> Shape:
    """The shape of a page's body, from the tokens its prose was read from.

    The whole page was parsed once (front matter included) for the checks; its tokens are
    reused when the parser split the front matter exactly where Homeroom did. Otherwise
    the body is parsed on its own, as :func:`shape_of` does.
    """
    body_line = source.text.count("\n", 0, source.body_offset)
    page_tokens = prose.tokens(source.text)
    head = page_tokens[0] if page_tokens else None
    has_front = head is not None and head.type == "front_matter"
    if (source.body_offset == 0 and not has_front) or (
        source.body_offset > 0
        and has_front
        and head is not None
        and head.map is not None
        and head.map[1] == body_line
    ):
        return _shape(page_tokens, body_line + 1, 1)
    return shape_of(source.text[source.body_offset :], body_line + 1)


def shape_of(body: str, first_line: int = 1) -> Shape:
    """The facts and block counts of a Markdown body that starts at ``first_line``."""
    return _shape(_parser().parse(body), first_line, first_line)


def _shape(tokens: list[Token], first_line: int, line_base: int) -> Shape:
    """A shape from tokens whose ``map`` line 0 is line ``line_base`` of the file."""
    sections: list[Section] = []
    current_heading, current_line = "", first_line
    current: list[Fact] = []
    headings: list[int] = []
    list_items: list[int] = []
    pending_heading = False
    for token in tokens:
        line = line_base + (token.map[0] if token.map else 0)
        if token.type == "heading_open":
            sections.append(Section(current_heading, current_line, tuple(current)))
            current_heading, current_line, current = "", line, []
            headings.append(line)
            pending_heading = True
            continue
        if token.type == "list_item_open":
            list_items.append(line)
        if token.type == "inline":
            if pending_heading:
                current_heading = " ".join(_ATTR_LIST.sub(" ", token.content).split())
                pending_heading = False
            current.extend(_inline_facts(token, line))
        elif token.type in {"fence", "code_block"}:
            current.extend(_facts_in_text(token.content, line))
        elif token.type == "admonition_open":
            current.extend(_facts_in_text(token.info, line))
    sections.append(Section(current_heading, current_line, tuple(current)))
    # Drop an empty preamble (a page that opens with its heading).
    if sections and not sections[0].facts and not sections[0].heading and len(sections) > 1:
        sections = sections[1:]
    return Shape(
        sections=tuple(sections),
        headings=len(headings),
        list_items=len(list_items),
        first_line=first_line,
        heading_lines=tuple(headings),
        list_item_lines=tuple(list_items),
    )


def same_page_links(shape: Shape, language: str) -> Shape:
    """``shape`` with links to a page's ``language`` file read as links to the page.

    A translation may link to the translated file of a page (``quick-fixes.ru.md``) where
    the source links to the page (``quick-fixes.md``): mkdocs-static-i18n serves both at
    the same address in that language, so a family lands on the same page.
    """
    ending = re.compile(rf"\.{re.escape(language)}\.md(?=$|[#?])")

    def relink(fact: Fact) -> Fact:
        if fact.kind != "link" or "://" in fact.value or fact.value.startswith("/"):
            return fact
        value = ending.sub(".md", fact.value, count=1)
        return fact if value == fact.value else replace(fact, value=value)

    sections = tuple(
        replace(section, facts=tuple(relink(f) for f in section.facts))
        for section in shape.sections
    )
    return replace(shape, sections=sections)


@dataclass(frozen=True)
class FactDifference:
    """Facts one section of a translation lacks or adds, compared with its source."""

    line: int
    heading: str
    missing: tuple[Fact, ...]
    extra: tuple[Fact, ...]


def compare_facts(source: Shape, translation: Shape) -> list[FactDifference]:
    """Sections of ``translation`` whose facts differ from ``source``.

    A fact counts once per section however often it is repeated.

    When both pages have the same sections, each section is compared with its
    counterpart, so the difference is reported where it is. Otherwise the whole page is
    compared and differences are reported at the top of the translation.
    """
    pairs: list[tuple[list[Section], list[Section], int, str]]
    if len(source.sections) == len(translation.sections):
        pairs = [
            ([s], [t], t.line, t.heading)
            for s, t in zip(source.sections, translation.sections, strict=True)
        ]
    else:
        pairs = [(list(source.sections), list(translation.sections), translation.first_line, "")]
    differences: list[FactDifference] = []
    for src_sections, tr_sections, line, heading in pairs:
        # Which facts, not how often: "count by 100s" may well be "de 100 en 100".
        src = Counter({(f.kind, f.value): 1 for s in src_sections for f in s.facts})
        tr = Counter({(f.kind, f.value): 1 for s in tr_sections for f in s.facts})
        if src == tr:
            continue
        missing_keys = src - tr
        extra_keys = tr - src
        missing = _pick(src_sections, missing_keys)
        extra = _pick(tr_sections, extra_keys)
        where = extra[0].line if extra else line
        differences.append(FactDifference(where, heading, tuple(missing), tuple(extra)))
    return differences


def _pick(sections: list[Section], wanted: Counter[tuple[str, str]]) -> list[Fact]:
    left = Counter(wanted)
    picked: list[Fact] = []
    for section in sections:
        for fact in section.facts:
            key = (fact.kind, fact.value)
            if left[key] > 0:
                picked.append(fact)
                left[key] -= 1
    return picked
