"""Privacy across many groups and years: every group set, rates without a group size, the
share tested, and a district with one school.

Each case loads a school file the way the build does and checks the one dataset every page
is made from: no set that adds up hides exactly one value, and nothing hidden is in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rc_helpers import school, write_schools

from homeroom.reportcards.equations import cells_and_equations
from homeroom.reportcards.groupsets import FEDERAL_RACE
from homeroom.reportcards.leaks import solvable
from homeroom.reportcards.loading import load_schools
from homeroom.reportcards.privacy import suppress, suppress_all
from homeroom.reportcards.published import ABOVE, HIDDEN, SHOWN, PublishedSchool


def _load(tmp_path: Path, *schools: dict[str, object], **district: object):  # type: ignore[no-untyped-def]
    folder = write_schools(tmp_path / "schools", *schools, district=district)
    return load_schools(folder, tmp_path)


def _no_lone_hidden(pub: PublishedSchool, loaded) -> None:  # type: ignore[no-untyped-def]
    tables = cells_and_equations(
        loaded.schools[0], loaded.district.group_sets, loaded.district.measure_info
    )
    for eq in tables.equations:
        hidden = [k for k in eq.keys if not pub.cells[k].shown]
        assert len(hidden) != 1, (eq.label, hidden)
    status = {k: pub.cells[k].status for k in tables.raw}
    assert solvable(tables.raw, status, tables.equations, loaded.district) == []


def _race_rows(sizes: list[int], share: float) -> dict[str, dict[str, int]]:
    rows = {
        g: {"students": n, "count": round(n * share)}
        for g, n in zip(FEDERAL_RACE, sizes, strict=True)
    }
    rows["all"] = {
        "students": sum(r["students"] for r in rows.values()),
        "count": sum(r["count"] for r in rows.values()),
    }
    return rows


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sizes=st.lists(st.integers(0, 60), min_size=7, max_size=7),
    share=st.floats(0.0, 1.0),
    last=st.lists(st.integers(0, 60), min_size=7, max_size=7),
)
def test_many_small_race_groups_over_two_years_leave_nothing_to_subtract(
    tmp_path: Path, sizes: list[int], share: float, last: list[int]
) -> None:
    if sum(sizes) == 0 or sum(last) == 0:
        return
    data = school(
        measures={
            "chronic_absence": {
                "2025-26": {"groups": _race_rows(sizes, share)},
                "2024-25": {"groups": _race_rows(last, 1 - share)},
            }
        }
    )
    data.pop("absenteeism")
    folder = tmp_path / f"s{abs(hash((tuple(sizes), share, tuple(last))))}"
    loaded = _load(folder, data)
    pub = suppress(loaded.schools[0], loaded.district)
    _no_lone_hidden(pub, loaded)
    for (table, row, measure), cell in pub.cells.items():
        if measure == "n" and cell.shown:
            assert cell.value is not None and cell.value >= 10, (table, row)
        if measure == "count" and cell.shown:
            assert cell.value is not None and 5 <= cell.value <= 95, (table, row)


def test_a_race_group_the_file_leaves_out_is_protected_like_the_others(tmp_path: Path) -> None:
    rows = _race_rows([1, 30, 40, 50, 3, 80, 20], 0.2)
    del rows["pacific_islander"]  # 3 students: the state left the row out
    data = school(measures={"chronic_absence": {"2025-26": {"groups": rows}}})
    data.pop("absenteeism")
    loaded = _load(tmp_path, data)
    pub = suppress(loaded.schools[0], loaded.district)
    # Shown as hidden, and all students minus the six others gives nothing away.
    assert pub.cell("chronic_absence", "pacific_islander", "n").status == HIDDEN
    assert "pacific_islander" in pub.rows["chronic_absence"]
    _no_lone_hidden(pub, loaded)


def test_a_rate_without_a_group_size_keeps_the_states_suppression_and_adds_up_to_nothing(
    tmp_path: Path,
) -> None:
    grades = {
        "1": {"percent": 8.9, "count": 8},
        "2": {"percent": None, "count": None},
        "3": {"percent": 0.0, "count": 0},
        "4": {"percent": 97.2, "count": 70},
        "5": {"percent": 3.1, "count": 9},
    }
    data = school(measures={"chronic_absence": {"2025-26": {"groups": {}, "grades": grades}}})
    data.pop("absenteeism")
    loaded = _load(tmp_path, data)
    pub = suppress(loaded.schools[0], loaded.district)
    cells = {g: pub.cell("chronic_absence", f"grade:{g}", "rate") for g in grades}
    assert cells["1"].status == SHOWN and cells["1"].value == 9
    assert cells["2"].status == HIDDEN  # hidden by the state
    assert cells["3"].status == HIDDEN  # 0 students: a small count
    assert cells["4"].status == ABOVE  # shown only as "more than 95%"
    assert cells["5"].status != SHOWN  # under 5%: "fewer than 5%"
    # In no sum: nothing is worked out from these rates.
    tables = cells_and_equations(
        loaded.schools[0], loaded.district.group_sets, loaded.district.measure_info
    )
    assert not any(k[0] == "chronic_absence" for eq in tables.equations for k in eq.keys)


def test_the_share_tested_is_coded_or_hidden_and_never_points_at_a_few_students(
    tmp_path: Path,
) -> None:
    reading = school()["assessments"]["reading"]  # type: ignore[index]
    groups = reading["groups"]
    groups["all"]["enrolled"] = 105  # 95.2%: "more than 95%"
    groups["english_learners"]["enrolled"] = 41  # 97.6%: "more than 95%"
    groups["not_english_learners"]["enrolled"] = 64  # 93.8%, but only 4 not tested: hidden
    loaded = _load(tmp_path, school(assessments={"reading": reading}), small_count=5)
    pub = suppress(loaded.schools[0], loaded.district)
    assert pub.cell("reading", "english_learners", "part").status == ABOVE
    assert pub.cell("reading", "not_english_learners", "part").status == HIDDEN
    assert pub.cell("reading", "all", "part").status == ABOVE
    assert all(e.value is not None for e in pub.audit if e.cell.endswith("/part"))


def test_one_unknown_share_tested_in_a_pair_hides_another(tmp_path: Path) -> None:
    reading = school()["assessments"]["reading"]  # type: ignore[index]
    groups = reading["groups"]
    groups["all"]["enrolled"] = 120  # 83%: shown
    groups["english_learners"]["enrolled"] = 42  # 95.2%: "more than 95%"
    groups["not_english_learners"]["enrolled"] = 78  # 77%: shown, but then subtractable
    loaded = _load(tmp_path, school(assessments={"reading": reading}))
    pub = suppress(loaded.schools[0], loaded.district)
    shown = [g for g in groups if pub.cell("reading", g, "part").status == SHOWN]
    assert len(shown) <= 1


def test_a_district_of_one_school_never_shows_the_district_beside_it(tmp_path: Path) -> None:
    loaded = _load(tmp_path, school(), district_results={"reading": 50})
    (pub,) = suppress_all(loaded.schools, loaded.district)
    assert pub.one_school
    from homeroom.reportcards.sections import district_figures

    assert district_figures(pub, loaded.district, "reading") == (None, None)


def test_the_same_quantity_is_one_cell_on_every_page_and_year(tmp_path: Path) -> None:
    """This year's all-students row of last year's table is last year's, once."""
    data = school(
        history={
            "2024-25": {"reading": {"groups": {"all": {"tested": 90, "levels": [20, 30, 25, 15]}}}},
            "2023-24": {"reading": {"groups": {"all": {"tested": 88, "levels": [22, 30, 24, 12]}}}},
        }
    )
    loaded = _load(tmp_path, data)
    pub = suppress(loaded.schools[0], loaded.district)
    assert pub.years == ("2025-26", "2024-25", "2023-24")
    assert pub.cell("reading@2024-25", "all", "met").value == 44


def test_a_count_of_students_is_hidden_under_the_minimum_and_never_alone(tmp_path: Path) -> None:
    counts = {"all": 30, "female": 24, "male": 6}
    data = school(
        measures={
            "police_referrals": {
                "2025-26": {"groups": {g: {"count": c} for g, c in counts.items()}}
            }
        }
    )
    loaded = _load(tmp_path, data)
    pub = suppress(loaded.schools[0], loaded.district)
    assert pub.cell("police_referrals", "all", "n").value == 30
    # 6 boys: under the minimum; then 24 girls too, or 30 - 24 would give the 6 away.
    assert not pub.cell("police_referrals", "male", "n").shown
    assert not pub.cell("police_referrals", "female", "n").shown
    _no_lone_hidden(pub, loaded)


def test_a_count_measure_takes_only_a_count(tmp_path: Path) -> None:
    from homeroom.model.errors import InputError

    data = school(
        measures={"police_referrals": {"2025-26": {"groups": {"all": {"students": 9, "count": 3}}}}}
    )
    with pytest.raises(InputError) as caught:
        _load(tmp_path, data)
    assert "is a number of students, not a share; expected only `count:`" in str(caught.value)


def test_graduation_is_refused_in_an_elementary_schools_file(tmp_path: Path) -> None:
    from homeroom.model.errors import InputError

    rows = {"all": {"students": 50, "count": 45}}
    data = school(measures={"graduation": {"2025-26": {"groups": rows}}})
    with pytest.raises(InputError) as caught:
        _load(tmp_path, data)
    assert "`measures.graduation` is reported only for high schools" in str(caught.value)
