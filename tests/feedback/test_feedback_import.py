"""`homeroom feedback import`: a district's CSV export, on the staff page and as findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, copy_project, homeroom, mkdocs_build
from homeroom.checks.feedback import FeedbackCheck
from homeroom.data.contact import load_contact
from homeroom.data.feedback_answers import Answers, PageAnswers, load_answers
from homeroom.data.feedback_csv import decode_export, read_export
from homeroom.data.options import FeedbackOptions
from homeroom.data.pageinfo import page_version
from homeroom.data.sources import source_from_text
from homeroom.run.engine import prose_of

SAMPLE = ROOT / "tests" / "data" / "feedback" / "answers.csv"
LANGUAGES = ("en", "es", "vi", "ar")


def sample_for(project: Path) -> Path:
    """The sample export, with the versions of the project's Grade 3 pages as they are."""
    content = project / "content"
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("VERSION_ES", page_version((content / "grade-3.es.md").read_text("utf-8")))
    text = text.replace("VERSION_EN", page_version((content / "grade-3.md").read_text("utf-8")))
    path = project / "answers.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_export_is_counted_per_page_language_and_version() -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("VERSION_ES", "a" * 16)
    text = text.replace("VERSION_EN", "b" * 16)
    result = read_export(text, "answers.csv", LANGUAGES)
    assert result.problems == []
    assert result.rows == 11 and result.comments == 2
    by_key = {(e.page, e.language): e for e in result.entries}
    spanish = by_key["grade-3", "es"]
    assert (spanish.answers, spanish.not_clear, spanish.version) == (6, 4, "a" * 16)
    # Reasons in Spanish and in English both count; the common ones come first.
    assert spanish.common_reasons() == [("words", 3), ("missing", 1), ("language", 1)]
    assert (spanish.first, spanish.last) == ("2026-10-02", "2026-10-07")
    assert by_key["conference-guide", "vi"].not_clear == 0


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("grade-3,fr,,No,", "names the language 'fr'"),
        ("grade-3,es,,Maybe,", "answers 'Maybe'"),
        (",es,,No,", "has no page"),
        ("grade-3,es,123,No,", "has the version '123'"),
    ],
)
def test_a_row_that_cannot_be_read_names_its_line(row: str, words: str) -> None:
    text = f"page,lang,version,clear,reason\ngrade-3,es,,Sí,\n{row}\n"
    result = read_export(text, "answers.csv", LANGUAGES)
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith("answers.csv:3: ")
    assert words in str(result.problems[0])


def test_links_addresses_encodings_and_separators() -> None:
    text = (
        "When;URL;Clear;Why\n"
        "3/14/2026;https://forms.example/f?page=grade-3&lang=es&version=&clear=no;;Falta algo\n"
        "2026-03-15;https://families.example/vi/grade-1/;Có;\n"
    )
    raw = text.replace("URL", "Link").encode("utf-16")
    result = read_export(decode_export(raw, "x.csv"), "x.csv", LANGUAGES)
    assert result.problems == [], result.problems
    assert {(e.page, e.language, e.not_clear) for e in result.entries} == {
        ("grade-3", "es", 1),
        ("grade-1", "vi", 0),
    }
    assert [e.first for e in result.entries] == ["2026-03-15", "2026-03-14"]
    assert decode_export("page\ngrade-3\n".encode("cp1252"), "x") == "page\ngrade-3\n"


def _check(answers: list[PageAnswers], share: float = 0.3, least: float = 5) -> FeedbackCheck:
    contact = load_contact(ROOT / "content" / "_data", ROOT)
    options = FeedbackOptions(unclear_share=share, min_answers=least)
    return FeedbackCheck(contact, Answers("a.yml", tuple(answers)), options)


PAGE = "---\ntitle: Grado 3\ntype: home\n---\n# Grado 3\n\nLea cada día.\n"


@pytest.mark.parametrize(
    ("answers", "not_clear", "version", "found"),
    [
        (10, 4, "now", True),
        (10, 2, "now", False),  # under the share
        (4, 4, "now", False),  # too few answers to tell
        (10, 9, "0000000000000000", False),  # about an older text
        (10, 4, "", True),  # the export did not say which version
    ],
)
def test_a_page_families_found_unclear_is_a_finding(
    answers: int, not_clear: int, version: str, found: bool
) -> None:
    source = source_from_text(PAGE, "content/g.es.md", "g.es.md", "g.md", "es")
    if version == "now":
        version = page_version(PAGE)
    check = _check([PageAnswers("g", "es", version, answers, not_clear, {"words": not_clear})])
    result = check.check_page(source, prose_of(source))
    unclear = [f for f in result.findings if f.rule == "feedback.unclear"]
    assert bool(unclear) is found
    if found:
        assert f"{not_clear} said no" in unclear[0].message
        assert '"Hard words"' in unclear[0].message


def test_turning_the_question_or_the_contacts_off() -> None:
    check = _check([])
    page = "---\ntitle: G\ntype: home\nfeedback: false\ncontact: false\n---\n# G\n\nHi.\n"
    source = source_from_text(page, "content/g.md", "g.md", "g.md", "en")
    found = {(f.rule, f.line) for f in check.check_page(source, prose_of(source)).findings}
    assert found == {("feedback.missing", 4), ("contact.missing", 5)}
    said = page.replace("Hi.", "Call (555) 010-2000 or (555) 010-2400.")
    source = source_from_text(said, "content/g.md", "g.md", "g.md", "en")
    found = {f.rule for f in check.check_page(source, prose_of(source)).findings}
    assert found == {"feedback.missing"}
    staff = source_from_text(page.replace("home", "staff"), "content/s.md", "s.md", "s.md", "en")
    assert check.check_page(staff, prose_of(staff)).findings == ()


def test_import_check_and_staff_page_end_to_end(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site")
    export = sample_for(project)
    done = homeroom("feedback", "import", str(export), cwd=project)
    assert done.returncode == 0, done.stderr
    assert "Read 11 answers" in done.stdout and "Comments are not kept" in done.stdout
    kept = project / "content" / "_data" / "feedback-answers.yml"
    text = kept.read_text(encoding="utf-8")
    assert text.startswith("# Written by homeroom feedback import from answers.csv (sha256 ")
    assert "fluidez" not in text and "test results" not in text  # nothing a family typed
    assert len(load_answers(kept.parent, project, kept.name).pages) == 4

    checked = homeroom("check", "--format", "json", "--no-cache", cwd=project)
    findings = json.loads(checked.stdout)["findings"]
    unclear = [f for f in findings if f["rule"] == "feedback.unclear"]
    assert [(f["path"], f["severity"]) for f in unclear] == [("content/grade-3.es.md", "warning")]
    assert "4 said no: 67% (about 7 in 10)" in unclear[0]["message"]
    assert checked.returncode == 0  # a warning: advice for authors, not a stop

    built = mkdocs_build(project, "-d", str(tmp_path / "out"))
    # The finding is a warning, which --strict turns into a stop: said in the log.
    assert "feedback.unclear" in built.stderr
    plain = homeroom("build", "-f", "mkdocs.yml", "-d", str(tmp_path / "out2"), cwd=project)
    assert plain.returncode == 0, plain.stderr
    staff = (tmp_path / "out2" / "staff" / "feedback" / "index.html").read_text("utf-8")
    assert "grade-3</strong> in Spanish: 4 of 6 said it was not clear" in staff
    assert "Hard words (3)" in staff and "as it is now" in staff
    assert "fluidez" not in staff


def test_import_refuses_what_it_did_not_write_and_bad_rows(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site")
    kept = project / "content" / "_data" / "feedback-answers.yml"
    kept.write_text("pages: []\n", encoding="utf-8")
    export = sample_for(project)
    done = homeroom("feedback", "import", str(export), cwd=project)
    assert done.returncode == 2 and "--replace" in done.stderr
    assert kept.read_text(encoding="utf-8") == "pages: []\n"
    export.write_text("page,lang,clear\ngrade-3,es,maybe\ngrade-3,xx,no\n", encoding="utf-8")
    done = homeroom("feedback", "import", str(export), "--replace", cwd=project)
    assert done.returncode == 2
    assert "answers.csv:2:" in done.stderr and "answers.csv:3:" in done.stderr
    assert "nothing was written" in done.stderr
    assert kept.read_text(encoding="utf-8") == "pages: []\n"


def test_a_workbook_or_pdf_is_refused_with_how_to_save_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site")
    book = project / "answers.xlsx"
    book.write_bytes(b"PK\x03\x04" + b"\0" * 64)
    done = homeroom("feedback", "import", str(book), cwd=project)
    assert done.returncode == 2 and "save it as CSV" in done.stderr
    assert not (project / "content" / "_data" / "feedback-answers.yml").exists()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_no_export_makes_the_reader_crash(text: str) -> None:
    result = read_export("page,lang,clear,reason\n" + text, "x.csv", LANGUAGES)
    assert all(str(p).startswith("x.csv") for p in result.problems)
    assert all(e.answers >= e.not_clear >= 0 for e in result.entries)
