"""Readability measures: counts over sentences, and formulas that use them.

Each formula is validated for one language and says which way is easier (``lower`` for
grade levels, ``higher`` for ease scales). Languages with no validated formula get
language-neutral measures instead, and findings say so: words per sentence (Chinese words
found by jieba, :mod:`homeroom.text.segment`), the share of long sentences, the share of
long words, and the share of rare words by ``wordfreq``. Japanese, Burmese and Khmer,
whose words Homeroom cannot find, get characters per sentence; Thai, Lao and Tibetan,
whose sentences it cannot find either, get no measure at all (:func:`measures_for` is
empty, and the run says they were not checked). Nothing ever falls back to English
constants.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from homeroom.text.segment import JIEBA_LANGUAGES, counts_words, words_in
from homeroom.text.syllables import base_language, counter_for

#: Scripts written without spaces between words: characters per sentence is reported
#: (the main measure where Homeroom cannot find the words).
NO_SPACE_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})

#: Written without spaces and without marks Homeroom can read as sentence ends (Thai and
#: Lao separate sentences with a space; Tibetan's shad also ends clauses): no measure.
NO_SENTENCE_MARKS = frozenset({"th", "lo", "bo"})

#: wordfreq's name for a language where it differs from the site's code.
WORDFREQ_CODES = {"tl": "fil"}

#: Languages wordfreq covers only with an extra tokenizer (MeCab, jieba) Homeroom does
#: not install: no rare-word share for them rather than a crash.
WORDFREQ_NEEDS_TOKENIZER = frozenset({"zh", "ja", "ko"})

#: A word is rare below this Zipf frequency (about once per 10 million words).
RARE_ZIPF = 3.0

#: A word this many letters long or longer counts as long.
LONG_WORD_LETTERS = 7


@dataclass(frozen=True)
class Counts:
    """What the formulas need, counted over a piece of text."""

    sentences: int = 0
    words: int = 0
    letters: int = 0
    characters: int = 0
    syllables: int = 0
    long_words: int = 0
    polysyllables: int = 0
    monosyllables: int = 0
    rare_words: int = 0
    known_words: int = 0
    """Words whose frequency wordfreq could look up (rare-word share is over these)."""
    long_sentences: int = 0
    """Sentences with more words than the language's sentence limit (set by the check)."""

    def astuple(self) -> tuple[int, ...]:
        """The fields in order."""
        return (
            self.sentences,
            self.words,
            self.letters,
            self.characters,
            self.syllables,
            self.long_words,
            self.polysyllables,
            self.monosyllables,
            self.rare_words,
            self.known_words,
            self.long_sentences,
        )


@lru_cache(maxsize=1)
def _wordfreq_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


@lru_cache(maxsize=256)
def wordfreq_code(language: str) -> str | None:
    """The wordfreq code for a language, or None if wordfreq does not cover it."""
    base = base_language(language)
    code = WORDFREQ_CODES.get(base, base)
    if base in WORDFREQ_NEEDS_TOKENIZER or code not in _wordfreq_languages():
        return None
    return code


@lru_cache(maxsize=262144)
def zipf(word: str, code: str) -> float:
    """Zipf frequency of a word (any case) in wordfreq's language ``code``.

    About 3 means once per 10 million words.
    """
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), code))


@lru_cache(maxsize=262144)
def is_rare(word: str, code: str) -> bool:
    """Whether a word (not a number) is rare in the language: the rare-word share's test."""
    return not word.isdigit() and zipf(word, code) < RARE_ZIPF


@lru_cache(maxsize=65536)
def count_sentence(text: str, language: str, long_after: int | None = None) -> Counts:
    """Count one sentence; with ``long_after``, it is long when it has more words than that.

    Kept for the texts met most recently: generated pages (report cards) repeat the same
    cells and sentences on every school's page.
    """
    sentence_words = words_in(text, language)
    syllable_of = counter_for(language)
    freq_code = wordfreq_code(language)
    syllables = polysyllables = monosyllables = rare = known = 0
    for word in sentence_words:
        if syllable_of is not None:
            n = syllable_of(word)
            syllables += n
            polysyllables += n >= 3
            monosyllables += n == 1
        if freq_code is not None and not word.isdigit():
            known += 1
            rare += is_rare(word, freq_code)
    return Counts(
        sentences=1,
        words=len(sentence_words),
        letters=sum(map(str.isalpha, text)),
        characters=len(text) - sum(map(str.isspace, text)),
        syllables=syllables,
        long_words=sum(
            1
            for w in sentence_words
            if len(w) >= LONG_WORD_LETTERS and sum(map(str.isalpha, w)) >= LONG_WORD_LETTERS
        ),
        polysyllables=polysyllables,
        monosyllables=monosyllables,
        rare_words=rare,
        known_words=known,
        long_sentences=int(long_after is not None and len(sentence_words) > long_after),
    )


def total(counts: Iterable[Counts]) -> Counts:
    """Add counts up."""
    columns = list(zip(*(c.astuple() for c in counts), strict=True))
    return Counts(*map(sum, columns)) if columns else Counts()


@dataclass(frozen=True)
class Measure:
    """A readability measure: its id, the languages it is valid for, and which way is easier."""

    id: str
    label: str
    languages: frozenset[str] | None
    """Base language codes the measure is validated for; None means any language."""
    easier: str
    """``lower`` or ``higher``."""
    compute: Callable[[Counts], float | None]

    def valid_for(self, language: str) -> bool:
        """Whether this measure may be applied to a language."""
        return self.languages is None or base_language(language) in self.languages

    def passes(self, score: float, limit: float) -> bool:
        """Whether a score is within a limit, in the measure's direction."""
        return score <= limit if self.easier == "lower" else score >= limit


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _needs(c: Counts) -> bool:
    return c.words > 0 and c.sentences > 0


def _fk(c: Counts) -> float | None:
    return (
        0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59 if _needs(c) else None
    )


def _fernandez_huerta(c: Counts) -> float | None:
    # Fernández Huerta (1959) in its corrected form: L = 206.84 - 0.60 P - 1.02 F, with P
    # the syllables per 100 words and F the words per sentence. The formula as usually
    # printed takes F as sentences per 100 words, which makes a text *harder* when its
    # sentences are split; Law (2011) showed the adaptation from Flesch meant words per
    # sentence. Source: Gwillim Law, "Error in the Fernandez Huerta Readability Formula",
    # LINGUIST List 22.1956 (2011); see also Barrio-Cantalejo et al., Anales del Sistema
    # Sanitario de Navarra 31(2), 2008, on Spanish readability formulas.
    if not _needs(c):
        return None
    return 206.84 - 0.60 * 100 * c.syllables / c.words - 1.02 * c.words / c.sentences


def _szigriszt(c: Counts) -> float | None:
    # Szigriszt-Pazos perspicuity, read on the INFLESZ scale (Barrio-Cantalejo 2008).
    return 206.835 - 62.3 * c.syllables / c.words - c.words / c.sentences if _needs(c) else None


def _kandel_moles(c: Counts) -> float | None:
    return 207 - 1.015 * c.words / c.sentences - 73.6 * c.syllables / c.words if _needs(c) else None


def _gulpease(c: Counts) -> float | None:
    return 89 + (300 * c.sentences - 10 * c.letters) / c.words if _needs(c) else None


def _wiener(c: Counts) -> float | None:
    # First Wiener Sachtextformel: shares in percent, result is a school grade.
    if not _needs(c):
        return None
    ms = 100 * c.polysyllables / c.words
    iw = 100 * c.long_words / c.words
    es = 100 * c.monosyllables / c.words
    return 0.1935 * ms + 0.1672 * c.words / c.sentences + 0.1297 * iw - 0.0327 * es - 0.875


MEASURES: dict[str, Measure] = {
    m.id: m
    for m in (
        Measure(
            "flesch-kincaid-grade", "Flesch-Kincaid grade level", frozenset({"en"}), "lower", _fk
        ),
        Measure(
            "fernandez-huerta",
            "Fernández-Huerta ease (corrected)",
            frozenset({"es"}),
            "higher",
            _fernandez_huerta,
        ),
        Measure("inflesz", "INFLESZ (Szigriszt-Pazos)", frozenset({"es"}), "higher", _szigriszt),
        Measure("kandel-moles", "Kandel-Moles ease", frozenset({"fr"}), "higher", _kandel_moles),
        Measure("gulpease", "Gulpease index", frozenset({"it"}), "higher", _gulpease),
        Measure(
            "wiener-sachtextformel",
            "Wiener Sachtextformel grade",
            frozenset({"de"}),
            "lower",
            _wiener,
        ),
        Measure(
            "words-per-sentence",
            "words per sentence",
            None,
            "lower",
            lambda c: _ratio(c.words, c.sentences),
        ),
        Measure(
            "characters-per-sentence",
            "characters per sentence",
            None,
            "lower",
            lambda c: _ratio(c.characters, c.sentences),
        ),
        Measure(
            "long-sentence-share",
            "share of long sentences",
            None,
            "lower",
            lambda c: _ratio(c.long_sentences, c.sentences),
        ),
        Measure(
            "long-word-share",
            "share of long words",
            None,
            "lower",
            lambda c: _ratio(c.long_words, c.words),
        ),
        Measure(
            "rare-word-share",
            "share of rare words",
            None,
            "lower",
            lambda c: _ratio(c.rare_words, c.known_words),
        ),
    )
}


def measures_for(language: str) -> Sequence[str]:
    """The measures Homeroom reports for a language, main one first (none: not checked).

    A language with a validated formula gets it first. Languages without one get the
    share of long sentences too, since sentence length is then what the page is judged by.
    """
    base = base_language(language)
    if base in NO_SENTENCE_MARKS:
        return []
    if not counts_words(language):
        return ["characters-per-sentence"]
    formulas = [m.id for m in MEASURES.values() if m.languages is not None and base in m.languages]
    neutral = ["words-per-sentence"]
    if base in JIEBA_LANGUAGES:
        neutral.append("characters-per-sentence")
    if not formulas:
        neutral.append("long-sentence-share")
    if base not in NO_SPACE_LANGUAGES:
        neutral.append("long-word-share")
    if wordfreq_code(language) is not None:
        neutral.append("rare-word-share")
    return [*formulas, *neutral]


def has_formula(language: str) -> bool:
    """Whether a grade-level or ease formula is validated for the language."""
    return any(MEASURES[m].languages is not None for m in measures_for(language))
