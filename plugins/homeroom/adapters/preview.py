"""The author preview under ``mkdocs serve``: each page's findings shown on the page.

Called by every Homeroom plugin's ``on_post_page`` (:class:`~homeroom.adapters.gate.Gate`)
only when the command is ``serve``; the first call on a page does the work and the
others find the panel already there. The core (:mod:`homeroom.pages.preview`) marks the
page's HTML and writes the panel; here the page is matched to its source and findings in
the build's session, and the stylesheet and script are written into the preview's site
folder and linked from the page. A published build never comes here, so nothing of the preview is
ever in ``site/``.
"""

from __future__ import annotations

from pathlib import Path
from weakref import WeakKeyDictionary

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from homeroom.adapters.session import current_language, finished
from homeroom.data.sources import display_path
from homeroom.pages.preview import ASSETS, PANEL_ID, SCRIPT, STYLESHEET, BuildIndex, asset, preview
from homeroom.run.session import Session

log = get_plugin_logger(__name__)
#: Each build's pages and findings by page, made on its first page; gone with its session.
_INDEXES: WeakKeyDictionary[Session, BuildIndex] = WeakKeyDictionary()


def show(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page's HTML with its findings marked and the preview panel at the top.

    The preview is a help while writing: if it cannot be made for a page, the page is
    served as it is, with a warning, and the author keeps working.
    """
    try:
        return _show(output, page, config)
    except Exception as exc:  # a page without its preview beats a preview that stops
        log.warning(f"The preview of {page.file.src_uri} shows no findings: {exc!r}")
        return output


def _show(output: str, page: Page, config: MkDocsConfig) -> str:
    current = finished(config)
    content = page.content or ""
    if current is None or not content or f'id="{PANEL_ID}"' in output:
        return output
    at = output.find(content)
    if at < 0:
        return output
    settings = current.settings
    if page.file.abs_src_path:
        display, generated = display_path(Path(page.file.abs_src_path), settings.project_root), ""
    else:
        display, generated = "", page.file.src_uri
    index = _INDEXES.get(current)
    if index is None:
        pages = ((p.path, p.metrics) for p in current.outcome().report.pages)
        index = _INDEXES[current] = BuildIndex(current.sources(), current.findings, pages)
    source = index.source(display)
    findings = index.findings(display, generated)
    metrics = index.metrics(display or generated)
    language = source.language if source is not None else current_language(config)
    marked = preview(content, source, findings, metrics, language)
    output = output[:at] + marked + output[at + len(content) :]
    _write_assets(Path(config.site_dir))
    links = (
        f'<link rel="stylesheet" href="{get_relative_url(STYLESHEET, page.url)}">'
        f'<script src="{get_relative_url(SCRIPT, page.url)}" defer></script>'
    )
    head = output.find("</head>")
    return output[:head] + links + output[head:] if head >= 0 else links + output


def _write_assets(site_dir: Path) -> None:
    for served, name in ASSETS.items():
        target = site_dir / served
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(asset(name), encoding="utf-8")
