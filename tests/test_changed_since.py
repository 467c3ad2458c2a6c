"""``homeroom check --changed-since``: after one edit, only that page's files are read."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import TRANSLATIONS_SITE_YML
from homeroom.cli import main as cli
from homeroom.data import sources


def _git(root: Path, *args: str) -> None:
    who = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", *who, *args], cwd=root, check=True, capture_output=True)


def test_one_edited_page_reads_its_own_translations_and_no_other_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text(TRANSLATIONS_SITE_YML, encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    for n in range(20):
        (content / f"page-{n}.md").write_text(f"# Page {n}\n\nWe read.\n", encoding="utf-8")
        (content / f"page-{n}.es.md").write_text(f"# Página {n}\n\nLeemos.\n", encoding="utf-8")
    (content / "index.md").write_text("# Welcome\n\nWe are glad.\n", encoding="utf-8")
    (content / "index.es.md").write_text("# Bienvenidos\n\nNos alegra.\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "start")
    (content / "page-3.md").write_text("# Page 3\n\nWe read every day.\n", encoding="utf-8")
    # The Spanish page 7 has no source any more: an orphan, but not on a changed page.
    (content / "page-7.md").unlink()
    _git(tmp_path, "commit", "-qam", "page 7 gone")
    (content / "page-3.md").write_text("# Page 3\n\nWe read every night.\n", encoding="utf-8")

    read: list[str] = []
    real = sources.load_sources

    def counting(paths: list[Path], *args: object, **kwargs: object) -> list[sources.Source]:
        read.extend(p.name for p in paths)
        return real(paths, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "load_sources", counting)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOMEROOM_CACHE_DIR", "off")
    args = ["check", "--changed-since", "HEAD", "--format", "json", "--fail-on", "never"]
    assert cli.main(args) == 0
    report = json.loads(capsys.readouterr().out)
    # What the translation checks need: the edited page in every language, nothing else.
    assert sorted(read) == ["page-3.es.md", "page-3.md"]
    # Its translation is still judged (here: it records no source version).
    assert ("content/page-3.es.md", "i18n.untracked") in {
        (f["path"], f["rule"]) for f in report["findings"]
    }
    assert sorted(p["path"] for p in report["pages"]) == [
        "content/page-3.es.md",
        "content/page-3.md",
    ]
