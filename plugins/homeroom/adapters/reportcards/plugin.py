"""``homeroom/reportcards``: one report card per school per language, from data.

The pages are virtual files made by the core (:mod:`homeroom.reportcards.pages`), which
``homeroom check`` also checks; the privacy gate runs there, so a build that would reveal a
hidden value stops with a one-line error before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from homeroom.adapters.base import generated_page, is_repeat_pass, settings_from
from homeroom.adapters.gate import Gate
from homeroom.adapters.jargon.plugin import _current_language, _default_language
from homeroom.adapters.reportcards.config import ReportCardsConfig
from homeroom.adapters.reporting import FindingReporter, stop_on_input_errors
from homeroom.data.sources import display_path
from homeroom.model.errors import HomeroomError

log = get_plugin_logger(__name__)


class ReportCardsPlugin(Gate, BasePlugin[ReportCardsConfig]):
    """Generate the report cards and check them like every other page."""

    def __init__(self) -> None:
        """Set up per-build state."""
        self.reporter: FindingReporter | None = None
        self.summarised = False

    def _settings(self, config: MkDocsConfig):  # type: ignore[no-untyped-def]
        from homeroom.data.settings import Settings, load_settings

        live = settings_from(config, {"reportcards": dict(self.config)})
        if config.config_file_path and Path(config.config_file_path).is_file():
            # The other checks' options exactly as `homeroom check` reads them.
            on_disk = load_settings(Path(config.config_file_path))
            plugins = {**on_disk.plugins, "reportcards": dict(self.config)}
            return Settings(
                live.project_root, live.docs_dir, live.languages, plugins, on_disk.site_dir
            )
        return live

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load, validate and suppress the data once; bad data stops the build."""
        from homeroom.reportcards.pages import generate

        if self.reporter is None:
            self.reporter = FindingReporter(self.config.fail_on)
        # The pages name their sections with {#id} (language-neutral anchors that links
        # and the glance list use) and hold Markdown tables.
        for extension in ("attr_list", "tables"):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if self.config.enabled:
            try:
                settings = self._settings(config)
                cards = generate(settings)
            except HomeroomError as exc:
                stop_on_input_errors(exc)
            if not self.summarised:  # static-i18n runs on_config once per language
                self.summarised = True
                hidden = sum(school.hidden_count for school in cards.published)
                audit = (
                    display_path(cards.audit_path, settings.project_root)
                    if cards.audit_path
                    else "none"
                )
                log.info(
                    f"report cards for {len(cards.published)} schools in "
                    f"{', '.join(cards.languages)}; {hidden} values hidden to protect student "
                    f"privacy (audit log, never published: {audit})"
                )
        return config

    # After static-i18n (-100) has chosen this pass's files: it rebuilds every file from
    # disk, so generated pages are added once it is done, in the language it builds.
    @event_priority(-150)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add this language's report cards, then check them."""
        from homeroom.reportcards.pages import generate, generated_sources
        from homeroom.run import engine

        if not self.config.enabled or self.reporter is None:
            return files
        language = _current_language(config)
        default = _default_language(config)
        try:
            settings = self._settings(config)
            cards = generate(settings)
            if language not in cards.languages:
                return files
            for page in cards.pages:
                if page.language != language or files.get_file_from_path(page.uri) is not None:
                    continue
                file = generated_page(
                    config,
                    page.uri,
                    page.text,
                    language=language,
                    default=default,
                    languages=cards.languages,
                )
                files.append(file)
            if is_repeat_pass(config):
                return files  # every language's cards were checked in the first pass
            # Every language's cards, in the first pass: a finding on a Spanish card stops
            # the build before any page (of any language) is written.
            report = engine.run(generated_sources(settings), engine.build_checks(settings))
        except HomeroomError as exc:
            stop_on_input_errors(exc)
        self.reporter.clear()
        self.reporter.report(report.findings)
        return files
