"""MkDocs config options made from the core's option dataclasses (:mod:`homeroom.data.options`).

Each plugin's config class lists its options by name, each made here from the core's
field: the same form, the same default, the same choices, so ``mkdocs build`` and
``homeroom check`` can never disagree about an option.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c

from homeroom.data.options import PluginOptions, specs


def mkdocs_option(cls: type[PluginOptions], name: str) -> Any:
    """The MkDocs config option for the core option ``name`` of ``cls``."""
    spec = specs(cls)[name]
    if spec.kind == "bool":
        return c.Type(bool, default=spec.default)
    if spec.kind == "choice":
        return c.Choice(spec.choices, default=spec.default)
    if spec.kind == "number":
        return c.Type((int, float), default=spec.default)
    if spec.kind == "list":
        return c.ListOfItems(c.Type(str), default=list(spec.default))
    return c.Type(str, default=spec.default)
