"""A page's source with its code blanked out: what the page shows as an example, not runs.

A page may show HTML or a ``homeroom allow`` comment as an example, inside a fenced or
indented code block or a code span. The published page shows that text as it is, so the
checks that look for live HTML or comments read this masked copy: every character of
code is a space (newlines kept), so an offset is the same offset in the file and a
finding names the exact line and column to edit.

Blocks come from the page's markdown-it tokens (parsed once per page, shared with the
prose); code spans are found inside the lines of each paragraph, heading, table row and
admonition title, never inside raw HTML blocks, where backticks are plain characters.
"""

from __future__ import annotations

import re

from homeroom.model.memo import Memo
from homeroom.text import prose
from homeroom.text.inline_spans import code_spans

# A code span: a run of backticks, then anything, then a run of the same length.
_NEWLINE = re.compile("\n")

_MASKED: Memo[str, str] = Memo(16)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def mask_code(text: str) -> str:
    """``text`` with fenced and indented code blocks and code spans replaced by spaces."""
    found = _MASKED.get(text)
    if found is not None:
        return found
    if "`" not in text and "    " not in text and "\t" not in text and "~~~" not in text:
        _MASKED.put(text, text)
        return text
    starts = (0, *(m.end() for m in _NEWLINE.finditer(text)))

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else len(text)

    chars = list(text)
    inline_ranges: set[tuple[int, int]] = set()
    for token in prose.tokens(text):
        if token.map is None:
            continue
        first, last = token.map
        if token.type in ("fence", "code_block"):
            _blank(chars, offset(first), offset(last))
        elif token.type == "inline":
            inline_ranges.add((first, last))
    for first, last in sorted(inline_ranges):
        start, end = offset(first), offset(last)
        # A scanner that reads each run of backticks once (the pattern it replaces could
        # take far longer than linear on hostile text).
        for span_start, span_end in code_spans(text[start:end]):
            _blank(chars, start + span_start, start + span_end)
    masked = "".join(chars)
    _MASKED.put(text, masked)
    return masked
