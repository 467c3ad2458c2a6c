"""One compiled matcher for many words and phrases (glossary forms, plain-word lists).

A plain alternation (``benchmark|benchmarks|tier 2|...``) makes the regex engine try
every form at every position of the text, so matching slows down as a glossary grows.
Here the forms are first folded into a trie and written out as nested groups
(``bench(?:mark(?:s)?)?``): at each position the engine follows one branch per
character, so the cost depends on the text and on how long the forms are, not on how
many there are.

Semantics are those of the longest-first alternation it replaces: the longest form that
ends on a word boundary wins; any white space (line breaks too) matches the space between
the words of a phrase; case is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_SPACE = " "
_END = ""


def _trie(forms: Iterable[str]) -> dict[str, object]:
    root: dict[str, object] = {}
    for form in forms:
        words = form.lower().split()
        if not words:
            continue
        node = root
        for position, word in enumerate(words):
            if position:
                node = node.setdefault(_SPACE, {})  # type: ignore[assignment]
            for char in word:
                node = node.setdefault(char, {})  # type: ignore[assignment]
        node[_END] = {}
    return root


def _pattern(node: dict[str, object]) -> str:
    """The regex for a trie node: its branches, optional when a form may end here."""
    branches = []
    for key in sorted(k for k in node if k != _END):
        head = r"\s+" if key == _SPACE else re.escape(key)
        branches.append(head + _pattern(node[key]))  # type: ignore[arg-type]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        # Greedy: the longer form is tried first, the shorter one if the longer fails.
        return (body if len(branches) > 1 else f"(?:{body})") + "?"
    return body


@lru_cache(maxsize=64)
def _compile(forms: tuple[str, ...]) -> re.Pattern[str]:
    trie = _trie(forms)
    if not trie:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<!\w)(?:{_pattern(trie)})(?!\w)", re.IGNORECASE)


def phrase_matcher(forms: Iterable[str]) -> re.Pattern[str]:
    """A compiled pattern matching any of ``forms`` as whole words, longest first, any case."""
    return _compile(tuple(sorted(set(forms))))
