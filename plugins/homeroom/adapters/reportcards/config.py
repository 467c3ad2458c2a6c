"""Options of ``homeroom/reportcards`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c

from homeroom.adapters.base import CheckConfig


class ReportCardsConfig(CheckConfig):
    """``enabled``, ``fail_on``, and where the data, the pages and the audit log go.

    - ``schools_dir``: folder inside ``content/_data`` with one YAML file per school and
      ``_district.yml`` (default ``schools``).
    - ``output``: folder of the generated pages in the site (default ``schools``).
    - ``audit_dir``: where the unpublished audit log of hidden values is written, relative
      to mkdocs.yml (default ``.homeroom/audit``); never inside the site folder.
    """

    schools_dir = c.Type(str, default="schools")
    output = c.Type(str, default="schools")
    audit_dir = c.Type(str, default=".homeroom/audit")
