"""Two kinds of published share outside the sums: rates a state gave alone, and the share tested.

*Rates without a group size.* A state file may give chronic absence by race as a count and
a percentage but no group size. Homeroom cannot check such a rate against the minimum
group size, so it follows the state's own suppression: what the state hid stays hidden,
a count of ``small_count`` students or fewer is hidden too, and a rate under 5% or over
95% is shown only as "fewer than 5%" / "more than 95%". The rate is shown as the state
gave it (rounded) and is in no sum: nothing else is worked out from it.

*The share of students tested* (participation): the number tested is published with the
results, the number who should have been tested never is. The share is shown as "more than
95%" above the state's limit, hidden when only ``small_count`` students or fewer were not
tested (that would point at them) or when its group's results are hidden, and otherwise
shown exactly. In each group set, one hidden share is never left alone: another is hidden
too, so "not tested" counts cannot be subtracted back.
"""

from __future__ import annotations

from collections.abc import Mapping

from homeroom.reportcards.equations import Tables
from homeroom.reportcards.model import District
from homeroom.reportcards.published import ABOVE, BELOW, HIDDEN, SHOWN, Cell, Key

#: key -> (the cell, the rule that hid or coded it, why, the value it hides).
Found = dict[Key, tuple[Cell, str, str, int | None]]


def published_only_cells(tables: Tables, cells: Mapping[Key, Cell], district: District) -> Found:
    """A cell ``(table, row, "rate")`` for each rate a state published without a group size.

    A share met that the state gave beside a number tested goes with that number: hidden
    when the group is hidden.
    """
    found: Found = {}
    for (table, row), value in tables.published_only.items():
        key = (table, row, "rate")
        count = tables.published_counts.get((table, row))
        audit = count if count is not None else (None if value is None else int(value + 0.5))
        n_cell = cells.get((table, row, "n"), Cell(HIDDEN))
        small = None
        if (table, row) in tables.levels_rates and n_cell.shown and value is not None:
            small = _small_share(value, n_cell.value or 0, district)
        if (table, row) in tables.levels_rates and not n_cell.shown:
            found[key] = (Cell(HIDDEN), "privacy.hidden-group", "its group is hidden", audit)
        elif small is not None:
            found[key] = (Cell(HIDDEN), small[0], small[1], audit)
        elif value is None:
            found[key] = (Cell(HIDDEN), "privacy.hidden-at-source", "the state hid this rate", None)
        elif count is not None and count <= district.small_count:
            detail = (
                f"{count} students, {district.small_count} or fewer (a rate without a group size)"
            )
            found[key] = (Cell(HIDDEN), "privacy.small-count", detail, audit)
        elif value < district.code_below:
            detail = f"{value}% is under {district.code_below}%"
            found[key] = (
                Cell(BELOW, None, district.code_below),
                "privacy.bottom-coded",
                detail,
                audit,
            )
        elif value > district.code_above:
            detail = f"{value}% is over {district.code_above}%"
            found[key] = (
                Cell(ABOVE, None, district.code_above),
                "privacy.top-coded",
                detail,
                audit,
            )
        else:
            found[key] = (Cell(SHOWN, int(value + 0.5)), "", "", audit)
    _protect_rate_sets(tables, found)
    return found


def _small_share(value: float, n: int, district: District) -> tuple[str, str] | None:
    """The rule that hides a rate whose group size is shown, if it would point at a few.

    With the number tested beside it, a rate says roughly how many students it counts: a
    rate that means 0 to ``small_count`` students (or all but that many), or that coding
    would still pin to one number, is hidden like such a count.
    """
    k = district.small_count
    if value < district.code_below:
        lo, hi = 0, -(-district.code_below * n // 100) - 1
    elif value > district.code_above:
        lo, hi = district.code_above * n // 100 + 1, n
    else:
        lo = max(0, -(-int((value - 0.5) * n) // 100))
        hi = min(n, int((value + 0.5) * n) // 100)
    if hi <= k:
        return "privacy.small-count", f"{value}% of {n} is {k} students or fewer"
    if lo >= n - k:
        return "privacy.small-complement", f"{value}% of {n} is all but {k} students or fewer"
    return None


def _protect_rate_sets(tables: Tables, found: Found) -> None:
    """In a set of groups, show the state's rates only if every group's rate is shown.

    The rates carry no exact count, but with the numbers tested beside them, all students'
    rate minus the others' would still narrow down a hidden group's (for example: none of
    them met the standard). So one unknown rate hides the rest of its set; all students'
    rate stays.
    """
    for table, sets in tables.sets.items():
        if (table, "all", "rate") not in found and (table, "all", "n") not in tables.raw:
            continue  # no total to subtract from
        members_of = [members for _, members in sets]
        grades = tuple(r for r in tables.rows.get(table, ()) if r.startswith("grade:"))
        if len(grades) >= 2:
            members_of.append(grades)
        for members in members_of:
            keys = [(table, m, "rate") for m in members]
            if not any(k in found for k in keys):
                continue
            if all(k in found and found[k][0].status == SHOWN for k in keys):
                continue
            for key in keys:
                if key in found and found[key][0].status != HIDDEN:
                    audit = found[key][3]
                    detail = "another group's rate in its set is hidden or not given"
                    found[key] = (Cell(HIDDEN), "privacy.complementary", detail, audit)


def participation_cells(tables: Tables, cells: Mapping[Key, Cell], district: District) -> Found:
    """A cell ``(table, row, "part")`` for the share tested, where the data gives it."""
    found: Found = {}
    for (table, row), enrolled in tables.enrolled.items():
        key = (table, row, "part")
        tested = tables.raw.get((table, row, "n"))
        shown = cells.get((table, row, "n"), Cell(HIDDEN)).shown
        if tested is None or not shown or enrolled < district.min_n:
            detail = "its group's results are hidden"
            found[key] = (Cell(HIDDEN), "privacy.hidden-group", detail, tested)
            continue
        missed = enrolled - tested
        if tested * 100 > district.code_above * enrolled:
            detail = f"{tested} of {enrolled} tested is over {district.code_above}%"
            cell = Cell(ABOVE, None, district.code_above)
            found[key] = (cell, "privacy.top-coded", detail, tested)
        elif missed <= district.small_count:
            detail = f"all but {missed} of {enrolled} students were tested"
            found[key] = (Cell(HIDDEN), "privacy.small-complement", detail, tested)
        elif tested * 100 < district.code_below * enrolled:
            detail = f"{tested} of {enrolled} tested is under {district.code_below}%"
            cell = Cell(BELOW, None, district.code_below)
            found[key] = (cell, "privacy.bottom-coded", detail, tested)
        else:
            share = (200 * tested + enrolled) // (2 * enrolled)
            found[key] = (Cell(SHOWN, share), "", "", tested)
    _complement_participation(tables, found)
    return found


def _complement_participation(tables: Tables, found: Found) -> None:
    """In each set that adds up, never leave one share tested unknown on its own."""
    changed = True
    while changed:
        changed = False
        for table, sets in tables.sets.items():
            if (table, "all", "part") not in found:
                continue
            members_of = [members for _, members in sets]
            grades = tuple(r for r in tables.rows.get(table, ()) if r.startswith("grade:"))
            if len(grades) >= 2:
                members_of.append(grades)
            for members in members_of:
                keys = [(table, "all", "part"), *((table, m, "part") for m in members)]
                unknown = [k for k in keys if k not in found or found[k][0].status != SHOWN]
                if len(unknown) != 1:
                    continue
                shown = [k for k in keys if k not in unknown]
                pick = min(shown, key=lambda k: (k[1] == "all", found[k][0].value or 0))
                detail = f"else the share tested of {unknown[0][1]} could be worked out"
                found[pick] = (Cell(HIDDEN), "privacy.complementary", detail, found[pick][3])
                changed = True
