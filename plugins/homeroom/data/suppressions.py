"""Allowing one rule where an editor decided it does not apply, with the reason shown.

Two ways, each naming one rule and saying why:

- a comment on the line before a block allows a rule for that block only::

    <!-- homeroom allow jargon.benchmark: the school is called Benchmark Elementary -->

- ``allow:`` in the front matter allows rules on the whole page, each with its reason::

    allow:
      jargon.benchmark: "The school is called Benchmark Elementary."

An allowed finding is not dropped: it becomes an ``info`` finding that shows the reason,
where it was written and, when git knows, who added it and when, so every exception is
in every report.

An entry that allows nothing is an error finding at its own line (reported once per
page by the content check, :func:`problems`):

- ``allow.invalid``: no reason, a reason too short to tell anyone why, a wildcard
  (``jargon.*``, ``*``) instead of one rule, something that is not a rule id, several
  rules in one comment, or the old list form ``allow: [jargon.iep]``, which has no
  reasons;
- ``allow.forbidden``: a rule that can never be allowed: respectful language
  (``respect.*``), student privacy (``privacy.*``), content safety (``content.*``) and
  these checks of ``allow`` itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from homeroom.data.gitinfo import line_author
from homeroom.data.sources import FRONT_MATTER_RE, Source
from homeroom.model.findings import Finding, Severity
from homeroom.model.memo import Memo
from homeroom.text.code_mask import mask_code
from homeroom.text.inline_spans import comments

if TYPE_CHECKING:
    from homeroom.text.prose import ProseDocument

# One comment's text, found by :func:`allow_comments` (a scanner that reads each comment
# once: a lazy pattern over the page would read on from every unclosed `<!--`).
_COMMENT = re.compile(r"<!--\s*homeroom\s+allow\b(?P<body>.*)-->", re.IGNORECASE | re.DOTALL)


def allow_comments(text: str) -> list[re.Match[str]]:
    """Every ``<!-- homeroom allow ... -->`` comment, each matched on its own."""
    if "homeroom" not in text.lower():
        return []
    found = []
    for start, end in comments(text):
        match = _COMMENT.match(text, start, end)
        if match is not None and match.end() == end:
            found.append(match)
    return found


_RULE_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+")
_LETTER = re.compile(r"[^\W\d_]")

#: Rule families that can never be allowed, and why (shown in the ``allow.forbidden`` message).
NEVER_ALLOWED: dict[str, str] = {
    "respect.": (
        "words that describe families by what they lack are always rewritten, never "
        "allowed. The finding itself suggests a respectful way to say it"
    ),
    "privacy.": "the protections of student privacy can never be switched off on a page",
    "content.": (
        "a page that runs code, shows another site, sends families elsewhere or still "
        "holds a note from `homeroom new` can never be published. Fix the page itself"
    ),
    "allow.": "a mistake in `allow` itself cannot be allowed. Fix the entry",
}

#: Fewest letters a reason may have: "ok", "n/a" and "fine" tell nobody why.
MIN_REASON_LETTERS = 10

FRONT_MATTER_EXAMPLE = 'allow: {jargon.benchmark: "The school is called Benchmark Elementary."}'
COMMENT_EXAMPLE = (
    "<!-- homeroom allow jargon.benchmark: the school is called Benchmark Elementary -->"
)


@dataclass(frozen=True)
class Entry:
    """One rule an editor allowed, with the reason, where it was written and its scope."""

    rule: str
    reason: str
    line: int
    column: int
    comment_end: int | None = None
    """For a comment, the offset just past it (it allows the next block); None for the
    front matter (the whole page)."""


@dataclass(frozen=True)
class _Written:
    """An entry as written: the rule (or what stands for it), its reason, its place."""

    rule: str
    reason: str | None
    line: int
    column: int
    comment_end: int | None


def has_any(source: Source) -> bool:
    """Whether the page allows anything (front matter or comment): else nothing to apply."""
    return "allow" in source.meta or bool(allow_comments(source.text))


def _never_allowed(rule: str) -> str | None:
    for family, why in NEVER_ALLOWED.items():
        if rule.startswith(family):
            return why
    return None


def _check(written: _Written, in_comment: bool) -> tuple[str, str] | None:
    """(rule id, message) of what is wrong with an entry, or None when it allows its rule."""
    rule = written.rule
    example = COMMENT_EXAMPLE if in_comment else FRONT_MATTER_EXAMPLE
    forbidden = _never_allowed(rule.lower())
    if forbidden is not None:
        return "allow.forbidden", f"`{rule}` can never be allowed: {forbidden}."
    if "*" in rule:
        return "allow.invalid", (
            f"`{rule}` would allow a whole group of rules at once, so it allows nothing. "
            "Name the one rule that does not fit (each finding prints its rule id, such as "
            f"jargon.benchmark) and say why: `{example}`."
        )
    if not _RULE_ID.fullmatch(rule.lower()):
        return "allow.invalid", (
            f"`{rule}` is not a rule id, so it allows nothing. Rule ids look like "
            "`jargon.benchmark` and are printed with each finding; `homeroom explain` lists them."
        )
    if written.reason is None or not written.reason.strip():
        return "allow.invalid", (
            f"Allowing `{rule}` needs a reason, so that reviewers and the next editor know why "
            "the rule does not fit here; without one it allows nothing. Add it after the "
            f"rule, for example `{example}`."
        )
    if len(_LETTER.findall(written.reason)) < MIN_REASON_LETTERS:
        return "allow.invalid", (
            f"The reason for allowing `{rule}` (`{written.reason.strip()}`) is too short to tell "
            "anyone why, so it allows nothing. Write a short sentence, such as "
            f"`{example}`."
        )
    return None


def _front_matter_entries(source: Source) -> tuple[list[_Written], list[Finding]]:
    """Entries of ``allow:`` with their real lines, and findings for forms that allow nothing."""
    if "allow" not in source.meta:
        return [], []
    match = FRONT_MATTER_RE.match(source.text)
    block = (match.group(1) or "") if match else ""
    try:
        root = yaml.compose(block, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return [], []
    if not isinstance(root, yaml.MappingNode):
        return [], []
    value: yaml.Node | None = None
    key_node: yaml.Node | None = None
    for key, item in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "allow":
            key_node, value = key, item
    if value is None or key_node is None:
        return [], []

    def at(node: yaml.Node) -> tuple[int, int]:
        # The block starts on line 2 of the file, just after the opening `---`.
        return node.start_mark.line + 2, node.start_mark.column + 1

    def text_of(node: yaml.Node) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            return str(node.value)
        return None

    written: list[_Written] = []
    problems: list[Finding] = []

    def pair(rule_node: yaml.Node, reason_node: yaml.Node | None) -> None:
        line, column = at(rule_node)
        rule = text_of(rule_node)
        if rule is None:
            rule = str(rule_node.value) if isinstance(rule_node, yaml.ScalarNode) else "?"
        reason = text_of(reason_node) if reason_node is not None else None
        written.append(_Written(rule.strip(), reason, line, column, None))

    if isinstance(value, yaml.MappingNode):
        for rule_node, reason_node in value.value:
            pair(rule_node, reason_node)
    elif isinstance(value, yaml.SequenceNode):
        for item in value.value:
            if isinstance(item, yaml.MappingNode) and len(item.value) == 1:
                pair(*item.value[0])
            elif isinstance(item, yaml.ScalarNode):
                # The old form, `allow: [jargon.iep]`: a rule with no reason.
                pair(item, None)
            else:
                line, column = at(item)
                problems.append(_form_problem(source, line, column))
    elif isinstance(value, yaml.ScalarNode):
        if value.tag == "tag:yaml.org,2002:null":
            return [], []
        pair(value, None)
    return written, problems


def _form_problem(source: Source, line: int, column: int) -> Finding:
    return Finding(
        path=source.display,
        line=line,
        column=column,
        rule="allow.invalid",
        severity=Severity.ERROR,
        message=(
            "`allow:` lists each rule with the reason it does not fit this page, so this "
            f"entry allows nothing. Write: `{FRONT_MATTER_EXAMPLE}`."
        ),
        language=source.language,
    )


def _comment_entries(source: Source) -> list[_Written]:
    """Entries of ``homeroom allow`` comments outside code, at the line of their rule."""
    if not allow_comments(source.text):
        return []
    masked = mask_code(source.text)
    written = []
    for m in allow_comments(masked):
        body = m.group("body")
        head, colon, reason = body.partition(":")
        rule = head.strip()
        rule_at = m.start("body") + (len(head) - len(head.lstrip()))
        line = masked.count("\n", 0, rule_at) + 1
        column = rule_at - (masked.rfind("\n", 0, rule_at) + 1) + 1
        if re.search(r"[\s,;]", rule):
            # Several rules, or the old form `jargon.iep, readability.sentence`.
            rule = "\0" + rule
        written.append(_Written(rule, reason.strip() if colon else None, line, column, m.end()))
    return written


def _entries(source: Source) -> tuple[list[Entry], list[Finding]]:
    """The entries that allow their rule, and a finding for each entry that allows nothing."""
    front, problems = _front_matter_entries(source)
    entries: list[Entry] = []
    for written in [*front, *_comment_entries(source)]:
        in_comment = written.comment_end is not None
        if written.rule.startswith("\0"):
            wrong: tuple[str, str] | None = (
                "allow.invalid",
                "A `homeroom allow` comment allows one rule, so this one allows nothing. "
                f"Write one comment per rule, each with its reason: `{COMMENT_EXAMPLE}`.",
            )
        elif written.rule == "" and in_comment:
            wrong = (
                "allow.invalid",
                "This `homeroom allow` comment names no rule, so it allows nothing. Name one "
                f"rule and say why, for example `{COMMENT_EXAMPLE}`.",
            )
        else:
            wrong = _check(written, in_comment)
        if wrong is None:
            entries.append(
                Entry(
                    written.rule.lower(),
                    (written.reason or "").strip(),
                    written.line,
                    written.column,
                    written.comment_end,
                )
            )
        else:
            problems.append(
                Finding(
                    path=source.display,
                    line=written.line,
                    column=written.column,
                    rule=wrong[0],
                    severity=Severity.ERROR,
                    message=wrong[1],
                    match=written.rule.lstrip("\0"),
                    language=source.language,
                )
            )
    return entries, problems


def problems(source: Source) -> list[Finding]:
    """A finding for each ``allow`` entry of the page that allows nothing, at its line."""
    if not has_any(source):
        return []
    return sorted(_entries(source)[1])


def apply(
    source: Source,
    doc: ProseDocument,
    findings: Iterable[Finding],
    root: Path | None = None,
) -> list[Finding]:
    """Turn allowed findings into visible ``info`` findings that give the reason.

    ``root`` is the folder the page's path is shown relative to (the project root; the
    current folder by default), used to ask git who added each entry that allowed
    something. Rules that can never be allowed are left as they are.
    """
    entries, _ = _entries(source)
    page = [e for e in entries if e.comment_end is None]
    blocks: list[tuple[int, int, Entry]] = []  # (block start, block end, entry)
    for entry in entries:
        if entry.comment_end is None:
            continue
        following = [u for u in doc.units if u.start >= entry.comment_end]
        if following:
            blocks.append((following[0].start, following[0].end, entry))
    found: list[Finding] = []
    for finding in findings:
        if finding.severity is Severity.INFO or _never_allowed(finding.rule) is not None:
            found.append(finding)
            continue
        offset = _offset(doc, finding)
        by = next((e for e in page if e.rule == finding.rule), None)
        if by is None:
            by = next(
                (e for start, end, e in blocks if start <= offset < end and e.rule == finding.rule),
                None,
            )
        if by is None:
            found.append(finding)
            continue
        added = _added_by(source, by.line, root)
        if by.comment_end is None:
            where = f"the page's front matter (line {by.line}{', ' + added if added else ''})"
        else:
            where = f"the comment on line {by.line}{' (' + added + ')' if added else ''}"
        reason = by.reason if by.reason.endswith((".", "!", "?", "。")) else by.reason + "."
        found.append(
            replace(
                finding,
                severity=Severity.INFO,
                message=f"Allowed by {where}: {reason} {finding.message}",
            )
        )
    return found


def _offset(doc: ProseDocument, finding: Finding) -> int:
    line = max(1, min(finding.line, len(doc.line_starts)))
    return doc.line_starts[line - 1] + finding.column - 1


#: What git said about a line: (file, line, page digest) -> "added by ... on ...".
_BLAME: Memo[tuple[str, int, str], str] = Memo(1_000)


def _added_by(source: Source, line: int, root: Path | None) -> str | None:
    """``added by NAME on DATE`` for a line of the page, from git blame; None if unknown.

    Only asked for entries that allowed a finding. No git, no repository, a file git
    does not track or a line not yet committed: None, and the message just says less.
    """
    path = (root or Path.cwd()) / source.display
    key = (str(path), line, source.digest)
    known = _BLAME.get(key)
    if known is not None:
        return known or None
    said = line_author(path, line) or ""
    _BLAME.put(key, said)
    return said or None
