"""The three translation checks across pages, as the engine runs them (site checks).

- ``translations``: coverage (missing, stale, untracked, unreviewed and orphan pages, and
  the facts and structure a translation must share with its source);
- ``catalogs``: interface strings and notices a required language lacks (``i18n.catalog``);
- ``school-languages``: languages a school's families read that the site does not publish,
  or that the school's report card cannot be published in (``i18n.school-language``).

All three belong to the ``homeroom/translations`` plugin. Only coverage needs anything from
the pages: their shapes (facts, headings, list items), worked out by the engine while it
parses each page for the page checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from homeroom.checks import SiteCheck, SiteInput, SiteResult
from homeroom.checks.translations import facts
from homeroom.checks.translations.catalog import catalog_findings
from homeroom.checks.translations.compare import pair_known
from homeroom.checks.translations.coverage import coverage_of
from homeroom.checks.translations.options import Options, options_from
from homeroom.checks.translations.school_language import school_language_findings
from homeroom.checks.translations.terms import MissingTermCheck
from homeroom.data.home_languages import school_needs
from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.model.findings import Finding
from homeroom.model.fingerprint import code_version, digest, files_digest
from homeroom.model.store import Store
from homeroom.text.prose import ProseDocument


class _NoPageData:
    """For site checks that read data files only, not the pages."""

    def wanted(self, sources: Sequence[Source], store: Store | None) -> Sequence[Source]:
        """No page is needed."""
        return ()

    def page_data(self, source: Source, doc: ProseDocument) -> Any:
        """Never asked for."""
        return None


class CoverageCheck:
    """Which page exists, is current, stale or missing in which language."""

    name = "translations"

    def __init__(self, settings: Settings, options: Options, *, use_git: bool = True) -> None:
        """Coverage for a site, with its ``homeroom/translations`` options."""
        self.settings = settings
        self.options = options
        self.use_git = use_git

    def wanted(self, sources: Sequence[Source], store: Store | None) -> Sequence[Source]:
        """Pages in a pair (source and translation) no store has compared yet."""
        default = self.options.default
        originals = {s.page: s for s in sources if s.language == default}
        unknown = [
            s
            for s in sources
            if s.language != default
            and self.settings.in_part(s.language)
            and s.page in originals
            and (store is None or not pair_known(originals[s.page], s, store))
        ]
        needed = sorted({s.page for s in unknown})
        return [*unknown, *(originals[page] for page in needed)]

    def page_data(self, source: Source, doc: ProseDocument) -> facts.Shape:
        """The page's shape (its tokens are at hand: the page checks just parsed it)."""
        return facts.shape_of_source(source)

    def check_site(self, site: SiteInput) -> SiteResult:
        """Coverage of every page; its value is the :class:`~.coverage.Coverage` itself."""
        coverage = coverage_of(
            site.sources,
            self.settings,
            self.options,
            use_git=self.use_git,
            store=site.store,
            shapes=site.page_data,
        )
        return SiteResult(findings=coverage.findings, value=coverage)


class CatalogsCheck(_NoPageData):
    """Interface strings and notices missing in a required language."""

    name = "catalogs"

    def __init__(self, settings: Settings, options: Options) -> None:
        """The catalogs of a site."""
        self.settings = settings
        self.options = options

    def _key(self) -> str:
        """What the findings depend on: the strings and notices files, and the languages."""
        from homeroom.data.catalogs import STRINGS_DIR
        from homeroom.data.interface import interface_version
        from homeroom.data.notices import NOTICES_FILE
        from homeroom.text.lang import language_data_files

        data = self.settings.data_dir
        custom = self.settings.custom_dir
        files = [
            *(data / STRINGS_DIR).glob("*.yml"),
            data / NOTICES_FILE,
            *language_data_files(),
            *(sorted((custom / "partials" / "languages").glob("*.html")) if custom else []),
            self.settings.project_root / "mkdocs.yml",
        ]
        options = self.options
        return digest(
            files_digest(files),
            str(self.settings.project_root),
            options.default,
            list(options.languages),
            list(options.required),
            interface_version(),
        )

    def check_site(self, site: SiteInput) -> SiteResult:
        """Every key a required language lacks (kept in the store: a warm run reads no catalog)."""
        key = self._key() if site.store is not None else ""
        if site.store is not None:
            kept = site.store.get(self.name, code_version(), key)
            if isinstance(kept, list):
                try:
                    return SiteResult(findings=tuple(Finding.from_dict(item) for item in kept))
                except (KeyError, TypeError, ValueError):
                    pass  # an entry of another shape: work it out again
        found = tuple(catalog_findings(self.settings, self.options))
        if site.store is not None:
            site.store.put(self.name, code_version(), key, [f.to_dict() for f in found])
        return SiteResult(findings=found)


class SchoolLanguagesCheck(_NoPageData):
    """Languages each school's families need that the site does not publish."""

    name = "school-languages"

    def __init__(self, settings: Settings, options: Options) -> None:
        """The schools' home-language data of a site."""
        self.settings = settings
        self.options = options

    def check_site(self, site: SiteInput) -> SiteResult:
        """The findings; the value is every school's counts and needs (for the staff page)."""
        schools = school_needs(self.settings, self.options.rule)
        found = school_language_findings(self.settings, self.options, schools)
        return SiteResult(findings=tuple(found), value=schools)


def build(settings: Settings) -> list[SiteCheck]:
    """The translation site checks for a site (options validated here, once)."""
    options = options_from(settings)
    return [
        CoverageCheck(settings, options),
        CatalogsCheck(settings, options),
        SchoolLanguagesCheck(settings, options),
        MissingTermCheck(settings),
    ]
