"""Page types as data: the kinds of page a site publishes and the sections each must have.

The data lives in ``content/_data/page-types.yml`` so district staff can edit it without
code. A mistake in it is a one-line error naming the file, the line, the type and the
field. The ``pagetypes`` check (:mod:`homeroom.checks.pagetypes`) and ``homeroom new``
(:mod:`homeroom.pages.scaffold`) both read it through :func:`load_page_types`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from homeroom.data.yamlfiles import error_position
from homeroom.model.errors import InputError
from homeroom.text.syllables import base_language

#: The data file's name inside ``content/_data`` unless the plugin option ``types`` says otherwise.
PAGE_TYPES_FILE = "page-types.yml"

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")
_TYPE_FIELDS = ("essential", "source", "sections")
_SECTION_FIELDS = ("id", "heading", "write")


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


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping key and list item."""


class _Located(dict[Any, Any]):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line = 0
    key_lines: dict[Any, int]


class _LocatedList(list[Any]):
    """A list that knows the line of each item (1-based)."""

    line = 0
    item_lines: list[int]


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Located:
    loader.flatten_mapping(node)
    result = _Located()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _LocatedList:
    result = _LocatedList(loader.construct_object(item, deep=True) for item in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [item.start_mark.line + 1 for item in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def _line_of(container: Any, key: Any = None) -> int | None:
    if isinstance(container, _Located):
        return container.key_lines.get(key, container.line) if key is not None else container.line
    if isinstance(container, _LocatedList):
        if isinstance(key, int) and 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line
    return None


class _Reader:
    """Turns a wrong value into a one-line error naming file, line, type and field."""

    def __init__(self, display: str) -> None:
        self.display = display

    def fail(self, where: str, expected: str, line: int | None) -> InputError:
        return InputError(self.display, f"{where}: expected {expected}.", line=line)

    def mapping(self, raw: Any, where: str, example: str, line: int | None) -> _Located:
        if not isinstance(raw, _Located):
            raise self.fail(where, f"`key: value` lines, such as {example}", line)
        return raw

    def known_fields(self, raw: _Located, where: str, fields: tuple[str, ...]) -> None:
        for key in raw:
            if key not in fields:
                raise InputError(
                    self.display,
                    f"{where}: unknown field `{key}`. Use only {', '.join(f'`{f}`' for f in fields)}.",
                    line=_line_of(raw, key),
                )

    def texts(self, raw: _Located, field: str, where: str, required: bool) -> dict[str, str]:
        value = raw.get(field)
        line = _line_of(raw, field)
        example = "`en: Math` and `es: Matemáticas` on their own lines"
        if value is None and not required:
            return {}
        if not isinstance(value, _Located) or not value:
            raise self.fail(f"{where}, field `{field}`", f"one line per language: {example}", line)
        texts: dict[str, str] = {}
        for code, text in value.items():
            if not isinstance(code, str) or not _LANGUAGE.match(code):
                raise self.fail(
                    f"{where}, field `{field}`",
                    f"language codes such as `en` or `es` before each text, not `{code}`",
                    _line_of(value, code),
                )
            if not isinstance(text, str) or not text.strip():
                raise self.fail(
                    f"{where}, field `{field}`, language `{code}`",
                    "the text in that language",
                    _line_of(value, code),
                )
            texts[code] = " ".join(text.split())
        return texts


def parse_page_types(raw: Any, display: str, digest: str = "") -> PageTypes:
    """Validate the data of a page-types file (already parsed with line numbers)."""
    read = _Reader(display)
    top = read.mapping(raw, "the file", "`types:` followed by one entry per page type", 1)
    read.known_fields(top, "the file", ("types",))
    entries = read.mapping(
        top.get("types"),
        "field `types`",
        "`home:` with its `source:` and `sections:` indented below it",
        _line_of(top, "types"),
    )
    types: dict[str, PageType] = {}
    for name, body in entries.items():
        name_line = _line_of(entries, name)
        if not isinstance(name, str) or not _SLUG.match(name):
            raise read.fail(
                f"page type `{name}`",
                "a name in small letters and dashes, such as `grade-expectations`",
                name_line,
            )
        where = f"page type `{name}`"
        body = read.mapping(body, where, "`source:` and `sections:` lines", name_line)
        read.known_fields(body, where, _TYPE_FIELDS)
        essential = body.get("essential", False)
        if not isinstance(essential, bool):
            raise read.fail(
                f"{where}, field `essential`", "`true` or `false`", _line_of(body, "essential")
            )
        source = body.get("source")
        if not isinstance(source, str) or not source.strip():
            raise read.fail(
                f"{where}, field `source`",
                "where the sections come from, such as `source: ESSA section 1111(h)`",
                _line_of(body, "source") if "source" in body else name_line,
            )
        raw_sections = body.get("sections")
        if not isinstance(raw_sections, _LocatedList):
            raise read.fail(
                f"{where}, field `sections`",
                "a list of sections (`- id: math` ...), or `[]` for none",
                _line_of(body, "sections"),
            )
        sections: list[Section] = []
        for index, item in enumerate(raw_sections):
            item_line = _line_of(raw_sections, index)
            at = f"{where}, section {index + 1}"
            item = read.mapping(item, at, "`id: math` and `heading:` lines", item_line)
            read.known_fields(item, at, _SECTION_FIELDS)
            section_id = item.get("id")
            if not isinstance(section_id, str) or not _SLUG.match(section_id):
                raise read.fail(
                    f"{at}, field `id`",
                    "a heading id in small letters and dashes, such as `help-at-home`",
                    _line_of(item, "id"),
                )
            if any(s.id == section_id for s in sections):
                raise read.fail(
                    f"{at}, field `id`",
                    f"a new id: `{section_id}` is already used by another section of this type",
                    _line_of(item, "id"),
                )
            sections.append(
                Section(
                    id=section_id,
                    headings=read.texts(item, "heading", f"{at} (`{section_id}`)", required=True),
                    write=read.texts(item, "write", f"{at} (`{section_id}`)", required=False),
                )
            )
        types[name] = PageType(name, essential, " ".join(source.split()), tuple(sections))
    if not types:
        raise read.fail("field `types`", "at least one page type", _line_of(top, "types"))
    return PageTypes(display=display, types=types, digest=digest)


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
    try:
        raw = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        line, problem = error_position(exc, text)
        raise InputError(
            shown,
            f"this is not valid YAML: {problem}. Each line should look like `key: value`; "
            "check the indentation and put text that contains a colon in quotes.",
            line=line + 1 if line is not None else None,
        ) from None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return parse_page_types(raw, shown, digest)
