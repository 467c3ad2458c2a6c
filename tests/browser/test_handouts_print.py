"""Every handout prints on one sheet, and its QR code opens the same page in its language.

Handouts are found in the built site (``homeroom:page-type`` is ``handout``), so a new grade
page, guide or language is covered without changing this test. Each is printed to PDF by
Chromium on Letter and on A4; its QR code is photographed as the browser draws it and
read by zbar (``libzbar0``, which ``make setup`` installs), as a phone camera would.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from .page_checks import pdf_page_count
from .sites import ROOT, BuiltPage

SITE_URL = str(
    yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").split("\ntheme:")[0])["site_url"]
)
_LANG = re.compile(r'<html lang="([^"]+)"')


def _zbar() -> Any:
    try:
        from pyzbar import pyzbar
    except ImportError as exc:  # the library, or libzbar0 from apt
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"zbar is missing ({exc}); CI must decode the QR codes", pytrace=False)
        pytest.skip(f"zbar is missing ({exc}): run `make setup`")
    return pyzbar


def test_every_handout_fits_one_sheet_and_its_code_opens_its_page(
    browser: Any, bundled_url: str, bundled_pages: list[BuiltPage], bundled_site: Path
) -> None:
    zbar = _zbar()
    from PIL import Image

    handouts = [p for p in bundled_pages if p.page_type == "handout"]
    languages = {p.language for p in handouts}
    assert len(handouts) >= 30 and languages >= {"en", "es", "vi", "ar"}
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    problems: list[str] = []
    for built in handouts:
        where = built.url
        page.emulate_media(media="screen")
        page.goto(bundled_url + built.url)
        # The code, as the browser draws it, read as a camera would.
        shot = page.locator("svg.homeroom-qr").screenshot()
        found = [d.data.decode("utf-8") for d in zbar.decode(Image.open(io.BytesIO(shot)))]
        whole = built.url.replace("/handouts/", "/", 1)
        expected = SITE_URL.rstrip("/") + whole
        if found != [expected]:
            problems.append(f"{where}: the code reads {found}, not [{expected!r}]")
        target = bundled_site / whole.strip("/") / "index.html"
        html = target.read_text(encoding="utf-8") if target.exists() else ""
        lang = _LANG.search(html)
        if not lang or lang.group(1) != built.language:
            problems.append(f"{where}: {whole} is not a {built.language} page of the site")
        # On screen, the handout links to the whole page; the whole page to its handout.
        link = page.locator("a.homeroom-handout-whole")
        if link.count() != 1 or urlsplit(link.evaluate("a => a.href")).path != whole:
            problems.append(f"{where}: no link back to {whole}")
        page.goto(bundled_url + whole)
        back = page.locator(".homeroom-handout-link a")
        if back.count() != 1 or urlsplit(back.evaluate("a => a.href")).path != built.url:
            problems.append(f"{whole}: no link to its handout {built.url}")
        page.goto(bundled_url + built.url)
        page.emulate_media(media="print")
        for paper in ("Letter", "A4"):
            sheets = pdf_page_count(page.pdf(format=paper))
            if sheets != 1:
                problems.append(f"{where}: prints on {sheets} {paper} pages, not one")
    context.close()
    assert not problems, "\n".join(problems)
