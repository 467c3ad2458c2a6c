"""How the Homeroom MkDocs plugins speak: findings logged once each, counts for ``homeroom build``.

Unreadable input stops the build (:func:`stop_on_input_errors`), every finding is logged
once at its own level (:func:`log_findings`), and what a build found is handed to
``homeroom build`` (:func:`record_counts`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from homeroom.model.errors import HomeroomError, InputError, InputErrors
from homeroom.model.findings import Finding, Severity
from homeroom.run import reporters
from homeroom.run.build import REPORT_ENV

log = get_plugin_logger(__name__)


def stop_on_input_errors(problems: list[InputError] | HomeroomError) -> NoReturn:
    """Log every unreadable file or setting as an error, then stop the build."""
    if isinstance(problems, InputErrors):
        lines = [str(p) for p in problems.errors]
    elif isinstance(problems, HomeroomError):
        lines = [str(problems)]
    else:
        lines = [str(p) for p in problems]
    unique = list(dict.fromkeys(lines))
    record_counts(input=len(unique))
    if len(unique) == 1:
        raise PluginError(unique[0])
    for line in unique:
        log.error(line)
    raise PluginError(
        f"{len(unique)} files could not be read (each is listed above), so nothing was "
        "published. Fix them and build again."
    )


def record_counts(**counts: int) -> None:
    """Tell ``homeroom build`` what this build found (through the file it names)."""
    target = os.environ.get(REPORT_ENV)
    if not target:
        return
    path = Path(target)
    try:
        data = json.loads(path.read_text("utf-8")) if path.is_file() else {}
        data.update(counts)
        path.write_text(json.dumps(data), "utf-8")
    except (OSError, ValueError):
        pass  # only the closing line's counts are lost


def log_findings(findings: Iterable[Finding]) -> None:
    """Log each finding once, at its own level, in the CLI's words (``path:line:col: ...``)."""
    for finding in dict.fromkeys(findings):
        text = reporters.line(finding)
        if finding.severity is Severity.ERROR:
            log.error(text)
        elif finding.severity is Severity.WARNING:
            log.warning(text)
        else:
            log.info(text)
