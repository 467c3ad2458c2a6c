"""Read Markdown sources: encoding, front matter, language suffix, page identity.

Every problem here is an :class:`~homeroom.model.errors.InputError` whose message is one line
naming the file and line, written for the person who edits the file.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import json
import os
import re
import stat
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from homeroom.data.yamlfiles import load_yaml
from homeroom.model.errors import InputError, raise_all
from homeroom.model.languages import LanguageSet, language_name, split_suffix
from homeroom.model.memo import Memo
from homeroom.text import front_matter

# Front matter must open on the very first line and close with `---` or `...`.
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)

#: Folder inside ``docs_dir`` for editorial data (glossaries, thresholds); never published.
DATA_DIR = "_data"

#: Lists and quotes nested deeper than this stop the build: no family page needs it, and
#: MkDocs' Markdown reader crashes on a few hundred levels.
MAX_NESTING = 50
# A list item or quote line: its indentation, then its markers (`- `, `1. `, `> `).
_CONTAINER_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<markers>(?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))+)", re.M
)
# One marker: a quote's `>` (a space after it is optional) or a list item's bullet or number.
_MARKER = re.compile(r">|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")


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
    type_key: str = "type"
    """The front-matter key that names the page type (the site's ``type_key`` option)."""

    @property
    def page_type(self) -> str | None:
        """The page type from front matter (``type:``, or the site's own key), if any."""
        value = self.meta.get(self.type_key)
        return str(value) if value is not None else None


def setting_position(source: Source, key: str) -> tuple[int, int]:
    """Line and column of a top-level front-matter setting's value (1, 1 if not found).

    ``key: value`` (YAML), ``key = value`` (TOML) and ``"key": value`` (JSON).
    """
    front = source.text[: source.body_offset]
    name = re.escape(key)
    pattern = rf'^(?:{name}[ \t]*:|{name}[ \t]*=|[ \t]*"{name}"[ \t]*:)[ \t]*'
    match = re.search(pattern, front, re.MULTILINE)
    if match is None:
        return 1, 1
    line_start = front.rfind("\n", 0, match.start()) + 1
    return front.count("\n", 0, match.start()) + 1, match.end() - line_start + 1


def with_type_key(source: Source, key: str) -> Source:
    """The source reading its page type from front-matter key ``key``."""
    return source if source.type_key == key else replace(source, type_key=key)


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


def nesting_problem(text: str, display: str) -> InputError | None:
    """An error for a list or quote nested more than :data:`MAX_NESTING` levels deep."""
    for match in _CONTAINER_LINE.finditer(text):
        indent = match.group("indent").expandtabs(4)
        markers = len(_MARKER.findall(match.group("markers")))
        depth = len(indent) // 2 + markers
        if depth > MAX_NESTING:
            line = text.count("\n", 0, match.start()) + 1
            return InputError(
                display,
                f"a list or quote here is nested about {depth} levels deep (more than "
                f"{MAX_NESTING}), which the site cannot be built from and no family could "
                "follow. Flatten the list: a page needs two or three levels at most.",
                line=line,
            )
    return None


def parse_front_matter(text: str, display: str) -> tuple[dict[str, Any], int]:
    """Return (front matter, offset where the body starts).

    YAML between ``---`` lines (MkDocs, Jekyll, Hugo), TOML between ``+++`` lines and a
    JSON object (Hugo) are read. A file that opens a block but never closes it, a block
    that does not parse, or front matter that is not a set of ``key: value`` settings is
    an error with its line.
    """
    form = front_matter.opener(text)
    if form is None:
        return {}, 0
    found = front_matter.find(text)
    if found is None:
        opening, closing = _FENCES[form]
        raise InputError(
            display,
            f"the front matter (the settings block at the top of the page) starts with "
            f"{opening} but never ends. Add a line with just {closing} after the last setting.",
            line=1,
        )
    if found.form == "toml":
        data = _toml(found, display)
    elif found.form == "json":
        data = _json(found, display)
    else:
        data = load_yaml(
            found.content,
            display,
            first_line=found.first_line,
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
    return data, found.end


def _toml(found: front_matter.FrontMatter, display: str) -> Any:
    try:
        return tomllib.loads(found.content)
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_AT.search(str(exc))
        line = found.first_line + int(where.group(1)) - 1 if where else found.first_line
        reason = _TOML_AT.sub("", str(exc)).strip().rstrip(".")
        raise InputError(
            display,
            "the front matter (the settings block between the `+++` lines) is not valid "
            f'TOML: {reason}. Each setting is one line such as `title = "Grade 3"`.',
            line=line,
        ) from None


def _json(found: front_matter.FrontMatter, display: str) -> Any:
    try:
        return json.loads(found.content)
    except json.JSONDecodeError as exc:
        raise InputError(
            display,
            "the front matter (the settings block in `{ }` at the top of the page) is not "
            f'valid JSON: {exc.msg}. Each setting is a line such as `"title": "Grade 3",`.',
            line=found.first_line + exc.lineno - 1,
        ) from None


_FENCES = {"yaml": ("`---`", "`---`"), "toml": ("`+++`", "`+++`"), "json": ("`{`", "`}`")}
_TOML_AT = re.compile(r"\(at line (\d+), column \d+\)")


#: Sources already read, with the bytes they were read from. mkdocs-static-i18n re-runs
#: the build once per language and ``mkdocs serve`` rebuilds on every save: a file whose
#: bytes did not change is not decoded and parsed again. Bounded for long sessions.
_READ: Memo[tuple[Path, Path, Path | None, LanguageSet], tuple[bytes, Source]] = Memo(50_000)


def load_source(
    path: Path, docs_dir: Path, languages: LanguageSet, project_root: Path | None = None
) -> Source:
    """Read one Markdown file inside ``docs_dir``.

    Named pipes, devices and links that loop are refused before they are opened (reading
    a pipe would wait forever).
    """
    display = display_path(path, project_root)
    raw = read_regular_file(path, display)
    key = (path, docs_dir, project_root, languages)
    known = _READ.get(key)
    if known is not None and known[0] == raw:
        return known[1]
    rel = path.relative_to(docs_dir).as_posix() if path.is_relative_to(docs_dir) else path.name
    page, language = page_and_language(rel, display, languages)
    text = decode(raw, display)
    problem = nesting_problem(text, display)
    if problem is not None:
        raise problem
    source = source_from_text(text, display, rel, page, language)
    _READ.put(key, (raw, source))
    return source


def read_regular_file(path: Path, display: str) -> bytes:
    """The bytes of an ordinary file; a pipe, device, folder or looping link is an error."""
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(
                display,
                "this is a link (symlink) that points to itself or round in a circle, so "
                "there is no page to read. Delete the link, or point it at a real file.",
            ) from None
        raise InputError(display, f"cannot read this file ({exc.strerror}).") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a named pipe, device or socket"
        raise InputError(
            display,
            f"this is {kind}, not an ordinary file, so it cannot be a page. Remove it from "
            "the content folder, or replace it with a Markdown file.",
        )
    try:
        with path.open("rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(display, f"cannot read this file ({exc.strerror}).") from None


def safe_resolve(path: Path) -> Path:
    """``path.resolve()``, or the absolute path when a link loops (reported on reading)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


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


@functools.lru_cache(maxsize=64)
def _resolved(folder: Path) -> Path:
    # A project root is resolved once, not once per page (thousands of pages per build).
    return safe_resolve(folder)


def display_path(path: Path, project_root: Path | None) -> str:
    """A short path for messages: relative to the project root when possible."""
    root = project_root or Path.cwd()
    try:
        return safe_resolve(path).relative_to(_resolved(root)).as_posix()
    except ValueError:
        return os.path.relpath(path, root) if path.is_absolute() else path.as_posix()


def discover(docs_dir: Path, problems: list[InputError] | None = None) -> list[Path]:
    """Every Markdown page in ``docs_dir``, sorted, leaving out editorial data and hidden files.

    Folder links are followed, as MkDocs follows them, except a link back into a folder
    already walked (a loop). An unreadable folder or a looping link is a problem: added to
    ``problems`` when a list is given (so every one is reported), else raised.
    """
    if not docs_dir.is_dir():
        raise InputError(
            docs_dir.as_posix(),
            "this content folder does not exist. Create it, or point `docs_dir` in "
            "mkdocs.yml at the folder that holds your pages.",
        )
    found: list[Path] = []
    errors: list[InputError] = []
    seen = {safe_resolve(docs_dir)}

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else docs_dir
        errors.append(
            InputError(
                display_path(where, docs_dir.parent),
                f"cannot open this folder ({exc.strerror}), so its pages would be left out. "
                "Give the folder read permission, or move it out of the content folder.",
            )
        )

    def shown(folder: Path) -> str:
        # Not resolved: a link is named as the author sees it, not as where it points.
        return Path(os.path.relpath(folder, docs_dir.parent)).as_posix()

    for root, dirs, files in os.walk(docs_dir, onerror=unreadable, followlinks=True):
        kept = []
        for d in sorted(dirs):
            if d.startswith(".") or (d == DATA_DIR and Path(root) == docs_dir):
                continue
            folder = Path(root) / d
            real = safe_resolve(folder)
            here = safe_resolve(Path(root))
            if folder.is_symlink() and (here == real or here.is_relative_to(real)):
                errors.append(
                    InputError(
                        shown(folder),
                        "this folder is a link (symlink) back to a folder that holds it, so "
                        "its pages would be read again and again. Delete the link.",
                    )
                )
                continue
            if real in seen:
                errors.append(
                    InputError(
                        shown(folder),
                        "this folder is a link (symlink) to a folder that is already in the "
                        "content folder, so its pages would be published twice. Delete the link.",
                    )
                )
                continue
            seen.add(real)
            kept.append(d)
        dirs[:] = kept
        found.extend(Path(root) / f for f in files if f.endswith(".md") and not f.startswith("."))
    if problems is not None:
        problems.extend(errors)
    else:
        raise_all(errors)
    return sorted(found)


def check_duplicates(
    sources: Iterable[Source], languages: LanguageSet, problems: list[InputError] | None = None
) -> None:
    """Refuse ``page.md`` next to ``page.en.md`` (both claim the default language).

    Every duplicate is reported: added to ``problems`` when a list is given, else raised.
    """
    seen: dict[tuple[str, str], Source] = {}
    errors: list[InputError] = []
    for source in sources:
        key = (source.page, source.language)
        other = seen.get(key)
        if other is not None:
            # Name the file with the redundant suffix: that is the one to merge away.
            keep, extra = (other, source) if source.rel != source.page else (source, other)
            name = language_name(source.language) or source.language
            errors.append(
                InputError(
                    extra.display,
                    f"this file and {keep.display} are both the {name} version of the same "
                    f"page. Keep one: the default language ({languages.default.code}) needs no "
                    "suffix, so merge them into the file without a suffix.",
                )
            )
            continue
        seen[key] = source
    if problems is not None:
        problems.extend(errors)
    else:
        raise_all(errors)


def load_sources(
    paths: Iterable[Path],
    docs_dir: Path,
    languages: LanguageSet,
    project_root: Path | None = None,
    problems: list[InputError] | None = None,
) -> list[Source]:
    """Load many sources and refuse duplicates between them.

    A file that cannot be read does not stop the others: every problem is added to
    ``problems`` when a list is given, else all of them are raised together at the end.
    """
    errors: list[InputError] = []
    sources: list[Source] = []
    for path in paths:
        try:
            sources.append(load_source(path, docs_dir, languages, project_root))
        except InputError as exc:
            errors.append(exc)
    check_duplicates(sources, languages, errors)
    if problems is not None:
        problems.extend(errors)
    else:
        raise_all(errors)
    return sources
