"""Where inline constructs that are not prose sit in a block: comments, code, images, links.

Each function finds exactly what one regular expression's ``finditer`` finds (the
expression is quoted in its docstring, and a test compares both on generated text), but
in time that grows with the length of the text. The expressions themselves are quadratic
on some inputs: a thousand ``<!--`` with no ``-->`` after them, or a link target with no
closing bracket, make the regex engine scan to the end of the block from every opening.
Here each closing mark is found once, by binary search over the sorted offsets of that
character.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator


class _Offsets:
    """Sorted offsets of the characters of a class in a text: the next one after any offset."""

    def __init__(self, text: str, characters: str) -> None:
        self.at = [m.start() for m in re.finditer(characters, text)]

    def next(self, offset: int) -> int:
        """The first offset at or after ``offset``, or -1."""
        index = bisect.bisect_left(self.at, offset)
        return self.at[index] if index < len(self.at) else -1


def comments(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``<!--.*?-->`` (DOTALL)."""
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        close = text.find("-->", start + 4)
        if close < 0:
            return  # no comment closes after this one, so no later one can match
        position = close + 3
        yield start, position


_BACKTICKS = re.compile("`+")


def code_spans(text: str) -> Iterator[tuple[int, int]]:
    r"""Spans of ``(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)`` (DOTALL).

    A code span opens with a run of backticks and closes at the next run of exactly as many.
    """
    if "`" not in text:
        return
    runs = [(m.start(), m.end() - m.start()) for m in _BACKTICKS.finditer(text)]
    closing: list[int] = [-1] * len(runs)
    last_of_length: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1]
        closing[index] = last_of_length.get(length, -1)
        last_of_length[length] = index
    position = 0
    for index, (start, length) in enumerate(runs):
        if start < position or closing[index] < 0:
            continue
        position = runs[closing[index]][0] + length
        yield start, position


def images(text: str) -> Iterator[tuple[int, int]]:
    r"""Spans of ``!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])``."""
    if "![" not in text:
        return
    brackets = _Offsets(text, r"\]")
    parens = _Offsets(text, r"\)")
    position = 0
    while (start := text.find("![", position)) >= 0:
        label_end = brackets.next(start + 2)
        if label_end < 0:
            return  # no "]" after this "![", so none after any later one
        after = text[label_end + 1 : label_end + 2]
        close = -1
        if after == "(":
            close = parens.next(label_end + 2)
        elif after == "[":
            close = brackets.next(label_end + 2)
        if close < 0:
            position = start + 1
            continue
        position = close + 1
        yield start, position


class _LinkFinder:
    r"""The matches of the inline-link pattern, each opening bracket and target once.

    The pattern, with its groups::

        (?P<open>\[)(?P<text>(?:[^\[\]]|\[[^\]]*\])*)
        (?P<target>\]\(\s*(?:<[^>]*>|[^()\s]*(?:\([^()\s]*\))?[^()\s]*)
        (?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\))

    The link text runs from the ``[`` to the first ``]`` that closes no inner ``[...]``:
    nothing the engine could backtrack to ends before a ``]``, so a match has that one
    text, and a target either matches right after it or not at all. Where the text ends
    is remembered for every inner bracket on the way, and whether a target matches is
    remembered for every ``]``, so no stretch of text is read more than a few times.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.brackets = _Offsets(text, r"[\[\]]")
        self.closes = _Offsets(text, r"\]")
        self.parens = _Offsets(text, r"\)")
        self.quotes = {'"': _Offsets(text, '"'), "'": _Offsets(text, "'"), "(": self.parens}
        self.angles = _Offsets(text, ">")
        self.text_ends: dict[int, int] = {}
        self.target_ends: dict[int, int] = {}
        self.space_ends: dict[int, int] = {}

    def text_end(self, offset: int) -> int:
        """Where link text starting at ``offset`` stops: the offset of its ``]``, or -1."""
        visited: list[int] = []
        result = -1
        while True:
            known = self.text_ends.get(offset)
            if known is not None:
                result = known
                break
            visited.append(offset)
            bracket = self.brackets.next(offset)
            if bracket < 0:
                break
            if self.text[bracket] == "]":
                result = bracket
                break
            inner_close = self.closes.next(bracket + 1)
            if inner_close < 0:
                break  # an inner "[" that never closes ends the text short of a "]"
            offset = inner_close + 1
        for seen in visited:
            self.text_ends[seen] = result
        return result

    def space_end(self, offset: int) -> int:
        """The offset after the white space that starts at ``offset``."""
        found = self.space_ends.get(offset)
        if found is None:
            found = _SPACE.match(self.text, offset).end()  # type: ignore[union-attr]
            self.space_ends[offset] = found
        return found

    def rest(self, offset: int) -> int:
        r"""Where ``(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)`` ends at ``offset``, or -1."""
        text = self.text
        spaced = self.space_end(offset)
        if spaced > offset and spaced < len(text) and text[spaced] in self.quotes:
            close = self.quotes[text[spaced]].next(spaced + 1)
            if close >= 0:
                after = self.space_end(close + 1)
                if text[after : after + 1] == ")":
                    return after + 1
        return spaced + 1 if text[spaced : spaced + 1] == ")" else -1

    def bare_destination_end(self, offset: int) -> int:
        r"""Where ``[^()\s]*(?:\([^()\s]*\))?[^()\s]*`` ends, taking all it can."""
        text = self.text
        end = _BARE.match(text, offset).end()  # type: ignore[union-attr]
        if text[end : end + 1] == "(":
            inner = _BARE.match(text, end + 1).end()  # type: ignore[union-attr]
            if text[inner : inner + 1] == ")":
                end = _BARE.match(text, inner + 1).end()  # type: ignore[union-attr]
        return end

    def target_end(self, bracket: int) -> int:
        """Where the target that starts with the ``](`` at ``bracket`` ends, or -1."""
        found = self.target_ends.get(bracket)
        if found is None:
            found = self._target_end(bracket)
            self.target_ends[bracket] = found
        return found

    def _target_end(self, bracket: int) -> int:
        text = self.text
        if text[bracket + 1 : bracket + 2] != "(":
            return -1
        # The destination, in the order the engine tries it: after all the white space,
        # first <...>, then a bare destination; then, with less white space (a bare
        # destination that is empty), a title or the closing bracket right after.
        start = self.space_end(bracket + 2)
        if text[start : start + 1] == "<":
            close = self.angles.next(start + 1)
            if close >= 0 and (end := self.rest(close + 1)) >= 0:
                return end
        end = self.rest(self.bare_destination_end(start))
        if end < 0 and start > bracket + 2:
            end = self.rest(start - 1)
        return end

    def links(self) -> Iterator[tuple[int, int, int]]:
        """(open bracket, start of target, end of target) of each link, in order."""
        position = 0
        for start in self.brackets.at:
            if start < position or self.text[start] != "[":
                continue
            close = self.text_end(start + 1)
            if close < 0:
                continue
            end = self.target_end(close)
            if end < 0:
                continue
            position = end
            yield start, close, end


_SPACE = re.compile(r"\s*")
_BARE = re.compile(r"[^()\s]*")


def inline_links(text: str) -> Iterator[tuple[int, int, int]]:
    """(open bracket, start of target, end of target) of each inline link ``[text](target)``.

    The same matches as the pattern in :class:`_LinkFinder`'s docstring.
    """
    if "](" not in text:
        return iter(())
    return _LinkFinder(text).links()


def footnote_refs(text: str) -> Iterator[tuple[int, int]]:
    r"""Spans of ``\[\^[^\]\s]+\]:?``."""
    if "[^" not in text:
        return
    stops = _Offsets(text, r"[\]\s]")
    position = 0
    while (start := text.find("[^", position)) >= 0:
        stop = stops.next(start + 2)
        if stop > start + 2 and text[stop] == "]":
            position = stop + 1 + (text[stop + 1 : stop + 2] == ":")
            yield start, position
        else:
            position = start + 1


_EMAIL_START = re.compile(r"\b[\w.+-]")
_EMAIL_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+\b")


def _local_part(char: str) -> bool:
    return char.isalnum() or char in "_.+-"


def emails(text: str) -> Iterator[tuple[int, int]]:
    r"""Spans of ``\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b``.

    Read from each ``@``: every start inside the run of ``[\w.+-]`` before it reaches
    that ``@`` and fails or matches the same way, so the run is read once, not again
    from each of its word breaks.
    """
    position = 0
    while (at := text.find("@", position)) >= 0:
        run = at
        while run > position and _local_part(text[run - 1]):
            run -= 1
        start = _EMAIL_START.search(text, run, at) if run < at else None
        domain = _EMAIL_DOMAIN.match(text, at + 1) if start is not None else None
        if start is not None and domain is not None:
            position = domain.end()
            yield start.start(), position
        else:
            position = at + 1
