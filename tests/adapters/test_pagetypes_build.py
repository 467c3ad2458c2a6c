"""``homeroom/pagetypes`` in real MkDocs builds, and ``homeroom new`` pages that build clean."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, homeroom, mkdocs_build, plain_mkdocs_build
from homeroom.data.page_types import load_page_types
from homeroom.data.placeholders import placeholder_words

MKDOCS_YML = """\
site_name: Test district
docs_dir: content
exclude_docs: |
  _data/
theme:
  name: material
  font: false
markdown_extensions:
  - attr_list
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
        - locale: es
          name: Español
        - locale: ar
          name: العربية
  - homeroom/content
  - homeroom/pagetypes
"""

GUIDE_EN = """\
---
title: Report cards
type: report-card-guide
---

# Report cards

## What is a school report card? {#what-is}

It shows how the whole school is doing.

## Where to get help {#get-help}

Call us.
"""


def write(root: Path, pages: dict[str, str]) -> Path:
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    data = root / "content" / "_data"
    data.mkdir(parents=True)
    shutil.copy(ROOT / "content" / "_data" / "page-types.yml", data / "page-types.yml")
    for name, text in pages.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (
            {"guide.md": GUIDE_EN},
            "content/guide.md:12:1: error pagetype.section: This report-card-guide page has no "
            '"How to read it" section.',
        ),
        (
            {"guide.es.md": GUIDE_EN.replace("read it", "x")},
            "content/guide.es.md:12:1: error pagetype.section: This report-card-guide page has "
            'no "Cómo leerlo" section.',
        ),
        (
            {"guide.md": GUIDE_EN.replace("report-card-guide", "report-guide")},
            "content/guide.md:3:7: error pagetype.unknown: `type: report-guide` is not a page type",
        ),
    ],
)
def test_page_type_errors_fail_a_strict_build_once(
    tmp_path: Path, pages: dict[str, str], expected: str
) -> None:
    root = write(tmp_path, {"index.md": "---\ntype: staff\n---\n# Home\n", **pages})
    done = mkdocs_build(root)
    assert done.returncode == 1
    # static-i18n builds once per language: the finding is still said once.
    lines = [line for line in done.stderr.splitlines() if expected in line]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"ERROR   -  homeroom: {expected}")


def test_missing_type_is_advice_that_fails_only_when_asked(tmp_path: Path) -> None:
    root = write(tmp_path, {"index.md": "# Home\n\nHello.\n"})
    done = plain_mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    assert "WARNING -  homeroom: content/index.md:1:1: warning pagetype.missing-type" in done.stderr


def test_broken_page_types_data_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    root = write(tmp_path, {"index.md": "---\ntype: staff\n---\n# Home\n"})
    data = root / "content" / "_data" / "page-types.yml"
    data.write_text(data.read_text().replace("    essential: true\n", "    essential: yes!\n", 1))
    done = mkdocs_build(root)
    assert done.returncode == 1
    assert "ERROR   -  content/_data/page-types.yml:" in done.stderr
    assert "field `essential`: expected `true` or `false`" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("page_type", ["home", "conference-guide", "grade-expectations"])
def test_a_new_page_builds_clean_in_every_language_once_its_notes_are_written(
    tmp_path: Path, page_type: str
) -> None:
    root = write(tmp_path, {"index.md": "---\ntype: staff\n---\n# Home\n"})
    made = homeroom("new", page_type, "fresh", "--title", "A fresh page", cwd=root)
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines() == [
        "created content/fresh.md",
        "created content/fresh.es.md",
        "created content/fresh.ar.md",
        "mkdocs.yml has no `nav:`, so MkDocs lists the new page in its menu by itself.",
    ]
    # The notes saying what to write stop the build until they are replaced.
    unfinished = mkdocs_build(root)
    assert unfinished.returncode == 1
    assert "error content.placeholder" in unfinished.stderr
    notes = re.compile(
        r"^\*(" + "|".join(map(re.escape, placeholder_words().values())) + r").*\*$", re.M
    )
    for page in (root / "content").glob("fresh*.md"):
        page.write_text(notes.sub("Families can read this.", page.read_text("utf-8")), "utf-8")
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    assert "pagetype" not in done.stderr
    arabic = (root / "site" / "ar" / "fresh" / "index.html").read_text(encoding="utf-8")
    assert 'lang="ar"' in arabic
    page_types = load_page_types(ROOT / "content" / "_data" / "page-types.yml")
    for section in page_types.types[page_type].sections:
        assert f'id="{section.id}"' in arabic
