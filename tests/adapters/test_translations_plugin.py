"""``homeroom/translations`` in real builds: no silent English, honest fallbacks, status page."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, TRANSLATIONS_SITE_YML, homeroom, mkdocs_build, plain_mkdocs_build

SITE_YML = TRANSLATIONS_SITE_YML + "nav:\n  - index.md\n  - grade-3.md\n  - conference-guide.md\n"

NOTICES = (ROOT / "content" / "_data" / "notices.yml").read_text(encoding="utf-8")


def write(root: Path, pages: dict[str, str]) -> Path:
    (root / "mkdocs.yml").write_text(SITE_YML, encoding="utf-8")
    data = root / "content" / "_data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "notices.yml").write_text(NOTICES, encoding="utf-8")
    for name, text in pages.items():
        (root / "content" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def tracked(page_text: str, translation_body: str, essential: bool = False) -> str:
    """A translation whose record matches ``page_text`` as it is now."""
    from homeroom.checks.translations.records import source_hash
    from homeroom.data.sources import source_from_text

    source = source_from_text(page_text, "p.md", "p.md", "p.md", "en")
    digest = source_hash(source)
    extra = "essential: true\n" if essential else ""
    return (
        f"---\n{extra}translation: {{method: person, source_hash: '{digest}'}}\n---\n"
        f"{translation_body}"
    )


INDEX = "# Welcome\n\nSee [grade 3](grade-3.md) and the [guide](conference-guide.md#before).\n"
GRADE = "# Grade 3\n\nYour child reads every day.\n"
GUIDE = "---\ntype: conference-guide\n---\n# Conferences\n\n## Before\n\nBook a time.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site where grade 3 has no Spanish page and Vietnamese has only the home page.

    Built once for this module: the tests below only read what it published.
    """
    root = write(
        tmp_path_factory.mktemp("fallbacks"),
        {
            "index.md": INDEX,
            "index.es.md": tracked(
                INDEX,
                "# Bienvenidos\n\nVea [grado 3](grade-3.md) y la "
                "[guía](conference-guide.md#before).\n",
            ),
            "index.vi.md": tracked(
                INDEX,
                "# Chào mừng\n\nXem [lớp 3](grade-3.md) và "
                "[hướng dẫn](conference-guide.md#before).\n",
            ),
            "grade-3.md": GRADE,
            "conference-guide.md": GUIDE,
            "conference-guide.es.md": tracked(
                GUIDE, "# Conferencias\n\n## Antes\n\nPida una cita.\n"
            ),
        },
    )
    # A plain build (not --strict): the missing page is advice, a warning, not a stop.
    done = plain_mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    # Missing but not essential: said once, as advice.
    lines = [line for line in done.stderr.splitlines() if "i18n.missing" in line]
    assert len(lines) == 1 and "content/grade-3.md:1:1: warning i18n.missing" in lines[0]
    return root / "site"


def test_a_fallback_in_a_required_language_says_so_in_that_language(built: Path) -> None:
    html = (built / "es" / "grade-3" / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition info homeroom-fallback" role="note" lang="es"' in html
    assert "Esta página aún no está en español" in html
    assert "Aquí la tiene en inglés." in html
    # The English text is marked as English for screen readers and translation tools.
    notice_at = html.index("homeroom-fallback")
    assert html.index('<div lang="en" dir="ltr">', notice_at) < html.index("Your child reads")


def test_fallbacks_are_kept_out_of_search(built: Path) -> None:
    docs = json.loads((built / "search" / "search_index.json").read_text())["docs"]
    locations = {d["location"] for d in docs}
    assert "es/" in locations  # the Spanish home page is searchable
    assert not any(loc.startswith("es/grade-3") for loc in locations)


def test_an_optional_language_gets_no_copies_of_english_pages(built: Path) -> None:
    assert (built / "vi" / "index.html").is_file()
    assert not (built / "vi" / "grade-3").exists()
    assert not (built / "vi" / "conference-guide").exists()
    home = (built / "vi" / "index.html").read_text(encoding="utf-8")
    # Links go to the English page, marked as English, and say so in Vietnamese.
    assert '<a href="../grade-3/" hreflang="en">lớp 3</a> (bằng tiếng Anh)' in home
    assert 'href="../conference-guide/#before" hreflang="en"' in home
    # The navigation lists only pages that exist in Vietnamese.
    nav_links = home.split('class="md-nav__list"', 1)[1]
    assert "grade-3" not in nav_links.split("</nav>", 1)[0]


def test_the_switcher_sends_readers_to_a_language_home_when_a_page_is_missing(
    built: Path,
) -> None:
    english = (built / "grade-3" / "index.html").read_text(encoding="utf-8")
    assert '<a href="/vi/" hreflang="vi" class="md-select__link">' in english
    assert 'hreflang="es" class="md-select__link"' in english


def test_the_status_page_is_built_for_staff_out_of_nav_and_search(built: Path) -> None:
    status = (built / "staff" / "translations" / "index.html").read_text(encoding="utf-8")
    assert "Translation status" in status
    assert '<svg class="homeroom-chart" role="img" aria-label="English: 100% current; ' in status
    assert "| Español (es) | 67%" not in status  # rendered as a table, not left as text
    assert "<td>Español (es)</td>" in status and "<td>67% (2)</td>" in status
    assert "<td>grade-3.md</td>" in status and "<td>missing</td>" in status
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "staff/translations" not in home
    docs = json.loads((built / "search" / "search_index.json").read_text())["docs"]
    assert not any(d["location"].startswith("staff/") for d in docs)


def test_a_missing_essential_translation_fails_the_build(tmp_path: Path) -> None:
    root = write(tmp_path, {"index.md": "# Home\n", "conference-guide.md": GUIDE})
    (root / "content" / "index.es.md").write_text(
        tracked("# Home\n", "# Inicio\n"), encoding="utf-8"
    )
    done = mkdocs_build(root)
    assert done.returncode == 1
    assert (
        "ERROR   -  homeroom: content/conference-guide.md:1:1: error i18n.missing: This page has "
        "no Spanish version (content/conference-guide.es.md). It is an essential page"
    ) in done.stderr


# --- The bundled site: the "done when" ------------------------------------------


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the bundled site to break on purpose."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_deleting_an_essential_spanish_page_fails_make_site(bundled: Path) -> None:
    (bundled / "content" / "conference-guide.es.md").unlink()
    done = homeroom("build", cwd=bundled)
    assert done.returncode != 0
    assert "content/conference-guide.md:1:1: error i18n.missing" in done.stderr
    assert "homeroom translations mark-current conference-guide.md es" in done.stderr
    assert not (bundled / "site").exists()  # nothing half-written


def test_editing_an_english_source_without_its_translation_fails_make_site(
    bundled: Path,
) -> None:
    guide = bundled / "content" / "conference-guide.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("\n\n", "\n\nConferences moved to a new week.\n\n", 1))
    done = homeroom("build", cwd=bundled)
    assert done.returncode != 0
    assert "content/conference-guide.es.md" in done.stderr and "error i18n.stale" in done.stderr
    assert "homeroom translations diff conference-guide.md es" in done.stderr
    status = homeroom("translations", "status", cwd=bundled)
    assert status.returncode == 0
    assert "conference-guide.md (essential)" in status.stdout and "STALE" in status.stdout
