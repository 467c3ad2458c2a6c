"""Sites for the browser tests and the page benchmark: build them, list their pages, serve them.

Shared by ``tests/browser/`` and ``scripts/bench_pages.py``: the bundled site, a generated
site of any size (to show that page weight does not grow with the site), a stock
Material site (to compare against), and a tiny site with a right-to-left language.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "overrides"
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"

# Flags that keep Chromium from reaching out to the network on its own.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

PHONES = {"360x640": (360, 640), "390x844": (390, 844)}


@dataclass(frozen=True)
class BuiltPage:
    """One page of a built site: its address (``/es/grade-3/``), language and type."""

    url: str
    path: Path
    language: str
    direction: str
    page_type: str
    html_bytes: int


def build(project: Path, out: Path) -> Path:
    """Build the MkDocs project in ``project`` into ``out`` (strict); raise on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{done.stderr[-4000:]}")
    return out


_LANG = re.compile(r'<html lang="([^"]+)"')
_DIR = re.compile(r'<body dir="([^"]+)"')
_TYPE = re.compile(r'<meta name="homeroom:page-type" content="([^"]*)"')


def pages(site: Path) -> list[BuiltPage]:
    """Every content page of a built site (not the 404 page), read from its HTML."""
    found = []
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        relative = path.parent.relative_to(site).as_posix()
        url = "/" if relative == "." else f"/{relative}/"
        lang = _LANG.search(html)
        direction = _DIR.search(html)
        page_type = _TYPE.search(html)
        found.append(
            BuiltPage(
                url=url,
                path=path,
                language=lang.group(1) if lang else "",
                direction=direction.group(1) if direction else "",
                page_type=page_type.group(1) if page_type else "page",
                html_bytes=len(html.encode("utf-8")),
            )
        )
    return found


def one_per_type(site_pages: list[BuiltPage]) -> list[BuiltPage]:
    """One page for every (page type, language) pair: the first by address."""
    chosen: dict[tuple[str, str], BuiltPage] = {}
    for page in site_pages:
        chosen.setdefault((page.page_type, page.language), page)
    return sorted(chosen.values(), key=lambda p: (p.page_type, p.language))


def gzip_size(body: bytes) -> int:
    """How many bytes ``body`` takes on the wire when gzip-compressed."""
    return len(gzip.compress(body, compresslevel=6))


_COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files like a real web host: text gzip-compressed when the browser asks."""

    def do_GET(self) -> None:
        """Send text files gzip-compressed; everything else as the standard handler does."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.is_file() and path.suffix in _COMPRESSIBLE):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 on a free port; yield the base address."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# --- Generated and fixture sites -------------------------------------------------------

_SITE_YML = """\
site_name: Generated district
docs_dir: content
theme:
  name: material
  {custom_dir}
  language: en
  font: false
  {features}
{hooks}
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
{languages}
"""

_LANGUAGE_YML = """\
        - locale: {locale}
          name: {name}
          build: true{default}
"""

_PARAGRAPH = {
    "en": "Read with your child for twenty minutes each day. Talk about the story. "
    "Ask what happened first and what happened next.",
    "es": "Lea con su hijo veinte minutos cada día. Hablen del cuento. "
    "Pregunte qué pasó primero y qué pasó después.",
    "ar": "اقرأ مع طفلك عشرين دقيقة كل يوم. تحدث عن القصة. اسأل ماذا حدث أولا وماذا حدث بعد ذلك.",
}
_NAMES = {"en": "English", "es": "Español", "ar": "العربية"}


def write_project(
    project: Path,
    page_count: int,
    languages: tuple[str, ...] = ("en", "es"),
    stock: bool = False,
) -> Path:
    """Write a generated site of ``page_count`` pages per language.

    Like a real district site, pages sit in folders a few levels deep (25 pages per
    section, 20 sections per group), so a page's navigation is its own branch only.

    ``stock=True`` gives plain Material (no Homeroom overrides, default features), the
    baseline the benchmark compares against.
    """
    content = project / "content"
    content.mkdir(parents=True, exist_ok=True)
    langs = "".join(
        _LANGUAGE_YML.format(
            locale=code, name=_NAMES[code], default="\n          default: true" if i == 0 else ""
        )
        for i, code in enumerate(languages)
    )
    config = _SITE_YML.format(
        custom_dir="" if stock else f"custom_dir: {OVERRIDES.as_posix()}",
        features="" if stock else "features: [navigation.prune, navigation.indexes]",
        hooks=""
        if stock
        else f"hooks:\n  - {(OVERRIDES / 'hooks' / 'search_per_language.py').as_posix()}",
        languages=langs,
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for number in range(page_count):
        section = content / f"group-{number // 500 + 1:02d}" / f"section-{number // 25 + 1:03d}"
        section.mkdir(parents=True, exist_ok=True)
        for i, code in enumerate(languages):
            suffix = "" if i == 0 else f".{code}"
            body = textwrap.dedent(
                f"""\
                ---
                type: grade-expectations
                ---
                # Page {number + 1}

                {_PARAGRAPH[code]}

                ## Section {number + 1}

                {_PARAGRAPH[code]}
                """
            )
            (section / f"page-{number + 1:05d}{suffix}.md").write_text(body, encoding="utf-8")
    for i, code in enumerate(languages):
        suffix = "" if i == 0 else f".{code}"
        home = f"---\ntype: home\n---\n# Home\n\n{_PARAGRAPH[code]}\n"
        (content / f"index{suffix}.md").write_text(home, encoding="utf-8")
    return project


def write_stock_bundled(project: Path) -> Path:
    """The bundled site's pages with plain Material: no overrides, no Homeroom checks."""
    content = project / "content"
    content.mkdir(parents=True, exist_ok=True)
    for page in (ROOT / "content").glob("*.md"):
        (content / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    config = _SITE_YML.format(
        custom_dir="",
        features="",
        hooks="",
        languages="".join(
            _LANGUAGE_YML.format(locale=c, name=_NAMES[c], default=d)
            for c, d in (("en", "\n          default: true"), ("es", ""))
        ),
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project
