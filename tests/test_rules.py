"""Every rule is documented, and each concrete example does what it claims."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, homeroom
from homeroom.checks.readability import DEFAULT_OPTIONS, ReadabilityCheck
from homeroom.engine import prose_of
from homeroom.rules import RULES
from homeroom.sources import source_from_text


def emitted_rules() -> set[str]:
    code = (ROOT / "plugins" / "homeroom" / "checks" / "readability.py").read_text()
    return set(re.findall(r'rule="([a-z]+\.[a-z-]+)"', code)) | {"readability.override"}


def test_every_rule_a_check_emits_is_documented() -> None:
    assert emitted_rules() <= set(RULES)


def test_every_rule_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for rule in RULES:
        assert f"`{rule}`" in readme, rule


def rules_found(text: str) -> set[str]:
    source = source_from_text(text + "\n", "p.md", "p.md", "p.md", "en")
    result = ReadabilityCheck(DEFAULT_OPTIONS).check_page(source, prose_of(source))
    return {f.rule for f in result.findings}


@pytest.mark.parametrize("rule", ["readability.sentence", "readability.sentence-difficulty"])
def test_sentence_examples_are_right(rule: str) -> None:
    assert rule in rules_found(RULES[rule].bad)
    assert rules_found(RULES[rule].good) == set()


def test_text_report_points_to_explain(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text(RULES["readability.sentence"].bad + "\n")
    done = homeroom("check", str(page), cwd=tmp_path)
    assert "More about readability.sentence: homeroom explain readability.sentence" in done.stdout
    explained = homeroom("explain", "readability.sentence", cwd=tmp_path)
    assert explained.returncode == 0 and "Instead of:" in explained.stdout
