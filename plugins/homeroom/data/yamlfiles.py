"""Read YAML (front matter, mkdocs.yml, editorial data) with errors people can act on.

Parsing goes through libyaml (PyYAML's C extension) when it is installed, which is many
times faster on thousands of front-matter blocks; the pure-Python loader is the fallback.
A mistake is always reported as the pure-Python
loader reports it (same message, same line).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from homeroom.model.errors import InputError


class PermissiveLoader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' ``!!python/name`` and ``!ENV`` tags as plain values."""


_CSafeLoader: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)
if _CSafeLoader is not None:

    class FastPermissiveLoader(_CSafeLoader):  # type: ignore[valid-type,misc]
        """:class:`PermissiveLoader` on libyaml's parser."""

    FAST_LOADER: type[yaml.SafeLoader] = FastPermissiveLoader
else:  # pragma: no cover - PyYAML built without libyaml
    FAST_LOADER = PermissiveLoader


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


PermissiveLoader.add_multi_constructor("", _any_tag)
FAST_LOADER.add_multi_constructor("", _any_tag)


def error_position(exc: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """(0-based line, problem) of a YAML error in ``text``.

    At the end of the text the problem mark points past the mistake; where the unfinished
    construct opened (the context mark) is then the line to fix.
    """
    if isinstance(exc, yaml.reader.ReaderError):
        # A NUL or another control character: the reader stops before any line is parsed.
        return text.count("\n", 0, exc.position), (
            f"an invisible control character (#x{exc.character:04x}) is in this line; "
            "delete it (it often comes from copying text out of another program)"
        )
    if not isinstance(exc, yaml.MarkedYAMLError):
        return None, str(exc)
    at_end = exc.problem_mark is not None and exc.problem_mark.index >= len(text.rstrip())
    mark = (exc.context_mark if at_end else None) or exc.problem_mark or exc.context_mark
    line = mark.line if mark is not None else None
    problem = (exc.problem or "invalid YAML").strip()
    if line is not None:
        opened = _unclosed_quote_line(text, line)
        if opened is not None:
            return opened, "a quotation mark opened on this line is not closed on it"
    return line, problem


def _unclosed_quote_line(text: str, line: int) -> int | None:
    """The line (0-based, at or above ``line``) whose quotation marks do not pair up.

    A quote left open runs on over the next lines, so the parser only stops later: the
    line to fix is the one where the quote opened.
    """
    lines = text.split("\n")
    for number in range(min(line, len(lines) - 1), max(-1, line - 30), -1):
        content = lines[number].split(" #", 1)[0]
        doubles = content.replace('\\"', "").count('"')
        if doubles % 2 == 1:
            return number if number < line else None
    return None


def load_yaml(
    text: str,
    display: str,
    first_line: int = 1,
    what: str = "this is not valid YAML",
    loader: type[yaml.SafeLoader] = FAST_LOADER,
) -> Any:
    """Parse YAML text that starts at ``first_line`` of the file ``display``.

    A mistake is read again with the pure-Python loader, so the message and line are the
    same whichever parser found it.
    """
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        pass
    try:
        return yaml.load(text, Loader=PermissiveLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        line, problem = error_position(exc, text)
        raise InputError(
            display,
            f"{what}: {problem}. Each line should look like `key: value`; check the "
            "indentation and put text that contains a colon in quotes.",
            line=first_line + line if line is not None else None,
        ) from None


def read_yaml(path: Path, display: str | None = None) -> Any:
    """Read a YAML file, turning any problem into a one-line error with its line."""
    shown = display or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(shown, "this file does not exist.") from None
    except UnicodeDecodeError:
        raise InputError(shown, "this file is not saved as UTF-8 text.") from None
    return load_yaml(text, shown)
