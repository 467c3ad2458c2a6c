"""The report-card pages a site gets: made again whenever what they come from changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rc_helpers import DATA, school, write_schools

from homeroom.data.settings import Settings
from homeroom.model.errors import InputError
from homeroom.model.languages import LanguageSet
from homeroom.model.memo import Memo
from homeroom.reportcards import pages

LANGUAGES = [
    {"locale": "en", "default": True, "name": "English"},
    {"locale": "es", "name": "Español"},
    {"locale": "vi", "name": "Tiếng Việt"},
]


def _site(root: Path) -> Path:
    """A site in English, Spanish and Vietnamese; Vietnamese has the Spanish strings."""
    data = root / "content" / "_data"
    write_schools(data / "schools", school())
    shutil.copytree(DATA / "strings", data / "strings")
    shutil.copy(data / "strings" / "es.yml", data / "strings" / "vi.yml")
    return root


def _settings(root: Path, required: list[str]) -> Settings:
    return Settings(
        project_root=root,
        docs_dir=root / "content",
        languages=LanguageSet.from_i18n(LANGUAGES),
        plugins={"translations": {"required": required}, "reportcards": {}},
    )


@pytest.fixture(autouse=True)
def _empty_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "_CACHE", Memo(pages._CACHE.limit))


def test_a_change_of_required_languages_gives_new_pages(tmp_path: Path) -> None:
    root = _site(tmp_path)
    first = pages.generate(_settings(root, ["en", "es"]), write_audit_log=False)
    assert first.languages == ("en", "es", "vi")
    again = pages.generate(_settings(root, ["en", "es"]), write_audit_log=False)
    assert again is first
    changed = pages.generate(_settings(root, ["en", "vi"]), write_audit_log=False)
    assert changed is not first
    assert changed.languages == ("en", "vi", "es")
    assert [page.language for page in changed.pages][:4] == ["en", "en", "vi", "vi"]


def test_a_newly_required_language_without_strings_is_refused_not_served_from_the_cache(
    tmp_path: Path,
) -> None:
    root = _site(tmp_path)
    (root / "content" / "_data" / "strings" / "vi.yml").unlink()
    assert pages.generate(_settings(root, ["en", "es"]), write_audit_log=False).languages == (
        "en",
        "es",
    )
    with pytest.raises(InputError, match="report cards must be published in vi"):
        pages.generate(_settings(root, ["en", "es", "vi"]), write_audit_log=False)


def test_the_cache_keeps_only_the_latest_report_cards(tmp_path: Path) -> None:
    root = _site(tmp_path)
    for name in range(pages._CACHE.limit + 3):
        options = {"reportcards": {"output": f"cards-{name}"}}
        settings = _settings(root, ["en", "es"])
        pages.generate(
            Settings(settings.project_root, settings.docs_dir, settings.languages, options),
            write_audit_log=False,
        )
    assert len(pages._CACHE) == pages._CACHE.limit
