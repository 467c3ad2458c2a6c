"""Options of ``homeroom/translations`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c

from homeroom.adapters.base import CheckConfig
from homeroom.checks.translations.options import DEFAULT_ESSENTIAL_TYPES


class TranslationsConfig(CheckConfig):
    """``enabled``, ``fail_on``, then the coverage rules.

    - ``required``: languages every page must exist in, such as ``[es]`` (the default
      language always is); other site languages are optional. Empty: all are required.
    - ``essential_types``: page types that are essential (missing or stale is an error).
    - ``needs_review``: how serious an unreviewed machine translation of an essential page
      is (``error``, ``warning`` or ``info``).
    - ``languages_data``: a file in ``content/_data`` with each school's home-language
      counts; languages at or above ``threshold`` become required for that school's pages.
    - ``status_page``: where the staff status page is built (empty for none).
    """

    required = c.ListOfItems(c.Type(str), default=[])
    essential_types = c.ListOfItems(c.Type(str), default=list(DEFAULT_ESSENTIAL_TYPES))
    needs_review = c.Choice(("error", "warning", "info"), default="error")
    languages_data = c.Type(str, default="")
    threshold = c.Type((int, float), default=0.15)
    status_page = c.Type(str, default="staff/translations.md")
