"""The page-types data file: the shipped one is valid; every mistake is one line with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from homeroom.data.page_types import load_page_types
from homeroom.model.errors import InputError

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


@pytest.mark.parametrize(
    ("old", "new", "line", "expected"),
    [
        ("    source: Somewhere real.\n", "", 2, "page type `guide`, field `source`: expected"),
        ("essential: true", "essential: maybe", 3, "field `essential`: expected `true` or `false`"),
        ("      - id: get-help", "      - id: Get Help", 10, "section 2, field `id`"),
        ("      - id: get-help", "      - id: what-is", 10, "`what-is` is already used"),
        ("          es: ¿Qué es?", "          es: ''", 9, "language `es`: expected the text"),
        ("    sections:", "    sectons:", 5, "unknown field `sectons`"),
        ("  guide:", "  Guide Page:", 2, "page type `Guide Page`: expected a name"),
        (
            "        heading: {en: Where to get help}\n",
            "",
            10,
            "field `heading`: expected one line",
        ),
        ("          en: What is it?", "          english: What is it?", 8, "language codes"),
        ("en: What is it?", "en: [What, is, it]", 8, "language `en`"),
        (
            "      - id: what-is",
            "      - id: what-is\n        why: because",
            7,
            "unknown field `why`",
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
    with pytest.raises(InputError) as caught:
        load_page_types(path, "content/_data/page-types.yml")
    message = str(caught.value)
    assert message.startswith(f"content/_data/page-types.yml:{line}: "), message
    assert expected in message
    assert "\n" not in message


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
    with pytest.raises(InputError, match=expected):
        load_page_types(path)
