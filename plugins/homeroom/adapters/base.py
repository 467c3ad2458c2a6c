"""What every Homeroom check plugin shares: settings and pages from MkDocs, one check per build.

mkdocs-static-i18n re-runs the whole build once per language with the same plugin
instances, so ``on_config`` and ``on_files`` run once per language. Every page (of every
language) is already in the first pass's files, so the checks run in that pass only, all
of them in one walk over the pages (each page read and parsed once, see
:func:`homeroom.run.engine.run_each`), and each plugin reports its own findings.

Results also go to the disk cache (``.homeroom-cache/`` next to mkdocs.yml, or
``$HOMEROOM_CACHE_DIR``; ``off`` for none), shared with ``homeroom check``: a build after
a check, or a rebuild in ``mkdocs serve`` after one page was saved, re-checks only pages
whose content changed.

How findings are logged is in :mod:`homeroom.adapters.reporting`; what stops the
build, in :mod:`homeroom.adapters.gate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from homeroom.adapters.gate import Gate
from homeroom.adapters.reporting import FindingReporter, stop_on_input_errors
from homeroom.data.settings import Settings
from homeroom.data.sources import (
    DATA_DIR,
    Source,
    check_duplicates,
    display_path,
    load_source,
    source_from_text,
)
from homeroom.model.errors import HomeroomError, InputError
from homeroom.model.languages import LanguageSet
from homeroom.run.cache import DiskCache, default_dir

#: One disk cache per folder for the whole process, shared by every plugin and pass.
_DISK_CACHES: dict[Path, DiskCache] = {}


def disk_cache(settings: Settings) -> DiskCache | None:
    """The disk cache for a site (None when switched off with ``HOMEROOM_CACHE_DIR=off``)."""
    folder = default_dir(settings.project_root)
    if folder is None:
        return None
    folder = folder.resolve()
    if folder not in _DISK_CACHES:
        _DISK_CACHES[folder] = DiskCache(folder)
    return _DISK_CACHES[folder]


def is_repeat_pass(config: MkDocsConfig) -> bool:
    """Whether mkdocs-static-i18n is re-running the build for another language.

    It sets ``building`` while it runs the other languages' passes (and not in the first
    pass of a build, whichever language that is).
    """
    i18n = config.plugins.get("i18n")
    return bool(getattr(i18n, "building", False))


def generated_page(
    config: MkDocsConfig,
    uri: str,
    content: str,
    *,
    language: str,
    default: str,
    languages: Iterable[str],
) -> File:
    """A page Homeroom writes (a glossary, a report card, the staff page) for one language.

    It is given what mkdocs-static-i18n gives the pages it reads from disk: a place under
    ``<language>/`` outside the default language, and the ``alternates``, ``locale`` and
    ``locale_alternate_of`` its language switcher reads, pointing at the same page in each
    of ``languages`` (the other languages' switcher links go to their home pages).
    Add it after static-i18n's ``on_files``, which rebuilds every file from disk.
    """
    page = File.generated(config, uri, content=content)
    if language != default:
        page.dest_uri = f"{language}/{page.dest_uri}"
    # Read the URL only after moving the page: File caches it.
    base_url = page.url.removeprefix(f"{language}/")
    page.alternates = {  # type: ignore[attr-defined]
        lang: SimpleNamespace(url=base_url if lang == default else f"{lang}/{base_url}")
        for lang in languages
    }
    page.locale_alternate_of = ""  # type: ignore[attr-defined]
    page.locale = language  # type: ignore[attr-defined]
    return page


def settings_from(config: MkDocsConfig, plugin_options: dict[str, dict[str, Any]]) -> Settings:
    """Core settings from the live MkDocs configuration."""
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
    i18n = config.plugins.get("i18n")
    entries = None
    if i18n is not None:
        entries = [
            {"locale": lang.locale, "name": lang.name, "default": lang.default}
            for lang in i18n.config.languages
        ]
    try:
        languages = LanguageSet.from_i18n(entries)
    except HomeroomError as exc:
        stop_on_input_errors(exc)
    return Settings(
        project_root=root,
        docs_dir=Path(config.docs_dir).resolve(),
        languages=languages,
        plugins=plugin_options,
    )


def sources_from(files: Files, settings: Settings) -> list[Source]:
    """Every Markdown page of the build as a core :class:`Source`.

    Broken input (bad encoding, front matter, language suffix, duplicates, a pipe or a
    looping link) stops the build: every bad file is logged as an error with its file and
    line, then one :class:`PluginError` says how many there were.
    """
    from homeroom.data.sources import discover, page_and_language, safe_resolve

    sources: list[Source] = []
    problems: list[InputError] = []
    # Folders MkDocs cannot read or reads twice (a link loop) are found by walking them.
    discover(settings.docs_dir, problems)
    seen: set[Path] = set()
    for file in files:
        if not file.src_uri.endswith(".md") or file.src_uri.startswith(f"{DATA_DIR}/"):
            continue
        try:
            if file.abs_src_path:
                path = safe_resolve(Path(file.abs_src_path))
                if path in seen:
                    continue  # the same file through a folder link: reported above
                seen.add(path)
                sources.append(
                    load_source(path, settings.docs_dir, settings.languages, settings.project_root)
                )
            else:  # a page generated by a plugin: no file on disk
                shown = display_path(settings.docs_dir / file.src_uri, settings.project_root)
                display = f"{shown} (generated)"
                page, language = page_and_language(file.src_uri, display, settings.languages)
                sources.append(
                    source_from_text(file.content_string, display, file.src_uri, page, language)
                )
        except InputError as exc:
            problems.append(exc)
    check_duplicates(sources, settings.languages, problems)
    if problems:
        stop_on_input_errors(problems)
    return sources


class CheckConfig(Config):
    """Options every check plugin has, ``enabled`` first.

    - ``fail_on``: findings at least this serious fail ``mkdocs build --strict``
      (``error``, ``warning`` or ``info``); the rest are printed as advice.
    """

    enabled = c.Type(bool, default=True)
    fail_on = c.Choice(("error", "warning", "info"), default="error")


class CheckPlugin(Gate, BasePlugin[CheckConfig]):
    """A Homeroom check as an MkDocs plugin: build it in ``on_config``, run it in ``on_files``.

    Subclasses name the core check (``check_name``) and declare their options. Options are
    passed to the core under the check's name, exactly as ``homeroom check`` reads them
    from mkdocs.yml.
    """

    check_name = ""
    #: Whether ``on_files`` runs before static-i18n (-100), while every language's pages
    #: are still in the files.
    sees_every_language = True

    def __init__(self) -> None:
        """Set up per-build state."""
        self.reporter: FindingReporter | None = None
        self.check: Any = None
        self.pending: Any = None
        """This plugin's report, computed by whichever check plugin ran first this pass."""
        self.covered_by_first_pass = False
        self.covered = False
        """Whether this build's report covered every language (nothing left to check)."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load the check's data; bad data stops the build with file and line.

        The check is kept while its fingerprint (options, data files, code) is unchanged,
        so the language passes of a build read the data once.
        """
        from homeroom.run import engine

        if self.reporter is None:
            self.reporter = FindingReporter(self.config.fail_on)
        try:
            settings = settings_from(config, {self.check_name: dict(self.config)})
            check = engine.LazyCheck(self.check_name, settings)
            if self.check is None or self.check.fingerprint() != check.fingerprint():
                check.check  # noqa: B018 - build now, so bad data fails here
                self.check = check
        except HomeroomError as exc:
            stop_on_input_errors(exc)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check every page once per build.

        The first check plugin to run in the first pass (at priority 0, before static-i18n
        keeps only one language's files) checks every page for every check plugin; each
        plugin then reports its own findings. A plugin whose ``on_files`` runs after
        static-i18n (``sees_every_language = False``) and finds nothing computed for it
        checks the pages of each pass itself.
        """
        from homeroom.run import engine

        if not self.config.enabled or self.check is None or self.reporter is None:
            return files
        if not is_repeat_pass(config):
            # A new build: say every finding again (``mkdocs serve`` rebuilds in one process).
            self.reporter.clear()
            self.covered = False
        if self.covered:
            return files
        if self.pending is None:
            full = self.sees_every_language and not is_repeat_pass(config)
            plugins = [self]
            if full:
                plugins = [
                    plugin
                    for plugin in config.plugins.values()
                    if isinstance(plugin, CheckPlugin)
                    and plugin.config.enabled
                    and plugin.check is not None
                    and plugin.reporter is not None
                ]
            try:
                settings = settings_from(config, {})
                reports = engine.run_each(
                    sources_from(files, settings),
                    [plugin.check for plugin in plugins],
                    disk_cache(settings),
                    engine.jobs(),
                )
            except HomeroomError as exc:
                stop_on_input_errors(exc)
            for plugin in plugins:
                plugin.pending = reports[plugin.check.name]
                plugin.covered_by_first_pass = full
        report, self.pending = self.pending, None
        self.covered = self.covered_by_first_pass
        self.reporter.report(report.findings)
        return files
