"""Allowing a rule where an editor decided it does not apply, without hiding it.

Two ways, for any rule id (or a family such as ``jargon.*``):

- ``<!-- homeroom allow jargon.iep, readability.sentence -->``: the next block only.
- ``allow: [jargon.iep]`` in the front matter: the whole page.

An allowed finding is not dropped: it becomes an ``info`` finding that says who allowed it
and where, so reports show every exception.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from homeroom.errors import InputError
from homeroom.findings import Finding, Severity
from homeroom.sources import Source

if TYPE_CHECKING:
    from homeroom.prose import ProseDocument

_COMMENT = re.compile(r"<!--\s*homeroom\s+allow\s+(?P<rules>[\w.*,\s-]+?)\s*-->", re.IGNORECASE)


def _matches(rule: str, allowed: str) -> bool:
    return rule == allowed or (allowed.endswith(".*") and rule.startswith(allowed[:-1]))


def _split(rules: str) -> list[str]:
    return [r for r in re.split(r"[\s,]+", rules) if r]


def page_allows(source: Source) -> list[str]:
    """The rules the front matter allows for the whole page."""
    raw = source.meta.get("allow")
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(r, str) for r in raw):
        raise InputError(
            source.display,
            "`allow:` in the front matter must be a list of rule ids, such as `allow: [jargon.iep]`.",
            line=2,
        )
    return list(raw)


def has_any(source: Source) -> bool:
    """Whether the page allows any rule (front matter or comment): else nothing to apply."""
    return "allow" in source.meta or _COMMENT.search(source.text) is not None


def apply(source: Source, doc: ProseDocument, findings: Iterable[Finding]) -> list[Finding]:
    """Turn allowed findings into visible ``info`` findings; leave the rest."""
    page = page_allows(source)
    blocks: list[tuple[int, int, int, list[str]]] = []  # (start, end, comment line, rules)
    for m in _COMMENT.finditer(source.text):
        following = [u for u in doc.units if u.start >= m.end()]
        if following:
            block = following[0]
            blocks.append(
                (block.start, block.end, doc.position(m.start())[0], _split(m.group("rules")))
            )
    result: list[Finding] = []
    for finding in findings:
        offset = _offset(doc, finding)
        why = None
        if any(_matches(finding.rule, a) for a in page):
            why = "the page's front matter (`allow:`)"
        else:
            for start, end, line, rules in blocks:
                if start <= offset < end and any(_matches(finding.rule, a) for a in rules):
                    why = f"the comment on line {line}"
                    break
        if why is None or finding.severity is Severity.INFO:
            result.append(finding)
        else:
            result.append(
                replace(
                    finding, severity=Severity.INFO, message=f"Allowed by {why}: {finding.message}"
                )
            )
    return result


def _offset(doc: ProseDocument, finding: Finding) -> int:
    line = max(1, min(finding.line, len(doc.line_starts)))
    return doc.line_starts[line - 1] + finding.column - 1
