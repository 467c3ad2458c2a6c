"""Writing a file whole or not at all: a temporary file next to it, then a rename.

A reader (or a build stopped half-way) sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from homeroom.model.errors import InputError


def replace_file(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` atomically, keeping an existing file's permissions.

    A link is never replaced (the rename would put a plain file where the user's link was,
    and the file it points to would not change): that is an error naming the path.
    """
    if path.is_symlink():
        raise InputError(
            path.as_posix(),
            f"this is a link to {os.readlink(path)}, and Homeroom does not replace links, so "
            "nothing was changed. Run the command on the file it points to (with -f).",
        )
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
