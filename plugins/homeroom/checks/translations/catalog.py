"""The ``i18n.catalog`` check: interface strings and notices missing in a required language."""

from __future__ import annotations

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
    if not (settings.data_dir / NOTICES_FILE).is_file():
        # No notices file: the built-in English texts are used, nothing to compare.
        return found
    notices = load_notices(settings.data_dir, settings.project_root)
    shown = display_path(settings.data_dir / NOTICES_FILE, settings)
    for lang, key in notices.missing(tuple(x for x in options.required if x != options.default)):
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
