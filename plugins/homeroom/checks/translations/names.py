"""How languages and files are named in the translation checks' messages to staff."""

from __future__ import annotations

from pathlib import Path

from homeroom.data.settings import Settings


def english_name(code: str) -> str:
    """The language's name in English, for messages to staff (``Spanish``)."""
    from homeroom.model.languages import english_language_name

    return english_language_name(code)


def display_path(path: Path, settings: Settings) -> str:
    """A file's path as findings show it: relative to the project when it is inside it."""
    try:
        return path.resolve().relative_to(settings.project_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
