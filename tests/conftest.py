"""Shared fixtures: tiny real sites in a temporary folder, the bundled site built once, the CLI."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SITE_HEAD = """\
site_name: Test district
docs_dir: content
exclude_docs: |
  _data/
theme:
  name: material
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
        - locale: es
          name: Español
"""

MKDOCS_YML = SITE_HEAD + "  - homeroom/content\n  - homeroom/readability{readability_options}\n"

#: A site with a required (es) and an optional (vi) language, checked for translations.
TRANSLATIONS_SITE_YML = SITE_HEAD + (
    "        - locale: vi\n"
    "          name: Tiếng Việt\n"
    "  - homeroom/content\n"
    "  - homeroom/translations:\n"
    "      required: [en, es]\n"
)

LONG_SENTENCE = (
    "This sentence keeps going and going because the author wanted to say everything at once, "
    "and families will find it very hard to follow when they read it on a phone at night."
)


def write_site(root: Path, pages: dict[str, str | bytes], readability_options: str = "") -> Path:
    """Write mkdocs.yml and the given pages (paths relative to content/) under ``root``."""
    (root / "mkdocs.yml").write_text(
        MKDOCS_YML.format(readability_options=readability_options), encoding="utf-8"
    )
    for name, body in pages.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(textwrap.dedent(body), encoding="utf-8")
    return root


SIMPLE_PAGES: dict[str, str | bytes] = {
    "index.md": "---\ntitle: Home\n---\n# Welcome\n\nWe are glad you are here.\n",
    "index.es.md": "---\ntitle: Inicio\n---\n# Bienvenidos\n\nNos alegra que esté aquí.\n",
}


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Path]:
    """Make a small bilingual site: ``site(pages, readability_options="")``."""

    def make(pages: dict[str, str | bytes] | None = None, readability_options: str = "") -> Path:
        return write_site(tmp_path, {**SIMPLE_PAGES, **(pages or {})}, readability_options)

    return make


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command with this Python's environment and capture its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def homeroom(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m homeroom ARGS`` in ``cwd``."""
    return run([sys.executable, "-m", "homeroom", *args], cwd)


def plain_mkdocs_build(cwd: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """A real ``mkdocs build`` without ``--strict``, as most existing sites run it."""
    return run([sys.executable, "-m", "mkdocs", "build", *extra], cwd)


def mkdocs_build(
    cwd: Path, *extra: str, engine: str = "mkdocs"
) -> subprocess.CompletedProcess[str]:
    """A real ``mkdocs build --strict`` (or ProperDocs) of the site in ``cwd``."""
    return run([sys.executable, "-m", engine, "build", "--strict", *extra], cwd)


#: What the bundled site is made of: a copy of these builds as the repository does.
PROJECT_FILES = ("mkdocs.yml", "content", "overrides")


def copy_project(target: Path) -> Path:
    """Copy the bundled site's project (config, content, theme overrides) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name)
        else:
            shutil.copy(ROOT / name, target / name)
    return target


@dataclass(frozen=True)
class BundledBuild:
    """The bundled site built once: its project copy, the site, what ``mkdocs build`` said."""

    project: Path
    site: Path
    done: subprocess.CompletedProcess[str]


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this test run, the same for every pytest-xdist worker.

    Each worker has a folder of its own inside the run's folder; without workers the
    session's folder is the run's.
    """
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def _compile_each_module_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Let the commands the tests start keep their compiled modules, in the run's folder.

    Most tests run ``python -m homeroom`` or ``python -m mkdocs`` in a child process. Where
    ``PYTHONDONTWRITEBYTECODE`` is set, every one of those hundreds of processes compiled
    Homeroom's modules (and the site's hooks) from source again. With a cache prefix in the
    run's temporary folder they are compiled once, and no ``__pycache__`` folder appears
    in the repository or in a test's site.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONPYCACHEPREFIX", str(run_folder(tmp_path_factory) / "pycache"))
        patch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
        yield


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> BundledBuild:
    """The bundled site, built once per test run with ``mkdocs build --strict``.

    Building the bundled site takes seconds, so the tests that only read what it published
    (or the audit log it wrote) share this one build; with pytest-xdist the first worker
    that needs it builds it and the others wait for it and read the same folder. It builds
    a copy of the project in a temporary folder, so it never writes into the repository
    (its site/, caches or audit log) and never races another build there. A test that
    changes content or settings builds a copy of its own. Each test asserts what it needs
    from ``done``: a failed build fails every test that reads it, with the build's message.
    """
    folder = run_folder(tmp_path_factory) / "bundled"
    project, said = folder / "project", folder / "build.json"
    folder.mkdir(exist_ok=True)
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if said.exists():
            record = json.loads(said.read_text(encoding="utf-8"))
            done = subprocess.CompletedProcess[str](
                record["args"], record["returncode"], record["stdout"], record["stderr"]
            )
        else:
            shutil.rmtree(project, ignore_errors=True)  # what a stopped worker left
            copy_project(project)
            done = mkdocs_build(project, "-d", str(project / "site"))
            record = {k: getattr(done, k) for k in ("args", "returncode", "stdout", "stderr")}
            said.write_text(json.dumps(record), encoding="utf-8")
    return BundledBuild(project, project / "site", done)
