"""Which pages get a one-page handout to print, and which of their sections go on it.

The data is ``content/_data/handouts.yml`` (``types:`` under homeroom/handouts), read
through :mod:`homeroom.data.ruledata`: per page type, the ids of the sections (as in
``page-types.yml``) that a family most needs on paper. A handout of each page of those
types is built in every language the page is in, with a QR code to the whole page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from homeroom.data.ruledata import read_rule_file
from homeroom.data.sources import display_path
from homeroom.model.errors import InputError, raise_all

HANDOUTS_FILE = "handouts.yml"
_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
HANDOUTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`types:` with one entry per page type that gets a handout",
    "properties": {
        "types": {
            "type": "object",
            "description": "page types (`grade-expectations:`), each with `sections:`",
            "propertyNames": {"pattern": _SLUG, "description": "a page type's name"},
            "additionalProperties": {
                "type": "object",
                "description": "`sections:`, a list of section ids",
                "examples": [{"sections": ["promise", "math"]}],
                "properties": {
                    "sections": {
                        "type": "array",
                        "minItems": 1,
                        "description": "a list of section ids such as `[promise, math]`",
                        "items": {"type": "string", "pattern": _SLUG, "description": "an id"},
                    }
                },
                "required": ["sections"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["types"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Handouts:
    """The page types that get a handout, each with the ids of its sections on it."""

    display: str
    sections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    digest: str = ""


def load_handouts(data_dir: Path, project_root: Path | None, name: str = HANDOUTS_FILE) -> Handouts:
    """Read ``handouts.yml``; a site with homeroom/handouts must have it."""
    path = data_dir / name
    shown = display_path(path, project_root)
    if not path.is_file():
        raise InputError(
            shown,
            "this file does not exist. It says which pages get a one-page handout to print and "
            "which sections go on it; create it, or remove homeroom/handouts from mkdocs.yml.",
        )
    text = path.read_text(encoding="utf-8")
    file = read_rule_file(path, shown, HANDOUTS_SCHEMA, empty={}, text=text)
    raise_all(sorted(file.problems, key=lambda e: e.line or 0))
    return Handouts(
        display=shown,
        sections={
            str(kind): tuple(str(s) for s in body["sections"])
            for kind, body in file.data["types"].items()
        },
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
    )
