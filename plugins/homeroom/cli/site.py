"""The site a command works on: its mkdocs.yml (``-f``, else ./mkdocs.yml) and settings.

Without a mkdocs.yml, loose files are checked in any language Babel knows. ``--lang``
names the language of the files given whose names have no ``.xx.md`` suffix, and changes
nothing about the site (its default language, the translations it needs).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from homeroom.data.settings import Settings, load_settings
from homeroom.model.errors import HomeroomError
from homeroom.model.languages import Language, LanguageSet


def config_file(given: Path | None) -> Path | None:
    """The mkdocs.yml ``given`` with ``-f``, else ./mkdocs.yml if there is one, else None."""
    if given is None and Path("mkdocs.yml").is_file():
        return Path("mkdocs.yml")
    return given


def settings_for(given: Path | None) -> Settings:
    """The settings of the site ``given`` (see :func:`config_file`), or of loose files."""
    path = config_file(given)
    if path is not None:
        return load_settings(path)
    # No site configuration: check loose files, accepting any language Babel knows.
    return Settings(
        project_root=Path.cwd(),
        docs_dir=Path.cwd() / "content",
        languages=LanguageSet((Language("en", "English", default=True),), open=True),
    )


def file_language(lang: str, settings: Settings) -> Language:
    """The language ``--lang`` names, checked: one the site lists, or any Babel knows."""
    chosen = settings.languages.get(lang) or LanguageSet((), open=True).get(lang)
    if chosen is None:
        raise HomeroomError(f"--lang {lang}: not a language code Homeroom knows (try es, vi, ar)")
    return Language(chosen.code, chosen.name)


def with_file_language(settings: Settings, lang: Language) -> tuple[Settings, LanguageSet]:
    """Settings for the page checks of files ``--lang`` names, and how to read their names.

    The site keeps its own languages for everything across pages (which translations it
    needs, its default language): ``--lang`` only says what language the files given are
    in. The page checks must still know that language (its glossary, its limits), so it is
    added to theirs, after the site's own; the file names are read with it as the language
    of a name with no ``.xx.md`` suffix.
    """
    site = settings.languages
    known = any(x.code == lang.code for x in site.languages)
    listed = site.languages if known else (*site.languages, lang)
    checks = dataclasses.replace(settings, languages=LanguageSet(tuple(listed), open=site.open))
    names = LanguageSet(
        (
            Language(lang.code, lang.name, default=True),
            *(Language(x.code, x.name) for x in site.languages if x.code != lang.code),
        ),
        open=True,
    )
    return checks, names
