"""Readability limits: the built-in defaults, and reading them from the site's data folder.

Limits are data (``content/_data/readability.yml``): a *profile* per kind of page (family
guides, report cards), each with limits per language; ``plain-words.yml`` lists long words
with a plainer alternative. A wrong value is a one-line error naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from homeroom.data.settings import Settings
from homeroom.data.sources import display_path
from homeroom.data.yamlfiles import read_yaml
from homeroom.model.errors import InputError
from homeroom.text.matcher import phrase_matcher
from homeroom.text.measures import MEASURES, measures_for
from homeroom.text.syllables import base_language

DEFAULT_THRESHOLDS_FILE = "readability.yml"
PLAIN_WORDS_FILE = "plain-words.yml"


@dataclass(frozen=True)
class SentenceLimits:
    """How many words make a sentence hard (a warning) or very hard (an error)."""

    hard: int
    very_hard: int


@dataclass(frozen=True)
class DifficultyLimits:
    """Per-sentence scores (in the measure's direction) that make a sentence hard."""

    measure: str
    hard: float
    very_hard: float


@dataclass(frozen=True)
class PageLimit:
    """One page-level limit: a measure and the score it must not pass."""

    measure: str
    limit: float


@dataclass(frozen=True)
class Profile:
    """Every limit for one kind of page, by language (``default`` for the rest)."""

    name: str
    sentence_words: Mapping[str, SentenceLimits]
    page: Mapping[str, tuple[PageLimit, ...]]
    sentence_difficulty: Mapping[str, DifficultyLimits] = field(default_factory=dict)
    paragraph_words: int = 100
    min_words: int = 100

    def sentence_limits(self, language: str) -> SentenceLimits:
        """The sentence-length limits for a language."""
        return _pick(self.sentence_words, language)  # type: ignore[no-any-return]

    def page_limits(self, language: str) -> tuple[PageLimit, ...]:
        """The page limits for a language.

        Measures the language cannot have (rare words where wordfreq has no data) are dropped.
        """
        limits: tuple[PageLimit, ...] = _pick(self.page, language)
        available = set(measures_for(language))
        return tuple(lim for lim in limits if lim.measure in available)

    def difficulty(self, language: str) -> DifficultyLimits | None:
        """Sentence-difficulty limits, for languages with a syllable formula."""
        found = self.sentence_difficulty.get(language) or self.sentence_difficulty.get(
            base_language(language)
        )
        return found


def _pick(table: Mapping[str, Any], language: str) -> Any:
    return table.get(language) or table.get(base_language(language)) or table["default"]


@dataclass(frozen=True)
class PlainWords:
    """Long words and their plainer alternatives for one language, as one compiled matcher."""

    alternatives: Mapping[str, str]
    """Lower-case form -> plainer word."""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """One matcher for every form (longest first), on word boundaries, any case."""
        return phrase_matcher(self.alternatives)


@dataclass(frozen=True)
class ReadabilityOptions:
    """Profiles by name, and which page types use which profile."""

    profiles: Mapping[str, Profile]
    page_types: Mapping[str, str] = field(default_factory=dict)
    default_profile: str = "family"
    plain_words: Mapping[str, PlainWords] = field(default_factory=dict)
    """Long words with a plainer alternative, by language."""

    def profile_for(self, page_type: str | None) -> Profile:
        """The profile a page type uses."""
        name = self.page_types.get(page_type or "", self.default_profile)
        return self.profiles[name]


_FAMILY = Profile(
    name="family",
    sentence_words={
        "default": SentenceLimits(20, 30),
        "en": SentenceLimits(20, 30),
        "es": SentenceLimits(25, 35),
    },
    page={
        "en": (PageLimit("flesch-kincaid-grade", 6),),
        "es": (PageLimit("inflesz", 65),),
        "default": (PageLimit("words-per-sentence", 15),),
    },
    sentence_difficulty={
        "en": DifficultyLimits("flesch-kincaid-grade", 10, 14),
        "es": DifficultyLimits("inflesz", 40, 25),
    },
)
DEFAULT_OPTIONS = ReadabilityOptions(
    profiles={
        "family": _FAMILY,
        "report-card": replace(
            _FAMILY,
            name="report-card",
            page={
                **_FAMILY.page,
                "en": (PageLimit("flesch-kincaid-grade", 8),),
                "es": (PageLimit("inflesz", 55),),
            },
        ),
    },
    page_types={"report-card": "report-card"},
)


class _Data:
    """Small helpers that turn a wrong value into a one-line error naming the field."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, field_path: str, expected: str) -> InputError:
        return InputError(self.where, f"{field_path}: expected {expected}.")

    def mapping(self, value: Any, field_path: str, example: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(field_path, f"`key: value` settings, such as `{example}`")
        return value

    def number(self, value: Any, field_path: str, example: str, whole: bool = False) -> float:
        ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
        if not ok or (whole and not isinstance(value, int)):
            raise self.fail(field_path, f"a {'whole ' if whole else ''}number such as {example}")
        return value  # type: ignore[no-any-return]

    def measure(self, value: Any, field_path: str, language: str) -> str:
        measure = MEASURES.get(str(value))
        if measure is None:
            raise self.fail(field_path, "one of " + ", ".join(MEASURES))
        if language != "default" and not measure.valid_for(language):
            raise InputError(
                self.where,
                f"{field_path}: {measure.id} is not a validated measure for '{language}'. "
                f"Use one of: {', '.join(measures_for(language))}.",
            )
        return measure.id


def _profile(data: _Data, name: str, raw: Mapping[str, Any], base: Profile | None) -> Profile:
    here = f"profiles > {name}"
    words_table: dict[str, SentenceLimits] = dict(base.sentence_words) if base else {}
    for lang, entry in data.mapping(
        raw.get("sentence_words", {}), f"{here} > sentence_words", "en: {hard: 20, very_hard: 30}"
    ).items():
        where = f"{here} > sentence_words > {lang}"
        entry = data.mapping(entry, where, "{hard: 20, very_hard: 30}")
        hard = int(data.number(entry.get("hard"), f"{where} > hard", "20", whole=True))
        very = int(data.number(entry.get("very_hard"), f"{where} > very_hard", "30", whole=True))
        if hard > very:
            raise data.fail(
                where, "`hard` no larger than `very_hard`, such as {hard: 20, very_hard: 30}"
            )
        words_table[str(lang)] = SentenceLimits(hard, very)
    page: dict[str, tuple[PageLimit, ...]] = dict(base.page) if base else {}
    for lang, entries in data.mapping(
        raw.get("page", {}), f"{here} > page", "en: [{measure: flesch-kincaid-grade, limit: 6}]"
    ).items():
        where = f"{here} > page > {lang}"
        if not isinstance(entries, list) or not entries:
            raise data.fail(where, "a list such as `[{measure: flesch-kincaid-grade, limit: 6}]`")
        limits = []
        for i, entry in enumerate(entries, start=1):
            entry = data.mapping(
                entry, f"{where} > {i}", "{measure: flesch-kincaid-grade, limit: 6}"
            )
            measure = data.measure(entry.get("measure"), f"{where} > {i} > measure", str(lang))
            limits.append(
                PageLimit(measure, data.number(entry.get("limit"), f"{where} > {i} > limit", "6"))
            )
        page[str(lang)] = tuple(limits)
    difficulty: dict[str, DifficultyLimits] = dict(base.sentence_difficulty) if base else {}
    for lang, entry in data.mapping(
        raw.get("sentence_difficulty", {}),
        f"{here} > sentence_difficulty",
        "en: {measure: flesch-kincaid-grade, hard: 10, very_hard: 14}",
    ).items():
        where = f"{here} > sentence_difficulty > {lang}"
        entry = data.mapping(
            entry, where, "{measure: flesch-kincaid-grade, hard: 10, very_hard: 14}"
        )
        difficulty[str(lang)] = DifficultyLimits(
            data.measure(entry.get("measure"), f"{where} > measure", str(lang)),
            data.number(entry.get("hard"), f"{where} > hard", "10"),
            data.number(entry.get("very_hard"), f"{where} > very_hard", "14"),
        )
    if "default" not in words_table or "default" not in page:
        raise data.fail(
            here, "`sentence_words` and `page` limits for `default` (the languages not listed)"
        )
    return Profile(
        name=name,
        sentence_words=words_table,
        page=page,
        sentence_difficulty=difficulty,
        paragraph_words=int(
            data.number(
                raw.get("paragraph_words", base.paragraph_words if base else 100),
                f"{here} > paragraph_words",
                "100",
                whole=True,
            )
        ),
        min_words=int(
            data.number(
                raw.get("min_words", base.min_words if base else 100),
                f"{here} > min_words",
                "100",
                whole=True,
            )
        ),
    )


def parse_options(raw: Any, where: str) -> ReadabilityOptions:
    """Read the thresholds file's contents (already parsed YAML)."""
    data = _Data(where)
    top = data.mapping(raw, "the file", "profiles: {family: {...}}")
    profiles_raw = data.mapping(top.get("profiles"), "profiles", "family: {page: ...}")
    profiles: dict[str, Profile] = {}
    pending = dict(profiles_raw)
    while pending:  # resolve `extends:` in any order
        progressed = False
        for name, raw_profile in list(pending.items()):
            raw_profile = data.mapping(raw_profile, f"profiles > {name}", "page: ...")
            parent = raw_profile.get("extends")
            if parent is not None and parent not in profiles:
                if parent not in pending:
                    raise data.fail(
                        f"profiles > {name} > extends",
                        f"the name of another profile ({', '.join(profiles_raw)})",
                    )
                continue
            profiles[str(name)] = _profile(
                data, str(name), raw_profile, profiles.get(parent) if parent else None
            )
            del pending[name]
            progressed = True
        if not progressed:
            raise data.fail("profiles", "profiles that do not extend each other in a circle")
    page_types = {
        str(k): str(v)
        for k, v in data.mapping(
            top.get("page_types", {}), "page_types", "report-card: report-card"
        ).items()
    }
    default = str(top.get("default_profile", "family"))
    for type_name, profile in [*page_types.items(), ("default_profile", default)]:
        if profile not in profiles:
            raise data.fail(
                f"page_types > {type_name}", f"one of the profiles ({', '.join(profiles)})"
            )
    return ReadabilityOptions(profiles=profiles, page_types=page_types, default_profile=default)


def parse_plain_words(raw: Any, where: str) -> dict[str, PlainWords]:
    """Read ``plain-words.yml``: per language, a list of ``{forms: [...], plain: ...}``."""
    data = _Data(where)
    top = data.mapping(raw, "the file", "en: [{forms: [utilize], plain: use}]")
    result: dict[str, PlainWords] = {}
    for language, entries in top.items():
        if language == "source":
            continue
        if not isinstance(entries, list):
            raise data.fail(str(language), "a list such as `[{forms: [utilize], plain: use}]`")
        table: dict[str, str] = {}
        for i, entry in enumerate(entries, start=1):
            here = f"{language} > {i}"
            entry = data.mapping(entry, here, "{forms: [utilize], plain: use}")
            forms, plain = entry.get("forms"), entry.get("plain")
            if (
                not isinstance(forms, list)
                or not forms
                or not all(isinstance(f, str) and f.strip() for f in forms)
            ):
                raise data.fail(f"{here} > forms", "a list of words, such as `[utilize, utilized]`")
            if not isinstance(plain, str) or not plain.strip():
                raise data.fail(f"{here} > plain", "the plainer word, such as `use`")
            for form in forms:
                table[" ".join(form.lower().split())] = plain.strip()
        result[str(language)] = PlainWords(table)
    return result


def options_from_settings(settings: Settings) -> ReadabilityOptions:
    """Read limits from the editorial data folder (``readability.yml``), if present.

    The default file may be absent (built-in limits apply); a file named in mkdocs.yml
    must exist.
    """
    name = str(settings.plugins.get("readability", {}).get("thresholds", DEFAULT_THRESHOLDS_FILE))
    path = settings.data_dir / name
    shown = display_path(path, settings.project_root)
    if not path.exists():
        if name != DEFAULT_THRESHOLDS_FILE:
            raise InputError(
                shown,
                "the readability thresholds file named in mkdocs.yml (`thresholds:`) does not "
                "exist. Create it, or remove the option to use the built-in limits.",
            )
        options = DEFAULT_OPTIONS
    else:
        options = parse_options(read_yaml(path, shown), shown)
    plain_path = settings.data_dir / PLAIN_WORDS_FILE
    if plain_path.exists():
        plain_shown = display_path(plain_path, settings.project_root)
        options = replace(
            options, plain_words=parse_plain_words(read_yaml(plain_path, plain_shown), plain_shown)
        )
    return options
