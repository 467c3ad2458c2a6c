"""Bad input a new user or an attacker gives Homeroom, one row each: what, command, exit, message.

``tests/test_hostile_inputs.py`` runs every row on a fresh small site (a git repository) and
checks, besides the row's own exit code and message: no Python traceback, no hang, no
temporary folder left behind, and no file that was there before deleted or changed.
``scripts/hostile_table.py`` prints the same rows with what each command said.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

LONG = (
    "This sentence keeps going and going because the author wanted to say everything at once, "
    "and families will find it very hard to follow when they read it on a phone at night."
)
WARNING_PAGE = " ".join(["word"] * 24) + ".\n"  # a readability warning, not an error


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it, what to run, and what must come back."""

    id: str
    what: str
    setup: Callable[[Path], None]
    command: tuple[str, ...]
    """``homeroom ...`` or ``mkdocs build``: run in the site's folder."""
    exit: int
    says: str
    """A phrase the output must contain."""
    changes: tuple[str, ...] = field(default_factory=tuple)
    """Files the setup itself changes after the snapshot (none by default)."""
    unprivileged: bool = False
    """Run without root's power to read any file (so permissions count, as for staff)."""


def _write(rel: str, text: str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return setup


def _config(old: str, new: str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        path = root / "mkdocs.yml"
        path.write_text(path.read_text().replace(old, new, 1))

    return setup


def _both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        for step in steps:
            step(root)

    return setup


def _fifo(root: Path) -> None:
    os.mkfifo(root / "content" / "x.md")


def _self_link(root: Path) -> None:
    (root / "content" / "loop.md").symlink_to("loop.md")


def _folder_loop(root: Path) -> None:
    (root / "content" / "again").symlink_to(".")


def _deep_list(root: Path) -> None:
    lines = "".join("  " * i + "- x\n" for i in range(10_000))
    (root / "content" / "deep.md").write_text(f"# Deep\n\n{lines}")


def _deep_quote(root: Path) -> None:
    (root / "content" / "quote.md").write_text("# Quote\n\n" + "> " * 5_000 + "x\n")


def _old_site_and_leftover(root: Path) -> None:
    """A site from an earlier build and the temporary folder of a build that was killed."""
    done = subprocess.run(
        ["python", "-m", "homeroom", "build"], cwd=root, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    leftover = root / ".site-building-999999999-abc"
    leftover.mkdir()
    (leftover / ".homeroom-staging").write_text('{"tool": "homeroom", "pid": 999999999}')


def _unreadable_folder(root: Path) -> None:
    folder = root / "content" / "private"
    folder.mkdir()
    (folder / "a.md").write_text("# A\n")
    folder.chmod(0)
    (root / "content" / "b.xx.md").write_text("Text.\n")


def _unreadable_page(root: Path) -> None:
    page = root / "content" / "locked.md"
    page.write_text("# Locked\n")
    page.chmod(0)


def _foreign_folder(root: Path) -> None:
    (root / "out").mkdir()
    (root / "out" / "notes.txt").write_text("my notes")


CASES: list[Case] = [
    # Output folders that are not Homeroom's to replace.
    Case(
        "build-into-project",
        "homeroom build -d . (the project itself)",
        lambda r: None,
        ("homeroom", "build", "-d", "."),
        2,
        "is the project folder or holds it",
    ),
    Case(
        "build-into-parent",
        "homeroom build -d .. (a folder holding the project)",
        lambda r: None,
        ("homeroom", "build", "-d", ".."),
        2,
        "is the project folder or holds it",
    ),
    Case(
        "build-into-content",
        "homeroom build -d content",
        lambda r: None,
        ("homeroom", "build", "-d", "content"),
        2,
        "content folder",
    ),
    Case(
        "build-into-git",
        "homeroom build -d .git/site",
        lambda r: None,
        ("homeroom", "build", "-d", ".git/site"),
        2,
        "lies inside `.git`",
    ),
    Case(
        "site-dir-content",
        "site_dir: content in mkdocs.yml",
        _config("docs_dir: content", "docs_dir: content\nsite_dir: content"),
        ("homeroom", "build"),
        2,
        "content folder",
    ),
    Case(
        "site-dir-dot",
        "site_dir: . in mkdocs.yml",
        _config("docs_dir: content", "docs_dir: content\nsite_dir: ."),
        ("homeroom", "build"),
        2,
        "is the project folder or holds it",
    ),
    Case(
        "plain-build-site-dir-git",
        "site_dir: .git in mkdocs.yml, plain mkdocs build",
        _config("docs_dir: content", "docs_dir: content\nsite_dir: .git"),
        ("mkdocs", "build"),
        1,
        "lies inside `.git`",
    ),
    Case(
        "build-into-foreign-folder",
        "homeroom build -d out (a folder with someone's notes)",
        _foreign_folder,
        ("homeroom", "build", "-d", "out"),
        2,
        "was not made by `homeroom build`",
    ),
    Case(
        "build-into-file",
        "homeroom build -d mkdocs.yml (a file)",
        lambda r: None,
        ("homeroom", "build", "-d", "mkdocs.yml"),
        2,
        "is a file or a link",
    ),
    Case(
        "leftover-cleaned",
        "a killed build's temporary folder is there",
        _old_site_and_leftover,
        ("homeroom", "build"),
        0,
        "Built site/",
    ),
    # Files in the content folder that are not pages.
    Case("fifo", "a named pipe called x.md", _fifo, ("homeroom", "check"), 2, "named pipe"),
    Case(
        "fifo-build",
        "a named pipe called x.md, homeroom build",
        _fifo,
        ("homeroom", "build"),
        2,
        "named pipe",
    ),
    Case(
        "self-link",
        "loop.md is a link to itself",
        _self_link,
        ("homeroom", "check"),
        2,
        "points to itself",
    ),
    Case(
        "self-link-build",
        "loop.md is a link to itself, homeroom build",
        _self_link,
        ("homeroom", "build"),
        2,
        "points to itself",
    ),
    Case(
        "folder-loop",
        "content/again is a link to content/",
        _folder_loop,
        ("homeroom", "check"),
        2,
        "link (symlink) back to a folder that holds it",
    ),
    Case(
        "folder-loop-build",
        "content/again is a link to content/, homeroom build",
        _folder_loop,
        ("homeroom", "build"),
        2,
        "link (symlink) back to a folder that holds it",
    ),
    Case(
        "deep-list",
        "a list nested 10,000 levels deep",
        _deep_list,
        ("homeroom", "check"),
        2,
        "nested about",
    ),
    Case(
        "deep-list-build",
        "a list nested 10,000 levels deep, homeroom build",
        _deep_list,
        ("homeroom", "build"),
        2,
        "nested about",
    ),
    Case(
        "deep-quote",
        "a quote nested 5,000 levels deep",
        _deep_quote,
        ("homeroom", "check"),
        2,
        "nested about",
    ),
    Case(
        "many-bad-files",
        "three broken pages: every one reported",
        _both(
            _write("content/a.md", "---\ntitle: a: b\n---\nText.\n"),
            _write("content/b.xx.md", "Text.\n"),
            _write("content/c.md", "---\ntitle: [oops\n---\nText.\n"),
        ),
        ("homeroom", "check"),
        2,
        "content/b.xx.md",
    ),
    Case(
        "many-bad-files-build",
        "three broken pages, homeroom build: every one reported",
        _both(
            _write("content/a.md", "---\ntitle: a: b\n---\nText.\n"),
            # Settings opened and never closed (a page in a language the site does not
            # list is one finding of the build, not a page that cannot be read).
            _write("content/b.md", "---\ntitle: b\nText.\n"),
            _write("content/c.md", "---\ntitle: [oops\n---\nText.\n"),
        ),
        ("homeroom", "build"),
        2,
        "3 files could not be read",
    ),
    Case(
        "unreadable-folder",
        "a folder nobody may open, and a page with a wrong suffix: both reported",
        _unreadable_folder,
        ("homeroom", "check"),
        2,
        "content/private: cannot open this folder (Permission denied)",
        unprivileged=True,
    ),
    Case(
        "unreadable-page",
        "a page nobody may read",
        _unreadable_page,
        ("homeroom", "check"),
        2,
        "content/locked.md: cannot read this file (Permission denied)",
        unprivileged=True,
    ),
    Case(
        "unreadable-page-build",
        "a page nobody may read, homeroom build",
        _unreadable_page,
        ("homeroom", "build"),
        2,
        "content/locked.md: cannot read this file (Permission denied)",
        unprivileged=True,
    ),
    # Settings.
    Case(
        "required-string",
        "required: es (a word, not a list)",
        _config(
            "  - homeroom/content",
            "  - homeroom/translations:\n      required: es\n  - homeroom/content",
        ),
        ("homeroom", "check"),
        2,
        "expected a list in square brackets",
    ),
    Case(
        "unknown-option",
        "a misspelt option (thresold:)",
        _config("  - homeroom/readability", "  - homeroom/readability:\n      thresold: x.yml"),
        ("homeroom", "check"),
        2,
        "`thresold` is not an option of homeroom/readability",
    ),
    Case(
        "unknown-option-build",
        "a misspelt option, plain mkdocs build (not --strict)",
        _config("  - homeroom/readability", "  - homeroom/readability:\n      thresold: x.yml"),
        ("mkdocs", "build"),
        1,
        "`thresold` is not an option of homeroom/readability",
    ),
    Case(
        "bad-fail-on",
        "fail_on: fatal",
        _config("  - homeroom/readability", "  - homeroom/readability:\n      fail_on: fatal"),
        ("homeroom", "check"),
        2,
        "expected one of error, warning, info",
    ),
    Case(
        "unknown-plugin",
        "homeroom/readabilty (misspelt plugin)",
        _config("  - homeroom/readability", "  - homeroom/readability\n  - homeroom/readabilty"),
        ("homeroom", "check"),
        2,
        "`homeroom/readabilty` is not a Homeroom plugin",
    ),
    Case(
        "fail-on-warning-check",
        "fail_on: warning and a warning: check fails like the build",
        _both(
            _config(
                "  - homeroom/readability", "  - homeroom/readability:\n      fail_on: warning"
            ),
            _write("content/a.md", WARNING_PAGE),
        ),
        ("homeroom", "check"),
        1,
        "warning readability.sentence",
    ),
    Case(
        "fail-on-warning-build",
        "fail_on: warning and a warning: plain mkdocs build fails",
        _both(
            _config(
                "  - homeroom/readability", "  - homeroom/readability:\n      fail_on: warning"
            ),
            _write("content/a.md", WARNING_PAGE),
        ),
        ("mkdocs", "build"),
        1,
        "1 finding stops the build",
    ),
    Case(
        "error-plain-build",
        "a 33-word sentence, plain mkdocs build (not --strict)",
        _write("content/a.md", f"# A\n\n{LONG}\n"),
        ("mkdocs", "build"),
        1,
        "Homeroom found 1 error and 0 warnings",
    ),
    Case(
        "error-homeroom-build",
        "a 33-word sentence, homeroom build: the closing line counts it",
        _write("content/a.md", f"# A\n\n{LONG}\n"),
        ("homeroom", "build"),
        1,
        "The build failed: Homeroom found 1 error and 0 warnings.",
    ),
    # What CI shows.
    Case(
        "colon-in-title-github",
        "a colon in a title, --format github",
        _write("content/a.md", "---\ntitle: Grade 3: reading\n---\nText.\n"),
        ("homeroom", "check", "--format", "github"),
        2,
        "::error file=content/a.md,line=2",
    ),
    Case(
        "colon-in-title-sarif",
        "a colon in a title, --format sarif",
        _write("content/a.md", "---\ntitle: Grade 3: reading\n---\nText.\n"),
        ("homeroom", "check", "--format", "sarif"),
        2,
        '"ruleId": "input"',
    ),
    Case(
        "bad-config-github",
        "a misspelt option, --format github",
        _config("  - homeroom/readability", "  - homeroom/readability:\n      thresold: x.yml"),
        ("homeroom", "check", "--format", "github"),
        2,
        "::error file=mkdocs.yml",
    ),
    # Git references.
    Case(
        "changed-since-option",
        "--changed-since=--output=/tmp/x (an option, not a ref)",
        lambda r: None,
        ("homeroom", "check", "--changed-since=--output=x.txt"),
        2,
        "must not start with `-`",
    ),
    Case(
        "changed-since-unknown",
        "--changed-since no-such-ref",
        lambda r: None,
        ("homeroom", "check", "--changed-since", "no-such-ref"),
        2,
        "git knows no branch, tag or commit called `no-such-ref`",
    ),
    # Translation records.
    Case(
        "garbage-source-hash",
        "source_hash: banana in a translation",
        _both(
            _config("  - homeroom/content", "  - homeroom/translations\n  - homeroom/content"),
            _write(
                "content/index.es.md",
                "---\ntitle: Inicio\ntranslation:\n  method: person\n  source_hash: banana\n---\n"
                "# Bienvenidos\n\nNos alegra que esté aquí.\n",
            ),
        ),
        ("homeroom", "check"),
        1,
        "was not written by Homeroom",
        changes=("content/index.es.md",),
    ),
]
