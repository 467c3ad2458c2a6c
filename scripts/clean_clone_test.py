#!/usr/bin/env python3
"""Run the README's test command on a fresh clone of this repository, as CI does.

A pass in a working tree can hide a file that was never committed or an install step that
only happened by hand; a fresh clone cannot. Usage: ``python3 scripts/clean_clone_test.py
[make-target]`` (default ``test``). Only committed work is tested.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    target = sys.argv[1] if len(sys.argv) > 1 else "test"
    repo = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="homeroom-clone-") as tmp:
        clone = Path(tmp) / "homeroom"
        subprocess.run(["git", "clone", "--quiet", str(repo), str(clone)], check=True)
        print(f"Running `make {target}` in a fresh clone ...", flush=True)
        return subprocess.run(["make", target], cwd=clone, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
