"""Options of ``homeroom/readability`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from homeroom.adapters.base import CheckConfig
from homeroom.adapters.options import mkdocs_option
from homeroom.data.options import ReadabilityOptions


class ReadabilityConfig(CheckConfig):
    """``enabled``, ``fail_on``, and ``thresholds``: the limits file in ``content/_data``."""

    thresholds = mkdocs_option(ReadabilityOptions, "thresholds")
