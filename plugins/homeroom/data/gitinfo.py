"""What git knows about a page: its last commit, when it changed, an old version.

Every function answers ``None`` when there is no git, no repository or no such commit (a
shallow CI clone, a folder copied without history), and callers say so in plain words.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class Change:
    """A commit that changed a file."""

    commit: str
    date: str
    """``YYYY-MM-DD``."""
    subject: str


def _git(root: Path, *args: str) -> str | None:
    if shutil.which("git") is None:
        return None
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
    )
    return done.stdout if done.returncode == 0 else None


def top_level(path: Path) -> Path | None:
    """The repository that holds ``path``, if any."""
    out = _git(path if path.is_dir() else path.parent, "rev-parse", "--show-toplevel")
    return Path(out.strip()) if out else None


def committed_version(path: Path) -> str | None:
    """The last commit of ``path`` when the file on disk is exactly that version, else None.

    A file with edits not yet committed has no commit to point at: the hash alone then
    says what the translation was made from.
    """
    root = top_level(path)
    if root is None:
        return None
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    if _git(root, "ls-files", "--error-unmatch", rel) is None:
        return None
    if _git(root, "diff", "--quiet", "HEAD", "--", rel) is None:
        return None
    out = _git(root, "log", "-1", "--format=%H", "--", rel)
    return out.strip() or None if out else None


def changes_since(path: Path, commit: str) -> list[Change] | None:
    """Commits that changed ``path`` after ``commit``, oldest first; None if unknown."""
    root = top_level(path)
    if root is None or not commit:
        return None
    if _git(root, "cat-file", "-e", f"{commit}^{{commit}}") is None:
        return None
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    out = _git(root, "log", "--reverse", "--format=%H%x09%cs%x09%s", f"{commit}..HEAD", "--", rel)
    if out is None:
        return None
    changes = []
    for line in out.splitlines():
        sha, date, subject = ([*line.split("\t", 2), "", ""])[:3]
        changes.append(Change(sha, date, subject))
    return changes


def has_uncommitted_edits(path: Path) -> bool:
    """Whether the file differs from its last committed version."""
    root = top_level(path)
    if root is None:
        return False
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    out = _git(root, "status", "--porcelain", "--", rel)
    return bool(out and out.strip())


def last_change(path: Path) -> Change | None:
    """The newest commit that changed ``path``."""
    root = top_level(path)
    if root is None:
        return None
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    out = _git(root, "log", "-1", "--format=%H%x09%cs%x09%s", "--", rel)
    if not out or not out.strip():
        return None
    sha, date, subject = ([*out.strip().split("\t", 2), "", ""])[:3]
    return Change(sha, date, subject)


def file_at(path: Path, commit: str) -> str | None:
    """The text of ``path`` as it was at ``commit``."""
    root = top_level(path)
    if root is None or not commit:
        return None
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    return _git(root, "show", f"{commit}:{rel}")


_BLAME_COMMAND = ("blame", "--porcelain")


def line_author(path: Path, line: int) -> str | None:
    """``added by NAME on DATE`` for one line of a committed file, from git blame; else None."""
    if shutil.which("git") is None or not path.is_file():
        return None
    try:
        done = subprocess.run(
            ["git", "-C", str(path.parent), *_BLAME_COMMAND, f"-L{line},{line}", "--", path.name],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0 or not done.stdout:
        return None
    lines = done.stdout.splitlines()
    if set(lines[0].split(" ", 1)[0]) == {"0"}:
        return None  # not committed yet
    author = when = None
    for text in lines[1:]:
        if text.startswith("author "):
            author = text.removeprefix("author ").strip()
        elif text.startswith("author-time "):
            when = datetime.fromtimestamp(int(text.split()[1]), tz=UTC).date().isoformat()
    if not author:
        return None
    return f"added by {author} on {when}" if when else f"added by {author}"
