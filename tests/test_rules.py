"""Every rule is documented, and each concrete example does what it claims."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from conftest import ROOT, homeroom
from homeroom.checks.readability import ReadabilityCheck
from homeroom.data.glossary import load_glossaries
from homeroom.data.readability_limits import DEFAULT_OPTIONS
from homeroom.data.ruledocs import RULES
from homeroom.data.sources import source_from_text
from homeroom.run.engine import prose_of

GLOSSARIES = load_glossaries(ROOT / "content" / "_data", ROOT, ["en", "es"])


def emitted_rules() -> set[str]:
    checks = ROOT / "plugins" / "homeroom" / "checks"
    code = "".join(p.read_text() for p in checks.glob("*.py"))
    found = set(re.findall(r'rule="([a-z]+\.[a-z-]+)"', code)) | {"readability.override"}
    assert "jargon.acronym" in found
    return found


def test_every_rule_a_check_emits_is_documented() -> None:
    assert emitted_rules() <= set(RULES)


def test_every_rule_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for rule in RULES:
        assert f"`{rule}`" in readme, rule


def rules_found(text: str) -> set[str]:
    source = source_from_text(text + "\n", "p.md", "p.md", "p.md", "en")
    options = replace(DEFAULT_OPTIONS, substitutions=GLOSSARIES)
    result = ReadabilityCheck(options).check_page(source, prose_of(source))
    return {f.rule for f in result.findings}


def test_text_report_points_to_explain(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text(RULES["readability.sentence"].bad + "\n")
    done = homeroom("check", str(page), cwd=tmp_path)
    assert "More about readability.sentence: homeroom explain readability.sentence" in done.stdout
    explained = homeroom("explain", "readability.sentence", cwd=tmp_path)
    assert explained.returncode == 0 and "Instead of:" in explained.stdout


def test_every_shipped_plain_word_form_is_found() -> None:
    options = replace(DEFAULT_OPTIONS, substitutions=GLOSSARIES)
    for language, glossary in GLOSSARIES.items():
        for entry in glossary.entries:
            if entry.category != "substitution":
                continue
            for form in entry.forms:
                source = source_from_text(f"Hoy {form} aquí.\n", "p.md", "p.md", "p.md", language)
                found = [
                    f.suggestion
                    for f in ReadabilityCheck(options).check_page(source, prose_of(source)).findings
                    if f.rule == "readability.word"
                ]
                assert found == [entry.suggestion], (language, form)
