"""Salutations and sign-offs: the lines that open and close a letter to families.

"Dear families," and "Sincerely," are read by families, so they are still checked for
jargon, but they are not sentences of the page: counting them made a letter's page score
look easier than its prose, and a salutation on the line above a paragraph ran into the
paragraph's first sentence. The words are package data (``homeroom/rules/letter_parts.yml``,
in the form of :data:`LETTER_PARTS_SCHEMA`), for every language at once: a page's lines are
matched against all of them, since a letter may greet families in two languages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

#: The package file with the words.
LETTER_PARTS_FILE = "letter_parts.yml"

#: Words after a salutation's opening word ("Dear" + "Families of Room 12").
SALUTATION_WORDS = 8

_PHRASES = {
    "type": "object",
    "description": "lists of phrases by language code",
    "additionalProperties": {
        "type": "array",
        "items": {"type": "string", "pattern": r"\S", "description": "a phrase"},
        "description": "a list of phrases",
    },
    "examples": [{"en": ["dear"], "es": ["estimadas"]}],
}
LETTER_PARTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`source:`, `salutations:` and `sign_offs:`",
    "properties": {
        "source": {"type": "string", "pattern": r"\S", "description": "where the words come from"},
        "salutations": _PHRASES,
        "sign_offs": _PHRASES,
    },
    "required": ["source", "salutations", "sign_offs"],
    "additionalProperties": False,
}


def letter_parts_file() -> Any:
    """The package file with the words (a Traversable)."""
    return resources.files("homeroom").joinpath("rules").joinpath(LETTER_PARTS_FILE)


def _alternatives(phrases: list[str]) -> str:
    # Longest first, so "sincerely yours" wins over "sincerely"; spaces match any blank.
    ordered = sorted({p.strip().lower() for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = yaml.safe_load(letter_parts_file().read_text(encoding="utf-8"))
    hello = [p for words in data["salutations"].values() for p in words]
    bye = [p for words in data["sign_offs"].values() for p in words]
    salutation = re.compile(
        rf"(?:{_alternatives(hello)})(?![\w’'-])(?:[ \t]+[^\s!?¿¡,:;]+){{0,{SALUTATION_WORDS}}}"
        r"[ \t]*[,:!،]",
        re.IGNORECASE,
    )
    sign_off = re.compile(rf"(?:{_alternatives(bye)})[ \t]*[,.!،]?", re.IGNORECASE)
    return salutation, sign_off


def is_salutation(line: str) -> bool:
    """Whether a whole line is a salutation: ``Dear families,``, ``Estimadas familias:``."""
    text = line.strip().lstrip("¡")
    return bool(text) and _patterns()[0].fullmatch(text) is not None


def is_sign_off(line: str) -> bool:
    """Whether a whole line is a sign-off: ``Sincerely,``, ``Atentamente,``, ``Thank you!``."""
    text = line.strip().lstrip("¡")
    return bool(text) and _patterns()[1].fullmatch(text) is not None
