"""Results kept between runs, so nothing that did not change is checked twice.

Two layers:

- :class:`~homeroom.model.memo.Memo`, a bounded in-memory map (least recently used entries go
  first), for one process: ``mkdocs serve`` runs for hours and must not grow without limit.
- :class:`DiskCache`, a folder (``.homeroom-cache/`` by default) holding one JSON file per
  check and *fingerprint*. The fingerprint covers everything a result depends on besides
  the page: the check's options from mkdocs.yml, the site's languages, the content of the
  data files the check reads (glossaries, thresholds), and the Homeroom code and versions
  of the libraries it counts with. Inside a file, results are keyed by page path and
  content hash. Change a glossary entry, a threshold or a page, and the old result is
  simply never looked up again.

The folder is safe to delete at any time. Files are written whole to a temporary name and
renamed, so a reader never sees half a file; a file that cannot be read, or that belongs
to another check, fingerprint or format, is ignored, never trusted.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from homeroom.model.memo import Memo

#: The default cache folder, next to mkdocs.yml.
DEFAULT_DIR = ".homeroom-cache"
#: Environment variable naming another cache folder (``off`` disables the disk cache).
ENV_DIR = "HOMEROOM_CACHE_DIR"
#: Bumped whenever the layout of a cache file changes.
FORMAT = 1
#: Files kept per check: the current fingerprint and a few recent ones (other branches).
KEEP_PER_NAME = 4


def default_dir(project_root: Path) -> Path | None:
    """The cache folder: ``$HOMEROOM_CACHE_DIR`` if set (``off`` for none), else ``.homeroom-cache``."""
    chosen = os.environ.get(ENV_DIR)
    if chosen is not None:
        if chosen.strip().lower() in ("", "off", "none", "0"):
            return None
        return Path(chosen)
    return project_root / DEFAULT_DIR


class _Shelf:
    """The entries of one check under one fingerprint: one JSON file."""

    def __init__(self, path: Path, name: str, fingerprint: str) -> None:
        self.path = path
        self.name = name
        self.fingerprint = fingerprint
        self.entries: dict[str, Any] = self._read()
        self.dirty = False

    def _read(self) -> dict[str, Any]:
        try:
            with self.path.open(encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError, UnicodeDecodeError):
            return {}
        if (
            not isinstance(data, dict)
            or data.get("format") != FORMAT
            or data.get("name") != self.name
            or data.get("fingerprint") != self.fingerprint
            or not isinstance(data.get("entries"), dict)
        ):
            return {}  # another format, check or fingerprint: never trusted
        entries: dict[str, Any] = data["entries"]
        return entries

    def write(self) -> None:
        if not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "format": FORMAT,
            "name": self.name,
            "fingerprint": self.fingerprint,
            "entries": self.entries,
        }
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        self.dirty = False


class DiskCache:
    """Results on disk, by (name, fingerprint) and then by key (page path and content hash)."""

    def __init__(self, folder: Path, max_entries: int = 200_000) -> None:
        """Keep results in ``folder`` (created on first write)."""
        self.folder = folder
        self.max_entries = max_entries
        self._shelves: dict[tuple[str, str], _Shelf] = {}

    def _shelf(self, name: str, fingerprint: str) -> _Shelf:
        shelf = self._shelves.get((name, fingerprint))
        if shelf is None:
            safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
            path = self.folder / f"{safe}-{fingerprint}.json"
            shelf = self._shelves[(name, fingerprint)] = _Shelf(path, name, fingerprint)
        return shelf

    def get(self, name: str, fingerprint: str, key: str) -> Any:
        """The stored value, or None."""
        return self._shelf(name, fingerprint).entries.get(key)

    def put(self, name: str, fingerprint: str, key: str, value: Any) -> None:
        """Store a JSON-ready value (written by :meth:`save`)."""
        shelf = self._shelf(name, fingerprint)
        if shelf.entries.get(key) == value:
            return
        shelf.entries[key] = value
        shelf.dirty = True
        if len(shelf.entries) > self.max_entries:
            # Oldest first (dicts keep insertion order): drop the first tenth.
            for old in list(shelf.entries)[: self.max_entries // 10]:
                del shelf.entries[old]

    def save(self) -> None:
        """Write what changed; leave only the most recent files of each name.

        A cache that cannot be written (a read-only checkout) is skipped silently: it only
        ever saves time.
        """
        try:
            for shelf in self._shelves.values():
                shelf.write()
            self._prune()
        except OSError:
            pass

    def _prune(self) -> None:
        by_name: dict[str, list[Path]] = {}
        for shelf in self._shelves.values():
            prefix = shelf.path.name[: -len(f"-{shelf.fingerprint}.json")]
            if prefix in by_name:
                continue
            by_name[prefix] = sorted(
                self.folder.glob(f"{prefix}-*.json"),
                key=lambda p: p.stat().st_mtime,
                reverse=True,
            )
        for paths in by_name.values():
            for old in paths[KEEP_PER_NAME:]:
                # Only a file this cache wrote: `--cache-dir` may name a folder of others'.
                if _is_shelf(old):
                    with contextlib.suppress(OSError):
                        old.unlink()


def _is_shelf(path: Path) -> bool:
    """Whether a file is one of this cache's own (it starts as :meth:`_Shelf.write` writes)."""
    try:
        with path.open("rb") as handle:
            start = handle.read(64)
    except OSError:
        return False
    return start.startswith(json.dumps({"format": FORMAT})[:-1].replace(" ", "").encode() + b",")


class LayeredStore:
    """A :class:`~homeroom.model.store.Store`: a bounded memory in front of a disk cache.

    What site checks keep (pairs of pages compared) is found in memory on the language
    passes of one build and the rebuilds of ``mkdocs serve``, and on disk across runs.
    """

    def __init__(self, memory: Memo[tuple[str, str, str], Any], disk: DiskCache | None) -> None:
        """``memory`` is kept by the caller for the whole process; ``disk`` may be None."""
        self.memory = memory
        self.disk = disk

    def get(self, name: str, fingerprint: str, key: str) -> Any:
        """The stored value, from memory or else from disk, or None."""
        value = self.memory.get((name, fingerprint, key))
        if value is None and self.disk is not None:
            value = self.disk.get(name, fingerprint, key)
            if value is not None:
                self.memory.put((name, fingerprint, key), value)
        return value

    def put(self, name: str, fingerprint: str, key: str, value: Any) -> None:
        """Keep a JSON-ready value in memory and (written by ``save``) on disk."""
        self.memory.put((name, fingerprint, key), value)
        if self.disk is not None:
            self.disk.put(name, fingerprint, key, value)
