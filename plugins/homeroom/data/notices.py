"""Notices shown to families about the language of a page, in the reader's language.

The texts are editorial data (``content/_data/notices.yml``), one set per language, so a
district can word them as its families expect; the file is read through
:mod:`homeroom.data.ruledata` (form: :data:`NOTICES_SCHEMA`). ``{language}`` is replaced by the name of
the page's actual language in the reader's language ("inglés").
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from homeroom.data.ruledata import read_rule_file
from homeroom.model.errors import raise_all
from homeroom.text.lang import every_language

NOTICES_FILE = "notices.yml"
KEYS = ("fallback_title", "fallback_body", "in_default_language")
_LANGUAGE = {
    "pattern": r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$",
    "description": "a language code such as `en` or `es`",
}
_TEXT = {
    "type": "string",
    "description": "the text, in quotes",
    "examples": ["This page is in {language}"],
}
NOTICES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`languages:` with one block of texts per language code",
    "properties": {
        "source": {"type": "string", "description": "where the wording comes from"},
        "languages": {
            "type": "object",
            "description": "one block of texts per language code",
            "examples": [{"en": {"fallback_title": "This page is in {language}"}}],
            "propertyNames": _LANGUAGE,
            "additionalProperties": {
                "type": "object",
                "description": "`key: text` lines: " + ", ".join(f"`{k}`" for k in KEYS),
                "properties": {
                    **{key: _TEXT for key in KEYS},
                    "names": {
                        "type": "object",
                        "description": "language names as this language writes them mid-sentence",
                        "examples": [{"en": "tiếng Anh"}],
                        "propertyNames": _LANGUAGE,
                        "additionalProperties": {**_TEXT, "examples": ["tiếng Anh"]},
                    },
                },
                "additionalProperties": False,
            },
        },
    },
    "required": ["languages"],
    "additionalProperties": False,
}
"""The form of ``notices.yml``."""


def language_name_in(code: str, reader: str) -> str:
    """The name of language ``code`` in language ``reader`` ("inglés" for en in es)."""
    try:
        return str(Locale.parse(code.replace("-", "_")).get_display_name(reader.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        # A reader's language CLDR does not know (Hmong): the English name, not a code.
        from homeroom.model.languages import english_language_name

        return english_language_name(code)


@dataclass(frozen=True)
class Notices:
    """The notice texts, by language."""

    texts: Mapping[str, Mapping[str, str]]
    fallback: str = "en"
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Language names as each reader's language writes them mid-sentence, where Babel's
    differ ("tiếng Anh", not "Tiếng Anh")."""

    def text(self, reader: str, key: str, page_language: str) -> str:
        """The notice ``key`` for a reader of ``reader``, about a page in ``page_language``."""
        by_key = self.texts.get(reader) or self.texts.get(reader.split("-")[0]) or {}
        template = by_key.get(key) or self.texts.get(self.fallback, {}).get(key, "")
        name = (self.names.get(reader) or {}).get(page_language) or language_name_in(
            page_language, reader
        )
        return template.replace("{language}", name)

    def missing(self, languages: tuple[str, ...]) -> list[tuple[str, str]]:
        """(language, key) pairs with no text."""
        return [
            (lang, key)
            for lang in languages
            for key in KEYS
            if not (self.texts.get(lang) or {}).get(key)
        ]


def load_notices(data_dir: Path, project_root: Path | None = None) -> Notices:
    """Read the notices file; without one, the texts Homeroom ships for each language.

    Those are the ``notices`` of the package's language files (``homeroom/lang/<code>.yml``).
    """
    path = data_dir / NOTICES_FILE
    if not path.is_file():
        return Notices(
            {words.code: dict(words.notices) for words in every_language() if words.notices}
        )
    shown = path.as_posix()
    if project_root is not None:
        with contextlib.suppress(ValueError):
            shown = path.resolve().relative_to(project_root.resolve()).as_posix()
    file = read_rule_file(path, shown, NOTICES_SCHEMA)
    raise_all(file.problems)
    out: dict[str, dict[str, str]] = {}
    names: dict[str, dict[str, str]] = {}
    for lang, block in file.data["languages"].items():
        texts = {str(k): str(v) for k, v in block.items() if k != "names"}
        out[str(lang)] = texts
        names[str(lang)] = {str(k): str(v) for k, v in (block.get("names") or {}).items()}
    return Notices(out, names=names)
