"""Text-message summaries: counted as phone networks count them, checked, and exported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, copy_project, homeroom
from homeroom.checks.summary import SummaryCheck, build
from homeroom.data.options import MessagesOptions
from homeroom.data.settings import load_settings
from homeroom.data.sources import source_from_text
from homeroom.run.engine import prose_of
from homeroom.text.sms import measure


@pytest.mark.parametrize(
    ("text", "encoding", "length", "segments"),
    [
        ("Read tonight.", "GSM-7", 13, 1),
        ("x" * 160, "GSM-7", 160, 1),
        ("x" * 161, "GSM-7", 161, 2),  # then 153 a part
        ("x" * 306, "GSM-7", 306, 2),
        ("x" * 307, "GSM-7", 307, 3),
        ("Cost: 5€ [free]", "GSM-7", 18, 1),  # € [ ] take two places each
        ("Año, niño, él, ¿qué?", "GSM-7", 20, 1),  # ñ é ¿ are in the GSM alphabet
        ("Aquí", "UCS-2", 4, 1),  # í is not
        ("á" + "x" * 69, "UCS-2", 70, 1),
        ("á" + "x" * 70, "UCS-2", 71, 2),  # then 67 a part
        ("Lớp 1", "UCS-2", 5, 1),
        ("الصف 1", "UCS-2", 6, 1),
        ("Hi 👋", "UCS-2", 5, 1),  # an emoji is two UTF-16 units
    ],
)
def test_segments_are_counted_as_networks_count_them(
    text: str, encoding: str, length: int, segments: int
) -> None:
    message = measure(text)
    assert (message.encoding, message.length, message.segments) == (encoding, length, segments)


BUNDLED = load_settings(ROOT / "mkdocs.yml")


def findings(text: str, language: str = "en", **options: object) -> list[tuple[str, int, int]]:
    check = build(BUNDLED)
    if options:
        check = SummaryCheck(
            MessagesOptions(**options),  # type: ignore[arg-type]
            check.required_languages,
            check.prose_checks,
        )
    name = "p.md" if language == "en" else f"p.{language}.md"
    source = source_from_text(text, f"content/{name}", name, "p.md", language)
    return [(f.rule, f.line, f.column) for f in check.check_page(source, prose_of(source)).findings]


PAGE = "---\ntitle: T\ntype: home\nsummary: {}\n---\n# T\n\nHello.\n"


def test_a_summary_is_measured_in_its_segments() -> None:
    fits = "Cuarto grado: lo que su hijo aprende y cómo ayudar en casa."
    assert findings(PAGE.format(f'"{fits}"'), "es") == []
    long = fits + " Es muy fácil."  # 73 characters with ó and á: over one UCS-2 text
    assert findings(PAGE.format(f'"{long}"'), "es") == [("summary.length", 4, 1)]
    assert findings(PAGE.format(f'"{long}"'), "es", required=True, segments=2) == []


def test_a_summary_is_checked_like_prose_at_its_line_and_column() -> None:
    page = PAGE.format('"Ask about the IEP at the conference."')
    assert ("jargon.iep", 4, 25) in findings(page)
    folded = (
        "---\ntitle: T\ntype: home\nsummary: >-\n  Your child will utilize\n  a tablet.\n---\n# T\n"
    )
    assert ("readability.word", 5, 19) in findings(folded)


def test_missing_and_malformed_summaries() -> None:
    bare = "---\ntitle: T\ntype: home\n---\n# T\n\nHello.\n"
    assert findings(bare) == [("summary.missing", 1, 1)]
    assert findings(bare, "es") == [("summary.missing", 1, 1)]
    assert findings(bare, "vi") == []  # an optional language
    assert findings(bare, required=False, segments=1) == []
    assert findings(PAGE.format("[a, b]")) == [("summary.form", 4, 1)]
    staff = bare.replace("home", "staff")
    assert findings(staff) == []


def test_segments_must_be_one_or_two(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("required: true", "required: true\n      segments: 3"),
        encoding="utf-8",
    )
    done = homeroom("check", cwd=project)
    assert done.returncode == 2 and "expected 1 or 2" in done.stderr


def test_the_export_has_every_page_and_every_text_fits(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site")
    done = homeroom("export", "messages", "--out", str(tmp_path / "out"), cwd=project)
    assert done.returncode == 0, done.stderr
    pages = {p.name.split(".")[0] for p in (project / "content").glob("*.md")}
    for language, limit in (("en", 160), ("es", 160), ("vi", 70), ("ar", 70)):
        with (tmp_path / "out" / f"messages-{language}.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert rows and list(rows[0]) == ["page", "url", "text"]
        for row in rows:
            message = measure(row["text"])
            assert message.segments == 1, row
            assert message.length <= (70 if message.encoding == "UCS-2" else 160), row
            assert message.length <= limit
            prefix = "https://families.riverbend.example.org/"
            if language != "en":
                prefix += f"{language}/"
            assert row["url"].startswith(prefix), row
        if language in ("en", "es"):  # required: every page has one
            assert {row["page"] for row in rows} == pages


def test_the_export_refuses_a_text_that_does_not_fit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site")
    page = project / "content" / "grade-3.es.md"
    text = page.read_text("utf-8")
    page.write_text(
        text.replace('summary: "Tercer', 'summary: "Aquí va un texto largo. Tercer'), "utf-8"
    )
    done = homeroom("export", "messages", "--out", str(tmp_path / "out"), cwd=project)
    assert done.returncode == 2
    assert "content/grade-3.es.md: the summary has" in done.stderr
    assert not (tmp_path / "out").exists()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_measured_and_fits_what_its_segments_hold(text: str) -> None:
    message = measure(text)
    assert message.encoding in ("GSM-7", "UCS-2")
    assert (message.segments == 0) == (message.length == 0)
    if message.segments:
        assert message.length <= message.limit(message.segments)
        assert message.segments == 1 or message.length > message.limit(message.segments - 1)
