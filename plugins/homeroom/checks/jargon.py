"""Jargon and respectful language, from per-language glossaries.

- ``jargon.<id>``: an education term families may not know, with a plain alternative.
- ``respect.<id>``: wording that describes families or students by what they lack, with an
  asset-based alternative.
- Terms that must stay (``define: true``: IEP, 504 plan) pass once the page explains them
  at their first use (``IEP (a written plan ...)``, ``**IEP:** a written plan ...``) or
  links them to the family glossary; later uses then pass too.
- ``jargon.acronym``: an abbreviation that is not in the glossary and not spelled out
  before it is used. Not abbreviations: the district's own words (``own_words`` in the
  glossary), ordinary words in capitals (RAFFLE: common in lower case, by word
  frequency), names every family knows (the language's ``known_abbreviations``: UNICEF,
  PJs), names with a trademark sign, and Roman numerals written by the rules (IV, but not
  the phonics pattern VCV).
- Each term is one finding per page, at its first use, with later uses counted.
- Hugo shortcodes and file names ("pta-flyer.pdf") are not prose.

Matching runs over the prose units of :mod:`homeroom.text.prose`, so code, URLs, link targets,
HTML tags, attributes and comments, and front matter are never matched, while the text
inside raw HTML (a table cell, a ``<div>``) is; phrases match across line breaks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from homeroom.checks import PageResult
from homeroom.data import suppressions
from homeroom.data.glossary import GLOSSARY_DIR, Entry, Glossary, fold, load_glossaries
from homeroom.data.glossary_words import alternatives, term_of, without_article
from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.model.findings import Finding, Severity
from homeroom.text.code_mask import mask_code
from homeroom.text.lang import language_data_files, language_words
from homeroom.text.measures import wordfreq_code, zipf
from homeroom.text.prose import ProseDocument
from homeroom.text.syllables import base_language

_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,5}(?:s)?(?![\w-])")
# The word right before a term (looked for in the 40 characters before it).
_WORD_BEFORE = re.compile(r"(\w+)\s+\Z")
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9]{1,5}s?")
# A Roman numeral made of I, V, X, L and C, written by the rules (IV, XII, XL): "VCV" and
# "CVC" (a phonics pattern: vowel, consonant, vowel) are not numerals and stay acronyms.
_ROMAN = re.compile(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# A trademark sign right after a name: "Lexia®", "CKLA™", "Zearn[TM]" (a PDF's "™").
_TRADEMARK = re.compile(r"\s?(?:[™®]|\[(?:TM|R)\]|\((?:TM|R)\))")
# Not prose, though the page's reader may leave it in a unit: Hugo shortcodes
# ({{< figure src="pta.jpg" >}}, {{% note %}}) and file names ("PTA-flyer.pdf").
# Bounded, so an unclosed "{{<" costs no more than its 2,000 characters.
_NOT_PROSE = re.compile(
    r"\{\{[<%][\s\S]{0,2000}?[%>]\}\}"
    r"|(?<![\w/.-])[\w.-]{0,200}\.(?:png|jpe?g|gif|svg|webp|avif|heic|pdf|docx?|pptx?|xlsx?)\b",
    re.IGNORECASE,
)
# An all-capitals word is an ordinary word in capitals (FREE, RAFFLE, ONWARD), not an
# abbreviation, when it is at least this common in lower case (wordfreq's Zipf scale: 3
# is once per 10 million words), by length. Short words need more: short abbreviations
# are common strings too (ap, cs: 4.4 and 3.9, from news and web text), while the short
# words written in capitals are very common ones (NO, GO, FUN, WIN: 5 or more); a long
# abbreviation is almost never a word.
_COMMON_ZIPF = {2: 5.0, 3: 4.0, 4: 3.5}
_COMMON_ZIPF_LONG = 3.0
# After a term: a parenthetical of three or more words, a colon explanation, or the
# language's words that explain a term ("which means"; "es decir" after a comma), from its
# package data (:mod:`homeroom.text.lang`).
_PAREN_OR_COLON = r"\((?P<paren>[^()]*)\)|:[*_]{0,3}\s*\S"


def _phrases(phrases: tuple[str, ...]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered)


@lru_cache(maxsize=64)
def _defined_after(language: str) -> re.Pattern[str]:
    words = language_words(language)
    options = [_PAREN_OR_COLON]
    if words.definition_phrases:
        options.append(rf",?\s+(?:{_phrases(words.definition_phrases)})\b")
    if words.definition_phrases_after_comma:
        options.append(rf",\s+(?:{_phrases(words.definition_phrases_after_comma)})\b")
    return re.compile(r"[*_]{0,3}\s*(?:" + "|".join(options) + ")", re.IGNORECASE)


_GLOSSARY_WORD = re.compile("glossary", re.IGNORECASE)


class _LinkTargets:
    """Where each ``](...)`` after a term ends, in one page's source.

    The closing brackets and the word "glossary" are found once per page, so a page with
    thousands of terms followed by ``](`` and no ``)`` is not read to its end for each.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.closes = [m.start() for m in re.finditer(r"\)", text)]
        self.glossary = [m.start() for m in _GLOSSARY_WORD.finditer(text)]

    def end(self, offset: int) -> int:
        r"""Where ``\]\([^)]*\)`` matched at ``offset`` ends, or -1."""
        if not self.text.startswith("](", offset):
            return -1
        index = bisect.bisect_left(self.closes, offset + 2)
        return self.closes[index] + 1 if index < len(self.closes) else -1

    def to_glossary(self, offset: int) -> bool:
        r"""Whether ``\]\([^)]*glossary[^)]*\)`` (any case) matches at ``offset``."""
        end = self.end(offset)
        index = bisect.bisect_left(self.glossary, offset + 2)
        return end >= 0 and index < len(self.glossary) and self.glossary[index] + 8 < end


def _defined_at(targets: _LinkTargets, start: int, end: int, language: str) -> bool:
    """Whether the term at text[start:end] is explained right there, or linked to the glossary."""
    text = targets.text
    if start > 0 and text[start - 1] == "[" and targets.to_glossary(end):
        return True
    # A linked term ("[term](page.md) (explanation)"): look after the link's target.
    link_end = targets.end(end)
    if link_end >= 0:
        end = link_end
    m = _defined_after(language).match(text, end)
    if m is None:
        return False
    paren = m.group("paren")
    return paren is None or len(paren.split()) >= 3


@lru_cache(maxsize=65536)
def _common_word(word: str, language: str) -> bool:
    """Whether an all-capitals word is an ordinary word in capitals (FREE, RAFFLE), not an acronym."""
    code = wordfreq_code(language)
    if code is None:
        return False
    return zipf(word, code) >= _COMMON_ZIPF.get(len(word), _COMMON_ZIPF_LONG)


def _starts_sentence(text: str, at: int) -> bool:
    """Whether the term at ``at`` starts a sentence: then its plain words take a capital.

    Only white space (list and quote marks are masked to spaces), closing quotes and
    brackets, or the end of a sentence may come before it in the unit.
    """
    i = at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    while i > 0 and text[i - 1] in "\"'\u2019\u201d)*_":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:"


def _blank(m: re.Match[str]) -> str:
    """Spaces for a match, keeping its line breaks (offsets and lines stay exact)."""
    return re.sub(r"[^\n]", " ", m.group())


def _spelled_out(doc: ProseDocument) -> dict[str, int]:
    """Abbreviation -> the offset where the page first spells it out.

    "Parent Teacher Organization (PTO)" and "PTO (Parent Teacher Organization)" both spell
    "PTO" out; so does a glossary link or explanation. Only prose counts: a spelling in
    code, a comment or the front matter is not one families read.
    """
    spelled: dict[str, int] = {}
    for unit in doc.units:
        for pattern in _SPELLED_OUT:
            for m in pattern.finditer(unit.text):
                at = unit.start + m.start()
                spelled[m.group(1)] = min(spelled.get(m.group(1), at), at)
    return spelled


_SPELLED_OUT = (
    re.compile(r"\(([A-Z][A-Z0-9]{1,5}s?)\)"),
    re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,5}s?)\s+\((?:[^()\s]+\s+){2,}"),
)


class JargonCheck:
    """Flag jargon and deficit language with plain, asset-based alternatives."""

    name = "jargon"

    def __init__(self, glossaries: Mapping[str, Glossary]) -> None:
        """Use these glossaries, by language code."""
        self.glossaries = glossaries

    def glossary_for(self, language: str) -> Glossary | None:
        """The glossary of a language (or of its base language)."""
        return self.glossaries.get(language) or self.glossaries.get(base_language(language))

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Flag each jargon or deficit term, and each acronym never spelled out, once per page.

        The first use of a term is the finding; later uses are counted in its message
        ("and 3 more times on this page"), so a page that says "PTA" twenty times gets one
        finding, not twenty. A block that a ``homeroom allow`` comment allows a rule for is
        counted on its own, so allowing one block never hides the rest of the page.
        """
        glossary = self.glossary_for(source.language)
        # The family glossary page is where the terms are explained: nothing to flag there.
        if glossary is None or source.page_type == "glossary":
            return PageResult()
        uses: dict[tuple[str, int], _Uses] = {}
        allowed = _allowed_blocks(source, doc)
        targets = _LinkTargets(source.text)
        defined: set[str] = set()
        # Abbreviations every family knows, in the page's language (its package data).
        known = language_words(source.language).known_abbreviations
        # Spelled out where families read it, and from that place on: in the prose, not
        # in code, a comment or the front matter. The district's own abbreviations
        # (``own_words``) are spelled out everywhere.
        spelled = _spelled_out(doc)
        for own in glossary.own_words:
            spelled[own.name] = -1

        def spelled_before(word: str, offset: int) -> bool:
            bare = word[:-1] if word.endswith("s") and len(word) > 2 else word
            return min(spelled.get(word, offset + 1), spelled.get(bare, offset + 1)) <= offset

        def use(key: str, unit_start: int, make: _Make) -> None:
            # One group per term on the page, and one per block allowed for its rule.
            rule = key.partition(":")[0]
            scope = unit_start if unit_start in allowed.get(rule, ()) else -1
            group = uses.get((key, scope))
            if group is None:
                uses[key, scope] = _Uses(make)
            else:
                group.more += 1

        for unit in doc.units:
            text = unit.text
            if "{{" in text or "." in text:
                text = _NOT_PROSE.sub(_blank, text)
            if glossary.accept_pattern is not None:
                text = glossary.accept_pattern.sub(_blank, text)
            for m in glossary.pattern.finditer(text):
                entry = glossary.by_form[fold(m.group())]
                if entry.page_types and source.page_type not in entry.page_types:
                    continue
                start, end = unit.start + m.start(), unit.start + m.end()
                # An abbreviation the page spells out ("Anacortes School District (ASD)")
                # means what the page says, not what the glossary guessed.
                if _ACRONYM_WORD.fullmatch(m.group()) and spelled_before(m.group(), start):
                    continue
                if entry.define:
                    if entry.id in defined:
                        continue
                    if _defined_at(targets, start, end, source.language):
                        defined.add(entry.id)
                        continue
                matched = " ".join(m.group().split())
                opens = _starts_sentence(text, m.start())
                before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
                previous = before.group(1) if before else ""
                # One finding per term: an entry is one term, unless it says its forms
                # with their own plain words are several ("Tier 2", "Tier 3").
                term = "|".join(term_of(entry, matched))
                use(
                    f"{entry.rule}:{term}",
                    unit.start,
                    partial(self._finding, source, doc, entry, start, matched, opens, previous),
                )
            for m in _ACRONYM.finditer(text):
                word = m.group()
                bare = word[:-1] if word.endswith("s") and len(word) > 2 else word
                start = unit.start + m.start()
                if (
                    spelled_before(word, start)
                    or fold(word) in glossary.by_form
                    or fold(bare) in glossary.by_form
                    or bare.lower() in known
                    or _ROMAN.fullmatch(bare)
                    or _common_word(bare, source.language)
                    or _TRADEMARK.match(text, m.end())
                ):
                    continue
                use(
                    f"jargon.acronym:{bare}",
                    unit.start,
                    partial(_acronym_finding, source, doc, start, word, bare),
                )
        findings = [group.make(group.more) for group in uses.values()]
        return PageResult(findings=tuple(sorted(findings)))

    @staticmethod
    def _finding(
        source: Source,
        doc: ProseDocument,
        entry: Entry,
        offset: int,
        matched: str,
        sentence_start: bool,
        previous: str,
        more: int = 0,
    ) -> Finding:
        line, column = doc.position(offset)
        # The plain words in the matched form's number and capitals, so the suggestion can
        # replace the term in the sentence as it is (:mod:`homeroom.data.glossary_words`).
        # Inside the brackets of an explanation, no capital; after "the" or "your", no
        # article of their own.
        words = alternatives(
            entry, matched, source.language, sentence_start, capitals=not entry.define
        )
        if not entry.define:
            words = tuple(without_article(w, previous, source.language) for w in words)
        plain = words[0]
        others = f' (or "{words[1]}")' if len(words) > 1 else ""
        said = f'"{matched}"{_more_times(more)}'
        note = f" {entry.note}" if entry.note else ""
        if entry.category == "deficit":
            message = (
                f"{said} describes families or students by what they lack, which costs their "
                f'trust. Write "{plain}"{others} instead.{note}'
            )
            suggestion = plain
        elif entry.define:
            message = (
                f"{said} is a term families will meet, so it may stay, but explain it the first "
                f'time: "{matched} ({plain})", or link it to the family glossary.{note} '
                f"{entry.explain}"
            )
            suggestion = f"{matched} ({plain})"
        else:
            message = (
                f'{said} is school jargon many families do not know. Write "{plain}"{others} '
                f"instead.{note} It means: {entry.explain}"
            )
            suggestion = plain
        return Finding(
            path=source.display,
            line=line,
            column=column,
            rule=entry.rule,
            severity=entry.severity,
            message=message,
            match=matched,
            suggestion=suggestion,
            language=source.language,
        )


_Make = Callable[[int], Finding]


@dataclass
class _Uses:
    """How to report the first use of a term on a page, and how many uses follow it."""

    make: _Make
    more: int = 0


def _more_times(more: int) -> str:
    """What follows a term used again on the page: ' (here and 3 more times on this page)'."""
    if more <= 0:
        return ""
    return f" (here and {more} more {'time' if more == 1 else 'times'} on this page)"


def _allowed_blocks(source: Source, doc: ProseDocument) -> dict[str, set[int]]:
    """Rule -> the starts of the blocks a ``homeroom allow`` comment allows it for."""
    comments = suppressions.allow_comments(source.text)
    if not comments:
        return {}
    starts = sorted(unit.start for unit in doc.units)
    blocks: dict[str, set[int]] = {}
    for m in suppressions.allow_comments(mask_code(source.text)):
        rule = m.group("body").partition(":")[0].strip().lower()
        index = bisect.bisect_left(starts, m.end())
        if index < len(starts):
            blocks.setdefault(rule, set()).add(starts[index])
    return blocks


def _acronym_finding(
    source: Source, doc: ProseDocument, offset: int, word: str, bare: str, more: int
) -> Finding:
    line, column = doc.position(offset)
    return Finding(
        path=source.display,
        line=line,
        column=column,
        rule="jargon.acronym",
        severity=Severity.WARNING,
        message=(
            f'"{bare}"{_more_times(more)} is an abbreviation this page never spells out, and many '
            "families will not know it. Write it out the first time, then the letters: "
            f'"Full Name ({bare})".'
        ),
        match=word,
        suggestion=f"Full Name ({bare})",
        language=source.language,
    )


def data_files(settings: Settings) -> list[Path]:
    """The data files the check's results depend on (for the cache's fingerprint).

    The glossaries, and the language word lists shipped with Homeroom (abbreviations every
    family knows, the words that explain a term).
    """
    folder = settings.data_dir / GLOSSARY_DIR
    glossaries = sorted(folder.glob("*.yml")) if folder.is_dir() else [folder]
    return [*glossaries, *language_data_files()]


def build(settings: Settings) -> JargonCheck:
    """The jargon check with the site's glossaries."""
    return JargonCheck(
        load_glossaries(settings.data_dir, settings.project_root, settings.languages.codes)
    )
