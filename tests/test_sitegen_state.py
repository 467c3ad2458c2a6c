"""The state scenario of ``scripts/sitegen.py``: pages in six languages and school data.

A tiny state (5 schools, 4 pages per language) is generated, never built: its pages and
translation records, its school files read by Homeroom's own loader and privacy engine,
and its mkdocs.yml are checked.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from homeroom.checks.translations.records import is_current, record_of, source_hash
from homeroom.data.home_languages import Rule
from homeroom.data.sources import source_from_text
from homeroom.reportcards.loading import load_schools
from homeroom.reportcards.privacy import suppress_all

sys.path.insert(0, str(ROOT / "scripts"))

import sitegen

SCHOOLS, PAGES = 5, 4


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sitegen.generate_state(
        tmp_path_factory.mktemp("state") / "site", schools=SCHOOLS, pages=PAGES
    )


def _pages(site: Path) -> list[Path]:
    """The English content pages (not the home page)."""
    return sorted(
        path
        for path in (site / "content").rglob("*.md")
        if "." not in path.stem and path.parent != site / "content"
    )


def _source(path: Path, site: Path, lang: str):
    rel = path.relative_to(site / "content").as_posix()
    return source_from_text(path.read_text(encoding="utf-8"), rel, rel, rel, lang)


def test_the_state_languages_start_with_english() -> None:
    assert sitegen.STATE_LANGUAGES == ("en", "es", "zh", "vi", "ar", "ko")


def test_the_templates_are_the_pages_in_every_language() -> None:
    templates = sitegen.state_templates(sitegen.STATE_LANGUAGES)
    assert "conference-guide" in templates
    assert "index" not in templates
    for name in templates:
        for lang in sitegen.STATE_LANGUAGES[1:]:
            assert (ROOT / "content" / f"{name}.{lang}.md").is_file()


def test_every_page_exists_in_every_language(state: Path) -> None:
    english = _pages(state)
    assert len(english) == PAGES
    for lang in sitegen.STATE_LANGUAGES:
        suffix = "" if lang == "en" else f".{lang}"
        assert (state / "content" / f"index{suffix}.md").is_file()
        for page in english:
            assert page.with_name(f"{page.stem}{suffix}.md").is_file(), (page, lang)


def test_titles_are_unique(state: Path) -> None:
    for lang in sitegen.STATE_LANGUAGES:
        suffix = "" if lang == "en" else f".{lang}"
        titles = [
            _source(page.with_name(f"{page.stem}{suffix}.md"), state, lang).meta["title"]
            for page in _pages(state)
        ]
        assert len(set(titles)) == PAGES, titles


def test_each_translation_records_its_english_page(state: Path) -> None:
    for page in [*_pages(state), state / "content" / "index.md"]:
        english = _source(page, state, "en")
        for lang in sitegen.STATE_LANGUAGES[1:]:
            translation = _source(page.with_name(f"{page.stem}.{lang}.md"), state, lang)
            record = record_of(translation)
            assert record.source_hash == source_hash(english), (page, lang)
            assert is_current(record, english, None)


def test_the_school_files_load_with_homeroom(state: Path) -> None:
    folder = state / "content" / "_data" / "schools"
    files = sorted(p for p in folder.glob("*.yml") if not p.name.startswith("_"))
    assert len(files) == SCHOOLS
    assert (folder / "_district.yml").read_bytes() == (
        ROOT / "content" / "_data" / "schools" / "_district.yml"
    ).read_bytes()
    data = load_schools(folder, state)
    ids = [school.id for school in data.schools]
    assert len(set(ids)) == SCHOOLS
    assert len({school.name for school in data.schools}) == SCHOOLS
    assert ids[0] == "alder-elementary-0001"
    # Every report card can be made: the privacy engine hides what it must, and no
    # hidden value could be worked out.
    published = suppress_all(data.schools, data.district)
    assert all(school.hidden_count > 0 for school in published)


def test_the_numbers_vary_and_small_groups_stay(state: Path) -> None:
    folder = state / "content" / "_data" / "schools"
    data = load_schools(folder, state)
    bundled = {s.id: s for s in load_schools(ROOT / "content" / "_data" / "schools", ROOT).schools}
    min_n = data.district.min_n
    for school in data.schools:
        original = bundled[school.id.rsplit("-", 1)[0]]
        assert school.enrolment != original.enrolment or (
            school.subjects["reading"].groups["all"] != original.subjects["reading"].groups["all"]
        )
        tested = [
            row.tested
            for subject in school.subjects.values()
            for row in subject.groups.values()
            if row.tested is not None
        ]
        assert any(0 < n < min_n for n in tested), school.id


def test_no_school_needs_a_language_the_site_lacks(state: Path) -> None:
    rule = Rule()
    for path in (state / "content" / "_data" / "schools").glob("[!_]*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        counts = {code: (n, 1) for code, n in (data.get("home_languages") or {}).items()}
        needs = rule.needs(counts, data["enrolment"])
        assert {need.language for need in needs} <= set(sitegen.STATE_LANGUAGES), path.name


def test_the_generation_is_the_same_every_time(state: Path, tmp_path: Path) -> None:
    again = sitegen.generate_state(tmp_path / "again", schools=SCHOOLS, pages=PAGES)
    first = sorted(p.relative_to(state) for p in state.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    for rel in first:
        assert (state / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_the_configs(state: Path) -> None:
    config = yaml.safe_load((state / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = {
        (next(iter(p)) if isinstance(p, dict) else p): (
            next(iter(p.values())) if isinstance(p, dict) else {}
        )
        for p in config["plugins"]
    }
    assert plugins["homeroom/reportcards"] == {"fail_on": "error"}
    assert plugins["homeroom/translations"]["required"] == list(sitegen.STATE_LANGUAGES)
    locales = [lang["locale"] for lang in plugins["i18n"]["languages"]]
    assert locales == list(sitegen.STATE_LANGUAGES)
    assert plugins["i18n"]["languages"][0]["default"] is True
    stock = yaml.safe_load((state / "mkdocs-stock.yml").read_text(encoding="utf-8"))
    names = [next(iter(p)) if isinstance(p, dict) else p for p in stock["plugins"]]
    assert not [name for name in names if name.startswith("homeroom/")]
    assert {k: v for k, v in stock.items() if k != "plugins"} == {
        k: v for k, v in config.items() if k != "plugins"
    }


@pytest.mark.parametrize(
    "languages", [("en", "es"), ("en", "es", "vi", "ar"), sitegen.STATE_LANGUAGES]
)
def test_every_language_is_required(languages: tuple[str, ...]) -> None:
    plugins = sitegen.state_plugins(languages)
    assert f"required: [{', '.join(languages)}]" in plugins
    assert plugins.endswith("- homeroom/reportcards:\n      fail_on: error")
