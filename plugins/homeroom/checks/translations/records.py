"""Translation records: what a translation says it was made from, and the page statuses.

Each translation records, in its front matter, a hash of the *normalised* source text it
was made from (so edits to spacing or punctuation alone do not make it stale, and a shallow
CI clone can still tell) and the source commit, when there is one (so a diff can be shown)::

    translation:
      method: machine          # or: person
      reviewed_by: Ana Ruiz    # a person who checked a machine translation
      source_hash: sha256:3f2a9c0d1e4b5a67
      source_commit: 1a2b3c4d...

``homeroom translations mark-current`` writes the last two (see :mod:`.marking`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from homeroom.data import gitinfo
from homeroom.data.sources import Source
from homeroom.model.errors import HomeroomError

METHODS = ("machine", "person")


class Status(StrEnum):
    """The state of one page in one language."""

    CURRENT = "current"
    STALE = "stale"
    UNTRACKED = "untracked"
    NEEDS_REVIEW = "needs review"
    MISSING = "missing"
    NOT_TRANSLATED = "not translated"
    ORPHAN = "orphan"


def normalised_text(body: str) -> str:
    """The words and numbers of a page body, without spacing or punctuation.

    Two versions of a source that differ only in white space, line breaks or punctuation
    (including Markdown's own: ``*``, ``#``, ``-``) give the same text, so such edits never
    make a translation stale.
    """
    text = unicodedata.normalize("NFKC", body)
    new = set(text).difference(_BLANKED_CHARS)
    if new:
        # Each character's Unicode category is looked up once per process, not per use.
        for ch in new:
            if unicodedata.category(ch).startswith(("P", "S", "Z", "C")):
                _BLANKED[ord(ch)] = " "
            _BLANKED_CHARS.add(ch)
    return " ".join(text.translate(_BLANKED).split())


#: Characters ``normalised_text`` has classified, and the ones it turns into spaces.
_BLANKED_CHARS: set[str] = set()
_BLANKED: dict[int, str] = {}


#: Settings of a page that families read as part of it: the title (in the menu, the tab
#: and search) and the description (in search results and link previews).
SHOWN_SETTINGS = ("title", "description")


def shown_settings(source: Source) -> tuple[str, ...]:
    """The page's ``title:`` and ``description:`` as families read them (empty when unset)."""
    return tuple(
        normalised_text(str(source.meta[key])) if source.meta.get(key) is not None else ""
        for key in SHOWN_SETTINGS
    )


def _digest(text: str) -> str:
    return f"sha256:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def source_hash(source: Source) -> str:
    """The hash a translation records of the source it was made from.

    It covers the words and numbers of the body and of the settings families read (the
    title and the description), so a new title makes translations stale like a new
    sentence does. A page with neither has the hash of its body alone, as before.
    """
    body = normalised_text(source.text[source.body_offset :])
    shown = shown_settings(source)
    if not any(shown):
        return _digest(body)
    return _digest("\n".join(("title", shown[0], "description", shown[1], "body", body)))


def body_hash(source: Source) -> str:
    """The hash of the body alone, which records written by earlier versions hold."""
    return _digest(normalised_text(source.text[source.body_offset :]))


def is_current(record: Record, original: Source, original_path: Path | None) -> bool:
    """Whether the source is as it was when the translation was recorded as current.

    A record written before the title and description counted holds the hash of the body
    alone. It is current when the body is the same and, where git can tell (the record's
    ``source_commit``), the title and description are too; without git only the body
    can be compared.
    """
    if not record.source_hash:
        return False
    if record.source_hash == source_hash(original):
        return True
    if record.source_hash != body_hash(original) or not any(shown_settings(original)):
        return False
    if original_path is None or not record.source_commit:
        return True
    before = source_text_at(original_path, record.source_commit)
    if before is None:
        return True  # a shallow clone: the commit is not here
    from homeroom.data.sources import source_from_text

    try:
        then = source_from_text(before, original.display, original.rel, original.page, "")
    except HomeroomError:
        return False
    return shown_settings(then) == shown_settings(original)


@dataclass(frozen=True)
class Record:
    """What a translation says about how it was made."""

    method: str = ""
    reviewed_by: str = ""
    reviewed_on: str = ""
    source_hash: str = ""
    source_commit: str = ""
    note: str = ""
    line: int = 1
    """The line of ``translation:`` in the front matter (1 when there is none)."""
    problem: str = ""
    """A reason the record cannot be read, in plain words."""


_HASH = re.compile(r"sha256:[0-9a-f]{16,64}")
_COMMIT = re.compile(r"[0-9a-f]{7,40}")


def _key_line(source: Source, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}\s*:", source.text[: source.body_offset], re.MULTILINE)
    return source.text.count("\n", 0, match.start()) + 1 if match else 1


def record_of(source: Source) -> Record:
    """Read the ``translation:`` block of a translation's front matter."""
    raw = source.meta.get("translation")
    line = _key_line(source, "translation")
    if raw is None:
        return Record(line=line)
    if not isinstance(raw, Mapping):
        return Record(
            line=line,
            problem="`translation:` must be a set of settings such as `method: machine`",
        )
    method = str(raw.get("method") or "")
    problem = ""
    if method and method not in METHODS:
        problem = f"`method: {method}` is not known: write `method: machine` or `method: person`"
    hash_text = str(raw.get("source_hash") or "")
    commit = str(raw.get("source_commit") or "")
    if hash_text and not _HASH.fullmatch(hash_text):
        problem = (
            f"`source_hash: {hash_text}` was not written by Homeroom (it looks like "
            "`sha256:` and 16 letters and digits). Delete the line, check the translation "
            "against the English page, then run `homeroom translations mark-current`"
        )
    elif commit and not _COMMIT.fullmatch(commit):
        problem = (
            f"`source_commit: {commit}` is not a git commit (7 to 40 letters a-f and digits). "
            "Delete the line, then run `homeroom translations mark-current`"
        )
    reviewed_on = raw.get("reviewed_on")
    return Record(
        method=method,
        reviewed_by=str(raw.get("reviewed_by") or ""),
        reviewed_on=str(reviewed_on) if reviewed_on is not None else "",
        source_hash=str(raw.get("source_hash") or ""),
        source_commit=str(raw.get("source_commit") or ""),
        note=str(raw.get("note") or ""),
        line=line,
        problem=problem,
    )


def source_text_at(original_path: Path, commit: str) -> str | None:
    """The source page's text at ``commit``, from git."""
    return gitinfo.file_at(original_path, commit)
