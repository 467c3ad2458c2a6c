"""Options of ``homeroom/reportcards`` (the same names the CLI reads from mkdocs.yml)."""

from __future__ import annotations

from homeroom.adapters.base import CheckConfig
from homeroom.adapters.options import mkdocs_option
from homeroom.data.options import ReportCardsOptions


class ReportCardsConfig(CheckConfig):
    """``enabled``, ``fail_on``, and where the data, the pages and the audit log go.

    - ``schools_dir``: folder inside ``content/_data`` with one YAML file per school and
      ``_district.yml`` (default ``schools``).
    - ``output``: folder of the generated pages in the site (default ``schools``).
    - ``audit_dir``: where the unpublished audit log of hidden values is written, relative
      to mkdocs.yml (default ``.homeroom/audit``); never inside the site folder.
    """

    schools_dir = mkdocs_option(ReportCardsOptions, "schools_dir")
    output = mkdocs_option(ReportCardsOptions, "output")
    audit_dir = mkdocs_option(ReportCardsOptions, "audit_dir")
