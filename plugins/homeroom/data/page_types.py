"""Page types as data: the kinds of page a site publishes and the sections each must have.

The data lives in ``content/_data/page-types.yml`` so district staff can edit it without
code; its form is :mod:`homeroom.data.page_types_schema`, read through
:mod:`homeroom.data.ruledata`. Every mistake in it is reported at once, each one line naming
the file, the line, the type and the field. The ``pagetypes`` check (:mod:`homeroom.checks.pagetypes`) and ``homeroom new``
(:mod:`homeroom.pages.scaffold`) both read it through :func:`load_page_types`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from homeroom.data.page_types_schema import PAGE_TYPES_SCHEMA
from homeroom.data.ruledata import RuleFile, read_rule_file, rule_file_from_data
from homeroom.model.errors import InputError, raise_all
from homeroom.text.syllables import base_language

#: The data file's name inside ``content/_data`` unless the plugin option ``types`` says otherwise.
PAGE_TYPES_FILE = "page-types.yml"


@dataclass(frozen=True)
class Section:
    """One required section: its heading id and its heading text per language."""

    id: str
    headings: Mapping[str, str]
    write: Mapping[str, str]

    def heading(self, language: str) -> str:
        """The heading in ``language`` (or its base language), else in English, else any."""
        return _in_language(self.headings, language)

    def guidance(self, language: str) -> str:
        """What an author writes in this section, in ``language`` when the data has it."""
        return _in_language(self.write, language) if self.write else ""


@dataclass(frozen=True)
class PageType:
    """One kind of page."""

    name: str
    essential: bool
    source: str
    sections: tuple[Section, ...]

    def rank(self, section_id: str) -> int | None:
        """The position of a required section, or None if ``section_id`` is not required."""
        for index, section in enumerate(self.sections):
            if section.id == section_id:
                return index
        return None


@dataclass(frozen=True)
class PageTypes:
    """Every page type of a site, read from one file."""

    display: str
    types: Mapping[str, PageType]
    digest: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The type names, sorted."""
        return tuple(sorted(self.types))

    def get(self, name: str) -> PageType | None:
        """The type called ``name``, or None."""
        return self.types.get(name)


def _in_language(texts: Mapping[str, str], language: str) -> str:
    for code in (language, base_language(language), "en"):
        if code in texts:
            return texts[code]
    return next(iter(texts.values()))


def parse_page_types(raw: Any, display: str, digest: str = "") -> PageTypes:
    """Validate the data of a page-types file (already parsed, no lines); raise every mistake."""
    file = rule_file_from_data(raw, display, PAGE_TYPES_SCHEMA)
    types = read_page_types(file, digest)
    raise_all(file.problems)
    return types


def _texts(raw: Mapping[str, str] | None) -> dict[str, str]:
    return {str(code): " ".join(text.split()) for code, text in (raw or {}).items()}


def read_page_types(file: RuleFile, digest: str = "") -> PageTypes:
    """The page types in a checked file; each section id must be new within its type."""
    types: dict[str, PageType] = {}
    for name, body in (file.value(["types"]) or {}).items():
        if not isinstance(body, Mapping):
            continue
        seen: dict[str, int] = {}
        for index, item in enumerate(body.get("sections") or []):
            section_id = item.get("id") if isinstance(item, Mapping) else None
            if not isinstance(section_id, str):
                continue
            if section_id in seen:
                path = ["types", name, "sections", index, "id"]
                file.fail(
                    path,
                    f"a new id: `{section_id}` is already used by another section of this type"
                    + file.on_line(["types", name, "sections", seen[section_id], "id"]),
                )
            seen.setdefault(section_id, index)
        if not file.valid(["types", name]):
            continue
        sections = tuple(
            Section(
                id=item["id"], headings=_texts(item["heading"]), write=_texts(item.get("write"))
            )
            for item in body["sections"]
        )
        types[name] = PageType(
            name, bool(body.get("essential", False)), " ".join(body["source"].split()), sections
        )
    return PageTypes(display=file.display, types=types, digest=digest)


def load_page_types(path: Path, display: str | None = None) -> PageTypes:
    """Read and validate a page-types file; any problem is a one-line error with its line."""
    shown = display or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(
            shown,
            "this file does not exist. It lists the page types and their sections; "
            "copy it from the bundled site or remove homeroom/pagetypes from mkdocs.yml.",
        ) from None
    except UnicodeDecodeError:
        raise InputError(shown, "this file is not saved as UTF-8 text.") from None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    file = read_rule_file(path, shown, PAGE_TYPES_SCHEMA, text=text)
    types = read_page_types(file, digest)
    raise_all(sorted(file.problems, key=lambda e: e.line or 0))
    return types
