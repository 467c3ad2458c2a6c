"""The partnership page types: sections as data, hints in every language, bundled pages."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, homeroom
from homeroom.data.page_types import load_page_types
from homeroom.data.settings import load_settings

TYPES = {
    "team-meeting": "team-meeting",
    "student-led-conference": "student-led-conference",
    "learning-plan": "learning-plan",
    "score-report": "score-report",
    "welcome": "welcome",
    "you-said-we-did": "you-said-we-did",
    "dear-teacher": "dear-teacher",
}
PAGE_TYPES = load_page_types(ROOT / "content" / "_data" / "page-types.yml")
SETTINGS = load_settings(ROOT / "mkdocs.yml")


@pytest.mark.parametrize("name", sorted(TYPES))
def test_each_type_has_headings_and_hints_in_every_site_language(name: str) -> None:
    page_type = PAGE_TYPES.types[name]
    assert page_type.sections and not page_type.essential
    for section in page_type.sections:
        assert set(SETTINGS.languages.codes) <= set(section.headings), section.id
        assert set(SETTINGS.languages.codes) <= set(section.write), section.id


@pytest.mark.parametrize(("name", "page"), sorted(TYPES.items()))
def test_each_type_has_a_bundled_page_in_every_site_language(name: str, page: str) -> None:
    # Written in the site's first four languages; the other eight publish their home page
    # and conference guide first, and these pages when they are ready (optional languages).
    for language in ("en", "es", "vi", "ar"):
        suffix = "" if language == "en" else f".{language}"
        text = (ROOT / "content" / f"{page}{suffix}.md").read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1])
        assert meta["type"] == name
        assert meta["summary"]
        if language != "en":
            # Drafted by machine, and saying so: never passed off as reviewed.
            assert meta["translation"]["method"] == "machine"
            assert "reviewed_by" not in meta["translation"]
        for section in PAGE_TYPES.types[name].sections:
            assert f"{{#{section.id}}}" in text, (page, language, section.id)
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"- {page}.md" in nav


def test_the_bundled_pages_pass_every_check() -> None:
    pages = [f"content/{page}{s}.md" for page in TYPES.values() for s in ("", ".es", ".vi", ".ar")]
    done = homeroom("check", "--no-cache", "--fail-on", "info", *pages, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no problems found" in done.stdout


def test_the_conference_guide_links_to_the_letter_and_the_kinds() -> None:
    for suffix in ("", ".es", ".vi", ".ar"):
        text = (ROOT / "content" / f"conference-guide{suffix}.md").read_text(encoding="utf-8")
        for target in ("dear-teacher.md", "team-meeting.md", "student-led-conference.md"):
            assert f"]({target})" in text, (suffix, target)
