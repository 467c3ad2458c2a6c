"""YAML with line numbers: find the line of any value by its path, for one-line errors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from homeroom.errors import InputError
from homeroom.yamlfiles import load_yaml


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


def read_lined_yaml(text: str, display: str) -> LinedYaml:
    """Parse ``text`` (already read from ``display``) keeping its node tree for line numbers."""
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader_class)
    except yaml.YAMLError:
        # The shared reader turns the problem into a one-line error with its line.
        load_yaml(text, display)
        raise  # pragma: no cover - load_yaml always raises on text compose rejected
    if root is None:
        return LinedYaml(data=None, root=None, display=display)
    # Build the values from the same nodes (one parse, safe constructors only).
    data = yaml.SafeLoader("").construct_document(root)
    return LinedYaml(data=data, root=root, display=display)


def read_lined_file(path: Any, display: str) -> LinedYaml:
    """Read a UTF-8 YAML file with line numbers; any problem is a one-line error."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(display, "this file does not exist.") from None
    except UnicodeDecodeError:
        raise InputError(display, "this file is not saved as UTF-8 text.") from None
    return read_lined_yaml(text, display)
