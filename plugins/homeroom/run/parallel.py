"""Spread independent work over the processor's cores, where that is safe and worth it.

Workers are forked, so they start with everything the parent already loaded (checks,
glossaries, dictionaries). Forking is only done when no other thread runs (``mkdocs
serve`` runs a web server thread: there, work stays in one process) and when there is
enough work to pay for starting the workers.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

#: Environment variable with the number of processes (1: never more than one).
JOBS_ENV = "HOMEROOM_JOBS"
#: Below this many items, one process is faster than starting others.
MIN_ITEMS = 32

# What forked workers read: set just before the pool starts (they inherit it).
_TASK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def jobs() -> int:
    """How many processes to use: ``$HOMEROOM_JOBS``, else one per processor core."""
    chosen = os.environ.get(JOBS_ENV, "")
    if chosen.strip().isdigit() and int(chosen) > 0:
        return int(chosen)
    return os.cpu_count() or 1


def can_fork(workers: int, items: int) -> bool:
    """Whether ``items`` pieces of work should go to ``workers`` forked processes."""
    return (
        workers > 1
        and items >= MIN_ITEMS
        and threading.active_count() == 1
        and "fork" in mp.get_all_start_methods()
    )


def _run(indices: list[int]) -> list[tuple[int, Any]]:
    assert _TASK is not None  # noqa: S101 - set before the fork
    func, items = _TASK
    done = []
    for index in indices:
        try:
            done.append((index, func(items[index])))
        except Exception:  # the parent does this item again, and reports what goes wrong
            done.append((index, None))
    return done


def map_forked(func: Callable[[T], Any], items: Sequence[T], workers: int) -> list[Any]:
    """``[func(item) for item in items]`` in ``workers`` forked processes.

    Results must be picklable. An item whose function raised gives None: the caller
    does it again in its own process, where the error is reported as usual.
    """
    global _TASK
    size = max(1, len(items) // (workers * 8))
    batches = [list(range(i, min(i + size, len(items)))) for i in range(0, len(items), size)]
    results: list[Any] = [None] * len(items)
    _TASK = (func, items)
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            for done in pool.imap_unordered(_run, batches):
                for index, value in done:
                    results[index] = value
    finally:
        _TASK = None
    return results
