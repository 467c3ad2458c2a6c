"""Notices shown to families about the language of a page, in the reader's language.

The texts are editorial data (``content/_data/notices.yml``), one set per language, so a
district can word them as its families expect. ``{language}`` is replaced by the name of
the page's actual language in the reader's language ("inglés").
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError

from homeroom.data.yamlfiles import read_yaml
from homeroom.model.errors import InputError

NOTICES_FILE = "notices.yml"
KEYS = ("fallback_title", "fallback_body", "in_default_language")


def language_name_in(code: str, reader: str) -> str:
    """The name of language ``code`` in language ``reader`` ("inglés" for en in es)."""
    try:
        return str(Locale.parse(code.replace("-", "_")).get_display_name(reader.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        return code


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
    """Read the notices file; a missing file gives the built-in English texts only."""
    path = data_dir / NOTICES_FILE
    if not path.is_file():
        return Notices(
            {
                "en": {
                    "fallback_title": "This page is in {language}",
                    "fallback_body": "It is not yet translated. Here it is in {language}.",
                    "in_default_language": "in {language}",
                }
            }
        )
    shown = path.as_posix()
    if project_root is not None:
        with contextlib.suppress(ValueError):
            shown = path.resolve().relative_to(project_root.resolve()).as_posix()
    data = read_yaml(path, shown)
    texts = data.get("languages") if isinstance(data, Mapping) else None
    if not isinstance(texts, Mapping):
        raise InputError(shown, "expected `languages:` with one block of texts per language code.")
    out: dict[str, dict[str, str]] = {}
    names: dict[str, dict[str, str]] = {}
    for lang, block in texts.items():
        block = dict(block) if isinstance(block, Mapping) else block
        lang_names = block.pop("names", {}) if isinstance(block, dict) else {}
        if (
            not isinstance(block, Mapping)
            or not all(isinstance(v, str) for v in block.values())
            or not isinstance(lang_names, Mapping)
        ):
            raise InputError(shown, f"languages > {lang}: expected `key: text` lines.")
        out[str(lang)] = {str(k): str(v) for k, v in block.items()}
        names[str(lang)] = {str(k): str(v) for k, v in lang_names.items()}
    return Notices(out, names=names)
