"""``homeroom new TYPE NAME``: a page with its type's sections in every required language."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, homeroom
from homeroom.page_types import load_page_types
from homeroom.settings import load_settings
from homeroom.sources import parse_front_matter

PAGE_TYPES = load_page_types(ROOT / "content" / "_data" / "page-types.yml")

SITE = """\
site_name: Test
docs_dir: content
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
        - locale: es
          name: Español
        - locale: vi
          name: Tiếng Việt
{translations}"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "content" / "_data").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "_data" / "page-types.yml", tmp_path / "content" / "_data")
    (tmp_path / "mkdocs.yml").write_text(SITE.format(translations=""), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES.names))
def test_every_type_gets_its_sections_in_every_language(root: Path, page_type: str) -> None:
    done = homeroom("new", page_type, "my-page", cwd=root)
    assert done.returncode == 0, done.stderr
    wanted = [s.id for s in PAGE_TYPES.types[page_type].sections]
    for suffix, language in [("", "en"), (".es", "es"), (".vi", "vi")]:
        text = (root / "content" / f"my-page{suffix}.md").read_text(encoding="utf-8")
        meta, _ = parse_front_matter(text, "p.md")
        assert meta["title"] == "My page" and meta["type"] == page_type
        assert meta.get("essential", False) is PAGE_TYPES.types[page_type].essential
        assert ("translation" in meta) is (language != "en")
        ids = [line.rsplit("{#", 1)[1].rstrip("}") for line in text.splitlines() if "{#" in line]
        assert ids == wanted
        for section in PAGE_TYPES.types[page_type].sections:
            assert f"## {section.heading(language)} {{#{section.id}}}" in text
    # The new page passes the page-types check as it is.
    check = homeroom("check", "content", "--fail-on", "info", cwd=root)
    assert "pagetype." not in check.stdout


def test_translation_record_is_honest_and_spanish_placeholders_are_spanish(root: Path) -> None:
    homeroom("new", "conference-guide", "fall", "--title", "Fall: conferences", cwd=root)
    meta, _ = parse_front_matter((root / "content" / "fall.es.md").read_text(), "p.md")
    assert meta["title"] == "Fall: conferences" and meta["essential"] is True
    assert meta["translation"]["method"] == "person"
    assert "reviewed_by" not in meta["translation"]
    assert "Español" in meta["translation"]["note"]
    text = (root / "content" / "fall.es.md").read_text()
    assert "*Por escribir: " in text and "## Antes de la conferencia {#before}" in text


def test_only_required_languages_get_a_file(root: Path) -> None:
    (root / "mkdocs.yml").write_text(
        SITE.format(translations="  - homeroom/translations:\n      required: [en, es]\n")
    )
    done = homeroom("new", "home", "start", cwd=root)
    assert done.stdout.splitlines() == ["created content/start.md", "created content/start.es.md"]
    assert not (root / "content" / "start.vi.md").exists()


@pytest.mark.parametrize("existing", ["guide.md", "guide.vi.md"])
def test_never_overwrites_and_writes_nothing_when_any_file_exists(
    root: Path, existing: str
) -> None:
    (root / "content" / existing).write_text("Mine.\n")
    done = homeroom("new", "conference-guide", "guide", cwd=root)
    assert done.returncode == 2
    assert done.stderr == (
        f"error: content/{existing}: this page already exists, and `homeroom new` never "
        "overwrites a page. Edit it, or pick another name.\n"
    )
    assert (root / "content" / existing).read_text() == "Mine.\n"
    assert sorted(p.name for p in (root / "content").glob("*.md")) == [existing]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["grade-page", "x"], "error: there is no page type called `grade-page`. Page types: "),
        (["home", "Grade 9"], "error: `Grade 9` cannot be a page name"),
        (["home", "about.es"], "error: `about.es` cannot be a page name"),
        (["home", "../outside"], "error: `../outside` cannot be a page name"),
    ],
)
def test_bad_type_or_name_is_one_line_exit_2(root: Path, args: list[str], expected: str) -> None:
    done = homeroom("new", *args, cwd=root)
    assert done.returncode == 2
    assert done.stderr.startswith(expected) and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    if "Page types" in expected:
        for name in PAGE_TYPES.names:
            assert name in done.stderr
    assert list((root / "content").glob("*.md")) == []


def test_a_folder_in_the_name_is_created(root: Path) -> None:
    done = homeroom("new", "report-card", "schools/alder", "--title", "Alder Elementary", cwd=root)
    assert done.returncode == 0, done.stderr
    assert (root / "content" / "schools" / "alder.es.md").is_file()


def test_new_pages_of_every_type_pass_every_bundled_check(tmp_path: Path) -> None:
    # The bundled site's settings and data: readability, jargon and page types in every
    # language it publishes. A page fresh from `homeroom new` starts with no findings at all.
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content" / "_data", tmp_path / "content" / "_data")
    for page_type in PAGE_TYPES.names:
        made = homeroom("new", page_type, f"new-{page_type}", cwd=tmp_path)
        assert made.returncode == 0, made.stderr
    done = homeroom("check", "--format", "json", cwd=tmp_path)
    report = json.loads(done.stdout)
    # One file per required language (every site language unless mkdocs.yml says otherwise).
    required = load_settings(tmp_path / "mkdocs.yml").required_languages
    made = [p for p in report["pages"] if p["path"].startswith("content/new-")]
    assert len(made) == len(PAGE_TYPES.names) * len(required)
    # The only thing said: each new translation is still to be written, and nobody has yet
    # recorded which English version it matches.
    untracked = [f for f in report["findings"] if f["rule"] == "i18n.untracked"]
    assert [f for f in report["findings"] if f not in untracked] == []
    translated = [name for name in PAGE_TYPES.names if name != "staff"]  # never translated
    assert len(untracked) == len(translated) * (len(required) - 1)
