"""Sentence splitting: abbreviations, times, decimals and initials do not split."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homeroom.text import sentences
from homeroom.text.sentences import WordIndex, split, words


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Meet Dr. Lee at 3:30 p.m. on Monday. Bring a snack.",
            ["Meet Dr. Lee at 3:30 p.m. on Monday.", "Bring a snack."],
        ),
        ("en", "We start at 8 a.m. Bring lunch.", ["We start at 8 a.m.", "Bring lunch."]),
        ("en", "It costs $3.50 a day. That is all.", ["It costs $3.50 a day.", "That is all."]),
        ("en", "Ask J. R. Smith. She knows.", ["Ask J. R. Smith.", "She knows."]),
        (
            "en",
            "Bring pencils, paper, e.g. a notebook. Thanks!",
            ["Bring pencils, paper, e.g. a notebook.", "Thanks!"],
        ),
        ("en", "Is your child happy? Tell us.", ["Is your child happy?", "Tell us."]),
        ("en", "Read together every day", ["Read together every day"]),
        ("en", "Go.", ["Go."]),
        (
            "es",
            "Hable con la Sra. García. ¿Tiene preguntas? Llame hoy.",
            ["Hable con la Sra. García.", "¿Tiene preguntas?", "Llame hoy."],
        ),
        ("es", "Vea la pág. 4 del folleto. ¡Gracias!", ["Vea la pág. 4 del folleto.", "¡Gracias!"]),
        ("zh", "第一句。第二句！", ["第一句。", "第二句！"]),
        ("ar", "هل لديك سؤال؟ اتصل بنا.", ["هل لديك سؤال؟", "اتصل بنا."]),
        # A small letter before a full stop is a word, not an initial (Haitian Creole).
        (
            "ht",
            "Pale ak pwofesè a. Li la pou ou. Ekri J. Pòl.",
            ["Pale ak pwofesè a.", "Li la pou ou.", "Ekri J. Pòl."],
        ),
    ],
)
def test_split(language: str, text: str, expected: list[str]) -> None:
    assert [s.text for s in split(text, language)] == expected


def test_offsets_point_into_the_text() -> None:
    text = "  First one. Second one.  "
    for sentence in split(text):
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("don't stop", 2),
        ("well-being matters", 2),
        ("3 in 10 students", 4),
        ("", 0),
        ("¿Qué día?", 2),
    ],
)
def test_words(text: str, count: int) -> None:
    assert len(words(text)) == count


# The splitter as it was before it read the word before a full stop backwards: the new
# one must split every text exactly where this one did.
_OLD_TOKEN_BEFORE = re.compile(r"(\S+)$")


def _old_split(text: str, language: str) -> list[tuple[int, int]]:
    found = []
    start = 0
    for m in sentences._CANDIDATE_RE.finditer(text):
        end = m.end()
        stop = m.group().rstrip("\"'”’)]»")
        if not any(ch in sentences._FULL_WIDTH_STOPS for ch in stop):
            nxt = sentences._NEXT_STARTS_SENTENCE.match(text, end)
            if nxt is None:
                continue
            next_char = text[nxt.end() - 1]
            if next_char.islower():
                continue
            if stop == ".":
                before = _OLD_TOKEN_BEFORE.search(text, 0, m.start())
                token = (before.group(1) if before else "") + "."
                if sentences._is_abbreviation(token, language, next_char):
                    continue
        found.extend((s.start, s.end) for s in sentences._emit(text, start, end))
        start = end
    found.extend((s.start, s.end) for s in sentences._emit(text, start, len(text)))
    return found


_PIECES = st.sampled_from(
    [
        *"Dr dr e.g U.S a.m etc J word Word 3 ¿Qué 。 ؟".split(),
        ".",
        ". ",
        "? ",
        "! ",
        "\n",
        "\n\n",
        " ",
        "  ",
        '" ',
        "(",
        ")",
        "…",
        "\t",
    ]
)


@given(st.lists(_PIECES, max_size=40).map("".join), st.sampled_from(["en", "es", "fr"]))
@settings(max_examples=400)
def test_split_is_where_the_old_splitter_split(text: str, language: str) -> None:
    assert [(s.start, s.end) for s in split(text, language)] == _old_split(text, language)


def test_a_paragraph_of_many_sentences_is_split_in_one_pass() -> None:
    # Every full stop once looked back at the whole paragraph from its start.
    text = "Ask Dr. Lee about it. Bring a pen. " * 20_000
    found = list(split(text, "en"))
    assert len(found) == 40_000
    assert found[-1].text == "Bring a pen."


@given(st.text(alphabet="ab -'’,\n", max_size=30), st.integers(0, 31))
def test_word_index_counts_what_words_finds_on_each_side(text: str, offset: int) -> None:
    offset = min(offset, len(text))
    index = WordIndex.of(text)
    assert index.count_before(offset) == len(words(text[:offset]))
    assert index.count_after(offset) == len(words(text[offset:]))
