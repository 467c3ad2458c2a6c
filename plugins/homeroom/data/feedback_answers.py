"""Families' answers to "Was this page clear?", as ``homeroom feedback import`` keeps them.

The district's export (every answer, one row each) is read by
:mod:`homeroom.cli.feedback` and kept here as counts only, per page, language and version:
how many answered, how many said it was not clear, and why (the reasons families picked).
No free text a family typed is kept, so nothing private reaches the staff page or git.
The file is ``content/_data/feedback-answers.yml`` (``answers:`` under homeroom/feedback),
read through :mod:`homeroom.data.ruledata`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from homeroom.data.ruledata import read_rule_file
from homeroom.data.sources import display_path
from homeroom.model.errors import raise_all
from homeroom.text.family_words import REASONS

ANSWERS_FILE = "feedback-answers.yml"
#: The first line of a file ``homeroom feedback import`` wrote.
MARK = "# Written by homeroom feedback import"

_COUNT = {"type": "integer", "minimum": 0, "description": "a whole number, 0 or more"}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "a date, YYYY-MM-DD"}
ANSWERS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`imported:`, `source:` and `pages:`",
    "properties": {
        "imported": _DATE,
        "source": {"type": "string", "description": "the file the answers came from"},
        "comments": {**_COUNT, "description": "how many answers had a comment (not kept)"},
        "pages": {
            "type": "array",
            "description": "a list of pages (`- page: grade-3` ...)",
            "items": {
                "type": "object",
                "description": "`page:`, `language:`, `version:`, `answers:`, `not_clear:`",
                "properties": {
                    "page": {"type": "string", "pattern": r"\S", "description": "a page name"},
                    "language": {"type": "string", "description": "a language code"},
                    "version": {
                        "type": "string",
                        "pattern": r"^([0-9a-f]{16})?$",
                        "description": "the page's version (16 letters a-f and digits), or ''",
                    },
                    "answers": _COUNT,
                    "not_clear": _COUNT,
                    "reasons": {
                        "type": "object",
                        "description": "how many gave each reason: "
                        + ", ".join(f"`{r}`" for r in REASONS),
                        "propertyNames": {"enum": list(REASONS), "description": "a reason"},
                        "additionalProperties": _COUNT,
                    },
                    "first": _DATE,
                    "last": _DATE,
                },
                "required": ["page", "language", "answers", "not_clear"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["pages"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class PageAnswers:
    """The answers about one page in one language and one version."""

    page: str
    language: str
    version: str = ""
    """The version families read; empty when the export did not say."""
    answers: int = 0
    not_clear: int = 0
    reasons: Mapping[str, int] = field(default_factory=dict)
    first: str = ""
    last: str = ""

    @property
    def share(self) -> float:
        """The share of answers that said the page was not clear (0 when none)."""
        return self.not_clear / self.answers if self.answers else 0.0

    def common_reasons(self, most: int = 3) -> list[tuple[str, int]]:
        """The reasons given most, most first (ties in the order of :data:`REASONS`)."""
        ranked = sorted(
            ((r, n) for r, n in self.reasons.items() if n),
            key=lambda item: (-item[1], REASONS.index(item[0])),
        )
        return ranked[:most]

    def to_data(self) -> dict[str, Any]:
        """The entry as the answers file holds it."""
        data: dict[str, Any] = {"page": self.page, "language": self.language}
        data["version"] = self.version
        data["answers"] = self.answers
        data["not_clear"] = self.not_clear
        if self.reasons:
            data["reasons"] = {r: self.reasons[r] for r in REASONS if self.reasons.get(r)}
        if self.first:
            data["first"] = self.first
            data["last"] = self.last
        return data


@dataclass(frozen=True)
class Answers:
    """Every page's answers, read from one file."""

    display: str
    pages: tuple[PageAnswers, ...] = ()
    imported: str = ""
    source: str = ""
    comments: int = 0
    digest: str = ""

    def about(self, page: str, language: str) -> list[PageAnswers]:
        """The answers about one page in one language, every version."""
        return [a for a in self.pages if a.page == page and a.language == language]


def merged(entries: list[PageAnswers]) -> PageAnswers | None:
    """Several entries about one page and language added up (None when there are none)."""
    if not entries:
        return None
    reasons: dict[str, int] = {}
    for entry in entries:
        for reason, count in entry.reasons.items():
            reasons[reason] = reasons.get(reason, 0) + count
    firsts = [e.first for e in entries if e.first]
    lasts = [e.last for e in entries if e.last]
    return PageAnswers(
        page=entries[0].page,
        language=entries[0].language,
        version=entries[0].version if len({e.version for e in entries}) == 1 else "",
        answers=sum(e.answers for e in entries),
        not_clear=sum(e.not_clear for e in entries),
        reasons=reasons,
        first=min(firsts) if firsts else "",
        last=max(lasts) if lasts else "",
    )


def dump_answers(answers: Answers, header: str) -> str:
    """The text of an answers file, starting with ``header`` (the import's mark)."""
    data: dict[str, Any] = {"imported": answers.imported, "source": answers.source}
    data["comments"] = answers.comments
    data["pages"] = [entry.to_data() for entry in answers.pages]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return f"{header}\n{body}"


def load_answers(data_dir: Path, project_root: Path | None, name: str = ANSWERS_FILE) -> Answers:
    """Read the answers file; without one, there are no answers yet."""
    path = data_dir / name
    shown = display_path(path, project_root)
    if not path.is_file():
        return Answers(display=shown)
    text = path.read_text(encoding="utf-8")
    file = read_rule_file(path, shown, ANSWERS_SCHEMA, empty={"pages": []}, text=text)
    raise_all(sorted(file.problems, key=lambda e: e.line or 0))
    pages = tuple(
        PageAnswers(
            page=str(raw["page"]),
            language=str(raw["language"]),
            version=str(raw.get("version") or ""),
            answers=int(raw["answers"]),
            not_clear=int(raw["not_clear"]),
            reasons={str(k): int(v) for k, v in (raw.get("reasons") or {}).items()},
            first=str(raw.get("first") or ""),
            last=str(raw.get("last") or ""),
        )
        for raw in file.data.get("pages") or []
    )
    return Answers(
        display=shown,
        pages=pages,
        imported=str(file.data.get("imported") or ""),
        source=str(file.data.get("source") or ""),
        comments=int(file.data.get("comments") or 0),
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
    )
