"""Every bad input of ``hostile_cases.CASES``: one clear line, the right exit, nothing lost."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SIMPLE_PAGES, write_site
from hostile_cases import CASES, LONG, WARNING_PAGE, Case

#: Temporary folders a build makes next to the site; none may be left behind.
TEMPORARY = (".site-building-", ".site-old-", ".out-building-", ".out-old-")


def snapshot(root: Path) -> dict[str, str]:
    """Every file (not the site, caches or git's own files) with a hash of its bytes."""
    found = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(("site/", ".homeroom-cache/", ".homeroom/")) or "/.git/" in f"/{rel}":
            continue
        if path.is_symlink() or not path.is_file():
            continue
        found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run_case(case: Case, root: Path) -> subprocess.CompletedProcess[str]:
    """Make a fresh site in ``root``, apply the case and run its command (60 s at most)."""
    write_site(root, dict(SIMPLE_PAGES))
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "commit",
            "-qm",
            "site",
        ],
        check=True,
    )
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONWARNINGS": "ignore",
    }
    os.environ["PATH"] = env["PATH"]  # the setup may run `python -m homeroom build`
    case.setup(root)
    program = [sys.executable, "-m", case.command[0], *case.command[1:]]
    if case.unprivileged and os.geteuid() == 0:
        # Root reads every file whatever its permissions; staff do not.
        drop = "-dac_override,-dac_read_search"
        program = ["setpriv", "--bounding-set", drop, "--inh-caps", drop, "--", *program]
    try:
        return subprocess.run(
            program, cwd=root, env=env, capture_output=True, text=True, timeout=60, check=False
        )
    finally:
        for path in root.rglob("*"):  # let pytest clean up what the case locked
            if not path.is_symlink() and path.exists():
                path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_gets_one_clear_line_and_loses_nothing(case: Case, tmp_path: Path) -> None:
    root = tmp_path / "district"
    root.mkdir()
    write_site(root, dict(SIMPLE_PAGES))
    before = snapshot(root)
    done = run_case(case, root)
    said = done.stdout + done.stderr
    assert "Traceback" not in said, said
    assert done.returncode == case.exit, said
    assert case.says in said, said
    # Nothing that was there before is gone or changed (setups only add files).
    after = snapshot(root)
    for rel, digest in before.items():
        if rel in case.changes or rel == "mkdocs.yml":
            continue
        assert after.get(rel) == digest, f"{rel} was deleted or changed"
    assert (root / ".git" / "HEAD").is_file(), ".git was deleted"
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(TEMPORARY)]
    assert leftovers == [], leftovers


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if text in command:
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stopping_a_build_stops_the_engine_and_keeps_the_old_site(
    signum: int, tmp_path: Path
) -> None:
    root = write_site(tmp_path, dict(SIMPLE_PAGES))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    first = subprocess.run(
        [sys.executable, "-m", "homeroom", "build"], cwd=root, env=env, capture_output=True
    )
    assert first.returncode == 0, first.stderr
    old = (root / "site" / "index.html").read_bytes()
    build = subprocess.Popen(
        [sys.executable, "-m", "homeroom", "build"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    staging: list[Path] = []
    while time.monotonic() < deadline and not staging:
        staging = [p for p in root.iterdir() if p.name.startswith(".site-building-")]
        time.sleep(0.01)
    assert staging, "the build never started"
    engines: list[int] = []
    while time.monotonic() < deadline and not engines:
        engines = _processes_mentioning(str(staging[0]))
        time.sleep(0.01)
    assert engines, "the engine never started"
    build.send_signal(signum)
    _, err = build.communicate(timeout=30)
    assert build.returncode == 128 + signum, err
    assert "The build was stopped, so site/ was left as it was." in err
    assert "Traceback" not in err
    assert (root / "site" / "index.html").read_bytes() == old
    assert [p.name for p in root.iterdir() if p.name.startswith(TEMPORARY)] == []
    time.sleep(0.2)
    assert _processes_mentioning(str(staging[0])) == [], "the engine is still running"


def test_a_site_folder_that_cannot_be_replaced_is_one_line_and_kept(tmp_path: Path) -> None:
    root = write_site(tmp_path, dict(SIMPLE_PAGES))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "homeroom", "build"]
    assert subprocess.run(command, cwd=root, env=env, capture_output=True).returncode == 0
    old = (root / "site" / "index.html").read_bytes()
    if subprocess.run(["chattr", "+i", str(root / "site")], capture_output=True).returncode:
        pytest.skip("this file system cannot make a folder immutable (chattr +i)")
    try:
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    finally:
        subprocess.run(["chattr", "-i", str(root / "site")], check=True)
    assert done.returncode == 2, done.stderr
    assert "cannot replace the site folder (Operation not permitted)" in done.stderr
    assert "Traceback" not in done.stderr
    assert (root / "site" / "index.html").read_bytes() == old
    assert [p.name for p in root.iterdir() if p.name.startswith(TEMPORARY)] == []


AGREEMENT = [
    ("clean", {}, ""),
    ("error", {"a.md": f"# A\n\n{LONG}\n"}, ""),
    ("advice", {"a.md": WARNING_PAGE}, ""),
    ("fail-on-warning", {"a.md": WARNING_PAGE}, ":\n      fail_on: warning"),
    ("fail-on-info", {"a.md": WARNING_PAGE}, ":\n      fail_on: info"),
    ("bad-option", {}, ":\n      thresold: x.yml"),
    ("bad-fail-on", {}, ":\n      fail_on: fatal"),
    ("bad-front-matter", {"a.md": "---\ntitle: a: b\n---\nText.\n"}, ""),
    ("unknown-suffix", {"a.xx.md": "Text.\n"}, ""),
    ("not-utf8", {"a.md": b"Caf\xe9\n"}, ""),
    ("bad-thresholds-file", {"_data/readability.yml": "profiles: [\n"}, ""),
]


@pytest.mark.parametrize(
    ("pages", "options"), [(p, o) for _, p, o in AGREEMENT], ids=[i for i, _, _ in AGREEMENT]
)
def test_check_and_build_agree(tmp_path: Path, pages: dict[str, str | bytes], options: str) -> None:
    """The same verdict from `homeroom check`, `homeroom build` and a plain `mkdocs build`."""
    root = write_site(tmp_path, {**SIMPLE_PAGES, **pages}, options)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}

    def exit_of(*command: str) -> int:
        done = subprocess.run(
            [sys.executable, "-m", *command], cwd=root, env=env, capture_output=True, text=True
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done.returncode

    check = exit_of("homeroom", "check", "--no-cache")
    build = exit_of("homeroom", "build")
    plain = exit_of("mkdocs", "build", "-d", str(tmp_path / "plain"))
    assert check == build, (check, build)
    assert (plain == 0) == (check == 0), (check, plain)


@pytest.mark.parametrize(
    ("audit_dir", "says"),
    [
        ("content/private", "a folder that is published"),
        ("site/audit", "a folder that is published"),
        (".git/audit", "lies inside `.git`"),
    ],
)
def test_the_audit_log_is_never_written_where_it_would_be_published(
    tmp_path: Path, audit_dir: str, says: str
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    config = (ROOT / "mkdocs.yml").read_text()
    config = config.replace(
        "  - homeroom/reportcards:\n      fail_on: error",
        f"  - homeroom/reportcards:\n      fail_on: error\n      audit_dir: {audit_dir}",
    )
    assert audit_dir in config
    (tmp_path / "mkdocs.yml").write_text(config)
    done = subprocess.run(
        [sys.executable, "-m", "homeroom", "check", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert says in done.stderr
    assert not (tmp_path / audit_dir).exists()


def test_the_audit_log_never_replaces_a_file_it_did_not_write(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    mine = tmp_path / ".homeroom" / "audit" / "reportcards.jsonl"
    mine.parent.mkdir(parents=True)
    mine.write_text("my own notes\n")
    done = subprocess.run(
        [sys.executable, "-m", "homeroom", "check", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "is not an audit log Homeroom wrote" in done.stderr
    assert mine.read_text() == "my own notes\n"


def test_a_failed_swap_gives_the_hidden_files_back(tmp_path: Path) -> None:
    """A site's `.git` is carried into the new site; if the swap fails, it goes back."""
    from homeroom.model.errors import InputError
    from homeroom.run.build import swap

    parent = tmp_path / "out"
    (parent / "site").mkdir(parents=True)
    (parent / "site" / ".git").write_text("gitdir: elsewhere\n")
    (parent / "site" / "index.html").write_text("old")
    staging = parent / ".site-building-1-x"
    staging.mkdir()
    (staging / "index.html").write_text("new")
    if subprocess.run(["chattr", "+i", str(parent)], capture_output=True).returncode:
        pytest.skip("this file system cannot make a folder immutable (chattr +i)")
    try:
        with pytest.raises(InputError, match="cannot replace the site folder"):
            swap(staging, parent / "site", "site")
    finally:
        subprocess.run(["chattr", "-i", str(parent)], check=True)
    assert (parent / "site" / ".git").read_text() == "gitdir: elsewhere\n"
    assert (parent / "site" / "index.html").read_text() == "old"
