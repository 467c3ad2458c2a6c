"""Readability limits: the built-in defaults, and reading them from the site's data folder.

Limits are data (``content/_data/readability.yml``, in the form of
:mod:`homeroom.data.readability_schema`): a *profile* per kind of page (family guides,
report cards), each with limits per language. Long words with a plainer one are glossary
entries of category ``substitution`` (:mod:`homeroom.data.glossary`). Every mistake in
these files is reported at once, each naming the file, the line and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from homeroom.data.glossary import GLOSSARY_DIR, Glossary, glossary_files, load_glossaries
from homeroom.data.options import ReadabilityOptions as ReadabilityPluginOptions
from homeroom.data.readability_schema import READABILITY_SCHEMA
from homeroom.data.ruledata import RuleFile, errors_of, read_rule_file, rule_file_from_data
from homeroom.data.settings import Settings
from homeroom.data.sources import display_path
from homeroom.model.errors import InputError, InputErrors, raise_all
from homeroom.text.lang import language_data_files
from homeroom.text.measures import MEASURES, measures_for
from homeroom.text.syllables import base_language

DEFAULT_THRESHOLDS_FILE = "readability.yml"
__all__ = ["DEFAULT_OPTIONS", "DEFAULT_THRESHOLDS_FILE", "GLOSSARY_DIR", "ReadabilityOptions"]


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
    min_words: int = 8
    """Shorter sentences are not scored: a formula is unstable on a handful of words."""


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
class ReadabilityOptions:
    """Profiles by name, and which page types use which profile."""

    profiles: Mapping[str, Profile]
    page_types: Mapping[str, str] = field(default_factory=dict)
    default_profile: str = "family"
    substitutions: Mapping[str, Glossary] = field(default_factory=dict)
    """The glossaries whose ``substitution`` entries name long words with a plainer one."""

    def plain_words(self, language: str) -> Glossary | None:
        """The glossary of plainer words for a language (or its base language), if any."""
        found = self.substitutions.get(language) or self.substitutions.get(base_language(language))
        return found if found is not None and found.substitutions else None

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
        # No formula is validated for the other languages: sentence length in words (for
        # Chinese, words found by jieba; for Japanese, characters) and the share of
        # sentences over the language's sentence limit. Starting points, as in
        # content/_data/readability.yml: plain pages in every bundled language pass them.
        "zh": (
            PageLimit("words-per-sentence", 15),
            PageLimit("characters-per-sentence", 35),
            PageLimit("long-sentence-share", 0.2),
        ),
        "ja": (PageLimit("characters-per-sentence", 50),),
        "default": (
            PageLimit("words-per-sentence", 15),
            PageLimit("long-sentence-share", 0.2),
        ),
    },
    sentence_difficulty={
        "en": DifficultyLimits("flesch-kincaid-grade", 10, 14),
        # Calibrated on parallel English/Spanish sentences (scripts/bench_es_agreement.py):
        # INFLESZ of one sentence is unstable on a few words (one more syllable moves a
        # 10-word sentence by 6 points), so only sentences of 14 words or more are scored.
        "es": DifficultyLimits("inflesz", 47, 35, min_words=14),
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


def _profile(file: RuleFile, name: str, raw: Mapping[str, Any], base: Profile | None) -> Profile:
    """One profile, on top of the profile it extends (its tables are merged by language)."""
    here: list[str | int] = ["profiles", name]
    words_table: dict[str, SentenceLimits] = dict(base.sentence_words) if base else {}
    for lang, entry in raw.get("sentence_words", {}).items():
        if entry["hard"] > entry["very_hard"]:
            at = [*here, "sentence_words", lang]
            file.add(
                at,
                f"{file.where(at)}: expected `hard` no larger than `very_hard`, such as "
                f"`{{hard: 20, very_hard: 30}}`, not `hard: {entry['hard']}` with "
                f"`very_hard: {entry['very_hard']}`.",
            )
        words_table[str(lang)] = SentenceLimits(int(entry["hard"]), int(entry["very_hard"]))
    page: dict[str, tuple[PageLimit, ...]] = dict(base.page) if base else {}
    for lang, entries in raw.get("page", {}).items():
        for i, entry in enumerate(entries):
            _measure(file, [*here, "page", lang, i, "measure"], entry["measure"], str(lang))
        page[str(lang)] = tuple(PageLimit(e["measure"], e["limit"]) for e in entries)
    difficulty: dict[str, DifficultyLimits] = dict(base.sentence_difficulty) if base else {}
    for lang, entry in raw.get("sentence_difficulty", {}).items():
        _measure(file, [*here, "sentence_difficulty", lang, "measure"], entry["measure"], lang)
        difficulty[str(lang)] = DifficultyLimits(
            entry["measure"], entry["hard"], entry["very_hard"], int(entry.get("min_words", 8))
        )
    if "default" not in words_table or "default" not in page:
        file.add(
            here,
            f"{file.where(here)}: expected `sentence_words` and `page` limits for `default` (the "
            "languages not listed), such as `default: {hard: 20, very_hard: 30}` under "
            "`sentence_words:`.",
        )
    return Profile(
        name=name,
        sentence_words=words_table,
        page=page,
        sentence_difficulty=difficulty,
        paragraph_words=int(raw.get("paragraph_words", base.paragraph_words if base else 100)),
        min_words=int(raw.get("min_words", base.min_words if base else 100)),
    )


def _measure(file: RuleFile, path: list[str | int], measure_id: str, language: str) -> None:
    """A measure must be validated for the language it is set for."""
    measure = MEASURES[measure_id]
    if language != "default" and not measure.valid_for(language):
        file.add(
            path,
            f"{file.where(path)}: {measure.id} is not a validated measure for '{language}'. "
            f"Use one of: {', '.join(measures_for(language))}.",
        )


def read_options(file: RuleFile) -> ReadabilityOptions:
    """The limits in a checked thresholds file (its mistakes are kept in ``file``).

    Profiles that broke the file's form are left out; the others are still checked, so
    one run names every mistake.
    """
    top: Mapping[str, Any] = file.data if isinstance(file.data, Mapping) else {}
    raw_profiles: Mapping[str, Any] = file.value(["profiles"], {})
    if not isinstance(raw_profiles, Mapping):
        raw_profiles = {}
    profiles: dict[str, Profile] = {}
    broken = {name for name in raw_profiles if not file.valid(["profiles", name])}
    pending = {name: raw for name, raw in raw_profiles.items() if name not in broken}
    while pending:  # resolve `extends:` in any order
        progressed = False
        for name, raw in list(pending.items()):
            parent = raw.get("extends")
            if parent is not None and parent not in profiles:
                if parent in broken or parent not in raw_profiles:
                    if parent not in broken:
                        file.fail(
                            ["profiles", name, "extends"],
                            f"the name of another profile ({', '.join(raw_profiles)})",
                            found=parent,
                        )
                    broken.add(name)
                    del pending[name]
                    progressed = True
                continue
            profiles[name] = _profile(file, name, raw, profiles.get(parent) if parent else None)
            del pending[name]
            progressed = True
        if not progressed:
            file.fail(["profiles"], "profiles that do not extend each other in a circle")
            break
    raw_types: Mapping[str, Any] = file.value(["page_types"], {})
    if not isinstance(raw_types, Mapping):
        raw_types = {}
    page_types = {str(k): str(v) for k, v in raw_types.items()}
    default = str(top.get("default_profile", "family"))
    for path, profile in [
        *((["page_types", k], v) for k, v in page_types.items()),
        (["default_profile"], default),
    ]:
        if raw_profiles and profile not in profiles and profile not in broken and file.valid(path):
            file.fail(path, f"one of the profiles ({', '.join(profiles)})", found=profile)
    if file.problems:
        return DEFAULT_OPTIONS
    return ReadabilityOptions(profiles=profiles, page_types=page_types, default_profile=default)


def parse_options(raw: Any, where: str) -> ReadabilityOptions:
    """Read the thresholds file's contents (already parsed YAML); every mistake is raised."""
    file = rule_file_from_data(raw, where, READABILITY_SCHEMA)
    options = read_options(file)
    raise_all(file.problems)
    return options


def options_from_settings(settings: Settings) -> ReadabilityOptions:
    """Read limits from the data folder (``readability.yml``) and the glossaries' plain words.

    The default file may be absent (built-in limits apply); a file named in mkdocs.yml
    must exist. Every mistake in the limits and in the glossaries is raised together.
    """
    name = settings.options(ReadabilityPluginOptions).thresholds
    path = settings.data_dir / name
    shown = display_path(path, settings.project_root)
    problems: list[InputError] = []
    options = DEFAULT_OPTIONS
    if not path.exists():
        if name != DEFAULT_THRESHOLDS_FILE:
            problems.append(
                InputError(
                    shown,
                    "the readability thresholds file named in mkdocs.yml (`thresholds:`) does "
                    "not exist. Create it, or remove the option to use the built-in limits.",
                )
            )
    else:
        try:
            file = read_rule_file(path, shown, READABILITY_SCHEMA)
        except InputError as exc:
            problems.append(exc)
        else:
            options = read_options(file)
            problems.extend(sorted(file.problems, key=lambda e: e.line or 0))
    glossaries: dict[str, Glossary] = {}
    try:
        glossaries = load_glossaries(
            settings.data_dir, settings.project_root, settings.languages.codes
        )
    except (InputError, InputErrors) as exc:
        problems.extend(errors_of(exc))
    raise_all(problems)
    return replace(options, substitutions=glossaries)


def data_files(settings: Settings) -> list[Path]:
    """The files the limits, the plainer words and the sentence splitting come from.

    The thresholds file, the glossaries, and the language word lists shipped with Homeroom
    (abbreviations that do not end a sentence, where to split one).
    """
    name = settings.options(ReadabilityPluginOptions).thresholds
    glossaries = [path for _, path in glossary_files(settings.data_dir, settings.languages.codes)]
    accept = settings.data_dir / GLOSSARY_DIR / "accept.yml"
    return [
        settings.data_dir / name,
        *glossaries,
        *([accept] if accept.exists() else []),
        *language_data_files(),
    ]
