"""``homeroom explain [RULE]``: what a rule checks, with a bad and a good example.

Built-in rules are explained from :mod:`homeroom.data.ruledocs`; ``jargon.<id>`` and
``respect.<id>`` from the glossaries of the site (``-f``, else ./mkdocs.yml).
"""

from __future__ import annotations

from pathlib import Path

from homeroom.cli.problems import EXIT_OK
from homeroom.cli.site import config_file
from homeroom.data.ruledocs import RULES, explain
from homeroom.data.settings import load_settings
from homeroom.model.errors import HomeroomError


def run(rule: str | None, given: Path | None) -> int:
    """Say what ``rule`` checks (every rule, without one); ``given``: the site's mkdocs.yml."""
    if rule is None:
        print("\n".join(f"{doc.id}: {doc.title}" for doc in RULES.values()))
        return EXIT_OK
    text = explain(rule) or _explain_glossary_rule(rule, given)
    if text is None:
        raise HomeroomError(f"no rule called {rule!r}. Known rules: {', '.join(RULES)}")
    print(text)
    return EXIT_OK


def _explain_glossary_rule(rule: str, given: Path | None) -> str | None:
    """Explain ``jargon.<id>`` or ``respect.<id>`` from the glossaries of the site ``given``."""
    from homeroom.data.glossary import load_glossaries

    path = config_file(given)
    if "." not in rule or path is None:
        return None
    settings = load_settings(path)
    for language, glossary in load_glossaries(
        settings.data_dir, settings.project_root, settings.languages.codes
    ).items():
        for entry in glossary.entries:
            if entry.rule == rule:
                return (
                    f"{rule} ({language}): {', '.join(entry.forms)}\n\nIt means: {entry.explain}\n\n"
                    f"Write instead: {'; '.join(entry.plain)}\n\nSource: {entry.source}\n"
                    f"Example to avoid: {entry.flag_examples[0]}"
                )
    return None
