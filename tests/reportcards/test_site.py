"""Real MkDocs builds: report cards in every required language, attacked from the outside.

The attacker (``adversary.py``) reads only the published HTML and shares no code with the
privacy engine. It must find nothing in the bundled site and in the imported Connecticut
data, and it must find the leaks when complementary suppression is switched off.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from adversary import attack, read_page
from rc_helpers import (
    CT_ABSENCE,
    CT_ABSENCE_MAPPING,
    CT_FILE,
    CT_MAPPING,
    ROOT,
    homeroom_cli,
    make_site,
    mkdocs_cli,
    school,
    write_schools,
)

from conftest import BundledBuild
from homeroom.data.home_languages import school_needs
from homeroom.data.settings import load_settings

SCHOOLS = sorted(
    p.stem
    for p in (ROOT / "content" / "_data" / "schools").glob("*.yml")
    if not p.name.startswith("_")
)


@pytest.fixture
def bundled_site(bundled_build: BundledBuild) -> Path:
    """The repository's own site, built strict once for the session (tests/conftest.py)."""
    done = bundled_build.done
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return bundled_build.site


def test_every_school_has_a_report_card_in_every_required_language(bundled_site: Path) -> None:
    assert len(SCHOOLS) == 12
    for name in SCHOOLS:
        english = (bundled_site / "schools" / name / "index.html").read_text()
        spanish = (bundled_site / "es" / "schools" / name / "index.html").read_text()
        assert '<html lang="en"' in english and '<html lang="es"' in spanish
        assert 'id="at-a-glance"' in english and 'id="at-a-glance"' in spanish
    index = (bundled_site / "es" / "schools" / "index.html").read_text()
    assert index.count('href="alder-elementary/"') == 1 and "Informes de las escuelas" in index


def test_every_school_has_a_report_card_in_each_language_its_families_need(
    bundled_site: Path,
) -> None:
    # The strict build stops on a need no card meets (i18n.school-language), so a site that
    # built has a card in every one, however many languages the site adds.
    needs = school_needs(load_settings(ROOT / "mkdocs.yml"))
    assert {found.school for found in needs} == set(SCHOOLS)
    for found in needs:
        for lang in found.required:
            page = bundled_site / lang / "schools" / found.school / "index.html"
            assert page.is_file(), (found.name, lang)
            assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8")


def test_the_attacker_recovers_nothing_from_the_bundled_site(bundled_site: Path) -> None:
    assert attack(bundled_site) == []


def test_the_six_student_group_is_hidden_everywhere_with_the_footnote(bundled_site: Path) -> None:
    for lang, prefix, label, footnote in (
        (
            "en",
            "",
            "Students learning English",
            "Hidden to protect student privacy: fewer than 10 students",
        ),
        (
            "es",
            "es/",
            "Estudiantes que aprenden inglés",
            "Dato oculto para proteger la privacidad de los estudiantes: menos de 10 estudiantes",
        ),
    ):
        html = (bundled_site / f"{prefix}schools/fairview-elementary/index.html").read_text()
        page = read_page(bundled_site / f"{prefix}schools/fairview-elementary/index.html")
        assert page.lang == lang
        for subject in ("reading", "math", "science"):
            rows = [r for t in page.parts[(subject, "")] for r in t if r[0] == label]
            # Tested, the four levels, "met" and the share tested.
            assert rows and rows[0][1:] == ["*"] * 7
        assert html.count(footnote) >= 3


def test_charts_are_inline_svg_without_scripts_or_inline_styles(bundled_site: Path) -> None:
    html = (bundled_site / "schools" / "juniper-high" / "index.html").read_text()
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    charts = [s for s in svgs if 'role="img"' in s and "<desc" in s]
    # Reading, math, science and each measure the district compares.
    assert len(charts) == 8
    for svg in charts:
        assert not re.search(r"\son\w+\s*=|\sstyle\s*=|<script|<image|href=\"http", svg)
    # The same facts in text: the chart's description and the sentence under it agree.
    description = re.search(r"<desc[^>]*>This school: (\d+)%", charts[0])
    assert description is not None and f"{description.group(1)}% of students met the goal" in html


def test_the_audit_log_is_written_and_never_published(
    bundled_site: Path, bundled_build: BundledBuild
) -> None:
    assert not list(bundled_site.rglob("*.jsonl"))
    # The log that this build wrote, in the project it built (not one left by an older run).
    log = bundled_build.project / ".homeroom" / "audit" / "reportcards.jsonl"
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    fairview = [
        e
        for e in entries
        if e["school"] == "fairview-elementary" and e["cell"] == "reading/english_learners/n"
    ]
    assert fairview == [
        {
            "cell": "reading/english_learners/n",
            "detail": "the group has 6 students, fewer than 10",
            "rule": "privacy.min-n",
            "school": "fairview-elementary",
            "status": "hidden",
            "value": 6,
            "year": "2025-26",
        }
    ]


# It runs `homeroom check` in the repository itself, which rewrites the repository's
# .homeroom/ audit log: the tests that do so run in one pytest-xdist worker, one at a time.
@pytest.mark.xdist_group("repository")
def test_homeroom_check_checks_the_generated_pages_at_the_report_card_level() -> None:
    done = homeroom_cli("check", "--format", "json", "--fail-on", "info")
    # The bundled site's only notes are its unreviewed machine translations (info).
    data = json.loads(done.stdout)
    assert {f["rule"] for f in data["findings"]} <= {"i18n.needs-review"}
    done = homeroom_cli("check", "--format", "json", "--fail-on", "warning")
    assert done.returncode == 0, done.stdout
    data = json.loads(done.stdout)
    cards = [p for p in data["pages"] if p["path"].startswith("content/schools/")]
    assert len(cards) == 13 * 12  # 12 schools and the index, in each of the twelve languages
    assert len({p["language"] for p in cards}) == 12
    assert all(p["metrics"]["threshold"]["profile"] == "report-card" for p in cards)
    # A finding on a report card would name its data file and carry the page it is on.
    assert not [
        f
        for f in data["findings"]
        if "generated_page" in f or f["path"].startswith(("content/schools/", "content/_data/"))
    ]


@pytest.mark.parametrize(
    ("change", "starts", "problem"),
    [
        (
            {"student_name": "Ana Lopez"},
            "student_name:",
            "`student_name` looks like a student's name",
        ),
        # A tester's school file: the school's name was a student's name, ID and birth date.
        (
            {"name": "Maria Lopez, ID 1234567, born 2015-03-04"},
            "name:",
            "`name` holds what looks like words about a birth date",
        ),
    ],
)
def test_student_data_stops_the_check_and_the_build_with_one_line(
    tmp_path: Path, change: dict[str, object], starts: str, problem: str
) -> None:
    data = school(**change)
    site = make_site(tmp_path, write_schools(tmp_path / "data", data))
    text = (site / "content" / "_data" / "schools" / "test-school.yml").read_text()
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith(starts))
    check = homeroom_cli("check", cwd=site)
    assert check.returncode == 2
    assert check.stderr.strip().splitlines() == [
        f"error: content/_data/schools/test-school.yml:{line}: {problem}. Report cards are "
        "public and their files hold only totals for groups of students: never put student "
        "names, ID numbers, birth dates, e-mail addresses or phone numbers in them. Remove it."
    ]
    build = mkdocs_cli("build", "--strict", cwd=site)
    assert build.returncode == 1
    assert f"test-school.yml:{line}: {problem}" in build.stderr
    assert "1234567" not in build.stderr + check.stderr
    assert not (site / "site").exists()


def test_the_attacker_finds_the_leaks_when_suppression_is_weakened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Proof the attacker can fail: keep primary suppression, drop complementary suppression."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from homeroom.model.memo import Memo
    from homeroom.reportcards import pages, privacy

    monkeypatch.setattr(privacy, "_complementary", privacy._hide_rows_of_hidden_denominators)
    monkeypatch.setattr(privacy, "verify", lambda state: None)
    monkeypatch.setattr(pages, "_CACHE", Memo(pages._CACHE.limit))
    site = make_site(tmp_path)
    build(load_config(str(site / "mkdocs.yml"), site_dir=str(site / "site")))
    leaks = attack(site / "site")
    # Fairview's 6 students learning English (the third table: after race and sex): all
    # students minus the other group.
    assert "fairview-elementary: reading/t2r1/n is hidden but must be 6 (bounds)" in leaks
    # Race and ethnicity groups and earlier years leak too without complementary suppression.
    assert any("/t0r" in leak for leak in leaks)
    assert any("-2024-25/" in leak for leak in leaks)
    assert any(
        "(linear algebra)" in leak or "(bounds)" in leak for leak in leaks if "fairview" not in leak
    )


def test_imported_connecticut_report_cards_leak_nothing(tmp_path: Path) -> None:
    """Test results of 2016-17 and three years of chronic absence, in one folder."""
    out = tmp_path / "imported"
    done = homeroom_cli(
        "reportcards", "import", str(CT_FILE), "--mapping", str(CT_MAPPING), "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    done = homeroom_cli(
        "reportcards",
        "import",
        *map(str, CT_ABSENCE),
        "--mapping",
        str(CT_ABSENCE_MAPPING),
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    site = make_site(tmp_path / "ct", out)
    built = mkdocs_cli("build", "--strict", cwd=site)
    assert built.returncode == 0, built.stderr
    pages = list((site / "site").glob("schools/*/index.html")) + list(
        (site / "site").glob("es/schools/*/index.html")
    )
    assert len(pages) == 2 * 203
    assert attack(site / "site") == []
    # Andover, grade 3 reading in 2016-17: the state hid levels 1 and 3; they stay hidden,
    # and "met" (levels 3 + 4) is hidden too, or level 3 could be worked out.
    data = yaml.safe_load((out / "andover-school-district.yml").read_text())
    grade3 = data["history"]["2016-17"]["reading"]["grades"]["3"]
    assert grade3["levels"] == [None, 6, None, 6]
    page = read_page(site / "site" / "schools" / "andover-school-district" / "index.html")
    table = page.parts[("reading", "reading-2016-17")][-1]
    row = next(r for r in table if r[0] == "Grade 3")
    assert row[1] == "26" and row[2] == "*" and row[4] == "*" and row[6] == "*"
