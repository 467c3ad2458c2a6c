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


class InputErrors(HomeroomError):
    """Several files that cannot be read: every one is reported, not just the first."""

    def __init__(self, errors: list[InputError] | list[HomeroomError]) -> None:
        """Keep every error, in the order found."""
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def raise_all(errors: list[InputError]) -> None:
    """Raise the one error, or all of them together; nothing when the list is empty."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InputErrors(errors)


class ConfigError(HomeroomError):
    """A setting in ``mkdocs.yml`` or an editorial data file has the wrong form."""
