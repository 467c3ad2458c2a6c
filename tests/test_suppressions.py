"""Allowing a rule: one rule at a time, always with a reason, never for the rules that protect families."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from homeroom.data import suppressions
from homeroom.data.sources import source_from_text
from homeroom.model.findings import Finding, Severity
from homeroom.run import engine


def page(text: str, display: str = "content/p.md"):
    return source_from_text(text, display, "p.md", "p.md", "en")


def finding(rule: str, line: int, column: int = 1, severity: Severity = Severity.ERROR) -> Finding:
    return Finding("content/p.md", line, column, rule, severity, f"Message of {rule}.")


def problems(text: str) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.column, f.match) for f in suppressions.problems(page(text))]


def applied(text: str, *found: Finding, root: Path | None = None) -> list[Finding]:
    source = page(text)
    return suppressions.apply(source, engine.prose_of(source), found, root=root)


REASON = '"The school is called Benchmark Elementary."'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The tester's page: every family of rules allowed at once, with no reason.
        (
            "---\ntitle: T\nallow: [respect.*, readability.*, jargon.*, i18n.*, pagetype.*]\n---\n",
            [
                ("allow.forbidden", 3, 9, "respect.*"),
                ("allow.invalid", 3, 20, "readability.*"),
                ("allow.invalid", 3, 35, "jargon.*"),
                ("allow.invalid", 3, 45, "i18n.*"),
                ("allow.invalid", 3, 53, "pagetype.*"),
            ],
        ),
        # The old list form: a rule with no reason, at the line of each entry.
        (
            "---\ntitle: T\ntype: home\nallow:\n  - jargon.iep\n  - readability.sentence\n---\n",
            [
                ("allow.invalid", 5, 5, "jargon.iep"),
                ("allow.invalid", 6, 5, "readability.sentence"),
            ],
        ),
        ("---\nallow: jargon.iep\n---\n", [("allow.invalid", 2, 8, "jargon.iep")]),
        (
            f'---\ntitle: T\nallow:\n  jargon.*: {REASON}\n  "*": {REASON}\n---\n',
            [("allow.invalid", 4, 3, "jargon.*"), ("allow.invalid", 5, 3, "*")],
        ),
        (
            "---\nallow:\n  jargon.iep:\n  jargon.benchmark: ok\n  jargon.pto: true\n---\n",
            [
                ("allow.invalid", 3, 3, "jargon.iep"),
                ("allow.invalid", 4, 3, "jargon.benchmark"),
                ("allow.invalid", 5, 3, "jargon.pto"),
            ],
        ),
        (f"---\nallow:\n  Jargon IEP: {REASON}\n---\n", [("allow.invalid", 3, 3, "Jargon IEP")]),
        (
            f"---\nallow:\n  respect.hard-to-reach: {REASON}\n  privacy.min-n: {REASON}\n"
            f"  content.script: {REASON}\n  allow.invalid: {REASON}\n---\n",
            [
                ("allow.forbidden", 3, 3, "respect.hard-to-reach"),
                ("allow.forbidden", 4, 3, "privacy.min-n"),
                ("allow.forbidden", 5, 3, "content.script"),
                ("allow.forbidden", 6, 3, "allow.invalid"),
            ],
        ),
        ("---\nallow:\n  - [jargon.iep]\n---\n", [("allow.invalid", 3, 5, "")]),
        (
            "# Title\n\n<!-- homeroom allow jargon.benchmark -->\nText.\n",
            [("allow.invalid", 3, 21, "jargon.benchmark")],
        ),
        (
            "Text.\n\n<!--homeroom allow jargon.*: the whole family please -->\nText.\n",
            [("allow.invalid", 3, 20, "jargon.*")],
        ),
        (
            "<!-- homeroom allow jargon.iep, readability.sentence: two at once, says the editor -->\n",
            [("allow.invalid", 1, 21, "jargon.iep, readability.sentence")],
        ),
        (
            "<!-- homeroom allow respect.hard-to-reach: it is a quote from the board -->\nText.\n",
            [("allow.forbidden", 1, 21, "respect.hard-to-reach")],
        ),
        ("<!-- homeroom allow -->\nText.\n", [("allow.invalid", 1, 21, "")]),
        ("<!-- homeroom allow   \n  jargon.iep -->\n", [("allow.invalid", 2, 3, "jargon.iep")]),
    ],
)
def test_entries_that_allow_nothing_are_errors_at_their_own_line(
    text: str, expected: list[tuple[str, int, int, str]]
) -> None:
    assert problems(text) == expected
    assert all(f.severity is Severity.ERROR for f in suppressions.problems(page(text)))


@pytest.mark.parametrize(
    ("text", "rule", "line"),
    [
        ("---\ntitle: T\nallow: [respect.*, jargon.*]\n---\nText.\n", "respect.hard-to-reach", 5),
        ("---\ntitle: T\nallow: [respect.*, jargon.*]\n---\nText.\n", "jargon.benchmark", 5),
        ("---\nallow: [jargon.benchmark]\n---\nText.\n", "jargon.benchmark", 4),
        ("---\nallow:\n  jargon.benchmark: ok\n---\nText.\n", "jargon.benchmark", 4),
        (
            f"---\nallow:\n  respect.hard-to-reach: {REASON}\n---\nText.\n",
            "respect.hard-to-reach",
            4,
        ),
        (f"---\nallow:\n  privacy.min-n: {REASON}\n---\nText.\n", "privacy.min-n", 4),
        (f"---\nallow:\n  content.script: {REASON}\n---\nText.\n", "content.script", 4),
        ("<!-- homeroom allow jargon.benchmark -->\nText.\n", "jargon.benchmark", 2),
        ("<!-- homeroom allow jargon.*: the whole family please -->\nText.\n", "jargon.iep", 2),
        (
            "<!-- homeroom allow respect.hard-to-reach: it is a quote from the board -->\nText.\n",
            "respect.hard-to-reach",
            2,
        ),
    ],
)
def test_entries_that_allow_nothing_leave_the_finding_as_it_is(
    text: str, rule: str, line: int
) -> None:
    original = finding(rule, line)
    assert applied(text, original) == [original]


def test_front_matter_allows_one_rule_on_the_whole_page_and_shows_the_reason() -> None:
    text = f"---\ntitle: T\ntype: home\nallow:\n  jargon.benchmark: {REASON}\n---\nA.\n\nB.\n"
    kept = finding("jargon.iep", 7)
    result = applied(text, finding("jargon.benchmark", 7), finding("jargon.benchmark", 9), kept)
    assert [(f.rule, f.severity) for f in result] == [
        ("jargon.benchmark", Severity.INFO),
        ("jargon.benchmark", Severity.INFO),
        ("jargon.iep", Severity.ERROR),
    ]
    assert result[0].message == (
        "Allowed by the page's front matter (line 5): The school is called Benchmark "
        "Elementary. Message of jargon.benchmark."
    )
    assert problems(text) == []


def test_a_list_of_rule_reason_pairs_is_accepted_too() -> None:
    text = "---\nallow:\n  - jargon.benchmark: The school is called Benchmark Elementary\n---\nA.\n"
    (result,) = applied(text, finding("jargon.benchmark", 5))
    assert result.severity is Severity.INFO
    assert result.message.startswith(
        "Allowed by the page's front matter (line 3): The school is called Benchmark Elementary. "
    )


def test_a_comment_allows_one_rule_for_the_next_block_only() -> None:
    text = (
        "# Title\n\n"
        "<!-- homeroom allow jargon.benchmark: the school is called Benchmark Elementary -->\n"
        "Benchmark Elementary opens at 8.\n\n"
        "The benchmark is in May.\n"
    )
    result = applied(
        text,
        finding("jargon.benchmark", 4),
        finding("readability.sentence", 4),
        finding("jargon.benchmark", 6),
    )
    assert [(f.rule, f.line, f.severity) for f in result] == [
        ("jargon.benchmark", 4, Severity.INFO),
        ("readability.sentence", 4, Severity.ERROR),
        ("jargon.benchmark", 6, Severity.ERROR),
    ]
    assert result[0].message == (
        "Allowed by the comment on line 3: the school is called Benchmark Elementary. "
        "Message of jargon.benchmark."
    )


def test_a_comment_shown_as_code_allows_nothing_and_is_not_checked() -> None:
    text = "```markdown\n<!-- homeroom allow jargon.benchmark -->\n```\nThe benchmark.\n"
    assert problems(text) == []
    original = finding("jargon.benchmark", 4)
    assert applied(text, original) == [original]


def test_info_findings_stay_as_they_are() -> None:
    text = f"---\nallow:\n  jargon.benchmark: {REASON}\n---\nA.\n"
    advice = finding("jargon.benchmark", 5, severity=Severity.INFO)
    assert applied(text, advice) == [advice]


def test_has_any_is_cheap_and_right() -> None:
    assert not suppressions.has_any(page("# Hi\n\nText.\n"))
    assert suppressions.has_any(page("---\nallow: [x]\n---\n"))
    assert suppressions.has_any(page("<!-- homeroom allow a.b: because of this -->\n"))


def git(root: Path, *args: str, date: str = "2025-03-02T10:00:00+00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ana Ruiz",
        "GIT_AUTHOR_EMAIL": "ana@example.org",
        "GIT_COMMITTER_NAME": "Ana Ruiz",
        "GIT_COMMITTER_EMAIL": "ana@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True)


ALLOWED_PAGE = f"---\ntitle: T\nallow:\n  jargon.benchmark: {REASON}\n---\nText.\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_says_who_added_an_entry_and_when(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "p.md").write_text(ALLOWED_PAGE, encoding="utf-8")
    git(tmp_path, "add", "content/p.md")
    git(tmp_path, "commit", "-q", "-m", "Allow the school's name")
    (result,) = applied(ALLOWED_PAGE, finding("jargon.benchmark", 6), root=tmp_path)
    assert result.message.startswith(
        "Allowed by the page's front matter (line 4, added by Ana Ruiz on 2025-03-02): "
    )
    comment = "<!-- homeroom allow jargon.benchmark: the school is called Benchmark -->\nText.\n"
    (tmp_path / "content" / "p.md").write_text(comment, encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "A comment instead")
    (result,) = applied(comment, finding("jargon.benchmark", 2), root=tmp_path)
    assert result.message.startswith(
        "Allowed by the comment on line 1 (added by Ana Ruiz on 2025-03-02): "
    )


@pytest.mark.parametrize("where", ["not in git", "not committed yet"])
def test_without_git_history_the_message_just_says_less(tmp_path: Path, where: str) -> None:
    if where == "not committed yet":
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        git(tmp_path, "init", "-q")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "p.md").write_text(ALLOWED_PAGE, encoding="utf-8")
    (result,) = applied(ALLOWED_PAGE, finding("jargon.benchmark", 6), root=tmp_path)
    assert result.message.startswith("Allowed by the page's front matter (line 4): The school")
