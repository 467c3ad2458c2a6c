"""Sentence splitting: abbreviations, times, decimals and initials do not split."""

from __future__ import annotations

import pytest

from homeroom.sentences import split, words


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
