"""Fixtures for the real-browser tests: Debian's Chromium driven by Playwright.

One browser per test process (each pytest-xdist worker has its own) and one built
bundled site per run, shared with the other tests (``bundled_build``). Chromium comes
from apt (``make setup`` installs it); Playwright's own browser download is never used.
In CI (``CI=true``) a missing Chromium or axe-core is an error, never a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import BundledBuild

from .sites import AXE, CHROMIUM, CHROMIUM_FLAGS, ROOT, BuiltPage, pages, serve


def _missing(what: str, how: str) -> None:
    message = f"{what} is missing: {how}"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{message} (CI must run the browser tests)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, with a fresh profile and no background networking."""
    if not CHROMIUM.exists():
        _missing(str(CHROMIUM), "run `make setup` (it installs Debian's chromium package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in the dev dependencies
        _missing("playwright", "run `make setup`")
    with sync_playwright() as playwright:
        # launch() gives Chromium a fresh, throw-away profile (user-data-dir) every time.
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script, from node_modules (installed by ``npm ci`` in make setup)."""
    if not AXE.exists():
        _missing(str(AXE.relative_to(ROOT)), "run `make setup` (it runs `npm ci`)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled_site(bundled_build: BundledBuild) -> Path:
    """The bundled site, built once per session (``bundled_build`` in tests/conftest.py)."""
    done = bundled_build.done
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {ROOT}:\n{done.stderr[-4000:]}")
    return bundled_build.site


@pytest.fixture(scope="session")
def bundled_url(bundled_site: Path) -> Iterator[str]:
    """The bundled site served on 127.0.0.1."""
    with serve(bundled_site) as url:
        yield url


@pytest.fixture(scope="session")
def bundled_pages(bundled_site: Path) -> list[BuiltPage]:
    """Every page of the bundled site."""
    return pages(bundled_site)
