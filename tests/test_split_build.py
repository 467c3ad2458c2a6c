"""A site built in parts (some languages per CI job) and merged is the same as one build.

The bundled site (twelve languages, report cards, glossaries, handouts, the staff status
page) is built whole once (the shared ``bundled_build``) and again as three parts on their
own, then merged: every file must be the same, byte for byte. The merge refuses parts
that do not belong together, each reason on its own line.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from conftest import ROOT, TRANSLATIONS_SITE_YML, BundledBuild, copy_project, homeroom

#: Three parts, as three CI jobs could build them: the default language on its own.
PARTS = {"first": "en", "second": "es,vi,ar", "third": "zh,tl,ht,so,ru,ko,pt,hmn"}
#: Marks that say who made a folder; not part of what is published.
MARKS = {".homeroom-site", ".homeroom-part"}


def _files(folder: Path) -> dict[str, Path]:
    return {
        path.relative_to(folder).as_posix(): path
        for path in folder.rglob("*")
        if path.is_file() and path.name not in MARKS
    }


def _build_day(site: Path) -> str:
    """SOURCE_DATE_EPOCH for the day the whole site was built (pages carry the day)."""
    day = re.search(r"<lastmod>(\d{4}-\d\d-\d\d)</lastmod>", (site / "sitemap.xml").read_text())
    assert day is not None
    noon = datetime.fromisoformat(day.group(1)).replace(hour=12, tzinfo=UTC)
    return str(int(noon.timestamp()))


def test_parts_merged_are_the_whole_build_file_for_file(
    bundled_build: BundledBuild, tmp_path: Path
) -> None:
    assert bundled_build.done.returncode == 0, bundled_build.done.stderr[-3000:]
    project = copy_project(tmp_path / "project")
    cache = bundled_build.project / ".homeroom-cache"
    if cache.is_dir():  # the checks' answers are known already: this test is about output
        shutil.copytree(cache, project / ".homeroom-cache")
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONWARNINGS": "ignore",
        "SOURCE_DATE_EPOCH": _build_day(bundled_build.site),
    }
    command = [sys.executable, "-m", "homeroom", "build", "--strict", "--language"]
    builds = {
        name: subprocess.Popen(
            [*command, codes, "-d", str(tmp_path / "parts" / name)],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, codes in PARTS.items()
    }
    for name, process in builds.items():
        _, err = process.communicate(timeout=900)
        assert process.returncode == 0, f"part {name}: {err[-3000:]}"
        assert f"(a part: {PARTS[name].replace(',', ', ')})" in err
        mark = json.loads((tmp_path / "parts" / name / ".homeroom-part").read_text())
        assert mark["languages"] == PARTS[name].split(",")
    # A part writes only its own languages' pages.
    second = tmp_path / "parts" / "second"
    assert (second / "es" / "grade-3" / "index.html").is_file()
    assert not (second / "grade-3" / "index.html").exists()
    assert not (second / "zh" / "conference-guide" / "index.html").exists()
    merged = tmp_path / "merged"
    done = homeroom(
        "merge", *(str(tmp_path / "parts" / name) for name in PARTS), "-d", str(merged), cwd=project
    )
    assert done.returncode == 0, done.stderr
    assert "Merged 3 parts" in done.stderr
    whole, put_together = _files(bundled_build.site), _files(merged)
    assert sorted(put_together) == sorted(whole)
    differ = [
        name for name, path in whole.items() if path.read_bytes() != put_together[name].read_bytes()
    ]
    assert differ == [], f"{len(differ)} files differ, such as {differ[:10]}"
    # The merged site is a Homeroom site: the next build or merge may replace it.
    assert (merged / ".homeroom-site").is_file()
    assert not (merged / ".homeroom-part").exists()


def test_the_root_404_page_is_in_the_default_language(bundled_build: BundledBuild) -> None:
    """static-i18n renders the theme's 404 page in every language pass, into the site's root:
    the last language's (Hmong) would be the page every family gets for a broken link."""
    page = (bundled_build.site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    assert "Riverbend Unified School District" in page
    assert "Cheeb Tsam" not in page


def _translations_site(root: Path) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(TRANSLATIONS_SITE_YML, encoding="utf-8")
    (root / "content" / "index.md").write_text("# Welcome\n\nHello families.\n", "utf-8")
    return root


def _fake_part(folder: Path, **record: object) -> Path:
    folder.mkdir(parents=True)
    (folder / ".homeroom-part").write_text(json.dumps({"tool": "homeroom", **record}), "utf-8")
    return folder


def test_merge_names_every_part_that_does_not_fit(tmp_path: Path) -> None:
    site = _translations_site(tmp_path / "site")
    from homeroom import __version__

    parts = tmp_path / "parts"
    (parts / "not-a-part").mkdir(parents=True)
    (parts / "not-a-part" / "index.html").write_text("<p>mine</p>", "utf-8")
    done = homeroom("merge", str(parts / "not-a-part"), "-d", str(tmp_path / "out"), cwd=site)
    assert done.returncode == 2
    assert "not-a-part: this is not a part of a site" in done.stderr
    assert "Traceback" not in done.stderr
    garbled = _fake_part(parts / "garbled", version=__version__, languages=5, inputs="x")
    done = homeroom("merge", str(garbled), "-d", str(tmp_path / "out"), cwd=site)
    assert done.returncode == 2
    assert "garbled: this is not a part of a site" in done.stderr
    assert "Traceback" not in done.stderr
    old = _fake_part(parts / "old", version="0.0.1", languages=["en"], inputs="x")
    twice = _fake_part(parts / "twice", version=__version__, languages=["en", "es"], inputs="x")
    done = homeroom("merge", str(old), str(twice), "-d", str(tmp_path / "out"), cwd=site)
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert any("built by Homeroom 0.0.1" in line for line in lines), done.stderr
    assert any("built from other files than the ones here" in line for line in lines)
    assert any("en is in this part and in" in line for line in lines)
    assert not (tmp_path / "out").exists()


def test_merge_says_which_language_no_part_has(tmp_path: Path) -> None:
    site = _translations_site(tmp_path / "site")
    from homeroom import __version__
    from homeroom.run.split import inputs_digest

    inputs = inputs_digest(site / "mkdocs.yml", site / "content", None)
    part = _fake_part(tmp_path / "en", version=__version__, languages=["en"], inputs=inputs)
    done = homeroom("merge", str(part), "-d", str(tmp_path / "out"), cwd=site)
    assert done.returncode == 2
    assert "no part has es, vi: families reading them would get no pages" in done.stderr
    assert "homeroom build --language es,vi" in done.stderr


def test_merge_never_replaces_a_folder_it_did_not_make(tmp_path: Path) -> None:
    site = _translations_site(tmp_path / "site")
    from homeroom import __version__
    from homeroom.run.split import inputs_digest

    inputs = inputs_digest(site / "mkdocs.yml", site / "content", None)
    part = _fake_part(
        tmp_path / "all", version=__version__, languages=["en", "es", "vi"], inputs=inputs
    )
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", "utf-8")
    done = homeroom("merge", str(part), "-d", str(mine), cwd=site)
    assert done.returncode == 2
    assert "was not made by `homeroom build`" in done.stderr
    assert (mine / "notes.txt").read_text("utf-8") == "keep me"


def test_build_language_must_be_one_the_site_builds(tmp_path: Path) -> None:
    site = _translations_site(tmp_path / "site")
    done = homeroom("build", "--language", "es,fr", "-d", str(tmp_path / "out"), cwd=site)
    assert done.returncode == 2
    assert "`fr` is not a language this site builds (en, es, vi)" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_the_search_index_takes_every_part_entries_in_language_order(tmp_path: Path) -> None:
    """A site without a per-language search hook: static-i18n's one index has every
    language's entries, each part's only its own; the merge puts them back in order."""
    from homeroom.run.split import SiteLanguages, _Part, _search_index

    site = SiteLanguages(("en", "es", "vi"), "en", {"en": "", "es": "es", "vi": "vi"})

    def part(name: str, languages: list[str], docs: list[str]) -> _Part:
        folder = tmp_path / name / "search"
        folder.mkdir(parents=True)
        index = {"config": {"lang": ["en"]}, "docs": [{"location": d} for d in docs]}
        (folder / "search_index.json").write_text(json.dumps(index), "utf-8")
        return _Part(tmp_path / name, name, {"languages": languages})

    first = part("first", ["en", "vi"], ["", "grade-3/", "vi/", "es/stale-copy/"])
    second = part("second", ["es"], ["es/", "es/grade-3/", "vi/not-mine/"])
    staging = tmp_path / "staging" / "search"
    staging.mkdir(parents=True)
    _search_index({"en": first, "vi": first, "es": second}, site, staging.parent)
    written = json.loads((staging / "search_index.json").read_text("utf-8"))
    assert [d["location"] for d in written["docs"]] == ["", "grade-3/", "es/", "es/grade-3/", "vi/"]
    assert written["config"] == {"lang": ["en"]}


def test_the_ci_workflow_builds_each_language_and_merges(tmp_path: Path) -> None:
    """The workflow the README shows runs one job per language and a merge job."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "homeroom build --language ${{ matrix.language }}" in text
    assert "homeroom merge" in text
