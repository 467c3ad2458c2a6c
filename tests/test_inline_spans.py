"""The linear scanners find exactly what the regular expressions they replace find.

Each pattern below is the one masking used before (quadratic on some inputs); the
scanners must agree with it on any text, and stay fast on the inputs that made it slow.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homeroom.text import inline_mask, inline_spans, prose, sentences

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
INLINE_LINK = re.compile(
    r"(?P<open>\[)(?P<text>(?:[^\[\]]|\[[^\]]*\])*)"
    r"(?P<target>\]\(\s*(?:<[^>]*>|[^()\s]*(?:\([^()\s]*\))?[^()\s]*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\))"
)
FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]:?")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
EMPHASIS = re.compile(r"\*+|~~|==|\^\^|(?<!\w)_+|_+(?!\w)")
ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
CANDIDATE = re.compile(r"[.!?…。！？؟]+[\"'”’)\]»]*(?=\s|$)|[。！？؟]+")


def pieces(*parts: str) -> st.SearchStrategy[str]:
    """Texts glued from these pieces: the characters that matter, and a few others."""
    return st.lists(st.sampled_from([*parts, "a", "b", " ", "\n"]), max_size=30).map("".join)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


SCANNERS: list[
    tuple[str, Callable[[str], Iterable[tuple[int, int]]], re.Pattern[str], tuple[str, ...]]
] = [
    ("comment", inline_spans.comments, COMMENT, ("<!--", "-->", "<", "!", "-", ">")),
    ("code span", inline_spans.code_spans, CODE_SPAN, ("`", "``", "```", "x")),
    ("image", inline_spans.images, IMAGE, ("![", "!", "[", "]", "(", ")", "](")),
    ("footnote", inline_spans.footnote_refs, FOOTNOTE_REF, ("[^", "[", "^", "]", "]:", ":", "\t")),
    ("e-mail", inline_spans.emails, EMAIL, ("@", ".", "+", "-", "_", "é", "1", "a.b@c.d")),
]


@pytest.mark.parametrize(
    ("name", "scanner", "pattern", "parts"), SCANNERS, ids=[s[0] for s in SCANNERS]
)
@settings(max_examples=300)
@given(data=st.data())
def test_scanner_finds_what_the_pattern_finds(
    name: str,
    scanner: Callable[[str], Iterable[tuple[int, int]]],
    pattern: re.Pattern[str],
    parts: tuple[str, ...],
    data: st.DataObject,
) -> None:
    text = data.draw(pieces(*parts))
    assert list(scanner(text)) == spans(pattern, text)


LINK_PARTS = ("[", "]", "(", ")", "](", "<", ">", '"', "'", "\t", "[a]", "x")


@settings(max_examples=1500)
@given(pieces(*LINK_PARTS))
def test_inline_links_are_what_the_pattern_finds(text: str) -> None:
    expected = [(m.start(), m.start("target"), m.end()) for m in INLINE_LINK.finditer(text)]
    assert list(inline_spans.inline_links(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        '[a](  "t b")',
        "[a](<x> 'y')",
        "[a](x(y)z)",
        "[a [b] c](d)",
        "[[a](b)",
        "[a](b",
        "[a]( )",
        "[a](<b)>)",
        '[a](b "c" )',
        "[x](y (z))",
    ],
)
def test_inline_links_on_the_tricky_cases(text: str) -> None:
    expected = [(m.start(), m.start("target"), m.end()) for m in INLINE_LINK.finditer(text)]
    assert list(inline_spans.inline_links(text)) == expected


@settings(max_examples=300)
@given(pieces("_", "__", "*", "~~", "==", "^^", "é", "-"))
def test_emphasis_pattern_matches_as_before(text: str) -> None:
    assert spans(inline_mask._EMPHASIS, text) == spans(EMPHASIS, text)


@settings(max_examples=300)
@given(pieces("#", "##", " ", "\t", "x"))
def test_closing_hashes_pattern_matches_as_before(text: str) -> None:
    line = text.replace("\n", " ")
    old, new = ATX_CLOSE.search(line), prose._ATX_CLOSE.search(line)
    assert (old.span() if old else None) == (new.span() if new else None)


@settings(max_examples=300)
@given(pieces(".", "!", "?", "…", "。", "？", '"', ")", "»", "..."))
def test_sentence_stops_are_found_as_before(text: str) -> None:
    assert spans(sentences._CANDIDATE_RE, text) == spans(CANDIDATE, text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("comments that never close", "word <!-- " * 40_000),
        ("link text that never closes", "[word " * 40_000),
        ("inner brackets before one close", "[a " * 40_000 + "]"),
        ("images that never close", "![word " * 40_000),
        ("image targets that never close", "![w](word " * 40_000),
        ("a link target that never closes", "[a](" + "x" * 200_000 + " y"),
        ("titles that never close", '[a](b "' * 40_000),
        ("footnote marks without spaces", "[^" * 100_000),
        ("dotted letters", ".".join(["a"] * 100_000)),
        ("backtick runs of every length", " ".join("`" * n for n in range(1, 600))),
    ],
)
def test_hostile_blocks_are_masked_in_one_pass(name: str, text: str) -> None:
    # Each of these took the patterns above minutes or hours; masking must still blank
    # exactly the marks while keeping every offset.
    masked = inline_mask.mask_inline(text)
    assert len(masked) == len(text)
    assert set(masked) <= set(text) | {" "}


def test_a_long_run_of_stops_is_split_in_one_pass() -> None:
    text = "Wait" + "." * 200_000 + "x and more"
    assert [s.text for s in sentences.split(text)] == [text]
