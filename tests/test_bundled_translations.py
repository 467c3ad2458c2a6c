"""The bundled pages keep the same facts and shape in every language they are written in.

A stand-in until the translation check (issue 5) runs on the bundled site: the same heading
ids, the same number of headings and list items, and the same numbers, phone numbers,
email addresses and link targets as the English page.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from conftest import ROOT
from homeroom.checks.pagetypes import headings

CONTENT = ROOT / "content"
# The pages of this part of issue 6; the grade pages are written on other branches.
PAGES = ("index", "conference-guide", "report-cards")
TRANSLATIONS = sorted(p for page in PAGES for p in CONTENT.glob(f"{page}.*.md"))
_PARSER = MarkdownIt("commonmark").use(front_matter_plugin)
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_NUMBER = re.compile(r"\d+(?:[:.,-]\d+)*")


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def shape(path: Path) -> dict[str, object]:
    text = body(path)
    tokens = _PARSER.parse(text)
    # Numbers that are facts, not list markers or heading ids: drop the `{#id}` first.
    prose = re.sub(r"\{#[\w-]+\}", "", _LINK.sub("]", text))
    return {
        "ids": [h.id for h in headings(text)],
        "headings": sum(t.type == "heading_open" for t in tokens),
        "list items": sum(t.type == "list_item_open" for t in tokens),
        "links": Counter(_LINK.findall(text)),
        "numbers": Counter(n.rstrip(".,") for n in _NUMBER.findall(prose)),
        "emails": Counter(re.findall(r"[\w.]+@[\w.]+\w", text)),
    }


@pytest.mark.parametrize("translation", TRANSLATIONS, ids=lambda p: p.name)
def test_translation_has_the_same_facts_and_shape(translation: Path) -> None:
    english = CONTENT / f"{translation.name.split('.')[0]}.md"
    assert shape(translation) == shape(english)


def test_the_pages_are_in_every_language_the_issue_asks_for() -> None:
    # Spanish for every page; Vietnamese and Arabic for the home page and conference guide.
    assert sorted(p.name for p in TRANSLATIONS) == sorted(
        [f"{page}.es.md" for page in PAGES]
        + [f"{page}.{lang}.md" for page in ("index", "conference-guide") for lang in ("vi", "ar")]
    )
