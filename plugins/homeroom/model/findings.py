"""The one record every check returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How serious a finding is. ``error`` stops a build; the rest advise."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Order severities so ``rank`` grows with seriousness."""
        return {"info": 1, "warning": 2, "error": 3}[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Read a severity name, with a message that lists the allowed ones."""
        try:
            return cls(value.lower())
        except ValueError:
            allowed = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r}: use one of {allowed}") from None


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one place of a Markdown source that an author can fix.

    ``path``, ``line`` and ``column`` point into the file the author edits (1-based),
    never into rendered HTML. ``rule`` is a stable dotted id such as
    ``readability.sentence``.

    On a page generated from data (a report card) there is no Markdown file to edit:
    ``path`` and ``line`` are those of the data file the text came from, and
    ``generated_page`` names the page (``schools/alder-elementary.md``).
    """

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    match: str = ""
    suggestion: str = ""
    language: str = ""
    generated_page: str = ""
    """The generated page the finding is on, when ``path`` is the data it was made from."""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (``generated_page`` only on a generated page's findings)."""
        data = asdict(self)
        data["severity"] = self.severity.value
        if not self.generated_page:
            del data["generated_page"]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """The finding :meth:`to_dict` gave (KeyError, TypeError or ValueError if it is not one)."""
        return cls(**{**data, "severity": Severity(data["severity"])})

    def at_least(self, threshold: Severity) -> bool:
        """Whether this finding is at or above ``threshold``."""
        return self.severity.rank >= threshold.rank
