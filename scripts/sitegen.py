"""Generate a realistic district site of any size, for the scale benchmark.

The pages are the bundled site's own pages (grade pages, conference guides, report-card
guides), one copy per school, each with its school's name in the title and heading, so no
two pages have the same text. Every page exists in every language of the site, and each
translation records the hash of the English page it was made from (so it is current).
The editorial data (glossaries, thresholds, page types, interface strings) is the bundled
site's. Report cards generated from school data are left out: a stock build cannot make
them, so they would not compare like with like.

Two configurations are written next to each other, with the same theme, hook and
content: ``mkdocs.yml`` (Homeroom's checks on) and ``mkdocs-stock.yml`` (the same
without any ``homeroom/`` plugin).

    .venv/bin/python scripts/sitegen.py OUT --pages 1000 --languages en,es
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from homeroom.checks.translations.records import source_hash  # noqa: E402
from homeroom.data.sources import source_from_text  # noqa: E402

CONTENT = ROOT / "content"
OVERRIDES = ROOT / "overrides"
NAMES = {"en": "English", "es": "Español", "vi": "Tiếng Việt", "ar": "العربية"}
#: Bundled pages that exist in every language of a site with these languages.
TEMPLATES = {
    2: (
        "grade-k",
        "grade-1",
        "grade-2",
        "grade-3",
        "grade-4",
        "grade-5",
        "grade-6",
        "grade-7",
        "grade-8",
        "high-school",
        "conference-guide",
        "report-cards",
    ),
    4: ("grade-k", "grade-1", "grade-2", "conference-guide"),
}
SCHOOLS = (
    "Alder",
    "Birch",
    "Cedar Creek",
    "Dogwood",
    "Elm Street",
    "Fir Hill",
    "Garfield",
    "Harbor View",
    "Iris Lane",
    "Juniper",
    "Kingsley",
    "Lakeside",
    "Maple Grove",
    "North Ridge",
    "Oak Park",
    "Pine Valley",
)
_TITLE = re.compile(r"^title: (.*)$", re.MULTILINE)
_H1 = re.compile(r"^# (.*)$", re.MULTILINE)
_RECORD_HASH = re.compile(r"^(  source_hash: ).*$", re.MULTILINE)
_RECORD_COMMIT = re.compile(r"^  source_commit: .*\n", re.MULTILINE)

SITE_YML = """\
site_name: Generated district
docs_dir: content
exclude_docs: |
  _data/
theme:
  name: material
  custom_dir: {overrides}
  language: en
  font: false
  features:
    - navigation.prune
    - navigation.indexes
hooks:
  - {hook}
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
{languages}{homeroom}
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: false
"""

HOMEROOM_PLUGINS = """
  - homeroom/content
  - homeroom/readability:
      fail_on: error
  - homeroom/jargon:
      fail_on: error
      glossary_page: glossary.md
  - homeroom/translations:
      fail_on: error
      required: [en, es]
      needs_review: info
  - homeroom/pagetypes:
      fail_on: error"""


def _variant(text: str, school: str, number: int) -> str:
    """The page for one school: its name in the title and the first heading."""
    text = _TITLE.sub(lambda m: f"title: {m.group(1)} ({school} {number})", text, count=1)
    return _H1.sub(lambda m: f"# {m.group(1)} ({school} {number})", text, count=1)


def _record_hash(translation: str, english: str, display: str) -> str:
    """A translation whose record names the English page's current hash."""
    digest = source_hash(source_from_text(english, display, display, display, "en"))
    translation = _RECORD_COMMIT.sub("", translation)
    return _RECORD_HASH.sub(lambda m: m.group(1) + digest, translation, count=1)


def generate(out: Path, pages: int, languages: tuple[str, ...]) -> Path:
    """Write a site of ``pages`` pages per language (plus a home page) into ``out``."""
    templates = TEMPLATES[4 if len(languages) > 2 else 2]
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir(parents=True)
    data = content / "_data"
    shutil.copytree(
        CONTENT / "_data", data, ignore=shutil.ignore_patterns("schools", "import", "*.log")
    )
    sources = {
        (name, lang): (CONTENT / f"{name}{'' if lang == 'en' else '.' + lang}.md").read_text(
            encoding="utf-8"
        )
        for name in (*templates, "index")
        for lang in languages
    }
    for number in range(1, pages + 1):
        name = templates[(number - 1) % len(templates)]
        school = SCHOOLS[(number - 1) // len(templates) % len(SCHOOLS)]
        # Like a real district: folders a few levels deep (25 pages per section).
        group, section = (number - 1) // 500 + 1, (number - 1) // 25 + 1
        folder = content / f"group-{group:02d}" / f"section-{section:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"{name}-{number:05d}"
        english = _variant(sources[(name, "en")], school, number)
        (folder / f"{stem}.md").write_text(english, encoding="utf-8")
        for lang in languages[1:]:
            text = _variant(sources[(name, lang)], school, number)
            text = _record_hash(text, english, f"{stem}.md")
            (folder / f"{stem}.{lang}.md").write_text(text, encoding="utf-8")
    for lang in languages:
        text = sources[("index", lang)]
        if lang != "en":
            text = _record_hash(text, sources[("index", "en")], "index.md")
        (content / f"index{'' if lang == 'en' else '.' + lang}.md").write_text(
            text, encoding="utf-8"
        )
    language_yml = "".join(
        f"        - locale: {code}\n          name: {NAMES[code]}\n          build: true\n"
        + ("          default: true\n" if i == 0 else "")
        for i, code in enumerate(languages)
    ).rstrip("\n")
    for name, homeroom in (("mkdocs.yml", HOMEROOM_PLUGINS), ("mkdocs-stock.yml", "")):
        (out / name).write_text(
            SITE_YML.format(
                overrides=OVERRIDES.as_posix(),
                hook=(OVERRIDES / "hooks" / "search_per_language.py").as_posix(),
                languages=language_yml,
                homeroom=homeroom,
            ),
            encoding="utf-8",
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=100, help="pages per language")
    parser.add_argument("--languages", default="en,es", help="en,es or en,es,vi,ar")
    args = parser.parse_args()
    languages = tuple(args.languages.split(","))
    if languages[0] != "en" or not set(languages) <= set(NAMES) or len(languages) not in (2, 4):
        parser.error("--languages: en,es or en,es,vi,ar")
    generate(args.out, args.pages, languages)
    print(f"wrote {args.pages} pages per language in {', '.join(languages)} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
