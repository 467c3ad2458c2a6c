"""Options of ``homeroom/pagetypes`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c

from homeroom.adapters.base import CheckConfig


class PageTypesConfig(CheckConfig):
    """``enabled``, ``fail_on``, and ``types``: the page-types file in ``content/_data``."""

    types = c.Type(str, default="page-types.yml")
