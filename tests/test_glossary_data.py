"""The shipped glossaries: every language is there, large enough, and complete.

Every entry's `flag` and `pass` examples run in the meta-test, tests/test_rule_examples.py.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from homeroom.checks.jargon import JargonCheck
from homeroom.data.glossary import Glossary, load_glossaries, parse_glossary
from homeroom.data.glossary_words import is_plural, pluralize
from homeroom.data.sources import source_from_text
from homeroom.model.errors import InputError
from homeroom.pages.glossary_page import glossary_pages
from homeroom.run import engine

DATA = ROOT / "content" / "_data"
GLOSSARIES = load_glossaries(DATA, ROOT, ["en", "es"])


@pytest.mark.parametrize(
    ("language", "jargon", "deficit", "substitution"),
    [("en", 150, 40, 29), ("es", 100, 40, 20)],
)
def test_shipped_content_is_large_enough(
    language: str, jargon: int, deficit: int, substitution: int
) -> None:
    entries = GLOSSARIES[language].entries
    assert sum(e.category == "jargon" for e in entries) >= jargon
    assert sum(e.category == "deficit" for e in entries) >= deficit
    assert sum(e.category == "substitution" for e in entries) >= substitution
    assert all(e.source and e.plain and e.flag_examples for e in entries)
    assert all(e.explain for e in entries if e.category != "substitution")


@pytest.mark.parametrize(
    ("language", "plain", "plural"),
    [
        ("en", "check-in test", "check-in tests"),
        ("en", "a quick check during learning", "quick checks during learning"),
        ("en", "a test that shows what to work on", "tests that show what to work on"),
        ("en", "a child who cares for themselves", "children who care for themselves"),
        ("en", "changes in how your child learns", "changes in how your child learns"),
        ("en", "one credit for a year-long class", "credits for a year-long class"),
        ("en", "family", "families"),
        ("es", "una prueba corta en clase", "pruebas cortas en clase"),
        ("es", "el examen al final de la unidad", "los exámenes al final de la unidad"),
        (
            "es",
            "estudiante que está aprendiendo inglés",
            "estudiantes que están aprendiendo inglés",
        ),
        ("es", "reunión con la maestra", "reuniones con la maestra"),
        ("es", "describa lo que pasó", "describa lo que pasó"),
    ],
)
def test_plain_words_take_the_regular_plural_of_their_language(
    language: str, plain: str, plural: str
) -> None:
    assert pluralize(plain, language) == plural


@pytest.mark.parametrize(
    ("form", "plural"),
    [
        ("benchmark tests", True),
        ("benchmark test", False),
        ("evaluaciones formativas", True),
        ("problem children", True),
        ("BOY assessments", True),
    ],
)
def test_a_form_is_plural_when_another_form_is_its_singular(form: str, plural: bool) -> None:
    forms = (
        "benchmark test",
        "benchmark tests",
        "evaluación formativa",
        "evaluaciones formativas",
        "problem child",
        "BOY assessment",
    )
    assert is_plural(form, forms) is plural


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_family_glossary_is_an_index_and_one_light_page_per_topic(language: str) -> None:
    glossary = GLOSSARIES[language]
    topics = [topic for topic, _ in glossary.topics]
    jargon = [e for e in glossary.entries if e.category == "jargon"]
    assert all(e.topic in topics for e in jargon)
    pages = glossary_pages(glossary, "glossary.md")
    index = pages.pop("glossary.md")
    assert set(pages) == {f"glossary/{topic}.md" for topic in topics}
    for path in pages:
        assert f"]({path})" in index
    for entry in jargon:
        anchor = f'<div id="{entry.id}"></div>'
        assert [p for p, text in pages.items() if anchor in text] == [f"glossary/{entry.topic}.md"]
    # The Markdown of the biggest page today is about 12,000 characters; its HTML, with the
    # theme, about 46 KB. Under 20,000 keeps every page well under 80 KB on a phone.
    assert max(len(text) for text in pages.values()) < 20_000
    assert len(index) < 5_000


def test_a_glossary_without_topics_is_one_page() -> None:
    entry = next(e for e in GLOSSARIES["en"].entries if e.category == "jargon")
    single = Glossary("en", (entry,))
    assert list(glossary_pages(single, "words/list.md")) == ["words/list.md"]


def test_a_topic_the_file_does_not_have_is_a_mistake() -> None:
    raw = {
        "topics": {"reading": "Reading"},
        "entries": [
            {
                "id": "x",
                "category": "jargon",
                "topic": "maths",
                "forms": ["x term"],
                "plain": ["y"],
                "explain": "Z.",
                "source": "test",
                "examples": {"flag": ["An x term."]},
            }
        ],
    }
    with pytest.raises(InputError, match=r"topic.*one of the file's `topics:` \(reading\).*maths"):
        parse_glossary(raw, "g.yml", "en")


@pytest.mark.parametrize(
    ("text", "page_type", "rules"),
    [
        ("The participation rate for the bake sale was 80%.", None, set()),
        ("The participation rate was 97%.", "report-card", {"jargon.participation-rate"}),
        ("Our mainstream school welcomes every child.", None, set()),
        ("Your child will be mainstreamed for science.", None, {"jargon.mainstream"}),
    ],
)
def test_words_that_are_jargon_only_in_school_talk(
    text: str, page_type: str | None, rules: set[str]
) -> None:
    head = f"---\ntype: {page_type}\n---\n" if page_type else ""
    source = source_from_text(head + text + "\n", "p.md", "p.md", "p.md", "en")
    found, _ = engine.check_page(source, [JargonCheck(GLOSSARIES)])
    assert {f.rule for f in found} == rules
