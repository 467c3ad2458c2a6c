"""Translation coverage: statuses, findings, facts, records and the staff commands."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import TRANSLATIONS_SITE_YML, homeroom, run
from homeroom.checks.translations import coverage as translations
from homeroom.checks.translations import facts
from homeroom.checks.translations.compare import compare_pages
from homeroom.checks.translations.options import options_from
from homeroom.checks.translations.records import source_hash
from homeroom.data.settings import Settings
from homeroom.data.sources import Source, source_from_text
from homeroom.model.findings import Severity
from homeroom.model.languages import Language, LanguageSet

LANGS = LanguageSet(
    (
        Language("en", "English", default=True),
        Language("es", "Español"),
        Language("vi", "Tiếng Việt"),
    )
)


def settings(tmp_path: Path, **options: object) -> Settings:
    return Settings(
        project_root=tmp_path,
        docs_dir=tmp_path / "content",
        languages=LANGS,
        plugins={"translations": {"required": ["en", "es"], **options}},
    )


def src(rel: str, text: str) -> Source:
    base, _, ext = rel.rpartition(".")
    stem, dot, suffix = base.rpartition(".")
    page, lang = (f"{stem}.{ext}", suffix) if dot and len(suffix) == 2 else (rel, "en")
    return source_from_text(textwrap.dedent(text), f"content/{rel}", rel, page, lang)


GUIDE = """\
---
title: Conferences
type: conference-guide
---
# Conferences

Conferences are on October 14 from 8:00 to 4:30.
Call (555) 010-2400 or write to families@riverbend.example.org.

## Before

- Read the [report card](report-cards.md).
- Pick 3 questions.
"""

GUIDE_ES = """\
---
title: Conferencias
type: conference-guide
translation: {{method: person{extra}}}
---
# Conferencias

Las conferencias son el 14 de octubre de 8:00 a 4:30.
Llame al (555) 010-2400 o escriba a families@riverbend.example.org.

## Antes

- Lea el [informe](report-cards.md).
- Elija tres preguntas.
"""


def guide_es(guide: Source, extra: str = "") -> Source:
    text = GUIDE_ES.format(extra=extra)
    if "HASH" in text:
        text = text.replace("HASH", source_hash(guide))
    return src("conference-guide.es.md", text)


def status_of(coverage: translations.Coverage, page: str, lang: str) -> str:
    cell = coverage.cell(page, lang)
    assert cell is not None
    return cell.status.value


# --- The normalised hash -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("edited", "same"),
    [
        ("# Conferences\n\nConferences are on October 14.\n", True),
        ("#  Conferences\n\n\nConferences  are on\nOctober 14\n", True),  # spacing only
        ("# Conferences!\n\nConferences are on October 14;\n", True),  # punctuation only
        ("## Conferences\n\n*Conferences* are on October 14.\n", True),  # Markdown marks
        ("# Conferences\n\nConferences are on October 21.\n", False),  # a fact
        ("# Conferences\n\nConferences are in October.\n", False),  # words
    ],
)
def test_only_words_and_numbers_change_the_hash(edited: str, same: bool) -> None:
    before = src("a.md", "# Conferences\n\nConferences are on October 14.\n")
    after = src("a.md", edited)
    assert (source_hash(before) == source_hash(after)) is same


def test_settings_families_do_not_read_do_not_change_the_hash() -> None:
    a = src("a.md", "---\ntitle: A\n---\nText here.\n")
    b = src("a.md", "---\ntitle: A\nessential: true\nhide: [toc]\n---\nText here.\n")
    assert source_hash(a) == source_hash(b)


# --- Statuses and findings ---------------------------------------------------------------


def test_statuses_and_severities(tmp_path: Path) -> None:
    guide = src("conference-guide.md", GUIDE)
    grade = src("grade-3.md", "---\ntitle: Grade 3\ntype: grade-expectations\n---\n# Grade 3\n")
    home = src("index.md", "---\ntitle: Home\ntype: home\n---\n# Home\n")
    home_es = src(
        "index.es.md",
        f"---\ntranslation: {{method: person, source_hash: '{source_hash(home)}'}}\n"
        "---\n# Inicio\n",
    )
    coverage = translations.analyse(
        [guide, grade, home, home_es], settings(tmp_path), use_git=False
    )
    assert status_of(coverage, "conference-guide.md", "es") == "missing"
    assert status_of(coverage, "grade-3.md", "es") == "missing"
    assert status_of(coverage, "index.md", "es") == "current"
    # Vietnamese is optional: not translated yet is not a problem.
    assert status_of(coverage, "index.md", "vi") == "not translated"
    found = {(f.path, f.rule, f.severity) for f in coverage.findings}
    assert found == {
        ("content/conference-guide.md", "i18n.missing", Severity.ERROR),  # essential by type
        ("content/grade-3.md", "i18n.missing", Severity.WARNING),
    }
    message = next(f.message for f in coverage.findings if f.severity == Severity.ERROR)
    assert "content/conference-guide.es.md" in message
    assert "homeroom translations mark-current conference-guide.md es" in message
    assert coverage.percent_current("es") == 33


def test_essential_front_matter_overrides_the_type(tmp_path: Path) -> None:
    page = src("enrol.md", "---\ntype: home\nessential: true\n---\n# Enrol\n")
    not_page = src("conference-guide.md", "---\ntype: conference-guide\nessential: false\n---\n")
    coverage = translations.analyse([page, not_page], settings(tmp_path), use_git=False)
    severity = {f.path: f.severity for f in coverage.findings}
    assert severity == {
        "content/enrol.md": Severity.ERROR,
        "content/conference-guide.md": Severity.WARNING,
    }


def test_untracked_stale_and_current(tmp_path: Path) -> None:
    guide = src("conference-guide.md", GUIDE)
    untracked = translations.analyse([guide, guide_es(guide)], settings(tmp_path), use_git=False)
    assert status_of(untracked, "conference-guide.md", "es") == "untracked"
    assert [f.rule for f in untracked.findings] == ["i18n.untracked"]

    current = guide_es(guide, ", source_hash: 'HASH'")
    ok = translations.analyse([guide, current], settings(tmp_path), use_git=False)
    assert status_of(ok, "conference-guide.md", "es") == "current"
    assert ok.findings == ()

    edited = src("conference-guide.md", GUIDE.replace("October 14", "October 21"))
    stale = translations.analyse([edited, current], settings(tmp_path), use_git=False)
    assert status_of(stale, "conference-guide.md", "es") == "stale"
    (finding,) = stale.findings
    assert finding.rule == "i18n.stale"
    assert finding.severity == Severity.ERROR
    assert finding.line == 4  # the `translation:` line of the Spanish front matter
    assert "homeroom translations diff conference-guide.md es" in finding.message


@pytest.mark.parametrize(
    ("needs_review", "expected"), [("error", Severity.ERROR), ("info", Severity.INFO)]
)
def test_machine_translation_of_an_essential_page_needs_review(
    tmp_path: Path, needs_review: str, expected: Severity
) -> None:
    guide = src("conference-guide.md", GUIDE)
    machine = src(
        "conference-guide.es.md",
        GUIDE_ES.format(extra="").replace("method: person", "method: machine"),
    )
    machine = src(
        "conference-guide.es.md",
        machine.text.replace("machine}", f"machine, source_hash: '{source_hash(guide)}'}}"),
    )
    coverage = translations.analyse(
        [guide, machine], settings(tmp_path, needs_review=needs_review), use_git=False
    )
    assert status_of(coverage, "conference-guide.md", "es") == "needs review"
    assert [(f.rule, f.severity) for f in coverage.findings] == [("i18n.needs-review", expected)]
    reviewed = src(
        "conference-guide.es.md",
        machine.text.replace("machine,", "machine, reviewed_by: Ana Ruiz,"),
    )
    done = translations.analyse([guide, reviewed], settings(tmp_path), use_git=False)
    assert status_of(done, "conference-guide.md", "es") == "current"


def test_orphan_and_unreadable_record(tmp_path: Path) -> None:
    orphan = src("old.es.md", "---\ntranslation: {method: google}\n---\n# Viejo\n")
    coverage = translations.analyse([orphan], settings(tmp_path), use_git=False)
    assert status_of(coverage, "old.md", "es") == "orphan"
    assert [f.rule for f in coverage.findings] == ["i18n.orphan"]
    assert "content/old.md" in coverage.findings[0].message

    page = src("a.md", "# A\n")
    bad = src("a.es.md", "---\ntranslation: {method: google}\n---\n# A\n")
    rules = {f.rule for f in translations.analyse([page, bad], settings(tmp_path)).findings}
    assert "i18n.record" in rules


def test_staff_pages_need_no_translation(tmp_path: Path) -> None:
    staff = src("staff/notes.md", "---\ntype: staff\n---\n# Notes\n")
    assert translations.analyse([staff], settings(tmp_path), use_git=False).findings == ()


def test_unknown_required_language_is_a_configuration_error(tmp_path: Path) -> None:
    from homeroom.model.errors import ConfigError

    with pytest.raises(ConfigError, match="'fr' is not one of the site's languages"):
        options_from(settings(tmp_path, required=["en", "fr"]))


# --- Facts and structure -------------------------------------------------------------------


def test_same_facts_in_every_language_pass(tmp_path: Path) -> None:
    guide = src("conference-guide.md", GUIDE)
    assert compare_pages(guide, guide_es(guide), essential=True) == []


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (("14 de octubre", "21 de octubre"), "'21'"),
        (("8:00 a 4:30", "8:00 a 5:30"), "'5:30'"),
        (("010-2400", "010-2440"), "'2440'"),
        (("families@riverbend", "familias@riverbend"), "familias@riverbend.example.org"),
        (("(report-cards.md)", "(report-card.md)"), "report-card.md"),
    ],
)
def test_a_changed_fact_is_found_at_its_line(change: tuple[str, str], shown: str) -> None:
    guide = src("conference-guide.md", GUIDE)
    wrong = src("conference-guide.es.md", guide_es(guide).text.replace(*change))
    found = compare_pages(guide, wrong, essential=True)
    assert [f.rule for f in found] == ["i18n.facts"]
    assert found[0].severity == Severity.ERROR
    assert shown in found[0].message
    line_text = wrong.text.splitlines()[found[0].line - 1]
    assert change[1] in line_text


def test_numbers_in_another_locale_format_are_the_same_fact() -> None:
    en = facts.shape_of("Up to 1,000 students; 2,400 books; call at 8:00.\n")
    es = facts.shape_of("Hasta 1.000 estudiantes; 2 400 libros; llame a las 8.00.\n")
    ar = facts.shape_of("حتى ١٬٠٠٠ طالب؛ ٢٤٠٠ كتاب؛ اتصلوا الساعة 8:00.\n")
    assert en.facts() == es.facts() == ar.facts()


def test_small_numbers_may_be_words() -> None:
    en = facts.shape_of("By the end of grade 3, read 20 minutes a day.\n")
    es = facts.shape_of("Al final del tercer grado, lea 20 minutos al día.\n")
    assert facts.compare_facts(en, es) == []


def test_a_missing_list_item_is_a_structure_finding() -> None:
    guide = src("conference-guide.md", GUIDE)
    short = src(
        "conference-guide.es.md", guide_es(guide).text.replace("- Elija tres preguntas.\n", "")
    )
    found = compare_pages(guide, short, essential=True)
    assert [(f.rule, f.severity) for f in found] == [("i18n.structure", Severity.WARNING)]
    assert "1 list items" in found[0].message and "has 2" in found[0].message


# --- Required languages per school -------------------------------------------------------


def test_school_language_data_makes_a_language_required(tmp_path: Path) -> None:
    data = tmp_path / "content" / "_data"
    data.mkdir(parents=True)
    (data / "languages.yml").write_text(
        "schools:\n"
        "  alder:\n    students: 400\n    home_languages: {en: 250, es: 80, vi: 70}\n"
        "  birch:\n    students: 200\n    home_languages: {en: 150, so: 40}\n",
        encoding="utf-8",
    )
    alder = src("alder.md", "---\nschool: alder\n---\n# Alder\n")
    birch = src("birch.md", "---\nschool: birch\n---\n# Birch\n")
    coverage = translations.analyse(
        [alder, birch], settings(tmp_path, languages_data="languages.yml"), use_git=False
    )
    # 70 of 400 (17.5%) speak Vietnamese at Alder: required there, optional elsewhere.
    assert status_of(coverage, "alder.md", "vi") == "missing"
    assert status_of(coverage, "birch.md", "vi") == "not translated"
    (somali,) = [f for f in coverage.findings if f.rule == "i18n.school-language"]
    # The line of Birch's count of Somali speakers.
    assert somali.line == 7 and "20% of the students at birch speak Somali" in somali.message


def test_bad_school_language_data_is_one_line_with_its_line(tmp_path: Path) -> None:
    from homeroom.model.errors import InputError

    data = tmp_path / "content" / "_data"
    data.mkdir(parents=True)
    (data / "languages.yml").write_text(
        "schools:\n  alder:\n    students: many\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        translations.analyse([], settings(tmp_path, languages_data="languages.yml"))
    assert str(caught.value).startswith("content/_data/languages.yml:2: school alder")


# --- The commands on a real git repository ----------------------------------------------


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=staff@example.org", "-c", "user.name=Staff", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(TRANSLATIONS_SITE_YML, encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "conference-guide.md").write_text(GUIDE, encoding="utf-8")
    (content / "report-cards.md").write_text("# Report cards\n\nRead them.\n", encoding="utf-8")
    (content / "report-cards.es.md").write_text(
        "---\ntranslation: {method: person}\n---\n# Informes\n\nLéalos.\n", encoding="utf-8"
    )
    (content / "conference-guide.es.md").write_text(
        "---\ntitle: Conferencias  # keep this comment\nhide: [toc]\n"
        "translation: {method: person}\n---\n" + GUIDE_ES.split("---\n", 2)[2],
        encoding="utf-8",
    )
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "First version")
    return tmp_path


def test_mark_current_keeps_a_pages_line_ends_and_never_replaces_a_link(repo: Path) -> None:
    page = repo / "content" / "report-cards.es.md"
    before = b"\xef\xbb\xbf---\r\ntranslation: {method: person}\r\n---\r\n# Informes\r\n\r\nL\xc3\xa9alos.\r\n"
    page.write_bytes(before)
    done = homeroom("translations", "mark-current", "report-cards.md", "es", cwd=repo)
    assert done.returncode == 0, done.stderr
    after = page.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf---\r\ntranslation:")
    assert b"\n" not in after.replace(b"\r\n", b"")  # every line still ends as it did
    assert after.endswith(b"# Informes\r\n\r\nL\xc3\xa9alos.\r\n")

    kept = repo / "kept-es.md"
    kept.write_bytes(before)
    page.unlink()
    page.symlink_to(kept)
    done = homeroom("translations", "mark-current", "report-cards.md", "es", cwd=repo)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Homeroom does not replace links" in done.stderr and "Traceback" not in done.stderr
    assert page.is_symlink() and kept.read_bytes() == before


def test_mark_current_then_edit_then_diff(repo: Path) -> None:
    done = homeroom("translations", "mark-current", "conference-guide.md", "es", cwd=repo)
    assert done.returncode == 0, done.stderr
    text = (repo / "content" / "conference-guide.es.md").read_text()
    # Only the translation block changed; other lines (and their comments) stay.
    assert text.startswith("---\ntitle: Conferencias  # keep this comment\nhide: [toc]\n")
    assert "source_hash: sha256:" in text and "source_commit: " in text
    status = json.loads(homeroom("translations", "status", "--format", "json", cwd=repo).stdout)
    cells = {(c["page"], c["language"]): c["status"] for c in status["pages"]}
    assert cells[("conference-guide.md", "es")] == "current"
    assert cells[("report-cards.md", "es")] == "untracked"
    assert cells[("conference-guide.md", "vi")] == "not translated"

    git(repo, "commit", "-qam", "Mark translation current")
    guide = repo / "content" / "conference-guide.md"
    guide.write_text(guide.read_text().replace("October 14", "October 21"), encoding="utf-8")
    git(repo, "commit", "-qam", "Move the conferences")
    table = homeroom("translations", "status", cwd=repo).stdout
    assert "conference-guide.md (essential)" in table
    assert "STALE (since " in table
    assert "es Español: 0% current (1 stale, 1 untracked)" in table

    diff = homeroom("translations", "diff", "conference-guide.md", "es", cwd=repo).stdout
    assert "-Conferences are on October 14 from 8:00 to 4:30." in diff
    assert "+Conferences are on October 21 from 8:00 to 4:30." in diff

    check = homeroom("check", cwd=repo)
    assert check.returncode == 1
    assert "content/conference-guide.es.md:4:1: error i18n.stale" in check.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "nope.md", "es"], "error: no page 'nope.md' in content/"),
        (["mark-current", "conference-guide.md", "xx"], "error: 'xx' is not a language"),
        (["mark-current", "conference-guide.md", "en"], "error: 'en' is the site's default"),
        (
            ["mark-current", "conference-guide.md", "vi"],
            "error: content/conference-guide.vi.md: this",
        ),
    ],
)
def test_command_mistakes_are_one_line(repo: Path, args: list[str], message: str) -> None:
    done = homeroom("translations", *args, cwd=repo)
    assert done.returncode == 2
    assert done.stderr.startswith(message), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_a_repeated_number_is_the_same_fact() -> None:
    en = facts.shape_of("Add within 100. Count by 100s up to 1,000.\n")
    es = facts.shape_of("Sumar hasta 100. Contar de 100 en 100 hasta 1.000.\n")
    assert facts.compare_facts(en, es) == []


def test_an_interface_string_missing_in_a_required_language(tmp_path: Path) -> None:
    strings = tmp_path / "content" / "_data" / "strings"
    strings.mkdir(parents=True)
    (strings / "en.yml").write_text("glance:\n  title: At a glance\n  more: More\n")
    (strings / "es.yml").write_text("glance:\n  title: De un vistazo\n")
    (strings / "vi.yml").write_text("glance:\n  title: Tóm tắt\n")  # optional: may lag
    # The notices are on every page in a language (a link to a page not yet translated says
    # "in English"), so every published language needs them, optional or not.
    (tmp_path / "content" / "_data" / "notices.yml").write_text(
        "languages:\n  en: {fallback_title: a, fallback_body: b, in_default_language: c}\n"
        "  es: {fallback_title: a, fallback_body: b}\n"
        "  vi: {fallback_title: a, fallback_body: b, in_default_language: c}\n"
    )
    found = translations.analyse([], settings(tmp_path), use_git=False).findings
    assert [(f.path, f.rule, f.match, f.language) for f in found] == [
        ("content/_data/notices.yml", "i18n.catalog", "in_default_language", "es"),
        ("content/_data/strings/es.yml", "i18n.catalog", "glance.more", "es"),
    ]
    assert "line 3 of the English strings" in found[1].message
    (tmp_path / "content" / "_data" / "notices.yml").write_text(
        "languages:\n  en: {fallback_title: a, fallback_body: b, in_default_language: c}\n"
        "  es: {fallback_title: a, fallback_body: b, in_default_language: c}\n"
    )
    found = translations.analyse([], settings(tmp_path), use_git=False).findings
    assert {(f.match, f.language) for f in found if f.path.endswith("notices.yml")} == {
        ("fallback_title", "vi"),
        ("fallback_body", "vi"),
        ("in_default_language", "vi"),
    }


def test_allow_with_a_reason_applies_to_translation_findings_too(tmp_path: Path) -> None:
    """`allow:` works for every rule: the coverage check's findings included."""
    (tmp_path / "mkdocs.yml").write_text(TRANSLATIONS_SITE_YML)
    pages = tmp_path / "content"
    pages.mkdir()
    (pages / "index.md").write_text("# Welcome\n\nWe are glad you are here.\n")
    (pages / "index.es.md").write_text("# Bienvenidos\n\nNos alegra que esté aquí.\n")
    (pages / "guide.md").write_text(
        "---\nallow:\n  i18n.missing: The Spanish guide is printed at the office.\n"
        "---\n# Guide\n\nRead this.\n"
    )
    done = homeroom("check", "--format", "json", cwd=tmp_path)
    found = [f for f in json.loads(done.stdout)["findings"] if f["path"] == "content/guide.md"]
    missing = [f for f in found if f["rule"] == "i18n.missing"]
    assert len(missing) == 1, found
    assert missing[0]["severity"] == "info"
    assert "The Spanish guide is printed at the office." in missing[0]["message"]
    # The build says the same.
    built = run([sys.executable, "-m", "mkdocs", "build"], tmp_path)
    assert built.returncode == 0, built.stderr
    assert "content/guide.md:1:1: info i18n.missing: Allowed by" in built.stderr


# --- Real sites' habits ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "same"),
    [
        ("report-cards.es.md", True),  # the Spanish file of the same page
        ("report-cards.es.md#when", False),  # the source has no #when
        ("report-cards.vi.md", False),  # another language's file is another link
        ("report-card.es.md", False),  # another page
    ],
)
def test_a_link_to_the_translated_file_of_a_page_is_the_same_link(link: str, same: bool) -> None:
    guide = src("conference-guide.md", GUIDE)
    translation = src(
        "conference-guide.es.md", guide_es(guide).text.replace("(report-cards.md)", f"({link})")
    )
    found = [f.rule for f in compare_pages(guide, translation, essential=True)]
    assert (found == []) is same, found


def test_links_with_anchors_to_translated_files_match_the_source_anchors() -> None:
    guide = src("conference-guide.md", GUIDE.replace("(report-cards.md)", "(report-cards.md#when)"))
    translation = src(
        "conference-guide.es.md",
        guide_es(guide).text.replace("(report-cards.md)", "(report-cards.es.md#when)"),
    )
    assert compare_pages(guide, translation, essential=True) == []


@pytest.mark.parametrize(
    ("setting", "changed"),
    [
        ("title: Conferences", "title: Parent conferences"),
        ("description: When to meet.", "description: When and how to meet."),
        ("description: When to meet.\n", ""),
    ],
)
def test_a_new_title_or_description_changes_the_hash(setting: str, changed: str) -> None:
    before = src("a.md", "---\ntitle: Conferences\ndescription: When to meet.\n---\nText.\n")
    after = src("a.md", before.text.replace(setting, changed))
    assert source_hash(before) != source_hash(after)
    # Other settings and the spacing of the title still change nothing.
    same = src(
        "a.md", before.text.replace("title: Conferences", "title:  Conferences!\nhide: [toc]")
    )
    assert source_hash(same) == source_hash(before)


@pytest.mark.parametrize("key", ["title", "description"])
def test_a_changed_title_or_description_makes_the_translation_stale(repo: Path, key: str) -> None:
    guide = repo / "content" / "conference-guide.md"
    guide.write_text(
        guide.read_text().replace(
            "title: Conferences\n", "title: Conferences\ndescription: Meet.\n"
        )
    )
    git(repo, "commit", "-qam", "Describe the guide")
    done = homeroom("translations", "mark-current", "conference-guide.md", "es", cwd=repo)
    assert done.returncode == 0, done.stderr
    git(repo, "commit", "-qam", "Mark current")
    old = "title: Conferences\n" if key == "title" else "description: Meet.\n"
    new = "title: Parent-teacher conferences\n" if key == "title" else "description: Meet us.\n"
    guide.write_text(guide.read_text().replace(old, new))
    status = json.loads(homeroom("translations", "status", "--format", "json", cwd=repo).stdout)
    cells = {(c["page"], c["language"]): c["status"] for c in status["pages"]}
    assert cells[("conference-guide.md", "es")] == "stale"
    diff = homeroom("translations", "diff", "conference-guide.md", "es", cwd=repo).stdout
    assert f"+{new.strip()}" in diff


def test_a_record_of_the_body_alone_is_current_until_the_title_changes(repo: Path) -> None:
    """Records written before titles counted hold the body's hash: git tells the rest."""
    from homeroom.checks.translations.records import body_hash

    guide = repo / "content" / "conference-guide.md"
    original = src("conference-guide.md", guide.read_text())
    translation = repo / "content" / "conference-guide.es.md"
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    translation.write_text(
        translation.read_text().replace(
            "translation: {method: person}",
            f"translation: {{method: person, source_hash: '{body_hash(original)}', "
            f"source_commit: {commit}}}",
        )
    )

    def status() -> str:
        data = json.loads(homeroom("translations", "status", "--format", "json", cwd=repo).stdout)
        return next(
            c["status"]
            for c in data["pages"]
            if (c["page"], c["language"]) == ("conference-guide.md", "es")
        )

    assert status() == "current"
    guide.write_text(guide.read_text().replace("title: Conferences", "title: Meetings"))
    assert status() == "stale"


UNLISTED = {"about.md": "# About\n\nWe teach.\n", "about.es.md": "# Acerca\n\nEnseñamos.\n"}


def test_a_page_in_a_language_the_site_does_not_list_is_one_finding(repo: Path) -> None:
    content = repo / "content"
    for name, text in {**UNLISTED, "about.de.md": "# Über uns\n\nWir lehren.\n"}.items():
        (content / name).write_text(text, encoding="utf-8")
    done = homeroom("check", "--format", "json", cwd=repo)
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    findings = json.loads(done.stdout)["findings"]
    mine = [f for f in findings if f["rule"] == "content.language"]
    assert [(f["path"], f["line"], f["severity"]) for f in mine] == [
        ("content/about.de.md", 1, "error")
    ]
    assert "'de' (Deutsch)" in mine[0]["message"]
    # Everything else is still checked: translations across pages included.
    assert any(f["rule"] == "i18n.untracked" for f in findings)
    # The status table leaves the file out, and says so once.
    status = homeroom("translations", "status", cwd=repo)
    assert status.returncode == 0, status.stderr
    assert "about.md" in status.stdout
    assert status.stderr.count("content/about.de.md") == 1
    # A plain `mkdocs build` reports it with the rest and does not publish.
    built = run([sys.executable, "-m", "mkdocs", "build"], repo)
    assert built.returncode == 1
    assert "content/about.de.md:1:1: error content.language" in built.stderr
    assert "i18n.untracked" in built.stderr
    assert not (repo / "site" / "index.html").exists()
