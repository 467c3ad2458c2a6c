"""Golden files: `homeroom check --format json` gives exactly what it gave when they were made.

A change that moves code without meaning to change results (a refactor, a faster
algorithm) must leave both byte for byte the same: the bundled site and a generated
500-page, two-language site. A change that means to change results updates them on
purpose, and the diff shows what changed:

    HOMEROOM_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


def check_json(root: Path) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "homeroom", "check", "--no-cache", "--format", "json"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


def compare(found: bytes, golden: Path) -> None:
    if os.environ.get("HOMEROOM_UPDATE_GOLDEN"):
        data = gzip.compress(found, mtime=0) if golden.suffix == ".gz" else found
        golden.write_bytes(data)
    expected = golden.read_bytes()
    if golden.suffix == ".gz":
        expected = gzip.decompress(expected)
    assert found == expected, f"output differs from {golden.name}; see the module docstring"


def test_the_bundled_site_gives_its_golden_output(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    compare(check_json(tmp_path), GOLDEN / "check-bundled.json")


@pytest.mark.parametrize("pages", [500])
def test_a_generated_site_gives_its_golden_output(tmp_path: Path, pages: int) -> None:
    site = tmp_path / "district"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "sitegen.py"), str(site), "--pages", str(pages)],
        check=True,
        capture_output=True,
    )
    compare(check_json(site), GOLDEN / f"check-sitegen-{pages}.json.gz")
