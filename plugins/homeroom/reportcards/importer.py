"""Turn a state's published results file (CSV) into school data files.

A mapping file (YAML, one per state file layout) says which columns hold what, which
cell values mean "hidden by the state", which rows to leave out, and how to find the
header among title rows. Values the state hid stay hidden (``null``): the privacy engine
then also hides whatever would let them be worked out.

Nothing is half-imported: every row is checked first (the same counts and the same
student-data rules as the data loader), every row that cannot be used is reported with its
line, and if there is any, nothing is written. The files written are then checked exactly
as the build reads them, and :mod:`homeroom.reportcards.safewrite` never writes over a
file someone edited.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from homeroom.data.sources import display_path
from homeroom.data.yamllines import read_lined_yaml
from homeroom.model.errors import InputError
from homeroom.reportcards.loading import DISTRICT_FILE, district_from_yaml, school_from_yaml
from homeroom.reportcards.mappingfile import Mapping_, load_mapping
from homeroom.reportcards.model import LEVELS
from homeroom.reportcards.safewrite import Refused, Written, check_out_folder, marked, plan, write
from homeroom.reportcards.statefile import read_rows, read_state_text
from homeroom.reportcards.statetable import (
    GRADE_ORDER,
    Table,
    clean_cell,
    norm,
    read_table,
    row_data,
)

#: Longest file name the importer writes.
MAX_ID = 100


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:MAX_ID].strip("-")


def _grade_key(grade: str) -> tuple[int, str]:
    return (GRADE_ORDER.index(grade) if grade in GRADE_ORDER else len(GRADE_ORDER), grade)


def _sum(values: Sequence[int | None]) -> int | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _files(table: Table, mapping: Mapping_, source_name: str, mapping_name: str) -> dict[str, str]:
    """The text of every file to write (name -> text), the district settings first."""
    settings = mapping.data["district"]
    district = {"year": mapping.data["year"], **settings}
    files = {
        DISTRICT_FILE: marked(
            f"# Settings for report cards imported from {source_name}.\n"
            + yaml.safe_dump(district, sort_keys=False, allow_unicode=True),
            source_name,
        )
    }
    ids: set[str] = set()
    for code, name in sorted(table.names.items(), key=lambda e: (e[1], e[0])):
        school_id = _slug(name) or _slug(code) or "school"
        if school_id in ids:
            school_id = f"{school_id}-{_slug(code)}".strip("-")
        number = 2
        while school_id in ids:
            school_id, number = f"{school_id.rstrip('-0123456789')}-{number}", number + 1
        ids.add(school_id)
        assessments: dict[str, Any] = {}
        grades_seen: set[str] = set()
        for subject, by_grade in table.results[code].items():
            grades = dict(sorted(by_grade.items(), key=lambda g: _grade_key(g[0])))
            grades_seen.update(g for g in grades if g != "all")
            tested = _sum([g["tested"] for g in grades.values()])
            levels = [_sum([g["levels"][i] for g in grades.values()]) for i in range(len(LEVELS))]
            met = _sum([g.get("met", _sum(g["levels"][2:])) for g in grades.values()])
            subject_data: dict[str, Any] = {"groups": {"all": row_data(tested, levels, met)}}
            if len(grades) >= 2:
                subject_data["grades"] = grades
            assessments[subject] = subject_data
        data = {
            "id": school_id,
            "name": name,
            "level": mapping.data.get("level", "other"),
            "grades": sorted(grades_seen, key=_grade_key)
            or [str(g) for g in settings.get("tested_grades", [])],
            "year": mapping.data["year"],
            "enrolment": None,
            "assessments": assessments,
            "source": mapping.data.get("source", ""),
        }
        header = (
            f"# Imported from {source_name} with {mapping_name} (code {code}).\n"
            "# null: hidden by the state.\n"
        )
        files[f"{school_id}.yml"] = marked(
            header
            + yaml.safe_dump(
                data, sort_keys=False, default_flow_style=None, width=100, allow_unicode=True
            ),
            source_name,
        )
    return files


def _check_as_the_build_reads(files: Mapping[str, str], out: Path, project_root: Path) -> None:
    """Every file to write passes the data loader's checks, or nothing is written."""
    problems: list[InputError] = []
    for name, text in files.items():
        shown = display_path(out / name, project_root)
        try:
            lined = read_lined_yaml(text, shown)
            if name == DISTRICT_FILE:
                district_from_yaml(lined)
            else:
                school_from_yaml(lined, name)
        except InputError as exc:
            problems.append(
                InputError(
                    exc.path,
                    f"{exc.message} (in the data this import would write; nothing was written)",
                    line=exc.line,
                )
            )
    if problems:
        raise Refused(problems)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote."""

    files: tuple[Path, ...]
    entities: int
    rows: int
    hidden_by_state: int
    skipped: int
    written: Written
    others: tuple[str, ...]  # school files already in the folder that this import did not write


def _read_bytes(file: Path, shown: str) -> bytes:
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError(
            shown, "this file does not exist; expected the state's results file (CSV)."
        ) from None
    except IsADirectoryError:
        raise InputError(
            shown, "this is a folder, not a file; expected the state's results file (CSV)."
        ) from None
    except OSError as exc:
        raise InputError(shown, f"this file cannot be read ({exc.strerror or exc}).") from None


def import_csv(
    file: Path, mapping_path: Path, out: Path, project_root: Path, *, replace: bool = False
) -> ImportResult:
    """Read the state file with the mapping and write one data file per school (or district).

    Raises :class:`~homeroom.model.errors.InputError` or :class:`Refused` (several lines) when
    anything is wrong; nothing is written then.
    """
    mapping = load_mapping(mapping_path, project_root)
    check_out_folder(out, project_root)
    shown = display_path(file, project_root)
    text = read_state_text(_read_bytes(file, shown), shown)
    find = norm(mapping.data["header"]["find"])
    rows, _ = read_rows(text, shown, lambda cells: find in {norm(clean_cell(c)) for c in cells})
    table = read_table(rows, mapping, shown)
    files = _files(table, mapping, file.name, mapping_path.name)
    _check_as_the_build_reads(files, out, project_root)
    planned = plan(out, files, project_root, replace=replace, inputs=(file, mapping_path))
    written = write(planned, project_root)
    others = tuple(
        sorted(
            p.name
            for p in (out.glob("*.yml") if out.is_dir() else [])
            if p.name not in files and not p.name.startswith("_")
        )
    )
    return ImportResult(
        files=tuple(out / name for name in files),
        entities=len(table.names),
        rows=table.used,
        hidden_by_state=table.hidden,
        skipped=table.skipped,
        written=written,
        others=others,
    )
