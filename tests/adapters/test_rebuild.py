"""A rebuild (what ``mkdocs serve`` does after a save) re-checks only the edited page."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SIMPLE_PAGES, write_site
from homeroom.run import engine


def test_rebuild_after_editing_one_page_rechecks_only_that_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    pages: dict[str, str | bytes] = {
        f"page-{n}.md": f"# Page {n}\n\nRead with your child every day.\n" for n in range(4)
    }
    root = write_site(tmp_path, {**SIMPLE_PAGES, **pages})
    monkeypatch.chdir(root)
    monkeypatch.setenv("HOMEROOM_JOBS", "1")
    monkeypatch.delenv("HOMEROOM_CACHE_DIR", raising=False)

    def build_once() -> int:
        # As `mkdocs serve` does: the configuration (and every plugin) is loaded again.
        before = engine.STATS["computed"]
        build(load_config(str(root / "mkdocs.yml")))
        return engine.STATS["computed"] - before

    # Readability and content on four pages and the two home pages.
    assert build_once() == 12
    assert build_once() == 0
    (root / "content" / "page-2.md").write_text("# Page 2\n\nRead with your child at night.\n")
    assert build_once() == 2
    assert (root / "site" / "page-2" / "index.html").is_file()


def test_a_build_after_homeroom_check_reuses_its_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from homeroom.cli import main as cli
    from homeroom.text import prose

    root = write_site(tmp_path, {**SIMPLE_PAGES, "a.md": "# A\n\nRead every day.\n"})
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("  - homeroom/jargon\n")  # options MkDocs fills in: glossary_page ...
    monkeypatch.chdir(root)
    monkeypatch.setenv("HOMEROOM_JOBS", "1")
    monkeypatch.delenv("HOMEROOM_CACHE_DIR", raising=False)
    assert cli.main(["check", "--fail-on", "never"]) == 0
    capsys.readouterr()
    # As a separate process would: nothing in memory, only the cache folder.
    engine._CACHE.clear()
    prose._TOKENS.clear()
    before = engine.STATS["computed"]
    build(load_config(str(root / "mkdocs.yml")))
    assert engine.STATS["computed"] == before
