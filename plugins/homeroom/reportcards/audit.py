"""The audit log: every hidden (or coded) value and the rule that hid it, never published.

Written as JSON lines outside the site, and never over a file that is not an audit log.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from homeroom.data.atomic import replace_file
from homeroom.model.errors import InputError
from homeroom.reportcards.published import PublishedSchool

#: The audit log's file name, in the ``audit_dir`` folder.
AUDIT_NAME = "reportcards.jsonl"


def audit_lines(published: Iterable[PublishedSchool]) -> list[str]:
    """The audit log as JSON lines, one per hidden value."""
    return [
        json.dumps(entry.to_dict(), sort_keys=True)
        for school in published
        for entry in school.audit
    ]


def _is_audit_log(path: Path) -> bool:
    """Whether an existing file is an audit log Homeroom wrote (so it may be replaced)."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        return False
    if not first.strip():
        return path.stat().st_size <= 1
    try:
        entry = json.loads(first)
    except ValueError:
        return False
    return isinstance(entry, dict) and {"school", "cell", "rule"} <= set(entry)


def write_audit(published: Iterable[PublishedSchool], folder: Path) -> Path:
    """Write the audit log (never under the site folder) and return its path.

    A file of the same name that is not an audit log is never replaced.
    """
    path = folder / AUDIT_NAME
    if path.is_symlink() or (path.exists() and not _is_audit_log(path)):
        raise InputError(
            path.as_posix(),
            "this file is not an audit log Homeroom wrote, so it was not replaced. Move it, "
            "or set `audit_dir:` under homeroom/reportcards to a folder of its own.",
        )
    folder.mkdir(parents=True, exist_ok=True)
    lines = audit_lines(published)
    # Whole or not at all: a build stopped half-way never leaves half an audit log.
    replace_file(path, ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))
    return path
