"""What one run of the checks found: its findings and each page's figures.

The shape of ``homeroom check --format json``, which every reporter turns into text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from homeroom.model.findings import Finding


@dataclass(frozen=True)
class PageSummary:
    """Per-page figures for reports (``pages`` in the JSON output)."""

    path: str
    language: str
    metrics: Mapping[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"path": self.path, "language": self.language, "metrics": dict(self.metrics)}


@dataclass(frozen=True)
class Report:
    """Everything one run found."""

    findings: tuple[Finding, ...] = ()
    pages: tuple[PageSummary, ...] = field(default_factory=tuple)
    unchecked: tuple[str, ...] = ()
    """What could not be checked, in words ("jargon in Vietnamese: no glossary ...")."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``homeroom check --format json`` (``unchecked`` when not empty)."""
        data: dict[str, Any] = {
            "findings": [f.to_dict() for f in self.findings],
            "pages": [p.to_dict() for p in self.pages],
        }
        if self.unchecked:
            data["unchecked"] = list(self.unchecked)
        return data
