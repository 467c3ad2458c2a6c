"""The package as a district installs it: a wheel, with its rules, in a clean virtualenv.

The wheel is built from this checkout (``pip wheel``, the project's build backend) and
installed with its pinned dependencies (constraints.txt) and nothing else: no site, no
``content/_data/``. ``homeroom check`` on a loose letter must then find jargon and deficit
language with the glossaries shipped inside the package, and say which checks could not run.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_the_wheel_installs_with_its_rules_and_checks_a_loose_letter(tmp_path: Path) -> None:
    built = _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        ROOT,
        "-w",
        tmp_path / "dist",
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("homeroom-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in (
        "glossary/en.yml",
        "glossary/es.yml",
        "lang/en.yml",
        "rules/i18n.yml",
        "preview/preview.js",
    ):
        assert f"homeroom/{data}" in names, data

    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", venv, cwd=tmp_path).returncode == 0
    pip = venv / "bin" / "pip"
    installed = _run(pip, "install", "-q", "-c", ROOT / "constraints.txt", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr

    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "letter.md").write_text(
        "# A letter home\n\nYour child has an IEP. Tier 2 interventions help hard-to-reach "
        "parents.\n",
        encoding="utf-8",
    )
    (letters / "thu.vi.md").write_text(
        "# Thư\n\nXin chào các bậc phụ huynh. Con của quý vị sẽ đi dã ngoại vào tuần tới.\n",
        encoding="utf-8",
    )
    homeroom = venv / "bin" / "homeroom"
    done = _run(homeroom, "check", "letter.md", "thu.vi.md", cwd=letters)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "letter.md:3:19: warning jargon.iep" in done.stdout
    assert "error respect.hard-to-reach" in done.stdout
    assert "Not checked: school jargon and respectful language in Vietnamese pages" in done.stdout
    explained = _run(homeroom, "explain", "respect.hard-to-reach", cwd=letters)
    assert explained.returncode == 0 and explained.stdout.startswith("respect.hard-to-reach")
    shown = _run(homeroom, "rules", "--show", cwd=letters)
    assert "from Homeroom (homeroom/glossary/en.yml)" in shown.stdout
