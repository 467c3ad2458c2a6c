"""Rule data: the one way every rule-data file is read and checked.

Glossaries, readability limits, page types, notices, interface strings, the rule
documentation and the language word lists are each described by a JSON schema (checked
with jsonschema) whose nodes say in plain words what a value should look like
(``description``) and give an example (``examples``). A file is read with the line of every
value (:mod:`homeroom.data.yamllines`), checked against its schema, then by the checks of
its own loader (an id used twice, a profile that points nowhere) through
:meth:`RuleFile.fail`. Every mistake in the file is kept, each one line naming the file,
the line, the key path and the form expected:

    content/_data/glossary/en.yml:57: `entries[3]` (entry `benchmark`), field `plain`:
    expected a list of plainer words, such as `[check-in test]`; it is empty.

A loader reads all its files, then raises every mistake at once
(:func:`homeroom.model.errors.raise_all`), so one run names every bad entry.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from homeroom.data.yamllines import LinedYaml, read_lined_yaml, read_text
from homeroom.model.errors import HomeroomError, InputError, InputErrors, raise_all
from homeroom.model.memo import Memo

Step = str | int
Schema = Mapping[str, Any]

#: One validator per schema (checked by identity: an id alone may be reused).
_VALIDATORS: dict[int, tuple[Schema, Any]] = {}


def path_text(path: Sequence[Step]) -> str:
    """A key path as people write it: ``entries[3].plain`` (items counted from 0)."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def example_text(value: Any) -> str:
    """A value as one line of YAML: ``[check-in test]``, ``{hard: 20, very_hard: 30}``."""
    if isinstance(value, str) and value and value.strip() == value and "\n" not in value:
        return value
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return dumped.strip().removesuffix("...").strip()


def _found(value: Any) -> str:
    """What the wrong value is, in words: ``, not `maybe```, ``; it is empty``."""
    if value is None or value == "" or value == [] or value == {}:
        return "; it is empty"
    if isinstance(value, str) and not value.strip():
        return "; it is empty"
    if isinstance(value, bool | int | float | str):
        shown = example_text(value)
        return f", not `{shown if len(shown) <= 40 else shown[:37] + '...'}`"
    if isinstance(value, list):
        return ", not a list"
    return ", not `key: value` lines"


class _SchemaWalk:
    """Finds the schema of any key path, following local ``$ref``, ``allOf`` and ``then``."""

    def __init__(self, root: Schema) -> None:
        self.root = root

    def resolve(self, node: Any) -> Schema:
        seen = 0
        while isinstance(node, Mapping) and "$ref" in node and seen < 20:
            ref = str(node["$ref"])
            target: Any = self.root
            for part in ref.removeprefix("#").strip("/").split("/"):
                if part:
                    target = target[part]
            node, seen = target, seen + 1
        return node if isinstance(node, Mapping) else {}

    def parts(self, node: Any) -> Iterator[Schema]:
        """The node and the schemas that always or sometimes apply with it."""
        node = self.resolve(node)
        yield node
        for key in ("allOf", "anyOf", "oneOf"):
            for sub in node.get(key, ()):
                yield from self.parts(sub)
        for key in ("then", "else"):
            if key in node:
                yield from self.parts(node[key])

    def child(self, node: Any, step: Step) -> tuple[Schema, bool]:
        """(schema of ``step`` inside ``node``, whether ``step`` is a named field of it)."""
        loose: Schema | None = None
        for part in self.parts(node):
            if isinstance(step, int):
                if isinstance(part.get("items"), Mapping):
                    return self.resolve(part["items"]), False
                continue
            properties = part.get("properties", {})
            if step in properties:
                return self.resolve(properties[step]), True
            if loose is None and isinstance(part.get("additionalProperties"), Mapping):
                loose = self.resolve(part["additionalProperties"])
        return loose or {}, False

    def at(self, path: Sequence[Step]) -> Schema:
        node = self.resolve(self.root)
        for step in path:
            node, _ = self.child(node, step)
        return node

    def fields(self, node: Any) -> list[str]:
        names = [name for part in self.parts(node) for name in part.get("properties", {})]
        return list(dict.fromkeys(names))

    def description(self, node: Schema) -> str:
        for part in self.parts(node):
            if part.get("description"):
                text = str(part["description"])
                examples = part.get("examples")
                if examples and "such as" not in text:
                    text += f", such as `{example_text(examples[0])}`"
                return text
        return "another form"


class RuleFile:
    """One rule-data file being read: its values with their lines, and its mistakes so far."""

    def __init__(self, lined: LinedYaml, schema: Schema, empty: Any = None) -> None:
        """Check ``lined`` against ``schema`` (an empty file counts as ``empty``)."""
        self.lined = lined
        self.display = lined.display
        self.data: Any = lined.data if lined.data is not None else empty
        self.schema = _SchemaWalk(schema)
        self.problems: list[InputError] = []
        self._broken: list[tuple[Step, ...]] = []
        cached = _VALIDATORS.get(id(schema))
        validator = cached[1] if cached is not None and cached[0] is schema else None
        if validator is None:
            # Imported here: a run whose results are all cached reads no rule data, and
            # starts faster without jsonschema.
            import jsonschema

            validator = jsonschema.Draft202012Validator(schema)
            _VALIDATORS[id(schema)] = (schema, validator)
        errors = sorted(validator.iter_errors(self.data), key=lambda e: list(map(str, e.path)))
        # A field that is missing because its name is misspelt is said once, as the misspelling.
        self._suggested: set[tuple[Step, ...]] = set()
        for error in errors:
            if error.validator == "additionalProperties":
                self._schema_error(error)
        for error in errors:
            if error.validator != "additionalProperties":
                self._schema_error(error)

    def copy(self) -> RuleFile:
        """The same file and schema mistakes, with lists of its own to add to."""
        twin = copy.copy(self)
        twin.problems = list(self.problems)
        twin._broken = list(self._broken)
        return twin

    # -- reading -----------------------------------------------------------------------

    def valid(self, path: Sequence[Step] = ()) -> bool:
        """Whether nothing at or inside ``path`` broke the schema (so it can be read)."""
        here = tuple(path)
        return not any(broken[: len(here)] == here for broken in self._broken)

    def value(self, path: Sequence[Step], default: Any = None) -> Any:
        """The value at ``path``, or ``default`` when it is not there."""
        node = self.data
        for step in path:
            in_list = isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node)
            if not (in_list or (isinstance(node, Mapping) and step in node)):
                return default
            node = node[step]
        return node

    def line(self, path: Sequence[Step]) -> int | None:
        """The line of the value at ``path`` (or of its nearest parent)."""
        return self.lined.line_of(path)

    def on_line(self, path: Sequence[Step]) -> str:
        """`` (line 12)`` for the value at ``path``, or nothing when lines are not known."""
        line = self.line(path)
        return f" (line {line})" if line else ""

    # -- mistakes ----------------------------------------------------------------------

    def where(self, path: Sequence[Step]) -> str:
        """The key path in words: "`entries[3]` (entry `benchmark`), field `plain`".

        A named field of its parent is said as ``field `name```; anything else (an item,
        a name staff chose such as a language code) as the whole path.
        """
        label = self._label(path)
        if path and isinstance(path[-1], str):
            _, named = self.schema.child(self.schema.at(path[:-1]), path[-1])
            if named:
                parent = f"`{path_text(path[:-1])}`{label}, " if path[:-1] else ""
                return f"{parent}field `{path[-1]}`"
        return f"`{path_text(path)}`{label}" if path else "the file"

    def _label(self, path: Sequence[Step]) -> str:
        """`` (entry `benchmark`)`` for the nearest list item on the path with an ``id``."""
        for end in range(len(path), 0, -1):
            if not isinstance(path[end - 1], int):
                continue
            item = self.value(path[:end])
            if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                title = self.schema.at(path[:end]).get("title", "entry")
                return f" ({title} `{item['id']}`)"
        return ""

    def fail(
        self, path: Sequence[Step], expected: str | None = None, found: Any = ..., why: str = ""
    ) -> None:
        """Keep a mistake at ``path``: what was expected (default: the schema's words)."""
        form = expected or self.schema.description(self.schema.at(path))
        shown = "" if found is ... else _found(found)
        where = self.where(path)
        verb = ": expected" if "field `" in where or where == "the file" else " must be"
        self.add(path, f"{where}{verb} {form}{shown}{why}.")

    def add(
        self, path: Sequence[Step], message: str, line_path: Sequence[Step] | None = None
    ) -> None:
        """Keep a mistake with its own words, at the line of ``line_path`` (or ``path``)."""
        self._broken.append(tuple(path))
        line = self.line(path if line_path is None else line_path)
        self.problems.append(InputError(self.display, message, line=line))

    def _schema_error(self, error: Any) -> None:
        """Keep one mistake jsonschema found (a ``jsonschema.ValidationError``)."""
        path: list[Step] = list(error.absolute_path)
        kind = error.validator
        instance = error.instance
        if kind in ("anyOf", "oneOf") and error.context:
            # Text or a group of keys: when the value is a group, say what is wrong inside it.
            deepest = max(error.context, key=lambda e: len(e.absolute_path))
            if len(deepest.absolute_path) > len(path):
                self._schema_error(deepest)
                return
        if kind == "required":
            missing = next((m for m in error.validator_value if m not in (instance or {})), "?")
            child = [*path, missing]
            if tuple(child) in self._suggested:
                return
            form = self.schema.description(self.schema.at(child))
            self.add(child, f"{self.where(child)} is missing: expected {form}.", line_path=path)
        elif kind == "additionalProperties":
            known = self.schema.fields(error.schema)
            for extra in [k for k in instance if k not in known]:
                close = difflib.get_close_matches(str(extra), known, n=1)
                hint = f" (did you mean `{close[0]}`?)" if close else ""
                if close:
                    self._suggested.add((*path, close[0]))
                at = f"`{path_text(path)}`{self._label(path)}: " if path else ""
                self.add(
                    [*path, extra],
                    f"{at}unknown field `{extra}`{hint}; use only "
                    f"{', '.join(f'`{k}`' for k in known)}.",
                )
        elif "propertyNames" in error.relative_schema_path:
            form = self.schema.description(error.schema)
            at = f"`{path_text(path)}`: " if path else ""
            self.add(
                [*path, instance],
                f"{at}`{instance}` is not a name Homeroom can read: expected {form}.",
            )
        else:
            # The schema that failed knows best (a rule for one category, a list's items).
            failed = error.schema if isinstance(error.schema, Mapping) else {}
            own = self.schema.description(failed) if failed.get("description") else None
            self.fail(path, own, found=instance)


#: Files already read and checked against their schema, by (name shown, schema, content):
#: the jargon and readability checks both read the glossaries, and ``mkdocs serve``
#: rebuilds again and again. Each read gets its own copy to add its loader's mistakes to.
_READ: Memo[tuple[str, int, str], RuleFile] = Memo(64)


def read_rule_file(
    path: Path, display: str, schema: Schema, empty: Any = None, text: str | None = None
) -> RuleFile:
    """Read and check one file; a file that is not YAML at all raises its one error."""
    content = read_text(path, display) if text is None else text
    key = (display, id(schema), hashlib.sha256(content.encode("utf-8")).hexdigest())
    known = _READ.get(key)
    if known is None or known.schema.root is not schema:
        known = RuleFile(read_lined_yaml(content, display), schema, empty)
        _READ.put(key, known)
    return known.copy()


def rule_file_from_data(data: Any, display: str, schema: Schema) -> RuleFile:
    """Check values that are already parsed (no lines): tests and built-in data."""
    return RuleFile(LinedYaml(data=data, root=None, display=display), schema)


def errors_of(error: HomeroomError) -> list[InputError]:
    """The one-line errors inside ``error`` (several when it is :class:`InputErrors`)."""
    parts = error.errors if isinstance(error, InputErrors) else [error]
    return [e if isinstance(e, InputError) else InputError("", str(e)) for e in parts]


def check_rule_file(file: RuleFile) -> None:
    """Raise every mistake found in ``file`` (nothing when there is none)."""
    raise_all(sorted(file.problems, key=lambda e: e.line or 0))
