"""Errors for broken input: one clear line naming the file and the line."""

from __future__ import annotations


class HomeroomError(Exception):
    """Base class for problems that stop Homeroom with a one-line message."""


class InputError(HomeroomError):
    """A source or data file that cannot be read as it is.

    ``str(error)`` is the whole one-line message: ``path:line: what is wrong. what to do``.
    """

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        """Remember where the problem is and what to say about it."""
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class ConfigError(HomeroomError):
    """A setting in ``mkdocs.yml`` or an editorial data file has the wrong form."""
