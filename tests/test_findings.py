from __future__ import annotations

import pytest

from homeroom.model.findings import Finding, Severity


def finding(severity: Severity, line: int = 1) -> Finding:
    return Finding(
        path="content/a.md", line=line, column=1, rule="x.y", severity=severity, message="m"
    )


@pytest.mark.parametrize(
    ("severity", "threshold", "expected"),
    [
        (Severity.ERROR, Severity.ERROR, True),
        (Severity.WARNING, Severity.ERROR, False),
        (Severity.WARNING, Severity.WARNING, True),
        (Severity.INFO, Severity.WARNING, False),
        (Severity.ERROR, Severity.INFO, True),
    ],
)
def test_at_least(severity: Severity, threshold: Severity, expected: bool) -> None:
    assert finding(severity).at_least(threshold) is expected


def test_to_dict_has_every_field_with_plain_values() -> None:
    data = finding(Severity.WARNING).to_dict()
    assert data == {
        "path": "content/a.md",
        "line": 1,
        "column": 1,
        "rule": "x.y",
        "severity": "warning",
        "message": "m",
        "match": "",
        "suggestion": "",
        "language": "",
    }


def test_findings_sort_by_file_then_line() -> None:
    later, earlier = finding(Severity.ERROR, line=9), finding(Severity.INFO, line=2)
    assert sorted([later, earlier]) == [earlier, later]


def test_unknown_severity_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="error, warning, info"):
        Severity.parse("fatal")
