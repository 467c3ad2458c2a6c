"""The form of the page-types file (``content/_data/page-types.yml``)."""

from __future__ import annotations

from typing import Any

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_LANGUAGE = r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$"


def _per_language(description: str, example: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "object",
        "minProperties": 1,
        "description": f"{description}, one line per language: `en: ...` and `es: ...` on "
        "their own lines",
        "examples": [example],
        "propertyNames": {
            "pattern": _LANGUAGE,
            "description": "a language code such as `en` or `es`",
        },
        "additionalProperties": {
            "type": "string",
            "pattern": r"\S",
            "description": "the text in that language",
        },
    }


SECTION: dict[str, Any] = {
    "type": "object",
    "title": "section",
    "description": "a section: `id:` and `heading:` lines (and `write:`)",
    "examples": [{"id": "math", "heading": {"en": "Math", "es": "Matemáticas"}}],
    "properties": {
        "id": {
            "type": "string",
            "pattern": _SLUG,
            "description": "a heading id in small letters and dashes",
            "examples": ["help-at-home"],
        },
        "heading": _per_language("the heading", {"en": "Math", "es": "Matemáticas"}),
        "write": _per_language(
            "one line for the author saying what goes in the section",
            {"en": "What your child learns in math this year."},
        ),
    },
    "required": ["id", "heading"],
    "additionalProperties": False,
}

PAGE_TYPE: dict[str, Any] = {
    "type": "object",
    "description": "`source:` and `sections:` lines",
    "examples": [{"source": "ESSA section 1111(h)", "sections": []}],
    "properties": {
        "essential": {"type": "boolean", "description": "`true` or `false`"},
        "source": {
            "type": "string",
            "pattern": r"\S",
            "description": "where the sections come from",
            "examples": ["ESSA section 1111(h)"],
        },
        "sections": {
            "type": "array",
            "description": "a list of sections (`- id: math` ...), or `[]` for none",
            "items": SECTION,
        },
    },
    "required": ["source", "sections"],
    "additionalProperties": False,
}

PAGE_TYPES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`key: value` lines: `types:` followed by one entry per page type",
    "properties": {
        "types": {
            "type": "object",
            "minProperties": 1,
            "description": "at least one page type: `home:` with its `source:` and `sections:` "
            "indented below it",
            "propertyNames": {
                "pattern": _SLUG,
                "description": "a name in small letters and dashes, such as `grade-expectations`",
            },
            "additionalProperties": PAGE_TYPE,
        },
    },
    "required": ["types"],
    "additionalProperties": False,
}
