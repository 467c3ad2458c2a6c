"""Every shipped glossary entry: its examples must (and must not) be flagged (a meta-test)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from homeroom.checks.jargon import JargonCheck
from homeroom.data.glossary import Glossary, load_glossaries
from homeroom.data.sources import source_from_text
from homeroom.run import engine

DATA = ROOT / "content" / "_data"
GLOSSARIES = load_glossaries(DATA, ROOT, ["en", "es"])
CASES = [
    (language, entry.id, kind, example)
    for language, glossary in GLOSSARIES.items()
    for entry in glossary.entries
    for kind, examples in (("flag", entry.flag_examples), ("pass", entry.pass_examples))
    for example in examples
]


def rules_in(text: str, language: str, glossary: Glossary) -> set[str]:
    source = source_from_text(text + "\n", "p.md", "p.md", "p.md", language)
    found, _ = engine.check_page(source, [JargonCheck({language: glossary})])
    return {f.rule for f in found}


@pytest.mark.parametrize(("language", "entry_id", "kind", "example"), CASES)
def test_example(language: str, entry_id: str, kind: str, example: str) -> None:
    glossary = GLOSSARIES[language]
    entry = next(e for e in glossary.entries if e.id == entry_id)
    found = rules_in(example, language, glossary)
    if kind == "flag":
        assert entry.rule in found
    else:
        assert entry.rule not in found


@pytest.mark.parametrize(("language", "jargon", "deficit"), [("en", 150, 40), ("es", 100, 40)])
def test_shipped_content_is_large_enough(language: str, jargon: int, deficit: int) -> None:
    entries = GLOSSARIES[language].entries
    assert sum(e.category == "jargon" for e in entries) >= jargon
    assert sum(e.category == "deficit" for e in entries) >= deficit
    assert all(e.source and e.explain and e.plain for e in entries)
