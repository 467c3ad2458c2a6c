"""The options of every Homeroom plugin: their form, their defaults, one validator.

``homeroom check`` (reading mkdocs.yml itself) and the MkDocs build (through the
adapters) both validate the ``homeroom/*`` entries of mkdocs.yml here, so a setting that
one refuses the other refuses too, with the same message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from homeroom.model.errors import ConfigError

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Option:
    """One option: what form it takes, its default and an example for messages."""

    kind: str
    """``bool``, ``str``, ``number``, ``choice`` or ``list`` (a list of strings)."""
    default: Any
    example: str
    choices: tuple[str, ...] = ()


def _fail_on() -> Option:
    return Option("choice", "error", "fail_on: warning", SEVERITIES)


_ENABLED = Option("bool", True, "enabled: false")

#: Every Homeroom plugin (``homeroom/<name>`` in mkdocs.yml) and its options.
PLUGINS: dict[str, dict[str, Option]] = {
    "content": {"enabled": _ENABLED},
    "readability": {
        "enabled": _ENABLED,
        "fail_on": _fail_on(),
        "thresholds": Option("str", "readability.yml", "thresholds: readability.yml"),
    },
    "jargon": {
        "enabled": _ENABLED,
        "fail_on": _fail_on(),
        "glossary_page": Option("str", "glossary.md", "glossary_page: glossary.md"),
    },
    "translations": {
        "enabled": _ENABLED,
        "fail_on": _fail_on(),
        "required": Option("list", [], "required: [en, es]"),
        "essential_types": Option(
            "list",
            ["report-card", "report-card-guide", "conference-guide", "enrolment"],
            "essential_types: [conference-guide, report-card]",
        ),
        "needs_review": Option("choice", "error", "needs_review: warning", SEVERITIES),
        "languages_data": Option("str", "", "languages_data: languages.yml"),
        "threshold": Option("number", 0.15, "threshold: 0.15"),
        "status_page": Option("str", "staff/translations.md", "status_page: staff/translations.md"),
    },
    "pagetypes": {
        "enabled": _ENABLED,
        "fail_on": _fail_on(),
        "types": Option("str", "page-types.yml", "types: page-types.yml"),
    },
    "reportcards": {
        "enabled": _ENABLED,
        "fail_on": _fail_on(),
        "schools_dir": Option("str", "schools", "schools_dir: schools"),
        "output": Option("str", "schools", "output: schools"),
        "audit_dir": Option("str", ".homeroom/audit", "audit_dir: .homeroom/audit"),
    },
}


def _form(option: Option) -> str:
    if option.kind == "bool":
        return "true or false"
    if option.kind == "choice":
        return "one of " + ", ".join(option.choices)
    if option.kind == "number":
        return "a number"
    if option.kind == "list":
        return "a list in square brackets"
    return "a text value"


def _valid(option: Option, value: Any) -> bool:
    if option.kind == "bool":
        return isinstance(value, bool)
    if option.kind == "choice":
        return isinstance(value, str) and value in option.choices
    if option.kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if option.kind == "list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, str)


def validate(plugin: str, raw: Mapping[str, Any], where: str = "mkdocs.yml") -> dict[str, Any]:
    """The options of ``homeroom/<plugin>`` with defaults filled in; a wrong one is an error.

    An unknown plugin, an unknown option (a misspelling would otherwise be ignored) and a
    value of the wrong form each raise a :class:`ConfigError` naming the option, the form
    expected and an example.
    """
    options = PLUGINS.get(plugin)
    if options is None:
        raise ConfigError(
            f"{where}: `homeroom/{plugin}` is not a Homeroom plugin. The plugins are "
            + ", ".join(f"homeroom/{name}" for name in PLUGINS)
            + "."
        )
    filled: dict[str, Any] = {}
    for key, value in raw.items():
        option = options.get(str(key))
        if option is None:
            raise ConfigError(
                f"{where}: `{key}` is not an option of homeroom/{plugin}, so it would be "
                f"ignored. Check the spelling; its options are {', '.join(options)}."
            )
        if not _valid(option, value):
            raise ConfigError(
                f"{where}: homeroom/{plugin} option `{key}` is {value!r}; expected "
                f"{_form(option)}, for example `{option.example}`."
            )
        filled[str(key)] = value
    return {**{k: o.default for k, o in options.items()}, **filled}
