"""Run the checks over pages and collect one report.

Each (check, page) result is looked up before it is computed, by the check's name and
fingerprint and the page's path and content hash: first in memory (mkdocs-static-i18n
re-runs the build once per language, ``mkdocs serve`` rebuilds on every save), then in
the disk cache (:mod:`homeroom.run.cache`), shared by ``homeroom check`` and the build.

A check's fingerprint is computed from its options and data files *before* the check is
built, so a run where every result is cached never reads a glossary, parses Markdown or
loads a pronouncing dictionary.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from homeroom.checks import PageCheck, PageResult
from homeroom.data import suppressions
from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.model.errors import HomeroomError
from homeroom.model.findings import Finding, Severity
from homeroom.model.fingerprint import code_version, digest, files_digest
from homeroom.model.memo import Memo
from homeroom.model.report import PageSummary, Report
from homeroom.run import parallel
from homeroom.run.cache import DiskCache

if TYPE_CHECKING:
    from homeroom.text.prose import ProseDocument

#: Every page check Homeroom has, by plugin name (``homeroom/<name>`` in mkdocs.yml), and
#: the module that implements it (imported only when the check is needed).
CHECK_MODULES: dict[str, str] = {
    "content": "homeroom.checks.content",
    "readability": "homeroom.checks.readability",
    "jargon": "homeroom.checks.jargon",
    "pagetypes": "homeroom.checks.pagetypes",
}


def _builder(name: str) -> Callable[[Settings], PageCheck]:
    def build(settings: Settings) -> PageCheck:
        module = importlib.import_module(CHECK_MODULES[name])
        check: PageCheck = module.build(settings)
        return check

    return build


CHECK_BUILDERS: dict[str, Callable[[Settings], PageCheck]] = {
    name: _builder(name) for name in CHECK_MODULES
}

#: Results and parsed prose kept in memory, bounded: ``mkdocs serve`` runs for hours.
_CACHE: Memo[tuple[str, str, str, str], PageResult] = Memo(50_000)
_PROSE_CACHE: Memo[str, ProseDocument] = Memo(2_000)
#: Where results came from in this process: ``computed``, ``memory`` or ``disk``.
STATS: Counter[str] = Counter()


class LazyCheck:
    """A check whose fingerprint is known without building it; built on first use.

    The fingerprint covers the check's options in mkdocs.yml that change results
    (``options_used`` in its module, defaults filled in, so the build and ``homeroom
    check`` agree), the site's languages, the contents of the data files it reads
    (``data_files``) and the code version, so a cached result can never outlive a change
    to any of them.
    """

    def __init__(self, name: str, settings: Settings) -> None:
        """The check ``name`` (a key of :data:`CHECK_MODULES`) for a site."""
        self.name = name
        self.settings = settings
        self.cacheable: bool = True
        self._check: PageCheck | None = None
        self._fingerprint: str | None = None

    @property
    def check(self) -> PageCheck:
        """The real check, built (data files read and validated) on first use."""
        if self._check is None:
            self._check = CHECK_BUILDERS[self.name](self.settings)
            self.cacheable = getattr(self._check, "cacheable", True)
        return self._check

    def fingerprint(self) -> str:
        """Changes whenever the options, languages, data files or code change."""
        if self._fingerprint is None:
            module = importlib.import_module(CHECK_MODULES[self.name])
            languages = self.settings.languages
            self._fingerprint = digest(
                self.name,
                code_version(),
                module.options_used(self.settings),
                [(x.code, x.default) for x in languages.languages],
                languages.open,
                files_digest(module.data_files(self.settings)),
            )
        return self._fingerprint

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Check one page with the real check."""
        return self.check.check_page(source, doc)

    def __getattr__(self, name: str) -> Any:
        # Anything else (a jargon check's glossaries) comes from the real check.
        return getattr(self.check, name)


def build_checks(settings: Settings, only: Iterable[str] | None = None) -> list[PageCheck]:
    """The checks a site uses (built lazily: see :class:`LazyCheck`).

    ``only`` names the checks to build; by default every check listed in mkdocs.yml, or all
    of them when mkdocs.yml lists none.
    """
    if only is None:
        listed = [name for name in CHECK_MODULES if name in settings.plugins]
        only = (
            [n for n in listed if settings.enabled(n)] if settings.plugins else list(CHECK_MODULES)
        )
    return [LazyCheck(name, settings) for name in only]


def prose_of(source: Source) -> ProseDocument:
    """The prose of a source, parsed once per content."""
    doc = _PROSE_CACHE.get(source.digest)
    if doc is None:
        from homeroom.text.prose import extract

        doc = extract(source.text)
        _PROSE_CACHE.put(source.digest, doc)
    return doc


def allow_site_findings(
    sources: Iterable[Source], findings: Iterable[Finding], root: Path | None = None
) -> list[Finding]:
    """Apply the pages' ``allow:`` entries to findings a check across pages made.

    Translation coverage reports on a page (``i18n.missing`` on the English page,
    ``i18n.stale`` on the translation); the page's own ``allow:`` entries (with their
    reasons) apply to those findings exactly as to the page checks' findings.
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
        findings = tuple(
            Finding(**{**item, "severity": Severity(item["severity"])}) for item in data["findings"]
        )
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


def check_page(
    source: Source,
    checks: Sequence[PageCheck],
    cache: DiskCache | None = None,
    broken: Broken | None = None,
) -> tuple[list[Finding], dict[str, Any]]:
    """Run every check on one page; return its findings and merged metrics.

    A check whose data cannot be read raises, unless ``broken`` collects it: then the
    check is skipped from here on.
    """
    findings: list[Finding] = []
    metrics: dict[str, Any] = {}
    page_key = f"{source.display}\0{source.digest}"
    for check in checks:
        if broken is not None and check.name in broken.names:
            continue
        fingerprint = check.fingerprint()
        key = (check.name, fingerprint, source.display, source.digest)
        result = _CACHE.get(key)
        origin = "memory"
        if result is None and cache is not None and getattr(check, "cacheable", True):
            result = _from_json(cache.get(check.name, fingerprint, page_key))
            origin = "disk"
        if result is None:
            try:
                result = check.check_page(source, prose_of(source))
            except HomeroomError as exc:
                if broken is None:
                    raise
                broken.add(check.name, exc)
                continue
            origin = "computed"
            if cache is not None and getattr(check, "cacheable", True):
                cache.put(check.name, fingerprint, page_key, _to_json(result))
        elif (
            origin == "memory"
            and cache is not None
            and getattr(check, "cacheable", True)
            and cache.get(check.name, fingerprint, page_key) is None
        ):
            # Known from an earlier run in this process (another site, say): this site's
            # disk cache gets it too, so its next run in a new process reuses it.
            cache.put(check.name, fingerprint, page_key, _to_json(result))
        STATS[origin] += 1
        _CACHE.put(key, result)
        findings.extend(result.findings)
        metrics.update(result.metrics)
    if findings and suppressions.has_any(source):
        findings = suppressions.apply(source, prose_of(source), findings)
    return findings, metrics


def _lookup(
    source: Source, check: PageCheck, cache: DiskCache | None
) -> tuple[tuple[str, str, str, str], PageResult | None]:
    """A result already known, from memory or the disk cache (without computing it)."""
    fingerprint = check.fingerprint()
    key = (check.name, fingerprint, source.display, source.digest)
    result = _CACHE.get(key)
    if result is None and cache is not None and getattr(check, "cacheable", True):
        result = _from_json(
            cache.get(check.name, fingerprint, f"{source.display}\0{source.digest}")
        )
        if result is not None:
            STATS["disk"] += 1
            _CACHE.put(key, result)
    return key, result


#: How many processes check pages (one per core unless ``$HOMEROOM_JOBS`` says otherwise).
jobs = parallel.jobs


# What forked workers read: set just before the pool starts (they inherit it).
_FORKED: tuple[Sequence[Source], Sequence[PageCheck], Callable[[Source], Any] | None] | None = None


def _work(
    batch: list[tuple[int, tuple[int, ...]]],
) -> list[tuple[int, list[tuple[int, PageResult]] | None, Any]]:
    """In a worker process: the missing results of a batch of pages."""
    assert _FORKED is not None  # noqa: S101 - set before the fork
    sources, checks, after_page = _FORKED
    done: list[tuple[int, list[tuple[int, PageResult]] | None, Any]] = []
    for index, missing in batch:
        source = sources[index]
        try:
            doc = prose_of(source)
            results = [(c, checks[c].check_page(source, doc)) for c in missing]
            extra = after_page(source) if after_page is not None else None
        except Exception:
            done.append((index, None, None))
            continue
        done.append((index, results, extra))
    return done


def _compute_in_parallel(
    sources: Sequence[Source],
    checks: Sequence[PageCheck],
    cache: DiskCache | None,
    after_page: Callable[[Source], Any] | None,
    keep: Callable[[Source, Any], None] | None,
    workers: int,
) -> None:
    """Compute the results no cache has, in ``workers`` processes, into the memory cache.

    Used only where forking is safe (no other thread is running: not under ``mkdocs
    serve``) and worth it (see :func:`homeroom.run.parallel.can_fork`). Anything a worker
    could not do is left for the ordinary, one-process path, which reports it.
    """
    global _FORKED
    if not parallel.can_fork(workers, len(sources)):
        return
    todo: list[tuple[int, tuple[int, ...]]] = []
    for index, source in enumerate(sources):
        missing = tuple(
            c for c, check in enumerate(checks) if _lookup(source, check, cache)[1] is None
        )
        if missing:
            todo.append((index, missing))
    if not parallel.can_fork(workers, len(todo)):
        return
    for check in checks:
        if isinstance(check, LazyCheck):
            try:
                check.check  # noqa: B018 - read the data once, before forking
            except HomeroomError:
                return  # the one-process path reports it
    size = max(1, len(todo) // (workers * 8))
    batches = [todo[i : i + size] for i in range(0, len(todo), size)]
    _FORKED = (sources, checks, after_page)
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            for done in pool.imap_unordered(_work, batches):
                for index, results, extra in done:
                    if results is None:
                        continue
                    source = sources[index]
                    for c, result in results:
                        check = checks[c]
                        fingerprint = check.fingerprint()
                        _CACHE.put((check.name, fingerprint, source.display, source.digest), result)
                        STATS["computed"] += 1
                        if cache is not None and getattr(check, "cacheable", True):
                            page_key = f"{source.display}\0{source.digest}"
                            cache.put(check.name, fingerprint, page_key, _to_json(result))
                    if keep is not None and extra is not None:
                        keep(source, extra)
    finally:
        _FORKED = None


def run(
    sources: Iterable[Source],
    checks: Sequence[PageCheck],
    cache: DiskCache | None = None,
    after_page: Callable[[Source], Any] | None = None,
    keep: Callable[[Source, Any], None] | None = None,
    workers: int = 1,
    broken: Broken | None = None,
) -> Report:
    """Check many pages; findings come sorted by file, line and column.

    ``after_page`` is called with each page whose checks ran, right after them, while what
    was parsed from it is still in memory; when it ran in another process, its (picklable)
    return value is handed to ``keep`` here. With ``workers`` above 1, pages no cache
    knows are checked in that many processes. With a disk cache, new results are saved to
    it before returning.
    """
    sources = list(sources)
    _compute_in_parallel(sources, checks, cache, after_page, keep, workers)
    findings: list[Finding] = []
    pages: list[PageSummary] = []
    for source in sources:
        computed = STATS["computed"]
        page_findings, metrics = check_page(source, checks, cache, broken)
        if after_page is not None and STATS["computed"] != computed:
            after_page(source)
        findings.extend(page_findings)
        pages.append(PageSummary(path=source.display, language=source.language, metrics=metrics))
    if cache is not None:
        cache.save()
    findings.sort()
    return Report(findings=tuple(findings), pages=tuple(pages))


def run_each(
    sources: Sequence[Source],
    checks: Sequence[PageCheck],
    cache: DiskCache | None = None,
    workers: int = 1,
) -> dict[str, Report]:
    """One report per check (by name), going through the pages once.

    Each page's prose is parsed once for all the checks, however large the site.
    """
    _compute_in_parallel(sources, checks, cache, None, None, workers)
    findings: dict[str, list[Finding]] = {check.name: [] for check in checks}
    pages: dict[str, list[PageSummary]] = {check.name: [] for check in checks}
    for source in sources:
        for check in checks:
            page_findings, metrics = check_page(source, [check], cache)
            findings[check.name].extend(page_findings)
            pages[check.name].append(PageSummary(source.display, source.language, metrics))
    if cache is not None:
        cache.save()
    return {
        name: Report(findings=tuple(sorted(found)), pages=tuple(pages[name]))
        for name, found in findings.items()
    }
