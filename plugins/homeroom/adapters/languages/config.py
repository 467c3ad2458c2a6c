"""Options of ``homeroom/languages``: only ``enabled``."""

from __future__ import annotations

from mkdocs.config.base import Config

from homeroom.adapters.options import mkdocs_option
from homeroom.data.options import LanguagesOptions


class LanguagesConfig(Config):
    """``enabled``."""

    enabled = mkdocs_option(LanguagesOptions, "enabled")
