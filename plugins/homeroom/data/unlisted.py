"""Pages whose file name says a language the site does not publish (``about.de.md``).

mkdocs-static-i18n leaves such a file out of every language of the site, so a family never
sees it. Real sites have them (a draft in a new language, a language dropped from
mkdocs.yml): each is one finding, ``content.language``, and every other page is still
read and checked, by ``homeroom check``, the build and ``homeroom translations status``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from homeroom.data.sources import display_path, safe_resolve
from homeroom.model.findings import Finding, Severity
from homeroom.model.languages import LanguageSet, language_name, split_suffix

RULE = "content.language"


def unlisted_language(path: Path, docs_dir: Path, languages: LanguageSet) -> str | None:
    """The language suffix of a page in ``docs_dir`` that the site does not list, if any."""
    if not safe_resolve(path).is_relative_to(safe_resolve(docs_dir)):
        return None
    _, suffix = split_suffix(path.name)
    if suffix is None or languages.get(suffix) is not None:
        return None
    return suffix


def finding(path: Path, suffix: str, languages: LanguageSet, project_root: Path) -> Finding:
    """The one finding for a page in a language the site does not publish."""
    name = language_name(suffix)
    what = f"'{suffix}' ({name})" if name else f"'{suffix}'"
    return Finding(
        path=display_path(path, project_root),
        line=1,
        column=1,
        rule=RULE,
        severity=Severity.ERROR,
        message=(
            f"The file name ends in {what}, which is not a language this site publishes "
            f"({', '.join(languages.codes)}), so this page is left out of the site and no "
            "family sees it. Rename the file, or add the language under plugins > i18n > "
            "languages in mkdocs.yml. The other pages were checked as usual."
        ),
        language=suffix,
    )


def set_aside(
    paths: Iterable[Path], docs_dir: Path, languages: LanguageSet, project_root: Path
) -> tuple[list[Path], list[Finding]]:
    """The pages to read, and a finding for each page in a language the site does not list."""
    kept: list[Path] = []
    found: list[Finding] = []
    for path in paths:
        suffix = unlisted_language(path, docs_dir, languages)
        if suffix is None:
            kept.append(path)
        else:
            found.append(finding(path, suffix, languages, project_root))
    return kept, found
