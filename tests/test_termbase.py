"""The termbase (approved terms per language) and ``i18n.term``, on real files and small sites."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from homeroom.checks import SiteInput
from homeroom.checks.translations.terms import AvoidedTermCheck, MissingTermCheck, load
from homeroom.data.settings import load_settings
from homeroom.data.sources import source_from_text
from homeroom.data.termbase import Term, Termbase, form_pattern, load_termbase, package_folder
from homeroom.model.errors import HomeroomError
from homeroom.text.prose import extract

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = load_settings(ROOT / "mkdocs.yml")

IEP = Term(
    id="iep",
    kind="glossary",
    term="plan de educación individualizado",
    also=("IEP", "planes de educación individualizados"),
    avoid=("programa de educación individual", "plan educativo individual"),
    file="termbase/es.yml",
)
TERMBASE = Termbase(terms={"es": {"iep": IEP}}, english={"iep": ("IEP", "IEPs")})


def _source(text: str, language: str, page: str = "guide.md"):  # type: ignore[no-untyped-def]
    stem = page.removesuffix(".md")
    rel = page if language == "en" else f"{stem}.{language}.md"
    return source_from_text(text, f"content/{rel}", rel, page, language)


def test_an_avoided_rendering_is_found_on_its_line_naming_the_approved_term() -> None:
    text = (
        "# Guía\n\nSu hijo tiene un plan.\n\nLea el Programa de Educación Individual de su hijo.\n"
    )
    source = _source(text, "es")
    found = AvoidedTermCheck(TERMBASE, "en").check_page(source, extract(source.text)).findings
    assert [(f.rule, f.line, f.column) for f in found] == [("i18n.term", 5, 8)]
    assert "“plan de educación individualizado”" in found[0].message
    assert found[0].suggestion == "plan de educación individualizado"
    # The English page is the source: never checked against a termbase.
    english = _source("# Guide\n\nRead the programa de educación individual.\n", "en")
    assert not AvoidedTermCheck(TERMBASE, "en").check_page(english, extract(english.text)).findings


def test_whole_words_only_except_in_scripts_without_spaces() -> None:
    pattern = form_pattern(["IEP"], "es")
    assert pattern is not None
    assert pattern.search("su IEP de este año") and not pattern.search("IEPX")
    chinese = form_pattern(["个别化教育计划"], "zh")
    assert chinese is not None and chinese.search("您孩子的个别化教育计划会议")
    korean = form_pattern(["개별화 교육 프로그램"], "ko")
    assert korean is not None and korean.search("자녀의 개별화 교육 프로그램을 읽으세요")


def _site_input(pages: list[tuple[str, str, str]], check: MissingTermCheck) -> SiteInput:
    sources = [_source(text, lang, page) for text, lang, page in pages]
    data = {s.digest: check.page_data(s, extract(s.text)) for s in sources}
    return SiteInput(sources=sources, page_data=data)


def test_a_translation_that_never_uses_the_approved_term_of_its_source_is_noted() -> None:
    check = MissingTermCheck(BUNDLED)
    check._termbase = TERMBASE
    site = _site_input(
        [
            ("# Guide\n\nBring your child's IEP to the meeting.\n", "en", "guide.md"),
            ("# Guía\n\nTraiga el plan de su hijo a la reunión.\n", "es", "guide.md"),
            ("# Plan\n\nRead the IEP.\n", "en", "plan.md"),
            ("# Plan\n\nLea el IEP.\n", "es", "plan.md"),
        ],
        check,
    )
    found = check.check_site(site).findings
    assert [(f.rule, f.path, f.severity.value) for f in found] == [
        ("i18n.term", "content/guide.es.md", "info")
    ]
    assert "“plan de educación individualizado”" in found[0].message


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "termbase" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_mistake_in_a_site_termbase_is_named_with_its_line(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "es.yml",
        "language: es\nterms:\n  iep:\n    term: plan\n    avoid: [Plan]\n"
        "  not-a-term:\n    term: x\n  iep-2:\n    wrong: y\n",
    )
    with pytest.raises(HomeroomError) as caught:
        load_termbase(tmp_path, ["en", "es"], {"iep": ("IEP",), "iep-2": ("IEP",)}, tmp_path)
    text = str(caught.value)
    assert "termbase/es.yml" in text
    assert "line 3" in text or ":3" in text  # iep: approved and avoided at once
    assert "not-a-term" in text and "wrong" in text


def test_a_site_entry_replaces_homeroom_s_field_by_field(tmp_path: Path) -> None:
    _write(
        tmp_path, "es.yml", "language: es\npage_types:\n  conference-guide:\n    avoid: [charla]\n"
    )
    english = {"iep": ("IEP",)}
    termbase = load_termbase(tmp_path, ["en", "es"], english, tmp_path)
    shipped = yaml.safe_load((package_folder() / "es.yml").read_text(encoding="utf-8"))
    term = termbase.language("es")["type:conference-guide"]
    assert term.term == shipped["page_types"]["conference-guide"]["term"]
    assert term.avoid == ("charla",)


def test_the_shipped_termbase_covers_every_site_language_term_and_page_type() -> None:
    termbase = load(BUNDLED)
    define = {key for key in termbase.english if not key.startswith("type:")}
    types = {key for key in termbase.english if key.startswith("type:")}
    assert len(define) >= 60 and len(types) >= 14
    for code in BUNDLED.languages.codes:
        if code == "en":
            continue
        terms = termbase.language(code)
        missing = sorted((define | types) - set(terms))
        assert not missing, f"{code}: no approved term for {missing}"
        for term in terms.values():
            assert term.kind == "page_type" or term.explain, f"{code} {term.id}: no explain"


def test_the_bundled_translations_use_no_rendering_to_avoid() -> None:
    termbase = load(BUNDLED)
    check = AvoidedTermCheck(termbase, "en")
    problems = []
    for path in sorted((ROOT / "content").glob("*.*.md")):
        page, language = path.name.split(".")[0] + ".md", path.name.split(".")[1]
        source = _source(path.read_text(encoding="utf-8"), language, page)
        for f in check.check_page(source, extract(source.text)).findings:
            problems.append(f"{path.name}:{f.line}: {f.match}")
    assert not problems, "\n".join(problems)
