"""Relational tone: the phrases that talk down to families, per language, as package data.

``homeroom/rules/tone-<language>.yml`` (the form of :data:`TONE_SCHEMA`) holds, for one
language: *demands* written at families ("Parents are required to", "Failure to ... will
result in"), *blame* ("your child refuses to"), each a pattern with an asset-based rewrite
and examples that must and must not match, and the words that make a sentence an *action*
a family can take ("Call", "You can", "Llame"). Adding a language is adding its file.
Every mistake in a file is reported at once, naming the line (:mod:`homeroom.data.ruledata`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from homeroom.data.ruledata import RuleFile, read_rule_file
from homeroom.model.errors import InputError, raise_all

#: The kinds of phrase, each its own rule: ``tone.demand``, ``tone.blame``.
KINDS = ("demand", "blame")

_TEXT = {"type": "string", "pattern": r"\S", "description": "text"}


def _texts(description: str, example: list[str]) -> dict[str, Any]:
    return {
        "type": "array",
        "minItems": 1,
        "items": {**_TEXT, "description": "a sentence or phrase"},
        "description": description,
        "examples": [example],
    }


_PHRASE = {
    "type": "object",
    "title": "phrase",
    "description": "`id`, `pattern`, `why`, `rewrite`, `flag` and `pass`",
    "properties": {
        "id": {
            "type": "string",
            "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
            "description": "a short id in lower case with dashes",
            "examples": ["parents-are-required"],
        },
        "pattern": {
            **_TEXT,
            "description": "a regular expression, matched in any case at word boundaries",
            "examples": [r"(parents|families) (are|is) required to"],
        },
        "why": {**_TEXT, "description": "why the words push families away, in plain words"},
        "rewrite": {
            **_TEXT,
            "description": "an asset-based way to say it, as a model sentence",
            "examples": ["Please sign the form by Friday. If that is hard, call us."],
        },
        "flag": _texts("sentences the pattern must match", ["Parents are required to sign."]),
        "pass": _texts("sentences it must not match", ["Please sign the form."]),
    },
    "required": ["id", "pattern", "why", "rewrite", "flag", "pass"],
    "additionalProperties": False,
}
_WORDS = {
    "type": "array",
    "minItems": 1,
    "items": {**_TEXT, "description": "a word or phrase"},
    "description": "a list of words or phrases",
    "examples": [["call", "ask"]],
}
TONE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`language:`, `source:`, `demand:`, `blame:` and `actions:`",
    "properties": {
        "language": {**_TEXT, "description": "the language code of the file's name"},
        "source": {**_TEXT, "description": "where the phrases and rewrites come from"},
        "demand": {"type": "array", "items": _PHRASE, "description": "a list of phrases"},
        "blame": {"type": "array", "items": _PHRASE, "description": "a list of phrases"},
        "actions": {
            "type": "object",
            "description": "`starts:` and `phrases:`",
            "properties": {
                "starts": {
                    **_WORDS,
                    "description": "verbs that make a sentence or list item an action when "
                    "it starts with one (imperatives: call, ask, bring)",
                },
                "phrases": {
                    **_WORDS,
                    "description": "phrases that make a sentence an action anywhere in it "
                    "(you can, please)",
                },
            },
            "required": ["starts", "phrases"],
            "additionalProperties": False,
        },
    },
    "required": ["language", "source", "demand", "blame", "actions"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Phrase:
    """One demand or blame phrase, compiled."""

    kind: str
    id: str
    pattern: re.Pattern[str]
    why: str
    rewrite: str
    flag: tuple[str, ...]
    passes: tuple[str, ...]


@dataclass(frozen=True)
class Tone:
    """One language's phrases and action words."""

    language: str
    phrases: tuple[Phrase, ...]
    action_start: re.Pattern[str]
    """Matches a sentence that starts with an action verb."""
    action_phrase: re.Pattern[str]
    """Finds an action phrase anywhere in a sentence."""

    def is_action(self, sentence: str) -> bool:
        """Whether a sentence (or list item) asks or invites a family to do something."""
        text = sentence.lstrip(" \t\"'“‘(¿¡")
        return bool(self.action_start.match(text) or self.action_phrase.search(sentence))


def tone_files() -> dict[str, Any]:
    """Language code -> package file (a Traversable), for every language with tone data."""
    folder = resources.files("homeroom").joinpath("rules")
    found = {}
    for entry in folder.iterdir():
        name = entry.name
        if name.startswith("tone-") and name.endswith(".yml"):
            found[name.removeprefix("tone-").removesuffix(".yml")] = entry
    return dict(sorted(found.items()))


def _alternatives(words: list[str]) -> str:
    ordered = sorted({w.strip() for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


def read_tone(file: RuleFile, language: str) -> Tone | None:
    """The tone data of one checked file (its mistakes are kept in ``file``)."""
    if file.problems:
        return None
    data: Mapping[str, Any] = file.data
    if data["language"] != language:
        file.fail(
            ["language"], f"`{language}`, the code in the file's name", found=data["language"]
        )
        return None
    phrases = []
    seen: set[str] = set()
    for kind in KINDS:
        for i, raw in enumerate(data[kind]):
            if raw["id"] in seen:
                file.add(
                    [kind, i, "id"], f"{file.where([kind, i])}: the id `{raw['id']}` is used twice."
                )
            seen.add(raw["id"])
            try:
                pattern = re.compile(rf"(?<![\w-])(?:{raw['pattern']})(?![\w-])", re.IGNORECASE)
            except re.error as exc:
                file.fail([kind, i, "pattern"], found=raw["pattern"], why=f" ({exc})")
                continue
            phrase = Phrase(
                kind,
                raw["id"],
                pattern,
                raw["why"],
                raw["rewrite"],
                tuple(raw["flag"]),
                tuple(raw["pass"]),
            )
            phrases.append(phrase)
    actions = data["actions"]
    return Tone(
        language=language,
        phrases=tuple(phrases),
        action_start=re.compile(rf"(?:{_alternatives(actions['starts'])})(?![\w’'-])", re.I),
        action_phrase=re.compile(
            rf"(?<![\w-])(?:{_alternatives(actions['phrases'])})(?![\w’'-])", re.I
        ),
    )


def tone_problems() -> list[InputError]:
    """Every mistake in every tone file of the package."""
    problems: list[InputError] = []
    for code, entry in tone_files().items():
        file = read_rule_file(Path(str(entry)), f"homeroom/rules/{entry.name}", TONE_SCHEMA)
        read_tone(file, code)
        problems.extend(file.problems)
    return problems


@lru_cache(maxsize=1)
def load_tones() -> Mapping[str, Tone]:
    """Every language's tone data, read and checked once; every mistake is raised."""
    tones: dict[str, Tone] = {}
    problems: list[InputError] = []
    for code, entry in tone_files().items():
        try:
            file = read_rule_file(Path(str(entry)), f"homeroom/rules/{entry.name}", TONE_SCHEMA)
        except InputError as exc:
            problems.append(exc)
            continue
        tone = read_tone(file, code)
        problems.extend(file.problems)
        if tone is not None:
            tones[code] = tone
    raise_all(problems)
    return tones


def data_files() -> list[Path]:
    """The package files the tone check reads (for the cache fingerprint)."""
    return [Path(str(entry)) for entry in tone_files().values()]
