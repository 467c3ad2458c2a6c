"""Checks: each takes one page (its source and prose) and returns findings and metrics."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from homeroom.model.findings import Finding

if TYPE_CHECKING:
    from homeroom.data.sources import Source
    from homeroom.text.prose import ProseDocument


@dataclass(frozen=True)
class PageResult:
    """What one check found on one page."""

    findings: tuple[Finding, ...] = ()
    metrics: Mapping[str, Any] = field(default_factory=dict)


class PageCheck(Protocol):
    """A check that looks at one page at a time."""

    name: str

    def fingerprint(self) -> str:
        """A string that changes whenever the check's rules or thresholds change."""

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Check one page."""
