"""Options of ``homeroom/jargon`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from homeroom.adapters.base import CheckConfig
from homeroom.adapters.options import mkdocs_option
from homeroom.data.options import JargonOptions


class JargonConfig(CheckConfig):
    """``enabled``, ``fail_on``, and ``glossary_page``.

    ``glossary_page`` is where the family glossary page is generated in each language
    (``glossary.md``, ``glossary.es.md``, ...); empty to generate none.
    """

    glossary_page = mkdocs_option(JargonOptions, "glossary_page")
