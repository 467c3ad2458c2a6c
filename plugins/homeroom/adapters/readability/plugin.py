"""``homeroom/readability``: the core readability check as an MkDocs plugin."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from homeroom import engine
from homeroom.adapters.base import FindingReporter, settings_from, sources_from
from homeroom.adapters.readability.config import ReadabilityConfig
from homeroom.checks import readability
from homeroom.errors import HomeroomError


class ReadabilityPlugin(BasePlugin[ReadabilityConfig]):
    """Report hard sentences as build warnings."""

    def __init__(self) -> None:
        """Set up per-build state."""
        self.reporter: FindingReporter | None = None
        self.check: readability.ReadabilityCheck | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load thresholds once per build; bad data stops the build with its file and line."""
        if self.reporter is None:
            self.reporter = FindingReporter(self.config.fail_on)
        try:
            settings = settings_from(config, {"readability": dict(self.config)})
            self.check = readability.build(settings)
        except HomeroomError as exc:
            raise PluginError(str(exc)) from None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check every page (all languages are present in the first pass)."""
        if not self.config.enabled or self.check is None or self.reporter is None:
            return files
        settings = settings_from(config, {})
        report = engine.run(sources_from(files, settings), [self.check])
        self.reporter.report(report.findings)
        return files
