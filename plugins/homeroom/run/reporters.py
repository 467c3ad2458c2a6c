"""Reporters: small functions that turn findings into text for people and machines."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from homeroom import __version__
from homeroom.data.ruledocs import RULES
from homeroom.model.errors import HomeroomError, InputError
from homeroom.model.findings import Finding, Severity
from homeroom.model.report import Report

#: ``path[:line]: message``, the form of every one-line error.
_WHERE = re.compile(r"(?P<path>[^\s:][^:\n]*?)(?::(?P<line>\d+))?: (?P<message>.+)", re.DOTALL)


def input_finding(error: HomeroomError) -> Finding:
    """A file or setting that cannot be read, as a finding (rule ``input``) on its line.

    So that ``--format github`` and ``sarif`` show it on the pull request like any other.
    """
    if isinstance(error, InputError):
        path, line, message = error.path, error.line or 1, error.message
    else:
        match = _WHERE.fullmatch(str(error))
        if match is None:
            path, line, message = "mkdocs.yml", 1, str(error)
        else:
            path, line = match.group("path"), int(match.group("line") or 1)
            message = match.group("message")
    return Finding(path, line, 1, "input", Severity.ERROR, message)


def line(f: Finding) -> str:
    """``path:line:col: severity rule: message``: one finding, as the CLI and the build say it."""
    return f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.rule}: {f.message}"


def text(report: Report) -> str:
    """One finding per line (:func:`line`), then a summary line."""
    lines = [line(f) for f in report.findings]
    lines.append(summary(report.findings, len(report.pages), bool(report.unchecked)))
    lines.extend(f"Not checked: {what}" for what in report.unchecked)
    lines.extend(
        f"More about {rule}: homeroom explain {rule}"
        for rule in sorted({f.rule for f in report.findings})
    )
    return "\n".join(lines)


def summary(findings: Sequence[Finding], pages: int, partly: bool = False) -> str:
    """One line that counts findings by severity.

    ``partly``: some check could not run (no data for a language); the run never says it
    found no problems then, since it did not look for all of them.
    """
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    if not findings and partly:
        return f"Checked {pages} page(s): no problems found by the checks that could run."
    if not findings:
        return f"Checked {pages} page(s): no problems found."
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return f"Checked {pages} page(s): " + ", ".join(parts) + "."


def as_json(report: Report) -> str:
    """One JSON object: ``{"findings": [...], "pages": [...]}``."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: Report) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = [
        f"::{level[f.severity]} file={_escape_property(f.path)},line={f.line},col={f.column},"
        f"title={_escape_property(f.rule)}::{_escape_data(f.message)}"
        for f in report.findings
    ]
    lines.append(summary(report.findings, len(report.pages), bool(report.unchecked)))
    lines.extend(f"::notice title=Not checked::{_escape_data(what)}" for what in report.unchecked)
    return "\n".join(lines)


def sarif(report: Report) -> str:
    """SARIF 2.1.0, for code-scanning dashboards."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    rules = sorted({f.rule for f in report.findings})
    results: list[dict[str, Any]] = []
    for f in report.findings:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": level[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        properties: dict[str, str] = {}
        if f.suggestion:
            properties = {"suggestion": f.suggestion, "language": f.language}
        if f.generated_page:
            # The location is the data file the text came from; the page is named here.
            properties["generatedPage"] = f.generated_page
        if properties:
            result["properties"] = properties
        results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "homeroom",
                        "version": __version__,
                        "rules": [_sarif_rule(r) for r in rules],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _sarif_rule(rule: str) -> dict[str, Any]:
    doc = RULES.get(rule)
    entry: dict[str, Any] = {"id": rule}
    if doc is not None:
        entry["shortDescription"] = {"text": doc.title}
        entry["help"] = {"text": f"{doc.why} Instead of: {doc.bad} Write: {doc.good}"}
    return entry


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text,
    "json": as_json,
    "github": github,
    "sarif": sarif,
}
