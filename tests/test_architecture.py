"""The shape of the package: layers kept by import-linter, adapters that agree with the core.

The layers themselves (and "the core never imports MkDocs") are contracts in
pyproject.toml, checked by ``lint-imports`` in ``make lint``; here they are run once more
so that a plain ``pytest`` run sees them too.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from homeroom.data.options import PLUGINS, specs
from homeroom.run.registry import CHECKS

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_ENTRY_POINTS = {ep.name: ep for ep in entry_points(group="mkdocs.plugins")}


def test_the_layer_contracts_are_kept() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_every_plugin_in_the_core_has_an_entry_point_and_no_other() -> None:
    ours = {name for name in PLUGIN_ENTRY_POINTS if name.startswith("homeroom/")}
    assert ours == {f"homeroom/{name}" for name in PLUGINS}


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_each_plugins_config_matches_the_core_options(name: str) -> None:
    """The MkDocs config class has exactly the core's options, ``enabled`` first, same defaults."""
    plugin = PLUGIN_ENTRY_POINTS[f"homeroom/{name}"].load()
    schema = dict(plugin.config_class._schema)
    core = specs(PLUGINS[name])
    assert next(iter(schema)) == "enabled"
    assert list(schema) == list(core)
    for option, spec in core.items():
        assert schema[option].default == spec.default, option
    # And MkDocs fills in exactly what the core's dataclass holds when nothing is set.
    config = plugin.config_class()
    config.load_dict({})
    errors, _ = config.validate()
    assert errors == []
    assert (
        PLUGINS[name](**{k: tuple(v) if isinstance(v, list) else v for k, v in config.items()})
        == PLUGINS[name]()
    )


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_each_page_check_is_registered_under_its_plugin(name: str) -> None:
    assert CHECKS[name].options.plugin == name
    assert name in PLUGINS


def test_no_machine_paths_in_tracked_text() -> None:
    for path in [*ROOT.glob("plugins/**/*.py"), ROOT / "README.md", ROOT / "mkdocs.yml"]:
        assert "/work/" not in path.read_text(encoding="utf-8"), path
