"""What every Homeroom check plugin shares: its options, its check's data read early, pages made.

Every check runs once per build for every language, in the build's session
(:mod:`homeroom.adapters.session`); a check plugin asks the session for the build's
findings in ``on_files``. How findings are logged is in :mod:`homeroom.adapters.reporting`;
what stops the build, in :mod:`homeroom.adapters.gate`.

Results also go to the disk cache (``.homeroom-cache/`` next to mkdocs.yml, or
``$HOMEROOM_CACHE_DIR``; ``off`` for none), shared with ``homeroom check``: a build after
a check, or a rebuild in ``mkdocs serve`` after one page was saved, re-checks only pages
whose content changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import SimpleNamespace

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from homeroom.adapters.gate import Gate
from homeroom.adapters.options import mkdocs_option
from homeroom.adapters.session import checked
from homeroom.data.options import CheckOptions


def generated_page(
    config: MkDocsConfig,
    uri: str,
    content: str,
    *,
    language: str,
    default: str,
    languages: Iterable[str],
) -> File:
    """A page Homeroom writes (a glossary, a report card, the staff page) for one language.

    It is given what mkdocs-static-i18n gives the pages it reads from disk: a place under
    ``<language>/`` outside the default language, and the ``alternates``, ``locale`` and
    ``locale_alternate_of`` its language switcher reads, pointing at the same page in each
    of ``languages`` (the other languages' switcher links go to their home pages).
    Add it after static-i18n's ``on_files``, which rebuilds every file from disk.
    """
    page = File.generated(config, uri, content=content)
    if language != default:
        page.dest_uri = f"{language}/{page.dest_uri}"
    # Read the URL only after moving the page: File caches it.
    base_url = page.url.removeprefix(f"{language}/")
    page.alternates = {  # type: ignore[attr-defined]
        lang: SimpleNamespace(url=base_url if lang == default else f"{lang}/{base_url}")
        for lang in languages
    }
    page.locale_alternate_of = ""  # type: ignore[attr-defined]
    page.locale = language  # type: ignore[attr-defined]
    return page


class CheckConfig(Config):
    """Options every check plugin has, ``enabled`` first.

    - ``fail_on``: findings at least this serious stop the build (``error``, ``warning``
      or ``info``); the rest are printed as advice.
    """

    enabled = mkdocs_option(CheckOptions, "enabled")
    fail_on = mkdocs_option(CheckOptions, "fail_on")


class CheckPlugin(Gate, BasePlugin[CheckConfig]):
    """A Homeroom check as an MkDocs plugin: the build's findings are asked for in ``on_files``.

    Subclasses name the core check (``check_name``) and declare their options, which the
    session reads under the check's name, exactly as ``homeroom check`` reads them from
    mkdocs.yml. The check's data is read only when a page needs checking: in a build where
    every result is cached it is never read (a result is cached only under the fingerprint
    of data that was read without error), and broken data stops the build, with its line,
    before any page is written.
    """

    check_name = ""

    def __init__(self) -> None:
        """Nothing to keep between builds: the build's session holds it all."""

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The build's checks run (once, whichever plugin asks first) and are logged."""
        if self.config.enabled:
            checked(config)
        return files
