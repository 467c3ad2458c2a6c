"""Parts of the school file's schema: one measure's rows in one school year."""

from __future__ import annotations

from typing import Any

_NAME = "^[a-z][a-z0-9_]*$"


def _count(description: str) -> dict[str, Any]:
    return {"type": ["integer", "null"], "minimum": 0, "description": description}


MEASURE_ROW: dict[str, Any] = {
    "type": "object",
    "description": "`students:` and `count:` (the count out of the students), or `percent:` "
    "when the state published only a percentage",
    "properties": {
        "students": _count("the number of students the count is out of"),
        "count": _count("the number of students counted"),
        "percent": {
            "type": ["number", "null"],
            "minimum": 0,
            "maximum": 100,
            "description": "the percentage the state published, from 0 to 100 (or ~ if hidden)",
        },
    },
    "additionalProperties": False,
}

MEASURE_YEAR: dict[str, Any] = {
    "type": "object",
    "description": "`groups:` (student groups) and, optionally, `grades:`",
    "properties": {
        "groups": {
            "type": "object",
            "description": "student groups such as `all: {students: 400, count: 52}`",
            "propertyNames": {"pattern": _NAME},
            "additionalProperties": MEASURE_ROW,
        },
        "grades": {
            "type": "object",
            "description": "one entry per grade, such as `'3': {students: 60, count: 9}`",
            "additionalProperties": MEASURE_ROW,
        },
    },
    "additionalProperties": False,
}
