"""Run every bad input of tests/hostile_cases.py and print what Homeroom said, as a table.

    .venv/bin/python scripts/hostile_table.py > /tmp/hostile.md

Each row runs on a fresh small site in a temporary folder (the same as the tests do).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_cases import CASES
from test_hostile_inputs import run_case


def main() -> int:
    print("| input | command | exit | what Homeroom said (first line naming the problem) |")
    print("| --- | --- | --- | --- |")
    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder) / "district"
            root.mkdir()
            done = run_case(case, root)
        lines = [line for line in (done.stdout + done.stderr).splitlines() if case.says in line]
        said = (lines[0] if lines else "(not said)").replace("|", "\\|")
        if len(said) > 220:
            said = said[:217] + "..."
        print(f"| {case.what} | `{' '.join(case.command)}` | {done.returncode} | {said} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
