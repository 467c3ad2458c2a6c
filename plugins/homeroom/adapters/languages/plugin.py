"""``homeroom/languages``: let a site publish in every language its families read.

Two things stand between a district and some of its families' languages, and this plugin
removes both:

- mkdocs-static-i18n accepts only two-letter language codes (ISO 639-1), but some languages
  have none: Hmong is ``hmn`` (ISO 639-2 and BCP 47). Listed in mkdocs.yml *before*
  ``i18n``, this plugin is loaded first and widens the codes static-i18n accepts to the
  two- and three-letter codes of BCP 47, with a script or region (``zh-Hant``, ``pt-BR``);
  nothing else about static-i18n changes.
- Material has no interface strings for Haitian Creole, Somali or Hmong (the page would
  not build) and lacks a few keys in other languages (shown in English). Each language pass
  gets the theme template ``partials/languages/<code>.html`` made from Material's strings
  with Homeroom's merged over them (:mod:`homeroom.data.interface`); a site's own file in
  its ``custom_dir`` wins.

A language whose pages would still show English interface text is an ``i18n.interface``
finding of the translation checks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from homeroom.adapters.languages.config import LanguagesConfig

#: Two or three lower-case letters, then an optional script and region: ``hmn``,
#: ``zh-Hant``, ``pt-BR``, ``pt_BR``.
LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?([-_][A-Z]{2})?$")


def _widen_static_i18n() -> None:
    try:
        from mkdocs_static_i18n import config as i18n_config
    except ImportError:  # static-i18n is not installed: nothing to widen
        return
    i18n_config.RE_LOCALE = LOCALE  # read by its Locale option at validation time


_widen_static_i18n()


def _custom_dirs(config: MkDocsConfig) -> list[Path]:
    custom = config.theme.custom_dir if config.theme else None
    return [Path(custom)] if custom else []


def _languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    entries: Any = getattr(i18n, "config", {}).get("languages", []) if i18n else []
    codes = [str(getattr(e, "locale", None) or e.get("locale")) for e in entries or []]
    theme_language = config.theme.get("language") if config.theme else None
    if theme_language:
        codes.append(str(theme_language))
    return [c for c in dict.fromkeys(codes) if c and c != "null"]


class LanguagesPlugin(BasePlugin[LanguagesConfig]):
    """Languages with three-letter codes, and the theme's strings in every site language."""

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Any
    ) -> jinja2.Environment:
        """Put Homeroom's language templates in front of the theme's own."""
        from homeroom.data.interface import needs_template, template_source

        if not self.config.enabled:
            return env
        from homeroom.model.languages import Language

        custom = _custom_dirs(config)
        made = {
            f"partials/languages/{code}.html": template_source(
                code, Language(code=code, name=code).direction, custom
            )
            for code in _languages(config)
            if needs_template(code, custom)
        }
        if made and env.loader is not None:
            loader = env.loader
            if isinstance(loader, jinja2.ChoiceLoader) and isinstance(
                loader.loaders[0], jinja2.DictLoader
            ):
                loader = jinja2.ChoiceLoader(list(loader.loaders[1:]))
            env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(made), loader])
        return env
