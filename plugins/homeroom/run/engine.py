"""Run the checks over pages and collect one report: page checks, then site checks.

Each (check, page) result is looked up before it is computed, by the check's name and
fingerprint and the page's path and content hash: first in memory (mkdocs-static-i18n
re-runs the build once per language, ``mkdocs serve`` rebuilds on every save), then in
the disk cache (:mod:`homeroom.run.cache`), shared by ``homeroom check`` and the build.

Pages no cache knows are checked on every core (:mod:`homeroom.run.parallel`); while a
page is parsed, each site check gets what it asked of it (:meth:`SiteCheck.page_data`).
Then the site checks run over every page. ``allow:`` entries apply to the findings of both
kinds here, in :func:`allowed`; which findings stop a build is :mod:`homeroom.run.verdict`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from homeroom.checks import PageCheck, PageResult, SiteCheck, SiteInput
from homeroom.data import suppressions
from homeroom.data.sources import Source
from homeroom.model.errors import HomeroomError
from homeroom.model.findings import Finding
from homeroom.model.memo import Memo
from homeroom.model.report import PageSummary, Report
from homeroom.run import parallel
from homeroom.run.cache import DiskCache, LayeredStore
from homeroom.run.registry import LazyCheck, build_checks, build_site_checks

if TYPE_CHECKING:
    from homeroom.text.prose import ProseDocument

__all__ = ["Broken", "Outcome", "allowed", "build_checks", "build_site_checks", "jobs", "run"]

#: Results and parsed prose kept in memory, bounded: ``mkdocs serve`` runs for hours.
_CACHE: Memo[tuple[str, str, str, str], PageResult] = Memo(50_000)
_PROSE_CACHE: Memo[str, ProseDocument] = Memo(2_000)
#: What site checks keep (pairs of pages compared), in memory in front of the disk cache.
_SITE_MEMORY: Memo[tuple[str, str, str], Any] = Memo(50_000)
#: Where results came from in this process: ``computed``, ``memory`` or ``disk``.
STATS: Counter[str] = Counter()

#: How many processes check pages (one per core unless ``$HOMEROOM_JOBS`` says otherwise).
jobs = parallel.jobs


@dataclass(frozen=True)
class Outcome:
    """What one run found (the report) and what its site checks worked out, by check name."""

    report: Report
    values: Mapping[str, Any] = field(default_factory=dict)


def prose_of(source: Source) -> ProseDocument:
    """The prose of a source, parsed once per content."""
    doc = _PROSE_CACHE.get(source.digest)
    if doc is None:
        from homeroom.text.prose import extract

        doc = extract(source.text)
        _PROSE_CACHE.put(source.digest, doc)
    return doc


def allowed(
    sources: Iterable[Source], findings: Iterable[Finding], root: Path | None = None
) -> list[Finding]:
    """The findings left once each page's ``allow:`` entries (with their reasons) apply.

    The one place suppressions apply, for every kind of check: a page check's findings on
    its page, a site check's (``i18n.missing`` on the English page, ``i18n.stale`` on the
    translation) on the page they name.
    """
    by_path = {source.display: source for source in sources}
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.path, []).append(finding)
    result: list[Finding] = []
    for path, found in grouped.items():
        source = by_path.get(path)
        if source is not None and suppressions.has_any(source):
            found = suppressions.apply(source, prose_of(source), found, root)
        result.extend(found)
    return sorted(result)


def _to_json(result: PageResult) -> dict[str, Any]:
    return {"findings": [f.to_dict() for f in result.findings], "metrics": dict(result.metrics)}


def _from_json(data: Any) -> PageResult | None:
    """A cached result, or None when the entry does not have the expected shape."""
    try:
        findings = tuple(Finding.from_dict(item) for item in data["findings"])
        metrics = data["metrics"]
        if not isinstance(metrics, dict):
            return None
        return PageResult(findings=findings, metrics=metrics)
    except (TypeError, KeyError, ValueError):
        return None


class Broken:
    """Checks that could not start (their data file is broken), and why.

    With one of these, a run goes on without those checks, so that every broken file and
    every page's findings are reported in one run, instead of stopping at the first.
    """

    def __init__(self) -> None:
        """Nothing broken yet."""
        self.errors: list[HomeroomError] = []
        self.names: set[str] = set()

    def add(self, name: str, error: HomeroomError) -> None:
        """Remember that check ``name`` cannot run, and the error that says why."""
        self.names.add(name)
        if str(error) not in {str(e) for e in self.errors}:
            self.errors.append(error)


def _page_key(source: Source) -> str:
    return f"{source.display}\0{_content_key(source)}"


def _content_key(source: Source) -> str:
    # The language is part of what is checked: a loose file read as Spanish once
    # (`homeroom check --lang es letter.md`) and as English the next time is not the same.
    return f"{source.language}\0{source.digest}"


def _fingerprint(check: PageCheck) -> str | None:
    """The fingerprint results are kept under (a check given bare, not registered: none)."""
    return check.fingerprint() if isinstance(check, LazyCheck) else None


def _lookup(source: Source, check: PageCheck, cache: DiskCache | None) -> PageResult | None:
    """A result already known, from memory or the disk cache (without computing it)."""
    fingerprint = _fingerprint(check)
    if fingerprint is None:
        return None
    key = (check.name, fingerprint, source.display, _content_key(source))
    result = _CACHE.get(key)
    if result is not None:
        STATS["memory"] += 1
        if cache is not None and cache.get(check.name, fingerprint, _page_key(source)) is None:
            # Known from an earlier run in this process (another site, say): this site's
            # disk cache gets it too, so its next run in a new process reuses it.
            cache.put(check.name, fingerprint, _page_key(source), _to_json(result))
        return result
    if cache is not None:
        result = _from_json(cache.get(check.name, fingerprint, _page_key(source)))
        if result is not None:
            STATS["disk"] += 1
            _CACHE.put(key, result)
    return result


def _keep(source: Source, check: PageCheck, result: PageResult, cache: DiskCache | None) -> None:
    """A result just computed: into memory and the disk cache."""
    fingerprint = _fingerprint(check)
    STATS["computed"] += 1
    if fingerprint is None:
        return
    _CACHE.put((check.name, fingerprint, source.display, _content_key(source)), result)
    if cache is not None:
        cache.put(check.name, fingerprint, _page_key(source), _to_json(result))


def check_page(
    source: Source,
    checks: Sequence[PageCheck],
    cache: DiskCache | None = None,
    broken: Broken | None = None,
) -> tuple[list[Finding], dict[str, Any]]:
    """Run every page check on one page; return its findings (before ``allow:``) and metrics.

    A check whose data cannot be read raises, unless ``broken`` collects it: then the
    check is skipped from here on.
    """
    findings: list[Finding] = []
    metrics: dict[str, Any] = {}
    for check in checks:
        if broken is not None and check.name in broken.names:
            continue
        result = _lookup(source, check, cache)
        if result is None:
            try:
                result = check.check_page(source, prose_of(source))
            except HomeroomError as exc:
                if broken is None:
                    raise
                broken.add(check.name, exc)
                continue
            _keep(source, check, result, cache)
        findings.extend(result.findings)
        metrics.update(result.metrics)
    return findings, metrics


#: One page's work for the cores: its index, the page checks and the site checks it needs.
_Task = tuple[int, tuple[int, ...], tuple[int, ...]]


def _compute_in_parallel(
    sources: Sequence[Source],
    checks: Sequence[PageCheck],
    site_checks: Sequence[SiteCheck],
    wanted: Sequence[set[str]],
    page_data: Sequence[dict[str, Any]],
    cache: DiskCache | None,
    workers: int,
) -> None:
    """Work out, on ``workers`` cores, what no cache knows: into the caches and ``page_data``.

    Used only where forking is safe (no other thread is running: not under ``mkdocs
    serve``) and worth it (see :func:`homeroom.run.parallel.can_fork`). Anything a worker
    could not do is left for the ordinary, one-process path, which reports it.
    """
    if not parallel.can_fork(workers, len(sources)):
        return
    todo: list[_Task] = []
    for index, source in enumerate(sources):
        missing = tuple(
            c for c, check in enumerate(checks) if _lookup(source, check, cache) is None
        )
        needed = tuple(s for s in range(len(site_checks)) if source.digest in wanted[s])
        if missing or needed:
            todo.append((index, missing, needed))
    if not parallel.can_fork(workers, len(todo)):
        return
    for check in checks:
        if isinstance(check, LazyCheck):
            try:
                check.check  # noqa: B018 - read the data once, before forking
            except HomeroomError:
                return  # the one-process path reports it

    def work(task: _Task) -> tuple[list[PageResult], list[Any]]:
        index, missing, needed = task
        source = sources[index]
        doc = prose_of(source)
        results = [checks[c].check_page(source, doc) for c in missing]
        return results, [site_checks[s].page_data(source, doc) for s in needed]

    for (index, missing, needed), done in zip(
        todo, parallel.map_forked(work, todo, workers), strict=True
    ):
        if done is None:
            continue
        source = sources[index]
        results, data = done
        for c, result in zip(missing, results, strict=True):
            _keep(source, checks[c], result, cache)
        for s, value in zip(needed, data, strict=True):
            page_data[s][source.digest] = value


def run(
    sources: Iterable[Source],
    checks: Sequence[PageCheck],
    cache: DiskCache | None = None,
    workers: int = 1,
    broken: Broken | None = None,
    *,
    site_checks: Sequence[SiteCheck] = (),
    site_sources: Sequence[Source] | None = None,
    shown: Collection[str] | None = None,
    root: Path | None = None,
    site_scope: Callable[[Finding], bool] | None = None,
) -> Outcome:
    """Check pages, then the site; findings come sorted by file, line and column.

    The page checks run on ``sources``; the site checks see ``site_sources`` (every page
    of the site; ``sources`` by default). ``shown`` limits the site checks' findings to
    those pages (``homeroom check`` on some files), and ``site_scope`` to those it accepts
    (a part of a site built in parts: its own languages). With ``workers`` above 1, what no
    cache knows is worked out in that many processes. With a disk cache, new results are
    saved to it before returning.
    """
    sources = list(sources)
    every = list(site_sources) if site_sources is not None else sources
    store = LayeredStore(_SITE_MEMORY, cache)
    wanted = [{s.digest for s in check.wanted(every, store)} for check in site_checks]
    page_data: list[dict[str, Any]] = [{} for _ in site_checks]
    checked = {s.digest for s in sources}
    walk = sources + [s for s in every if s.digest not in checked]
    _compute_in_parallel(walk, checks, site_checks, wanted, page_data, cache, workers)
    findings: list[Finding] = []
    pages: list[PageSummary] = []
    for source in sources:
        page_findings, metrics = check_page(source, checks, cache, broken)
        findings.extend(page_findings)
        pages.append(PageSummary(path=source.display, language=source.language, metrics=metrics))
    values: dict[str, Any] = {}
    site_findings: list[Finding] = []
    for number, check in enumerate(site_checks):
        data = page_data[number]
        try:
            for source in every:
                if source.digest in wanted[number] and source.digest not in data:
                    data[source.digest] = check.page_data(source, prose_of(source))
            result = check.check_site(SiteInput(every, data, store))
        except HomeroomError as exc:
            if broken is None:
                raise
            broken.add(check.name, exc)
            continue
        values[check.name] = result.value
        site_findings.extend(result.findings)
    if shown is not None:
        site_findings = [f for f in site_findings if f.path in shown]
    if site_scope is not None:
        site_findings = [f for f in site_findings if site_scope(f)]
    if cache is not None:
        cache.save()
    every_page = {s.display: s for s in (*every, *sources)}.values()
    kept = allowed(every_page, [*findings, *site_findings], root)
    return Outcome(Report(findings=tuple(kept), pages=tuple(pages)), values)
