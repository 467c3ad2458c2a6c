"""Glossaries as data: education jargon, deficit language and plainer words, per language.

Homeroom ships a glossary per language in the package (``homeroom/glossary/en.yml``,
``es.yml``), so ``homeroom check`` finds jargon in any Markdown file, anywhere. A site adds
its own in its data folder (``content/_data/glossary/<lang>.yml``), which extends
Homeroom's entry by entry:

- an entry with the id of one of Homeroom's replaces it, whole;
- an entry with a new id is added;
- ``remove: [id, ...]`` drops Homeroom's entries the district does not want;
- ``own_words:`` and ``topics:`` are added to Homeroom's (a topic's title is the site's);
- ``defaults: false`` uses the site's file alone.

Every file is read through :mod:`homeroom.data.ruledata` against the form in
:mod:`homeroom.data.glossary_schema`. Staff edit them without code; every mistake in every
file is reported at once, each naming the file, the line, the entry and the field. Every
entry carries examples that must and must not be flagged, and one test runs all of them.

A glossary file may also list the district's own words (``own_words:``): its name, its
schools' and programs' names and their abbreviations, each with what it means
("ASD: Anacortes School District"). They are never flagged, and an abbreviation among them
counts as spelled out on every page of that language.

Jargon and deficit entries are found by the jargon check; ``substitution`` entries (a long
word with a plainer one: "utilize", "use") by the readability check (``readability.word``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from homeroom.data.glossary_schema import ACCEPT_SCHEMA, CATEGORIES, GLOSSARY_SCHEMA
from homeroom.data.ruledata import RuleFile, read_rule_file, rule_file_from_data
from homeroom.model.errors import InputError, raise_all
from homeroom.model.findings import Severity
from homeroom.text.matcher import phrase_matcher

GLOSSARY_DIR = "glossary"
ACCEPT_FILE = "accept.yml"
#: Homeroom's own glossaries, one file per language, shipped with the package.
PACKAGE_GLOSSARIES = Path(__file__).resolve().parent.parent / GLOSSARY_DIR
__all__ = [
    "ACCEPT_FILE",
    "CATEGORIES",
    "GLOSSARY_DIR",
    "PACKAGE_GLOSSARIES",
    "Entry",
    "Glossary",
    "OwnWord",
    "load_glossaries",
]


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
    note: str = ""
    """Advice to the writer, shown in the message, never in the suggestion."""
    plain_for: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Folded form -> its own plain words, for an entry that covers several terms."""
    plural: tuple[str, ...] = ()
    """The plain words in the plural, for plural forms (else the regular plural)."""
    topic: str = ""
    """The family glossary page the entry goes on (an id of the file's ``topics``)."""
    separate_terms: bool = False
    """Whether each form with its own plain words is a term of its own (one finding each)."""

    @property
    def rule(self) -> str:
        """The stable rule id: ``jargon.<id>``, ``respect.<id>`` or ``readability.word``."""
        if self.category == "substitution":
            return CATEGORIES["substitution"]
        return f"{CATEGORIES[self.category]}.{self.id}"

    @property
    def term(self) -> str:
        """The entry's headword (its first form)."""
        return self.forms[0]

    @property
    def suggestion(self) -> str:
        """The plainer words, as one suggestion (``unos / cerca de``)."""
        return " / ".join(self.plain)


def fold(text: str) -> str:
    """Lower case with white space folded: the key a matched form is looked up by."""
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class OwnWord:
    """One of the district's own names or abbreviations, with what it means."""

    name: str
    meaning: str


@dataclass(frozen=True)
class Glossary:
    """All entries of one language, with one compiled matcher per check that reads them."""

    language: str
    entries: tuple[Entry, ...]
    accept: tuple[str, ...] = ()
    """Names (schools, programs) that look like jargon but are allowed."""
    own_words: tuple[OwnWord, ...] = ()
    """The district's own names and abbreviations in this language, with their meaning."""
    topics: tuple[tuple[str, str], ...] = ()
    """The family glossary's pages: (topic id, page title), in the file's order."""

    @cached_property
    def by_form(self) -> Mapping[str, Entry]:
        """Folded form -> jargon or deficit entry (what the jargon check looks for)."""
        return {
            fold(form): entry
            for entry in self.entries
            if entry.category != "substitution"
            for form in entry.forms
        }

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """One matcher for every jargon and deficit form, longest first, any case.

        Built as a trie (:mod:`homeroom.text.matcher`), so matching does not slow down as the
        glossary grows.
        """
        return phrase_matcher(self.by_form)

    @cached_property
    def substitutions(self) -> Mapping[str, Entry]:
        """Folded form -> substitution entry (a long word with a plainer one)."""
        return {
            fold(form): entry
            for entry in self.entries
            if entry.category == "substitution"
            for form in entry.forms
        }

    @cached_property
    def substitution_pattern(self) -> re.Pattern[str]:
        """One matcher for every substitution form, like :attr:`pattern`."""
        return phrase_matcher(self.substitutions)

    @cached_property
    def accept_pattern(self) -> re.Pattern[str] | None:
        """Matcher for accepted names and the district's own words, or None."""
        names = (*self.accept, *(word.name for word in self.own_words))
        if not names:
            return None
        return phrase_matcher(names)


def _texts(value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else list(value or ())
    return tuple(str(v).strip() for v in items)


def _entry(raw: Mapping[str, Any]) -> Entry:
    examples = raw["examples"]
    return Entry(
        id=raw["id"],
        category=raw["category"],
        forms=_texts(raw["forms"]),
        plain=_texts(raw["plain"]),
        explain=str(raw.get("explain", "")).strip(),
        severity=Severity.parse(str(raw.get("severity", "warning"))),
        define=bool(raw.get("define", False)),
        page_types=_texts(raw.get("page_types")),
        source=str(raw["source"]).strip(),
        flag_examples=_texts(examples["flag"]),
        pass_examples=_texts(examples.get("pass")),
        note=str(raw.get("note", "")).strip(),
        plain_for={fold(str(k)): _texts(v) for k, v in (raw.get("plain_for") or {}).items()},
        plural=_texts(raw.get("plural")),
        separate_terms=bool(raw.get("separate_terms", False)),
        topic=str(raw.get("topic", "")),
    )


def _unique(file: RuleFile) -> None:
    """Each id once; each form in one entry of its kind (jargon and deficit share a matcher)."""
    ids: dict[str, int] = {}
    owners: dict[tuple[bool, str], tuple[str, int]] = {}
    for index, raw in enumerate(file.value(["entries"], [])):
        if not isinstance(raw, Mapping):
            continue
        entry_id = raw.get("id")
        if isinstance(entry_id, str):
            if entry_id in ids:
                file.fail(
                    ["entries", index, "id"],
                    "a new id",
                    found=entry_id,
                    why=f"; `{entry_id}` is already the id of another entry"
                    + file.on_line(["entries", ids[entry_id], "id"]),
                )
                continue
            ids[entry_id] = index
        forms = raw.get("forms")
        kind = raw.get("category") == "substitution"
        for number, form in enumerate([forms] if isinstance(forms, str) else forms or ()):
            if not isinstance(form, str) or not form.strip():
                continue
            key = (kind, fold(form))
            if key in owners and owners[key][1] != index:
                other, other_index = owners[key]
                here: list[str | int] = ["entries", index, "forms"]
                file.add(
                    here,
                    f"{file.where(here)}: expected forms no other entry has; `{form}` is also "
                    f"in entry `{other}`{file.on_line(['entries', other_index, 'id'])}.",
                    line_path=[*here, number],
                )
            owners.setdefault(key, (str(entry_id), index))
        own_forms = {
            fold(f)
            for f in ([forms] if isinstance(forms, str) else forms or ())
            if isinstance(f, str)
        }
        plain_for = raw.get("plain_for")
        if isinstance(plain_for, Mapping):
            for form in plain_for:
                if fold(str(form)) not in own_forms:
                    file.fail(
                        ["entries", index, "plain_for", str(form)],
                        "one of the entry's forms",
                        found=str(form),
                    )


def read_glossary(file: RuleFile, language: str) -> Glossary:
    """The glossary in a checked file: every entry that could be read (mistakes are kept)."""
    _unique(file)
    entries = [
        _entry(raw)
        for index, raw in enumerate(file.value(["entries"], []) or [])
        if file.valid(["entries", index]) and isinstance(raw, Mapping)
    ]
    own_words = [
        OwnWord(str(raw["name"]).strip(), str(raw["meaning"]).strip())
        for index, raw in enumerate(file.value(["own_words"], []) or [])
        if file.valid(["own_words", index]) and isinstance(raw, Mapping)
    ]
    raw_topics = file.value(["topics"], {}) if file.valid(["topics"]) else {}
    topics = tuple((str(k), str(v).strip()) for k, v in (raw_topics or {}).items())
    known = {topic for topic, _ in topics}
    for index, raw in enumerate(file.value(["entries"], []) or []):
        topic = raw.get("topic") if isinstance(raw, Mapping) else None
        if isinstance(topic, str) and topic not in known:
            file.fail(
                ["entries", index, "topic"],
                "one of the file's `topics:`" + (f" ({', '.join(sorted(known))})" if known else ""),
                found=topic,
            )
    return Glossary(
        language=language, entries=tuple(entries), own_words=tuple(own_words), topics=topics
    )


def parse_glossary(raw: Any, where: str, language: str) -> Glossary:
    """Validate one glossary's parsed YAML (no line numbers); every mistake is raised."""
    file = rule_file_from_data(raw, where, GLOSSARY_SCHEMA)
    glossary = read_glossary(file, language)
    raise_all(file.problems)
    return glossary


def glossary_files(data_dir: Path, languages: Sequence[str]) -> list[tuple[str, Path]]:
    """(language, file) for each site language that has a glossary of the site's own."""
    folder = data_dir / GLOSSARY_DIR
    found = [(language, folder / f"{language}.yml") for language in languages]
    return [(language, path) for language, path in found if path.exists()]


def default_glossary(language: str) -> Path | None:
    """Homeroom's own glossary for ``language`` (``es-MX`` has Spanish's), or None."""
    for code in (language, language.split("-")[0].split("_")[0]):
        path = PACKAGE_GLOSSARIES / f"{code.lower()}.yml"
        if path.is_file():
            return path
    return None


#: How messages name Homeroom's own glossary files (they are in the installed package).
def default_display(path: Path) -> str:
    """``homeroom/glossary/en.yml``: the package's file, as messages name it."""
    return f"homeroom/{GLOSSARY_DIR}/{path.name}"


def _merge(defaults: Glossary, site: Glossary, file: RuleFile) -> Glossary:
    """Homeroom's glossary with a site's entries, removals, own words and topics applied.

    A site entry whose form is already one of Homeroom's other entries is a mistake at its
    line (one form, one meaning): give it that entry's id to replace it, or remove it.
    """
    removed = {str(x) for x in (file.value(["remove"], []) or []) if isinstance(x, str)}
    known = {entry.id for entry in defaults.entries}
    for index, entry_id in enumerate(file.value(["remove"], []) or []):
        if isinstance(entry_id, str) and entry_id not in known:
            file.fail(
                ["remove", index],
                "the id of one of Homeroom's entries in this language",
                found=entry_id,
            )
    replaced = {entry.id for entry in site.entries}
    kept = [e for e in defaults.entries if e.id not in removed and e.id not in replaced]
    owners = {(e.category == "substitution", fold(f)): e.id for e in kept for f in e.forms}
    raw_entries = file.value(["entries"], []) or []
    for index, raw in enumerate(raw_entries):
        if not isinstance(raw, Mapping) or not file.valid(["entries", index]):
            continue
        kind = raw.get("category") == "substitution"
        for form in _texts(raw.get("forms")):
            other = owners.get((kind, fold(form)))
            if other is not None:
                file.fail(
                    ["entries", index, "forms"],
                    "forms none of Homeroom's other entries has",
                    found=form,
                    why=f"; `{form}` is in Homeroom's entry `{other}`. Use `id: {other}` to "
                    f"replace that entry, or add `{other}` to `remove:`",
                )
    titles = dict(defaults.topics)
    titles.update(dict(site.topics))
    return Glossary(
        language=site.language,
        entries=(*kept, *site.entries),
        own_words=(*defaults.own_words, *site.own_words),
        topics=tuple(titles.items()),
    )


def load_glossaries(
    data_dir: Path, project_root: Path, languages: Sequence[str]
) -> dict[str, Glossary]:
    """Every glossary in ``data_dir/glossary`` for the site's languages, with the accept list.

    Every mistake in every file is raised together, after all of them are read.
    """
    from homeroom.data.sources import display_path

    problems: list[InputError] = []
    accept: tuple[str, ...] = ()
    accept_file = data_dir / GLOSSARY_DIR / ACCEPT_FILE
    if accept_file.exists():
        try:
            file = read_rule_file(
                accept_file, display_path(accept_file, project_root), ACCEPT_SCHEMA
            )
        except InputError as exc:
            problems.append(exc)
        else:
            problems.extend(file.problems)
            accept = tuple(str(name) for name in file.value(["accept"], []) if file.valid())
    glossaries: dict[str, Glossary] = {}
    own = dict(glossary_files(data_dir, languages))
    for language in languages:
        defaults = _default(language, problems)
        path = own.get(language)
        if path is None:
            if defaults is not None:
                glossaries[language] = replace(defaults, language=language, accept=accept)
            continue
        try:
            file = read_rule_file(path, display_path(path, project_root), GLOSSARY_SCHEMA)
        except InputError as exc:
            problems.append(exc)
            continue
        parsed = read_glossary(file, language)
        if defaults is not None and file.value(["defaults"], True) is not False:
            parsed = _merge(defaults, parsed, file)
        problems.extend(sorted(file.problems, key=lambda e: e.line or 0))
        glossaries[language] = replace(parsed, accept=accept)
    raise_all(problems)
    return glossaries


def _default(language: str, problems: list[InputError]) -> Glossary | None:
    """Homeroom's own glossary for ``language``, read once (None if it ships none)."""
    path = default_glossary(language)
    if path is None:
        return None
    try:
        file = read_rule_file(path, default_display(path), GLOSSARY_SCHEMA)
    except InputError as exc:
        problems.append(exc)
        return None
    parsed = read_glossary(file, language)
    problems.extend(file.problems)
    return parsed
