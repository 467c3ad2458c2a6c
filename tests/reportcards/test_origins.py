"""Findings on report cards land on the data file and line their text came from.

A report card is generated, so it is no file an author can open or a pull request can
annotate: a finding on it names the strings file, the school's file or the district
settings, at the line of the value, in every output format, and its message names the
page and quotes the text.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from rc_helpers import (
    DATA,
    ROOT,
    SITE_YML,
    homeroom_cli,
    make_site,
    mkdocs_cli,
    school,
    write_schools,
)

from homeroom.data.catalogs import Catalogs, load_catalogs
from homeroom.data.settings import Settings
from homeroom.model.findings import Finding, Severity
from homeroom.model.languages import LanguageSet
from homeroom.model.memo import Memo
from homeroom.reportcards import pages
from homeroom.reportcards.loading import load_schools
from homeroom.reportcards.model import SchoolData
from homeroom.reportcards.origins import Origin, traced
from homeroom.reportcards.privacy import suppress_all
from homeroom.reportcards.published import PublishedSchool
from homeroom.reportcards.render import index_markdown, school_markdown

#: A sentence of 39 words in the English strings, where the levels are explained.
LONG = (
    "Levels 3 and 4 together mean a student is proficient, which means that the student "
    "met the state goal and is ready for the next grade and the work that the teachers "
    "will give in that grade next year."
)
NAME_JARGON = (
    '"Benchmark" is school jargon many families do not know. Write "Check-in test" (or '
    '"Short test given a few times a year") instead. It means: A short test given a few '
    "times a year to see how your child is growing."
)


@pytest.fixture(autouse=True)
def _empty_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "_CACHE", Memo(pages._CACHE.limit))


def line_of(path: Path, starts: str) -> int:
    """The 1-based line of ``path`` that starts with ``starts``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if text.startswith(starts))


def checked_site(root: Path, reportcards: str = "fail_on: error") -> Path:
    """A school called Benchmark Elementary, a district source and a long English string."""
    data = school(name="Benchmark Elementary")
    district: dict[str, object] = {"source": "State formative assessment results, 2025-26"}
    site = make_site(root, write_schools(root / "data", data, district=district))
    for part in ("glossary", "readability.yml", "plain-words.yml"):
        source = DATA / part
        if source.is_dir():
            shutil.copytree(source, site / "content" / "_data" / part)
        elif source.is_file():
            shutil.copy(source, site / "content" / "_data" / part)
    strings = site / "content" / "_data" / "strings" / "en.yml"
    text = strings.read_text(encoding="utf-8")
    met = line_of(strings, "  met: ")
    lines = text.splitlines()
    lines[met - 1] = f'  met: "{LONG}"'
    strings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plugins = (
        "  - homeroom/readability\n  - homeroom/jargon\n"
        f"  - homeroom/reportcards:\n      {reportcards}\n"
    )
    (site / "mkdocs.yml").write_text(SITE_YML.replace("  - homeroom/reportcards\n", plugins))
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return checked_site(tmp_path_factory.mktemp("origins"))


def column_of(path: Path, line: int, words: str) -> int:
    """The 1-based column of ``words`` on ``line`` of ``path``."""
    return path.read_text(encoding="utf-8").splitlines()[line - 1].index(words) + 1


def where(site: Path) -> dict[str, tuple[str, int]]:
    """Each data file that a finding should name, with the line it should name."""
    schools = site / "content" / "_data" / "schools"
    strings = site / "content" / "_data" / "strings" / "en.yml"
    return {
        "name": (
            "content/_data/schools/test-school.yml",
            line_of(schools / "test-school.yml", "name:"),
        ),
        "source": (
            "content/_data/schools/_district.yml",
            line_of(schools / "_district.yml", "source:"),
        ),
        "met": ("content/_data/strings/en.yml", line_of(strings, "  met: ")),
    }


def test_text_names_the_data_file_and_line_and_says_which_page(site: Path) -> None:
    done = homeroom_cli("check", "--no-cache", cwd=site)
    assert done.returncode == 1, done.stdout + done.stderr  # the long sentence is an error
    name_file, name_line = where(site)["name"]
    met_file, met_line = where(site)["met"]
    lines = done.stdout.splitlines()
    assert (
        f"{name_file}:{name_line}:7: warning jargon.benchmark: {NAME_JARGON} Found on the "
        'report card page schools/test-school.md, in "Benchmark Elementary", which comes '
        "from `name` on this line."
    ) in lines
    # The list of schools shows the name too: the same line, another page.
    assert any(
        line.startswith(f"{name_file}:{name_line}:7: warning jargon.benchmark:")
        and "report card page schools/index.md" in line
        for line in lines
    )
    sentence = next(line for line in lines if "readability.sentence" in line)
    assert sentence.startswith(f"{met_file}:{met_line}:9: error readability.sentence: ")
    assert sentence.endswith(
        'Found on the report card page schools/test-school.md, in "Levels 3 and 4 together '
        'mean a student is proficient, which means that the st...", which comes from '
        "`how_to_read.met` on this line; a change here changes every page that uses these "
        "words."
    )
    assert "(generated from" not in done.stdout


def test_github_annotations_land_on_real_files(site: Path) -> None:
    done = homeroom_cli("check", "--no-cache", "--format", "github", cwd=site)
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 4
    source_file, source_line = where(site)["source"]
    column = column_of(site / source_file, source_line, "formative assessment")
    assert (
        f"::warning file={source_file},line={source_line},col={column},"
        "title=jargon.formative-assessment::"
    ) in "\n".join(annotations)
    met_file, met_line = where(site)["met"]
    assert any(
        a.startswith(f"::error file={met_file},line={met_line},col=9,title=readability.sentence::")
        for a in annotations
    )
    for annotation in annotations:
        path = annotation.split("file=", 1)[1].split(",", 1)[0]
        assert (site / path).is_file(), annotation


def test_sarif_locations_are_real_files_and_name_the_page(site: Path) -> None:
    done = homeroom_cli("check", "--no-cache", "--format", "sarif", cwd=site)
    results = json.loads(done.stdout)["runs"][0]["results"]
    name_file, name_line = where(site)["name"]
    for result in results:
        location = result["locations"][0]["physicalLocation"]
        assert (site / location["artifactLocation"]["uri"]).is_file()
        assert result["properties"]["generatedPage"] in {
            "schools/test-school.md",
            "schools/index.md",
        }
    named = [
        r
        for r in results
        if r["ruleId"] == "jargon.benchmark"
        and r["properties"]["generatedPage"] == "schools/test-school.md"
    ]
    assert [r["locations"][0]["physicalLocation"] for r in named] == [
        {
            "artifactLocation": {"uri": name_file},
            "region": {"startLine": name_line, "startColumn": 7},
        }
    ]


def test_json_names_the_page_and_is_the_same_every_run(site: Path) -> None:
    first = homeroom_cli("check", "--no-cache", "--format", "json", cwd=site).stdout
    again = homeroom_cli("check", "--no-cache", "--format", "json", cwd=site).stdout
    assert first == again
    findings = json.loads(first)["findings"]
    assert {f["generated_page"] for f in findings} == {"schools/test-school.md", "schools/index.md"}
    assert {f["path"] for f in findings} == {path for path, _ in where(site).values()}
    assert findings == sorted(
        findings, key=lambda f: (f["path"], f["line"], f["column"], f["rule"], f["severity"])
    )


@pytest.mark.parametrize(
    ("reportcards", "jargon", "code"),
    [
        # The report cards' fail_on, not jargon's, decides about findings on report cards.
        ("fail_on: warning", "fail_on: error", 1),
        ("fail_on: error", "fail_on: warning", 0),
    ],
)
def test_the_report_cards_fail_on_applies_to_their_findings(
    tmp_path: Path, reportcards: str, jargon: str, code: int
) -> None:
    site = checked_site(tmp_path, reportcards)
    strings = site / "content" / "_data" / "strings" / "en.yml"
    # Only the warnings are left: the long sentence goes back to the bundled one.
    shutil.copy(DATA / "strings" / "en.yml", strings)
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - homeroom/jargon\n", f"  - homeroom/jargon:\n      {jargon}\n"
        )
    )
    done = homeroom_cli("check", "--no-cache", cwd=site)
    assert done.returncode == code, done.stdout + done.stderr
    assert "warning jargon.benchmark" in done.stdout


def test_the_build_log_names_the_data_file(site: Path, tmp_path: Path) -> None:
    done = mkdocs_cli("build", "--strict", "-d", str(tmp_path / "out"), cwd=site)
    assert done.returncode == 1
    name_file, name_line = where(site)["name"]
    assert f"{name_file}:{name_line}:7: warning jargon.benchmark:" in done.stderr
    assert "(generated from" not in done.stderr


def _settings(root: Path) -> Settings:
    return Settings(
        project_root=root,
        docs_dir=root / "content",
        languages=LanguageSet.from_i18n([{"locale": "en", "default": True, "name": "English"}]),
        plugins={"reportcards": {}},
    )


def test_text_no_piece_of_data_holds_lands_on_the_schools_entry(tmp_path: Path) -> None:
    data = tmp_path / "content" / "_data"
    write_schools(data / "schools", school())
    shutil.copytree(DATA / "strings", data / "strings")
    settings = _settings(tmp_path)
    card = next(s for s in pages.generated_sources(settings) if s.rel == "schools/test-school.md")
    assert card.text.startswith("---\n")
    on_page = Finding(card.display, 1, 1, "pagetype.section", Severity.ERROR, "No section.")
    elsewhere = Finding("content/a.md", 3, 2, "jargon.iep", Severity.WARNING, "IEP.")
    moved, kept = pages.relocate(settings, [on_page, elsewhere])
    assert kept == elsewhere
    id_line = line_of(data / "schools" / "test-school.yml", "id:")
    assert (moved.path, moved.line, moved.generated_page) == (
        "content/_data/schools/test-school.yml",
        id_line,
        "schools/test-school.md",
    )
    assert moved.message == (
        "No section. Found on the report card page schools/test-school.md (line 1), which is "
        "made from this school's file."
    )


Bundled = tuple[SchoolData, list[PublishedSchool], Catalogs]


@pytest.fixture(scope="module")
def bundled() -> Bundled:
    data = load_schools(DATA / "schools", ROOT)
    published = list(suppress_all(data.schools, data.district))
    return data, published, load_catalogs(DATA, ["en", "es"], ROOT)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_marking_the_pieces_leaves_every_page_exactly_as_written(
    bundled: Bundled, lang: str
) -> None:
    data, published, catalogs = bundled
    nowhere = Origin("x.yml", 1, "made from nothing")
    text, origins = traced(
        partial(index_markdown, published, data.district, catalogs, lang), nowhere
    )
    assert text == index_markdown(published, data.district, catalogs, lang)
    assert origins.pieces
    for card in published:
        text, origins = traced(
            partial(school_markdown, card, data.district, catalogs, lang), nowhere
        )
        assert text == school_markdown(card, data.district, catalogs, lang)
        name = [p for p in origins.pieces if text[p.start : p.end] == card.name]
        assert name and all(p.origin.path == card.display for p in name)


def test_a_name_that_holds_the_marks_characters_is_published_as_written(
    bundled: Bundled,
) -> None:
    data, published, catalogs = bundled
    card = replace(published[0], name="Alder \ufdd0 0\ufdd1 Elementary\ufdd2")
    nowhere = Origin("x.yml", 1, "made from nothing")
    text, _ = traced(partial(school_markdown, card, data.district, catalogs, "en"), nowhere)
    assert text == school_markdown(card, data.district, catalogs, "en")
    assert "# Alder \ufdd0 0\ufdd1 Elementary\ufdd2 {#top}" in text
