"""Build the site without ever leaving a half-written ``site/`` behind, or touching others' files.

The engine (MkDocs or ProperDocs) builds into a fresh, marked folder next to the site
folder; only a build that succeeds replaces the old site, by two renames, and only when
the old site is one Homeroom made (see :mod:`homeroom.run.output`). The engine runs as a
separate process in a process group of its own, so stopping the build (Ctrl-C, SIGTERM)
stops it too and removes the temporary folder; a folder left by a run that was killed
outright is removed by the next run. This module imports no MkDocs itself.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from homeroom import __version__
from homeroom.data.sources import display_path
from homeroom.data.yamlfiles import read_yaml
from homeroom.model.errors import InputError
from homeroom.run.output import (
    SITE_MARK,
    STAGING_MARK,
    check_output,
    pid_alive,
    read_mark,
    write_mark,
)
from homeroom.run.split import PART_ENV, PART_MARK

ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs"}
#: The file (inside the temporary folder) where the plugins count what they found.
REPORT_ENV = "HOMEROOM_BUILD_REPORT"
REPORT_FILE = ".homeroom-report.json"
#: Temporary folders: ``.site-building-<pid>-<random>`` and ``.site-old-<pid>``.
_LEFTOVER = re.compile(r"\.(?P<site>.+)-(?:building-(?P<pid>\d+)-\w+|old-(?P<oldpid>\d+))")


class Stopped(Exception):
    """The build was asked to stop (SIGINT or SIGTERM)."""

    def __init__(self, signum: int) -> None:
        """Remember which signal stopped the build."""
        super().__init__(signum)
        self.signum = signum


def _folders(config_file: Path) -> tuple[Path, Path, Path]:
    """(project root, content folder, site folder) as mkdocs.yml names them."""
    data = read_yaml(config_file)
    data = data if isinstance(data, dict) else {}
    root = config_file.resolve().parent
    return (
        root,
        (root / str(data.get("docs_dir", "docs"))).resolve(),
        (root / str(data.get("site_dir", "site"))).resolve(),
    )


def site_dir_of(config_file: Path) -> Path:
    """The site folder named in mkdocs.yml (``site`` by default)."""
    return _folders(config_file)[2]


def _remove_leftovers(target: Path) -> None:
    """Remove temporary folders of earlier builds of ``target`` whose process is gone.

    Only folders that carry Homeroom's mark with a process id that no longer runs: a
    build running at the same time keeps its folder.
    """
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        match = _LEFTOVER.fullmatch(entry.name)
        if match is None or match.group("site") != target.name:
            continue
        if entry.is_symlink() or not entry.is_dir():
            continue
        ours = read_mark(entry, STAGING_MARK) or read_mark(entry, SITE_MARK)
        pid = int(match.group("pid") or match.group("oldpid"))
        if ours is not None and not pid_alive(pid):
            shutil.rmtree(entry, ignore_errors=True)


@contextmanager
def _stoppable() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`Stopped` while the build runs."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Stopped(signum)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _stop_engine(process: subprocess.Popen[bytes]) -> None:
    """Stop the engine and everything it started; wait for them to end."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def _counts(staging: Path) -> dict[str, int]:
    try:
        data = json.loads((staging / REPORT_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return (
        {k: int(v) for k, v in data.items() if isinstance(v, int)} if isinstance(data, dict) else {}
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _found(counts: dict[str, int]) -> str:
    said = f"Homeroom found {_plural(counts.get('error', 0), 'error')} and " + _plural(
        counts.get("warning", 0), "warning"
    )
    if counts.get("input", 0):
        said += f", and {_plural(counts['input'], 'file')} it could not read"
    return said


def staging_folder(target: Path, shown: str) -> Path:
    """A fresh temporary folder next to the site folder ``target``, leftovers removed first."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(target)
        return Path(
            tempfile.mkdtemp(prefix=f".{target.name}-building-{os.getpid()}-", dir=target.parent)
        )
    except OSError as exc:
        raise InputError(shown, f"cannot write next to the site folder ({exc.strerror}).") from None


def build(
    config_file: Path,
    site_dir: Path | None = None,
    engine: str = "mkdocs",
    strict: bool = False,
    languages: str | None = None,
) -> int:
    """Build the site; return 0, 1 (findings or an engine failure) or 2 (input problems).

    The old site stays whenever the build fails or is stopped. With ``strict``, the
    engine's own warnings (a broken link, say) fail the build too. With ``languages``
    (``es`` or ``es,vi``), only those languages are built and checked: a part of the site,
    for ``homeroom merge`` (see :mod:`homeroom.run.split`).
    """
    if not config_file.is_file():
        raise InputError(config_file.as_posix(), "this configuration file does not exist.")
    from homeroom.data.settings import load_settings

    settings = load_settings(config_file)  # the options, as `homeroom check` validates them
    part: dict[str, object] | None = None
    chosen: tuple[str, ...] = ()
    if languages is not None:
        from homeroom.run import split

        site = split.site_languages(config_file)
        where = f"{display_path(config_file, Path.cwd())}: --language"
        if len(site.codes) < 2:
            raise InputError(where, "this site builds one language: there is nothing to split.")
        if not settings.enabled("translations"):
            raise InputError(
                where,
                "a site is built in parts by homeroom/translations: add it to the plugins "
                "in mkdocs.yml.",
            )
        chosen = split.part_languages(languages, site.codes, where)
        inputs = split.inputs_digest(config_file, settings.docs_dir, settings.custom_dir)
        part = split.part_record(chosen, site, inputs)
    root, docs, named = _folders(config_file)
    target = site_dir.resolve() if site_dir is not None else named
    shown = display_path(target, Path.cwd())
    where = display_path(config_file, Path.cwd()) if site_dir is None else f"-d {site_dir}"
    check_output(target, root, docs, where)
    staging = staging_folder(target, shown)
    write_mark(staging, STAGING_MARK, pid=os.getpid())
    command = [sys.executable, "-m", ENGINES[engine], "build", "-f", str(config_file)]
    command += ["-d", str(staging)] + (["--strict"] if strict else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", REPORT_ENV: str(staging / REPORT_FILE)}
    env.pop(PART_ENV, None)
    if part is not None:
        env[PART_ENV] = ",".join(chosen)
    process: subprocess.Popen[bytes] | None = None
    try:
        with _stoppable():
            try:
                process = subprocess.Popen(command, env=env, start_new_session=True)
                code = process.wait()
            except Stopped as stopped:
                if process is not None:
                    _stop_engine(process)
                print(f"\nThe build was stopped, so {shown}/ was left as it was.", file=sys.stderr)
                return 128 + stopped.signum
        counts = _counts(staging)
        if code != 0:
            print(
                f"The build failed: {_found(counts)}. {shown}/ was left as it was. Fix the "
                "problems listed above and run it again.",
                file=sys.stderr,
            )
            return 2 if counts.get("input", 0) else code
        (staging / REPORT_FILE).unlink(missing_ok=True)
        (staging / STAGING_MARK).unlink(missing_ok=True)
        write_mark(staging, SITE_MARK, version=__version__)
        if part is not None:
            (staging / PART_MARK).write_text(json.dumps(part) + "\n", "utf-8")
        swap(staging, target, shown)
        what = f" (a part: {', '.join(chosen)})" if chosen else ""
        print(f"Built {shown}/{what}: {_found(counts)}.", file=sys.stderr)
        return 0
    finally:
        if process is not None and process.poll() is None:
            _stop_engine(process)
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def swap(staging: Path, target: Path, shown: str) -> None:
    """Put the new site in place of the old by two renames; on failure keep the old.

    Hidden files in the old site are carried into the new one; if the swap fails they
    are carried back before the temporary folder is removed, so none is ever lost.
    """
    old = None
    carried: list[str] = []
    try:
        if target.exists():
            # Hidden files in the site folder are not the build's (a `.git` of a publishing
            # branch, say): MkDocs keeps them, and so does Homeroom.
            for entry in target.iterdir():
                ours = entry.name in (SITE_MARK, STAGING_MARK)
                if entry.name.startswith(".") and not ours and not (staging / entry.name).exists():
                    entry.rename(staging / entry.name)
                    carried.append(entry.name)
            old = target.with_name(f".{target.name}-old-{os.getpid()}")
            target.rename(old)
        staging.rename(target)
    except OSError as exc:
        if old is not None and old.exists() and not target.exists():
            old.rename(target)
        for name in carried:  # back where they were, before the temporary folder goes
            if (staging / name).exists() and not (target / name).exists():
                (staging / name).rename(target / name)
        raise InputError(
            shown,
            f"cannot replace the site folder ({exc.strerror}); the old site was left as it was. "
            "Check that the folder and the one holding it can be written.",
        ) from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
