"""Shared helpers for the report-card tests: school files, tiny real sites, the commands."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent.parent
DATA = ROOT / "content" / "_data"
#: A real state file (public domain), kept in the repository so these tests always run.
CT_FILE = (
    TESTS.parent
    / "data"
    / "ct-smarter-balanced"
    / "smarter-balanced_2016-17_all-districts_all-grades.csv"
)
CT_MAPPING = DATA / "import" / "ct-smarter-balanced.yml"
#: Connecticut's chronic absence by grade, three school years (public domain).
CT_ABSENCE = sorted((TESTS.parent / "data" / "ct-chronic-absence-by-grade").glob("*.csv"))
CT_ABSENCE_MAPPING = DATA / "import" / "ct-chronic-absence.yml"
#: California's SARC data files for one county, 2020-21, and the CAASPP entities file.
CA_FOLDER = TESTS.parent / "data" / "ca-sarc-2020-21"
CA_FILES = [
    CA_FOLDER / name
    for name in ("chronic.txt", "caela.txt", "camath.txt", "sb_ca2021entities_csv.txt")
]
CA_MAPPING = DATA / "import" / "ca-sarc.yml"

SITE_YML = """\
site_name: Report cards test
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
        - locale: en
          default: true
          name: English
        - locale: es
          name: Español
  - homeroom/reportcards
"""


def school(**changes: object) -> dict[str, object]:
    """A small valid school (one subject, one pair of groups, two grades)."""
    data: dict[str, object] = {
        "id": "test-school",
        "name": "Test School",
        "level": "elementary",
        "grades": ["3", "4"],
        "year": "2025-26",
        "enrolment": 120,
        "assessments": {
            "reading": {
                "groups": {
                    "all": {"tested": 100, "levels": [20, 30, 30, 20]},
                    "english_learners": {"tested": 40, "levels": [10, 12, 10, 8]},
                    "not_english_learners": {"tested": 60, "levels": [10, 18, 20, 12]},
                },
                "grades": {
                    "3": {"tested": 50, "levels": [10, 15, 15, 10]},
                    "4": {"tested": 50, "levels": [10, 15, 15, 10]},
                },
            }
        },
        "absenteeism": {"students": 120, "chronic": 18},
    }
    data.update(changes)
    return data


def write_schools(
    folder: Path, *schools: dict[str, object], district: dict[str, object] | None = None
) -> Path:
    """Write ``_district.yml`` and school files into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = {"district": "Test District", "year": "2025-26", "min_n": 10, **(district or {})}
    (folder / "_district.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    for data in schools:
        (folder / f"{data['id']}.yml").write_text(
            yaml.safe_dump(data, sort_keys=False), encoding="utf-8"
        )
    return folder


def make_site(root: Path, schools_dir: Path | None = None) -> Path:
    """A tiny bilingual site with only the report-card plugin and the bundled catalogs."""
    content = root / "content"
    (content / "_data").mkdir(parents=True, exist_ok=True)
    shutil.copytree(DATA / "strings", content / "_data" / "strings", dirs_exist_ok=True)
    if schools_dir is None:
        shutil.copytree(DATA / "schools", content / "_data" / "schools", dirs_exist_ok=True)
    elif schools_dir != content / "_data" / "schools":
        shutil.copytree(schools_dir, content / "_data" / "schools", dirs_exist_ok=True)
    (content / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    (content / "index.es.md").write_text("# Inicio\n\nBienvenidos.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(textwrap.dedent(SITE_YML), encoding="utf-8")
    return root


def homeroom_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m homeroom ARGS`` in ``cwd``."""
    return _run([sys.executable, "-m", "homeroom", *args], cwd)


def mkdocs_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m mkdocs ARGS`` in ``cwd``."""
    return _run([sys.executable, "-m", "mkdocs", *args], cwd)


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
