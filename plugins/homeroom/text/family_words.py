"""The words Homeroom writes on family pages around the author's text, per language.

The feedback question ("Was this page clear?"), the "Talk to a person" lines, the reasons a
page can be unclear, and the words of a one-page handout come from the ``family:``
section of ``homeroom/lang/<code>.yml`` (form: :data:`FAMILY_SCHEMA`). A language without
them gets the English words; a test makes sure every language file has every key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from homeroom.model.errors import InputError
from homeroom.text.syllables import base_language

#: The reasons a family can give for a page that was not clear, in the order shown.
REASONS = ("words", "missing", "wrong", "language", "other")

_KEYS: dict[str, tuple[str, ...]] = {
    "feedback": (
        "title",
        "yes",
        "no",
        "tell_us",
        "by_text",
        "by_email",
        "by_call",
        "call_say",
        "privacy",
        "message",
    ),
    "contact": ("title", "liaison", "interpreter"),
    "handout": ("scan", "address", "link", "whole_page"),
    "summary": ("to_write",),
}


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "pattern": r"\S", "description": description}


FAMILY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`feedback:`, `reasons:`, `contact:` and `handout:`",
    "properties": {
        **{
            section: {
                "type": "object",
                "description": ", ".join(f"`{k}:`" for k in keys),
                "properties": {k: _text(f"the words for `{k}`") for k in keys},
                "required": list(keys),
                "additionalProperties": False,
            }
            for section, keys in _KEYS.items()
        },
        "reasons": {
            "type": "object",
            "description": ", ".join(f"`{k}:`" for k in REASONS),
            "properties": {k: _text(f"the reason `{k}`") for k in REASONS},
            "required": list(REASONS),
            "additionalProperties": False,
        },
    },
    "required": [*_KEYS, "reasons"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class FamilyWords:
    """The words of one language: ``words.get("feedback", "title")``, ``words.reason("words")``."""

    code: str
    texts: Mapping[str, Mapping[str, str]]

    def get(self, section: str, key: str, **values: str) -> str:
        """One text, with ``{name}`` parts filled in from ``values``."""
        text = self.texts.get(section, {}).get(key, "")
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text

    def reason(self, code: str) -> str:
        """The words for one reason a page was not clear."""
        return self.get("reasons", code)


def read_family_words(code: str, data: Any, display: str) -> FamilyWords | None:
    """The ``family:`` section of one language file's parsed data (None when it has none)."""
    section = data.get("family") if isinstance(data, Mapping) else None
    if section is None:
        return None
    texts: dict[str, dict[str, str]] = {}
    for name, keys in {**_KEYS, "reasons": REASONS}.items():
        block = section.get(name) if isinstance(section, Mapping) else None
        if not isinstance(block, Mapping):
            raise InputError(display, f"`family.{name}` must be `key: text` lines.")
        texts[name] = {}
        for key in keys:
            value = block.get(key)
            if not isinstance(value, str) or not value.strip():
                raise InputError(display, f"`family.{name}.{key}` must be text.")
            texts[name][key] = " ".join(value.split())
    return FamilyWords(code, texts)


@lru_cache(maxsize=64)
def family_words(language: str) -> FamilyWords:
    """The family words of ``language`` (or its base language), else the English ones."""
    from homeroom.text.lang import LANG_FOLDER, lang_files

    files = lang_files()
    for code in (language, base_language(language), "en"):
        entry = files.get(code)
        if entry is None:
            continue
        display = f"homeroom/{LANG_FOLDER}/{entry.name}"
        words = read_family_words(code, yaml.safe_load(entry.read_text("utf-8")), display)
        if words is not None:
            return words
    return FamilyWords(language, {})
