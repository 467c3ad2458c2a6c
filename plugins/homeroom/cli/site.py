"""The site a command works on: its mkdocs.yml (``-f``, else ./mkdocs.yml) and settings.

Without a mkdocs.yml, loose files are checked in any language Babel knows; ``--lang``
names the language of files with no ``.xx.md`` suffix.
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


def settings_for(given: Path | None, lang: str | None) -> Settings:
    """The settings of the site ``given`` (see :func:`config_file`), its default language ``lang``."""
    path = config_file(given)
    if path is not None:
        settings = load_settings(path)
    else:
        # No site configuration: check loose files, accepting any language Babel knows.
        settings = Settings(
            project_root=Path.cwd(),
            docs_dir=Path.cwd() / "content",
            languages=LanguageSet((Language("en", "English", default=True),), open=True),
        )
    if lang:
        chosen = settings.languages.get(lang) or LanguageSet((), open=True).get(lang)
        if chosen is None:
            raise HomeroomError(
                f"--lang {lang}: not a language code Homeroom knows (try es, vi, ar)"
            )
        others = tuple(x for x in settings.languages.languages if x.code != lang)
        languages = LanguageSet(
            (
                Language(chosen.code, chosen.name, default=True),
                *[Language(x.code, x.name) for x in others],
            ),
            open=settings.languages.open,
        )
        settings = dataclasses.replace(settings, languages=languages)
    return settings
