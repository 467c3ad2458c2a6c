"""Write the school data files of a general mapping, merged with earlier imports.

Importing several years (one file each) or several files (chronic absence, then test
results) into the same folder adds to what earlier imports wrote: each school is found
again by its ``state_code``, its measures keep their other years, and results of an
earlier year move to ``history:``. Files someone edited are never written over without
``--replace`` (:mod:`homeroom.reportcards.safewrite`).
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from homeroom.data.sources import display_path
from homeroom.data.yamllines import read_lined_yaml
from homeroom.model.errors import InputError
from homeroom.reportcards.gather import Gathered, gather
from homeroom.reportcards.loading import DISTRICT_FILE, district_from_yaml, school_from_yaml
from homeroom.reportcards.mappingfile import Mapping_
from homeroom.reportcards.safewrite import Refused, marked, plan, write
from homeroom.reportcards.statetable import GRADE_ORDER


def _grade_key(grade: str) -> tuple[int, str]:
    return (GRADE_ORDER.index(grade) if grade in GRADE_ORDER else len(GRADE_ORDER), grade)


def _existing(out: Path) -> tuple[dict[str, tuple[str, dict[str, Any]]], dict[str, Any]]:
    """Imported school files already in ``out`` (by state code), and its district settings."""
    by_code: dict[str, tuple[str, dict[str, Any]]] = {}
    district: dict[str, Any] = {}
    if not out.is_dir():
        return by_code, district
    for path in sorted(out.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # not ours to read; the write plan refuses to touch it
        if not isinstance(data, dict):
            continue
        if path.name == DISTRICT_FILE:
            district = data
        elif isinstance(data.get("state_code"), str):
            by_code[data["state_code"]] = (path.name, data)
    return by_code, district


#: Longest file name the importer writes.
MAX_ID = 100


def _slug(text: str) -> str:
    """A school's short name from its name: lower case ASCII letters, digits and dashes."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:MAX_ID].strip("-")


def _merge_school(
    old: dict[str, Any] | None, code: str, found: Gathered, mapping: Mapping_, year: str
) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(old) if old else {}
    settings = mapping.data["district"]
    data.setdefault("id", "")
    data["name"] = data.get("name") or found.names[code]
    data.setdefault("level", mapping.data.get("level", "other"))
    grades = set(data.get("grades") or ()) | found.grades.get(code, set())
    grades = grades or {str(g) for g in settings.get("tested_grades", [])} or {"K"}
    data["grades"] = sorted(grades, key=_grade_key)
    old_year = data.get("year")
    if old_year and old_year < year and data.get("assessments"):
        data.setdefault("history", {})[old_year] = data.pop("assessments")
    data["year"] = year
    data.setdefault("enrolment", None)
    for past, subjects in sorted(found.subjects.get(code, {}).items()):
        target = (
            data.setdefault("assessments", {})
            if past == year
            else (data.setdefault("history", {}).setdefault(past, {}))
        )
        target.update(copy.deepcopy(subjects))
    for measure, years in found.measures.get(code, {}).items():
        data.setdefault("measures", {}).setdefault(measure, {}).update(copy.deepcopy(years))
    if "history" in data:
        data["history"] = dict(sorted(data["history"].items(), reverse=True))
    for years in (data.get("measures") or {}).values():
        ordered = dict(sorted(years.items(), reverse=True))
        years.clear()
        years.update(ordered)
    if mapping.data.get("source"):
        data["source"] = mapping.data["source"]
    data["state_code"] = code
    order = [
        "id",
        "name",
        "level",
        "grades",
        "year",
        "enrolment",
        "assessments",
        "history",
        "measures",
        "source",
        "state_code",
    ]
    return {k: data[k] for k in order if k in data} | {
        k: v for k, v in data.items() if k not in order
    }


def general_files(
    found: Gathered, mapping: Mapping_, out: Path, sources: Sequence[str], mapping_name: str
) -> dict[str, str]:
    """The text of every file to write (name -> text), the district settings first."""
    existing, old_district = _existing(out)
    years = set(found.years) | {d.get("year") for _, d in existing.values() if d.get("year")}
    year = max(y for y in years if y)
    source_name = ", ".join(sources)
    district = {
        **{k: v for k, v in old_district.items() if k != "year"},
        **mapping.data["district"],
    }
    files = {
        DISTRICT_FILE: marked(
            f"# Settings for report cards imported from {source_name}.\n"
            + yaml.safe_dump({"year": year, **district}, sort_keys=False, allow_unicode=True),
            source_name,
        )
    }
    ids: set[str] = set()
    codes = sorted(set(found.names) & (set(found.measures) | set(found.subjects)) | set(existing))
    for code in sorted(codes, key=lambda c: (found.names.get(c) or existing[c][1]["name"], c)):
        _, old = existing.get(code, (None, None))
        if old is None and code not in found.names:
            continue
        data = _merge_school(old, code, found, mapping, year)
        school_id = (
            old["id"] if old and old.get("id") else (_slug(data["name"]) or _slug(code) or "school")
        )
        if school_id in ids:
            school_id = f"{school_id}-{_slug(code)}".strip("-")
        ids.add(school_id)
        data["id"] = school_id
        header = (
            f"# Imported from {source_name} with {mapping_name} (code {code}).\n"
            "# null: hidden by the state.\n"
        )
        text = yaml.safe_dump(
            data, sort_keys=False, default_flow_style=None, width=100, allow_unicode=True
        )
        files[f"{school_id}.yml"] = marked(header + text, source_name)
    return files


def check_as_the_build_reads(files: Mapping[str, str], out: Path, project_root: Path) -> None:
    """Every file to write passes the data loader's checks, or nothing is written."""
    problems: list[InputError] = []
    district = None
    for name, text in files.items():
        shown = display_path(out / name, project_root)
        try:
            lined = read_lined_yaml(text, shown)
            if name == DISTRICT_FILE:
                district = district_from_yaml(lined)
            else:
                sets = district.group_sets if district is not None else None
                infos = district.measure_info if district is not None else None
                school_from_yaml(lined, name, sets, infos)
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


def import_general(
    files: Sequence[Path], mapping: Mapping_, out: Path, project_root: Path, *, replace: bool
) -> tuple[Gathered, dict[str, str], Any]:
    """Read ``files`` with a general mapping and write the school files; what was written."""
    shown = {f: display_path(f, project_root) for f in files}
    found = gather(files, shown, mapping)
    texts = general_files(found, mapping, out, [f.name for f in files], Path(mapping.display).name)
    check_as_the_build_reads(texts, out, project_root)
    planned = plan(out, texts, project_root, replace=replace, inputs=(*files,))
    return found, texts, write(planned, project_root)
