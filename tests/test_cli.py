"""``homeroom check`` and ``homeroom build`` as a user runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import LONG_SENTENCE, ROOT, TRANSLATIONS_SITE_YML, homeroom

Site = Callable[..., Path]


def test_clean_site_exits_0_and_says_so(site: Site) -> None:
    done = homeroom("check", cwd=site())
    assert done.returncode == 0, done.stderr
    assert "Checked 2 page(s): no problems found." in done.stdout


def test_json_has_findings_and_per_page_metrics(site: Site) -> None:
    root = site({"grade-3.md": f"# Grade 3\n\n{LONG_SENTENCE}\n"})
    done = homeroom("check", "--format", "json", cwd=root)
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert set(data) == {"findings", "pages"}
    (finding,) = data["findings"]
    assert finding["path"] == "content/grade-3.md"
    assert (finding["line"], finding["column"], finding["rule"]) == (3, 1, "readability.sentence")
    assert set(finding) == {
        "rule",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "match",
        "suggestion",
        "language",
    }
    pages = {p["path"]: p for p in data["pages"]}
    assert set(pages) == {"content/index.md", "content/index.es.md", "content/grade-3.md"}
    assert pages["content/index.es.md"]["language"] == "es"
    assert pages["content/grade-3.md"]["metrics"]["formula"] == "flesch-kincaid-grade"
    assert pages["content/grade-3.md"]["metrics"]["words"] == 33  # the heading is not scored


def test_fail_on_controls_the_exit_code(site: Site) -> None:
    root = site({"a.md": " ".join(["word"] * 24) + ".\n"})  # a warning, not an error
    assert homeroom("check", cwd=root).returncode == 0
    assert homeroom("check", "--fail-on", "warning", cwd=root).returncode == 1
    assert homeroom("check", "--fail-on", "never", cwd=root).returncode == 0


def test_github_format_annotates_the_line(site: Site) -> None:
    root = site({"a.md": f"Intro.\n\n{LONG_SENTENCE}\n"})
    done = homeroom("check", "--format", "github", cwd=root)
    first = done.stdout.splitlines()[0]
    assert first.startswith(
        "::error file=content/a.md,line=3,col=1,title=readability.sentence::This sentence has 33 words."
    )


def test_sarif_is_valid_json_with_a_result_per_finding(site: Site) -> None:
    root = site({"a.md": f"{LONG_SENTENCE}\n\n{LONG_SENTENCE}\n"})
    data = json.loads(homeroom("check", "--format", "sarif", cwd=root).stdout)
    results = data["runs"][0]["results"]
    assert data["version"] == "2.1.0"
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results] == [1, 3]


def test_explicit_files_and_language_flag(site: Site, tmp_path: Path) -> None:
    root = site()
    loose = tmp_path / "letter.md"
    loose.write_text(" ".join(["sol"] * 24) + ".\n")
    assert (
        homeroom("check", "--fail-on", "warning", str(loose), cwd=root).returncode == 1
    )  # English limit
    assert (
        homeroom("check", "--fail-on", "warning", "--lang", "es", str(loose), cwd=root).returncode
        == 0
    )


def test_lang_names_the_files_given_and_leaves_the_site_alone(site: Site, tmp_path: Path) -> None:
    # The site has index.es.md: were --lang to make Spanish the site's default, index.md
    # and index.es.md would both be Spanish, and the check would stop on a duplicate.
    root = site({"guide.es.md": "---\ntitle: Guía\n---\n# Guía\n\nHola.\n"})
    other = tmp_path / "letters"
    other.mkdir()
    (other / "carta.md").write_text(" ".join(["sol"] * 24) + ".\n")
    done = homeroom("check", "--lang", "es", "--format", "json", str(other), cwd=root)
    assert done.returncode == 0, done.stderr
    (page,) = json.loads(done.stdout)["pages"]
    assert page["language"] == "es"
    # A language the site does not publish is still a language for a loose file.
    done = homeroom("check", "--lang", "vi", "--format", "json", str(other), cwd=root)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["pages"][0]["language"] == "vi"
    # The site's own pages keep the languages their names say.
    done = homeroom("check", "--lang", "es", "--format", "json", "content", cwd=root)
    assert done.returncode == 0, done.stderr
    languages = {p["path"]: p["language"] for p in json.loads(done.stdout)["pages"]}
    assert languages["content/index.es.md"] == "es"
    assert languages["content/guide.es.md"] == "es"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "es"], "error: --lang es: name the files or folders written in that language"),
        (["--lang", "qq", "x.md"], "error: --lang qq: not a language code Homeroom knows"),
    ],
)
def test_lang_without_files_or_unknown_is_one_line(
    site: Site, args: list[str], expected: str
) -> None:
    root = site()
    (root / "x.md").write_text("Hello.\n")
    done = homeroom("check", *args, cwd=root)
    assert done.returncode == 2
    assert done.stderr.startswith(expected), done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (
            {"bad.md": "---\ntitle: [oops\n---\nText.\n"},
            "error: content/bad.md:2: the front matter",
        ),
        ({"index.en.md": "Hello.\n"}, "error: content/index.en.md: this file and content/index.md"),
        ({"latin.md": b"Caf\xe9\n"}, "error: content/latin.md:1: this file is not saved as UTF-8"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    site: Site, pages: dict[str, str | bytes], expected: str
) -> None:
    done = homeroom("check", cwd=site(pages))
    assert done.returncode == 2
    assert done.stderr.startswith(expected)
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_missing_content_folder_is_exit_2(site: Site) -> None:
    root = site()
    (root / "content" / "index.md").unlink()
    (root / "content" / "index.es.md").unlink()
    (root / "content").rmdir()
    done = homeroom("check", cwd=root)
    assert done.returncode == 2
    assert "content: this content folder does not exist" in done.stderr


def test_bad_mkdocs_yml_is_exit_2_with_line(site: Site) -> None:
    root = site()
    (root / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - i18n:\n    languages: [\n")
    done = homeroom("check", cwd=root)
    assert done.returncode == 2
    assert done.stderr.startswith("error: mkdocs.yml:")
    assert "Traceback" not in done.stderr


def test_usage_error_is_exit_2(site: Site) -> None:
    assert homeroom("check", "--format", "pdf", cwd=site()).returncode == 2


def _commit_all(root: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start")


def _checked_since_head(root: Path) -> list[str]:
    done = homeroom("check", "--changed-since", "HEAD", "--format", "json", cwd=root)
    return sorted(p["path"] for p in json.loads(done.stdout)["pages"])


def test_changed_since_checks_changed_pages_and_their_translations(site: Site) -> None:
    root = site({"about.md": "# About\n\nHello.\n", "about.es.md": "# Acerca\n\nHola.\n"})
    _commit_all(root)
    (root / "content" / "new.md").write_text(f"{LONG_SENTENCE}\n")
    (root / "content" / "index.md").write_text("# Welcome\n\nHello again.\n")
    # The Spanish home page is re-checked with its changed source; "about" is not.
    assert _checked_since_head(root) == [
        "content/index.es.md",
        "content/index.md",
        "content/new.md",
    ]
    subprocess.run(["git", "checkout", "content/index.md"], cwd=root, check=True)
    (root / "content" / "new.md").unlink()
    (root / "content" / "about.es.md").write_text("# Acerca\n\nHola de nuevo.\n")
    # A changed translation does not change its source.
    assert _checked_since_head(root) == ["content/about.es.md"]


@pytest.mark.parametrize(
    ("data_file", "expected"),
    [
        ("glossary/es.yml", ["content/about.es.md", "content/index.es.md"]),
        (
            "plain-words.yml",
            ["content/about.es.md", "content/about.md", "content/index.es.md", "content/index.md"],
        ),
    ],
)
def test_changed_since_data_file_rechecks_the_pages_it_applies_to(
    site: Site, data_file: str, expected: list[str]
) -> None:
    root = site({"about.md": "# About\n\nHello.\n", "about.es.md": "# Acerca\n\nHola.\n"})
    _commit_all(root)
    path = root / "content" / "_data" / data_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("entries: []\n" if "glossary" in data_file else "en: []\n")
    assert _checked_since_head(root) == expected


def test_changed_since_a_bad_ref_is_exit_2(site: Site) -> None:
    root = site()
    _commit_all(root)
    done = homeroom("check", "--changed-since", "no-such-ref", cwd=root)
    assert done.returncode == 2
    assert "--changed-since no-such-ref" in done.stderr


def test_changed_since_rechecks_school_data_when_it_changes(tmp_path: Path) -> None:
    """A negative count in a changed school file stops `--changed-since` as it stops the build."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    _commit_all(tmp_path)
    school = tmp_path / "content" / "_data" / "schools" / "alder-elementary.yml"
    school.write_text(
        school.read_text().replace("levels: [48, 45, 71, 42]", "levels: [48, -45, 71, 42]", 1)
    )
    done = homeroom("check", "--changed-since", "HEAD", cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "content/_data/schools/alder-elementary.yml:15" in done.stderr


def test_changed_since_finds_the_orphan_of_a_deleted_english_page(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(TRANSLATIONS_SITE_YML)
    pages = tmp_path / "content"
    pages.mkdir()
    (pages / "index.md").write_text("# Welcome\n\nWe are glad you are here.\n")
    (pages / "about.md").write_text("# About\n\nWe teach.\n")
    (pages / "about.es.md").write_text("# Acerca\n\nEnseñamos.\n")
    _commit_all(tmp_path)
    (pages / "about.md").unlink()
    done = homeroom("check", "--changed-since", "HEAD", "--format", "json", cwd=tmp_path)
    rules = {(f["path"], f["rule"]) for f in json.loads(done.stdout)["findings"]}
    assert ("content/about.es.md", "i18n.orphan") in rules, done.stdout


def test_explain_reads_glossary_rules_from_the_config_file_given(tmp_path: Path) -> None:
    """`homeroom explain -f SITE/mkdocs.yml` explains that site's glossary rules from anywhere."""
    done = homeroom("explain", "jargon.benchmark", "-f", str(ROOT / "mkdocs.yml"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("jargon.benchmark (en): benchmark")
    assert "It means: " in done.stdout


SNACK_GLOSSARY = """\
language: en
entries:
  - id: snack-rota
    category: jargon
    forms: ["snack rota"]
    plain: ["list of who brings snacks"]
    explain: "The list of families who bring snacks each week."
    severity: warning
    define: false
    page_types: []
    source: "Test district"
    examples:
      flag: ["Check the snack rota."]
      pass: ["Check the list of who brings snacks."]
"""


def test_explain_works_inside_a_site_and_outside_one(
    site: Site, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = site()
    (root / "content" / "_data" / "glossary").mkdir(parents=True)
    (root / "content" / "_data" / "glossary" / "en.yml").write_text(SNACK_GLOSSARY)
    # Inside the site: the site's own glossary.
    done = homeroom("explain", "jargon.snack-rota", cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("jargon.snack-rota (en): snack rota")
    # -f wins over the folder: the bundled site has no such entry.
    done = homeroom("explain", "jargon.snack-rota", "-f", str(ROOT / "mkdocs.yml"), cwd=root)
    assert done.returncode == 2
    assert done.stderr.startswith("error: no rule called 'jargon.snack-rota': no glossary entry")
    assert done.stderr.count("\n") == 1
    # Outside any site: built-in rules always; a glossary rule exactly when `homeroom check`
    # on a loose file here finds it, since both read the same glossaries.
    outside = tmp_path_factory.mktemp("elsewhere")
    assert homeroom("explain", "readability.sentence", cwd=outside).returncode == 0
    (outside / "letter.md").write_text("Your child took the winter benchmark.\n")
    checked = homeroom("check", "--format", "json", "letter.md", cwd=outside)
    found = {f["rule"] for f in json.loads(checked.stdout)["findings"]}
    explained = homeroom("explain", "jargon.benchmark", cwd=outside)
    assert (explained.returncode == 0) == ("jargon.benchmark" in found), explained.stderr
    assert "Traceback" not in explained.stderr
