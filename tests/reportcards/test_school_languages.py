"""Languages each school's families need: worked out once, used by the cards and the check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from rc_helpers import DATA, ROOT, school, write_schools

from homeroom.checks.translations.options import options_from
from homeroom.checks.translations.school_language import school_languages
from homeroom.data.home_languages import Rule, school_needs
from homeroom.data.settings import Settings, load_settings
from homeroom.model.errors import ConfigError, InputError
from homeroom.model.languages import LanguageSet
from homeroom.model.memo import Memo
from homeroom.reportcards import pages

LANGUAGES = [
    {"locale": "en", "default": True, "name": "English"},
    {"locale": "es", "name": "Español"},
    {"locale": "vi", "name": "Tiếng Việt"},
    {"locale": "so", "name": "Soomaali"},
]


@pytest.fixture(autouse=True)
def _empty_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "_CACHE", Memo(pages._CACHE.limit))


def _site(root: Path, *schools: dict[str, object], strings: tuple[str, ...] = ("en", "es")) -> Path:
    """A site in four languages; only ``strings`` have interface strings (copies of Spanish)."""
    data = root / "content" / "_data"
    write_schools(data / "schools", *schools)
    (data / "strings").mkdir(parents=True)
    for lang in strings:
        source = DATA / "strings" / ("en.yml" if lang == "en" else "es.yml")
        shutil.copy(source, data / "strings" / f"{lang}.yml")
    return root


def _settings(root: Path, **translations: object) -> Settings:
    return Settings(
        project_root=root,
        docs_dir=root / "content",
        languages=LanguageSet.from_i18n(LANGUAGES),
        plugins={"translations": {"required": ["en", "es"], **translations}, "reportcards": {}},
    )


# --- The rule: share at or above the threshold, and at least min_students ---------------


@pytest.mark.parametrize(
    ("counts", "rule", "required"),
    [
        # 120 students: 18 is exactly 15%, 17 is just under.
        ({"vi": 18}, Rule(), {"vi"}),
        ({"vi": 17}, Rule(), set()),
        ({"vi": 17}, Rule(threshold=0.10), {"vi"}),
        # 24 of 120 (20%) is above the threshold, but not the 25 students asked for.
        ({"so": 24}, Rule(min_students=25), set()),
        ({"so": 24}, Rule(min_students=24), {"so"}),
        # English, the site's default language, is never "required": it always is.
        ({"en": 90, "es": 30}, Rule(), {"es"}),
    ],
)
def test_the_rule(tmp_path: Path, counts: dict[str, int], rule: Rule, required: set[str]) -> None:
    root = _site(tmp_path, school(home_languages=counts))
    (found,) = school_needs(_settings(root), rule)
    assert found.required == required
    assert found.name == "Test School" and found.students == 120


def test_min_students_and_threshold_come_from_mkdocs_yml(tmp_path: Path) -> None:
    root = _site(tmp_path, school(home_languages={"vi": 20, "so": 14}))
    assert school_needs(_settings(root))[0].required == {"vi"}
    assert school_needs(_settings(root, threshold=0.1))[0].required == {"vi", "so"}
    assert school_needs(_settings(root, min_students=21))[0].required == set()
    with pytest.raises(ConfigError, match="min_students: expected a whole number"):
        school_needs(_settings(root, min_students=2.5))


def test_a_school_file_and_the_languages_file_are_read_together(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        school(home_languages={"es": 40, "vi": 30}),
        school(id="birch", name="Birch Elementary", home_languages=None),
    )
    (root / "content" / "_data" / "languages.yml").write_text(
        "schools:\n  birch:\n    students: 200\n    home_languages: {es: 20, so: 40}\n",
        encoding="utf-8",
    )
    found = {s.school: s for s in school_needs(_settings(root, languages_data="languages.yml"))}
    assert found["test-school"].required == {"es", "vi"}
    assert found["test-school"].path == "content/_data/schools/test-school.yml"
    # The languages file gives Birch's counts; Birch's own file gives its name.
    assert found["birch"].required == {"so"} and found["birch"].name == "Birch Elementary"
    assert [(n.language, n.count, n.percent) for n in found["birch"].needs] == [("so", 40, 20)]


def test_a_school_counted_in_both_places_is_refused(tmp_path: Path) -> None:
    root = _site(tmp_path, school(home_languages={"vi": 30}))
    (root / "content" / "_data" / "languages.yml").write_text(
        "schools:\n  test-school:\n    students: 120\n    home_languages: {vi: 30}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="in one place only") as caught:
        school_needs(_settings(root, languages_data="languages.yml"))
    assert str(caught.value).startswith("content/_data/languages.yml:2:")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  vi: many\n", "school test-school, language vi: expected a whole number"),
        ("  vi: -3\n", "school test-school, language vi: expected a whole number"),
        ("  vi: 500\n", "500 students is more than the school's 120"),
        ("  Vietnamese: 30\n", "`Vietnamese` under home_languages is not a language code"),
    ],
)
def test_a_bad_count_names_its_file_and_line(tmp_path: Path, line: str, expected: str) -> None:
    root = _site(tmp_path)
    path = root / "content" / "_data" / "schools" / "test-school.yml"
    text = yaml.safe_dump(school(), sort_keys=False)
    path.write_text(text + "home_languages:\n  es: 30\n" + line, encoding="utf-8")
    bad_line = text.count("\n") + 3
    with pytest.raises(InputError) as caught:
        school_needs(_settings(root))
    message = str(caught.value)
    assert message.startswith(f"content/_data/schools/test-school.yml:{bad_line}:"), message
    assert expected in message


def test_counts_without_an_enrolment_are_refused(tmp_path: Path) -> None:
    root = _site(tmp_path, school(enrolment=None, home_languages={"vi": 30}))
    with pytest.raises(InputError, match="needs `enrolment:`"):
        school_needs(_settings(root))


# --- The i18n.school-language check -------------------------------------------------------


def _findings(root: Path, **translations: object) -> list[str]:
    settings = _settings(root, **translations)
    _, found = school_languages(settings, options_from(settings))
    assert all(f.rule == "i18n.school-language" and f.severity.value == "error" for f in found)
    return [f"{f.path}:{f.line}: {f.message}" for f in found]


def test_a_school_needing_a_language_without_strings_is_an_error_naming_the_school(
    tmp_path: Path,
) -> None:
    root = _site(tmp_path, school(name="Alder Elementary", home_languages={"so": 30}))
    (message,) = _findings(root)
    # The count's line, the school's name, the language, the share and the count, the file.
    assert message.startswith("content/_data/schools/test-school.yml:")
    assert "25% of the students at Alder Elementary speak Somali at home (30 of 120)" in message
    assert "content/_data/strings/so.yml does not exist" in message
    assert "Copy en.yml to so.yml" in message


def test_a_school_needing_a_language_with_incomplete_strings_is_an_error(tmp_path: Path) -> None:
    root = _site(tmp_path, school(name="Alder Elementary", home_languages={"so": 30}))
    strings = root / "content" / "_data" / "strings"
    catalog = yaml.safe_load((strings / "es.yml").read_text(encoding="utf-8"))
    del catalog["glance"]
    (strings / "so.yml").write_text(yaml.safe_dump(catalog, allow_unicode=True), encoding="utf-8")
    (message,) = _findings(root)
    assert "at Alder Elementary speak Somali" in message
    assert "content/_data/strings/so.yml lacks" in message and "`glance." in message


def test_a_language_the_site_does_not_publish_names_the_school(tmp_path: Path) -> None:
    root = _site(tmp_path, school(name="Alder Elementary", home_languages={"hmn": 40}))
    (message,) = _findings(root)
    assert "33% of the students at Alder Elementary speak Hmong at home (40 of 120)" in message
    assert "the site does not publish Hmong" in message


def test_complete_strings_are_no_finding(tmp_path: Path) -> None:
    root = _site(tmp_path, school(home_languages={"so": 30}), strings=("en", "es", "so"))
    assert _findings(root) == []


# --- The report cards ---------------------------------------------------------------------


def test_each_card_is_published_in_the_languages_its_school_needs(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        school(home_languages={"so": 30}),
        school(id="birch", name="Birch", home_languages={"vi": 30}),
        strings=("en", "es", "so"),
    )
    cards = pages.generate(_settings(root), write_audit_log=False)
    made = {(page.uri, page.language) for page in cards.pages}
    assert ("schools/test-school.md", "so") in made
    # Birch's families need Vietnamese, which has no strings: no half-English card (the
    # check above says so, naming Birch); Somali is complete, so Birch has it too.
    assert cards.by_school == {"test-school": ("en", "es", "so"), "birch": ("en", "es", "so")}
    assert ("schools/birch.md", "vi") not in made
    assert cards.languages == ("en", "es", "so")


def test_a_new_threshold_gives_new_cards(tmp_path: Path) -> None:
    root = _site(tmp_path, school(home_languages={"vi": 12}), strings=("en", "es", "vi"))
    first = pages.generate(_settings(root), write_audit_log=False)
    assert pages.generate(_settings(root), write_audit_log=False) is first
    assert pages.generate(_settings(root, threshold=0.1), write_audit_log=False) is not first


# --- The bundled site ----------------------------------------------------------------------


def test_the_bundled_schools_need_languages_the_site_publishes() -> None:
    settings = load_settings(ROOT / "mkdocs.yml")
    needs = school_needs(settings)
    assert len(needs) == 12
    beyond_spanish = {s.school for s in needs if s.required - {"es"}}
    assert len(beyond_spanish) >= 3, "a few schools should need more than Spanish"
    for found in needs:
        assert found.required <= set(settings.languages.codes), found


def test_every_bundled_card_exists_in_each_language_its_school_needs() -> None:
    """Each need is met by a card, or is an i18n.school-language error naming the school.

    Strings for more languages arrive one by one: a language whose strings are complete
    must have every card that needs it, and one without them must be reported.
    """
    settings = load_settings(ROOT / "mkdocs.yml")
    cards = pages.generate(settings, write_audit_log=False)
    made = {(page.uri, page.language) for page in cards.pages}
    _, found = school_languages(settings, options_from(settings))
    reported = {(f.path, f.language) for f in found}
    for school_needs_ in school_needs(settings):
        for lang in school_needs_.required:
            page = (f"schools/{school_needs_.school}.md", lang)
            if page not in made:
                assert (school_needs_.path, lang) in reported, page
                assert any(school_needs_.name in f.message for f in found)
            assert (page in made) == (lang in cards.by_school[school_needs_.school])


# --- The staff page --------------------------------------------------------------------


def test_the_staff_page_lists_each_schools_needs_and_its_cards_languages(tmp_path: Path) -> None:
    from homeroom.checks.translations.coverage import coverage_of
    from homeroom.pages.status_page import school_rows, status_markdown

    root = _site(
        tmp_path,
        school(name="Alder Elementary", home_languages={"es": 30, "so": 24}),
        school(id="birch", name="Birch Elementary", home_languages={"vi": 30}),
        strings=("en", "es", "so"),
    )
    settings = _settings(root)
    text = status_markdown(
        coverage_of([], settings, use_git=False), school_rows(settings, school_needs(settings))
    )
    assert "## Languages each school's families need" in text
    assert "| Alder Elementary | Spanish (25%), Somali (20%) | English, Spanish, Somali |" in text
    assert (
        "| Birch Elementary | Vietnamese (25%) | English, Spanish, Somali (not yet: Vietnamese) |"
        in text
    )
