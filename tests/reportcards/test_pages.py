"""The report-card pages a site gets: made again whenever what they come from changes."""

from __future__ import annotations

import base64
import json
import shutil
import zlib
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


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the cards made in memory, as a new build process would."""
    monkeypatch.setattr(pages, "_CACHE", Memo(pages._CACHE.limit))


def test_a_warm_build_reads_the_cards_from_the_disk_cache_and_not_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from homeroom.run.cache import DiskCache

    root = _site(tmp_path)
    # A small group, so that the card hides values and the audit log lists them.
    small = {"tested": 12, "levels": [1, 5, 4, 2]}
    reading = {"all": {"tested": 100, "levels": [20, 30, 30, 20]}}
    write_schools(
        root / "content" / "_data" / "schools",
        school(
            assessments={
                "reading": {
                    "groups": {
                        **reading,
                        "english_learners": small,
                        "not_english_learners": {"tested": 88, "levels": [19, 25, 26, 18]},
                    }
                }
            }
        ),
    )
    settings = _settings(root, ["en", "es"])
    cache = DiskCache(tmp_path / "cache")
    made = pages.generate(settings, store=cache)
    cache.save()
    audit = made.audit_path
    assert audit is not None and audit.is_file()

    _fresh_process(monkeypatch)
    calls: list[object] = []
    real = pages.load_schools
    monkeypatch.setattr(pages, "load_schools", lambda *a: calls.append(a) or real(*a))
    again = pages.generate(settings, store=DiskCache(tmp_path / "cache"))
    assert calls == [], "the school data was read again although nothing changed"
    assert again.pages == made.pages  # text and every piece's origin, exactly
    assert (again.schools, again.hidden, again.languages) == (
        made.schools,
        made.hidden,
        made.languages,
    )
    # The cache keeps what the cards publish and counts, never the audit log's hidden values.
    assert made.hidden > 0
    entry = DiskCache(tmp_path / "cache").get(pages.STORE_NAME, "1", "latest")
    assert set(entry) == {"key", "schools", "hidden", "languages", "by_school", "audit", "pages"}
    table, rows = json.loads(zlib.decompress(base64.b64decode(entry["pages"])))
    assert [row[2] for row in rows] == [page.text for page in made.pages]
    assert all(isinstance(cell, (str, int)) for origin in table for cell in origin)

    # A deleted audit log is written again: the cards are made again from the data.
    audit.unlink()
    _fresh_process(monkeypatch)
    pages.generate(settings, store=DiskCache(tmp_path / "cache"))
    assert len(calls) == 1 and audit.is_file()


def test_an_edited_school_file_is_never_served_from_the_disk_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from homeroom.run.cache import DiskCache

    root = _site(tmp_path)
    settings = _settings(root, ["en", "es"])
    cache = DiskCache(tmp_path / "cache")
    before = pages.generate(settings, write_audit_log=False, store=cache)
    cache.save()
    write_schools(root / "content" / "_data" / "schools", school(name="Renamed Elementary"))
    _fresh_process(monkeypatch)
    after = pages.generate(settings, write_audit_log=False, store=DiskCache(tmp_path / "cache"))
    assert "Renamed Elementary" in after.pages[1].text
    assert after.pages != before.pages
