"""Writing a translation's record: ``homeroom translations mark-current``.

Only the ``translation:`` block of the translation's front matter changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from homeroom.checks.translations.records import source_hash
from homeroom.data import gitinfo
from homeroom.data.sources import FRONT_MATTER_RE, Source


def mark_current(
    original: Source,
    original_path: Path,
    translation_path: Path,
    translation: Source,
    *,
    reviewed_by: str = "",
    method: str = "",
    today: date | None = None,
) -> dict[str, Any]:
    """Record in the translation's front matter that it matches the source as it is now.

    Only the ``translation:`` block changes; every other line of the file stays as it was.
    Returns the new record.
    """
    record = translation.meta.get("translation")
    merged: dict[str, Any] = dict(record) if isinstance(record, Mapping) else {}
    if method:
        merged["method"] = method
    merged.setdefault("method", "person")
    merged["source_hash"] = source_hash(original)
    commit = gitinfo.committed_version(original_path)
    if commit:
        merged["source_commit"] = commit
    else:
        merged.pop("source_commit", None)
    if reviewed_by:
        merged["reviewed_by"] = reviewed_by
        merged["reviewed_on"] = (today or date.today()).isoformat()
    block = yaml.safe_dump(
        {"translation": merged}, sort_keys=False, allow_unicode=True, width=1000
    ).rstrip("\n")
    translation_path.write_text(
        _replace_block(translation.text, "translation", block), encoding="utf-8"
    )
    return merged


def _replace_block(text: str, key: str, block: str) -> str:
    """Put ``block`` in place of the top-level ``key:`` of the front matter (or add it)."""
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        return f"---\n{block}\n---\n\n{text}"
    inner_start = match.start(1) if match.group(1) is not None else text.index("\n") + 1
    inner = match.group(1) or ""
    lines = inner.splitlines(keepends=True)
    out: list[str] = []
    skipping = False
    replaced = False
    for line in lines:
        if re.match(rf"{re.escape(key)}\s*:", line):
            out.append(block + "\n")
            skipping = True
            replaced = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    if not replaced:
        out.append(block + "\n")
    inner_end = inner_start + len(inner)
    return text[:inner_start] + "".join(out) + text[inner_end:]
