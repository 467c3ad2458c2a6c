"""Sentence-level readability findings: a sentence too long, or built from long words.

A long sentence's finding says where it is easiest to split (:func:`split_hint`), with the
joining words of the page's language (:mod:`homeroom.text.lang`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from homeroom.checks.readability_messages import excerpt, format_score
from homeroom.data.readability_limits import DifficultyLimits, SentenceLimits
from homeroom.data.sources import Source
from homeroom.model.findings import Finding, Severity
from homeroom.text.lang import language_words
from homeroom.text.measures import MEASURES, Counts
from homeroom.text.prose import ProseDocument
from homeroom.text.segment import word_counting
from homeroom.text.sentences import Sentence, WordIndex


def split_hint(sentence: Sentence, language: str) -> str:
    """Suggest where to split a long sentence: a semicolon, comma or joining word near the middle."""
    text = sentence.text
    middle = len(text) / 2
    # Where a sentence is easiest to split, best first: the language's package data.
    joiners = language_words(language).split_words
    # Words are found once (a scan of the words on each side of every candidate made a
    # very long sentence quadratic). A split must leave four words on each side: it
    # starts after the fourth word starts and ends before the fourth-last word ends.
    index = WordIndex.of(text, language)
    if len(index.starts) < 4:
        return _NO_SPLIT
    first, last = index.starts[3], index.ends[-4]
    # A candidate is (rank, distance from the middle, start, end, after the mark?).
    candidates: list[tuple[int, float, int, int, bool]] = []
    for m in _SPLIT_MARK.finditer(text, first + 1, last - 1):
        start, end = m.span()
        rank = 0 if m.group() in ";:；：؛" else 1
        candidates.append((rank, abs(start - middle), start, end, True))
    for rank, joiner in enumerate(joiners, start=2):
        for m in _joiner_pattern(joiner).finditer(text):
            start, end = m.span()
            if first < start and end < last:
                candidates.append((2 if rank < 5 else 3, abs(start - middle), start, end, False))
    if not candidates:
        return _NO_SPLIT

    def where(candidate: tuple[int, float, int, int, bool]) -> str:
        _, _, start, end, after = candidate
        if not after:
            return f'before "{text[start:end]}"'
        # No word runs across a comma, so the last word before it is a whole word.
        word = index.count_before(start) - 1
        return f'after "{text[index.starts[word] : index.ends[word]]}{text[start:end]}"'

    # The nearest of the best rank wins; equally near ones are ordered by their wording.
    best = min(candidates)[:2]
    return f"Try splitting it {min(where(c) for c in candidates if c[:2] == best)}."


_NO_SPLIT = "Try saying one idea per sentence."
# Latin, full-width (Chinese, Japanese) and Arabic semicolons, colons and commas.
_SPLIT_MARK = re.compile(r"[;:,；：，、؛،]")


@lru_cache(maxsize=64)
def _joiner_pattern(joiner: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(joiner)}\b", re.IGNORECASE)


def sentence_verdict(
    counts: Counts, length: SentenceLimits, difficulty: DifficultyLimits | None
) -> tuple[str, Severity] | None:
    """The rule and severity a sentence gets, or None when it passes (as the check decides).

    A sentence over the length limit is a ``readability.sentence``; a shorter one of at
    least ``difficulty.min_words`` words is scored for ``readability.sentence-difficulty``.
    """
    if counts.words > length.hard:
        severity = Severity.ERROR if counts.words > length.very_hard else Severity.WARNING
        return "readability.sentence", severity
    if difficulty is None or counts.words < difficulty.min_words:
        return None
    measure = MEASURES[difficulty.measure]
    value = measure.compute(counts)
    if value is None or measure.passes(value, difficulty.hard):
        return None
    very = not measure.passes(value, difficulty.very_hard)
    return "readability.sentence-difficulty", Severity.ERROR if very else Severity.WARNING


def length_finding(
    source: Source,
    doc: ProseDocument,
    unit_start: int,
    sentence: Sentence,
    n: int,
    limits: SentenceLimits,
) -> Finding:
    """A ``readability.sentence`` finding: a sentence of ``n`` words, over its limit."""
    line, column = doc.position(unit_start + sentence.start)
    hint = split_hint(sentence, source.language)
    counted = (
        " (counted with a Chinese word list)" if word_counting(source.language) == "jieba" else ""
    )
    return Finding(
        path=source.display,
        line=line,
        column=column,
        rule="readability.sentence",
        severity=Severity.ERROR if n > limits.very_hard else Severity.WARNING,
        message=(
            f"This sentence has {n} words{counted}. Families read faster and understand more when a "
            f"sentence has {limits.hard} words or fewer. {hint}"
        ),
        match=excerpt(sentence.text),
        suggestion=hint,
        language=source.language,
    )


def difficulty_finding(
    source: Source,
    doc: ProseDocument,
    unit_start: int,
    sentence: Sentence,
    counts: Counts,
    limits: DifficultyLimits,
) -> Finding | None:
    """A ``readability.sentence-difficulty`` finding, or None when the sentence is easy enough."""
    measure = MEASURES[limits.measure]
    value = measure.compute(counts)
    if value is None or measure.passes(value, limits.hard):
        return None
    very = not measure.passes(value, limits.very_hard)
    unique = {w.lower(): w for w in reversed(sentence.words) if len(w) >= 9}
    long_words = sorted(unique.values(), key=len, reverse=True)[:3]
    named = f" such as {', '.join(repr(w) for w in long_words)}" if long_words else ""
    line, column = doc.position(unit_start + sentence.start)
    hint = f"Use shorter, everyday words{named}, or explain them."
    return Finding(
        path=source.display,
        line=line,
        column=column,
        rule="readability.sentence-difficulty",
        severity=Severity.ERROR if very else Severity.WARNING,
        message=(
            f"This sentence is {'very ' if very else ''}hard to read ({measure.label} "
            f"{format_score(measure.id, value)}): it is built from long words. {hint}"
        ),
        match=excerpt(sentence.text),
        suggestion=hint,
        language=source.language,
    )
