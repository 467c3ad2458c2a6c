"""The privacy engine: one suppressed dataset per school that hides what must stay hidden.

Every page and every language renders from the
:class:`~homeroom.reportcards.published.PublishedSchool` this module returns, and that
object holds no count of any hidden cell: a renderer cannot leak what it never receives. The rules (``../shared/brief.md``, "Student privacy"):

1. aggregates only (refused earlier, in :mod:`homeroom.reportcards.model`);
2. primary suppression: a group smaller than the minimum n is hidden whole;
3. small counts and small complements (0..k students, or all but 0..k) are hidden;
4. top/bottom coding: a share below 5% or above 95% is shown only as "fewer than 5%" /
   "more than 95%";
5. complementary suppression in every set that adds up (the four levels; levels 3 + 4 =
   met; every group set, such as the race and ethnicity groups, that adds up to all
   students; grades that add up to all grades), each table (a subject or a measure in one
   school year) on its own,
   repeated to a fixed point, and then proven: no hidden cell can be solved for by
   linear algebra over the shown cells, or pinned by bounds;
6-8. one dataset per school feeds every table, page and language;
9. one marker and footnote (the renderer);
10. an audit log of every hidden value and the rule that hid it
    (:mod:`homeroom.reportcards.audit`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from homeroom.model.errors import HomeroomError
from homeroom.reportcards.equations import Equation, Tables, cells_and_equations
from homeroom.reportcards.leaks import INF, solvable
from homeroom.reportcards.model import LEVELS, District, School
from homeroom.reportcards.privacy_extra import participation_cells, published_only_cells
from homeroom.reportcards.published import (
    ABOVE,
    BELOW,
    HIDDEN,
    SHOWN,
    AuditEntry,
    Cell,
    Key,
    PublishedSchool,
    key_text,
    percent,
)


class PrivacyError(HomeroomError):
    """Publishing would reveal something about a small group of students."""


# -- The suppression itself -------------------------------------------------------------


@dataclass
class _State:
    raw: dict[Key, int | None]
    status: dict[Key, str]
    reasons: dict[Key, tuple[str, str]]
    equations: list[Equation]
    district: District

    def protect(self, key: Key, rule: str, detail: str, status: str = HIDDEN) -> bool:
        if self.status[key] != SHOWN:
            return False
        self.status[key] = status
        self.reasons[key] = (rule, detail)
        return True


def _primary(state: _State) -> None:
    """Rules 2-4: small groups, small counts and complements, top and bottom coding."""
    d = state.district
    for key, value in state.raw.items():
        table, row, measure = key
        if value is None:
            state.protect(key, "privacy.hidden-at-source", "the state did not publish this value")
            continue
        if measure == "n":
            if value < d.min_n:
                state.protect(
                    key, "privacy.min-n", f"the group has {value} students, fewer than {d.min_n}"
                )
            continue
        n = state.raw.get((table, row, "n"))
        if n is None or n < d.min_n:
            continue  # the whole row goes with its denominator (below)
        if value <= d.small_count:
            state.protect(
                key, "privacy.small-count", f"{value} of {n} students, {d.small_count} or fewer"
            )
        elif value >= n - d.small_count:
            state.protect(key, "privacy.small-complement", f"all but {n - value} of {n} students")
        elif value * 100 < d.code_below * n:
            state.protect(
                key, "privacy.bottom-coded", f"{value} of {n} is under {d.code_below}%", BELOW
            )
        elif value * 100 > d.code_above * n:
            state.protect(
                key, "privacy.top-coded", f"{value} of {n} is over {d.code_above}%", ABOVE
            )


def _hide_rows_of_hidden_denominators(state: _State) -> bool:
    """A share of a hidden group would hint at its size: hide the whole row."""
    changed = False
    for key, status in list(state.status.items()):
        table, row, measure = key
        if measure == "n" and status != SHOWN:
            for other in (*LEVELS, "met", "count"):
                k = (table, row, other)
                if k in state.status:
                    if state.status[k] in (BELOW, ABOVE):
                        # Coded, but now its group is hidden: hide it completely.
                        state.status[k] = HIDDEN
                        state.reasons[k] = (
                            "privacy.hidden-group",
                            f"its group ({table}/{row}) is hidden",
                        )
                        changed = True
                    elif state.protect(
                        k, "privacy.hidden-group", f"its group ({table}/{row}) is hidden"
                    ):
                        changed = True
    return changed


def _pick_complement(state: _State, equations: Iterable[Equation]) -> Key | None:
    """The shown cell to hide next: the smallest, preferring shares to group sizes."""
    candidates: list[tuple[int, int, int, Key]] = []
    for eq in equations:
        for rank, key in ((0 if k != eq.total else 1, k) for k in eq.keys):
            if state.status[key] == SHOWN:
                value = state.raw[key] or 0
                is_size = 1 if key[2] == "n" else 0
                candidates.append((is_size, rank, value if value > 0 else INF - 1, key))
    if not candidates:
        return None
    return min(candidates)[3]


def _complementary(state: _State) -> None:
    """Rule 5, to a fixed point: no set that adds up hides just one cell.

    Then proven: no hidden cell can be solved for or pinned; if one can, hide one more
    related cell and repeat.
    """
    while True:
        changed = _hide_rows_of_hidden_denominators(state)
        for eq in state.equations:
            protected = [k for k in eq.keys if state.status[k] != SHOWN]
            if len(protected) == 1:
                pick = _pick_complement(state, [eq])
                if pick is not None:
                    state.protect(
                        pick,
                        "privacy.complementary",
                        f"else {key_text(protected[0])} could be worked out ({eq.label})",
                    )
                    changed = True
        if changed:
            continue
        leaks = solvable(state.raw, state.status, state.equations, state.district)
        if not leaks:
            return
        leak = leaks[0]
        pick = _pick_complement(state, _connected(state, leak))
        if pick is None:
            raise PrivacyError(
                f"cannot protect {key_text(leak)}: every related value is already hidden"
            )
        state.protect(
            pick,
            "privacy.complementary",
            f"else {key_text(leak)} could be worked out from several sets that add up",
        )


def _connected(state: _State, leak: Key) -> list[Equation]:
    """Equations that contain ``leak``, widened through hidden cells.

    Widening stops as soon as one of them has a shown cell left to hide.
    """
    seen: set[Key] = {leak}
    while True:
        equations = [eq for eq in state.equations if seen & set(eq.keys)]
        if any(state.status[k] == SHOWN for eq in equations for k in eq.keys):
            return equations
        wider = {k for eq in equations for k in eq.keys if state.status[k] != SHOWN}
        if wider <= seen:
            return []
        seen |= wider


def _components(tables: Tables) -> list[tuple[list[Key], list[Equation]]]:
    """Cells that sets (or a shared row) tie together, each with its equations.

    Tables share no sum, so each is suppressed and proven on its own: far faster than one
    system for a school with many groups, grades, measures and years.
    """
    parent: dict[Key, Key] = {k: k for k in tables.raw}

    def find(key: Key) -> Key:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: Key, b: Key) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    for key in tables.raw:
        union(key, (key[0], key[1], "n") if (key[0], key[1], "n") in parent else key)
    for eq in tables.equations:
        for key in eq.parts:
            union(eq.total, key)
    groups: dict[Key, list[Key]] = {}
    for key in tables.raw:
        groups.setdefault(find(key), []).append(key)
    by_root: dict[Key, list[Equation]] = {}
    for eq in tables.equations:
        by_root.setdefault(find(eq.total), []).append(eq)
    return [(keys, by_root.get(root, [])) for root, keys in groups.items()]


def suppress(school: School, district: District, *, one_school: bool = False) -> PublishedSchool:
    """The one dataset every page of ``school`` is rendered from, and its audit trail.

    ``one_school``: the district has this school only, so the district's figures are the
    school's and are never shown beside it (they would show what the school hides).
    """
    tables = cells_and_equations(school, district.group_sets, district.measure_info)
    raw = tables.raw
    status: dict[Key, str] = dict.fromkeys(raw, SHOWN)
    reasons: dict[Key, tuple[str, str]] = {}
    for keys, equations in _components(tables):
        state = _State(
            {k: raw[k] for k in keys},
            {k: SHOWN for k in keys},
            {},
            equations,
            district,
        )
        _primary(state)
        _complementary(state)
        verify(state)
        status.update(state.status)
        reasons.update(state.reasons)
    cells: dict[Key, Cell] = {}
    for key, st in status.items():
        value = raw[key]
        if st == SHOWN and value is not None:
            if key[2] == "n":
                cells[key] = Cell(SHOWN, value)
            else:
                n = raw[(key[0], key[1], "n")]
                if n is None:  # verify() proved a shown share has a shown denominator
                    raise PrivacyError(f"{key_text(key)}: a share of a hidden group")
                cells[key] = Cell(SHOWN, percent(value, n))
        elif st == BELOW:
            cells[key] = Cell(BELOW, None, district.code_below)
        elif st == ABOVE:
            cells[key] = Cell(ABOVE, None, district.code_above)
        else:
            cells[key] = Cell(HIDDEN)
    extra = published_only_cells(tables, cells, district)
    extra.update(participation_cells(tables, cells, district))
    values: dict[Key, int | None] = dict(raw)
    for key, (cell, rule, detail, value) in extra.items():
        cells[key] = cell
        if rule:
            reasons[key] = (rule, detail)
            status[key] = cell.status
            values[key] = value
    audit = tuple(
        AuditEntry(school.id, school.year, key_text(k), values.get(k), status[k], *reasons[k])
        for k in sorted(reasons)
    )
    return PublishedSchool(
        id=school.id,
        name=school.name,
        level=school.level,
        grades=school.grades,
        year=school.year,
        enrolment=school.enrolment,
        teachers=school.teachers,
        spending_per_pupil=school.spending_per_pupil,
        display=school.display,
        cells=cells,
        rows=tables.rows,
        min_n=district.min_n,
        audit=audit,
        lines=school.lines,
        sets=tables.sets,
        derived=frozenset(tables.derived),
        years=tuple(sorted({school.year, *school.history}, reverse=True)),
        measure_years={m: tuple(sorted(y, reverse=True)) for m, y in school.measures.items()},
        accountability=school.accountability,
        spending_sources=school.spending_sources,
        one_school=one_school,
    )


def verify(state: _State) -> None:
    """The gate: stop the build if anything shown breaks a rule."""
    d = state.district
    for key, status in state.status.items():
        if status != SHOWN:
            continue
        value, n = state.raw[key], state.raw.get((key[0], key[1], "n"))
        if key[2] == "n":
            if value is None or value < d.min_n:
                raise PrivacyError(
                    f"{key_text(key)}: a group of fewer than {d.min_n} students would be shown"
                )
            continue
        if value is None or n is None or state.status[(key[0], key[1], "n")] != SHOWN:
            raise PrivacyError(f"{key_text(key)}: a share of a hidden group would be shown")
        if value <= d.small_count or value >= n - d.small_count:
            raise PrivacyError(f"{key_text(key)}: a small count would be shown")
        if not d.code_below <= percent(value, n) <= d.code_above:
            raise PrivacyError(f"{key_text(key)}: a share near 0% or 100% would be shown")
    for eq in state.equations:
        if sum(1 for k in eq.keys if state.status[k] != SHOWN) == 1:
            raise PrivacyError(
                f"{key_text(eq.total)}: one hidden value in a set that adds up ({eq.label})"
            )
    leaks = solvable(state.raw, state.status, state.equations, state.district)
    if leaks:
        raise PrivacyError(f"{key_text(leaks[0])}: a hidden value could be worked out")


def suppress_all(schools: Sequence[School], district: District) -> tuple[PublishedSchool, ...]:
    """Suppress every school, naming the school file when the gate fails."""
    published = []
    for school in schools:
        try:
            published.append(suppress(school, district, one_school=len(schools) == 1))
        except PrivacyError as exc:
            raise PrivacyError(
                f"{school.display}: {exc}. The report card was not published."
            ) from None
    return tuple(published)
