"""Interface strings per language: ``content/_data/strings/<lang>.yml``.

Each catalog is a nested mapping of keys to text, the same keys in every language::

    glance:
      title: At a glance
      reading: "{pct} of students met the reading standard ({freq})."

Keys are dotted paths (``glance.reading``); ``{name}`` placeholders are filled by
:func:`Catalogs.text`. Catalogs are read through :mod:`homeroom.data.ruledata` (form:
:data:`CATALOG_SCHEMA`); every mistake in every catalog is reported at once. Generated pages take every word from here, never from code, so
staff can edit and translate them.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from homeroom.data.ruledata import RuleFile, errors_of, read_rule_file
from homeroom.data.sources import display_path
from homeroom.model.errors import InputError, InputErrors, raise_all

#: Folder inside the data folder that holds the catalogs.
STRINGS_DIR = "strings"


@dataclass(frozen=True)
class MissingKey:
    """A key the default language has and a required language lacks."""

    file: str
    """The catalog that should have it (``content/_data/strings/es.yml``)."""
    line: int
    """Where the key is in the default language's catalog (1-based)."""
    key: str
    lang: str


@dataclass(frozen=True)
class Catalog:
    """One language's strings, flattened to dotted keys, with the line of each key."""

    language: str
    display: str
    strings: Mapping[str, str]
    lines: Mapping[str, int] = field(default_factory=dict)


_GROUP = {
    "type": "object",
    "description": "`key: text` lines, one per string",
    "additionalProperties": {
        "anyOf": [{"type": ["string", "number"]}, {"$ref": "#/$defs/group"}],
        "description": "text (put it in quotes), or a group of keys",
        "examples": ["At a glance"],
    },
}
CATALOG_SCHEMA: dict[str, Any] = {"$defs": {"group": _GROUP}, "$ref": "#/$defs/group"}
"""The form of a catalog: nested groups of keys, each ending in a text."""


def _flatten(node: Mapping[str, Any], prefix: tuple[str, ...], out: dict[str, str]) -> None:
    for key, value in node.items():
        path = (*prefix, str(key))
        if isinstance(value, Mapping):
            _flatten(value, path, out)
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            out[".".join(path)] = str(value)


def read_catalog(file: RuleFile, language: str) -> Catalog:
    """The strings of a checked catalog file; a broken ``{placeholder}`` is a mistake too."""
    flat: dict[str, str] = {}
    if isinstance(file.data, Mapping):
        _flatten(file.data, (), flat)
    lines = {key: file.line(key.split(".")) or 1 for key in flat}
    for key, value in flat.items():
        try:
            list(string.Formatter().parse(value))
        except ValueError as exc:
            file.add(
                key.split("."),
                f"`{key}` has a broken {{placeholder}} ({exc}). Write placeholders like "
                "{pct}, and double a brace that is meant literally: {{.",
            )
    return Catalog(language=language, display=file.display, strings=flat, lines=lines)


def load_catalog(path: Path, language: str, project_root: Path) -> Catalog:
    """Read one catalog file; every mistake in it is raised, each naming file and line."""
    file = read_rule_file(path, display_path(path, project_root), CATALOG_SCHEMA, empty={})
    catalog = read_catalog(file, language)
    raise_all(sorted(file.problems, key=lambda e: e.line or 0))
    return catalog


class Catalogs:
    """Every language's catalog; the first language given is the default."""

    def __init__(self, catalogs: Mapping[str, Catalog], default: str, folder: Path) -> None:
        """Keep the catalogs by language code."""
        self.catalogs = dict(catalogs)
        self.default = default
        self.folder = folder

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages that have a catalog."""
        return tuple(self.catalogs)

    def has(self, key: str, lang: str) -> bool:
        """Whether ``lang``'s catalog has ``key``."""
        catalog = self.catalogs.get(lang)
        return catalog is not None and key in catalog.strings

    def text(self, key: str, lang: str, **params: Any) -> str:
        """The text of ``key`` in ``lang`` with its ``{placeholders}`` filled.

        A key missing from a language is an error, never a silent fall-back to English:
        a family would get a page in a language they may not read.
        """
        catalog = self.catalogs.get(lang)
        if catalog is None:
            raise InputError(
                (self.folder / f"{lang}.yml").as_posix(),
                f"there are no interface strings for the language {lang!r}. Copy "
                f"{self.default}.yml to {lang}.yml and translate it.",
            )
        template = catalog.strings.get(key)
        if template is None:
            default = self.catalogs.get(self.default)
            line = default.lines.get(key) if default is not None else None
            where = (
                f"it is on line {line} of the {self.default} strings"
                if line is not None
                else f"the {self.default} strings do not have it either"
            )
            raise InputError(
                catalog.display,
                f"the string `{key}` is missing ({where}). Add it, translated, so this page "
                "can be published in this language.",
            )
        try:
            return template.format_map(params)
        except (KeyError, IndexError, ValueError) as exc:
            raise InputError(
                catalog.display,
                f"the string `{key}` uses a placeholder this page cannot fill ({exc}). "
                f"Use only: {', '.join('{' + p + '}' for p in sorted(params)) or 'none'}.",
                line=catalog.lines.get(key),
            ) from None

    def missing_keys(self, required_languages: Iterable[str]) -> list[MissingKey]:
        """Keys the default language has and a required language lacks, by file and line."""
        default = self.catalogs.get(self.default)
        if default is None:
            return []
        missing: list[MissingKey] = []
        for lang in required_languages:
            if lang == self.default:
                continue
            catalog = self.catalogs.get(lang)
            have = catalog.strings if catalog is not None else {}
            file = (
                catalog.display if catalog is not None else (self.folder / f"{lang}.yml").as_posix()
            )
            for key in default.strings:
                if key not in have:
                    missing.append(MissingKey(file, default.lines.get(key, 1), key, lang))
        return missing


def load_catalogs(
    data_dir: Path, languages: Iterable[str], project_root: Path | None = None
) -> Catalogs:
    """Load ``<data_dir>/strings/<lang>.yml`` for each language that has one.

    The first language is the default (the one other catalogs are compared with).
    """
    codes = list(languages)
    folder = data_dir / STRINGS_DIR
    root = project_root or data_dir.parent.parent
    catalogs: dict[str, Catalog] = {}
    problems: list[InputError] = []
    for code in codes:
        path = folder / f"{code}.yml"
        if path.is_file():
            try:
                catalogs[code] = load_catalog(path, code, root)
            except (InputError, InputErrors) as exc:
                problems.extend(errors_of(exc))
    raise_all(problems)
    shown = Path(display_path(folder, root))
    return Catalogs(catalogs, codes[0] if codes else "en", shown)
