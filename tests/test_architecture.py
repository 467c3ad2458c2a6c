"""The shape of the package: a core that never imports MkDocs, adapters that agree with it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import homeroom

CORE = sorted(
    m.name
    for m in pkgutil.walk_packages(homeroom.__path__, "homeroom.")
    if not m.name.startswith("homeroom.adapters") and m.name != "homeroom.__main__"
)


def test_core_modules_are_found() -> None:
    assert {"homeroom.prose", "homeroom.cli", "homeroom.checks.readability"} <= set(CORE)


def test_core_never_imports_mkdocs() -> None:
    program = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs', 'material'))\n"
        "print(leaked)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_plugin_options_match_what_the_core_reads() -> None:
    from homeroom.adapters.readability.config import ReadabilityConfig

    names = [name for name, _ in ReadabilityConfig._schema]
    assert names[0] == "enabled"
    assert set(names) == {"enabled", "fail_on", "thresholds"}


def test_entry_points_are_registered() -> None:
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="mkdocs.plugins")}
    assert {"homeroom/content", "homeroom/readability"} <= names


def test_no_machine_paths_in_tracked_text() -> None:
    root = Path(__file__).resolve().parent.parent
    for path in [*root.glob("plugins/**/*.py"), root / "README.md", root / "mkdocs.yml"]:
        assert "/work/" not in path.read_text(encoding="utf-8"), path
