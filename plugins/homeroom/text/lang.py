"""The words Homeroom needs to read and write each language, from its own package data.

``homeroom/lang/<code>.yml`` holds, per language: the abbreviations that do not end a
sentence, where to split a long sentence, the abbreviations every family knows, the words
that explain a term ("which means"), the family glossary page's labels, the notices about
a page's language for a site without its own, and the notes of ``homeroom new``. Adding a language is adding its file; no code names a language's words.

The form of these files is :data:`LANG_SCHEMA`; a test reads every file through the rule-data
loader (:mod:`homeroom.data.ruledata`), which names the line of any mistake. Here, below
that layer, the files are read as plain YAML into a typed record, and a wrong value is a
one-line error naming the file and the key path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from homeroom.model.errors import InputError
from homeroom.text.family_words import FAMILY_SCHEMA
from homeroom.text.syllables import base_language

#: The folder of the package that holds one file per language.
LANG_FOLDER = "lang"


def _words(description: str, example: list[str]) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"type": "string", "pattern": r"\S", "description": "a word or phrase"},
        "description": description,
        "examples": [example],
    }


def _text(description: str, example: str) -> dict[str, Any]:
    return {"type": "string", "pattern": r"\S", "description": description, "examples": [example]}


def _section(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "additionalProperties": False,
    }


LANG_SCHEMA: dict[str, Any] = _section(
    "`language:` and the sections `sentences:`, `readability:`, `jargon:`, `glossary_page:`, "
    "`new_page:`, `family:` and `interface:`",
    {
        "language": _text("the language code of the file's name", "en"),
        "sentences": _section(
            "`abbreviations:` and `soft_abbreviations:`",
            {
                "abbreviations": _words(
                    "a list of abbreviations that never end a sentence (lower case, no final dot)",
                    ["mr", "e.g"],
                ),
                "soft_abbreviations": _words(
                    "a list of abbreviations that end a sentence only before a capital",
                    ["etc", "a.m"],
                ),
            },
        ),
        "readability": _section(
            "`split_words:`",
            {"split_words": _words("a list of joining words, best first", ["because", "but"])},
        ),
        "jargon": _section(
            "`known_abbreviations:`, `definition_phrases:` and `definition_phrases_after_comma:`",
            {
                "known_abbreviations": _words(
                    "a list of abbreviations every family knows (lower case)", ["pdf", "tv"]
                ),
                "definition_phrases": _words(
                    "a list of words that explain a term right after it", ["which means"]
                ),
                "definition_phrases_after_comma": _words(
                    "a list of words that explain a term after a comma", ["es decir"]
                ),
            },
        ),
        "glossary_page": {
            **_section(
                "`title:`, `intro:` and `plain:`",
                {
                    "title": _text("the page's title", "Words you may hear at school"),
                    "intro": _text("a few sentences above the words", "Schools use many words."),
                    "plain": _text("the label before the plain words", "In plain words"),
                },
            ),
            "required": ["title", "intro", "plain"],
        },
        "notices": _section(
            "`fallback_title:`, `fallback_body:` and `in_default_language:`",
            {
                key: _text(f"the notice `{key}`, with {{language}}", example)
                for key, example in (
                    ("fallback_title", "This page is in {language}"),
                    ("fallback_body", "It is not yet translated. Here it is in {language}."),
                    ("in_default_language", "in {language}"),
                )
            },
        ),
        "new_page": _section(
            "`to_write:` and `translation_note:`",
            {
                "to_write": _text("the words in front of each note", "To write:"),
                "translation_note": _text(
                    "the note in a new translation's settings, with {language}",
                    "Write this page in {language}.",
                ),
            },
        ),
        # The words around a family page's text: feedback, contacts, handouts.
        "family": FAMILY_SCHEMA,
        # The theme's words Material lacks for this language (homeroom.data.interface).
        "interface": {
            "type": "object",
            "description": "the theme's interface strings, `key: text` (Material's keys)",
            "examples": [{"action.skip": "Skip to content"}],
            "propertyNames": {"pattern": r"^[a-z]+(\.[a-z]+)*$"},
            "additionalProperties": _text("the text of one interface string", "Search"),
        },
    },
)


@dataclass(frozen=True)
class GlossaryLabels:
    """The words of the family glossary page in one language."""

    title: str
    intro: str
    plain: str


@dataclass(frozen=True)
class LanguageWords:
    """Everything Homeroom's code needs to know about one language's words."""

    code: str
    abbreviations: frozenset[str] = frozenset()
    soft_abbreviations: frozenset[str] = frozenset()
    split_words: tuple[str, ...] = ()
    known_abbreviations: frozenset[str] = frozenset()
    definition_phrases: tuple[str, ...] = ()
    definition_phrases_after_comma: tuple[str, ...] = ()
    glossary_page: GlossaryLabels | None = None
    to_write: str | None = None
    translation_note: str | None = None
    notices: Mapping[str, str] = field(default_factory=dict)
    """Notices about a page's language, for a site without ``notices.yml``."""


def lang_folder() -> Traversable:
    """The package folder of the language files."""
    return resources.files("homeroom").joinpath(LANG_FOLDER)


def lang_files() -> dict[str, Traversable]:
    """Language code -> its file, for every language Homeroom has words for."""
    found = {
        entry.name.removesuffix(".yml"): entry
        for entry in lang_folder().iterdir()
        if entry.name.endswith(".yml") and entry.is_file()
    }
    return dict(sorted(found.items()))


def language_data_files() -> list[Path]:
    """The language files as paths on disk (what a check's cached results depend on)."""
    return [Path(str(entry)) for entry in lang_files().values()]


class _Reader:
    """Reads one file's sections; a wrong value is an error naming the file and key path."""

    def __init__(self, display: str, data: Any) -> None:
        if data is not None and not isinstance(data, Mapping):
            raise InputError(display, f"the file: expected {LANG_SCHEMA['description']}.")
        self.display = display
        self.data: Mapping[str, Any] = data or {}

    def _value(self, section: str, key: str) -> Any:
        block = self.data.get(section) or {}
        if not isinstance(block, Mapping):
            raise InputError(self.display, f"`{section}` must be `key: value` lines.")
        return block.get(key)

    def words(self, section: str, key: str) -> tuple[str, ...]:
        value = self._value(section, key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise InputError(self.display, f"`{section}.{key}` must be a list of words.")
        return tuple(" ".join(v.split()) for v in value)

    def text(self, section: str, key: str) -> str | None:
        value = self._value(section, key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InputError(self.display, f"`{section}.{key}` must be text.")
        return " ".join(value.split()) if value is not None else None


def read_language_words(code: str, text: str, display: str) -> LanguageWords:
    """The words of one language file's text."""
    read = _Reader(display, yaml.safe_load(text))
    labels = [read.text("glossary_page", key) for key in ("title", "intro", "plain")]
    return LanguageWords(
        code=code,
        abbreviations=frozenset(w.lower() for w in read.words("sentences", "abbreviations")),
        soft_abbreviations=frozenset(
            w.lower() for w in read.words("sentences", "soft_abbreviations")
        ),
        split_words=read.words("readability", "split_words"),
        known_abbreviations=frozenset(
            w.lower() for w in read.words("jargon", "known_abbreviations")
        ),
        definition_phrases=read.words("jargon", "definition_phrases"),
        definition_phrases_after_comma=read.words("jargon", "definition_phrases_after_comma"),
        glossary_page=GlossaryLabels(*labels) if all(labels) else None,  # type: ignore[arg-type]
        to_write=read.text("new_page", "to_write"),
        translation_note=read.text("new_page", "translation_note"),
        notices={
            key: notice
            for key in ("fallback_title", "fallback_body", "in_default_language")
            if (notice := read.text("notices", key)) is not None
        },
    )


@lru_cache(maxsize=64)
def language_words(language: str) -> LanguageWords:
    """The words of ``language`` (or of its base language: ``es`` for ``es-MX``).

    A language Homeroom has no file for gets empty lists.
    """
    files = lang_files()
    code = language if language in files else base_language(language)
    entry = files.get(code)
    if entry is None:
        return LanguageWords(code=code)
    display = f"homeroom/{LANG_FOLDER}/{entry.name}"
    return read_language_words(code, entry.read_text(encoding="utf-8"), display)


def every_language() -> tuple[LanguageWords, ...]:
    """The words of every language Homeroom has a file for."""
    return tuple(language_words(code) for code in lang_files())
