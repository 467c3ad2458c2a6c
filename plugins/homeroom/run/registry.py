"""Every check Homeroom has, by the plugin it belongs to, and how each is built.

Page checks are registered with their typed options (:data:`CHECKS`) and built lazily
(:class:`LazyCheck`): their fingerprint is known from their options and data files
without reading those files, so a run where every result is cached
never reads a glossary, parses Markdown or loads a pronouncing dictionary. Site checks
(:mod:`homeroom.checks.translations.site`) are built when a run needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from homeroom.checks import (
    PageCheck,
    PageResult,
    SiteCheck,
    SiteInput,
    SiteResult,
    content,
    feedback,
    jargon,
    pagetypes,
    readability,
    summary,
    tone,
)
from homeroom.checks.translations import terms, untranslated
from homeroom.data.options import (
    ContentOptions,
    FeedbackOptions,
    JargonOptions,
    MessagesOptions,
    PageTypesOptions,
    PluginOptions,
    ReadabilityOptions,
    TranslationsOptions,
    results_options,
)
from homeroom.data.settings import Settings
from homeroom.data.sources import Source, with_type_key
from homeroom.model.fingerprint import code_version, digest, files_digest

if TYPE_CHECKING:
    from homeroom.model.store import Store
    from homeroom.text.prose import ProseDocument


@dataclass(frozen=True)
class CheckSpec:
    """A page check: its plugin's name and options, how it is built and what data it reads."""

    name: str
    options: type[PluginOptions]
    build: Callable[[Settings], PageCheck]
    """Read the check's data (validated) and make the check."""
    data_files: Callable[[Settings], list[Path]]
    """The data files its results depend on (for the cache fingerprint)."""
    companions: tuple[Companion, ...] = ()
    """Checks that run under the same plugin, with its options (the tone check runs under
    ``homeroom/jargon``, which owns respectful language)."""


@dataclass(frozen=True)
class Companion:
    """A check that runs under another check's plugin: how it is built, what data it reads."""

    build: Callable[[Settings], PageCheck]
    data_files: Callable[[Settings], list[Path]]


class Together:
    """A plugin's check and its companions, run as one check (findings of all, in order)."""

    def __init__(self, main: PageCheck, companions: Sequence[PageCheck]) -> None:
        """Run ``main`` then each companion on every page."""
        self.main = main
        self.companions = tuple(companions)
        self.name = main.name

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Every check's findings; the main check's metrics, with each companion's under its name."""
        first = self.main.check_page(source, doc)
        findings = list(first.findings)
        metrics = dict(first.metrics)
        for check in self.companions:
            result = check.check_page(source, doc)
            findings.extend(result.findings)
            if result.metrics:
                metrics[check.name] = dict(result.metrics)
        return PageResult(findings=tuple(findings), metrics=metrics)

    def __getattr__(self, name: str) -> Any:
        # Anything else (a jargon check's glossaries) comes from the main check.
        return getattr(self.main, name)


#: Every page check Homeroom has, by plugin name (``homeroom/<name>`` in mkdocs.yml).
CHECKS: dict[str, CheckSpec] = {
    "content": CheckSpec("content", ContentOptions, content.build, content.data_files),
    "readability": CheckSpec(
        "readability", ReadabilityOptions, readability.build, readability.data_files
    ),
    "jargon": CheckSpec(
        "jargon",
        JargonOptions,
        jargon.build,
        jargon.data_files,
        companions=(Companion(tone.build, tone.data_files),),
    ),
    "pagetypes": CheckSpec("pagetypes", PageTypesOptions, pagetypes.build, pagetypes.data_files),
    "feedback": CheckSpec("feedback", FeedbackOptions, feedback.build, feedback.data_files),
    "messages": CheckSpec("messages", MessagesOptions, summary.build, summary.data_files),
    # The translation checks across pages are site checks (see build_site_checks); this
    # one reads one page at a time: a paragraph left in another language (and a term
    # rendered otherwise than the termbase approves).
    "translations": CheckSpec(
        "translations",
        TranslationsOptions,
        untranslated.build,
        untranslated.data_files,
        # A rendering of a term the district's termbase says to avoid, on its line.
        companions=(Companion(terms.build_page_check, terms.data_files),),
    ),
}


class LazyCheck:
    """A check whose fingerprint is known without building it; built on first use.

    The fingerprint covers the check's options in mkdocs.yml that change results (its
    typed options, defaults filled in, so the build and ``homeroom check`` agree), whether
    mkdocs.yml lists the plugin, the site's languages, the contents of the data files it
    reads and the code version, so a cached result can never outlive a change to any of
    them.
    """

    def __init__(self, name: str, settings: Settings) -> None:
        """The check ``name`` (a key of :data:`CHECKS`) for a site."""
        self.spec = CHECKS[name]
        self.name = name
        self.settings = settings
        self._check: PageCheck | None = None
        self._fingerprint: str | None = None

    @property
    def check(self) -> PageCheck:
        """The real check, built (data files read and validated) on first use."""
        if self._check is None:
            main = self.spec.build(self.settings)
            companions = [c.build(self.settings) for c in self.spec.companions]
            self._check = Together(main, companions) if companions else main
        return self._check

    def fingerprint(self) -> str:
        """Changes whenever the options, languages, data files or code change."""
        if self._fingerprint is None:
            languages = self.settings.languages
            self._fingerprint = digest(
                self.name,
                code_version(),
                results_options(self.settings.options(self.spec.options)),
                self.settings.listed(self.spec.options),
                [(x.code, x.default) for x in languages.languages],
                languages.open,
                files_digest(
                    [
                        *self.spec.data_files(self.settings),
                        *(p for c in self.spec.companions for p in c.data_files(self.settings)),
                    ]
                ),
                type_key(self.settings),
            )
        return self._fingerprint

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Check one page with the real check (its page type read from the site's key)."""
        return self.check.check_page(with_type_key(source, type_key(self.settings)), doc)

    def __getattr__(self, name: str) -> Any:
        # Anything else (a jargon check's glossaries) comes from the real check.
        return getattr(self.check, name)


def type_key(settings: Settings) -> str:
    """The front-matter key that names a page's type (``type_key:`` of ``homeroom/pagetypes``).

    Every check reads the page type (the readability profile, the jargon entries for one
    type, the essential pages), so the key is applied here, to every page every check sees.
    """
    return settings.options(PageTypesOptions).type_key or "type"


class KeyedSiteCheck:
    """A site check that sees every page's type through the site's page-type key."""

    def __init__(self, check: SiteCheck, key: str) -> None:
        """Wrap ``check``."""
        self.check = check
        self.key = key
        self.name = check.name

    def wanted(self, sources: Sequence[Source], store: Store | None) -> Sequence[Source]:
        """The pages the check needs data from."""
        return self.check.wanted([with_type_key(s, self.key) for s in sources], store)

    def page_data(self, source: Source, doc: ProseDocument) -> Any:
        """What the check needs from one page."""
        return self.check.page_data(with_type_key(source, self.key), doc)

    def check_site(self, site: SiteInput) -> SiteResult:
        """Check the whole site."""
        keyed = replace(site, sources=[with_type_key(s, self.key) for s in site.sources])
        return self.check.check_site(keyed)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.check, name)


def listed(settings: Settings, name: str) -> bool:
    """Whether a plugin is on: listed and enabled, or any plugin when mkdocs.yml lists none."""
    return settings.enabled(name) if settings.plugins else True


def build_checks(settings: Settings, only: Iterable[str] | None = None) -> list[LazyCheck]:
    """The page checks a site uses (built lazily: see :class:`LazyCheck`).

    ``only`` names the checks to build; by default every check listed in mkdocs.yml, or all
    of them when mkdocs.yml lists none.
    """
    if only is None:
        only = [
            name
            for name in CHECKS
            if (name in settings.plugins or not settings.plugins) and listed(settings, name)
        ]
    return [LazyCheck(name, settings) for name in only]


def build_site_checks(settings: Settings) -> list[SiteCheck]:
    """The site checks a site uses: the translation checks, when ``homeroom/translations`` is on.

    Its options are validated here (a bad one raises :class:`~homeroom.model.errors.ConfigError`).
    """
    if not settings.enabled("translations"):
        return []
    from homeroom.checks.translations import site

    key = type_key(settings)
    checks = site.build(settings)
    return checks if key == "type" else [KeyedSiteCheck(c, key) for c in checks]
