"""One build's work, done once: settings, pages, findings and the verdict.

mkdocs-static-i18n re-runs a build once per language, and every Homeroom plugin takes part
in each pass. A :class:`Session` is what they share for one build: the settings (every
``homeroom/*`` entry of mkdocs.yml, read once), the pages (read from the content folder
once, the report cards generated from data once) and one run of every page and site check
over them (:func:`homeroom.run.engine.run`), exactly what ``homeroom check`` runs on the
whole site. The adapters only ask it questions; none of them keeps another's state.
"""

from __future__ import annotations

from typing import Any

from homeroom.data.settings import Settings
from homeroom.data.sources import Source, discover, load_sources
from homeroom.data.unlisted import set_aside
from homeroom.model.errors import InputError, InputErrors
from homeroom.model.findings import Finding
from homeroom.model.report import Report
from homeroom.run import engine, verdict
from homeroom.run.cache import DiskCache
from homeroom.run.registry import LazyCheck


def with_script_files(report: Report, settings: Settings) -> Report:
    """The report with the content folder's script files (files, not pages) added."""
    if not (settings.enabled("content") or not settings.plugins):
        return report
    from homeroom.checks.content import script_files

    scripts = script_files(settings.docs_dir, settings.project_root)
    return Report(findings=tuple(sorted((*report.findings, *scripts))), pages=report.pages)


class Session:
    """What one build knows, each part worked out the first time it is asked for."""

    def __init__(self, settings: Settings, cache: DiskCache | None, workers: int = 1) -> None:
        """A build of the site ``settings`` describe; results shared through ``cache``."""
        self.settings = settings
        self.cache = cache
        self.workers = workers
        self._sources: list[Source] | None = None
        self._unlisted: list[Finding] = []
        self._generated: list[Source] | None = None
        self._outcome: engine.Outcome | None = None
        self._checks: dict[str, LazyCheck] = {}

    @property
    def ran(self) -> bool:
        """Whether the checks have run (a later build on the same config needs a new session)."""
        return self._outcome is not None

    def check(self, name: str) -> LazyCheck:
        """The page check ``name`` of this build (built when first used; data read once)."""
        if name not in self._checks:
            self._checks[name] = LazyCheck(name, self.settings)
        return self._checks[name]

    def sources(self) -> list[Source]:
        """Every page in the content folder, read once.

        Raises :class:`~homeroom.model.errors.InputErrors` naming every file that cannot be
        read (bad encoding, front matter, duplicates, loops), not only the first. A page in
        a language the site does not list is not read: it is one finding of the build
        (:mod:`homeroom.data.unlisted`), and every other page is checked.
        """
        if self._sources is None:
            problems: list[InputError] = []
            paths, self._unlisted = set_aside(
                discover(self.settings.docs_dir, problems),
                self.settings.docs_dir,
                self.settings.languages,
                self.settings.project_root,
            )
            sources = load_sources(
                paths,
                self.settings.docs_dir,
                self.settings.languages,
                self.settings.project_root,
                problems,
            )
            if problems:
                raise InputErrors(problems)
            self._sources = sources
        return self._sources

    def generated(self) -> list[Source]:
        """The report cards as pages (when ``homeroom/reportcards`` is on), generated once."""
        if self._generated is None:
            self._generated = []
            if self.settings.enabled("reportcards"):
                from homeroom.reportcards.pages import generated_sources

                self._generated = generated_sources(self.settings, self.cache)
        return self._generated

    def outcome(self) -> engine.Outcome:
        """Every page and site check over every page, once per build."""
        if self._outcome is None:
            names = [c.name for c in engine.build_checks(self.settings)]
            checks = [self.check(name) for name in names]
            sources = self.sources()
            generated = self.generated()
            broken = engine.Broken()
            # A part of a site built in parts checks only its own languages' pages; the
            # translation checks still see every page (what exists in which language).
            part = self.settings.in_part
            outcome = engine.run(
                [s for s in (*sources, *generated) if part(s.language)],
                checks,
                self.cache,
                self.workers,
                broken,
                site_checks=engine.build_site_checks(self.settings),
                site_sources=sources,
                root=self.settings.project_root,
                site_scope=(lambda f: part(f.language)) if self.settings.part_languages else None,
            )
            if broken.errors:
                raise broken.errors[0] if len(broken.errors) == 1 else InputErrors(broken.errors)
            report = outcome.report
            if part(None):  # the content folder's own findings: with the default language
                report = with_script_files(report, self.settings)
            if self._unlisted and part(None):
                found = (*report.findings, *self._unlisted)
                report = Report(findings=tuple(sorted(found)), pages=report.pages)
            if generated:
                # A report card is no file: its findings name the data file and line of
                # their text (as in `homeroom check`).
                from homeroom.reportcards.pages import relocate

                report = Report(relocate(self.settings, report.findings), report.pages)
            self._outcome = engine.Outcome(report, outcome.values)
        return self._outcome

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding of the build, sorted."""
        return self.outcome().report.findings

    def value(self, name: str) -> Any:
        """What the site check ``name`` worked out (``translations``: the coverage)."""
        return self.outcome().values.get(name)

    def blocking(self) -> list[Finding]:
        """The findings that stop the build (each at or above its plugin's ``fail_on``)."""
        generated = {source.display for source in self.generated()}
        return verdict.blocking(self.settings, self.findings, generated)
