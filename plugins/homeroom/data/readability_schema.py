"""The form of the readability limits file (``content/_data/readability.yml``)."""

from __future__ import annotations

from typing import Any

from homeroom.text.measures import MEASURES

_LANGUAGE_KEY = {
    "pattern": r"^(default|[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)$",
    "description": "a language code such as `en` or `es`, or `default` for the languages "
    "not listed",
}
_NAME = {
    "type": "string",
    "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "description": "a name in small letters and dashes",
    "examples": ["report-card"],
}


def _whole(description: str, example: int) -> dict[str, Any]:
    return {
        "type": "integer",
        "minimum": 0,
        "description": f"{description}: a whole number, 0 or more",
        "examples": [example],
    }


def _number(description: str, example: float) -> dict[str, Any]:
    return {
        "type": "number",
        "minimum": 0,
        "description": f"{description}: a number, 0 or more",
        "examples": [example],
    }


_MEASURE = {
    "enum": list(MEASURES),
    "description": "one of " + ", ".join(MEASURES),
}

PROFILE: dict[str, Any] = {
    "type": "object",
    "title": "profile",
    "description": "a profile's limits as `key: value` lines (`page:`, `sentence_words:` ...)",
    "properties": {
        "extends": {**_NAME, "description": "the name of another profile this one starts from"},
        "sentence_words": {
            "type": "object",
            "description": "sentence lengths per language",
            "examples": [{"en": {"hard": 20, "very_hard": 30}}],
            "propertyNames": _LANGUAGE_KEY,
            "additionalProperties": {
                "type": "object",
                "description": "two whole numbers of words",
                "examples": [{"hard": 20, "very_hard": 30}],
                "properties": {
                    "hard": _whole("the words that make a sentence hard (a warning)", 20),
                    "very_hard": _whole("the words that make it very hard (an error)", 30),
                },
                "required": ["hard", "very_hard"],
                "additionalProperties": False,
            },
        },
        "sentence_difficulty": {
            "type": "object",
            "description": "per language, the score that makes one sentence hard",
            "examples": [{"en": {"measure": "flesch-kincaid-grade", "hard": 10, "very_hard": 14}}],
            "propertyNames": _LANGUAGE_KEY,
            "additionalProperties": {
                "type": "object",
                "description": "a measure and two scores",
                "examples": [{"measure": "flesch-kincaid-grade", "hard": 10, "very_hard": 14}],
                "properties": {
                    "measure": _MEASURE,
                    "hard": _number("the score of a hard sentence", 10),
                    "very_hard": _number("the score of a very hard sentence", 14),
                    "min_words": _whole("the fewest words a sentence needs to be scored", 8),
                },
                "required": ["measure", "hard", "very_hard"],
                "additionalProperties": False,
            },
        },
        "page": {
            "type": "object",
            "description": "per language, a list of page limits (the first is the main one)",
            "examples": [{"en": [{"measure": "flesch-kincaid-grade", "limit": 6}]}],
            "propertyNames": _LANGUAGE_KEY,
            "additionalProperties": {
                "type": "array",
                "minItems": 1,
                "description": "a list of limits",
                "examples": [[{"measure": "flesch-kincaid-grade", "limit": 6}]],
                "items": {
                    "type": "object",
                    "description": "a measure and its limit",
                    "examples": [{"measure": "flesch-kincaid-grade", "limit": 6}],
                    "properties": {
                        "measure": _MEASURE,
                        "limit": _number("the score a page must not pass", 6),
                    },
                    "required": ["measure", "limit"],
                    "additionalProperties": False,
                },
            },
        },
        "paragraph_words": _whole("the most words in a paragraph", 100),
        "min_words": _whole("the fewest words a page needs for a page score", 100),
    },
    "additionalProperties": False,
}

READABILITY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`profiles:` with one profile per kind of page",
    "examples": [{"profiles": {"family": {"page": {"default": []}}}}],
    "properties": {
        "source": {"type": "string", "description": "where the limits come from"},
        "default_profile": {
            **_NAME,
            "description": "the profile of pages with no `type:`",
            "examples": ["family"],
        },
        "page_types": {
            "type": "object",
            "description": "page types and the profile each uses",
            "examples": [{"report-card": "report-card"}],
            "propertyNames": {**_NAME, "description": "a page type's name"},
            "additionalProperties": {**_NAME, "description": "the name of a profile"},
        },
        "profiles": {
            "type": "object",
            "description": "one profile per kind of page",
            "examples": [{"family": {"page": {"default": []}}}],
            "propertyNames": {**_NAME, "description": "a profile's name"},
            "additionalProperties": PROFILE,
        },
    },
    "required": ["profiles"],
    "additionalProperties": False,
}
