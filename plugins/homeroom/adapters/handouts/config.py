"""Options of ``homeroom/handouts`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config.base import Config

from homeroom.adapters.options import mkdocs_option
from homeroom.data.options import HandoutsOptions


class HandoutsConfig(Config):
    """``enabled``, ``types`` and ``output``.

    - ``types``: the file in ``content/_data`` naming which page types get a handout and
      which of their sections go on it (``handouts.yml``);
    - ``output``: the folder the handouts are published in (``handouts``).
    """

    enabled = mkdocs_option(HandoutsOptions, "enabled")
    types = mkdocs_option(HandoutsOptions, "types")
    output = mkdocs_option(HandoutsOptions, "output")
