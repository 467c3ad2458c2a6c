"""Masking inside one block: blank what a family does not read as words, keep the offsets.

Code spans, comments, template tags (Hugo shortcodes ``{{< >}}`` and ``{{% %}}``, Liquid
and Jinja ``{% %}``, ``{{ }}`` and ``{# #}``), images, link targets, autolinks, HTML tags,
URLs, e-mail addresses, attribute lists, footnote marks, entities, emphasis marks and
escapes become spaces (newlines stay), so an offset in the masked text is the same offset
in the source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from homeroom.text import inline_spans

# Inline constructs that are not prose, in the order they are masked. Earlier masks win:
# a URL inside a code span is already blank when the URL pattern runs. Comments, code
# spans, images, inline links, footnote references and e-mail addresses are found by
# :mod:`homeroom.text.inline_spans` (their patterns are quadratic on some inputs); the rest are
# patterns that read each character a bounded number of times.
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_REF_LINK = re.compile(r"(?P<open>\[)(?P<text>[^\[\]]+)(?P<target>\]\[[^\]]*\])")
_ATTR_LIST = re.compile(r"\{:?\s*(?:[.#][\w-]|[\w-]+=)[^{}]*\}|\{:[^{}]*\}")
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
# `_+(?!\w)` only where a run of underscores starts: from inside a run it fails whenever
# it failed at the run's start, and trying it there read the rest of the run each time.
_EMPHASIS = re.compile(r"\*+|~~|==|\^\^|(?<!\w)_+|(?<!_)_++(?!\w)")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SHORTCODE = re.compile(r"(?<!\S):[a-z0-9][a-z0-9_+-]*:(?!\S)")
#: A character (or the ``www.`` of a bare address) without which no mask below finds
#: anything: a text with none of them is prose as it stands (most table cells are).
_ANY_MASK = re.compile(r"[<{`!\[&*~=^_\\:@]|www\.")


def blank(chars: list[str], start: int, end: int) -> None:
    """Replace chars[start:end] by spaces, keeping newlines."""
    for i in range(max(start, 0), min(end, len(chars))):
        if chars[i] != "\n":
            chars[i] = " "


def _pattern_spans(pattern: re.Pattern[str]) -> Callable[[str], Iterable[tuple[int, int]]]:
    def spans(text: str) -> Iterator[tuple[int, int]]:
        for m in pattern.finditer(text):
            yield m.span()

    return spans


#: Template tags of other site generators, in the order they are looked for: a Hugo
#: shortcode's ``{{<`` also starts a Liquid output tag, so shortcodes come first.
TEMPLATE_TAGS = (("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}"), ("{#", "#}"))
_LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}")
_LIQUID_END_COMMENT = re.compile(r"\{%-?\s*endcomment\s*-?%\}")


def _liquid_comments(text: str) -> Iterator[tuple[int, int]]:
    """``{% comment %} ... {% endcomment %}``: nothing in it is published."""
    pos = 0
    while (start := _LIQUID_COMMENT.search(text, pos)) is not None:
        end = _LIQUID_END_COMMENT.search(text, start.end())
        if end is None:
            return
        yield start.start(), end.end()
        pos = end.end()


def _tag_spans(opener: str, closer: str) -> Callable[[str], Iterator[tuple[int, int]]]:
    def spans(text: str) -> Iterator[tuple[int, int]]:
        # One pass: once a closer is missing, no later opener can be closed either.
        pos = 0
        while (start := text.find(opener, pos)) >= 0:
            end = text.find(closer, start + len(opener))
            if end < 0:
                return
            yield start, end + len(closer)
            pos = end + len(closer)

    return spans


def _link_spans(text: str) -> Iterator[tuple[int, int]]:
    # Link text is prose; the brackets and the target are not.
    for start, target, end in inline_spans.inline_links(text):
        yield start, start + 1
        yield target, end


def _ref_link_spans(text: str) -> Iterator[tuple[int, int]]:
    for m in _REF_LINK.finditer(text):
        yield m.span("open")
        yield m.span("target")


#: What :func:`mask_inline` blanks, in order, each over the text the ones before it left.
_MASKS: tuple[Callable[[str], Iterable[tuple[int, int]]], ...] = (
    inline_spans.comments,
    _liquid_comments,
    *(_tag_spans(opener, closer) for opener, closer in TEMPLATE_TAGS),
    inline_spans.code_spans,
    inline_spans.images,
    _pattern_spans(_AUTOLINK),
    _pattern_spans(_HTML_TAG),
    _link_spans,
    _ref_link_spans,
    inline_spans.footnote_refs,
    _pattern_spans(_ATTR_LIST),
    _pattern_spans(_URL),
    inline_spans.emails,
    _pattern_spans(_SHORTCODE),
    _pattern_spans(_ENTITY),
    _pattern_spans(_EMPHASIS),
    _pattern_spans(_ESCAPE),
)


def mask_inline(text: str) -> str:
    """Mask everything inside one block that a family does not read as words.

    Each mask runs over the text as the masks before it left it; the text is only
    rebuilt after a mask found something (most blocks have no code, link or HTML).
    """
    if _ANY_MASK.search(text) is None:
        return text
    current = text
    chars: list[str] | None = None
    for mask in _MASKS:
        spans = list(mask(current))
        if not spans:
            continue
        if chars is None:
            chars = list(current)
        for start, end in spans:
            blank(chars, start, end)
        current = "".join(chars)
    return current
