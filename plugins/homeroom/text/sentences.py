"""Split a prose unit into sentences without being fooled by abbreviations.

A unit (heading, list item, table cell, paragraph) always ends a sentence, full stop or
not, so a bullet list counts as the short sentences it is. Inside a unit a sentence ends
at ``.``, ``!``, ``?`` or ``…`` (and their CJK and Arabic forms) followed by space and a
capital, a digit or opening punctuation, unless the word before the stop is a known
abbreviation (the language's list in its package data, :mod:`homeroom.text.lang`), an
initial or part of a number.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from homeroom.text.lang import language_words

_WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*", re.UNICODE)
# The first form is tried only where a run of stops starts: from inside the run it fails
# whenever it failed at the run's start, and trying it there read the rest of the run.
_CANDIDATE_RE = re.compile(r"(?<![.!?…。！？؟])[.!?…。！？؟]+[\"'”’)\]»]*(?=\s|$)|[。！？؟]+")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[«¿¡]*[\d\w]")
_DOTTED = re.compile(r"(?:\w\.)+\w")
# Stops that need no space after them (Chinese, Japanese, Arabic question mark).
_FULL_WIDTH_STOPS = frozenset("。！？؟")


@dataclass(frozen=True)
class Sentence:
    """A sentence: offsets into the unit's text and its words."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> list[str]:
        """The words, numbers included."""
        return words(self.text)


def words(text: str) -> list[str]:
    """Words in a piece of text (``don't`` and ``well-being`` are one word each)."""
    return _WORD_RE.findall(text)


@dataclass(frozen=True)
class WordIndex:
    """Where each word of a text starts and ends, found in one pass.

    Counting the words before or after an offset is then a binary search, not a new scan
    of the text: a long sentence can be asked about every comma in it in linear time.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> WordIndex:
        """Index the words of ``text``."""
        spans = [m.span() for m in _WORD_RE.finditer(text)]
        return cls(tuple(a for a, _ in spans), tuple(b for _, b in spans))

    def count_before(self, offset: int) -> int:
        """``len(words(text[:offset]))``: a word cut at ``offset`` counts once."""
        return bisect.bisect_left(self.starts, offset)

    def count_after(self, offset: int) -> int:
        """``len(words(text[offset:]))``: a word cut at ``offset`` counts once."""
        return len(self.ends) - bisect.bisect_right(self.ends, offset)


def _is_abbreviation(token: str, language: str, next_char: str) -> bool:
    core = token.lower().rstrip(".!?…\"'”’)]»").lstrip("\"'“‘([«¿¡")
    if not core:
        return False
    if len(core) == 1 and core.isalpha():
        # An initial ("J. Smith") is a capital; a small letter is a word that ends a
        # sentence in many languages (Haitian Creole "pwofesè a.", French "y a.").
        return core.upper() == token.rstrip(".!?…\"'”’)]»").lstrip("\"'“‘([«¿¡")
    soft = language_words(language).soft_abbreviations
    if _DOTTED.fullmatch(core):
        # Dotted forms like "U.S" or "a.m": soft ones end a sentence before a capital.
        return not (core in soft and next_char.isupper())
    if core in soft:
        return not next_char.isupper()
    return core in language_words(language).abbreviations


def _token_before(text: str, end: int) -> str:
    """The run of non-space characters that ends at ``end`` (a newline there is skipped).

    Read backwards from ``end``, so a paragraph of many sentences costs one pass, where a
    regex search from the start of the text at every full stop was quadratic.
    """
    if end and text[end - 1] == "\n":
        end -= 1
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def split(text: str, language: str = "en") -> Iterator[Sentence]:
    """Yield the sentences of one prose unit (offsets are into ``text``)."""
    start = 0
    for m in _CANDIDATE_RE.finditer(text):
        end = m.end()
        stop = m.group().rstrip("\"'”’)]»")
        if not any(ch in _FULL_WIDTH_STOPS for ch in stop):
            # Latin-script stops end a sentence only before space and a new sentence.
            nxt = _NEXT_STARTS_SENTENCE.match(text, end)
            if nxt is None:
                continue
            next_char = text[nxt.end() - 1]
            if next_char.islower():
                continue
            if stop == ".":
                before = _token_before(text, m.start())
                if _is_abbreviation(before + ".", language, next_char):
                    continue
        yield from _emit(text, start, end)
        start = end
    yield from _emit(text, start, len(text))


def _emit(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and words(text[start:end]):
        yield Sentence(start=start, end=end, text=text[start:end])
