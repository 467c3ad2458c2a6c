"""The ``i18n.catalog`` check: interface strings and notices missing in a required language."""

from __future__ import annotations

import re

from homeroom.checks.translations.names import display_path, english_name
from homeroom.checks.translations.options import Options
from homeroom.data.settings import Settings
from homeroom.model.findings import Finding, Severity


def catalog_findings(settings: Settings, options: Options) -> list[Finding]:
    """Interface strings (labels, notices, report-card sentences) missing in a required language.

    Every generated word a family reads comes from a per-language catalog; a key the
    default language has and a required language lacks would leave a gap or English text.
    """
    from homeroom.data.catalogs import load_catalogs
    from homeroom.data.notices import NOTICES_FILE, load_notices

    found: list[Finding] = []
    catalogs = load_catalogs(settings.data_dir, options.languages, settings.project_root)
    for gap in catalogs.missing_keys(options.required):
        found.append(
            Finding(
                gap.file,
                1,
                1,
                "i18n.catalog",
                Severity.ERROR,
                f"The {english_name(gap.lang)} strings have no `{gap.key}` (line {gap.line} of "
                f"the {english_name(options.default)} strings). Pages built from these strings "
                f"would show families a gap or English text. Add `{gap.key}`, translated.",
                match=gap.key,
                language=gap.lang,
            )
        )
    found.extend(interface_findings(settings, options))
    if not (settings.data_dir / NOTICES_FILE).is_file():
        # No notices file: the built-in English texts are used, nothing to compare.
        return found
    notices = load_notices(settings.data_dir, settings.project_root)
    shown = display_path(settings.data_dir / NOTICES_FILE, settings)
    for lang, key in notices.missing(tuple(x for x in options.languages if x != options.default)):
        found.append(
            Finding(
                shown,
                1,
                1,
                "i18n.catalog",
                Severity.ERROR,
                f"The {english_name(lang)} notices have no `{key}`: a family reading "
                f"{english_name(lang)} would get this notice in English. Add it under "
                f"`languages > {lang}`.",
                match=key,
                language=lang,
            )
        )
    return found


def _locale_line(settings: Settings, code: str) -> int:
    """The line of mkdocs.yml that lists ``code`` (1 when it cannot be found)."""
    path = settings.project_root / "mkdocs.yml"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    wanted = re.compile(rf"^\s*-?\s*locale:\s*[\"']?{re.escape(code)}[\"']?\s*(#.*)?$")
    return next((n for n, line in enumerate(lines, 1) if wanted.match(line)), 1)


def interface_findings(settings: Settings, options: Options) -> list[Finding]:
    """Languages whose pages would show the theme's or Homeroom's words in English.

    Every published language is checked, required or not: a family who chose Somali should
    not meet "Skip to content", "Search" or "Was this page clear?" in English.
    """
    from homeroom.data.interface import interface_file, missing_keys
    from homeroom.text.family_words import family_words
    from homeroom.text.syllables import base_language

    custom = [settings.custom_dir] if settings.custom_dir else []
    found: list[Finding] = []
    for code in options.languages:
        if base_language(code) == "en":
            continue
        name = english_name(code)
        line = _locale_line(settings, code)
        missing = missing_keys(code, custom)
        messages = []
        if missing:
            shown = ", ".join(f"`{key}`" for key in missing[:6])
            more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
            messages.append(
                f"Pages in {name} would show parts of the site's frame in English "
                f"(the theme has no {name} words for {shown}{more}), so a family who "
                f"chose {name} meets English on every page. Add them, translated, in "
                f"the theme's `partials/languages/{code}.html` of the site's custom_dir "
                f"(or under `interface:` in {interface_file(code)})."
            )
        if base_language(family_words(code).code) != base_language(code):
            messages.append(
                f'Homeroom has no {name} words for the end of each page ("Was this page '
                f'clear?", "Talk to a person", the handout\'s words), so {name} '
                f"pages would show them in English. Add a `family:` section to "
                f"{interface_file(code)}, translated."
            )
        found.extend(
            Finding(
                "mkdocs.yml",
                line,
                1,
                "i18n.interface",
                Severity.ERROR,
                message,
                match=code,
                language=code,
            )
            for message in messages
        )
    return found
