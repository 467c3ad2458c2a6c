"""Writing a translation's record: ``homeroom translations mark-current`` and ``baseline``.

Only the ``translation:`` block of the translation's front matter changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from homeroom.checks.translations.records import record_of, source_hash
from homeroom.data import gitinfo
from homeroom.data.atomic import replace_file
from homeroom.data.sources import FRONT_MATTER_RE, Source
from homeroom.model.errors import InputError


def mark_current(
    original: Source,
    original_path: Path,
    translation_path: Path,
    translation: Source,
    *,
    reviewed_by: str = "",
    method: str = "",
    today: date | None = None,
    note: str = "",
) -> dict[str, Any]:
    """Record in the translation's front matter that it matches the source as it is now.

    Only the ``translation:`` block changes; every other line of the file stays as it was.
    Returns the new record.
    """
    record = translation.meta.get("translation")
    merged: dict[str, Any] = dict(record) if isinstance(record, Mapping) else {}
    if method:
        merged["method"] = method
    if not note:
        merged.setdefault("method", "person")
    else:
        # A baseline knows nothing of how the translation was made: it says so instead,
        # after any note the record had.
        earlier = str(merged.get("note") or "").strip()
        merged["note"] = f"{earlier} {note}" if earlier and note not in earlier else note
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
    text = _replace_block(translation.text, "translation", block)
    raw = translation_path.read_bytes()
    if b"\r\n" in raw:
        text = text.replace("\n", "\r\n")  # the file's own line ends, as the author saved it
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    # Whole or not at all: a command stopped half-way never leaves half a page.
    replace_file(translation_path, (bom + text).encode("utf-8"))
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


@dataclass(frozen=True)
class Untracked:
    """A translation that records nothing of its source, with the page it translates."""

    original: Source
    translation: Source


def untracked(sources: Sequence[Source], default: str) -> list[Untracked]:
    """Every translation whose record says nothing of its source (a site new to Homeroom)."""
    originals = {s.page: s for s in sources if s.language == default}
    found = []
    for source in sorted(sources, key=lambda s: (s.page, s.language)):
        original = originals.get(source.page)
        if source.language == default or original is None:
            continue
        record = record_of(source)
        if not record.source_hash and not record.problem:
            found.append(Untracked(original, source))
    return found


def baseline_note(today: date | None = None) -> str:
    """What a baseline record says: when, and that nobody compared the pages then."""
    when = (today or date.today()).isoformat()
    return (
        f"Recorded as current on {when}, when Homeroom was added to the site; nobody "
        "compared it with the source then."
    )


def record_baseline(
    pairs: Sequence[Untracked], project_root: Path, docs_dir: Path, today: date | None = None
) -> None:
    """Record each translation as matching its source as it is now, once, saying so."""
    note = baseline_note(today)
    # Every page is written, or none: a link (never replaced) is refused before any write.
    for pair in pairs:
        path = docs_dir / pair.translation.rel
        if path.is_symlink():
            raise InputError(
                pair.translation.display,
                "this page is a link to another file, and Homeroom does not replace links, "
                "so no translation was recorded. Record the file it points to with "
                "`homeroom translations mark-current`, or make the page a plain file.",
            )
    for pair in pairs:
        mark_current(
            pair.original,
            project_root / pair.original.display,
            docs_dir / pair.translation.rel,
            pair.translation,
            note=note,
        )
