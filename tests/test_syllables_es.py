"""The Spanish syllabifier against a hand-checked table and the rules it must follow."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homeroom.text.syllables_es import count, syllabify

TABLE = Path(__file__).resolve().parent / "data" / "es_syllables.tsv"


def _rows() -> list[tuple[str, str, int]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        assert reader.fieldnames == ["word", "syllables", "count"]
        return [(row["word"], row["syllables"], int(row["count"])) for row in reader]


ROWS = _rows()


def test_table_is_big_and_consistent() -> None:
    assert len(ROWS) >= 220
    assert len({word for word, _, _ in ROWS}) == len(ROWS)
    for word, syllables, n in ROWS:
        assert syllables.replace("-", "") == word
        assert syllables.count("-") + 1 == n


@pytest.mark.parametrize(("word", "syllables", "n"), ROWS, ids=[row[0] for row in ROWS])
def test_table(word: str, syllables: str, n: int) -> None:
    assert "-".join(syllabify(word)) == syllables
    assert count(word) == n


@pytest.mark.parametrize(
    ("word", "n"),
    [("día", 2), ("país", 2), ("leer", 2), ("ciudad", 2), ("guion", 1)],
)
def test_named_cases(word: str, n: int) -> None:
    assert count(word) == n


@pytest.mark.parametrize("text", ["", "123", "---", " ", "3.14", "¿?", "\u0301"])
def test_no_letters_count_zero(text: str) -> None:
    assert count(text) == 0
    assert "".join(syllabify(text)) == text


@pytest.mark.parametrize("word", ["TV", "km", "h", "pst", "Y"])
def test_words_without_vowels_count_one(word: str) -> None:
    assert count(word) == 1
    assert syllabify(word) == [word]


def test_hyphens_and_digits_keep_the_text_and_count_letter_parts() -> None:
    assert syllabify("auto-escuela") == ["au", "to-", "es", "cue", "la"]
    assert count("auto-escuela") == 5
    assert count("COVID-19") == 2
    assert syllabify("3er") == ["3er"]
    assert count("3er") == 1
    assert syllabify("¡Hola!") == ["¡Ho", "la!"]


def test_decomposed_accents_act_like_composed_ones() -> None:
    decomposed = "di\u0301a"
    assert syllabify(decomposed) == ["di\u0301", "a"]
    assert count("pai\u0301s") == 2


def test_capitals_do_not_change_the_split() -> None:
    for word, syllables, _ in ROWS:
        assert "-".join(syllabify(word.upper())) == syllables.upper()


@given(st.text())
def test_never_raises_and_keeps_every_character(text: str) -> None:
    parts = syllabify(text)
    assert "".join(parts) == text
    n = count(text)
    assert n >= 0
    assert (n == 0) == (not any(char.isalpha() for char in text))
