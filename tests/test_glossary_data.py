"""The shipped glossaries: every language is there, large enough, and complete.

Every entry's `flag` and `pass` examples run in the meta-test, tests/test_rule_examples.py.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from homeroom.data.glossary import load_glossaries

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
