"""Read and check the school data files: refuse anything about a single student.

Every problem is one line naming the file, the line, the field and the form expected:
first the form (:mod:`homeroom.reportcards.schema`), then the counts that must add up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from homeroom.data.sources import display_path
from homeroom.data.yamllines import LinedYaml, read_lined_file
from homeroom.model.errors import InputError
from homeroom.reportcards.groupsets import GroupSets
from homeroom.reportcards.loading_parts import (
    accountability_of,
    history_of,
    legacy_rates,
    measure_years,
    subjects_of,
)
from homeroom.reportcards.measures import KNOWN_MEASURES, LEGACY_RATES, MeasureInfo
from homeroom.reportcards.model import District, Row, School, SchoolData
from homeroom.reportcards.schema import DISTRICT_SCHEMA, SCHOOL_SCHEMA, schema_error
from homeroom.reportcards.studentdata import path_text, refuse_student_data, safe_repr

#: File in the schools folder with the district's settings.
DISTRICT_FILE = "_district.yml"

#: What each kind of data file holds, for a file that holds nothing.
_EMPTY = {
    "school": "one school's facts as `key: value` lines (id, name, level, grades, year, "
    "enrolment and assessments); copy another school's file and change its figures",
    "district": "the district's report-card settings as `key: value` lines (district, year "
    "and min_n, the state's minimum group size)",
}


def _require_content(lined: LinedYaml, what: str) -> None:
    """A file with nothing in it (or only comments) is one clear line, not a schema error."""
    if lined.data is None:
        raise InputError(
            lined.display,
            f"this file is empty, so no report card can be made from it. It should hold "
            f"{_EMPTY[what]}.",
        )


def _check_row(lined: LinedYaml, row: Row, path: list[str]) -> None:
    levels = row.levels
    if row.tested is not None and all(v is not None for v in levels):
        total = sum(v for v in levels if v is not None)
        if total != row.tested:
            raise InputError(
                lined.display,
                f"`{path_text(path)}`: the four levels add up to {total}, but `tested` is "
                f"{row.tested}; expected levels that add up to the number tested.",
                line=lined.line_of(path),
            )
    if (
        row.met is not None
        and levels[2] is not None
        and levels[3] is not None
        and row.met != levels[2] + levels[3]
    ):
        raise InputError(
            lined.display,
            f"`{path_text(path)}.met` is {row.met}, but levels 3 and 4 add up to "
            f"{levels[2] + levels[3]}; expected them to agree.",
            line=lined.line_of([*path, "met"]),
        )
    if row.enrolled is not None and row.tested is not None and row.tested > row.enrolled:
        raise InputError(
            lined.display,
            f"`{path_text(path)}` has {row.tested} students tested but only {row.enrolled} "
            "`enrolled`; expected no more tested than the students who should take the test.",
            line=lined.line_of([*path, "enrolled"]),
        )
    for value in (*levels, row.met):
        if value is not None and row.tested is not None and value > row.tested:
            raise InputError(
                lined.display,
                f"`{path_text(path)}` has {value} students at one level but only "
                f"{row.tested} tested; expected no more than the number tested.",
                line=lined.line_of(path),
            )


def _field_lines(lined: LinedYaml) -> dict[str, int]:
    """The line of each top-level field of a valid data file."""
    return {str(key): lined.line_of([str(key)]) or 1 for key in lined.data}


def load_school(path: Path, project_root: Path, group_sets: GroupSets | None = None) -> School:
    """Read and validate one school file."""
    lined = read_lined_file(path, display_path(path, project_root))
    return school_from_yaml(lined, path.name, group_sets)


def school_from_yaml(
    lined: LinedYaml,
    file_name: str,
    group_sets: GroupSets | None = None,
    measure_info: Mapping[str, MeasureInfo] | None = None,
) -> School:
    """Validate one school's parsed file (called ``file_name``): the checks of ``load_school``.

    ``group_sets`` and ``measure_info`` are the district's (the defaults when not given).
    """
    shown = lined.display
    sets = group_sets or GroupSets.with_overrides(None)
    infos = measure_info or KNOWN_MEASURES
    _require_content(lined, "school")
    refuse_student_data(lined)
    schema_error(lined, SCHOOL_SCHEMA)
    data = lined.data
    stem = file_name.removesuffix(".yml")
    if data["id"] != stem:
        raise InputError(
            shown,
            f"`id` is {safe_repr(data['id'])} but the file is called {file_name}; expected the "
            "same short name in both, so each school's page address stays stable.",
            line=lined.line_of(["id"]),
        )
    year = data["year"]
    subjects = subjects_of(lined, data.get("assessments") or {}, ["assessments"], sets, _check_row)
    history = history_of(lined, data, year, sets, _check_row)
    measures = measure_years(lined, data, sets, infos)
    legacy_rates(lined, data, year, measures)
    if data["level"] == "high" and year not in measures.get("graduation", {}):
        raise InputError(
            shown,
            "a high school needs this year's graduation rate: `graduation:` with `cohort:` and "
            f"`graduated:`, or `measures.graduation.{year}`.",
            line=lined.line_of(["level"]),
        )
    teachers = None
    if "teachers" in data:
        teachers = (data["teachers"]["total"], data["teachers"]["experienced"])
        if teachers[1] > teachers[0]:
            raise InputError(
                shown,
                "`teachers.experienced` is more than `teachers.total`; expected a part of the whole.",
                line=lined.line_of(["teachers", "experienced"]),
            )
    return School(
        id=data["id"],
        name=data["name"],
        level=data["level"],
        grades=tuple(data["grades"]),
        year=year,
        enrolment=data["enrolment"],
        subjects=subjects,
        teachers=teachers,
        spending_per_pupil=data.get("spending_per_pupil"),
        display=shown,
        source=data.get("source", ""),
        lines=_field_lines(lined),
        history=history,
        measures=measures,
        accountability=accountability_of(lined, data, sets),
        spending_sources=dict(data.get("spending_sources") or {}),
    )


def load_district(path: Path, project_root: Path) -> District:
    """Read and validate the district settings file."""
    return district_from_yaml(read_lined_file(path, display_path(path, project_root)))


def district_from_yaml(lined: LinedYaml) -> District:
    """Validate the parsed district settings: the checks of ``load_district``."""
    shown = lined.display
    _require_content(lined, "district")
    refuse_student_data(lined)
    data = lined.data
    if isinstance(data, Mapping) and isinstance(data.get("published"), dt.date):
        data = {**data, "published": data["published"].isoformat()}
        lined = LinedYaml(data, lined.root, lined.display)
    schema_error(lined, DISTRICT_SCHEMA)
    published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
    infos = dict(KNOWN_MEASURES)
    for name, info in (data.get("measures") or {}).items():
        infos[name] = MeasureInfo(
            info.get("better", "higher"),
            info.get("high_school_only", False),
            info.get("kind", "share"),
        )
    legacy_keys: dict[str, str] = {key: m for key, (m, _, _) in LEGACY_RATES.items()}

    def results(key: str) -> dict[str, int]:
        given = dict(data.get(key) or {})
        return {legacy_keys.get(str(k), str(k)): int(v) for k, v in given.items()}

    naep = data.get("naep") or {}
    district = District(
        name=data["district"],
        year=data["year"],
        min_n=data["min_n"],
        small_count=data.get("small_count", 2),
        code_below=data.get("code_below", 5),
        code_above=data.get("code_above", 95),
        published=published,
        district_results=results("district_results"),
        state_results=results("state_results"),
        district_spending_per_pupil=data.get("district_spending_per_pupil"),
        state_spending_per_pupil=data.get("state_spending_per_pupil"),
        contact_phone=data.get("contact_phone", ""),
        interpreter_phone=data.get("interpreter_phone", ""),
        state_name=data.get("state_name", ""),
        tested_grades=tuple(str(g) for g in data.get("tested_grades") or ()),
        source=data.get("source", ""),
        display=shown,
        lines=_field_lines(lined),
        group_sets=GroupSets.with_overrides(data.get("group_sets")),
        measure_info=infos,
        naep={k: dict(v) for k, v in (naep.get("results") or {}).items()},
        naep_year=str(naep.get("year", "")),
        accountability_year=str(data.get("accountability_year", "")),
    )
    if district.small_count >= district.min_n:
        raise InputError(
            shown,
            f"`small_count` ({district.small_count}) must be smaller than `min_n` ({district.min_n}).",
            line=lined.line_of(["small_count"]),
        )
    return district


def load_schools(folder: Path, project_root: Path) -> SchoolData:
    """Read ``_district.yml`` and every school file in ``folder`` (sorted by file name)."""
    district_file = folder / DISTRICT_FILE
    if not district_file.is_file():
        raise InputError(
            display_path(district_file, project_root),
            "this file is missing. It holds the state's minimum group size (`min_n:`), "
            "which every report card needs to protect student privacy.",
        )
    district = load_district(district_file, project_root)
    schools = []
    for path in sorted(folder.glob("*.yml")):
        if path.name.startswith("_"):
            continue
        school = school_from_yaml(
            read_lined_file(path, display_path(path, project_root)),
            path.name,
            district.group_sets,
            district.measure_info,
        )
        if school.year != district.year:
            raise InputError(
                school.display,
                f"`year` is {school.year!r} but the district settings are for {district.year!r}; expected the same school year.",
                line=1,
            )
        schools.append(school)
    return SchoolData(district=district, schools=tuple(schools))
