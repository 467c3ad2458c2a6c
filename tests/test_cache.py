"""The result cache: faster when nothing changed, never stale when something did."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import MKDOCS_YML, ROOT, TRANSLATIONS_SITE_YML, homeroom, mkdocs_build, write_site
from homeroom.cli import main as cli
from homeroom.data import catalogs
from homeroom.model.memo import Memo
from homeroom.run import engine
from homeroom.run.cache import KEEP_PER_NAME, DiskCache
from homeroom.text import prose

# The site's own glossary alone: only the terms here are found.
GLOSSARY = """\
defaults: false
entries:
  - id: rubric
    category: jargon
    forms: [rubric]
    plain: [scoring guide]
    explain: "A list of what the teacher looks for."
    source: "test"
    examples:
      flag: ["Here is the rubric."]
"""
PAGES: dict[str, str | bytes] = {
    "index.md": "# Welcome\n\nWe are glad you are here. Read the rubric.\n",
    "index.es.md": "# Bienvenidos\n\nNos alegra que esté aquí.\n",
}
# Eleven words: within the bundled limits, over a limit of 5.
ELEVEN = "Read with your child for twenty minutes each day at home."


def make_site(root: Path, jargon: bool = True) -> Path:
    write_site(root, {**PAGES, "grade-1.md": f"# Grade 1\n\n{ELEVEN}\n"})
    if jargon:
        with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write("  - homeroom/jargon\n")
    data = root / "content" / "_data"
    (data / "glossary").mkdir(parents=True)
    (data / "glossary" / "en.yml").write_text(GLOSSARY.replace("rubric", "benchmark"))
    shutil_copy(ROOT / "content" / "_data" / "readability.yml", data / "readability.yml")
    return root


def shutil_copy(source: Path, target: Path) -> None:
    target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")


def rules(root: Path, *extra: str) -> list[tuple[str, str]]:
    done = homeroom("check", "--format", "json", "--fail-on", "never", *extra, cwd=root)
    assert done.returncode == 0, done.stderr
    return sorted((f["path"], f["rule"]) for f in json.loads(done.stdout)["findings"])


def test_memo_keeps_only_the_most_recent_entries() -> None:
    memo: Memo[str, int] = Memo(2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1  # now the most recent
    memo.put("c", 3)
    assert (memo.get("a"), memo.get("b"), memo.get("c")) == (1, None, 3)
    assert len(memo) == 2


def test_disk_cache_round_trip_and_untrusted_files(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "c")
    cache.put("readability", "f1", "a.md\0abc", {"findings": [], "metrics": {"words": 3}})
    cache.save()
    (written,) = (tmp_path / "c").iterdir()
    assert written.name.startswith("readability-f1")  # no temporary file left behind
    assert DiskCache(tmp_path / "c").get("readability", "f1", "a.md\0abc") == {
        "findings": [],
        "metrics": {"words": 3},
    }
    # Another fingerprint never sees it; a file claiming another fingerprint is ignored.
    assert DiskCache(tmp_path / "c").get("readability", "f2", "a.md\0abc") is None
    foreign = json.loads(written.read_text())
    foreign["fingerprint"] = "other"
    written.write_text(json.dumps(foreign))
    assert DiskCache(tmp_path / "c").get("readability", "f1", "a.md\0abc") is None
    written.write_text('{"format": 1, "name": "readab')  # cut short
    assert DiskCache(tmp_path / "c").get("readability", "f1", "a.md\0abc") is None


def test_warm_run_reads_results_instead_of_checking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(tmp_path)
    monkeypatch.chdir(root)
    monkeypatch.delenv("HOMEROOM_CACHE_DIR", raising=False)

    def check() -> tuple[str, int]:
        # A new process would start with empty memory: so does each run here.
        engine._CACHE.clear()
        prose._TOKENS.clear()
        before = engine.STATS["computed"]
        assert cli.main(["check", "--format", "json", "--fail-on", "never", "--jobs", "1"]) == 0
        return capsys.readouterr().out, engine.STATS["computed"] - before

    cold, computed = check()
    assert computed == 3 * 3  # content, readability and jargon on three pages
    warm, computed = check()
    assert (warm, computed) == (cold, 0)
    assert sorted(p.name.split("-")[0] for p in (root / ".homeroom-cache").iterdir()) == [
        "content",
        "jargon",
        "readability",
    ]
    (root / "content" / "grade-1.md").write_text(f"# Grade 1\n\n{ELEVEN} Ask us.\n")
    edited, computed = check()
    assert computed == 3  # the edited page only, by each check
    assert edited != cold


def test_changing_a_glossary_entry_is_seen_by_a_warm_run(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    assert rules(root) == []
    assert rules(root) == []  # warm
    (root / "content" / "_data" / "glossary" / "en.yml").write_text(GLOSSARY)
    assert rules(root) == [("content/index.md", "jargon.rubric")]


def test_changing_the_readability_data_is_seen_by_a_warm_run(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    assert rules(root) == []
    data = root / "content" / "_data" / "readability.yml"
    data.write_text(
        data.read_text().replace("en: {hard: 20, very_hard: 30}", "en: {hard: 5, very_hard: 30}")
    )
    assert rules(root) == [
        ("content/grade-1.md", "readability.sentence"),
        ("content/index.md", "readability.sentence"),
    ]


def test_changing_a_threshold_option_in_mkdocs_yml_is_seen_by_a_warm_run(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    data = root / "content" / "_data"
    strict = (data / "readability.yml").read_text()
    strict = strict.replace("en: {hard: 20, very_hard: 30}", "en: {hard: 5, very_hard: 30}")
    (data / "strict.yml").write_text(strict)
    assert rules(root) == []
    config = MKDOCS_YML.format(readability_options=":\n      thresholds: strict.yml")
    (root / "mkdocs.yml").write_text(config + "  - homeroom/jargon\n")
    assert rules(root) == [
        ("content/grade-1.md", "readability.sentence"),
        ("content/index.md", "readability.sentence"),
    ]


def test_a_corrupt_cache_is_ignored_and_no_cache_writes_nothing(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    cold = rules(root)
    for entry in (root / ".homeroom-cache").iterdir():
        entry.write_bytes(b"\xff\x00 not json")
    assert rules(root) == cold
    other = tmp_path / "elsewhere"
    assert rules(root, "--no-cache", "--cache-dir", str(other)) == cold
    assert not other.exists()
    assert rules(root, "--cache-dir", str(other)) == cold
    assert any(other.iterdir())


def test_cache_folder_from_the_environment_is_used_by_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "site").mkdir()
    root = make_site(tmp_path / "site")
    folder = tmp_path / "shared-cache"
    monkeypatch.setenv("HOMEROOM_CACHE_DIR", str(folder))
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    # The checks' results, and the family glossary page made from the glossaries.
    assert {p.name.rsplit("-", 1)[0] for p in folder.iterdir()} == {
        "content",
        "readability",
        "jargon",
        "glossary-page",
    }
    assert not (root / ".homeroom-cache").exists()


def test_pruning_old_results_never_deletes_a_file_the_cache_did_not_write(tmp_path: Path) -> None:
    # `--cache-dir` may name a folder that holds other files with look-alike names.
    mine = tmp_path / "readability-notes.json"
    mine.write_text('{"my": "notes"}')
    older = tmp_path / "readability-0000.json"
    older.write_text('{"format":1,"name":"readability","fingerprint":"0000","entries":{}}')
    os.utime(mine, (1, 1))
    os.utime(older, (1, 1))
    cache = DiskCache(tmp_path)
    for n in range(KEEP_PER_NAME + 2):
        cache.put("readability", f"fp{n}", "page", {"n": n})
        cache.save()
    assert mine.read_text() == '{"my": "notes"}'
    assert not older.exists()  # the cache's own old file is pruned
    assert len(list(tmp_path.glob("readability-fp*.json"))) == KEEP_PER_NAME


def test_a_warm_run_reads_no_interface_strings_and_sees_an_edited_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, PAGES)
    (tmp_path / "mkdocs.yml").write_text(TRANSLATIONS_SITE_YML, encoding="utf-8")
    strings = tmp_path / "content" / "_data" / "strings"
    strings.mkdir(parents=True)
    (strings / "en.yml").write_text("hello: Hello\nbye: Goodbye\n", encoding="utf-8")
    (strings / "es.yml").write_text("hello: Hola\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HOMEROOM_CACHE_DIR", raising=False)
    reads: list[object] = []
    real = catalogs.load_catalogs
    monkeypatch.setattr(catalogs, "load_catalogs", lambda *a, **k: reads.append(a) or real(*a, **k))

    def catalog_keys() -> list[str]:
        engine._CACHE.clear()  # a new process starts with empty memory
        assert cli.main(["check", "--format", "json", "--fail-on", "never", "--jobs", "1"]) == 0
        findings = json.loads(capsys.readouterr().out)["findings"]
        return [f["match"] for f in findings if f["rule"] == "i18n.catalog"]

    assert catalog_keys() == ["bye"] and len(reads) == 1
    assert catalog_keys() == ["bye"] and len(reads) == 1  # warm: from the cache
    (strings / "es.yml").write_text("hello: Hola\nbye: Adiós\n", encoding="utf-8")
    assert catalog_keys() == [] and len(reads) == 2
