"""``homeroom/reportcards``: one report card per school per language, from data.

The pages are virtual files made by the core (:mod:`homeroom.reportcards.pages`), which
``homeroom check`` also checks; the privacy gate runs there, so a build that would reveal a
hidden value stops with a one-line error before anything is written.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from homeroom.adapters.base import generated_page
from homeroom.adapters.gate import Gate
from homeroom.adapters.reportcards.config import ReportCardsConfig
from homeroom.adapters.reporting import stop_on_input_errors
from homeroom.adapters.session import checked, current_language, default_language, session
from homeroom.data.sources import display_path
from homeroom.model.errors import HomeroomError

log = get_plugin_logger(__name__)


class ReportCardsPlugin(Gate, BasePlugin[ReportCardsConfig]):
    """Generate the report cards and check them like every other page."""

    def __init__(self) -> None:
        """Set up per-build state."""
        self.summarised = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load, validate and suppress the data once; bad data stops the build."""
        from homeroom.reportcards.pages import generate

        config = super().on_config(config)
        # The pages name their sections with {#id} (language-neutral anchors that links
        # and the glance list use) and hold Markdown tables.
        for extension in ("attr_list", "tables"):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if self.config.enabled:
            try:
                current = session(config)
                settings = current.settings
                cards = generate(settings, store=current.cache)
            except HomeroomError as exc:
                stop_on_input_errors(exc)
            if not self.summarised:  # static-i18n runs on_config once per language
                self.summarised = True
                audit = (
                    display_path(cards.audit_path, settings.project_root)
                    if cards.audit_path
                    else "none"
                )
                log.info(
                    f"report cards for {cards.schools} schools in "
                    f"{', '.join(cards.languages)}; {cards.hidden} values hidden to protect student "
                    f"privacy (audit log, never published: {audit})"
                )
        return config

    # After static-i18n (-100) has chosen this pass's files: it rebuilds every file from
    # disk, so generated pages are added once it is done, in the language it builds.
    @event_priority(-150)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add this language's report cards (the session checked every language's)."""
        from homeroom.reportcards.pages import generate

        if not self.config.enabled:
            return files
        language = current_language(config)
        default = default_language(config)
        try:
            # Every language's cards were checked with the build's pages: a finding on a
            # Spanish card stops the build before any page (of any language) is written.
            current = checked(config)
            cards = generate(current.settings, store=current.cache)
        except HomeroomError as exc:
            stop_on_input_errors(exc)
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
                # A school's card offers only the languages that school's card is in.
                languages=cards.languages_of(page),
            )
            files.append(file)
        return files
