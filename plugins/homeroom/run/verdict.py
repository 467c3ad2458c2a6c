"""Which findings stop a build: one rule for ``homeroom check`` and the MkDocs build.

Each finding belongs to the plugin whose check made it (``readability.*`` to
``homeroom/readability``, ``respect.*``, ``tone.*`` and ``jargon.*`` to ``homeroom/jargon``,
...); it stops the build when it is at least as serious as that plugin's ``fail_on``. On report
cards (pages generated from school data) the ``homeroom/reportcards`` plugin's ``fail_on``
applies to every check, as it does in the build: such a finding names the data file its
text came from and carries the page in ``generated_page``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from homeroom.data.options import PLUGINS, CheckOptions
from homeroom.data.settings import Settings
from homeroom.model.findings import Finding, Severity

#: The plugin that owns each family of rules (the part of the rule id before the dot).
OWNERS: dict[str, str] = {
    "readability": "readability",
    "jargon": "jargon",
    "respect": "jargon",
    "tone": "jargon",
    "pagetype": "pagetypes",
    "i18n": "translations",
    "privacy": "reportcards",
    "feedback": "feedback",
    "contact": "feedback",
    "summary": "messages",
}


def owner(rule: str) -> str:
    """The plugin (``readability``) whose ``fail_on`` applies to a rule; ``content`` else."""
    return OWNERS.get(rule.split(".", 1)[0], "content")


def fail_on(settings: Settings, plugin: str) -> Severity:
    """A plugin's ``fail_on`` in mkdocs.yml (``error`` when it sets none, or has none)."""
    options = settings.options(PLUGINS[plugin])
    return Severity.parse(options.fail_on if isinstance(options, CheckOptions) else "error")


def blocking(
    settings: Settings,
    findings: Iterable[Finding],
    generated: Collection[str] = (),
    override: Severity | None = None,
) -> list[Finding]:
    """The findings that stop the build (``override``: one threshold for all, from the CLI).

    ``generated``: paths of generated pages whose findings were not moved to their data.
    """
    stops = []
    for finding in findings:
        if override is not None:
            threshold = override
        elif finding.generated_page or finding.path in generated:
            threshold = fail_on(settings, "reportcards")
        else:
            threshold = fail_on(settings, owner(finding.rule))
        if finding.at_least(threshold):
            stops.append(finding)
    return stops
