"""Build the site without ever leaving a half-written ``site/`` behind.

The engine (MkDocs or ProperDocs) builds into a fresh folder next to the site folder; only
a build that succeeds replaces the old site, by two renames. This module runs the engine
as a separate process, so it imports no MkDocs itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from homeroom.errors import InputError
from homeroom.yamlfiles import read_yaml

ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs"}


def site_dir_of(config_file: Path) -> Path:
    """The site folder named in mkdocs.yml (``site`` by default)."""
    data = read_yaml(config_file)
    name = data.get("site_dir", "site") if isinstance(data, dict) else "site"
    return (config_file.resolve().parent / str(name)).resolve()


def build(
    config_file: Path, site_dir: Path | None = None, engine: str = "mkdocs", strict: bool = True
) -> int:
    """Build the site; return the engine's exit code. The old site stays if the build fails."""
    if not config_file.is_file():
        raise InputError(config_file.as_posix(), "this configuration file does not exist.")
    target = (site_dir or site_dir_of(config_file)).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    command = [
        sys.executable,
        "-m",
        ENGINES[engine],
        "build",
        "-f",
        str(config_file),
        "-d",
        str(staging),
    ]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        code = subprocess.run(command, env=env, check=False).returncode
        if code != 0:
            print(
                f"The build failed, so {target.name}/ was left as it was. Fix the problems listed "
                "above and run it again.",
                file=sys.stderr,
            )
            return code
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}-old-{os.getpid()}")
            target.rename(old)
        staging.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return 0
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
