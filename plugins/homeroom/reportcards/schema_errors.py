"""The first place a parsed data file breaks its JSON schema, as one line for a person.

:func:`schema_error` names the file, the line, the field and the form expected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import jsonschema

from homeroom.data.yamllines import LinedYaml
from homeroom.model.errors import InputError
from homeroom.reportcards.studentdata import path_text, safe_repr

_VALIDATORS: dict[int, jsonschema.Draft202012Validator] = {}


def schema_error(lined: LinedYaml, schema: Mapping[str, Any], at: Sequence[str | int] = ()) -> None:
    """Raise one line for the first place where ``lined`` (at path ``at``) breaks ``schema``."""
    instance = lined.data
    for step in at:
        instance = instance[step]
    validator = _VALIDATORS.get(id(schema))
    if validator is None:
        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        _VALIDATORS[id(schema)] = validator
    errors = sorted(
        validator.iter_errors(instance),
        key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))),
    )
    if not errors:
        return
    error = errors[0]
    path = [*at, *error.absolute_path]
    expected = error.schema.get("description", "") if isinstance(error.schema, Mapping) else ""
    kind = error.validator
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else "a field"
        sub = (
            error.schema.get("properties", {}).get(missing, {})
            if isinstance(error.schema, Mapping)
            else {}
        )
        problem = f"`{path_text([*path, missing])}` is missing"
        expected = sub.get("description", expected)
    elif kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        field_name = extra[0] if extra else "?"
        allowed = ", ".join(error.schema.get("properties", {}))
        path = [*path, field_name]
        problem = f"`{path_text(path)}` is not a field Homeroom knows"
        expected = f"only these fields: {allowed}"
    elif "propertyNames" in error.relative_schema_path and kind == "enum":
        bad = str(error.instance)
        path = [*path, bad]
        problem = f"`{path_text(path)}` is not a name Homeroom knows"
        expected = f"one of: {', '.join(map(str, error.validator_value))}"
    elif "propertyNames" in error.relative_schema_path and kind == "pattern":
        path = [*path, str(error.instance)]
        problem = f"`{path_text(path)}` is not a name Homeroom can read"
        expected = (
            "a school year in quotes, such as '2025-26'"
            if "\\d{4}" in str(error.validator_value)
            else "a name in lower-case letters, digits and _, such as two_or_more"
        )
    elif kind == "propertyNames":
        bad = str(error.instance)
        allowed = ", ".join(error.validator_value.get("enum", []))
        problem = f"`{path_text(path)}` has an unknown entry"
        expected = f"one of: {allowed}"
        for key in error.instance if isinstance(error.instance, Mapping) else []:
            if key not in error.validator_value.get("enum", []):
                bad = str(key)
                path = [*path, bad]
                problem = f"`{path_text(path)}` is not a name Homeroom knows"
                break
    elif not path and kind == "type":
        problem = "this file does not hold `key: value` lines"
    elif isinstance(error.instance, Mapping | list):
        problem = f"`{path_text(path)}` has the wrong form"
    else:
        problem = f"`{path_text(path)}` is {safe_repr(error.instance)}"
    raise InputError(
        lined.display,
        f"{problem}; expected {expected or 'another form'}.",
        line=lined.line_of(path),
    )
