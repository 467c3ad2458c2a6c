"""California's joined SARC files, built into a real site and attacked from the outside.

Many small groups (eight race and ethnicity groups, with Filipino students apart from
Asian students, and groups the files leave out), the share tested, chronic absence by
group and the state's own shares met: the attacker must recover nothing, and must find
the leaks when complementary suppression is switched off.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from adversary import attack, read_page
from rc_helpers import CA_FILES, CA_MAPPING, ROOT, make_site, mkdocs_cli

from homeroom.reportcards.importer import import_csv


def _imported(tmp_path: Path) -> Path:
    out = tmp_path / "imported"
    import_csv(CA_FILES, CA_MAPPING, out, ROOT)
    return out


def test_californias_report_cards_leak_nothing(tmp_path: Path) -> None:
    site = make_site(tmp_path / "ca", _imported(tmp_path))
    built = mkdocs_cli("build", "--strict", cwd=site)
    assert built.returncode == 0, built.stderr
    assert len(list((site / "site").glob("schools/*/index.html"))) == 32
    assert attack(site / "site", min_n=11) == []
    page = read_page(site / "site" / "schools" / "alta-sierra-elementary" / "index.html")
    race = page.parts[("chronic-absence", "")][0]
    labels = [row[0] for row in race]
    assert "Filipino students" in labels and len(labels) == 10


def test_the_attacker_finds_the_leaks_in_many_small_groups_when_suppression_is_weakened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from homeroom.model.memo import Memo
    from homeroom.reportcards import pages, privacy

    monkeypatch.setattr(privacy, "_complementary", privacy._hide_rows_of_hidden_denominators)
    monkeypatch.setattr(privacy, "verify", lambda state: None)
    monkeypatch.setattr(pages, "_CACHE", Memo(pages._CACHE.limit))
    site = make_site(tmp_path / "ca", _imported(tmp_path))
    build(load_config(str(site / "mkdocs.yml"), site_dir=str(site / "site")))
    leaks = attack(site / "site", min_n=11)
    assert len(leaks) > 100
    # Race and ethnicity groups of chronic absence: the first table of the section.
    assert any("chronic-absence/t0r" in leak for leak in leaks)
