"""``homeroom/pagetypes``: the core page-types check as an MkDocs plugin."""

from __future__ import annotations

from homeroom.adapters.base import CheckPlugin
from homeroom.adapters.pagetypes.config import PageTypesConfig


class PageTypesPlugin(CheckPlugin):
    """Report pages with an unknown type, or missing or misplaced required sections."""

    config_class = PageTypesConfig
    check_name = "pagetypes"
