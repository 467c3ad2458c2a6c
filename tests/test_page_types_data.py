"""The page-types data file: the shipped one is valid; every mistake is one line with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from homeroom.data.page_types import load_page_types
from homeroom.model.errors import HomeroomError, InputErrors

VALID = """\
types:
  guide:
    essential: true
    source: Somewhere real.
    sections:
      - id: what-is
        heading:
          en: What is it?
          es: ¿Qué es?
      - id: get-help
        heading: {en: Where to get help}
"""


def test_shipped_page_types_load_with_the_agreed_sections() -> None:
    types = load_page_types(ROOT / "content" / "_data" / "page-types.yml")
    assert set(types.names) == {
        "home",
        "grade-expectations",
        "conference-guide",
        "report-card-guide",
        "report-card",
        "glossary",
        "staff",
        # The partnership pages (issue 18).
        "team-meeting",
        "student-led-conference",
        "learning-plan",
        "score-report",
        "welcome",
        "you-said-we-did",
        "dear-teacher",
    }
    sections = {name: [s.id for s in t.sections] for name, t in types.types.items()}
    # The ids the content engineers write (plan for issue 6), in order.
    assert sections["conference-guide"] == [
        "what-is",
        "before",
        "during",
        "after",
        "kinds",
        "words",
        "rights",
        "dear-teacher",
    ]
    assert sections["home"] == ["how-is-my-child-doing", "learning", "help-at-home", "get-help"]
    assert sections["report-card-guide"] == ["what-is", "read-it", "get-help"]
    assert len(sections["grade-expectations"]) == 8
    essential = {name for name, t in types.types.items() if t.essential}
    assert essential == {"conference-guide", "report-card-guide", "report-card"}


def test_a_valid_file_reads_as_written(tmp_path: Path) -> None:
    path = tmp_path / "page-types.yml"
    path.write_text(VALID, encoding="utf-8")
    guide = load_page_types(path).types["guide"]
    assert guide.essential and guide.source == "Somewhere real."
    assert [s.heading("es") for s in guide.sections] == ["¿Qué es?", "Where to get help"]
    assert guide.sections[0].heading("es-MX") == "¿Qué es?"


def messages(caught: pytest.ExceptionInfo[HomeroomError]) -> list[str]:
    error = caught.value
    return [str(e) for e in (error.errors if isinstance(error, InputErrors) else [error])]


@pytest.mark.parametrize(
    ("old", "new", "line", "expected"),
    [
        (
            "    source: Somewhere real.\n",
            "",
            2,
            "`types.guide`, field `source` is missing: expected where the sections come from",
        ),
        (
            "essential: true",
            "essential: maybe",
            3,
            "`types.guide`, field `essential`: expected `true` or `false`, not `maybe`.",
        ),
        (
            "      - id: get-help",
            "      - id: Get Help",
            10,
            "`types.guide.sections[1]` (section `Get Help`), field `id`: expected a heading id",
        ),
        (
            "      - id: get-help",
            "      - id: what-is",
            10,
            "`what-is` is already used by another section of this type (line 6)",
        ),
        (
            "          es: ¿Qué es?",
            "          es: ''",
            9,
            "`types.guide.sections[0].heading.es` (section `what-is`) must be the text in that "
            "language; it is empty.",
        ),
        (
            "    sections:",
            "    sectons:",
            5,
            "unknown field `sectons` (did you mean `sections`?)",
        ),
        (
            "  guide:",
            "  Guide Page:",
            2,
            "`types`: `Guide Page` is not a name Homeroom can read: expected a name in small "
            "letters and dashes",
        ),
        (
            "        heading: {en: Where to get help}\n",
            "",
            10,
            "(section `get-help`), field `heading` is missing: expected the heading, one line "
            "per language",
        ),
        (
            "          en: What is it?",
            "          english: What is it?",
            8,
            "`english` is not a name Homeroom can read: expected a language code",
        ),
        ("en: What is it?", "en: [What, is, it]", 8, "heading.en` (section `what-is`) must be"),
        (
            "      - id: what-is",
            "      - id: what-is\n        why: because",
            7,
            "unknown field `why`; use only `id`, `heading`, `write`.",
        ),
        ("    essential: true", "\tessential: true", 3, "this is not valid YAML"),
    ],
)
def test_each_mistake_is_one_line_naming_file_line_and_field(
    tmp_path: Path, old: str, new: str, line: int, expected: str
) -> None:
    assert old in VALID
    path = tmp_path / "page-types.yml"
    path.write_text(VALID.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(HomeroomError) as caught:
        load_page_types(path, "content/_data/page-types.yml")
    (message,) = messages(caught)
    assert message.startswith(f"content/_data/page-types.yml:{line}: "), message
    assert expected in message
    assert "\n" not in message


def test_every_mistake_in_the_file_is_reported_at_once(tmp_path: Path) -> None:
    broken = (
        VALID.replace("essential: true", "essential: maybe")
        .replace("- id: get-help", "- id: Get Help")
        .replace("    sections:", "    sections:\n      - id: first\n        heading: {en: ''}")
    )
    path = tmp_path / "page-types.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        load_page_types(path, "page-types.yml")
    assert [m.split(": ")[0] for m in messages(caught)] == [
        "page-types.yml:3",
        "page-types.yml:7",
        "page-types.yml:12",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file: expected `key: value` lines"),
        ("types: {}\n", "at least one page type"),
        ("kinds: {}\n", "unknown field `kinds`"),
        ("types:\n  guide:\n    source: x\n    sections: none\n", ":4: .*expected a list"),
    ],
)
def test_empty_or_wrong_top_level(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "page-types.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HomeroomError, match=expected):
        load_page_types(path)
