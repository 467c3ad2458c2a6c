"""Checks of a school file's results, measures and history that need the district's group sets.

Every problem is one line naming the file, the line, the field and the form expected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from homeroom.data.yamllines import LinedYaml
from homeroom.model.errors import InputError
from homeroom.reportcards.groupsets import GroupSets
from homeroom.reportcards.measures import (
    LEGACY_RATES,
    CountRow,
    MeasureInfo,
    MeasureRow,
    MeasureYear,
    previous_year,
)
from homeroom.reportcards.model import Accountability, Row, Subject
from homeroom.reportcards.studentdata import path_text

Path_ = list[str | int]


class _Measured(Protocol):
    def measures(self) -> Iterator[tuple[str, int | None]]: ...


def _error(lined: LinedYaml, path: Path_, message: str) -> InputError:
    return InputError(lined.display, message, line=lined.line_of(path))


def check_groups_known(
    lined: LinedYaml,
    groups: Mapping[str, Any],
    path: Path_,
    sets: GroupSets,
    need_all: bool = True,
) -> None:
    """Every group named must be in one of the district's group sets (or be ``all``).

    ``need_all``: the groups need an all-students row (not so for rates a state gave alone).
    """
    known = sets.groups
    for group in groups:
        if group not in known:
            raise _error(
                lined,
                [*path, group],
                f"`{path_text([*path, group])}` is not a student group Homeroom knows; expected "
                f"one of: {', '.join(known)}. To add a group, list it in a set under "
                "`group_sets:` in _district.yml (the groups of a set add up to all students).",
            )
    if need_all and groups and "all" not in groups:
        raise _error(
            lined,
            path,
            f"`{path_text(path)}` has no `all:` row; expected all students first, then the "
            "groups, so each group can be compared with all students.",
        )


def check_sets_add_up(
    lined: LinedYaml,
    rows: Mapping[str, _Measured],
    path: Path_,
    sets: GroupSets,
) -> None:
    """In each group set, the groups add up to all students (or to less, when some are missing)."""
    total = rows.get("all")
    if total is None:
        return
    for name, members in sets.present(list(rows)):
        given = [m for m in members if m in rows]
        complete = len(given) == len(members)
        for index, (measure, value) in enumerate(total.measures()):
            parts = [list(rows[m].measures())[index][1] for m in given]
            if value is None or any(v is None for v in parts):
                continue
            found = sum(v for v in parts if v is not None)
            if (complete and found != value) or found > value:
                names = " + ".join(given)
                want = "add up to" if complete else "add up to no more than"
                raise _error(
                    lined,
                    [*path, given[0]],
                    f"`{path_text(path)}`: {names} add up to {found} for `{measure}`, but all "
                    f"students have {value}; expected the groups of `{name}` to {want} all "
                    "students.",
                )


def check_grades_add_up(
    lined: LinedYaml, grades: Mapping[str, _Measured], total: _Measured | None, path: Path_
) -> None:
    """The grades add up to all students."""
    if total is None or len(grades) < 2:
        return
    for index, (measure, value) in enumerate(total.measures()):
        parts = [list(row.measures())[index][1] for row in grades.values()]
        if value is None or any(v is None for v in parts):
            continue
        found = sum(v for v in parts if v is not None)
        if found != value:
            raise _error(
                lined,
                path,
                f"`{path_text(path)}`: the grades add up to {found} for `{measure}`, but all "
                f"students have {value}; expected the grades to add up to all students.",
            )


def measure_row(
    lined: LinedYaml, data: Mapping[str, Any], path: Path_, kind: str = "share"
) -> MeasureRow:
    """One measure row, checked: a count out of students, or a percentage the state gave.

    A measure of kind ``count`` has only ``count:``.
    """
    students, count, percent = data.get("students"), data.get("count"), data.get("percent")
    if kind == "count":
        extra = sorted(set(data) - {"count"})
        if extra or "count" not in data:
            raise _error(
                lined,
                path,
                f"`{path_text(path)}` is a number of students, not a share; expected only "
                "`count:`, such as {count: 4} (~ if the state hid it)"
                + (f", not `{extra[0]}:`." if extra else "."),
            )
        return MeasureRow(None, count)
    if "students" not in data and "percent" not in data:
        raise _error(
            lined,
            path,
            f"`{path_text(path)}` has neither `students:` nor `percent:`; expected `students:` "
            "and `count:` (such as {students: 120, count: 14}), or `percent:` when the state "
            "published only a percentage.",
        )
    if "students" in data and "count" not in data:
        raise _error(
            lined,
            path,
            f"`{path_text(path)}` has `students:` but no `count:`; expected both, such as "
            "{students: 120, count: 14} (~ for a number the state hid).",
        )
    if students is not None and count is not None and count > students:
        raise _error(
            lined,
            [*path, "count"],
            f"`{path_text([*path, 'count'])}` is {count}, more than `students` ({students}); "
            "expected a part of the whole.",
        )
    if "students" in data and "percent" in data:
        raise _error(
            lined,
            [*path, "percent"],
            f"`{path_text([*path, 'percent'])}` is given with `students:`; expected one of "
            "them: Homeroom works out the percentage from `students:` and `count:` itself.",
        )
    given = None if percent is None else float(percent)
    return MeasureRow(students, count, given, state_rate="percent" in data)


def measure_years(
    lined: LinedYaml,
    data: Mapping[str, Any],
    sets: GroupSets,
    infos: Mapping[str, MeasureInfo],
) -> dict[str, dict[str, MeasureYear]]:
    """``measures:`` of a school file, checked (legacy rates are added by :func:`legacy_rates`)."""
    found: dict[str, dict[str, MeasureYear]] = {}
    for name, years in (data.get("measures") or {}).items():
        if name not in infos:
            raise _error(
                lined,
                ["measures", name],
                f"`measures.{name}` is not a measure Homeroom knows; expected one of: "
                f"{', '.join(infos)}. To add one, list it under `measures:` in _district.yml "
                f"and give its words as `measures.{name}` in each strings file.",
            )
        if infos[name].high_school_only and data.get("level") in ("elementary", "middle"):
            raise _error(
                lined,
                ["measures", name],
                f"`measures.{name}` is reported only for high schools, but this school's "
                f"`level` is {data['level']}; expected it only in a high school's file (or "
                "`level: high`, or `other` for a district).",
            )
        for year, table in years.items():
            path: Path_ = ["measures", name, year]
            groups_data = table.get("groups") or {}
            kind = infos[name].kind
            groups = {
                g: measure_row(lined, r, [*path, "groups", g], kind) for g, r in groups_data.items()
            }
            counted_rows = any(not r.published_only for r in groups.values())
            check_groups_known(lined, groups_data, [*path, "groups"], sets, counted_rows)
            grades = {
                str(g): measure_row(lined, r, [*path, "grades", str(g)], kind)
                for g, r in (table.get("grades") or {}).items()
            }
            counted: Mapping[str, _Measured] = {
                g: r for g, r in groups.items() if not r.published_only
            }
            if kind == "count":
                counted = {g: CountRow(r.count) for g, r in groups.items()}
            check_sets_add_up(lined, counted, [*path, "groups"], sets)
            counted_grades: Mapping[str, _Measured] = {
                g: r for g, r in grades.items() if not r.published_only
            }
            if kind == "count":
                counted_grades = {g: CountRow(r.count) for g, r in grades.items()}
            if len(counted_grades) == len(grades):
                check_grades_add_up(lined, counted_grades, counted.get("all"), [*path, "grades"])
            found.setdefault(name, {})[str(year)] = MeasureYear(groups, grades)
    return found


def legacy_rates(
    lined: LinedYaml, data: Mapping[str, Any], year: str, found: dict[str, dict[str, MeasureYear]]
) -> None:
    """``absenteeism:``, ``graduation:`` and ``english_learners_progress:`` as this year's measures."""
    for key, (measure, students_key, count_key) in LEGACY_RATES.items():
        if key not in data:
            continue
        if year in found.get(measure, {}):
            raise _error(
                lined,
                [key],
                f"`{key}` repeats `measures.{measure}.{year}`; expected one of the two.",
            )
        students, count = data[key][students_key], data[key][count_key]
        if students is not None and count is not None and count > students:
            raise _error(
                lined,
                [key, count_key],
                f"`{key}.{count_key}` is {count}, more than `{key}.{students_key}` "
                f"({students}); expected a part of the whole.",
            )
        row = MeasureRow(students, count)
        found.setdefault(measure, {})[year] = MeasureYear({"all": row}, {})


def subjects_of(
    lined: LinedYaml,
    data: Mapping[str, Any],
    path: Path_,
    sets: GroupSets,
    check_row: Callable[[LinedYaml, Row, list[str]], None],
) -> dict[str, Subject]:
    """Reading, math and science results (of ``assessments:`` or of one year of ``history:``)."""
    subjects: dict[str, Subject] = {}
    for name, subject in data.items():
        here = [*path, name]
        check_groups_known(lined, subject["groups"], [*here, "groups"], sets)
        groups = {g: Row.from_data(r) for g, r in subject["groups"].items()}
        grades = {str(g): Row.from_data(r) for g, r in (subject.get("grades") or {}).items()}
        for group, row in groups.items():
            check_row(lined, row, [*map(str, here), "groups", group])
        for grade, row in grades.items():
            check_row(lined, row, [*map(str, here), "grades", grade])
        check_sets_add_up(lined, groups, [*here, "groups"], sets)
        check_grades_add_up(lined, grades, groups.get("all"), [*here, "grades"])
        subjects[name] = Subject(groups=groups, grades=grades)
    return subjects


def history_of(
    lined: LinedYaml,
    data: Mapping[str, Any],
    year: str,
    sets: GroupSets,
    check_row: Callable[[LinedYaml, Row, list[str]], None],
) -> dict[str, dict[str, Subject]]:
    """Earlier years' results: ``history:`` and ``last_year:`` (last year, all students)."""
    history: dict[str, dict[str, Subject]] = {}
    for past, subjects in (data.get("history") or {}).items():
        if str(past) >= year:
            raise _error(
                lined,
                ["history", past],
                f"`history.{past}` is not before this report card's year ({year}); expected "
                "earlier school years only (this year's results go under `assessments:`).",
            )
        history[str(past)] = subjects_of(lined, subjects, ["history", past], sets, check_row)
    last = previous_year(year)
    for subject, row_data in (data.get("last_year") or {}).items():
        if subject in history.get(last, {}):
            raise _error(
                lined,
                ["last_year", subject],
                f"`last_year.{subject}` repeats `history.{last}.{subject}`; expected one of them.",
            )
        row = Row.from_data(row_data)
        check_row(lined, row, ["last_year", subject])
        history.setdefault(last, {})[subject] = Subject(groups={"all": row}, grades={})
    return history


def accountability_of(
    lined: LinedYaml, data: Mapping[str, Any], sets: GroupSets
) -> Accountability | None:
    """The school's ESSA designation, its groups checked against the district's."""
    given = data.get("accountability")
    if given is None:
        return None
    groups = tuple(given.get("groups") or ())
    for index, group in enumerate(groups):
        if group not in sets.groups:
            raise _error(
                lined,
                ["accountability", "groups", index],
                f"`accountability.groups[{index}]` ({group}) is not a student group Homeroom "
                f"knows; expected one of: {', '.join(sets.groups[1:])}.",
            )
    if given["status"] in ("tsi", "atsi") and not groups:
        raise _error(
            lined,
            ["accountability", "status"],
            f"`accountability.status` is {given['status']} but no `groups:` are named; expected "
            "the groups of students the state found need support, such as [disability].",
        )
    return Accountability(given["status"], groups, given.get("reason", ""))


def seq(values: Sequence[str]) -> tuple[str, ...]:
    """A tuple of text values."""
    return tuple(str(v) for v in values)
