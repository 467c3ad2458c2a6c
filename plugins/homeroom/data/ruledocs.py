"""Documentation for every rule id: what it checks, why it matters, a bad and a good example.

Shown by ``homeroom explain RULE``; the text report points there for each rule it found.
The documentation is Homeroom's own data, one file per family of rules in the package
(``homeroom/rules/*.yml``), read through :mod:`homeroom.data.ruledata` against
:data:`RULES_SCHEMA` the first time a rule is looked up. Every example runs in one test:
the bad one must get the rule's finding and the good one must not. Where the example shown
is a description ("a paragraph of 150 words"), ``run:`` says what the test runs instead.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from homeroom.data.ruledata import read_rule_file, rule_file_from_data
from homeroom.model.errors import InputError, raise_all

#: The files of rule documentation, in the order ``homeroom explain`` lists their rules.
FAMILIES = (
    "readability",
    "i18n",
    "pagetype",
    "privacy",
    "content",
    "feedback",
    "summary",
    "tone",
)
RULES_FOLDER = "rules"

_TEXT = {"type": "string", "pattern": r"\S", "description": "text"}
_FILES = {
    "type": "object",
    "description": "files of a small site (path in the content folder: its text)",
    "examples": [{"conference-guide.md": "# Conferences\n"}],
    "additionalProperties": {"type": "string", "description": "the file's text"},
}
EXAMPLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "how the example runs: `page:`, or a small site (`files:` ...), or a "
    "school's data (`school:` and `cell:`)",
    "properties": {
        "page": {**_TEXT, "description": "the Markdown of the page that is checked"},
        "language": {"type": "string", "description": "the page's language code"},
        "files": _FILES,
        "mark_current": {
            "type": "array",
            "description": "`homeroom translations mark-current` runs before the check",
            "examples": [["conference-guide.md es"]],
            "items": {**_TEXT, "description": "a page and a language, and any options"},
        },
        "then": {**_FILES, "description": "files written after `mark_current`"},
        "languages": {
            "type": "array",
            "description": "the small site's languages, the default first",
            "examples": [["en", "es"]],
            "items": {**_TEXT, "description": "a language code"},
        },
        "options": {"type": "object", "description": "options of homeroom/translations"},
        "school": {"type": "object", "description": "a school's data, over the test school"},
        "cell": {**_TEXT, "description": "the value the rule hides, as the audit log names it"},
        "published": {
            "enum": ["hidden", "below", "above"],
            "description": "how the value is published: `hidden`, `below` or `above`",
        },
        "note": {
            "type": "boolean",
            "description": "`true` when the good form is still shown, as a note (severity info)",
        },
    },
    "additionalProperties": False,
}
RULE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "rule",
    "description": "a rule: `id:`, `title:`, `why:`, `bad:` and `good:`",
    "properties": {
        "id": {
            "type": "string",
            "pattern": r"^[a-z0-9]+\.[a-z0-9-]+$",
            "description": "a dotted rule id",
            "examples": ["readability.sentence"],
        },
        "title": {**_TEXT, "description": "what the rule finds, in one sentence"},
        "why": {**_TEXT, "description": "why it matters to a family"},
        "bad": {**_TEXT, "description": "an example that gets the finding"},
        "good": {**_TEXT, "description": "the same, written so that it does not"},
        "run": {
            "type": "object",
            "description": "`bad:` and `good:`, each saying how that example runs",
            "properties": {"bad": EXAMPLE_SCHEMA, "good": EXAMPLE_SCHEMA},
            "additionalProperties": False,
        },
    },
    "required": ["id", "title", "why", "bad", "good"],
    "additionalProperties": False,
}
RULES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`rules:` followed by a list of rules",
    "properties": {
        "rules": {"type": "array", "description": "a list of rules", "items": RULE_SCHEMA}
    },
    "required": ["rules"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Example:
    """How one example of a rule is run (by the meta-test); every field is optional."""

    page: str | None = None
    """The page checked; by default the example's own text."""
    language: str = "en"
    files: Mapping[str, str] = field(default_factory=dict)
    mark_current: tuple[str, ...] = ()
    then: Mapping[str, str] = field(default_factory=dict)
    languages: tuple[str, ...] = ("en", "es", "vi")
    options: Mapping[str, Any] = field(default_factory=dict)
    school: Mapping[str, Any] | None = None
    cell: str = ""
    published: str = ""
    note: bool = False


@dataclass(frozen=True)
class RuleDoc:
    """One rule's documentation."""

    id: str
    title: str
    why: str
    bad: str
    good: str
    run_bad: Example = field(default_factory=Example)
    run_good: Example = field(default_factory=Example)


def _example(raw: Mapping[str, Any] | None) -> Example:
    raw = raw or {}
    return Example(
        page=raw.get("page"),
        language=str(raw.get("language", "en")),
        files=dict(raw.get("files") or {}),
        mark_current=tuple(raw.get("mark_current") or ()),
        then=dict(raw.get("then") or {}),
        languages=tuple(raw.get("languages") or ("en", "es", "vi")),
        options=dict(raw.get("options") or {}),
        school=raw.get("school"),
        cell=str(raw.get("cell", "")),
        published=str(raw.get("published", "")),
        note=bool(raw.get("note", False)),
    )


def read_rules(data: Any, display: str) -> list[RuleDoc]:
    """The rules of one documentation file's parsed data (any mistake is raised)."""
    file = rule_file_from_data(data, display, RULES_SCHEMA)
    raise_all(file.problems)
    return [
        RuleDoc(
            id=raw["id"],
            title=raw["title"],
            why=raw["why"],
            bad=raw["bad"],
            good=raw["good"],
            run_bad=_example((raw.get("run") or {}).get("bad")),
            run_good=_example((raw.get("run") or {}).get("good")),
        )
        for raw in file.data["rules"]
    ]


def rule_files() -> list[tuple[str, Any]]:
    """(shown name, package file) for each family of rules, in order."""
    folder = resources.files("homeroom").joinpath(RULES_FOLDER)
    return [(f"homeroom/{RULES_FOLDER}/{name}.yml", folder / f"{name}.yml") for name in FAMILIES]


def load_rules() -> dict[str, RuleDoc]:
    """Every rule's documentation, read and checked; every mistake in every file is raised."""
    from pathlib import Path

    problems: list[InputError] = []
    rules: dict[str, RuleDoc] = {}
    for shown, entry in rule_files():
        try:
            file = read_rule_file(Path(str(entry)), shown, RULES_SCHEMA)
        except InputError as exc:
            problems.append(exc)
            continue
        problems.extend(file.problems)
        if not file.problems:
            for doc in read_rules(file.data, shown):
                if doc.id in rules:
                    problems.append(InputError(shown, f"the rule `{doc.id}` is documented twice."))
                rules[doc.id] = doc
    raise_all(problems)
    return rules


class _Rules(Mapping[str, RuleDoc]):
    """Rule id -> documentation, read from the package the first time it is needed."""

    def __init__(self) -> None:
        self._rules: dict[str, RuleDoc] | None = None

    def _load(self) -> dict[str, RuleDoc]:
        if self._rules is None:
            self._rules = load_rules()
        return self._rules

    def __getitem__(self, rule: str) -> RuleDoc:
        return self._load()[rule]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


#: Every rule's documentation, by rule id (read when first used).
RULES: Mapping[str, RuleDoc] = _Rules()


def explain(rule: str) -> str | None:
    """The documentation of a rule as text, or None if there is no such rule."""
    doc = RULES.get(rule)
    if doc is None:
        return None
    # Examples of whole pages span several lines: each line is indented.
    bad, good = (textwrap.indent(x, "  ", lambda line: True) for x in (doc.bad, doc.good))
    return f"{doc.id}: {doc.title}\n\nWhy it matters: {doc.why}\n\nInstead of:\n{bad}\n\nWrite:\n{good}"
