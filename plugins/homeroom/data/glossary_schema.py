"""The form of a glossary file (``content/_data/glossary/<lang>.yml``) and of ``accept.yml``.

A glossary may also list the district's own words (``own_words:``, each a ``name`` and its
``meaning``): never flagged, and as abbreviations, spelled out on every page.

Three kinds of entry share one form, told apart by ``category``:

- ``jargon``: an education term families may not know (rule ``jargon.<id>``);
- ``deficit``: wording that describes families by what they lack (rule ``respect.<id>``);
- ``substitution``: a long word with a plainer one that means the same (rule
  ``readability.word``, found by the readability check).
"""

from __future__ import annotations

from typing import Any

#: Entry category -> the rule its findings carry (``jargon.<id>``, ``respect.<id>``,
#: ``readability.word``).
CATEGORIES = {"jargon": "jargon", "deficit": "respect", "substitution": "readability.word"}


def _texts(description: str, example: list[str], required: bool = True) -> dict[str, Any]:
    """A list of texts (one text alone is read as a list of one)."""
    return {
        "type": ["array", "string"],
        "items": {"type": "string", "pattern": r"\S", "description": "text"},
        "pattern": r"\S",
        **({"minItems": 1} if required else {}),
        "description": description,
        "examples": [example],
    }


def _text(description: str, example: str) -> dict[str, Any]:
    return {"type": "string", "pattern": r"\S", "description": description, "examples": [example]}


#: Plain words fit in the sentence: no brackets, which would nest inside an explanation
#: ("IEP (a plan (written))") or hold advice to the writer.
_PLAIN = r"^[^()\[\]]*\S[^()\[\]]*$"

ENTRY: dict[str, Any] = {
    "type": "object",
    "title": "entry",
    "description": "an entry with `id:`, `category:`, `forms:`, `plain:` and the other fields",
    "properties": {
        "id": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]*$",
            "description": "an id of lower-case letters, digits and dashes",
            "examples": ["504-plan"],
        },
        "category": {
            "enum": list(CATEGORIES),
            "description": "`jargon`, `deficit` or `substitution` (a long word with a plainer one)",
        },
        "forms": _texts(
            "a list of the words to look for: every plural and spelling, accented and not",
            ["benchmark", "benchmarks"],
        ),
        "plain": {
            **_texts("a list of plainer words to write instead", ["check-in test"]),
            "items": {
                "type": "string",
                "pattern": _PLAIN,
                "description": "words that fit in the sentence, without brackets (advice to "
                "the writer goes in `note:`)",
            },
            "pattern": _PLAIN,
        },
        "plural": {
            **_texts(
                "a list of the plain words in the plural, in the order of `plain:`",
                ["check-in tests"],
                required=False,
            ),
            "items": {"type": "string", "pattern": _PLAIN, "description": "words without brackets"},
            "pattern": _PLAIN,
        },
        "plain_for": {
            "type": "object",
            "description": "for an entry that covers several terms, each form with its own "
            "list of plainer words",
            "examples": [{"Tier 2": ["extra help in a small group"]}],
            "additionalProperties": {
                **_texts("a list of plainer words for this form", ["extra help in a small group"]),
                "items": {
                    "type": "string",
                    "pattern": _PLAIN,
                    "description": "words without brackets",
                },
                "pattern": _PLAIN,
            },
        },
        "separate_terms": {
            "type": "boolean",
            "description": "`true` when the forms with their own `plain_for` words are "
            "different terms (Tier 2, Tier 3), each reported once a page; `false` or no line",
        },
        "note": _text(
            "advice to the writer, shown in the message (not in the suggested words)",
            "Say the group's name once, then use it.",
        ),
        "explain": _text(
            "one sentence that tells families what the term means",
            "A short test to see how your child is growing.",
        ),
        "severity": {
            "type": "string",
            "pattern": "^(?i:error|warning|info)$",
            "description": "`error`, `warning` or `info`",
        },
        "define": {
            "type": "boolean",
            "description": "`true` (the term may stay once the page explains it) or `false`",
        },
        "topic": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]*$",
            "description": "the id of one of the file's `topics:`, the family glossary page "
            "the entry goes on",
            "examples": ["reading"],
        },
        "page_types": _texts(
            "a list of the page types the entry applies to (none: every page)",
            ["report-card"],
            required=False,
        ),
        "source": _text("where the entry comes from", "Homeroom editors"),
        "examples": {
            "type": "object",
            "description": "`flag:` and `pass:` lists of example sentences",
            "examples": [{"flag": ["Your child took the benchmark."]}],
            "properties": {
                "flag": _texts(
                    "a list of sentences that must be flagged", ["Your child took the benchmark."]
                ),
                "pass": _texts(
                    "a list of similar sentences that must not be flagged",
                    ["Your child took a short test."],
                    required=False,
                ),
            },
            "required": ["flag"],
            "additionalProperties": False,
        },
    },
    "required": ["id", "category", "forms", "plain", "source", "examples"],
    "additionalProperties": False,
    "allOf": [
        {
            "if": {"properties": {"category": {"enum": ["jargon", "deficit"]}}},
            "then": {"required": ["explain"]},
        },
        {
            "if": {"properties": {"category": {"const": "substitution"}}},
            "then": {
                "properties": {
                    "define": {
                        "const": False,
                        "description": "`false`, or no `define:` line (a plainer word is "
                        "never explained instead)",
                    },
                    "page_types": {
                        "maxItems": 0,
                        "description": "no page types: a plainer word applies on every page",
                    },
                }
            },
        },
    ],
}

OWN_WORD: dict[str, Any] = {
    "type": "object",
    "title": "own word",
    "description": "a name with `name:` and `meaning:`",
    "examples": [{"name": "ASD", "meaning": "Anacortes School District"}],
    "properties": {
        "name": _text("the name or abbreviation as the district writes it", "ASD"),
        "meaning": _text("what it means, in plain words", "Anacortes School District"),
    },
    "required": ["name", "meaning"],
    "additionalProperties": False,
}

GLOSSARY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`entries:` followed by a list of glossary entries",
    "examples": [{"entries": []}],
    "properties": {
        "language": {
            "type": "string",
            "description": "the language code of the file's name",
            "examples": ["en"],
        },
        "topics": {
            "type": "object",
            "description": "the family glossary's pages: a topic id (lower-case letters, "
            "digits and dashes) and the page's title",
            "examples": [{"reading": "Reading and writing"}],
            "propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]*$"},
            "additionalProperties": _text("the page's title", "Reading and writing"),
        },
        "own_words": {
            "type": "array",
            "description": "a list of the district's own names and abbreviations, each "
            "starting with `- name:`",
            "items": OWN_WORD,
        },
        "entries": {
            "type": "array",
            "description": "a list of glossary entries, each starting with `- id:`",
            "items": ENTRY,
        },
        "defaults": {
            "type": "boolean",
            "description": "`true` (the default: this file extends Homeroom's own glossary) "
            "or `false` (this file alone)",
            "examples": [False],
        },
        "remove": {
            "type": "array",
            "description": "a list of the ids of Homeroom's entries this site does not use",
            "items": {
                "type": "string",
                "pattern": "^[a-z0-9][a-z0-9-]*$",
                "description": "an entry's id",
            },
            "examples": [["benchmark"]],
        },
    },
    "additionalProperties": False,
}

ACCEPT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`accept:` followed by a list of names",
    "examples": [{"accept": ["Benchmark Elementary School"]}],
    "properties": {
        "accept": {
            "type": "array",
            "description": "a list of names, such as `- Benchmark Elementary School`",
            "items": _text("a name", "Benchmark Elementary School"),
        }
    },
    "required": ["accept"],
    "additionalProperties": False,
}
