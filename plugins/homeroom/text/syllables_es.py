"""Split Spanish words into syllables by rule, with no dictionary.

Vowel sequences follow the conventions of the RAE *Ortografía* (2010): an unstressed
``i``/``u`` next to ``a``/``e``/``o`` is always a diphthong, and so are two different weak
vowels, whatever a given speaker does (so ``guion``, ``truhan`` and ``rio`` are one syllable);
two strong vowels, or a stressed ``í``/``ú`` next to a strong one, are a hiatus (``le-er``,
``dí-a``). Choices where usage varies, made once and kept everywhere:

* ``h`` is silent, so between vowels it neither makes nor breaks a diphthong (RAE):
  ``ahu-ma-do``, ``prohi-bir``, ``truhan`` (one syllable), but ``bú-ho``, ``al-co-hol``.
* ``tl`` opens a syllable (``a-tlas``, ``a-tle-ta``), as in Mexico and most of the Americas,
  where most of the families we write for come from; Spain says ``at-las``. Counts agree.
* ``y`` is a vowel unless a vowel follows it: ``hoy``, ``muy``, ``U-ru-guay``, ``Rey-nal-do``.
* Identical weak vowels are a hiatus (``chi-i-ta``), as the RAE counts them.
* Syllables are spoken ones, so a prefix's last consonant joins the next vowel
  (``de-sa-rro-llo``, ``i-nú-til``); the one exception is ``sub`` + ``r``, whose ``r`` is
  trilled and so cannot form ``br`` (``sub-ra-yar``). A consonant before ``h`` stays
  behind it (``des-ha-cer``, ``in-hu-ma-no``), as the RAE divides such words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import pairwise

_STRONG = frozenset("aeo")
_WEAK = frozenset("iu")
_VOWELS = _STRONG | _WEAK
_FRONT = frozenset("ei")
_ACUTE = "\u0301"
_DIAERESIS = "\u0308"
# Consonant pairs that can open a Spanish syllable together (tl: see the module docstring).
_ONSETS = frozenset("pl pr bl br fl fr gl gr cl cr dr tr kl kr tl".split())
_DIGRAPHS = frozenset({"ch", "ll", "rr"})


@dataclass
class _Token:
    """One sound-bearing piece of a letter run: a vowel, a consonant or a digraph."""

    start: int  # index of its first letter in the run
    end: int  # index after its last letter
    kind: str  # "C" consonant, "H" silent h, "S" strong vowel, "W" weak, "A" stressed weak
    key: str  # its lower-case letters, to match clusters and identical vowels


def _letter(unit: str) -> tuple[str, str]:
    """The lower-case base letter of a letter-with-accents and its combining marks."""
    # NFD makes "í" and "i" + U+0301 look the same, so decomposed input works too.
    nfd = unicodedata.normalize("NFD", unit)
    return nfd[0].lower(), nfd[1:]


def _tokens(units: list[str]) -> list[_Token]:
    """Classify each letter of a run, merging digraphs and the silent u of que/qui/gue/gui."""
    letters = [_letter(unit) for unit in units]
    tokens: list[_Token] = []
    for i, (base, marks) in enumerate(letters):
        following = letters[i + 1][0] if i + 1 < len(letters) else ""
        prev = tokens[-1] if tokens else None
        if base in _STRONG:
            kind = "S"
        elif base == "u" and not marks and prev and prev.key in ("q", "g") and following in _FRONT:
            # In que, qui, gue, gui the u is only spelling: it belongs to the consonant.
            prev.end, prev.key = i + 1, prev.key + "u"
            continue
        elif base in _WEAK:
            # A written accent (or a poetic diaeresis on i) makes a weak vowel a syllable peak.
            stressed = _ACUTE in marks or (base == "i" and _DIAERESIS in marks)
            kind = "A" if stressed else "W"
        elif base == "y" and following not in _VOWELS:
            kind, base = "W", "i"
        elif base == "h" and not (prev and prev.key == "c"):
            kind = "H"
        elif prev and prev.kind == "C" and prev.key + base in _DIGRAPHS:
            prev.end, prev.key = i + 1, prev.key + base
            continue
        else:
            kind = "C"
        tokens.append(_Token(i, i + 1, kind, base))
    return tokens


def _is_peak(token: _Token) -> bool:
    return token.kind in ("S", "A")


def _hiatus(first: _Token, second: _Token) -> bool:
    """Whether two vowels in a row belong to different syllables."""
    if _is_peak(first) and _is_peak(second):
        return True  # le-er, dí-a, pa-ís
    return first.key == second.key  # chi-i-ta; any other pair is a diphthong


def _nuclei(tokens: list[_Token]) -> list[list[int]]:
    """The vowels of each syllable, as token indices, in order."""
    groups: list[list[int]] = []
    for i, token in enumerate(tokens):
        if token.kind in ("C", "H"):
            continue
        if groups:
            last = groups[-1][-1]
            between = tokens[last + 1 : i]
            # A silent h between vowels changes nothing: ahu-ma-do, bú-ho.
            silent = not between or (len(between) == 1 and between[0].kind == "H")
            if silent and not _hiatus(tokens[last], token):
                groups[-1].append(i)
                continue
        groups.append([i])
    nuclei: list[list[int]] = []
    for group in groups:
        current = [group[0]]
        for k, i in enumerate(group[1:], start=1):
            has_peak = any(_is_peak(tokens[j]) for j in current)
            if _is_peak(tokens[i]):
                split = has_peak
            else:
                # A weak vowel with more vowels after a peak glides into the next syllable
                # (a-hue-car, re-huir); otherwise it closes this one (buey, U-ru-guay).
                more = k + 1 < len(group)
                split = (has_peak and more) or (not has_peak and len(current) > 1)
            if split:
                nuclei.append(current)
                current = [i]
            else:
                current.append(i)
        nuclei.append(current)
    return nuclei


def _split_run(units: list[str]) -> list[str]:
    """Syllables of one run of letters; a run with no vowel is one syllable."""
    tokens = _tokens(units)
    nuclei = _nuclei(tokens)
    cuts = [0]
    for before, after in pairwise(nuclei):
        consonants = tokens[before[-1] + 1 : after[0]]
        # One consonant opens the next syllable, two if they form a cluster (pr, bl, tl...);
        # any others close the previous one: ins-truc-ción, trans-por-te.
        onset = min(len(consonants), 1)
        if len(consonants) >= 2 and consonants[-2].key + consonants[-1].key in _ONSETS:
            prefix = "".join(token.key for token in tokens[: after[0]])
            onset = 1 if prefix == "subr" else 2  # sub-ra-yar: the r is trilled
        cuts.append((consonants[-onset] if onset else tokens[after[0]]).start)
    cuts.append(len(units))
    return ["".join(units[a:b]) for a, b in pairwise(cuts)]


def _segments(word: str) -> list[tuple[bool, list[str]]]:
    """Runs of letters (each letter with its combining accents) and the text between them."""
    segments: list[tuple[bool, list[str]]] = []
    for char in word:
        in_run = bool(segments) and segments[-1][0]
        if char.isalpha():
            if in_run:
                segments[-1][1].append(char)
            else:
                segments.append((True, [char]))
        elif in_run and unicodedata.category(char).startswith("M"):
            segments[-1][1][-1] += char  # a combining accent belongs to its letter
        elif segments and not segments[-1][0]:
            segments[-1][1].append(char)
        else:
            segments.append((False, [char]))
    return segments


def syllabify(word: str) -> list[str]:
    """Split one Spanish word into its syllables, keeping every character as written.

    Digits, hyphens and other non-letters stay attached to the syllable before them (or
    the first one), so ``"".join(syllabify(word)) == word`` always holds. Each run of
    letters is split on its own: ``"auto-escuela"`` gives ``au``, ``to-``, ``es``,
    ``cue``, ``la``. A string with no letters comes back whole (or as ``[]`` if empty).
    """
    syllables: list[str] = []
    lead = ""
    for is_letters, chars in _segments(word):
        if not is_letters:
            if syllables:
                syllables[-1] += "".join(chars)
            else:
                lead += "".join(chars)
            continue
        parts = _split_run(chars)
        parts[0] = lead + parts[0]
        lead = ""
        syllables.extend(parts)
    return [*syllables, lead] if lead else syllables


def count(word: str) -> int:
    """Count the syllables of one Spanish word: 0 with no letters, else at least 1.

    Every run of letters counts, with at least one syllable each, so ``"TV"`` is 1 and
    ``"COVID-19"`` is 2.
    """
    return sum(
        max(len(_nuclei(_tokens(chars))), 1) for is_letters, chars in _segments(word) if is_letters
    )
