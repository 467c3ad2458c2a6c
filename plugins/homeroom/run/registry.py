"""Every check Homeroom has, by the plugin it belongs to, and how each is built.

Page checks are built lazily (:class:`LazyCheck`): their fingerprint is known from their
options and data files without reading those files, so a run where every result is cached
never reads a glossary, parses Markdown or loads a pronouncing dictionary. Site checks
(:mod:`homeroom.checks.translations.site`) are built when a run needs them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from homeroom.checks import PageCheck, PageResult, SiteCheck
from homeroom.data.settings import Settings
from homeroom.data.sources import Source
from homeroom.model.fingerprint import code_version, digest, files_digest

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
        self._check: PageCheck | None = None
        self._fingerprint: str | None = None

    @property
    def check(self) -> PageCheck:
        """The real check, built (data files read and validated) on first use."""
        if self._check is None:
            self._check = CHECK_BUILDERS[self.name](self.settings)
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
            for name in CHECK_MODULES
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

    return site.build(settings)
