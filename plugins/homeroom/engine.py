"""Run the checks over pages and collect one report.

Results are cached in memory by (check, check fingerprint, page path, content hash):
mkdocs-static-i18n re-runs the build once per language and ``mkdocs serve`` rebuilds on
every save, and neither should re-check a page that did not change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from homeroom import suppressions
from homeroom.checks import PageCheck, PageResult, jargon, pagetypes, readability
from homeroom.findings import Finding
from homeroom.prose import ProseDocument, extract
from homeroom.settings import Settings
from homeroom.sources import Source

#: Every page check Homeroom has, by plugin name (``homeroom/<name>`` in mkdocs.yml).
CHECK_BUILDERS: dict[str, Callable[[Settings], PageCheck]] = {
    "readability": readability.build,
    "jargon": jargon.build,
    "pagetypes": pagetypes.build,
}

_CACHE: dict[tuple[str, str, str, str], PageResult] = {}
_PROSE_CACHE: dict[str, ProseDocument] = {}


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

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``homeroom check --format json``."""
        return {
            "findings": [f.to_dict() for f in self.findings],
            "pages": [p.to_dict() for p in self.pages],
        }


def build_checks(settings: Settings, only: Iterable[str] | None = None) -> list[PageCheck]:
    """The checks a site uses.

    ``only`` names the checks to build; by default every check listed in mkdocs.yml, or all
    of them when mkdocs.yml lists none.
    """
    if only is None:
        listed = [name for name in CHECK_BUILDERS if name in settings.plugins]
        only = (
            [n for n in listed if settings.enabled(n)] if settings.plugins else list(CHECK_BUILDERS)
        )
    return [CHECK_BUILDERS[name](settings) for name in only]


def prose_of(source: Source) -> ProseDocument:
    """The prose of a source, parsed once per content."""
    doc = _PROSE_CACHE.get(source.digest)
    if doc is None:
        doc = extract(source.text)
        _PROSE_CACHE[source.digest] = doc
    return doc


def check_page(source: Source, checks: Sequence[PageCheck]) -> tuple[list[Finding], dict[str, Any]]:
    """Run every check on one page; return its findings and merged metrics."""
    findings: list[Finding] = []
    metrics: dict[str, Any] = {}
    for check in checks:
        key = (check.name, check.fingerprint(), source.display, source.digest)
        result = _CACHE.get(key)
        if result is None:
            result = check.check_page(source, prose_of(source))
            _CACHE[key] = result
        findings.extend(result.findings)
        metrics.update(result.metrics)
    return suppressions.apply(source, prose_of(source), findings), metrics


def run(sources: Iterable[Source], checks: Sequence[PageCheck]) -> Report:
    """Check many pages; findings come sorted by file, line and column."""
    findings: list[Finding] = []
    pages: list[PageSummary] = []
    for source in sources:
        page_findings, metrics = check_page(source, checks)
        findings.extend(page_findings)
        pages.append(PageSummary(path=source.display, language=source.language, metrics=metrics))
    findings.sort()
    return Report(findings=tuple(findings), pages=tuple(pages))
