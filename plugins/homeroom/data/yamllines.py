"""YAML with line numbers: find the line of any value by its path, for one-line errors."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from homeroom.data.yamlfiles import load_yaml
from homeroom.model.errors import InputError


@dataclass(frozen=True)
class LinedYaml:
    """A parsed YAML document and the node tree it came from (which knows every line)."""

    data: Any
    root: yaml.Node | None
    display: str

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The 1-based line of the value at ``path`` (or of its nearest parent that exists)."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for step in path:
            if isinstance(node, yaml.MappingNode):
                found = None
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                        found = (key, value)
                        break
                if found is None:
                    return line
                key_node, node = found
                line = key_node.start_mark.line + 1
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if step >= len(node.value):
                    return line
                node = node.value[step]
                line = node.start_mark.line + 1
            else:
                return line
        return line


# Characters YAML refuses (tabs and line ends are fine): reported with their line.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def read_lined_yaml(text: str, display: str) -> LinedYaml:
    """Parse ``text`` (already read from ``display``) keeping its node tree for line numbers."""
    control = _CONTROL.search(text)
    if control is not None:
        raise InputError(
            display,
            "this line holds an invisible control character (such as NUL), which a YAML file "
            "cannot hold; retype the line, or save the file again as plain UTF-8 text.",
            line=text.count("\n", 0, control.start()) + 1,
        )
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader_class)
    except yaml.YAMLError:
        # The shared reader turns the problem into a one-line error with its line.
        load_yaml(text, display)
        raise  # pragma: no cover - load_yaml always raises on text compose rejected
    if root is None:
        return LinedYaml(data=None, root=None, display=display)
    _check_aliases(root, display)
    # Build the values from the same nodes (one parse, safe constructors only).
    try:
        data = yaml.SafeLoader("").construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InputError(
            display,
            f"this value cannot be read ({(exc.problem or 'unknown form').strip()}). Data files "
            "hold plain `key: value` lines: text, numbers and lists, with no YAML tags (!!) or "
            "lists used as keys.",
            line=mark.line + 1 if mark is not None else None,
        ) from None
    return LinedYaml(data=data, root=root, display=display)


#: More values than any data file holds, counted with YAML aliases (``*name``) expanded.
MAX_VALUES = 200_000


def _check_aliases(root: yaml.Node, display: str) -> None:
    """Refuse a value that contains itself, or aliases that expand without end.

    YAML lets a value repeat an earlier one by name (``&name`` ... ``*name``). A value that
    repeats itself, or names that repeat names that repeat names, would make every reader
    of the file loop or run out of memory: one line instead.
    """
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    values = 0
    while stack:
        node, leaving = stack.pop()
        if leaving:
            on_path.discard(id(node))
            continue
        values += 1
        if values > MAX_VALUES:
            raise InputError(
                display,
                f"this file holds more than {MAX_VALUES:,} values once its YAML aliases "
                "(*name) are written out; write the values out instead of repeating them.",
            )
        if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
            if id(node) in on_path:
                raise InputError(
                    display,
                    "a value here contains itself (a YAML alias, *name, inside its own "
                    "&name); write the values out instead.",
                    line=node.start_mark.line + 1,
                )
            on_path.add(id(node))
            stack.append((node, True))
            children: list[yaml.Node] = (
                list(node.value)
                if isinstance(node, yaml.SequenceNode)
                else [part for pair in node.value for part in pair]
            )
            stack.extend((child, False) for child in reversed(children))


def read_lined_file(path: Any, display: str) -> LinedYaml:
    """Read a UTF-8 YAML file with line numbers; any problem is a one-line error."""
    return read_lined_yaml(read_text(path, display), display)


def read_text(path: Any, display: str) -> str:
    """A UTF-8 text file's text; a file that cannot be read is a one-line error."""
    try:
        text: str = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(display, "this file does not exist.") from None
    except IsADirectoryError:
        raise InputError(display, "this is a folder; expected a YAML file.") from None
    except UnicodeDecodeError:
        raise InputError(display, "this file is not saved as UTF-8 text.") from None
    except OSError as exc:
        raise InputError(display, f"this file cannot be read ({exc.strerror or exc}).") from None
    return text
