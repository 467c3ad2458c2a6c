"""The two kinds of check the engine runs (:mod:`homeroom.run.engine`).

- A :class:`PageCheck` sees one page (its source and prose) and returns findings and
  metrics; its results are cached per page, under the fingerprint its registration gives
  (:class:`homeroom.run.registry.LazyCheck`: options, data files, code).
- A :class:`SiteCheck` sees every page of the site at once (translation coverage, interface
  catalogs, school languages). While the engine walks the pages for the page checks, it asks
  each site check for what it needs from a page (:meth:`SiteCheck.page_data`, worked out in
  the same parse, on every core), then hands it all to :meth:`SiteCheck.check_site`.

The engine applies ``allow:`` entries to the findings of both kinds in one place, and
:mod:`homeroom.run.verdict` decides which of them stop a build.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from homeroom.model.findings import Finding
from homeroom.model.store import Store

if TYPE_CHECKING:
    from homeroom.data.sources import Source
    from homeroom.text.prose import ProseDocument


@dataclass(frozen=True)
class PageResult:
    """What one check found on one page."""

    findings: tuple[Finding, ...] = ()
    metrics: Mapping[str, Any] = field(default_factory=dict)


class PageCheck(Protocol):
    """A check that looks at one page at a time."""

    name: str

    def check_page(self, source: Source, doc: ProseDocument) -> PageResult:
        """Check one page."""


@dataclass(frozen=True)
class SiteInput:
    """What a site check is given: every page, what it asked of them, and a store."""

    sources: Sequence[Source]
    """Every page of the site (every language)."""
    page_data: Mapping[str, Any] = field(default_factory=dict)
    """What :meth:`SiteCheck.page_data` returned, by page content hash, for the pages
    :meth:`SiteCheck.wanted` named."""
    store: Store | None = None
    """Where results are kept between runs (None: nothing is kept)."""


@dataclass(frozen=True)
class SiteResult:
    """What a site check found, and what it worked out (a status page is built from it)."""

    findings: tuple[Finding, ...] = ()
    value: Any = None


class SiteCheck(Protocol):
    """A check across pages, run by the engine once the page checks are done.

    Its findings are not cached as a whole (they depend on every page, on git history and
    on data files); what it works out per pair or per page goes through the store.
    """

    name: str

    def wanted(self, sources: Sequence[Source], store: Store | None) -> Sequence[Source]:
        """The pages whose :meth:`page_data` this run needs (none already known)."""

    def page_data(self, source: Source, doc: ProseDocument) -> Any:
        """What the check needs from one page (picklable: it may come from another process)."""

    def check_site(self, site: SiteInput) -> SiteResult:
        """Check the whole site."""
