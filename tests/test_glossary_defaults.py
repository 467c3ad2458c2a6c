"""Homeroom's own glossaries, and a site's glossary on top of them, entry by entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from homeroom.data.glossary import PACKAGE_GLOSSARIES, load_glossaries
from homeroom.model.errors import HomeroomError

SNACKS = """\
  - id: snack-rota
    category: jargon
    forms: ["snack rota"]
    plain: ["list of who brings snacks"]
    explain: "The list of families who bring snacks each week."
    source: "Test district"
    examples:
      flag: ["Check the snack rota."]
      pass: ["Check the list of who brings snacks."]
"""
OUR_BENCHMARK = """\
  - id: benchmark
    category: jargon
    forms: ["benchmark"]
    plain: ["reading check"]
    explain: "Our district's three reading checks a year."
    source: "Test district"
    examples:
      flag: ["The benchmark is in May."]
      pass: ["The reading check is in May."]
"""


def _glossaries(tmp_path: Path, english: str | None = None) -> dict[str, object]:
    data = tmp_path / "_data"
    if english is not None:
        (data / "glossary").mkdir(parents=True)
        (data / "glossary" / "en.yml").write_text(english, encoding="utf-8")
    return load_glossaries(data, tmp_path, ["en", "es", "vi"])  # type: ignore[return-value]


def _ids(glossary: object) -> set[str]:
    return {entry.id for entry in glossary.entries}  # type: ignore[attr-defined]


def test_a_site_without_a_glossary_gets_homerooms_in_each_language_it_has() -> None:
    shipped = sorted(p.stem for p in PACKAGE_GLOSSARIES.glob("*.yml"))
    assert shipped == ["en", "es"]


def test_homerooms_glossaries_apply_where_the_site_has_none(tmp_path: Path) -> None:
    glossaries = _glossaries(tmp_path)
    assert set(glossaries) == {"en", "es"}  # Vietnamese: no glossary, none invented
    assert {"iep", "benchmark"} <= _ids(glossaries["en"])


def test_a_site_entry_replaces_one_of_homerooms_adds_new_ones_and_removes_others(
    tmp_path: Path,
) -> None:
    shipped = _ids(_glossaries(tmp_path / "a")["en"])
    site = (
        "remove: [iep]\nown_words:\n  - {name: RUSD, meaning: Riverbend Unified School District}\n"
        "entries:\n" + OUR_BENCHMARK + SNACKS
    )
    english = _glossaries(tmp_path / "b", site)["en"]
    ids = _ids(english)
    assert ids == (shipped - {"iep"}) | {"snack-rota"}
    benchmark = next(e for e in english.entries if e.id == "benchmark")  # type: ignore[attr-defined]
    assert benchmark.plain == ("reading check",) and benchmark.forms == ("benchmark",)
    assert [w.name for w in english.own_words] == ["RUSD"]  # type: ignore[attr-defined]


def test_defaults_false_uses_the_sites_file_alone(tmp_path: Path) -> None:
    english = _glossaries(tmp_path, "defaults: false\nentries:\n" + SNACKS)["en"]
    assert _ids(english) == {"snack-rota"}


def test_removing_an_entry_homeroom_does_not_have_is_an_error_at_its_line(tmp_path: Path) -> None:
    with pytest.raises(HomeroomError) as caught:
        _glossaries(tmp_path, "remove:\n  - benchmark\n  - no-such-entry\n")
    said = str(caught.value)
    assert said.startswith("_data/glossary/en.yml:3:"), said
    assert "no-such-entry" in said


def test_a_site_entry_with_the_form_of_another_of_homerooms_entries_says_how_to_replace_it(
    tmp_path: Path,
) -> None:
    clash = OUR_BENCHMARK.replace("id: benchmark", "id: our-benchmark")
    with pytest.raises(HomeroomError) as caught:
        _glossaries(tmp_path, "entries:\n" + clash)
    said = str(caught.value)
    assert said.startswith("_data/glossary/en.yml:"), said
    assert "Homeroom's entry `benchmark`" in said and "`id: benchmark`" in said


def test_a_loose_letter_anywhere_is_checked_with_homerooms_glossaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from homeroom.cli import main as cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOMEROOM_CACHE_DIR", "off")
    (tmp_path / "letter.md").write_text(
        "# Letter\n\nYour child has an IEP. Tier 2 interventions help hard-to-reach parents.\n",
        encoding="utf-8",
    )
    assert cli.main(["check", "letter.md"]) == 1
    out = capsys.readouterr().out
    assert "jargon.iep" in out and "respect.hard-to-reach" in out
    assert "Not checked" not in out

    (tmp_path / "thu.vi.md").write_text(
        "# Thư\n\nXin chào các bậc phụ huynh. Con của quý vị sẽ đi dã ngoại vào tuần tới.\n",
        encoding="utf-8",
    )
    assert cli.main(["check", "thu.vi.md"]) == 0
    out = capsys.readouterr().out
    assert "no problems found." not in out
    assert "no problems found by the checks that could run" in out
    assert "Not checked: school jargon and respectful language in Vietnamese pages" in out

    assert cli.main(["rules", "--show"]) == 0
    out = capsys.readouterr().out
    assert "en: " in out and "from Homeroom (homeroom/glossary/en.yml)" in out
    assert "Readability limits: Homeroom's built-in limits" in out


def test_rules_show_says_what_the_site_replaced_added_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import MKDOCS_YML
    from homeroom.cli import main as cli

    (tmp_path / "mkdocs.yml").write_text(
        MKDOCS_YML.format(readability_options="") + "  - homeroom/jargon\n", encoding="utf-8"
    )
    (tmp_path / "content" / "_data" / "glossary").mkdir(parents=True)
    (tmp_path / "content" / "_data" / "glossary" / "en.yml").write_text(
        "remove: [iep]\nentries:\n" + OUR_BENCHMARK + SNACKS, encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert cli.main(["rules", "--show"]) == 0
    out = capsys.readouterr().out
    assert "1 replaced, 1 added and 1 removed by content/_data/glossary/en.yml" in out
