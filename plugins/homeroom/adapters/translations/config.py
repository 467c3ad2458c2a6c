"""Options of ``homeroom/translations`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from homeroom.adapters.base import CheckConfig
from homeroom.adapters.options import mkdocs_option
from homeroom.data.options import TranslationsOptions as Options


class TranslationsConfig(CheckConfig):
    """``enabled``, ``fail_on``, then the coverage rules.

    - ``required``: languages every page must exist in, such as ``[es]`` (the default
      language always is); other site languages are optional. Empty: all are required.
    - ``essential_types``: page types that are essential (missing or stale is an error).
    - ``needs_review``: how serious an unreviewed machine translation of an essential page
      is (``error``, ``warning`` or ``info``).
    - ``languages_data``: a file in ``content/_data`` with each school's home-language
      counts (a school's own file may hold them instead, as ``home_languages:``).
    - ``threshold`` and ``min_students``: a language is required for a school's pages and
      report card when its share of the school's students is at least ``threshold`` (0.15)
      and at least ``min_students`` students speak it (0: no minimum).
    - ``status_page``: where the staff status page is built (empty for none).
    """

    required = mkdocs_option(Options, "required")
    essential_types = mkdocs_option(Options, "essential_types")
    needs_review = mkdocs_option(Options, "needs_review")
    languages_data = mkdocs_option(Options, "languages_data")
    threshold = mkdocs_option(Options, "threshold")
    min_students = mkdocs_option(Options, "min_students")
    status_page = mkdocs_option(Options, "status_page")
