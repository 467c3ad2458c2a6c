"""The MkDocs plugins in real builds with Material and mkdocs-static-i18n."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import LONG_SENTENCE, homeroom, mkdocs_build, plain_mkdocs_build, run

Site = Callable[..., Path]


def test_clean_site_builds_both_languages(site: Site) -> None:
    root = site()
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    assert 'lang="en"' in (root / "site" / "index.html").read_text()
    assert 'lang="es"' in (root / "site" / "es" / "index.html").read_text()
    assert not (root / "site" / "_data").exists()


@pytest.mark.parametrize("strict", [True, False])
def test_hard_sentence_fails_the_build_and_is_reported_once(site: Site, strict: bool) -> None:
    root = site({"grade-3.md": f"# Grade 3\n\n{LONG_SENTENCE}\n"})
    done = mkdocs_build(root) if strict else plain_mkdocs_build(root)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if "readability.sentence" in line]
    # static-i18n builds the site twice (en, es): the finding is still said once, as an error.
    assert lines == [
        "ERROR   -  homeroom: content/grade-3.md:3:1: error readability.sentence: This sentence has "
        "33 words. Families read faster and understand more when a sentence has 20 words or fewer. "
        'Try splitting it after "once,".'
    ]
    # Without --strict too: the finding stops the build before any page is written.
    assert (
        "ERROR   -  Homeroom found 1 error and 0 warnings; 1 finding stops the build (at or "
        "above `fail_on`), so no page was written." in done.stderr
    )
    assert not (root / "site" / "index.html").exists()


def test_findings_below_fail_on_are_advice(site: Site) -> None:
    page = {"a.md": " ".join(["word"] * 24) + ".\n"}
    done = plain_mkdocs_build(site(page))
    assert done.returncode == 0, done.stderr
    # A warning is logged as a warning, an error as an error: the log says what it is.
    assert "WARNING -  homeroom: content/a.md:1:1: warning readability.sentence" in done.stderr
    stops = plain_mkdocs_build(site(page, readability_options=":\n      fail_on: warning"))
    assert stops.returncode == 1
    assert "1 finding stops the build" in stops.stderr


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (
            {"bad.md": "---\ntitle: [oops\n---\nText.\n"},
            "ERROR   -  content/bad.md:2: the front matter",
        ),
        (
            {"index.en.md": "Hello.\n"},
            "ERROR   -  content/index.en.md: this file and content/index.md",
        ),
        (
            {"latin.md": b"Caf\xe9\n"},
            "ERROR   -  content/latin.md:1: this file is not saved as UTF-8",
        ),
    ],
)
def test_broken_input_stops_the_build_with_file_and_line(
    site: Site, pages: dict[str, str | bytes], expected: str
) -> None:
    done = mkdocs_build(site(pages))
    assert done.returncode == 1
    assert expected in done.stderr
    assert "Aborted with a BuildError!" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_page_in_an_unlisted_language_is_one_finding_of_the_build(site: Site) -> None:
    root = site({"about.xx.md": "Hola.\n", "grade-3.md": f"# Grade 3\n\n{LONG_SENTENCE}\n"})
    done = plain_mkdocs_build(root)
    assert done.returncode == 1
    assert "content/about.xx.md:1:1: error content.language: The file name ends in 'xx'" in (
        done.stderr
    )
    # The other pages were checked: one error each, and nothing was published.
    assert "content/grade-3.md:3:1: error readability.sentence" in done.stderr
    assert "Homeroom found 2 errors" in done.stderr
    assert not (root / "site" / "index.html").exists()


def test_bad_option_names_the_expected_form(site: Site) -> None:
    done = mkdocs_build(site(readability_options=":\n      fail_on: fatal"))
    assert done.returncode == 1
    assert "fail_on" in done.stderr and "'error', 'warning', 'info'" in done.stderr


def test_failed_build_keeps_the_old_site(site: Site) -> None:
    root = site()
    assert homeroom("build", cwd=root).returncode == 0
    before = (root / "site" / "index.html").read_text()
    (root / "content" / "index.md").write_text(f"# Welcome\n\n{LONG_SENTENCE}\n")
    done = homeroom("build", cwd=root)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1].startswith(
        "The build failed: Homeroom found 1 error and 0 warnings. site/ was left as it was."
    )
    assert (root / "site" / "index.html").read_text() == before
    # No half-built site is left behind (the checks' cache folder is expected).
    left = sorted(p.name for p in root.iterdir())
    assert left == [".homeroom-cache", "content", "mkdocs.yml", "site"]


def test_successful_build_replaces_the_site(site: Site) -> None:
    root = site()
    assert homeroom("build", cwd=root).returncode == 0
    (root / "site" / "stale.html").write_text("old")
    (root / "site" / ".git").write_text("gitdir: elsewhere\n")  # a publishing branch's link
    assert homeroom("build", cwd=root).returncode == 0
    assert not (root / "site" / "stale.html").exists()
    assert (root / "site" / "es" / "index.html").exists()
    # Hidden files are not the build's: kept, as MkDocs keeps them.
    assert (root / "site" / ".git").read_text() == "gitdir: elsewhere\n"


def test_a_folder_homeroom_did_not_make_is_never_replaced(site: Site) -> None:
    root = site()
    (root / "site").mkdir()
    (root / "site" / "notes.txt").write_text("mine")
    done = homeroom("build", cwd=root)
    assert done.returncode == 2
    assert "was not made by `homeroom build`" in done.stderr
    assert (root / "site" / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in (root / "site").iterdir()) == ["notes.txt"]


def test_properdocs_builds_the_same_site(site: Site) -> None:
    root = site({"grade-3.md": f"# Grade 3\n\n{LONG_SENTENCE}\n"})
    done = mkdocs_build(root, engine="properdocs")
    assert done.returncode == 1
    assert "content/grade-3.md:3:1: error readability.sentence" in done.stderr
    (root / "content" / "grade-3.md").write_text("# Grade 3\n\nShort and clear.\n")
    done = mkdocs_build(root, engine="properdocs")
    assert done.returncode == 0, done.stderr
    assert (root / "site" / "es" / "grade-3" / "index.html").exists()


def test_serve_config_loads(site: Site) -> None:
    """``mkdocs serve`` uses the same config: a quick ``get-deps`` style load proves it parses."""
    root = site()
    program = (
        "from mkdocs.config import load_config;"
        "c = load_config('mkdocs.yml');"
        "print(sorted(k for k in c.plugins if k.startswith('homeroom')))"
    )
    done = run([sys.executable, "-c", program], root)
    assert done.stdout.strip() == "['homeroom/content', 'homeroom/readability']"


# A site's own glossary, used alone (not on top of Homeroom's).
GLOSSARY_YML = """\
defaults: false
entries:
  - id: benchmark
    category: jargon
    forms: [benchmark, benchmarks]
    plain: [a check-in test]
    explain: A short test to see how your child is growing.
    severity: error
    define: false
    source: test
    examples: {flag: [The benchmark is today.], pass: [The test is today.]}
"""


def test_jargon_plugin_fails_the_build_and_publishes_the_glossary(site: Site) -> None:
    root = site(
        {
            "_data/glossary/en.yml": GLOSSARY_YML,
            "grade-3.md": "# Grade 3\n\nThe benchmark is in May.\n",
        }
    )
    with (root / "mkdocs.yml").open("a") as handle:
        handle.write("  - homeroom/jargon\n")
    done = mkdocs_build(root)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if "jargon.benchmark" in line]
    assert len(lines) == 1
    assert (
        'content/grade-3.md:3:5: error jargon.benchmark: "benchmark" is school jargon' in lines[0]
    )
    (root / "content" / "grade-3.md").write_text("# Grade 3\n\nThe check-in test is in May.\n")
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    page = (root / "site" / "glossary" / "index.html").read_text()
    assert 'id="benchmark"' in page and "A short test to see how your child is growing." in page
