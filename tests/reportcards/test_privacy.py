"""The privacy engine: small groups, small counts, coding, complements, the gate and the log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rc_helpers import DATA, ROOT, school, write_schools

from homeroom.reportcards import privacy
from homeroom.reportcards.audit import write_audit
from homeroom.reportcards.equations import cells_and_equations
from homeroom.reportcards.groupsets import GroupSets
from homeroom.reportcards.loading import load_schools
from homeroom.reportcards.measures import KNOWN_MEASURES
from homeroom.reportcards.privacy import suppress, suppress_all
from homeroom.reportcards.published import BELOW, HIDDEN, SHOWN, PublishedSchool, key_text


def _published(tmp_path: Path, data: dict[str, object], **district: object) -> PublishedSchool:
    loaded = load_schools(write_schools(tmp_path / "schools", data, district=district), tmp_path)
    return suppress(loaded.schools[0], loaded.district)


def _equations_hold(pub: PublishedSchool, raw_school: object) -> None:
    tables = cells_and_equations(raw_school, GroupSets.with_overrides(None), KNOWN_MEASURES)  # type: ignore[arg-type]
    for eq in tables.equations:
        hidden = [k for k in eq.keys if not pub.cells[k].shown]
        assert len(hidden) != 1, (eq, hidden)


def test_the_six_student_group_is_hidden_whole_with_its_complement() -> None:
    data = load_schools(DATA / "schools", ROOT)
    fairview = next(s for s in data.schools if s.id == "fairview-elementary")
    pub = suppress(fairview, data.district)
    for subject in ("reading", "math"):
        for group in ("english_learners", "not_english_learners"):
            for measure in ("n", "l1", "l2", "l3", "l4", "met"):
                assert pub.cell(subject, group, measure).status == HIDDEN
        assert pub.cell(subject, "all", "n").shown
    rules = {e.cell: e.rule for e in pub.audit}
    assert rules["reading/english_learners/n"] == "privacy.min-n"
    assert rules["reading/not_english_learners/n"] == "privacy.complementary"
    entry = next(e for e in pub.audit if e.cell == "reading/english_learners/n")
    assert (entry.value, entry.detail) == (6, "the group has 6 students, fewer than 10")


def test_small_counts_and_complements_are_hidden(tmp_path: Path) -> None:
    data = school()
    groups = data["assessments"]["reading"]["groups"]  # type: ignore[index]
    groups["english_learners"] = {"tested": 40, "levels": [2, 20, 10, 8]}
    groups["not_english_learners"] = {"tested": 60, "levels": [18, 10, 20, 12]}
    pub = _published(tmp_path, data)
    assert pub.cell("reading", "english_learners", "l1").status == HIDDEN
    assert {e.rule for e in pub.audit if e.cell == "reading/english_learners/l1"} == {
        "privacy.small-count"
    }
    # Never the only hidden cell of a set that adds up.
    _equations_hold(pub, load_schools(tmp_path / "schools", tmp_path).schools[0])


def test_shares_near_zero_are_bottom_coded_and_still_protected(tmp_path: Path) -> None:
    data = school(
        assessments={
            "reading": {
                "groups": {"all": {"tested": 200, "levels": [8, 92, 60, 40]}},
            }
        }
    )
    pub = _published(tmp_path, data)
    cell = pub.cell("reading", "all", "l1")
    assert (cell.status, cell.value, cell.limit) == (BELOW, None, 5)
    # "Fewer than 5%" plus the other three levels would give it back: one more is hidden.
    assert sum(1 for m in ("l2", "l3", "l4") if not pub.cell("reading", "all", m).shown) >= 1


def test_no_share_of_0_or_100_percent_is_ever_shown(tmp_path: Path) -> None:
    data = school(
        assessments={"reading": {"groups": {"all": {"tested": 50, "levels": [0, 10, 40, 0]}}}}
    )
    pub = _published(tmp_path, data)
    for measure in ("l1", "l2", "l3", "l4", "met"):
        cell = pub.cell("reading", "all", measure)
        assert not (cell.shown and cell.value in (0, 100))


def test_values_hidden_by_the_state_stay_hidden_with_a_complement(tmp_path: Path) -> None:
    data = school()
    groups = data["assessments"]["reading"]["groups"]  # type: ignore[index]
    groups["english_learners"]["levels"] = [None, 12, 10, 8]
    pub = _published(tmp_path, data)
    assert pub.cell("reading", "english_learners", "l1").status == HIDDEN
    assert {e.rule for e in pub.audit if e.cell == "reading/english_learners/l1"} == {
        "privacy.hidden-at-source"
    }
    _equations_hold(pub, load_schools(tmp_path / "schools", tmp_path).schools[0])


def test_the_gate_refuses_what_the_rules_would_not_allow(tmp_path: Path) -> None:
    loaded = load_schools(write_schools(tmp_path / "schools", school()), tmp_path)
    tables = cells_and_equations(
        loaded.schools[0], loaded.district.group_sets, loaded.district.measure_info
    )
    raw = tables.raw
    state = privacy._State(raw, dict.fromkeys(raw, SHOWN), {}, tables.equations, loaded.district)
    state.status[("reading", "english_learners", "l1")] = HIDDEN  # hidden alone: subtractable
    with pytest.raises(privacy.PrivacyError, match="one hidden value in a set that adds up"):
        privacy.verify(state)


def test_bundled_data_passes_the_gate_and_logs_every_hidden_value() -> None:
    data = load_schools(DATA / "schools", ROOT)
    published = suppress_all(data.schools, data.district)
    for pub, raw_school in zip(published, data.schools, strict=True):
        _equations_hold(pub, raw_school)
        logged = {e.cell for e in pub.audit}
        hidden = {key_text(k) for k, c in pub.cells.items() if not c.shown}
        assert logged == hidden
    assert any(pub.hidden_count for pub in published)


def test_audit_log_is_json_lines_outside_the_site(tmp_path: Path) -> None:
    data = load_schools(DATA / "schools", ROOT)
    published = suppress_all(data.schools[:2], data.district)
    path = write_audit(published, tmp_path / ".homeroom" / "audit")
    entries = [json.loads(line) for line in path.read_text().splitlines()]
    assert entries and set(entries[0]) == {
        "school",
        "year",
        "cell",
        "value",
        "status",
        "rule",
        "detail",
    }
    assert all(
        isinstance(e["value"], int) for e in entries if e["rule"] != "privacy.hidden-at-source"
    )


_counts = st.lists(st.integers(0, 40), min_size=4, max_size=4)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    a=_counts, b=_counts, g3=st.integers(0, 100), min_n=st.integers(3, 15), small=st.integers(0, 2)
)
def test_any_data_suppresses_without_a_single_subtractable_cell(
    tmp_path: Path, a, b, g3, min_n, small
) -> None:
    total = [x + y for x, y in zip(a, b, strict=True)]
    if sum(total) == 0:
        return
    grade3 = [x * g3 // 100 for x in total]
    grade4 = [x - y for x, y in zip(total, grade3, strict=True)]
    row = lambda levels: {"tested": sum(levels), "levels": levels}  # noqa: E731
    data = school(
        assessments={
            "reading": {
                "groups": {
                    "all": row(total),
                    "english_learners": row(a),
                    "not_english_learners": row(b),
                },
                "grades": {"3": row(grade3), "4": row(grade4)},
            }
        }
    )
    folder = tmp_path / f"s{min_n}{small}{sum(a)}{sum(b)}{g3}"
    loaded = load_schools(
        write_schools(folder, data, district={"min_n": min_n, "small_count": small}), tmp_path
    )
    pub = suppress(loaded.schools[0], loaded.district)
    _equations_hold(pub, loaded.schools[0])
    for (_, _, measure), cell in pub.cells.items():
        if cell.shown and measure == "n":
            assert cell.value is not None and cell.value >= min_n
        if cell.shown and measure != "n":
            assert cell.value is not None and 5 <= cell.value <= 95


def test_every_rule_that_hides_a_value_is_documented() -> None:
    from homeroom.data.ruledocs import RULES

    data = load_schools(DATA / "schools", ROOT)
    used = {e.rule for pub in suppress_all(data.schools, data.district) for e in pub.audit}
    code = (ROOT / "plugins" / "homeroom" / "reportcards" / "privacy.py").read_text()
    named = set(__import__("re").findall(r'"(privacy\.[a-z-]+)"', code))
    assert used <= named <= set(RULES)
