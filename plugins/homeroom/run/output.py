"""Where a site may be written, and the marks that say a folder is Homeroom's own.

A build replaces its output folder whole. That is safe only for a folder Homeroom made:
never the project, its content, its ``.git``, or a folder that holds anything else. Each
site Homeroom builds carries a small mark file; a folder without it is never replaced or
emptied.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from homeroom.data.sources import display_path
from homeroom.model.errors import InputError

#: Written into every site ``homeroom build`` publishes: only such a folder is replaced.
SITE_MARK = ".homeroom-site"
#: Written into a build's temporary folder, with the building process's id.
STAGING_MARK = ".homeroom-staging"


def _within(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def output_problem(target: Path, project_root: Path, docs_dir: Path) -> str | None:
    """Why ``target`` cannot be a site folder, or None when it can.

    Refused: the project itself or a folder that holds it; the content folder, anything
    inside it or holding it; anything inside ``.git``; a file; and an existing folder that
    is not empty and carries no :data:`SITE_MARK` (Homeroom did not make it) or
    :data:`STAGING_MARK` (a build's temporary folder).
    """
    target = target.resolve()
    root = project_root.resolve()
    docs = docs_dir.resolve()
    shown = display_path(target, root)
    if _within(root, target):
        return (
            f"the site folder `{shown}` is the project folder or holds it: building there "
            "would delete your pages and settings. Use a folder of its own, such as `site`."
        )
    if _within(target, docs) or _within(docs, target):
        return (
            f"the site folder `{shown}` is, holds or lies inside the content folder: building "
            "there would delete pages. Use a folder of its own, such as `site`."
        )
    for part in (target, *target.parents):
        if part.name == ".git":
            return (
                f"the site folder `{shown}` lies inside `.git`, where git keeps your history. "
                "Use a folder of its own, such as `site`."
            )
    if target.exists() or target.is_symlink():
        if target.is_symlink() or not target.is_dir():
            return (
                f"`{shown}` is a file or a link, not a folder: Homeroom will not replace it. "
                "Move it away, or choose another site folder."
            )
        marked = (target / SITE_MARK).is_file() or (target / STAGING_MARK).is_file()
        if not marked and any(target.iterdir()):
            return (
                f"the folder `{shown}` was not made by `homeroom build` (it has no "
                f"{SITE_MARK} mark), so Homeroom will not replace what is in it. Move it away "
                "or delete it yourself if it is an old site, or choose another site folder."
            )
    return None


def check_output(target: Path, project_root: Path, docs_dir: Path, where: str) -> None:
    """Raise an :class:`InputError` (naming ``where``) when ``target`` cannot be written."""
    problem = output_problem(target, project_root, docs_dir)
    if problem is not None:
        raise InputError(where, problem)


def write_mark(folder: Path, name: str, **fields: object) -> None:
    """Write a mark file (small JSON) into a folder Homeroom made."""
    (folder / name).write_text(json.dumps({"tool": "homeroom", **fields}) + "\n", "utf-8")


def read_mark(folder: Path, name: str) -> dict[str, object] | None:
    """The mark file's fields, or None when it is missing or not Homeroom's."""
    try:
        data = json.loads((folder / name).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("tool") == "homeroom" else None


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running (on this machine)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
