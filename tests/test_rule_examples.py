"""Every documented example of every rule does what its documentation says (a meta-test).

- Each rule in the rule documentation (``homeroom/rules/*.yml``, shown by ``homeroom
  explain``): its bad example gets the rule's finding, its good example does not.
- Each entry of every glossary, in every language: its ``flag`` examples get the entry's
  finding (``jargon.<id>``, ``respect.<id>``, or ``readability.word`` for a plainer word),
  its ``pass`` examples do not; and the suggestion, put in the example sentence in place of
  the matched words, fits there: the sentence passes, with nothing in nested brackets and
  a capital kept where the sentence starts.

How a rule's example runs (``run:`` in its documentation, where the text shown is a
description):

- a page rule: the example (or ``run.page``) is a page, checked by every page check the
  bundled site uses;
- a rule about the whole site (translations, script files): the files of a small site
  (``run.files``) go through ``homeroom check``;
- a privacy rule: a school's data (``run.school``) goes through the privacy engine; the bad
  example is the value that would be published, so its finding is the audit entry naming
  the rule for ``run.cell``, and the good example is how that value is published instead.
"""

from __future__ import annotations

import json
import re
import shlex
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from homeroom.checks.jargon import JargonCheck
from homeroom.checks.readability import ReadabilityCheck
from homeroom.cli.main import main
from homeroom.data.glossary import Entry, load_glossaries
from homeroom.data.readability_limits import options_from_settings
from homeroom.data.ruledocs import RULES, Example, RuleDoc
from homeroom.data.settings import load_settings
from homeroom.data.sources import source_from_text
from homeroom.model.findings import Finding, Severity
from homeroom.run import engine, registry

BUNDLED = load_settings(ROOT / "mkdocs.yml")
PAGE_CHECKS = registry.build_checks(BUNDLED)
GLOSSARIES = load_glossaries(BUNDLED.data_dir, ROOT, BUNDLED.languages.codes)
READABILITY = ReadabilityCheck(options_from_settings(BUNDLED))

#: Rules whose examples are about the whole site, not one page.
SITE_FAMILIES = ("i18n.",)
SITE_RULES = ("content.script-file", "content.language", "feedback.unclear")

SITE_YML = """\
site_name: Rule examples
docs_dir: content
exclude_docs: |
  _data/
theme:
  name: material
  font: false
plugins:
  - i18n:
      docs_structure: suffix
      languages:
{languages}  - homeroom/content
  - homeroom/feedback:
      contact_required: []
  - homeroom/translations:
{options}"""

#: A small school with one subject; each privacy example adds the groups it needs.
SCHOOL: dict[str, Any] = {
    "id": "test-school",
    "name": "Test School",
    "level": "elementary",
    "grades": ["3", "4"],
    "year": "2025-26",
    "enrolment": 120,
    "assessments": {"reading": {"groups": {"all": {"tested": 100, "levels": [20, 30, 30, 20]}}}},
}
DISTRICT = {"district": "Test District", "year": "2025-26", "min_n": 10, "small_count": 2}


# -- page rules -------------------------------------------------------------------------


def page_findings(text: str, language: str) -> list[Finding]:
    """Every finding the bundled site's page checks give one page, after ``allow:``."""
    name = "p.md" if language == BUNDLED.languages.default.code else f"p.{language}.md"
    source = source_from_text(text + "\n", f"content/{name}", name, "p.md", language)
    found, _ = engine.check_page(source, PAGE_CHECKS)
    return engine.allowed([source], found)


# -- rules about the whole site ---------------------------------------------------------


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def site_findings(
    example: Example,
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> list[Finding]:
    """What ``homeroom check`` finds in a small site made of the example's files."""
    options = {"required": ["en", "es"], **example.options}
    languages = "".join(
        f"        - locale: {code}\n" + ("          default: true\n" if n == 0 else "")
        for n, code in enumerate(example.languages)
    )
    config = SITE_YML.format(
        languages=languages,
        options="".join(f"      {k}: {json.dumps(v)}\n" for k, v in options.items()),
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    write_files(root, dict(example.files))
    monkeypatch.chdir(root)
    for command in example.mark_current:
        assert main(["translations", "mark-current", *shlex.split(command)]) == 0
    write_files(root, dict(example.then))
    capsys.readouterr()
    code = main(["check", "--no-cache", "--jobs", "1", "--format", "json"])
    out = capsys.readouterr()
    assert code in (0, 1), out.err
    return [
        Finding(**{**f, "severity": Severity(f["severity"])})
        for f in json.loads(out.out)["findings"]
    ]


# -- privacy rules ----------------------------------------------------------------------


def merged(base: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in change.items():
        out[key] = (
            merged(out[key], value)
            if isinstance(value, dict) and isinstance(out.get(key), dict)
            else value
        )
    return out


def published(example: Example, root: Path) -> tuple[set[tuple[str, str]], dict[str, str]]:
    """(cell, rule) of each audit entry, and each cell's status, for the example's school."""
    from homeroom.reportcards.loading import load_schools
    from homeroom.reportcards.privacy import suppress
    from homeroom.reportcards.published import key_text

    folder = root / "schools"
    folder.mkdir()
    (folder / "_district.yml").write_text(yaml.safe_dump(DISTRICT), encoding="utf-8")
    school = merged(SCHOOL, dict(example.school or {}))
    (folder / "test-school.yml").write_text(yaml.safe_dump(school), encoding="utf-8")
    loaded = load_schools(folder, root)
    pub = suppress(loaded.schools[0], loaded.district)
    return {(e.cell, e.rule) for e in pub.audit}, {
        key_text(k): c.status for k, c in pub.cells.items()
    }


# -- the rule examples ------------------------------------------------------------------


def kind_of(rule: str) -> str:
    if rule.startswith("privacy."):
        return "school"
    if rule.startswith(SITE_FAMILIES) or rule in SITE_RULES:
        return "site"
    return "page"


RULE_CASES = [(rule, which) for rule in RULES for which in ("bad", "good")]


@pytest.mark.parametrize(("rule", "which"), RULE_CASES)
def test_a_rule_example_does_what_its_documentation_says(
    rule: str,
    which: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc: RuleDoc = RULES[rule]
    example = doc.run_bad if which == "bad" else doc.run_good
    kind = kind_of(rule)
    if kind == "school":
        cells, status = published(doc.run_bad, tmp_path)
        cell = doc.run_bad.cell
        if which == "bad":
            assert (cell, rule) in cells, sorted(cells)
        else:
            assert status[cell] == doc.run_good.published, (cell, status[cell])
        return
    if kind == "site":
        found = site_findings(example, tmp_path, monkeypatch, capsys)
    else:
        text = example.page if example.page is not None else getattr(doc, which)
        found = page_findings(text, example.language)
    mine = [f for f in found if f.rule == rule]
    if which == "bad":
        assert mine, [(f.rule, f.message) for f in found]
    elif example.note:
        assert mine and all(f.severity is Severity.INFO for f in mine), mine
    else:
        assert mine == [], mine


# -- glossary examples ------------------------------------------------------------------


def on_page(entry: Entry, example: str) -> str:
    """The example as a page: of the entry's first page type, when it has page types."""
    head = f"---\ntype: {entry.page_types[0]}\n---\n" if entry.page_types else ""
    return head + example + "\n"


GLOSSARY_CASES = [
    pytest.param(language, entry.id, kind, example, id=f"{language}-{entry.id}-{kind}-{n}")
    for language, glossary in GLOSSARIES.items()
    for entry in glossary.entries
    for kind, examples in (("flag", entry.flag_examples), ("pass", entry.pass_examples))
    for n, example in enumerate(examples)
]


@pytest.mark.parametrize(("language", "entry_id", "kind", "example"), GLOSSARY_CASES)
def test_a_glossary_example_does_what_its_entry_says(
    language: str, entry_id: str, kind: str, example: str
) -> None:
    glossary = GLOSSARIES[language]
    entry = next(e for e in glossary.entries if e.id == entry_id)
    source = source_from_text(on_page(entry, example), "p.md", "p.md", "p.md", language)
    check = READABILITY if entry.category == "substitution" else JargonCheck({language: glossary})
    found, _ = engine.check_page(source, [check])
    rules = {f.rule for f in found}
    if kind == "flag":
        assert entry.rule in rules, found
    else:
        assert entry.rule not in rules, found


SUGGESTION_CASES = [
    pytest.param(language, entry.id, example, id=f"{language}-{entry.id}-{n}")
    for language, glossary in GLOSSARIES.items()
    for entry in glossary.entries
    if entry.category != "substitution"
    for n, example in enumerate(entry.flag_examples)
]


def rendered(example: str, finding: Finding) -> str:
    """The example sentence with the finding's suggestion in place of its matched words."""
    lines = example.split("\n")
    start = sum(len(line) + 1 for line in lines[: finding.line - 1]) + finding.column - 1
    words = finding.match.split()
    m = re.compile(r"\s+".join(map(re.escape, words))).match(example, start)
    assert m is not None, (example, finding)
    return example[:start] + finding.suggestion + example[m.end() :]


@pytest.mark.parametrize(("language", "entry_id", "example"), SUGGESTION_CASES)
def test_a_glossary_suggestion_fits_in_its_example_sentence(
    language: str, entry_id: str, example: str
) -> None:
    glossary = GLOSSARIES[language]
    entry = next(e for e in glossary.entries if e.id == entry_id)
    check = JargonCheck({language: glossary})

    head = on_page(entry, "")[:-1]

    def found(text: str) -> list[Finding]:
        source = source_from_text(head + text + "\n", "p.md", "p.md", "p.md", language)
        lines = head.count("\n")
        return [replace(f, line=f.line - lines) for f in engine.check_page(source, [check])[0]]

    sentence = example
    # Each use in turn (a finding is the first use of a term; once it is replaced, the
    # next use is the first), until the term is gone or explained where it is.
    for _ in range(5):
        finding = next((f for f in found(sentence) if f.rule == entry.rule), None)
        if finding is None:
            break
        sentence = rendered(sentence, finding)
        # No brackets of its own: advice to the writer is in the message, not the sentence.
        brackets = 1 if entry.define else 0
        assert finding.suggestion.count("(") == brackets, finding.suggestion
        if entry.note:
            assert entry.note in finding.message
    assert entry.rule not in {f.rule for f in found(sentence)}, sentence
    assert "((" not in sentence and "))" not in sentence, sentence
    # A sentence that started with a capital still does.
    if example[:1].isupper():
        assert sentence[:1].isupper(), sentence


def test_every_language_and_every_rule_has_examples() -> None:
    per_language = Counter(case.values[0] for case in GLOSSARY_CASES)
    assert set(per_language) == set(GLOSSARIES) == {"en", "es"}
    assert all(count >= 300 for count in per_language.values()), per_language
    assert len(RULE_CASES) == 2 * len(RULES) >= 80
