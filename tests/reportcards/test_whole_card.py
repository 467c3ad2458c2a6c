"""The whole report card ESSA asks for, on the built bundled site, in every language.

Race and ethnicity groups, the share tested, chronic absence by group, graduation by
group for high schools, three years of results with a growth sentence, the state's
support designation in plain words, NAEP for the state and spending by source.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from adversary import read_page

from conftest import BundledBuild


@pytest.fixture
def bundled_site(bundled_build: BundledBuild) -> Path:
    """The repository's own site, built strict once for the session (tests/conftest.py)."""
    done = bundled_build.done
    assert done.returncode == 0, done.stderr
    return bundled_build.site


@pytest.mark.parametrize(
    ("prefix", "race_label", "growth", "took"),
    [
        ("", "Black or African American students", "Over 3 years, it went from", "took the test"),
        ("es/", "Estudiantes negros o afroamericanos", "En 3 años, pasó del", "tomó el examen"),
    ],
)
def test_a_high_school_card_has_every_part(
    bundled_site: Path, prefix: str, race_label: str, growth: str, took: str
) -> None:
    path = bundled_site / f"{prefix}schools/kingsley-high/index.html"
    html = path.read_text()
    page = read_page(path)
    # Race and ethnicity: the first table of reading, chronic absence and graduation.
    for section in ("reading", "chronic-absence", "graduation"):
        first = page.parts[(section, "")][0]
        labels = [row[0] for row in first]
        assert race_label in labels and len(labels) == 8, (section, labels)
    # Three years, a growth sentence and the share tested.
    assert [row[0] for row in page.parts[("reading", "reading-years")][0]] == [
        "2025-26",
        "2024-25",
        "2023-24",
    ]
    assert growth in html and took in html
    # Support from the state, explained for a family, with the groups it names.
    assert 'id="accountability"' in html
    assert "conference" in html or "reunión" in html
    # NAEP for the state, college after high school and money by source.
    assert 'id="naep"' in html and 'id="college-enrollment"' in html
    assert html.count("$") >= 4


def test_elementary_cards_follow_one_class_from_grade_to_grade(bundled_site: Path) -> None:
    html = (bundled_site / "schools" / "alder-elementary" / "index.html").read_text()
    assert "were in grade" in html and "Following one class" in html


def test_graduation_appears_only_on_high_school_cards(bundled_site: Path) -> None:
    for school in ("alder-elementary", "garfield-middle"):
        html = (bundled_site / "schools" / school / "index.html").read_text()
        assert 'id="graduation"' not in html
    for school in ("juniper-high", "kingsley-high", "lakeside-high"):
        html = (bundled_site / "schools" / school / "index.html").read_text()
        assert 'id="graduation"' in html and 'id="graduation-years"' in html


def test_the_attacker_reads_every_sentence_for_a_value_no_table_shows(
    bundled_site: Path, tmp_path: Path
) -> None:
    """Proof the sentence attack can fail: a trend quoting a hidden value is caught."""
    import shutil

    from adversary import attack

    site = tmp_path / "site"
    shutil.copytree(bundled_site / "schools" / "kingsley-high", site / "schools" / "kingsley-high")
    page = site / "schools" / "kingsley-high" / "index.html"
    html = page.read_text()
    assert attack(site) == []
    marker = 'id="chronic-absence-years"'
    assert marker in html
    # A sentence that gives away 3%, which no table or chart of the section shows.
    leaky = html.replace(marker, marker + "><p>Last year it was 3% for one group.</p", 1)
    page.write_text(leaky)
    assert any("chronic-absence says 3%" in leak for leak in attack(site))
