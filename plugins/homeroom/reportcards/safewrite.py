"""Write the imported data files without ever losing a file someone edited.

Every file the importer writes starts with a mark: ``# Written by homeroom reportcards
import from <file> (sha256 <digest>)``, the digest being that of the rest of the file. A
file in the output folder whose mark is missing, or whose digest no longer matches (it was
edited since), is someone's work: it is replaced only with ``--replace``, and then only
after a copy is kept next to it as ``<name>.bak-YYYYMMDD-HHMMSS``.

Every target is checked before anything is written, so a refusal changes nothing. Each
file is written to a temporary file in the same folder and moved into place with
``os.replace``, so a file is never left half-written; temporary files are removed if
anything fails.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from homeroom.data.sources import display_path
from homeroom.model.errors import HomeroomError, InputError

_MARK = "# Written by homeroom reportcards import from {source} (sha256 {digest})\n"
_MARK_LINE = re.compile(
    rb"^# Written by homeroom reportcards import from .* \(sha256 ([0-9a-f]{64})\)\r?$"
)
#: Entries of a folder that show it holds a site or a project, not only school data.
_NOT_DATA = {"mkdocs.yml", "properdocs.yml", "pyproject.toml", ".git"}


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _shown(path: Path, project_root: Path) -> str:
    """A target's path for messages: its folder resolved, the file itself never (a link)."""
    folder = display_path(path.parent, project_root)
    return path.name if folder == "." else f"{folder}/{path.name}"


def marked(text: str, source: str) -> str:
    """``text`` with the first line that marks it as written by the importer from ``source``."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _MARK.format(source=_printable(source), digest=digest) + text


def written_by_importer(data: bytes) -> bool:
    """Whether ``data`` is a file the importer wrote and nobody has changed since."""
    first, _, rest = data.partition(b"\n")
    match = _MARK_LINE.match(first)
    return match is not None and hashlib.sha256(rest).hexdigest() == match.group(1).decode()


class Action(Enum):
    """What writing one file does to the folder."""

    NEW = "new"
    SAME = "unchanged"  # the file already holds exactly this
    UPDATE = "updated"  # a file the importer wrote, not edited since
    REPLACE = "replaced"  # someone's file, replaced with --replace after a backup


@dataclass(frozen=True)
class Planned:
    """One file to write and what writing it does."""

    path: Path
    text: str
    action: Action


@dataclass(frozen=True)
class Written:
    """What writing the planned files did."""

    planned: tuple[Planned, ...]
    backups: tuple[Path, ...]

    def count(self, action: Action) -> int:
        """How many files were written with ``action``."""
        return sum(1 for p in self.planned if p.action is action)


class Refused(HomeroomError):
    """Several problems that stop an import, one line each; nothing was written."""

    def __init__(self, problems: Sequence[InputError]) -> None:
        """Keep every problem, in the order found."""
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def check_out_folder(out: Path, project_root: Path) -> None:
    """Refuse an output folder that is not a folder for school data files."""
    shown = display_path(out, project_root)
    if out.exists() and not out.is_dir():
        raise InputError(
            shown,
            "--out names a file, not a folder; expected a folder for the school data files, "
            "such as content/_data/schools (nothing was written).",
        )
    resolved = out.resolve()
    if ".git" in resolved.parts:
        raise InputError(
            shown,
            "--out is inside Git's own folder (.git), where files would corrupt the "
            "repository; expected a folder such as content/_data/schools (nothing was written).",
        )
    if resolved == project_root.resolve():
        raise InputError(
            shown,
            "--out is the project's own folder; expected a folder that holds only school data, "
            "such as content/_data/schools (nothing was written).",
        )
    if not out.is_dir():
        return
    for entry in sorted(out.iterdir()):
        name = entry.name
        other = (
            name in _NOT_DATA
            or name.endswith((".md", ".py"))
            or (entry.is_dir() and not name.startswith("."))
        )
        if other:
            raise InputError(
                shown,
                f"--out holds {name}, so it is not a folder of school data files; expected a "
                "new folder, or one that holds only school data, such as content/_data/schools "
                "(nothing was written).",
            )


def plan(
    out: Path,
    files: Mapping[str, str],
    project_root: Path,
    *,
    replace: bool,
    inputs: Iterable[Path] = (),
) -> list[Planned]:
    """What writing ``files`` (name -> text) into ``out`` does; every refusal at once.

    Raises :class:`Refused` listing every file that cannot be written: someone's
    file without ``replace``, a folder or a link in a file's place, or one of ``inputs``.
    """
    protected = {p.resolve() for p in inputs if p.exists()}
    planned: list[Planned] = []
    problems: list[InputError] = []
    for name, text in files.items():
        path = out / name
        shown = _shown(path, project_root)
        if path.resolve() in protected:
            problems.append(
                InputError(
                    shown,
                    "this is the file being imported (or its mapping) and would be written "
                    "over; expected --out to be another folder (nothing was written).",
                )
            )
            continue
        if path.is_symlink() or (path.exists() and not path.is_file()):
            problems.append(
                InputError(
                    shown,
                    "this is a folder or a link, not a data file; move it away and import "
                    "again (nothing was written).",
                )
            )
            continue
        if not path.exists():
            planned.append(Planned(path, text, Action.NEW))
            continue
        try:
            current = path.read_bytes()
        except OSError as exc:
            problems.append(
                InputError(
                    shown, f"this file cannot be read ({exc.strerror}); nothing was written."
                )
            )
            continue
        if current == text.encode("utf-8"):
            planned.append(Planned(path, text, Action.SAME))
        elif written_by_importer(current):
            planned.append(Planned(path, text, Action.UPDATE))
        elif replace:
            planned.append(Planned(path, text, Action.REPLACE))
        else:
            why = (
                "was edited by hand after it was imported"
                if current.startswith(b"# Written by homeroom reportcards import")
                else "was not written by this importer"
            )
            problems.append(
                InputError(
                    shown,
                    f"this file already exists and {why}, so importing would lose that "
                    "work. Import into a new folder and compare, or add --replace to keep a "
                    "copy of it as a .bak file and write the new one (nothing was written).",
                )
            )
    if problems:
        raise Refused(problems)
    return planned


def _backup(path: Path, stamp: str) -> Path:
    """Copy ``path`` to a new ``<name>.bak-<stamp>`` (``-2``, ``-3`` ... if taken)."""
    data = path.read_bytes()
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        backup = path.with_name(f"{path.name}.bak-{stamp}{suffix}")
        try:
            with backup.open("xb") as handle:  # never over an existing backup
                handle.write(data)
        except FileExistsError:
            continue
        return backup
    raise FileExistsError(path.name)  # pragma: no cover - a thousand backups in one second


def _file_mode(path: Path) -> int:
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write(planned: Iterable[Planned], project_root: Path) -> Written:
    """Write every planned file atomically, after backing up every file it replaces."""
    everything = tuple(planned)
    todo = [p for p in everything if p.action is not Action.SAME]
    if not todo:
        return Written(everything, ())
    folder = todo[0].path.parent
    made_folder = not folder.exists()
    temps: dict[Path, Path] = {}
    backups: list[Path] = []
    current: Path = folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for item in todo:
            current = item.path
            handle, name = tempfile.mkstemp(dir=folder, prefix=f".{item.path.name}.", suffix=".tmp")
            temps[item.path] = Path(name)
            with os.fdopen(handle, "wb") as out:
                out.write(item.text.encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
            os.chmod(name, _file_mode(item.path))
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        for item in todo:
            current = item.path
            if item.action is Action.REPLACE:
                backups.append(_backup(item.path, stamp))
        for item in todo:
            current = item.path
            os.replace(temps[item.path], item.path)
            del temps[item.path]
    except OSError as exc:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
        if made_folder and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        raise InputError(
            _shown(current, project_root),
            f"this file cannot be written ({exc.strerror or exc}); check the folder exists and "
            "you may write to it. Files not yet written were left as they were.",
        ) from None
    return Written(everything, tuple(backups))
