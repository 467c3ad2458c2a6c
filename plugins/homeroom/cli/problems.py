"""How a command ends: its exit codes, and the problems that stopped it, each said once.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a usage,
configuration or input problem.
"""

from __future__ import annotations

from homeroom.model.errors import HomeroomError, InputErrors

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def flatten(problems: list[HomeroomError]) -> list[HomeroomError]:
    """Each problem once, several-in-one errors split into their parts."""
    flat: list[HomeroomError] = []
    seen: set[str] = set()
    for problem in problems:
        for one in problem.errors if isinstance(problem, InputErrors) else [problem]:
            if str(one) not in seen:
                seen.add(str(one))
                flat.append(one)
    return flat
