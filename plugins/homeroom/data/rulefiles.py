"""Every rule-data file Homeroom reads, with its form, and one check of all of them at once.

A site's rule data is in its data folder (``content/_data/``): the glossaries and their
accept list, the readability limits, the page types, the notices and the interface strings.
Homeroom's own rule data ships in the package: the rule documentation (``rules/*.yml``) and
the language word lists (``lang/*.yml``). Each is read through :mod:`homeroom.data.ruledata`
against its schema; :func:`site_problems` and :func:`package_problems` read every file and
return every mistake in all of them, so one run names them all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from homeroom.data import (
    catalogs,
    contact,
    feedback_answers,
    glossary,
    handouts,
    notices,
    page_types,
    readability_limits,
    ruledocs,
)
from homeroom.data.options import FeedbackOptions, HandoutsOptions, PageTypesOptions
from homeroom.data.ruledata import errors_of, read_rule_file
from homeroom.data.settings import Settings
from homeroom.data.sources import display_path
from homeroom.model.errors import HomeroomError, InputError
from homeroom.text.lang import LANG_SCHEMA, lang_files

#: What each kind of file in a site's data folder is, by its place (``*``: a language code).
SITE_FILES: dict[str, str] = {
    f"{glossary.GLOSSARY_DIR}/{glossary.ACCEPT_FILE}": "names that look like jargon but are real",
    f"{glossary.GLOSSARY_DIR}/*.yml": "a glossary: jargon, deficit words and plainer words",
    readability_limits.DEFAULT_THRESHOLDS_FILE: "readability limits, by kind of page",
    page_types.PAGE_TYPES_FILE: "page types and their sections",
    notices.NOTICES_FILE: "notices about the language of a page",
    f"{catalogs.STRINGS_DIR}/*.yml": "interface strings of generated pages",
    contact.CONTACT_FILE: "who families can reach, and where their answers go",
    feedback_answers.ANSWERS_FILE: "families' answers about pages (homeroom feedback import)",
    handouts.HANDOUTS_FILE: "which pages get a one-page handout, with which sections",
}


def _collect(problems: list[InputError], read: Callable[[], Any]) -> None:
    try:
        read()
    except HomeroomError as exc:
        problems.extend(errors_of(exc))


def site_problems(settings: Settings) -> list[InputError]:
    """Every mistake in every rule-data file of a site, each naming file, line and key path.

    The readability limits (the file ``thresholds:`` names) with the glossaries, the page
    types (the file ``types:`` names), the notices and the interface strings.
    """
    data, root, codes = settings.data_dir, settings.project_root, settings.languages.codes
    problems: list[InputError] = []
    _collect(problems, lambda: readability_limits.options_from_settings(settings))
    name = settings.options(PageTypesOptions).types or page_types.PAGE_TYPES_FILE
    types = data / str(name)
    if types.exists():
        _collect(problems, lambda: page_types.load_page_types(types, display_path(types, root)))
    _collect(problems, lambda: notices.load_notices(data, root))
    _collect(problems, lambda: catalogs.load_catalogs(data, codes, root))
    feedback = settings.options(FeedbackOptions)
    required = feedback.contact_required if settings.listed(FeedbackOptions) else ()
    _collect(problems, lambda: contact.load_contact(data, root, feedback.contact, required))
    _collect(problems, lambda: feedback_answers.load_answers(data, root, feedback.answers))
    if settings.listed(HandoutsOptions):
        kinds = settings.options(HandoutsOptions).types
        _collect(problems, lambda: handouts.load_handouts(data, root, kinds))
    unique = {str(problem): problem for problem in problems}
    return list(unique.values())


def package_problems() -> list[InputError]:
    """Every mistake in Homeroom's own rule data: the rule documentation and language files."""
    problems: list[InputError] = []
    _collect(problems, ruledocs.load_rules)
    for code, entry in lang_files().items():
        shown = f"homeroom/lang/{entry.name}"
        try:
            file = read_rule_file(Path(str(entry)), shown, LANG_SCHEMA)
        except InputError as exc:
            problems.append(exc)
            continue
        problems.extend(file.problems)
        language = file.value(["language"])
        if language is not None and language != code:
            file.fail(["language"], f"`{code}`, the code in the file's name", found=language)
            problems.extend(file.problems[-1:])
    return problems
