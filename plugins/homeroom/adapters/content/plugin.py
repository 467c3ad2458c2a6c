"""``homeroom/content``: every page readable, safe and finished; the theme's script hashes.

- Runs before mkdocs-static-i18n sorts files by language (it works at priority -100), so a
  page with an unknown language suffix or a duplicate default-language file is reported
  instead of silently dropped, and malformed front matter (which MkDocs itself ignores)
  stops the build with its line.
- Checks every page with the core content check (:mod:`homeroom.checks.content`: code
  that runs, embedded sites, redirects, forms, notes left by ``homeroom new``, ``allow``
  entries that allow nothing) and the content folder for script files. Each is an
  error, and :class:`~homeroom.adapters.gate.Gate` stops the build before any page is
  written (under ``mkdocs serve`` they are logged and the preview still rebuilds).
- Gives the theme's templates the hashes of the theme's own inline scripts
  (``homeroom_script_hashes``, :mod:`homeroom.theme.csp`), which ``overrides/main.html`` puts
  in its Content-Security-Policy.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from homeroom.adapters.content.config import ContentConfig
from homeroom.adapters.gate import Gate
from homeroom.adapters.session import checked

#: The name the templates read the script hashes by.
HASHES = "homeroom_script_hashes"


class ContentPlugin(Gate, BasePlugin[ContentConfig]):
    """Stop the build on broken, unsafe or unfinished input, naming the file and line."""

    def __init__(self) -> None:
        """Set up per-build state."""
        self.script_hashes: list[str] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Hash the theme's fixed inline scripts, from its templates as this build sees them."""
        from homeroom.theme.csp import script_hashes

        config = super().on_config(config)
        env = config.theme.get_env()
        names = env.list_templates(
            filter_func=lambda name: name.endswith(".html") and not name.startswith(".")
        )
        loader = env.loader
        if loader is None:
            raise PluginError("homeroom/content: the theme has no templates to read.")
        self.script_hashes = script_hashes(loader.get_source(env, name)[0] for name in names)
        return config

    # Before static-i18n (-100) drops or merges files, and before Homeroom's checks (0): broken
    # input stops the build as early as it can.
    @event_priority(100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Read every page once (broken input stops the build) and run the build's checks."""
        if self.config.enabled:
            checked(config)
        return files

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        """Give the page's template the theme's script hashes."""
        context[HASHES] = self.script_hashes
        return context

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        """Give the other templates (the 404 page) the theme's script hashes."""
        context[HASHES] = self.script_hashes
        return context
