"""Read Markdown sources: encoding, front matter, language suffix, page identity.

Every problem here is an :class:`~homeroom.errors.InputError` whose message is one line
naming the file and line, written for the person who edits the file.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from homeroom.cache import Memo
from homeroom.errors import InputError
from homeroom.languages import LanguageSet, language_name, split_suffix
from homeroom.yamlfiles import load_yaml

# Front matter must open on the very first line and close with `---` or `...`.
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)

#: Folder inside ``docs_dir`` for editorial data (glossaries, thresholds); never published.
DATA_DIR = "_data"


@dataclass(frozen=True)
class Source:
    """One Markdown page as its author wrote it."""

    display: str
    """The path shown to people: relative to the project root, with ``/``."""
    rel: str
    """The path inside ``docs_dir``, e.g. ``grade-3.es.md``."""
    page: str
    """The page every translation shares, e.g. ``grade-3.md``."""
    language: str
    text: str
    """The whole file, newlines normalised to ``\\n`` (columns stay exact)."""
    meta: Mapping[str, Any] = field(default_factory=dict)
    body_offset: int = 0
    """Where the text after the front matter starts."""
    digest: str = ""

    @property
    def page_type(self) -> str | None:
        """The page type from front matter (``type:``), if any."""
        value = self.meta.get("type")
        return str(value) if value is not None else None


def decode(raw: bytes, display: str) -> str:
    """Decode UTF-8 (a BOM is allowed), or say where the first bad byte is."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            display,
            f"this file is not saved as UTF-8 text (unreadable byte 0x{raw[exc.start]:02x} "
            f"at column {column}). Open it in your editor and save it with the UTF-8 "
            "encoding, so accented letters show correctly for families.",
            line=line,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_front_matter(text: str, display: str) -> tuple[dict[str, Any], int]:
    """Return (front matter, offset where the body starts).

    A file that opens with ``---`` but never closes it, YAML that does not parse, or
    front matter that is not a set of ``key: value`` lines is an error with its line.
    """
    if not text.startswith("---"):
        return {}, 0
    first_line = text.split("\n", 1)[0]
    if first_line.rstrip() != "---":
        return {}, 0
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        raise InputError(
            display,
            "the front matter (the settings block at the top of the page) starts with `---` "
            "but never ends. Add a line with just `---` after the last setting.",
            line=1,
        )
    block = match.group(1) or ""
    data = load_yaml(
        block,
        display,
        first_line=2,
        what="the front matter (the settings block at the top of the page) is not valid",
    )
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(
            display,
            "the front matter must be a list of `key: value` settings, such as "
            "`title: Grade 3`, not a single value or a list.",
            line=2,
        )
    return data, match.end()


#: Sources already read, with the bytes they were read from. mkdocs-static-i18n re-runs
#: the build once per language and ``mkdocs serve`` rebuilds on every save: a file whose
#: bytes did not change is not decoded and parsed again. Bounded for long sessions.
_READ: Memo[tuple[Path, Path, Path | None, LanguageSet], tuple[bytes, Source]] = Memo(50_000)


def load_source(
    path: Path, docs_dir: Path, languages: LanguageSet, project_root: Path | None = None
) -> Source:
    """Read one Markdown file inside ``docs_dir``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        display = display_path(path, project_root)
        raise InputError(display, f"cannot read this file ({exc.strerror}).") from None
    key = (path, docs_dir, project_root, languages)
    known = _READ.get(key)
    if known is not None and known[0] == raw:
        return known[1]
    display = display_path(path, project_root)
    rel = path.relative_to(docs_dir).as_posix() if path.is_relative_to(docs_dir) else path.name
    page, language = page_and_language(rel, display, languages)
    source = source_from_text(decode(raw, display), display, rel, page, language)
    _READ.put(key, (raw, source))
    return source


def source_from_text(text: str, display: str, rel: str, page: str, language: str) -> Source:
    """Build a :class:`Source` from text already read (also used for generated pages)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = parse_front_matter(text, display)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Source(
        display=display,
        rel=rel,
        page=page,
        language=language,
        text=text,
        meta=meta,
        body_offset=body,
        digest=digest,
    )


def page_and_language(rel: str, display: str, languages: LanguageSet) -> tuple[str, str]:
    """Read ``grade-3.es.md`` as page ``grade-3.md`` in ``es``; refuse unknown suffixes."""
    folder, _, filename = rel.rpartition("/")
    base, suffix = split_suffix(filename)
    page = f"{folder}/{base}" if folder else base
    if suffix is None:
        return page, languages.default.code
    if languages.get(suffix) is None:
        known = ", ".join(languages.codes)
        name = language_name(suffix)
        what = f"'{suffix}' ({name})" if name else f"'{suffix}'"
        raise InputError(
            display,
            f"the file name ends in {what}, which is not a language this site publishes "
            f"({known}), so the page would silently disappear. Rename the file, or add the "
            "language under plugins > i18n > languages in mkdocs.yml.",
        )
    return page, suffix


def display_path(path: Path, project_root: Path | None) -> str:
    """A short path for messages: relative to the project root when possible."""
    root = project_root or Path.cwd()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return os.path.relpath(path, root) if path.is_absolute() else path.as_posix()


def discover(docs_dir: Path) -> list[Path]:
    """Every Markdown page in ``docs_dir``, sorted, leaving out editorial data and hidden files."""
    if not docs_dir.is_dir():
        raise InputError(
            docs_dir.as_posix(),
            "this content folder does not exist. Create it, or point `docs_dir` in "
            "mkdocs.yml at the folder that holds your pages.",
        )
    found: list[Path] = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != DATA_DIR)
        found.extend(Path(root) / f for f in files if f.endswith(".md") and not f.startswith("."))
    return sorted(found)


def check_duplicates(sources: Iterable[Source], languages: LanguageSet) -> None:
    """Refuse ``page.md`` next to ``page.en.md`` (both claim the default language)."""
    seen: dict[tuple[str, str], Source] = {}
    for source in sources:
        key = (source.page, source.language)
        other = seen.get(key)
        if other is not None:
            # Name the file with the redundant suffix: that is the one to merge away.
            keep, extra = (other, source) if source.rel != source.page else (source, other)
            raise InputError(
                extra.display,
                f"this file and {keep.display} are both the {language_name(source.language) or source.language} "
                f"version of the same page. Keep one: the default language ({languages.default.code}) "
                "needs no suffix, so merge them into the file without a suffix.",
            )
        seen[key] = source


def load_sources(
    paths: Iterable[Path], docs_dir: Path, languages: LanguageSet, project_root: Path | None = None
) -> list[Source]:
    """Load many sources and refuse duplicates between them."""
    sources = [load_source(p, docs_dir, languages, project_root) for p in paths]
    check_duplicates(sources, languages)
    return sources
