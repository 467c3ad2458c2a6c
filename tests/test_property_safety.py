"""Property: on any file tree and any front matter, no command crashes or loses a file.

Hypothesis draws small sites (pages in known and unknown languages, random text, bytes
that are not UTF-8, random front matter, pipes and looping links) and runs the commands a
district runs on them. Each must end with an exit code and a message, never a Python
exception, and every file that was there before must still be there, unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import MKDOCS_YML, TRANSLATIONS_SITE_YML
from homeroom.cli import main as cli

NAMES = st.sampled_from(
    ["index", "grade-3", "a", "guide", "sub/page", "sub/deeper/x", "_data/notes", ".hidden"]
)
SUFFIXES = st.sampled_from(["", ".es", ".en", ".vi", ".xx", ".ES"])
SCALARS = st.one_of(
    st.text(max_size=30),
    st.integers(),
    st.booleans(),
    st.none(),
    st.lists(st.text(max_size=8), max_size=3),
)
FRONT_KEYS = st.sampled_from(
    ["title", "type", "allow", "translation", "essential", "readability", "school", "lang"]
)
FRONT = st.dictionaries(FRONT_KEYS, SCALARS, max_size=4)
BODY = st.one_of(
    st.text(max_size=400),
    st.sampled_from(
        [
            "# Title\n\nA plain sentence.\n",
            "- a\n  - b\n    - c\n",
            "| a | b |\n|---|---|\n| c | d |\n",
            "<div>hard-to-reach parents</div>\n",
            "```\ncode: [\n```\n",
        ]
    ),
)


@st.composite
def pages(draw: st.DrawFn) -> dict[str, bytes | str]:
    """A content folder: relative path -> what the file holds (``"<fifo>"``, ``"<loop>"``)."""
    tree: dict[str, bytes | str] = {}
    for _ in range(draw(st.integers(1, 6))):
        name = draw(NAMES) + draw(SUFFIXES) + ".md"
        kind = draw(st.sampled_from(["page"] * 12 + ["bytes", "raw-front", "fifo", "loop"]))
        if kind == "page":
            front = draw(FRONT)
            head = ""
            if front:
                import yaml

                head = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n"
            tree[name] = head + draw(BODY)
        elif kind == "bytes":
            tree[name] = draw(st.binary(max_size=60))
        elif kind == "raw-front":
            tree[name] = "---\n" + draw(st.text(max_size=60)) + "\n---\n" + draw(BODY)
        else:
            tree[name] = f"<{kind}>"
    return tree


def write_tree(root: Path, tree: dict[str, bytes | str], config: str) -> None:
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    content = root / "content"
    content.mkdir()
    for name, body in tree.items():
        path = content / name
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink() or not path.parent.is_dir():
            continue
        if body == "<fifo>":
            os.mkfifo(path)
        elif body == "<loop>":
            path.symlink_to(path.name)
        elif isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")


def snapshot(root: Path) -> dict[str, str]:
    found = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root).as_posix()
        if rel.startswith((".homeroom-cache", ".homeroom/")):
            continue
        if path.is_symlink():
            found[rel] = "link:" + os.readlink(path)
        elif path.is_fifo():
            found[rel] = "fifo"
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@contextlib.contextmanager
def inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


COMMANDS = [
    ["check", "--no-cache", "--jobs", "1"],
    ["check", "--no-cache", "--jobs", "1", "--format", "github"],
    ["check", "--no-cache", "--jobs", "1", "content"],
    ["translations", "status"],
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    tree=pages(),
    config=st.sampled_from([MKDOCS_YML.format(readability_options=""), TRANSLATIONS_SITE_YML]),
    command=st.sampled_from(COMMANDS),
)
def test_no_input_crashes_a_command_or_loses_a_file(
    tree: dict[str, bytes | str],
    config: str,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_tree(root, tree, config)
        before = snapshot(root)
        with inside(root):
            code = cli.main(command)
        assert code in (0, 1, 2)
        event(f"{command[0]} exit {code}")
        said = capsys.readouterr()
        if code == 2:
            # One line per problem, no traceback: errors, and notes (a page in a language
            # the site does not list is left out, with a note).
            lines = said.err.splitlines()
            assert any(line.startswith("error: ") for line in lines), said.err
            assert all(line.startswith(("error: ", "note: ")) for line in lines), said.err
        assert snapshot(root) == before


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(tree=pages())
def test_no_input_crashes_a_build_or_loses_a_file(
    tree: dict[str, bytes | str], capfd: pytest.CaptureFixture[str]
) -> None:
    """The same for ``homeroom build``, whose engine runs in a process of its own."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_tree(root, tree, TRANSLATIONS_SITE_YML)
        before = snapshot(root)
        with inside(root):
            code = cli.main(["build"])
        said = capfd.readouterr()
        assert code in (0, 1, 2), said.err
        event(f"build exit {code}")
        assert "Traceback" not in said.err + said.out, said.err
        after = snapshot(root)
        assert {k: v for k, v in after.items() if not k.startswith("site")} == before
        leftovers = [p.name for p in root.iterdir() if p.name.startswith(".site-")]
        assert leftovers == []
