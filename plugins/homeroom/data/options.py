"""The options of every Homeroom plugin, typed: one dataclass each, with its defaults.

The same classes serve every front door: ``homeroom check`` validates the ``homeroom/*``
entries of mkdocs.yml with them (:func:`validate`, so a setting that one refuses the other
refuses too, with the same message), the MkDocs config classes take their options and
defaults from them (:func:`homeroom.adapters.options.mkdocs_option`), the checks read
them typed (:meth:`homeroom.data.settings.Settings.options`), and the cache fingerprint
takes the options that change results from them (:func:`results_options`).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from homeroom.model.errors import ConfigError

SEVERITIES = ("error", "warning", "info")


def option(
    default: Any, example: str, *, choices: tuple[str, ...] = (), results: bool = True
) -> Any:
    """A dataclass field for one option: its default, an example for messages, its choices.

    ``results=False`` marks an option that never changes a check's findings (``enabled``,
    ``fail_on``, where a page is published): it stays out of the cache fingerprint.
    """
    meta = {"example": example, "choices": choices, "results": results}
    if isinstance(default, list | tuple):
        return field(default_factory=lambda: tuple(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class PluginOptions:
    """What every plugin has: ``enabled`` (first)."""

    plugin: ClassVar[str] = ""
    enabled: bool = option(True, "enabled: false", results=False)


@dataclass(frozen=True)
class CheckOptions(PluginOptions):
    """A plugin whose findings can stop the build: ``fail_on``."""

    fail_on: str = option("error", "fail_on: warning", choices=SEVERITIES, results=False)


@dataclass(frozen=True)
class ContentOptions(PluginOptions):
    """``homeroom/content``: every finding is an error, so there is no ``fail_on``."""

    plugin: ClassVar[str] = "content"


@dataclass(frozen=True)
class ReadabilityOptions(CheckOptions):
    """``homeroom/readability``: the limits file in the data folder."""

    plugin: ClassVar[str] = "readability"
    thresholds: str = option("readability.yml", "thresholds: readability.yml")


@dataclass(frozen=True)
class JargonOptions(CheckOptions):
    """``homeroom/jargon``: where the family glossary page is published (empty: none)."""

    plugin: ClassVar[str] = "jargon"
    glossary_page: str = option("glossary.md", "glossary_page: glossary.md", results=False)


@dataclass(frozen=True)
class TranslationsOptions(CheckOptions):
    """``homeroom/translations``: required languages, essential pages, school languages."""

    plugin: ClassVar[str] = "translations"
    required: tuple[str, ...] = option([], "required: [en, es]")
    essential_types: tuple[str, ...] = option(
        ["report-card", "report-card-guide", "conference-guide", "enrolment"],
        "essential_types: [conference-guide, report-card]",
    )
    needs_review: str = option("error", "needs_review: warning", choices=SEVERITIES)
    languages_data: str = option("", "languages_data: languages.yml")
    threshold: float = option(0.15, "threshold: 0.15")
    min_students: float = option(0, "min_students: 20")
    """With ``threshold``: the fewest students who speak a language at home for it to be
    required at their school (0: no minimum). A whole number; numbers are read as floats."""
    status_page: str = option(
        "staff/translations.md", "status_page: staff/translations.md", results=False
    )


@dataclass(frozen=True)
class PageTypesOptions(CheckOptions):
    """``homeroom/pagetypes``: the page-types file in the data folder, the page-type key."""

    plugin: ClassVar[str] = "pagetypes"
    types: str = option("page-types.yml", "types: page-types.yml")
    type_key: str = option("type", "type_key: homeroom_type")
    """The front-matter key that names a page's type, for every check. Hugo and Jekyll
    give ``type:`` a meaning of their own (the layout), so such a site sets another key."""


@dataclass(frozen=True)
class ReportCardsOptions(CheckOptions):
    """``homeroom/reportcards``: where the school data, the pages and the audit log are."""

    plugin: ClassVar[str] = "reportcards"
    schools_dir: str = option("schools", "schools_dir: schools")
    output: str = option("schools", "output: schools")
    audit_dir: str = option(".homeroom/audit", "audit_dir: .homeroom/audit")


@dataclass(frozen=True)
class FeedbackOptions(CheckOptions):
    """``homeroom/feedback``: the contact data, what every page must give, families' answers."""

    plugin: ClassVar[str] = "feedback"
    contact: str = option("contact.yml", "contact: contact.yml")
    contact_required: tuple[str, ...] = option(
        ["liaison", "interpreter", "feedback"], "contact_required: [liaison, interpreter]"
    )
    answers: str = option("feedback-answers.yml", "answers: feedback-answers.yml")
    unclear_share: float = option(0.3, "unclear_share: 0.3")
    min_answers: float = option(5, "min_answers: 5")
    staff_page: str = option("staff/feedback.md", "staff_page: staff/feedback.md", results=False)


@dataclass(frozen=True)
class MessagesOptions(CheckOptions):
    """``homeroom/messages``: text-message summaries (``summary:``) and their length."""

    plugin: ClassVar[str] = "messages"
    required: bool = option(False, "required: true")
    segments: float = option(1, "segments: 2")


@dataclass(frozen=True)
class HandoutsOptions(PluginOptions):
    """``homeroom/handouts``: one-page handouts with a QR code, and what goes on them."""

    plugin: ClassVar[str] = "handouts"
    types: str = option("handouts.yml", "types: handouts.yml")
    output: str = option("handouts", "output: handouts", results=False)


@dataclass(frozen=True)
class LanguagesOptions(PluginOptions):
    """``homeroom/languages``: three-letter language codes, and the theme's words in each."""

    plugin: ClassVar[str] = "languages"


#: Every Homeroom plugin (``homeroom/<name>`` in mkdocs.yml) and its options.
PLUGINS: dict[str, type[PluginOptions]] = {
    cls.plugin: cls
    for cls in (
        ContentOptions,
        ReadabilityOptions,
        JargonOptions,
        TranslationsOptions,
        PageTypesOptions,
        ReportCardsOptions,
        FeedbackOptions,
        MessagesOptions,
        HandoutsOptions,
        LanguagesOptions,
    )
}

T = TypeVar("T", bound=PluginOptions)


@dataclass(frozen=True)
class Spec:
    """One option as the validator and the MkDocs config class see it."""

    name: str
    kind: str
    """``bool``, ``str``, ``number``, ``choice`` or ``list`` (a list of strings)."""
    default: Any
    example: str
    choices: tuple[str, ...] = ()
    results: bool = True


def specs(cls: type[PluginOptions]) -> dict[str, Spec]:
    """The options of a plugin, ``enabled`` first, by name."""
    hints = typing.get_type_hints(cls)
    found: dict[str, Spec] = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        choices = tuple(f.metadata.get("choices", ()))
        if choices:
            kind = "choice"
        elif hint is bool:
            kind = "bool"
        elif hint is float or hint is int:
            kind = "number"
        elif typing.get_origin(hint) is tuple:
            kind = "list"
        else:
            kind = "str"
        default: Any = f.default
        if default is dataclasses.MISSING:
            make: Any = f.default_factory
            default = make()
        found[f.name] = Spec(
            f.name,
            kind,
            list(default) if kind == "list" else default,
            str(f.metadata.get("example", "")),
            choices,
            bool(f.metadata.get("results", True)),
        )
    return found


def _form(spec: Spec) -> str:
    if spec.kind == "bool":
        return "true or false"
    if spec.kind == "choice":
        return "one of " + ", ".join(spec.choices)
    if spec.kind == "number":
        return "a number"
    if spec.kind == "list":
        return "a list in square brackets"
    return "a text value"


def _valid(spec: Spec, value: Any) -> bool:
    if spec.kind == "bool":
        return isinstance(value, bool)
    if spec.kind == "choice":
        return isinstance(value, str) and value in spec.choices
    if spec.kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if spec.kind == "list":
        return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
    return isinstance(value, str)


def validate(plugin: str, raw: Mapping[str, Any], where: str = "mkdocs.yml") -> dict[str, Any]:
    """The options of ``homeroom/<plugin>`` with defaults filled in; a wrong one is an error.

    An unknown plugin, an unknown option (a misspelling would otherwise be ignored) and a
    value of the wrong form each raise a :class:`ConfigError` naming the option, the form
    expected and an example.
    """
    cls = PLUGINS.get(plugin)
    if cls is None:
        raise ConfigError(
            f"{where}: `homeroom/{plugin}` is not a Homeroom plugin. The plugins are "
            + ", ".join(f"homeroom/{name}" for name in PLUGINS)
            + "."
        )
    known = specs(cls)
    filled: dict[str, Any] = {}
    for key, value in raw.items():
        spec = known.get(str(key))
        if spec is None:
            raise ConfigError(
                f"{where}: `{key}` is not an option of homeroom/{plugin}, so it would be "
                f"ignored. Check the spelling; its options are {', '.join(known)}."
            )
        if not _valid(spec, value):
            raise ConfigError(
                f"{where}: homeroom/{plugin} option `{key}` is {value!r}; expected "
                f"{_form(spec)}, for example `{spec.example}`."
            )
        filled[str(key)] = value
    return {**{k: s.default for k, s in known.items()}, **filled}


def typed(cls: type[T], raw: Mapping[str, Any] | None, where: str = "mkdocs.yml") -> T:
    """The options of a plugin as its dataclass, defaults filled in.

    A value of the wrong form, or an option the plugin does not have, is a
    :class:`ConfigError` as in :func:`validate`.
    """
    filled = validate(cls.plugin, raw or {}, where)
    known = specs(cls)
    values: dict[str, Any] = {}
    for key, value in filled.items():
        kind = known[key].kind
        if kind == "list":
            value = tuple(str(v) for v in value)
        elif kind == "number":
            value = float(value)
        values[key] = value
    return cls(**values)


def results_options(options: PluginOptions) -> dict[str, Any]:
    """The options that change a check's findings (for the cache fingerprint)."""
    specs_ = specs(type(options))
    return {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in dataclasses.asdict(options).items()
        if specs_[name].results
    }
