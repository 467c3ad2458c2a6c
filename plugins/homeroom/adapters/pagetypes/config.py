"""Options of ``homeroom/pagetypes`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from homeroom.adapters.base import CheckConfig
from homeroom.adapters.options import mkdocs_option
from homeroom.data.options import PageTypesOptions


class PageTypesConfig(CheckConfig):
    """``enabled``, ``fail_on``, ``types`` (file in ``content/_data``) and ``type_key``."""

    types = mkdocs_option(PageTypesOptions, "types")
    type_key = mkdocs_option(PageTypesOptions, "type_key")
