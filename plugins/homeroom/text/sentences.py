"""Split a prose unit into sentences without being fooled by abbreviations.

A unit (heading, list item, table cell, paragraph) always ends a sentence, full stop or
not, so a bullet list counts as the short sentences it is. Inside a unit a sentence ends
at ``.``, ``!``, ``?`` or ``…`` followed by space and a capital, a digit or opening
punctuation, unless the word before the stop is a known abbreviation (the language's list
in its package data, :mod:`homeroom.text.lang`), an initial or part of a number.

Other writing systems:

- Chinese and Japanese end a sentence at ``。``, ``！``, ``？`` (full width) and the half-width
  ``｡``, with or without a space after. The full-width semicolon ``；`` joins two clauses of
  one sentence, as ``;`` does in English: it is where a long sentence is easiest to split,
  not a sentence end.
- Arabic ends a question with ``؟``; the Arabic comma ``،`` and semicolon ``؛`` never end a
  sentence. Urdu's ``۔`` ends one.
- Korean uses Latin stops. A stop between two Hangul syllables ends a sentence even with
  no space after it (``감사합니다.내일``), and a one-syllable word before a stop is a word
  (``네.``), not an initial: Hangul has no capitals, so only letters with a case can be
  initials.
- Devanagari's ``।``, Ethiopic's ``።`` and ``፧``, Armenian's ``։`` and Burmese's ``။`` end a
  sentence as ``。`` does. Any other text is one sentence per unit: never an error.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from homeroom.text.lang import language_words
from homeroom.text.segment import WORD_RE, word_spans

_WORD_RE = WORD_RE
# Stops that need no space after them (Chinese and Japanese, the Arabic question mark,
# Urdu, Devanagari, Ethiopic, Armenian, Burmese and Khmer full stops).
_FULL_WIDTH = "。！？｡؟۔।॥።፧։။។"
_FULL_WIDTH_STOPS = frozenset(_FULL_WIDTH)
# The first form is tried only where a run of stops starts: from inside the run it fails
# whenever it failed at the run's start, and trying it there read the rest of the run.
_CANDIDATE_RE = re.compile(
    rf"(?<![.!?…{_FULL_WIDTH}])[.!?…{_FULL_WIDTH}]+[\"'”’)\]»」』）]*(?=\s|$)"
    rf"|[{_FULL_WIDTH}]+[”’」』）]*"
    # A Latin stop between two Hangul syllables, with no space: Korean written tightly.
    r"|(?<=[\uac00-\ud7a3])[.!?]+(?=[\uac00-\ud7a3])"
)
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[«¿¡]*[\d\w]")
_DOTTED = re.compile(r"(?:\w\.)+\w")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


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
    def of(cls, text: str, language: str = "en") -> WordIndex:
        """Index the words of ``text`` (Chinese words as :mod:`homeroom.text.segment` finds them)."""
        spans = word_spans(text, language)
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
        # An initial ("J. Smith") is a capital letter. A small letter is a word that ends a
        # sentence in many languages (Haitian Creole "pwofesè a."), and so is a letter of a
        # script without capitals (Korean "네.").
        return core.upper() != core.lower() and core.upper() == token.rstrip(".!?…\"'”’)]»").lstrip(
            "\"'“‘([«¿¡"
        )
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
        stop = m.group().rstrip("\"'”’)]»」』）")
        tight_hangul = end < len(text) and _HANGUL.match(text, end) is not None
        if not tight_hangul and not any(ch in _FULL_WIDTH_STOPS for ch in stop):
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
