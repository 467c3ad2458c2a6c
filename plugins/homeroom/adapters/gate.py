"""The gate every Homeroom MkDocs plugin has: settings checked first, no page written past a finding.

Before the build, mkdocs.yml's ``homeroom/*`` options and the site folder are checked
(:func:`check_settings_file`); after the checks, a finding at or above ``fail_on`` stops
the build before any page is written; after a build, the site folder is marked as
Homeroom's (:class:`Gate`).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from homeroom.adapters.reporting import record_counts, stop_on_input_errors
from homeroom.model.errors import HomeroomError
from homeroom.model.findings import Severity
from homeroom.run.build import REPORT_ENV

#: mkdocs.yml files already validated, by path and modification time.
_VALIDATED: set[tuple[str, int]] = set()


def check_settings_file(config: MkDocsConfig) -> None:
    """Validate every ``homeroom/*`` entry of mkdocs.yml as ``homeroom check`` does."""
    from homeroom.data.settings import load_settings

    if not config.config_file_path or not Path(config.config_file_path).is_file():
        return
    path = Path(config.config_file_path)
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    if key in _VALIDATED:
        return
    try:
        load_settings(Path(os.path.relpath(path)) if path.is_absolute() else path)
    except HomeroomError as exc:
        stop_on_input_errors(exc)
    _VALIDATED.add(key)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Gate:
    """Stops the build before any page is written when a finding reaches its ``fail_on``.

    Every Homeroom plugin has this ``on_env`` event; the first to run judges the build's
    findings (every check ran once, in the first ``on_files``, see
    :mod:`homeroom.adapters.session`), so a plain ``mkdocs build`` (without ``--strict``)
    fails too. Under ``mkdocs serve`` the findings are logged but the preview still
    rebuilds, so an editor sees the page while fixing it, with its findings marked on
    it (``on_post_page``, :mod:`homeroom.adapters.preview`).
    """

    command = "build"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is a build or a preview (``serve``)."""
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """A new build starts a new session (see :func:`homeroom.adapters.session.begin`).

        Plugins with an ``on_config`` of their own call this first.
        """
        from homeroom.adapters.session import begin

        begin(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Before MkDocs empties the site folder: refuse settings and folders that are wrong.

        The ``homeroom/*`` options are validated by the core, exactly as ``homeroom
        check`` validates them (an unknown option fails here too, not only under
        ``--strict``), and the site folder must be one Homeroom may replace.
        """
        check_settings_file(config)
        from homeroom.run.output import output_problem

        root = Path(config.config_file_path).resolve().parent if config.config_file_path else None
        if root is not None and self.command != "serve":
            problem = output_problem(Path(config.site_dir), root, Path(config.docs_dir))
            if problem is not None:
                raise PluginError(f"site_dir: {problem}")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Mark the site folder as Homeroom's, so a later build may replace it."""
        from homeroom.run.output import SITE_MARK, write_mark

        if self.command != "serve" and not os.environ.get(REPORT_ENV):
            # If it cannot be written, the next build asks for the folder to be moved.
            with contextlib.suppress(OSError):
                write_mark(Path(config.site_dir), SITE_MARK)

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        """Under ``mkdocs serve`` only: the page shows its findings (the author preview)."""
        if self.command != "serve":
            return output
        from homeroom.adapters.preview import show

        return show(output, page, config)

    # Last of the on_env events: the pages were read and checked, none is written yet.
    @event_priority(-1000)
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Raise :class:`PluginError` (one line with the counts) when a finding stops the build."""
        from homeroom.adapters.session import finished

        current = finished(config)
        if current is None:
            return env
        findings = current.findings
        blocking = current.blocking()
        counts = {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}
        record_counts(**counts, blocking=len(blocking))
        if blocking and self.command != "serve":
            stops = _plural(len(blocking), "finding") + (
                " stops" if len(blocking) == 1 else " stop"
            )
            raise PluginError(
                f"Homeroom found {_plural(counts['error'], 'error')} and "
                f"{_plural(counts['warning'], 'warning')}; {stops} the build (at or above "
                "`fail_on`), so no page was written. Fix those listed above and build again."
            )
        return env
