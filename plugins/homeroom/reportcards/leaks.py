"""What an attacker could work out from the shown cells: exact values and tight bounds.

A hidden cell leaks when linear algebra over the sets that add up solves for it, or when
the ranges the shown and coded cells allow leave it a single possible value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from homeroom.reportcards.equations import Equation
from homeroom.reportcards.model import District
from homeroom.reportcards.published import ABOVE, BELOW, SHOWN, Key

#: Larger than any count of students: the upper bound of a cell nothing limits.
INF = 10**9


def known_bounds(
    raw: Mapping[Key, int | None],
    statuses: Mapping[Key, str],
    equations: Sequence[Equation],
    district: District,
) -> dict[Key, tuple[int, int]]:
    """What an attacker knows of every cell: exact for shown ones, ranges for the rest."""
    bounds: dict[Key, tuple[int, int]] = {}
    for key, status in statuses.items():
        value = raw[key]
        n = raw.get((key[0], key[1], "n"))
        n_shown = key[2] != "n" and statuses.get((key[0], key[1], "n")) == SHOWN
        if status == SHOWN:
            bounds[key] = (value or 0, value or 0)
        elif status == BELOW and n is not None:
            bounds[key] = (0, (district.code_below * n - 1) // 100)
        elif status == ABOVE and n is not None:
            bounds[key] = ((district.code_above * n) // 100 + 1, n)
        else:
            bounds[key] = (0, n if n_shown and n is not None else INF)
    changed = True
    rounds = 0
    while changed and rounds < 100:
        changed, rounds = False, rounds + 1
        for eq in equations:
            total_lo, total_hi = bounds[eq.total]
            lo_sum = sum(bounds[p][0] for p in eq.parts)
            hi_sum = sum(bounds[p][1] for p in eq.parts)
            new_total = (max(total_lo, lo_sum), min(total_hi, hi_sum))
            if new_total != bounds[eq.total]:
                bounds[eq.total], changed = new_total, True
            for p in eq.parts:
                lo, hi = bounds[p]
                new = (
                    max(lo, bounds[eq.total][0] - (hi_sum - hi)),
                    min(hi, bounds[eq.total][1] - (lo_sum - lo)),
                )
                if new != (lo, hi):
                    bounds[p], changed = new, True
    return bounds


def solvable(
    raw: Mapping[Key, int | None],
    statuses: Mapping[Key, str],
    equations: Sequence[Equation],
    district: District,
) -> list[Key]:
    """Hidden cells an attacker could compute exactly from the shown ones.

    Linear algebra: a hidden cell is determined when its unit vector lies in the row space
    of the equations restricted to hidden cells (a row of the reduced row echelon form
    with a single non-zero entry); bounds from the ranges catch the rest (a sum of hidden
    cells that must be 0, a coded cell that leaves one possible value).
    """
    hidden = sorted(k for k, s in statuses.items() if s != SHOWN)
    index = {k: i for i, k in enumerate(hidden)}
    # Sparse integer rows: {column: coefficient}. Fraction-free elimination keeps every
    # coefficient a whole number (each row divided by its gcd), so the test is exact.
    rows: list[dict[int, int]] = []
    for eq in equations:
        row: dict[int, int] = {}
        for key, coef in ((eq.total, 1), *((p, -1) for p in eq.parts)):
            if key in index:
                row[index[key]] = row.get(index[key], 0) + coef
        row = {c: v for c, v in row.items() if v}
        if row:
            rows.append(row)
    found: set[Key] = set()
    reduced: list[dict[int, int]] = []
    for col in range(len(hidden)):
        pivot = next((r for r in rows if r.get(col)), None)
        if pivot is None:
            continue
        rows = [r for r in rows if r is not pivot]
        lead = pivot[col]
        for target in (*rows, *reduced):
            factor = target.get(col)
            if not factor:
                continue
            combined = {c: v * lead for c, v in target.items()}
            for c, v in pivot.items():
                combined[c] = combined.get(c, 0) - factor * v
            combined = {c: v for c, v in combined.items() if v}
            divisor = math.gcd(*combined.values()) if combined else 1
            target.clear()
            target.update({c: v // divisor for c, v in combined.items()})
        reduced.append(pivot)
        rows = [r for r in rows if r]
    for row in reduced:
        if len(row) == 1:
            found.add(hidden[next(iter(row))])
    for key, (lo, hi) in known_bounds(raw, statuses, equations, district).items():
        if statuses[key] != SHOWN and lo >= hi:
            found.add(key)
    return sorted(found)
