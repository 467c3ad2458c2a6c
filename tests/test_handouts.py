"""One-page handouts: the sections the data names, a QR code that decodes to the page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import segno

from conftest import ROOT
from homeroom.data.contact import load_contact
from homeroom.data.handouts import load_handouts
from homeroom.data.settings import load_settings
from homeroom.data.sources import discover, load_sources, source_from_text
from homeroom.model.errors import HomeroomError
from homeroom.pages.handout import handouts, sections_markdown
from homeroom.theme.qr import qr_svg

SETTINGS = load_settings(ROOT / "mkdocs.yml")
DATA = load_handouts(SETTINGS.data_dir, ROOT)
CONTACT = load_contact(SETTINGS.data_dir, ROOT)


def decode(url: str) -> list[str]:
    """What a camera reads from the code segno makes for ``url`` (zbar, through Pillow)."""
    zbar = pytest.importorskip("pyzbar.pyzbar", reason="libzbar0 is missing: run make setup")
    from PIL import Image

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=6)
    buffer.seek(0)
    return [found.data.decode("utf-8") for found in zbar.decode(Image.open(buffer))]


def test_sections_are_copied_in_order_with_links_as_words() -> None:
    text = (
        "---\ntitle: G\ntype: grade-expectations\n---\n# G\n\n## A {#promise}\n\nOne.\n\n"
        "### Inside\n\nStill A.\n\n## B {#math}\n\nSee [the guide](guide.md).\n\n"
        "## C {#talk}\n\nNot wanted.\n"
    )
    source = source_from_text(text, "content/g.md", "g.md", "g.md", "en")
    parts = sections_markdown(source, ["math", "promise"])
    assert parts == [
        "## A {#promise}\n\nOne.\n\n### Inside\n\nStill A.",
        "## B {#math}\n\nSee the guide.",
    ]


def test_the_qr_code_is_inline_svg_with_a_name() -> None:
    svg = qr_svg("https://families.example.org/es/grade-3/", "Scan me")
    assert svg.startswith('<svg role="img" aria-label="Scan me" viewBox=')
    assert "<script" not in svg and "http" not in svg.replace("https://families", "")


@pytest.mark.parametrize(
    "url",
    ["https://families.riverbend.example.org/es/grade-3/", "https://x.example/ar/team-meeting/"],
)
def test_a_qr_code_decodes_to_its_address(url: str) -> None:
    assert decode(url) == [url]


def test_every_grade_page_and_guide_has_a_handout_in_each_of_its_languages() -> None:
    paths = discover(SETTINGS.docs_dir)
    sources = load_sources(paths, SETTINGS.docs_dir, SETTINGS.languages, ROOT)
    made = handouts(SETTINGS, sources, DATA, CONTACT)
    by_key = {(h.page, h.language): h for h in made}
    wanted = {
        (s.page.removesuffix(".md"), s.language) for s in sources if s.page_type in DATA.sections
    }
    assert set(by_key) == wanted
    assert ("grade-3", "es") in by_key and ("conference-guide", "ar") in by_key
    for (page, language), handout in by_key.items():
        prefix = "" if language == "en" else f"{language}/"
        assert handout.url == f"https://families.riverbend.example.org/{prefix}{page}/"
        assert handout.uri == f"handouts/{page}.md"
        assert "type: handout" in handout.text and "<svg" in handout.text
        assert "(555) 010-2400" in handout.text  # the interpreter line, on paper
        assert "](" not in handout.text.split("{: .homeroom-handout-whole }", 1)[1]


def test_handouts_need_the_sites_address(tmp_path: Path) -> None:
    import dataclasses

    with pytest.raises(HomeroomError, match="site_url"):
        handouts(dataclasses.replace(SETTINGS, site_url=""), [], DATA, CONTACT)
    (tmp_path / "handouts.yml").write_text("types:\n  grade-expectations: {sections: []}\n")
    with pytest.raises(HomeroomError, match=r"handouts\.yml:2"):
        load_handouts(tmp_path, tmp_path)
    with pytest.raises(HomeroomError, match="does not exist"):
        load_handouts(tmp_path / "none", tmp_path)
