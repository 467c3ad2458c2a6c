"""Homeroom in other repositories' CI: the GitHub Action and the pre-commit hook."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import LONG_SENTENCE, ROOT, run, write_site
from homeroom.cli.main import _parser

ACTION = ROOT / "action.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def action() -> dict[str, Any]:
    data = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def homeroom_commands(script: str, env: dict[str, str]) -> list[list[str]]:
    """Every `homeroom ...` command of a step's shell script, with its variables filled in."""
    commands = []
    for line in script.splitlines():
        words = shlex.split(line.split(">", 1)[0].split("||", 1)[0])
        if words[:1] == ["homeroom"]:
            commands.append(
                [re.sub(r"\$(\w+)", lambda m: env.get(m.group(1), m.group(0)), w) for w in words]
            )
    return commands


SAMPLE_INPUTS = {"config-file": "mkdocs.yml", "fail-on": "warning", "working-directory": "."}


def step_env(step: dict[str, Any]) -> dict[str, str]:
    env = {}
    for name, value in (step.get("env") or {}).items():
        found = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", str(value))
        env[name] = SAMPLE_INPUTS.get(found.group(1), "x") if found else str(value)
    return env


def test_the_action_is_a_composite_action_whose_inputs_are_all_declared() -> None:
    data = action()
    assert data["runs"]["using"] == "composite"
    declared = set(data["inputs"])
    text = ACTION.read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{\{[^}]*inputs\.([\w-]+)", text))
    assert used <= declared, used - declared
    for step in data["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash", step["name"]
            # Inputs reach scripts through the environment, never pasted into the script.
            assert "${{" not in step["run"], step["name"]
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]), step["uses"]


def test_every_command_the_action_runs_is_one_the_cli_has() -> None:
    steps = action()["runs"]["steps"]
    commands = [
        command
        for step in steps
        if "run" in step
        for command in homeroom_commands(step["run"], step_env(step))
    ]
    # Check with annotations, check as SARIF, build: each parses as the CLI reads it.
    assert {c[1] for c in commands} == {"check", "build"}
    formats = set()
    for command in commands:
        args = _parser().parse_args(command[1:])
        if args.command == "check":
            formats.add(args.format)
    assert formats == {"github", "sarif"}
    names = {step.get("name") for step in steps}
    assert "Upload the findings to code scanning" in names
    upload = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    )
    assert upload["with"]["sarif_file"] == "${{ steps.sarif.outputs.sarif-file }}"


def test_the_action_installs_homeroom_with_the_pinned_versions() -> None:
    install = next(s for s in action()["runs"]["steps"] if s.get("name") == "Install Homeroom")
    assert '--constraint "$HOMEROOM_SOURCE/constraints.txt"' in install["run"]
    assert install["env"]["HOMEROOM_SOURCE"] == "${{ github.action_path }}"


def test_the_pre_commit_hook_runs_homeroom_check_on_changed_markdown() -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "homeroom-check"
    assert hook["language"] == "python"
    assert hook["types"] == ["markdown"]
    assert hook.get("pass_filenames", True) is True
    args = _parser().parse_args([*shlex.split(hook["entry"])[1:], "content/a.md", "content/b.md"])
    assert args.command == "check" and [str(p) for p in args.paths] == [
        "content/a.md",
        "content/b.md",
    ]


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.email=staff@example.org", "-c", "user.name=Staff", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


#: What pip needs to install Homeroom from a copy of this repository.
HOOK_REPO_FILES = (
    "pyproject.toml",
    "README.md",
    "constraints.txt",
    ".pre-commit-hooks.yaml",
    "plugins",
)


@pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"
)
def test_the_pre_commit_hook_through_the_real_pre_commit(tmp_path: Path) -> None:
    # The hook's repository: this repository's files as they are now, committed.
    hooks = tmp_path / "homeroom"
    hooks.mkdir()
    for name in HOOK_REPO_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, hooks / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, hooks / name)
    git(hooks, "init", "-q")
    git(hooks, "add", "-A")
    git(hooks, "commit", "-qm", "Homeroom")
    rev = git(hooks, "rev-parse", "HEAD")
    # A site that uses it, with one hard page and one that is fine.
    site = tmp_path / "site"
    site.mkdir()
    write_site(
        site,
        {
            "index.md": "# Welcome\n\nWe are glad you are here.\n",
            "index.es.md": "# Hola\n\nBienvenidos.\n",
            "grade-3.md": f"# Grade 3\n\n{LONG_SENTENCE}\n",
        },
    )
    (site / "NOTES.md").write_text(f"{LONG_SENTENCE}\n")  # not a page: `files:` leaves it out
    (site / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.as_posix()}\n    rev: {rev}\n    hooks:\n"
        "      - id: homeroom-check\n        files: ^content/\n"
    )
    git(site, "init", "-q")
    git(site, "add", "-A")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        # The hook's environment gets the exact versions this repository is tested with.
        "PIP_CONSTRAINT": str(ROOT / "constraints.txt"),
        "HOMEROOM_CACHE_DIR": "off",
    }
    pre_commit = [sys.executable, "-m", "pre_commit"]

    def hook(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*pre_commit, "run", *args],
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    bad = hook("--files", "content/grade-3.md", "content/index.md", "NOTES.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "content/grade-3.md:3:1: error readability.sentence" in bad.stdout
    assert "NOTES.md" not in bad.stdout
    assert "Checked 2 page(s): 1 error." in bad.stdout
    good = hook("--files", "content/index.md", "content/index.es.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    # The commit itself: the hard page stops it, and nothing is committed.
    installed = run([*pre_commit, "install"], site)
    assert installed.returncode == 0, installed.stderr
    committed = subprocess.run(
        ["git", "-c", "user.email=a@example.org", "-c", "user.name=A", "commit", "-qm", "Pages"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert committed.returncode == 1
    assert "readability.sentence" in committed.stdout + committed.stderr
