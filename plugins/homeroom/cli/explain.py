"""``homeroom explain [RULE]``: what a rule checks, with a bad and a good example.

It works in any folder. Built-in rules are explained from :mod:`homeroom.data.ruledocs`
(Homeroom's own data). ``jargon.<id>`` and ``respect.<id>`` come from the glossaries the
checks use, exactly as ``homeroom check`` finds them: those of the site given with ``-f``,
else of the site in this folder (``./mkdocs.yml``), else the glossaries a check of loose
files uses, in every language Homeroom knows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from homeroom.cli.problems import EXIT_OK
from homeroom.cli.site import config_file, settings_for
from homeroom.data.ruledocs import RULES, explain
from homeroom.data.settings import Settings, load_settings
from homeroom.model.errors import HomeroomError


def run(rule: str | None, given: Path | None) -> int:
    """Say what ``rule`` checks (every rule, without one); ``given``: the site's mkdocs.yml."""
    if rule is None:
        print("\n".join(f"{doc.id}: {doc.title}" for doc in RULES.values()))
        return EXIT_OK
    text = explain(rule)
    if text is None and rule.partition(".")[0] in {"jargon", "respect"}:
        text, where = _explain_glossary_rule(rule, given)
        if text is None:
            raise HomeroomError(
                f"no rule called {rule!r}: no glossary entry has the id "
                f"{rule.partition('.')[2]!r} in {where}. Run `homeroom explain` for the "
                "other rules."
            )
    if text is None:
        raise HomeroomError(f"no rule called {rule!r}. Known rules: {', '.join(RULES)}")
    print(text)
    return EXIT_OK


def _site(given: Path | None) -> tuple[Settings, Sequence[str], str]:
    """The settings whose glossaries explain a rule, the languages to look in, and which."""
    path = config_file(given)
    if path is not None:
        settings = load_settings(path)
        return settings, settings.languages.codes, f"the glossaries of {path.as_posix()}"
    from homeroom.text.lang import lang_files

    # Outside any site: the glossaries a check of loose files uses, in every language.
    return settings_for(None), sorted(lang_files()), "the glossaries Homeroom uses here"


def _explain_glossary_rule(rule: str, given: Path | None) -> tuple[str | None, str]:
    """Explain ``jargon.<id>`` or ``respect.<id>``; also say which glossaries were read."""
    from homeroom.data.glossary import load_glossaries

    settings, languages, where = _site(given)
    for language, glossary in load_glossaries(
        settings.data_dir, settings.project_root, languages
    ).items():
        for entry in glossary.entries:
            if entry.rule == rule:
                return (
                    f"{rule} ({language}): {', '.join(entry.forms)}\n\nIt means: {entry.explain}\n\n"
                    f"Write instead: {'; '.join(entry.plain)}\n\nSource: {entry.source}\n"
                    f"Example to avoid: {entry.flag_examples[0]}"
                ), where
    return None, where
