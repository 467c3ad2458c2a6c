"""``homeroom/content``: every page readable, in a language the site publishes.

Runs before mkdocs-static-i18n sorts files by language (it works at priority -100), so a
page with an unknown language suffix or a duplicate default-language file is reported
instead of silently dropped, and malformed front matter (which MkDocs itself ignores)
stops the build with its line.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from homeroom.adapters.base import Gate, settings_from, sources_from
from homeroom.adapters.content.config import ContentConfig


class ContentPlugin(Gate, BasePlugin[ContentConfig]):
    """Stop the build on broken input, naming the file and line."""

    # Before static-i18n (-100) drops or merges files, and before Homeroom's checks (0).
    @event_priority(100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Read every page once; broken input raises PluginError."""
        if self.config.enabled:
            sources_from(files, settings_from(config, {}))
        return files
