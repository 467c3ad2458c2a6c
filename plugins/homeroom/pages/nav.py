"""Adding a page to ``nav:`` in mkdocs.yml: one line added, every other byte kept.

Through a round trip of ruamel.yaml (which keeps comments, quotes and blank lines), used
only when the file comes back unchanged before the edit; the result must differ by exactly
the one line, placed after the last top-level item, and read back as the same settings.
Otherwise the file is left alone and the line to add is said instead. The file is
replaced atomically, with its permissions kept.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml

from homeroom.data.atomic import replace_file
from homeroom.data.yamlfiles import PermissiveLoader


def add_to_nav(config_file: Path, entry: str) -> str:
    """List ``entry`` (``grade-9.md``) at the end of the top-level ``nav:`` of mkdocs.yml.

    The file is rewritten only when exactly one line is added and every other byte stays
    the same (comments, quotes, blank lines), through ruamel.yaml's round trip, and then
    atomically. Otherwise, and when the site has no ``nav:``, nothing is written. Returns
    the one line to print.
    """
    shown = config_file.name
    add_by_hand = (
        f"Add the page to the menu yourself: put `- {entry}` at the end of `nav:` in {shown}."
    )
    try:
        raw = config_file.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return add_by_hand
    # A file saved with Windows line ends keeps them: the work is done on plain newlines.
    windows = "\r\n" in raw and raw.count("\r\n") == raw.count("\n")
    text = raw.replace("\r\n", "\n") if windows else raw
    if "\r" in text:
        return add_by_hand
    try:
        data = yaml.load(text, Loader=PermissiveLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return add_by_hand
    if not isinstance(data, dict) or data.get("nav") is None:
        return f"{shown} has no `nav:`, so MkDocs lists the new page in its menu by itself."
    nav = data["nav"]
    if not isinstance(nav, list):
        return add_by_hand
    if entry in nav:
        return f"`{entry}` is already in `nav:` in {shown}."
    hidden = _not_in_nav(data.get("not_in_nav"), entry)
    if hidden:
        return (
            f"{shown} keeps `{entry}` out of the menu (`not_in_nav: {hidden}`), so it was not "
            "added to `nav:`; link to it from another page."
        )
    updated = _with_entry(text, entry)
    placed = _placed(text, updated, entry) if updated is not None else None
    if placed is None or not _same_settings(placed[0], data, entry):
        return add_by_hand
    result, line = placed
    replace_file(config_file, (result.replace("\n", "\r\n") if windows else result).encode("utf-8"))
    return f"added `{entry}` to the menu: line {line} of {shown} (`nav:`)."


def _not_in_nav(patterns: Any, entry: str) -> str | None:
    """The ``not_in_nav`` pattern that keeps ``entry`` out of the menu, if any."""
    if not isinstance(patterns, str) or not patterns.strip():
        return None
    try:
        from pathspec.gitignore import GitIgnoreSpec
    except ImportError:  # pragma: no cover - installed with MkDocs
        return None
    lines = patterns.splitlines()
    try:
        if not GitIgnoreSpec.from_lines(lines).match_file(entry):
            return None
    except ValueError:
        return None
    for pattern in lines:
        if pattern.strip() and GitIgnoreSpec.from_lines([pattern]).match_file(entry):
            return pattern.strip()
    return patterns.strip()


def _with_entry(text: str, entry: str) -> str | None:
    """mkdocs.yml with ``entry`` appended to ``nav:``, through a ruamel.yaml round trip.

    The indentation is the one (of the usual styles) that gives the file back unchanged
    when nothing is added; with none, None.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    for mapping, sequence, offset in ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 2, 0), (4, 6, 4)):
        parser = YAML()
        parser.preserve_quotes = True
        parser.width = 4096
        parser.indent(mapping=mapping, sequence=sequence, offset=offset)
        try:
            data = parser.load(text)
            same = io.StringIO()
            parser.dump(data, same)
            if same.getvalue() != text:
                continue
            data["nav"].append(entry)
            out = io.StringIO()
            parser.dump(data, out)
        except (YAMLError, TypeError, ValueError, AttributeError, KeyError):
            return None
        return out.getvalue()
    return None


def _placed(before: str, after: str, entry: str) -> tuple[str, int] | None:
    """``before`` with the one line ruamel.yaml added, right after the last item of ``nav``.

    ruamel.yaml writes a new last item after any blank lines and comments that follow the
    list; those belong to what comes next, so the line goes before them. None when
    ``after`` is not ``before`` with exactly one line, ``- entry``, added.
    """
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    if len(new) != len(old) + 1:
        return None
    index = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    added = new[index]
    if new[:index] + new[index + 1 :] != old or added.strip() != f"- {entry}":
        return None
    while index > 0 and (not old[index - 1].strip() or old[index - 1].lstrip().startswith("#")):
        index -= 1
    return "".join([*old[:index], added, *old[index:]]), index + 1


def _same_settings(text: str, data: dict[str, Any], entry: str) -> bool:
    """Whether ``text`` reads as ``data`` with ``entry`` last in ``nav`` and nothing else changed."""
    try:
        reread = yaml.load(text, Loader=PermissiveLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return False
    return bool(reread == {**data, "nav": [*data["nav"], entry]})
