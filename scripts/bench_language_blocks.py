#!/usr/bin/env python3
"""How well ``i18n.untranslated-block`` tells the language of each block.

Three measures, each from text whose language is known by where it comes from:

1. **Detector accuracy on short blocks**: every paragraph and list item of the bundled
   pages in each language, cut to its first 6, 10 and 20 words of that language (in a
   script written without spaces, 18, 30 and 60 characters) (names and
   numbers out, as the check does), detected among the site's languages. Accuracy is the
   share detected as the page's language.
2. **False alarms**: the check run on every bundled translated page (and on the real
   Spanish letters of ``tests/data/letters/es/`` and
   ``tests/data/letters-heldout/es/``, judged as Spanish pages of an English and
   Spanish site): every finding is a false alarm unless the block really is in another
   language, which the script prints for a person to read.
3. **English left behind**: each English paragraph of the bundled pages (and of the real
   English letters) put into a page of each other site language the detector knows: the
   share found.

Usage: ``.venv/bin/python scripts/bench_language_blocks.py``. Deterministic.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from homeroom.checks.translations.untranslated import (  # noqa: E402
    _SPACELESS,
    KINDS,
    UntranslatedBlockCheck,
    detector_language,
    enough,
    language_text,
)
from homeroom.data.sources import source_from_text  # noqa: E402
from homeroom.text.prose import extract  # noqa: E402


def _site_languages() -> tuple[str, ...]:
    from homeroom.data.settings import load_settings

    return load_settings(ROOT / "mkdocs.yml").languages.codes


#: The bundled site's languages, and those the detector knows (the others are not checked).
ALL_LANGUAGES = _site_languages()
LANGUAGES = tuple(code for code in ALL_LANGUAGES if detector_language(code) is not None)
LETTERS = ROOT / "tests" / "data" / "letters"
HELD_OUT = ROOT / "tests" / "data" / "letters-heldout"


def _language(path: Path) -> str:
    parts = path.name.split(".")
    return parts[-2] if len(parts) == 3 else "en"


def _blocks(text: str) -> list[str]:
    source = source_from_text(text, "page.md", "page.md", "page.md", "en")
    doc = extract(source.text)
    return [language_text(u.plain) for u in doc.units if u.kind in KINDS]


def _source(text: str, language: str, name: str):  # type: ignore[no-untyped-def]
    rel = name if language == "en" else f"{name}.{language}.md"
    return source_from_text(text, rel, rel, "page.md", language)


def detector_accuracy(pages: dict[str, list[str]]) -> None:
    from homeroom.checks.translations.untranslated import judge

    print("## 1. Detector accuracy on short blocks (bundled pages)\n")
    print("| language | words | blocks | right | accuracy |")
    print("| --- | --- | --- | --- | --- |")
    for language in LANGUAGES:
        for size in (6, 10, 20):
            total = right = 0
            for text in pages.get(language, []):
                for block in _blocks(text):
                    if _SPACELESS.search(block):
                        # Written without spaces: a word is counted as three characters,
                        # as the check counts them.
                        letters = "".join(block.split())
                        if len(letters) < 3 * size:
                            continue
                        cut = letters[: 3 * size]
                    else:
                        words = block.split()
                        if len(words) < size:
                            continue
                        cut = " ".join(words[:size])
                    total += 1
                    wrong = judge(cut, language, LANGUAGES)
                    right += wrong is None
            share = f"{right / total:.3f}" if total else "-"
            print(f"| {language} | {size} | {total} | {right} | {share} |")
    for language in ALL_LANGUAGES:
        if language not in LANGUAGES:
            print(f"| {language} | - | - | - | not known to the detector: not checked |")
    print()


def false_alarms(pages: dict[str, list[tuple[Path, str]]]) -> None:
    print("## 2. False alarms on translated pages\n")
    check = UntranslatedBlockCheck(LANGUAGES, "en")
    judged: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    shown = []
    for language in LANGUAGES[1:]:
        for path, text in pages.get(language, []):
            source = _source(text, language, path.name)
            doc = extract(source.text)
            judged[language][0] += sum(
                1 for u in doc.units if u.kind in KINDS and enough(language_text(u.plain))
            )
            for finding in check.check_page(source, doc).findings:
                judged[language][1] += 1
                shown.append(f"- {path.relative_to(ROOT)}:{finding.line}: {finding.match}")
    spanish_check = UntranslatedBlockCheck(("en", "es"), "en")
    letters = [*(LETTERS / "es").glob("*.md"), *(HELD_OUT / "es").glob("*.md")]
    for path in sorted(letters):
        source = _source(path.read_text(encoding="utf-8"), "es", path.stem)
        doc = extract(source.text)
        judged["es (real letters)"][0] += sum(
            1 for u in doc.units if u.kind in KINDS and enough(language_text(u.plain))
        )
        for finding in spanish_check.check_page(source, doc).findings:
            judged["es (real letters)"][1] += 1
            shown.append(f"- {path.relative_to(ROOT)}:{finding.line}: {finding.match}")
    print("| pages | blocks judged | findings |")
    print("| --- | --- | --- |")
    for name, (blocks, found) in judged.items():
        print(f"| {name} | {blocks} | {found} |")
    print("\nEvery finding (read each: a block really in another language is no false alarm):\n")
    print("\n".join(shown) if shown else "(none)")
    print()


def english_left_behind(english: list[str]) -> None:
    print("## 3. English left behind in a translated page\n")
    print("| page language | English blocks long enough | found | recall |")
    print("| --- | --- | --- | --- |")
    check = UntranslatedBlockCheck(LANGUAGES, "en")
    blocks = []
    for text in english:
        source = _source(text, "en", "page.md")
        doc = extract(source.text)
        blocks += [u.text for u in doc.units if u.kind in ("paragraph", "list_item")]
    for language in LANGUAGES[1:]:
        total = found = 0
        for block in blocks:
            body = " ".join(block.split())
            if body.startswith(("-", "*", "+")):
                body = body[1:].strip()
            if not enough(language_text(body)):
                continue
            total += 1
            source = _source(f"# Página\n\n{body}\n", language, "page")
            found += bool(check.check_page(source, extract(source.text)).findings)
        print(f"| {language} | {total} | {found} | {found / total:.3f} |")
    print()


def main() -> None:
    content = ROOT / "content"
    by_language: dict[str, list[tuple[Path, str]]] = defaultdict(list)
    for path in sorted(content.glob("*.md")):
        by_language[_language(path)].append((path, path.read_text(encoding="utf-8")))
    detector_accuracy({k: [t for _, t in v] for k, v in by_language.items()})
    false_alarms(by_language)
    english = [*(LETTERS / "en").glob("*.md"), *(HELD_OUT / "en").glob("*.md")]
    letters = [p.read_text(encoding="utf-8") for p in sorted(english)]
    english_left_behind([t for _, t in by_language["en"]] + letters)


if __name__ == "__main__":
    main()
