"""Search in each language finds that language's pages once, with static-i18n's de-duplication off.

static-i18n's own de-duplication (quadratic in search entries) drops a translated entry
whose title and text equal a default-language entry: a fallback copy. Homeroom keeps
fallback copies out of search itself and switches that pass off; these tests show on the
bundled site that nothing it would have removed is there.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import BundledBuild


def _indexes(site: Path) -> dict[str, list[dict[str, str]]]:
    found = {}
    for path in sorted(site.rglob("search_index.json")):
        language = path.parent.parent.relative_to(site).as_posix()
        found["en" if language == "." else language] = json.loads(path.read_text("utf-8"))["docs"]
    return found


def test_no_language_repeats_an_entry_or_copies_the_default_language(
    bundled_build: BundledBuild,
) -> None:
    assert bundled_build.done.returncode == 0, bundled_build.done.stderr
    indexes = _indexes(bundled_build.site)
    assert {"en", "es"} <= set(indexes)
    default = {(d["location"], d["title"], d["text"]) for d in indexes["en"]}
    for language, docs in indexes.items():
        keys = [(d["location"], d["title"], d["text"]) for d in docs]
        assert len(keys) == len(set(keys)), f"{language}: an entry is indexed twice"
        if language == "en":
            continue
        copies = [key for key in keys if key in default and key[2].strip()]
        assert copies == [], f"{language}: default-language text indexed as {language}"


def test_every_spanish_page_with_its_own_file_is_found_by_spanish_search(
    bundled_build: BundledBuild,
) -> None:
    assert bundled_build.done.returncode == 0, bundled_build.done.stderr
    indexed = {d["location"].split("#", 1)[0] for d in _indexes(bundled_build.site)["es"]}
    content = bundled_build.project / "content"
    own = set()
    for path in content.rglob("*.es.md"):
        rel = path.relative_to(content).as_posix()
        if rel.startswith(("_data/", "staff/")):
            continue
        stem = rel.removesuffix(".es.md")
        own.add("" if stem == "index" else stem.removesuffix("/index") + "/")
    assert own, "the bundled site has Spanish pages"
    assert own <= indexed, sorted(own - indexed)
