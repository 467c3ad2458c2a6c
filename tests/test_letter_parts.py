"""Salutations and sign-offs: the package data is well formed, and lines are read as such."""

from __future__ import annotations

from pathlib import Path

import pytest

from homeroom.data.ruledata import read_rule_file
from homeroom.text.letter_parts import (
    LETTER_PARTS_SCHEMA,
    is_salutation,
    is_sign_off,
    letter_parts_file,
)


def test_the_shipped_letter_parts_file_has_no_mistakes() -> None:
    file = read_rule_file(
        Path(str(letter_parts_file())), "homeroom/rules/letter_parts.yml", LETTER_PARTS_SCHEMA
    )
    assert file.problems == []


@pytest.mark.parametrize(
    ("line", "salutation", "sign_off"),
    [
        ("Dear Family Member,", True, False),
        ("Dear Parents/Guardians:", True, False),
        ("Dear Dr. Lee,", True, False),
        ("Hello Lions Families!", True, False),
        ("Estimadas familias:", True, False),
        ("¡Hola, familias!", False, False),
        ("Queridos padres y madres de familia,", True, False),
        ("Sincerely,", False, True),
        ("Best regards,", False, True),
        ("Thank you!", False, True),
        ("Atentamente,", False, True),
        ("Saludos cordiales,", False, True),
        ("Dear families, we are glad you are here.", False, False),
        ("Thank you for reading with your child.", False, False),
        ("Hello, and welcome to second grade!", False, False),
        ("Deer season starts soon,", False, False),
    ],
)
def test_lines(line: str, salutation: bool, sign_off: bool) -> None:
    assert is_salutation(line) is salutation
    assert is_sign_off(line) is sign_off
