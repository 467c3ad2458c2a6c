"""Glossaries as data: education jargon and deficit language, per language.

Each language has one YAML file in ``content/_data/glossary/`` (``en.yml``, ``es.yml``).
Staff edit them without code; a mistake is a one-line error naming the file, the entry
and the field. Every entry carries examples that must and must not be flagged, and a test
runs all of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from homeroom.data.yamlfiles import read_yaml
from homeroom.model.errors import InputError
from homeroom.model.findings import Severity
from homeroom.text.matcher import phrase_matcher

GLOSSARY_DIR = "glossary"
ACCEPT_FILE = "accept.yml"
CATEGORIES = {"jargon": "jargon", "deficit": "respect"}
"""Entry category -> rule family (``jargon.benchmark``, ``respect.hard-to-reach``)."""


@dataclass(frozen=True)
class Entry:
    """One glossary entry."""

    id: str
    category: str
    forms: tuple[str, ...]
    plain: tuple[str, ...]
    explain: str
    severity: Severity
    define: bool
    page_types: tuple[str, ...]
    source: str
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]

    @property
    def rule(self) -> str:
        """The stable rule id: ``jargon.<id>`` or ``respect.<id>``."""
        return f"{CATEGORIES[self.category]}.{self.id}"

    @property
    def term(self) -> str:
        """The entry's headword (its first form)."""
        return self.forms[0]


def fold(text: str) -> str:
    """Lower case with white space folded: the key a matched form is looked up by."""
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Glossary:
    """All entries of one language, with one compiled matcher for all their forms."""

    language: str
    entries: tuple[Entry, ...]
    accept: tuple[str, ...] = ()
    """Names (schools, programs) that look like jargon but are allowed."""

    @cached_property
    def by_form(self) -> Mapping[str, Entry]:
        """Folded form -> entry."""
        return {fold(form): entry for entry in self.entries for form in entry.forms}

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """One matcher for every form, on word boundaries, any case, longest form first.

        Built as a trie (:mod:`homeroom.text.matcher`), so matching does not slow down as the
        glossary grows.
        """
        return phrase_matcher(self.by_form)

    @cached_property
    def accept_pattern(self) -> re.Pattern[str] | None:
        """Matcher for accepted names, or None."""
        if not self.accept:
            return None
        return phrase_matcher(self.accept)


class _Reader:
    """Turns wrong values into one-line errors naming file, entry and field."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, entry: str, field: str, expected: str) -> InputError:
        return InputError(self.where, f"entry {entry}, field `{field}`: expected {expected}.")

    def text(self, raw: Mapping[str, Any], entry: str, field: str, example: str) -> str:
        value = raw.get(field)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(entry, field, f"text, such as {example}")
        return value.strip()

    def texts(
        self,
        raw: Mapping[str, Any],
        entry: str,
        field: str,
        example: str,
        required: bool = True,
        key: str | None = None,
    ) -> tuple[str, ...]:
        value = raw.get(key or field, [] if not required else None)
        if isinstance(value, str):
            value = [value]
        if (
            not isinstance(value, list)
            or (required and not value)
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise self.fail(entry, field, f"a list of texts, such as {example}")
        return tuple(v.strip() for v in value)


def parse_glossary(raw: Any, where: str, language: str) -> Glossary:
    """Validate one glossary file's parsed YAML."""
    reader = _Reader(where)
    if not isinstance(raw, Mapping) or not isinstance(raw.get("entries"), list):
        raise InputError(where, "expected `entries:` followed by a list of glossary entries.")
    entries: list[Entry] = []
    ids: set[str] = set()
    owner: dict[str, str] = {}
    for index, item in enumerate(raw["entries"], start=1):
        label = str(item.get("id", f"#{index}")) if isinstance(item, Mapping) else f"#{index}"
        if not isinstance(item, Mapping):
            raise reader.fail(
                label, "id", "an entry with `id:`, `forms:`, `plain:` and the other fields"
            )
        entry_id = reader.text(item, label, "id", "`benchmark`")
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", entry_id) or entry_id in ids:
            raise reader.fail(
                label, "id", "a new id of lower-case letters, digits and dashes, such as `504-plan`"
            )
        ids.add(entry_id)
        category = item.get("category")
        if category not in CATEGORIES:
            raise reader.fail(label, "category", "`jargon` or `deficit`")
        severity_raw = item.get("severity", "warning")
        try:
            severity = Severity.parse(str(severity_raw))
        except ValueError:
            raise reader.fail(label, "severity", "`error`, `warning` or `info`") from None
        define = item.get("define", False)
        if not isinstance(define, bool):
            raise reader.fail(label, "define", "`true` or `false`")
        forms = reader.texts(item, label, "forms", "`[benchmark, benchmarks]`")
        for form in forms:
            key = fold(form)
            if key in owner:
                raise reader.fail(
                    label,
                    "forms",
                    f"forms no other entry has ('{form}' is also in entry {owner[key]})",
                )
            owner[key] = entry_id
        examples = item.get("examples", {})
        if not isinstance(examples, Mapping):
            raise reader.fail(label, "examples", "`flag:` and `pass:` lists of example sentences")
        entries.append(
            Entry(
                id=entry_id,
                category=str(category),
                forms=forms,
                plain=reader.texts(item, label, "plain", "`[a check-in test]`"),
                explain=reader.text(
                    item, label, "explain", '"A short test to see how your child is growing."'
                ),
                severity=severity,
                define=define,
                page_types=reader.texts(
                    item, label, "page_types", "`[report-card]`", required=False
                ),
                source=reader.text(item, label, "source", '"Homeroom editors"'),
                flag_examples=reader.texts(
                    examples,
                    label,
                    "examples.flag",
                    '`["Your child took the benchmark."]`',
                    key="flag",
                ),
                pass_examples=reader.texts(
                    examples,
                    label,
                    "examples.pass",
                    '`["Your child took a short test."]`',
                    required=False,
                    key="pass",
                ),
            )
        )
    return Glossary(language=language, entries=tuple(entries))


def load_glossaries(
    data_dir: Path, project_root: Path, languages: Sequence[str]
) -> dict[str, Glossary]:
    """Every glossary in ``data_dir/glossary`` for the site's languages, with the accept list."""
    from homeroom.data.sources import display_path

    folder = data_dir / GLOSSARY_DIR
    accept: tuple[str, ...] = ()
    accept_file = folder / ACCEPT_FILE
    if accept_file.exists():
        shown = display_path(accept_file, project_root)
        raw = read_yaml(accept_file, shown)
        names = raw.get("accept") if isinstance(raw, Mapping) else None
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise InputError(
                shown,
                "expected `accept:` followed by a list of names, such as `- Benchmark Elementary School`.",
            )
        accept = tuple(names)
    glossaries: dict[str, Glossary] = {}
    for language in languages:
        path = folder / f"{language}.yml"
        if path.exists():
            shown = display_path(path, project_root)
            parsed = parse_glossary(read_yaml(path, shown), shown, language)
            glossaries[language] = Glossary(language, parsed.entries, accept)
    return glossaries
