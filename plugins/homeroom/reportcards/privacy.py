"""The privacy engine: one suppressed dataset per school that hides what must stay hidden.

Every page and every language renders from the :class:`PublishedSchool` this module
returns, and that object holds no count of any hidden cell: a renderer cannot leak what it
never receives. The rules (``../shared/brief.md``, "Student privacy"):

1. aggregates only (refused earlier, in :mod:`homeroom.reportcards.model`);
2. primary suppression: a group smaller than the minimum n is hidden whole;
3. small counts and small complements (0..k students, or all but 0..k) are hidden;
4. top/bottom coding: a share below 5% or above 95% is shown only as "fewer than 5%" /
   "more than 95%";
5. complementary suppression in every set that adds up (the four levels; levels 3 + 4 =
   met; group pairs that add up to all students; grades that add up to all grades),
   repeated to a fixed point, and then proven: no hidden cell can be solved for by
   linear algebra over the shown cells, or pinned by bounds;
6-8. one dataset per school feeds every table, page and language;
9. one marker and footnote (the renderer);
10. an audit log of every hidden value and the rule that hid it (:func:`audit_lines`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from homeroom.model.errors import HomeroomError, InputError
from homeroom.reportcards.model import GROUP_PAIRS, LEVELS, District, Row, School

#: A cell: (table, row, measure). Tables are subjects (``reading``), last year's results
#: (``last:reading``) and rates (``absenteeism``); rows are groups (``all``,
#: ``english_learners``) or grades (``grade:3``); measures are ``n`` (the denominator),
#: ``l1``..``l4``, ``met`` and ``count``.
Key = tuple[str, str, str]

SHOWN, BELOW, ABOVE, HIDDEN = "shown", "below", "above", "hidden"
_INF = 10**9
ROW_MEASURES = ("n", *LEVELS, "met")


class PrivacyError(HomeroomError):
    """Publishing would reveal something about a small group of students."""


@dataclass(frozen=True)
class Cell:
    """What may be published about one cell.

    ``value`` is the number of students for ``n`` cells and a whole percentage for the
    others; ``None`` when hidden. ``limit`` is the percentage of a coded cell (5 or 95).
    """

    status: str
    value: int | None = None
    limit: int | None = None

    @property
    def shown(self) -> bool:
        """Whether an exact value is published."""
        return self.status == SHOWN


@dataclass(frozen=True)
class Equation:
    """``total`` = the sum of ``parts``: a set that adds up."""

    total: Key
    parts: tuple[Key, ...]
    label: str

    @property
    def keys(self) -> tuple[Key, ...]:
        """The total and every part."""
        return (self.total, *self.parts)


@dataclass(frozen=True)
class AuditEntry:
    """One hidden (or coded) value and the rule that hid it. Never published."""

    school: str
    year: str
    cell: str
    value: int | None
    status: str
    rule: str
    detail: str

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "school": self.school,
            "year": self.year,
            "cell": self.cell,
            "value": self.value,
            "status": self.status,
            "rule": self.rule,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class PublishedSchool:
    """The one suppressed dataset of a school: everything any page may show, nothing else."""

    id: str
    name: str
    level: str
    grades: tuple[str, ...]
    year: str
    enrolment: int | None
    teachers: tuple[int, int] | None
    spending_per_pupil: int | None
    display: str
    cells: Mapping[Key, Cell]
    rows: Mapping[str, tuple[str, ...]]
    """Published rows of each table, in order."""
    min_n: int
    audit: tuple[AuditEntry, ...] = field(default_factory=tuple)

    def cell(self, table: str, row: str, measure: str) -> Cell:
        """A published cell (hidden if the school has no such data)."""
        return self.cells.get((table, row, measure), Cell(HIDDEN))

    def has_table(self, table: str) -> bool:
        """Whether the school publishes this table."""
        return table in self.rows

    @property
    def hidden_count(self) -> int:
        """How many cells are hidden or coded."""
        return sum(1 for c in self.cells.values() if not c.shown)


def key_text(key: Key) -> str:
    """``reading/english_learners/l1``."""
    return "/".join(key)


def percent(count: int, total: int) -> int:
    """A whole percentage, rounded half up."""
    return (200 * count + total) // (2 * total)


# -- Building the cell table ------------------------------------------------------------


def _cells_and_equations(
    school: School,
) -> tuple[dict[Key, int | None], list[Equation], dict[str, tuple[str, ...]]]:
    raw: dict[Key, int | None] = {}
    equations: list[Equation] = []
    rows: dict[str, tuple[str, ...]] = {}

    def add_row(table: str, row_id: str, row: Row) -> None:
        for measure, value in row.measures():
            raw[(table, row_id, measure)] = value
        levels = tuple((table, row_id, m) for m in LEVELS)
        equations.append(
            Equation((table, row_id, "n"), levels, "the four levels add up to the number tested")
        )
        equations.append(
            Equation(
                (table, row_id, "met"), levels[2:], "levels 3 and 4 add up to 'met the standard'"
            )
        )
        # Implied by the two above, but named so the first pass sees it: levels 1 and 2
        # and "met" also add up to the number tested.
        equations.append(
            Equation(
                (table, row_id, "n"),
                (levels[0], levels[1], (table, row_id, "met")),
                "levels 1 and 2 and 'met the standard' add up to the number tested",
            )
        )

    for subject, data in school.subjects.items():
        order = [g for g in ("all", *[g for pair in GROUP_PAIRS for g in pair]) if g in data.groups]
        for group in order:
            add_row(subject, group, data.groups[group])
        for a, b in GROUP_PAIRS:
            if a in data.groups and b in data.groups:
                for m in ROW_MEASURES:
                    equations.append(
                        Equation(
                            (subject, "all", m),
                            ((subject, a, m), (subject, b, m)),
                            f"{a} and {b} add up to all students",
                        )
                    )
        grade_rows: list[str] = []
        if len(data.grades) >= 2:
            for grade, row in data.grades.items():
                add_row(subject, f"grade:{grade}", row)
                grade_rows.append(f"grade:{grade}")
            for m in ROW_MEASURES:
                equations.append(
                    Equation(
                        (subject, "all", m),
                        tuple((subject, g, m) for g in grade_rows),
                        "the grades add up to all grades",
                    )
                )
        rows[subject] = (*order, *grade_rows)
    for subject, row in school.last_year.items():
        add_row(f"last:{subject}", "all", row)
        rows[f"last:{subject}"] = ("all",)
    for name, rate in school.rates.items():
        raw[(name, "all", "n")] = rate.denominator
        raw[(name, "all", "count")] = rate.count
        rows[name] = ("all",)
    return raw, equations, rows


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
                candidates.append((is_size, rank, value if value > 0 else _INF - 1, key))
    if not candidates:
        return None
    return min(candidates)[3]


def _bounds(state: _State) -> dict[Key, tuple[int, int]]:
    """What an attacker knows of every cell: exact for shown ones, ranges for the rest."""
    bounds: dict[Key, tuple[int, int]] = {}
    for key, status in state.status.items():
        value = state.raw[key]
        n = state.raw.get((key[0], key[1], "n"))
        n_shown = key[2] != "n" and state.status.get((key[0], key[1], "n")) == SHOWN
        if status == SHOWN:
            bounds[key] = (value or 0, value or 0)
        elif status == BELOW and n is not None:
            bounds[key] = (0, (state.district.code_below * n - 1) // 100)
        elif status == ABOVE and n is not None:
            bounds[key] = ((state.district.code_above * n) // 100 + 1, n)
        else:
            bounds[key] = (0, n if n_shown and n is not None else _INF)
    changed = True
    rounds = 0
    while changed and rounds < 100:
        changed, rounds = False, rounds + 1
        for eq in state.equations:
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


def _solvable(state: _State) -> list[Key]:
    """Hidden cells an attacker could compute exactly from the shown ones.

    Linear algebra: a hidden cell is determined when its unit vector lies in the row space
    of the equations restricted to hidden cells (a row of the reduced row echelon form
    with a single non-zero entry); bounds from the ranges catch the rest (a sum of hidden
    cells that must be 0, a coded cell that leaves one possible value).
    """
    hidden = sorted(k for k, s in state.status.items() if s != SHOWN)
    index = {k: i for i, k in enumerate(hidden)}
    # Sparse integer rows: {column: coefficient}. Fraction-free elimination keeps every
    # coefficient a whole number (each row divided by its gcd), so the test is exact.
    rows: list[dict[int, int]] = []
    for eq in state.equations:
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
    for key, (lo, hi) in _bounds(state).items():
        if state.status[key] != SHOWN and lo >= hi:
            found.add(key)
    return sorted(found)


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
        leaks = _solvable(state)
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


def suppress(school: School, district: District) -> PublishedSchool:
    """The one dataset every page of ``school`` is rendered from, and its audit trail."""
    raw, equations, rows = _cells_and_equations(school)
    state = _State(raw, dict.fromkeys(raw, SHOWN), {}, equations, district)
    _primary(state)
    _complementary(state)
    verify(state)
    cells: dict[Key, Cell] = {}
    for key, status in state.status.items():
        value = raw[key]
        if status == SHOWN and value is not None:
            if key[2] == "n":
                cells[key] = Cell(SHOWN, value)
            else:
                n = raw[(key[0], key[1], "n")]
                if n is None:  # verify() proved a shown share has a shown denominator
                    raise PrivacyError(f"{key_text(key)}: a share of a hidden group")
                cells[key] = Cell(SHOWN, percent(value, n))
        elif status == BELOW:
            cells[key] = Cell(BELOW, None, district.code_below)
        elif status == ABOVE:
            cells[key] = Cell(ABOVE, None, district.code_above)
        else:
            cells[key] = Cell(HIDDEN)
    audit = tuple(
        AuditEntry(school.id, school.year, key_text(k), raw[k], state.status[k], *state.reasons[k])
        for k in sorted(state.reasons)
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
        rows=rows,
        min_n=district.min_n,
        audit=audit,
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
    leaks = _solvable(state)
    if leaks:
        raise PrivacyError(f"{key_text(leaks[0])}: a hidden value could be worked out")


def suppress_all(schools: Sequence[School], district: District) -> tuple[PublishedSchool, ...]:
    """Suppress every school, naming the school file when the gate fails."""
    published = []
    for school in schools:
        try:
            published.append(suppress(school, district))
        except PrivacyError as exc:
            raise PrivacyError(
                f"{school.display}: {exc}. The report card was not published."
            ) from None
    return tuple(published)


def audit_lines(published: Iterable[PublishedSchool]) -> list[str]:
    """The audit log as JSON lines, one per hidden value."""
    return [
        json.dumps(entry.to_dict(), sort_keys=True)
        for school in published
        for entry in school.audit
    ]


def _is_audit_log(path: Path) -> bool:
    """Whether an existing file is an audit log Homeroom wrote (so it may be replaced)."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        return False
    if not first.strip():
        return path.stat().st_size <= 1
    try:
        entry = json.loads(first)
    except ValueError:
        return False
    return isinstance(entry, dict) and {"school", "cell", "rule"} <= set(entry)


def write_audit(published: Iterable[PublishedSchool], folder: Path) -> Path:
    """Write the audit log (never under the site folder) and return its path.

    A file of the same name that is not an audit log is never replaced.
    """
    path = folder / "reportcards.jsonl"
    if path.is_symlink() or (path.exists() and not _is_audit_log(path)):
        raise InputError(
            path.as_posix(),
            "this file is not an audit log Homeroom wrote, so it was not replaced. Move it, "
            "or set `audit_dir:` under homeroom/reportcards to a folder of its own.",
        )
    folder.mkdir(parents=True, exist_ok=True)
    lines = audit_lines(published)
    path.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    return path
