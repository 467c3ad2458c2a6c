"""The page-types check: unknown and missing types, missing and misplaced sections."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from homeroom.checks.pagetypes import PageTypesCheck, build, headings
from homeroom.data.page_types import load_page_types
from homeroom.data.settings import Settings
from homeroom.data.sources import source_from_text
from homeroom.model.findings import Finding, Severity
from homeroom.model.languages import Language, LanguageSet
from homeroom.run.engine import prose_of

SHIPPED = load_page_types(ROOT / "content" / "_data" / "page-types.yml", "page-types.yml")
CHECK = PageTypesCheck(SHIPPED)

GUIDE = {
    "en": (
        "## What is a school report card? {#what-is}\n\n"
        "## How to read it {#read-it}\n\n## Where to get help {#get-help}\n"
    ),
    "es": (
        "## ¿Qué es el informe escolar? {#what-is}\n\n"
        "## Cómo leerlo {#read-it}\n\n## Dónde pedir ayuda {#get-help}\n"
    ),
    "ar": (
        "## ما هي بطاقة تقرير المدرسة؟ {#what-is}\n\n"
        "## كيف تقرؤها {#read-it}\n\n## أين تجد المساعدة {#get-help}\n"
    ),
}


def findings(text: str, language: str = "en") -> list[Finding]:
    suffix = "" if language == "en" else f".{language}"
    name = f"page{suffix}.md"
    source = source_from_text(text, f"content/{name}", name, "page.md", language)
    return list(CHECK.check_page(source, prose_of(source)).findings)


def page(body: str, page_type: str = "report-card-guide") -> str:
    return f"---\ntitle: A page\ntype: {page_type}\n---\n\n# A page\n\n{body}"


@pytest.mark.parametrize("language", sorted(GUIDE))
def test_complete_page_passes_in_every_language(language: str) -> None:
    assert findings(page(GUIDE[language]), language) == []


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "How to read it"), ("es", "Cómo leerlo"), ("ar", "كيف تقرؤها")],
)
def test_missing_section_is_named_in_the_page_language_where_it_belongs(
    language: str, label: str
) -> None:
    lines = GUIDE[language].split("\n\n")
    text = page(lines[0] + "\n\n" + lines[2])
    (finding,) = findings(text, language)
    assert finding.rule == "pagetype.section" and finding.severity is Severity.ERROR
    # Above the next required section ("Where to get help"), which is on line 9.
    assert text.split("\n")[finding.line - 1].endswith("{#get-help}")
    assert f"`## {label} {{#read-it}}`" in finding.message
    assert finding.suggestion == f"## {label} {{#read-it}}"


@pytest.mark.parametrize(
    ("body", "where"),
    [
        # The last section is missing: after the one before it, above the next heading.
        (
            "## What is it? {#what-is}\n\n## How to read it {#read-it}\n\nText.\n\n## Next step\n",
            'After the "How to read it" section',
        ),
        # Nothing follows: the last line of the page.
        ("## What is it? {#what-is}\n\n## How to read it {#read-it}\n\nText.\n", "At the end"),
    ],
)
def test_missing_last_section_goes_after_the_one_before(body: str, where: str) -> None:
    text = page(body)
    lines = text.rstrip("\n").split("\n")
    expected = lines.index("## Next step") + 1 if "## Next step" in lines else len(lines)
    (finding,) = findings(text)
    assert finding.line == expected
    assert where in finding.message


def test_heading_without_its_id_gets_a_hint() -> None:
    text = page(
        "## What is a school report card? {#what-is}\n\n## How to read it\n\n"
        "## Where to get help {#get-help}\n"
    )
    line = text.split("\n").index("## How to read it") + 1
    (finding,) = findings(text)
    assert f"Line {line} looks like this section: add `{{#read-it}}`" in finding.message


def test_sections_out_of_order_are_a_warning_at_the_misplaced_heading() -> None:
    text = page(
        "## What is it? {#what-is}\n\n## Help {#get-help}\n\n## How to read it {#read-it}\n"
    )
    lines = text.split("\n")
    (finding,) = findings(text)
    assert (finding.rule, finding.severity) == ("pagetype.order", Severity.WARNING)
    assert finding.line == lines.index("## How to read it {#read-it}") + 1
    assert f"Move it above line {lines.index('## Help {#get-help}') + 1}" in finding.message


@pytest.mark.parametrize(
    ("front", "rule", "severity", "line"),
    [
        ("---\ntitle: X\n---\n", "pagetype.missing-type", Severity.WARNING, 1),
        ("---\ntitle: X\ntype: grade-page\n---\n", "pagetype.unknown", Severity.ERROR, 3),
        ("# No settings at all\n", "pagetype.missing-type", Severity.WARNING, 1),
    ],
)
def test_type_problems(front: str, rule: str, severity: Severity, line: int) -> None:
    (finding,) = findings(front + "\nSome text.\n")
    assert (finding.rule, finding.severity, finding.line) == (rule, severity, line)


def test_unknown_type_names_the_known_types_and_a_close_one() -> None:
    (finding,) = findings("---\ntitle: X\ntype: conference-guides\n---\n")
    assert (finding.line, finding.column) == (3, 7)
    assert "Did you mean `conference-guide`?" in finding.message
    for name in SHIPPED.names:
        assert name in finding.message


@pytest.mark.parametrize("page_type", ["glossary", "staff", "report-card"])
def test_types_without_sections_only_need_their_type(page_type: str) -> None:
    assert findings(page("Anything.\n", page_type)) == []


def test_ids_inside_code_or_front_matter_do_not_count() -> None:
    text = page(
        "```\n## How to read it {#read-it}\n```\n\n## What is it? {#what-is}\n\n"
        "## Help {#get-help}\n"
    )
    assert [f.rule for f in findings(text)] == ["pagetype.section"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## Math {#math}", ("math", 2, "Math")),
        ("## Math {: #math .wide }", ("math", 2, "Math")),
        ("### ¿Va bien mi hijo? {#on-track}", ("on-track", 3, "¿Va bien mi hijo?")),
        ("## Math", (None, 2, "Math")),
        ("## Sets {1, 2}", (None, 2, "Sets {1, 2}")),
    ],
)
def test_heading_ids(line: str, expected: tuple[str | None, int, str]) -> None:
    (heading,) = headings(line + "\n")
    assert (heading.id, heading.level, heading.text) == expected


def _settings(root: Path, listed: bool) -> Settings:
    return Settings(
        project_root=root,
        docs_dir=root / "content",
        languages=LanguageSet((Language("en", "English", default=True),)),
        plugins={"pagetypes": {}} if listed else {},
    )


def test_without_data_an_unconfigured_run_checks_nothing(tmp_path: Path) -> None:
    check = build(_settings(tmp_path, listed=False))
    source = source_from_text("Hello.\n", "a.md", "a.md", "a.md", "en")
    assert check.check_page(source, prose_of(source)).findings == ()


def test_a_site_that_lists_the_check_needs_its_data(tmp_path: Path) -> None:
    from homeroom.model.errors import InputError

    with pytest.raises(InputError, match=r"content/_data/page-types.yml: this file does not exist"):
        build(_settings(tmp_path, listed=True))


def test_every_shipped_section_has_a_heading_in_every_site_language() -> None:
    from homeroom.data.settings import load_settings

    codes = set(load_settings(ROOT / "mkdocs.yml").languages.codes)
    assert len(codes) == 12
    for page_type in SHIPPED.types.values():
        for section in page_type.sections:
            assert set(section.headings) == codes, (page_type.name, section.id)
            assert set(section.write) == codes, (page_type.name, section.id)


_PIECES = st.sampled_from(
    [
        "---\n",
        "type: home\n",
        "type: conference-guide\n",
        "type: [x\n",
        "# Title\n",
        "## Math {#math}\n",
        "## Help {#get-help}\n",
        "## {#}\n",
        "{#learning}\n",
        "```\n",
        "Text.\n",
        "\n",
        "- item\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=20))
def test_no_page_makes_the_check_crash(pieces: list[str]) -> None:
    from homeroom.model.errors import InputError

    text = "".join(pieces)
    try:
        source = source_from_text(text, "p.md", "p.md", "p.md", "en")
    except InputError:
        return  # broken front matter is the content check's one-line error
    for finding in CHECK.check_page(source, prose_of(source)).findings:
        assert 1 <= finding.line <= text.count("\n") + 1
        assert finding.rule.startswith("pagetype.")
