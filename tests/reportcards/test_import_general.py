"""General mappings on real files: long and wide layouts, several files joined per school,
the year from the file, and every row accounted for (used, or left out with its reason).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from rc_helpers import (
    CA_FILES,
    CA_MAPPING,
    CT_ABSENCE,
    CT_ABSENCE_MAPPING,
    CT_FILE,
    CT_MAPPING,
    ROOT,
    homeroom_cli,
)

from homeroom.model.errors import InputError
from homeroom.reportcards.importer import import_csv
from homeroom.reportcards.loading import load_schools
from homeroom.reportcards.safewrite import Refused


def _data_rows(path: Path, header_cell: str, delimiter: str = ",") -> int:
    """Rows after the header that hold anything, counted without the importer's code."""
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    start = next(i for i, r in enumerate(rows) if header_cell in r)
    return sum(1 for r in rows[start + 1 :] if any(c.strip() for c in r))


def test_three_years_of_connecticut_chronic_absence_every_row_accounted_for(
    tmp_path: Path,
) -> None:
    result = import_csv(CT_ABSENCE, CT_ABSENCE_MAPPING, tmp_path / "out", ROOT)
    assert len(result.accounts) == 3
    for file, account in zip(CT_ABSENCE, result.accounts, strict=True):
        assert account.rows == _data_rows(file, "District Code")
        assert account.rows == account.used + account.left_out
        # Only the state's own rows are left out, each counted with its line.
        ((reason, lines),) = account.skipped.items()
        assert "0000000" in reason and len(lines) == 13
    data = load_schools(tmp_path / "out", tmp_path)
    assert data.district.year == "2019-20"
    ansonia = next(s for s in data.schools if s.id == "ansonia-school-district")
    years = ansonia.measures["chronic_absence"]
    assert list(years) == ["2019-20", "2018-19", "2017-18"]
    # The state gave a count and a percentage, not the grade's size: the percentage is kept
    # as the state gave it (10.9% stays 10.9%, never a count of 10).
    grade1 = years["2017-18"].grades["1"]
    assert grade1.published_only and grade1.percent == 14.7 and grade1.students is None


def test_a_file_of_another_year_than_the_mapping_says_is_refused(tmp_path: Path) -> None:
    mapping = tmp_path / "map.yml"
    text = CT_ABSENCE_MAPPING.read_text(encoding="utf-8")
    mapping.write_text(text.replace("level: other", 'year: "2016-17"\nlevel: other'), "utf-8")
    with pytest.raises(InputError) as caught:
        import_csv(CT_ABSENCE[0], mapping, tmp_path / "out", ROOT)
    message = str(caught.value)
    assert ":1:" in message and "title says 2017-18" in message and "2016-17" in message
    assert not (tmp_path / "out").exists()


def test_a_percentage_named_as_a_count_is_refused_with_every_line(tmp_path: Path) -> None:
    mapping = tmp_path / "map.yml"
    text = CT_ABSENCE_MAPPING.read_text(encoding="utf-8")
    mapping.write_text(
        text.replace("count: Chronically Absent Student Count", "count: Chronically Absent %"),
        "utf-8",
    )
    with pytest.raises(Refused) as caught:
        import_csv(CT_ABSENCE[0], mapping, tmp_path / "out", ROOT)
    lines = [str(p) for p in caught.value.problems]
    assert any(
        "not a whole number" in line and "name it under `percent:`" in line for line in lines
    )
    assert lines[-1].endswith(
        "nothing was written. Fix them in the file or in the mapping and import again."
    )


def test_californias_four_files_join_by_school_with_the_year_from_each_file(
    tmp_path: Path,
) -> None:
    result = import_csv(CA_FILES, CA_MAPPING, tmp_path / "out", ROOT)
    by_file = {Path(a.file).name: a for a in result.accounts}
    for name, account in by_file.items():
        delimiter = "^" if "entities" in name else ","
        cell = (
            "School Code"
            if "entities" in name
            else ("CDSCode" if "chronic" in name else "SARCYear")
        )
        assert account.rows == _data_rows(CA_FILES[0].parent / name, cell, delimiter)
        assert account.rows == account.used + account.names + account.left_out
    # Five schools of the SARC files have no name in the entities file: left out, counted.
    assert by_file["chronic.txt"].used == 32 and by_file["chronic.txt"].left_out == 5
    data = load_schools(tmp_path / "out", tmp_path)
    assert len(data.schools) == 32 and data.district.min_n == 11
    assert "filipino" in data.district.group_sets.sets["race"]
    school = next(s for s in data.schools if s.id == "alta-sierra-elementary")
    absence = school.measures["chronic_absence"]["2020-21"].groups
    assert {"all", "black", "filipino", "homeless", "foster", "migrant"} <= set(absence)
    reading = school.subjects["reading"].groups["all"]
    assert reading.enrolled == 168 or reading.enrolled is not None
    assert reading.state_met and reading.met is None  # the state's share, no count


def test_a_school_no_file_names_is_an_error_unless_the_mapping_leaves_it_out(
    tmp_path: Path,
) -> None:
    mapping = tmp_path / "map.yml"
    text = CA_MAPPING.read_text(encoding="utf-8").replace("unnamed: leave_out", "")
    mapping.write_text(text, "utf-8")
    with pytest.raises(Refused) as caught:
        import_csv(CA_FILES, mapping, tmp_path / "out", ROOT)
    named = [p for p in caught.value.problems if "has figures but no name in any file" in str(p)]
    assert len(named) == 5 and all(p.line for p in named)


def test_a_year_column_that_disagrees_with_the_mapping_is_refused(tmp_path: Path) -> None:
    mapping = tmp_path / "map.yml"
    mapping.write_text(
        CA_MAPPING.read_text(encoding="utf-8").replace('year: "2020-21"', 'year: "2019-20"'),
        "utf-8",
    )
    with pytest.raises(InputError) as caught:
        import_csv(CA_FILES, mapping, tmp_path / "out", ROOT)
    assert "the year column says 2020-21" in str(caught.value)


def test_imports_of_several_files_add_up_in_one_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    import_csv(CT_FILE, CT_MAPPING, out, ROOT)
    import_csv(CT_ABSENCE, CT_ABSENCE_MAPPING, out, ROOT)
    andover = yaml.safe_load((out / "andover-school-district.yml").read_text())
    # Test results of 2016-17 are an earlier year now; chronic absence has three years.
    assert andover["year"] == "2019-20" and "2016-17" in andover["history"]
    assert list(andover["measures"]["chronic_absence"]) == ["2019-20", "2018-19", "2017-18"]
    assert andover["state_code"] == "0010011"
    load_schools(out, tmp_path)


def test_the_command_prints_what_became_of_every_row(tmp_path: Path) -> None:
    done = homeroom_cli(
        "reportcards",
        "import",
        *map(str, CA_FILES),
        "--mapping",
        str(CA_MAPPING),
        "--out",
        str(tmp_path / "out"),
    )
    assert done.returncode == 0, done.stderr
    assert "chronic.txt: 37 rows: 32 used, 5 left out." in done.stdout
    assert "Left out 5 rows because no file names their school" in done.stdout
    assert (
        "sb_ca2021entities_csv.txt: 45 rows: 0 used, 35 naming schools, 10 left out." in done.stdout
    )


BY_GROUP = '''\
"Chronic Absenteeism, 2017-18"
"All Districts, Race/Ethnicity"

"",,,"Chronically Absent",
"District","District Code","Race/Ethnicity","Student Count","%"
"Oak District","=""0010011""","Black or African American",12,10.9
"Oak District","=""0010011""","Hispanic/Latino of any race",30,14.2
"Oak District","=""0010011""","White","*","*"
"Pine District","=""0020011""","Black or African American",8,7.5
"Pine District","=""0020011""","Two or More Races",3,4.0
'''

BY_GROUP_MAPPING = """\
layout: long
header: {find: District Code, rows: 2}
columns: {id: District Code, name: District, group: Race/Ethnicity}
groups:
  Black or African American: black
  Hispanic/Latino of any race: hispanic
  White: white
measures:
  chronic_absence: {count: Chronically Absent Student Count, percent: Chronically Absent %}
suppressed: ["*"]
district: {district: Test, min_n: 10, small_count: 5}
"""


def test_a_file_by_group_without_group_sizes_is_read_by_its_group_column(tmp_path: Path) -> None:
    """The layout of a chronic-absence-by-race file: count and percent, no size, no total."""
    (tmp_path / "by-race.csv").write_text(BY_GROUP, encoding="utf-8")
    (tmp_path / "map.yml").write_text(BY_GROUP_MAPPING, encoding="utf-8")
    with pytest.raises(Refused) as caught:
        import_csv(tmp_path / "by-race.csv", tmp_path / "map.yml", tmp_path / "out", tmp_path)
    (problem, summary) = caught.value.problems
    assert problem.line == 10 and "'Two or More Races' is not in" in str(problem)
    assert "under `groups:`" in str(problem) and "1 rows cannot be imported" in str(summary)
    mapping = BY_GROUP_MAPPING.replace(
        "  White: white", "  White: white\n  Two or More Races: two_or_more"
    )
    (tmp_path / "map.yml").write_text(mapping, encoding="utf-8")
    result = import_csv(tmp_path / "by-race.csv", tmp_path / "map.yml", tmp_path / "out", tmp_path)
    assert result.accounts[0].rows == result.accounts[0].used == 5
    data = load_schools(tmp_path / "out", tmp_path)
    oak = next(s for s in data.schools if s.id == "oak-district")
    black = oak.measures["chronic_absence"]["2017-18"].groups["black"]
    assert black.published_only and black.percent == 10.9 and black.count == 12


def test_a_column_the_mapping_names_but_the_file_lacks_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "by-race.csv").write_text(BY_GROUP, encoding="utf-8")
    mapping = BY_GROUP_MAPPING.replace("Chronically Absent %", "Percent Absent")
    (tmp_path / "map.yml").write_text(mapping, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_csv(tmp_path / "by-race.csv", tmp_path / "map.yml", tmp_path / "out", tmp_path)
    assert "no single column called 'Percent Absent'" in str(caught.value)
    assert "'Student Count'" in str(caught.value)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda m: m.replace("layout: long\n", "layout: wide\n"),
            "`measures.chronic_absence` has no `all:`; a wide file has columns per group",
        ),
        (
            lambda m: m.replace("  Black or African American: black\n", "").replace(
                "groups:\n  Hispanic/Latino of any race: hispanic\n  White: white\n", ""
            ),
            "has `columns.group` but no `groups:`",
        ),
        (
            lambda m: m.replace(", group: Race/Ethnicity", ""),
            "a long file needs one of `columns.group` (with `groups:`) or `columns.grade`",
        ),
        (
            lambda m: (
                m.split("measures:")[0] + "suppressed: ['*']\ndistrict: {district: T, min_n: 10}\n"
            ),
            "reads no figures; expected `measures:`",
        ),
    ],
)
def test_a_mapping_that_cannot_work_says_why_in_one_line(
    tmp_path: Path, change: object, expected: str
) -> None:
    (tmp_path / "by-race.csv").write_text(BY_GROUP, encoding="utf-8")
    (tmp_path / "map.yml").write_text(change(BY_GROUP_MAPPING), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(InputError) as caught:
        import_csv(tmp_path / "by-race.csv", tmp_path / "map.yml", tmp_path / "out", tmp_path)
    assert expected in str(caught.value) and "map.yml" in str(caught.value)
    assert not (tmp_path / "out").exists()
