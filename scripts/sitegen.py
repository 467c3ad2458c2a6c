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

The *state scenario* (``--state``, :func:`generate_state`) is a state-sized site: content
pages in six languages (``STATE_LANGUAGES``) made from the bundled pages that exist in all
of them, and report-card data for any number of schools, made from the bundled school
files with new names and varied numbers, so that ``homeroom/reportcards`` makes a report
card for every school in every language. Its ``mkdocs-stock.yml`` has no report cards
(no ``homeroom/`` plugin), as above.

    .venv/bin/python scripts/sitegen.py OUT --state --schools 1000 --pages 2000
"""

from __future__ import annotations

import argparse
import copy
import math
import random
import re
import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from homeroom.checks.translations.records import source_hash  # noqa: E402
from homeroom.data.sources import source_from_text  # noqa: E402
from homeroom.reportcards.groupsets import GroupSets  # noqa: E402
from homeroom.reportcards.loading import DISTRICT_FILE  # noqa: E402
from homeroom.reportcards.measures import KNOWN_MEASURES  # noqa: E402

CONTENT = ROOT / "content"
OVERRIDES = ROOT / "overrides"
NAMES = {"en": "English", "es": "Español", "vi": "Tiếng Việt", "ar": "العربية"}
#: The state scenario's languages, English (the default language) first.
STATE_LANGUAGES = ("en", "es", "zh", "vi", "ar", "ko")
#: The names of the bundled languages a state site may have (the stock build's theme has
#: words for each; Haitian Creole, Somali and Hmong need ``homeroom/languages``, which the
#: stock configuration cannot have).
LANGUAGE_NAMES = {
    **NAMES,
    "zh": "中文（简体）",
    "ko": "한국어",
    "tl": "Tagalog",
    "ru": "Русский",
    "pt": "Português",
}
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


def _fresh_content(out: Path) -> Path:
    """An empty ``out/content`` with the bundled editorial data (no school data)."""
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir(parents=True)
    shutil.copytree(
        CONTENT / "_data",
        content / "_data",
        ignore=shutil.ignore_patterns("schools", "import", "*.log"),
    )
    return content


def _write_pages(
    content: Path, pages: int, languages: tuple[str, ...], templates: tuple[str, ...]
) -> None:
    """``pages`` pages per language made from ``templates``, and the home page."""
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


def _write_configs(out: Path, languages: tuple[str, ...], homeroom: str) -> None:
    """``mkdocs.yml`` with the ``homeroom`` plugins, and ``mkdocs-stock.yml`` without."""
    language_yml = "".join(
        f"        - locale: {code}\n          name: {LANGUAGE_NAMES[code]}\n          build: true\n"
        + ("          default: true\n" if i == 0 else "")
        for i, code in enumerate(languages)
    ).rstrip("\n")
    for name, plugins in (("mkdocs.yml", homeroom), ("mkdocs-stock.yml", "")):
        (out / name).write_text(
            SITE_YML.format(
                overrides=OVERRIDES.as_posix(),
                hook=(OVERRIDES / "hooks" / "search_per_language.py").as_posix(),
                languages=language_yml,
                homeroom=plugins,
            ),
            encoding="utf-8",
        )


def generate(out: Path, pages: int, languages: tuple[str, ...]) -> Path:
    """Write a site of ``pages`` pages per language (plus a home page) into ``out``."""
    templates = TEMPLATES[4 if len(languages) > 2 else 2]
    content = _fresh_content(out)
    _write_pages(content, pages, languages, templates)
    _write_configs(out, languages, HOMEROOM_PLUGINS)
    return out


# -- The state scenario -------------------------------------------------------------------

SCHOOL_DATA = CONTENT / "_data" / "schools"
#: libyaml's loader when PyYAML has it (the same data and positions, ten times faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: The share of a school's students that makes a home language required there
#: (``threshold`` of ``homeroom/translations``, whose default the state site keeps).
HOME_LANGUAGE_THRESHOLD = 15  # percent


def state_plugins(languages: tuple[str, ...]) -> str:
    """The ``homeroom/`` plugins of a state site: every language required, report cards on."""
    if HOMEROOM_PLUGINS.count("required: [en, es]") != 1:
        raise RuntimeError("HOMEROOM_PLUGINS no longer names the required languages")
    plugins = HOMEROOM_PLUGINS.replace("required: [en, es]", f"required: [{', '.join(languages)}]")
    return plugins + "\n  - homeroom/reportcards:\n      fail_on: error"


def state_templates(languages: tuple[str, ...]) -> tuple[str, ...]:
    """The bundled pages (but the home page) that exist in every one of ``languages``."""
    found = tuple(
        sorted(
            path.stem
            for path in CONTENT.glob("*.md")
            if "." not in path.stem
            and path.stem != "index"
            and all((CONTENT / f"{path.stem}.{lang}.md").is_file() for lang in languages[1:])
        )
    )
    return found or ("conference-guide",)


def _scalar_spans(node: yaml.Node, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple, int, int]]:
    """(path, start, end) of every scalar value of a YAML node tree, in the file's text."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalar_spans(value, (*path, _key(key)))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _scalar_spans(value, (*path, index))
    elif isinstance(node, yaml.ScalarNode):
        yield path, node.start_mark.index, node.end_mark.index


def _key(node: yaml.Node) -> Any:
    """A mapping key as ``yaml.safe_load`` reads it (``'3'`` is text, ``3`` a number)."""
    if node.tag.endswith(":str"):
        return node.value
    if node.tag.endswith(":int"):
        return int(node.value)
    return yaml.safe_load(yaml.serialize(node))


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


class SchoolTemplate:
    """One bundled school file: its text, its data and where each value is in the text.

    A new school's file is the same text with new values put in their places, so its
    comments and layout are the bundled file's.
    """

    def __init__(self, path: Path) -> None:
        self.text = path.read_text(encoding="utf-8")
        self.data = yaml.load(self.text, Loader=_LOADER)  # noqa: S506 (a safe loader)
        root = yaml.compose(self.text, Loader=_LOADER)
        self.spans = list(_scalar_spans(root))
        for path, _, _ in self.spans:
            _at(self.data, path)  # every span's path leads to its value

    def render(self, data: Mapping[str, Any]) -> str:
        """The file's text with the values of ``data`` (the same fields as the template's)."""
        parts, last = [], 0
        for path, start, end in self.spans:
            old, new = _at(self.data, path), _at(data, path)
            if new == old and type(new) is type(old):
                continue
            parts.append(self.text[last:start])
            parts.append(_yaml_scalar(new))
            last = end
        parts.append(self.text[last:])
        text = "".join(parts)
        # The header comment names the school.
        return text.replace(f"# {self.data['name']}:", f"# {data['name']}:", 1)


_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 .-]*[A-Za-z0-9]$")


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        raise TypeError(f"not a value sitegen changes: {value!r}")
    if isinstance(value, int | float):
        return str(value)
    if _PLAIN.match(value) and yaml.safe_load(value) == value:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _apportion(total: int, weights: list[float]) -> list[int]:
    """``total`` split in whole numbers in proportion to ``weights`` (largest remainders).

    A weight of 0 always gets 0, so a group with no students keeps none.
    """
    whole = sum(weights)
    if whole <= 0:
        return [0] * len(weights)
    shares = [total * w / whole for w in weights]
    out = [math.floor(share) for share in shares]
    order = sorted(range(len(shares)), key=lambda i: (shares[i] - out[i], weights[i]), reverse=True)
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def _parts(row: Mapping[str, Any], kind: str) -> dict[str, int] | None:
    """A row as parts that are each a whole number of students (None: leave the table).

    The parts are what adds up over a group set (and over the grades), by ``kind`` of
    table: ``test`` results (the four levels, and the students who should have tested but
    did not), a ``share`` measure (the students counted, and the rest), a ``count`` measure.
    """
    if kind == "test":
        levels, tested = row.get("levels"), row.get("tested")
        if set(row) - {"tested", "levels", "met", "enrolled"} or tested is None:
            return None
        if any(not isinstance(v, int) for v in levels):
            return None
        parts = {f"l{i}": v for i, v in enumerate(levels, 1)}
        if row.get("enrolled") is not None:
            parts["untested"] = row["enrolled"] - tested
        return parts
    if kind == "share":
        if set(row) != {"students", "count"} or None in (row["students"], row["count"]):
            return None
        return {"count": row["count"], "rest": row["students"] - row["count"]}
    if set(row) != {"count"} or row["count"] is None:
        return None
    return {"count": row["count"]}


def _put(row: dict[str, Any], parts: Mapping[str, int], kind: str) -> None:
    """Write ``parts`` back into ``row`` (totals worked out from them)."""
    if kind == "test":
        levels = [parts[f"l{i}"] for i in range(1, 5)]
        row["levels"] = levels
        row["tested"] = sum(levels)
        if "met" in row:
            row["met"] = levels[2] + levels[3]
        if "untested" in parts:
            row["enrolled"] = row["tested"] + parts["untested"]
    elif kind == "share":
        row["count"], row["students"] = parts["count"], parts["count"] + parts["rest"]
    else:
        row["count"] = parts["count"]


def _vary_table(
    table: dict[str, Any], kind: str, scale: float, rng: random.Random, sets: GroupSets
) -> None:
    """Vary one table (a subject or a measure in one year) so that it still adds up.

    All students' parts are scaled (each part by its own factor, so the shares move too);
    each group set's members, and the grades, then share all students' new parts in
    proportion to their old ones (with some noise), so every set still adds up to all
    students, a group of 0 stays 0 and a small group stays small.
    """
    groups = table.get("groups") or {}
    grades = table.get("grades") or {}
    old = {("groups", g): _parts(r, kind) for g, r in groups.items()}
    old.update({("grades", str(g)): _parts(r, kind) for g, r in grades.items()})
    if ("groups", "all") not in old or any(parts is None for parts in old.values()):
        return  # hidden values or the state's own percentages: left as they are
    total = old[("groups", "all")]
    factors = {name: scale * rng.uniform(0.88, 1.12) for name in total}
    new = {("groups", "all"): {name: round(v * factors[name]) for name, v in total.items()}}
    members_of = [
        [("groups", m) for m in members if m in groups]
        for _, members in sets.present([g for g in groups if g != "all"])
    ]
    members_of.append([("grades", str(g)) for g in grades])
    for members in members_of:
        if not members:
            continue
        shares = {m: {} for m in members}
        for name, value in total.items():
            if not all(name in old[m] for m in members):
                for m in members:  # only `enrolled`, which adds up in no check
                    if name in old[m]:
                        shares[m][name] = old[m][name]
                continue
            before = sum(old[m][name] for m in members)
            wanted = new[("groups", "all")][name]
            if before != value:  # some members not given: they add up to no more
                wanted = min(wanted, round(before * factors[name]))
            weights = [old[m][name] * rng.uniform(0.85, 1.15) for m in members]
            for m, part in zip(members, _apportion(wanted, weights), strict=True):
                shares[m][name] = part
        new.update(shares)
    for (where, name), parts in new.items():
        rows = groups if where == "groups" else grades
        key = name if name in rows else next(k for k in rows if str(k) == name)
        _put(rows[key], {**old[(where, name)], **parts}, kind)


def vary_school(
    data: dict[str, Any],
    rng: random.Random,
    languages: tuple[str, ...],
    sets: GroupSets,
    kinds: Mapping[str, str],
) -> None:
    """Vary a school file's numbers in place, keeping every total and every rule."""
    scale = rng.uniform(0.8, 1.25)
    data["enrolment"] = max(1, round(data["enrolment"] * scale))
    for table in (data.get("assessments") or {}).values():
        _vary_table(table, "test", scale, rng, sets)
    for subjects in (data.get("history") or {}).values():
        for table in subjects.values():
            _vary_table(table, "test", scale, rng, sets)
    for name, years in (data.get("measures") or {}).items():
        for table in years.values():
            _vary_table(table, kinds.get(name, "share"), scale, rng, sets)
    for row in (data.get("last_year") or {}).values():
        _vary_table({"groups": {"all": row}}, "test", scale, rng, sets)
    for key, (whole, part) in {
        "absenteeism": ("students", "chronic"),
        "graduation": ("cohort", "graduated"),
        "english_learners_progress": ("students", "making_progress"),
    }.items():
        pair = data.get(key)
        if pair and None not in (pair[whole], pair[part]):
            row = {"students": pair[whole], "count": pair[part]}
            _vary_table({"groups": {"all": row}}, "share", scale, rng, sets)
            pair[whole], pair[part] = row["students"], row["count"]
    teachers = data.get("teachers")
    if teachers:
        total = max(1, round(teachers["total"] * scale * rng.uniform(0.9, 1.1)))
        share = teachers["experienced"] / teachers["total"] * rng.uniform(0.85, 1.15)
        teachers["total"], teachers["experienced"] = total, min(total, round(total * share))
    sources = data.get("spending_sources")
    adds_up = bool(sources) and sum(sources.values()) == data.get("spending_per_pupil")
    for source in sources or {}:
        sources[source] = round(sources[source] * rng.uniform(0.85, 1.15) / 10) * 10
    if adds_up:
        data["spending_per_pupil"] = sum(sources.values())
    elif data.get("spending_per_pupil") is not None:
        data["spending_per_pupil"] = round(data["spending_per_pupil"] * rng.uniform(0.85, 1.15))
    home = data.get("home_languages")
    if home:
        students = data["enrolment"]
        # A language the site does not publish stays under the share that would make it
        # required (the site could not give those families their report card).
        below = (HOME_LANGUAGE_THRESHOLD * students - 1) // 100
        for code, count in home.items():
            count = round(count * scale * rng.uniform(0.8, 1.2))
            home[code] = min(count, students if code in languages else below)
        while sum(home.values()) > students:
            largest = max(home, key=home.__getitem__)
            home[largest] -= 1


def _school_stem(template: Mapping[str, Any], number: int, width: int) -> tuple[str, str]:
    """The new school's id and name: the bundled school's, numbered."""
    return f"{template['id']}-{number:0{width}d}", f"{template['name']} {number:0{width}d}"


def write_schools(folder: Path, schools: int, languages: tuple[str, ...]) -> list[Path]:
    """``_district.yml`` and ``schools`` school files, made from the bundled ones in turn."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SCHOOL_DATA / DISTRICT_FILE, folder / DISTRICT_FILE)
    district = yaml.safe_load((SCHOOL_DATA / DISTRICT_FILE).read_text(encoding="utf-8"))
    sets = GroupSets.with_overrides(district.get("group_sets"))
    kinds = {name: info.kind for name, info in KNOWN_MEASURES.items()}
    kinds.update(
        {str(n): str(i.get("kind", "share")) for n, i in (district.get("measures") or {}).items()}
    )
    templates = [
        SchoolTemplate(path)
        for path in sorted(SCHOOL_DATA.glob("*.yml"))
        if not path.name.startswith("_")
    ]
    width = max(4, len(str(schools)))
    written = []
    for number in range(1, schools + 1):
        template = templates[(number - 1) % len(templates)]
        data = copy.deepcopy(template.data)
        data["id"], data["name"] = _school_stem(template.data, number, width)
        # Seeded by the school's number: the same school gets the same numbers every run.
        rng = random.Random(number)  # noqa: S311 (test data, not a secret)
        vary_school(data, rng, languages, sets, kinds)
        path = folder / f"{data['id']}.yml"
        path.write_text(template.render(data), encoding="utf-8")
        written.append(path)
    return written


def generate_state(
    out: Path,
    schools: int = 1000,
    pages: int = 2000,
    languages: tuple[str, ...] = STATE_LANGUAGES,
) -> Path:
    """Write a state-sized site into ``out``: pages and report-card data for ``schools``.

    ``pages`` pages per language in every language of ``languages`` (English first), made
    from the bundled pages that exist in all of them, and one school file per school, so
    the report cards are made for every school in every language (all are required).
    """
    if languages[0] != "en":
        raise ValueError("the state's first language is English, its default language")
    content = _fresh_content(out)
    _write_pages(content, pages, languages, state_templates(languages))
    write_schools(content / "_data" / "schools", schools, languages)
    _write_configs(out, languages, state_plugins(languages))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--pages", type=int, default=None, help="pages per language (100; 2000 with --state)"
    )
    parser.add_argument(
        "--languages",
        default=None,
        help="en,es or en,es,vi,ar; with --state, en first (default: "
        + ",".join(STATE_LANGUAGES)
        + ")",
    )
    parser.add_argument(
        "--state", action="store_true", help="the state scenario, with report-card data"
    )
    parser.add_argument(
        "--schools", type=int, default=None, help="schools with report cards (--state; 1000)"
    )
    args = parser.parse_args()
    if not args.state:
        if args.schools is not None:
            parser.error("--schools: only with --state")
        pages = 100 if args.pages is None else args.pages
        languages = tuple((args.languages or "en,es").split(","))
        if languages[0] != "en" or not set(languages) <= set(NAMES) or len(languages) not in (2, 4):
            parser.error("--languages: en,es or en,es,vi,ar")
        generate(args.out, pages, languages)
        print(f"wrote {pages} pages per language in {', '.join(languages)} to {args.out}")
        return 0
    pages = 2000 if args.pages is None else args.pages
    schools = 1000 if args.schools is None else args.schools
    languages = tuple(args.languages.split(",")) if args.languages else STATE_LANGUAGES
    if (
        languages[0] != "en"
        or not set(languages) <= set(LANGUAGE_NAMES)
        or len(set(languages)) != len(languages)
    ):
        parser.error(f"--languages: en first, then some of {', '.join(list(LANGUAGE_NAMES)[1:])}")
    if pages < 1 or schools < 1:
        parser.error("--pages and --schools: 1 or more")
    generate_state(args.out, schools, pages, languages)
    files = sum(1 for path in args.out.rglob("*") if path.is_file())
    print(
        f"wrote {pages} pages per language in {', '.join(languages)} "
        f"({', '.join(state_templates(languages))}), and report-card data for {schools} "
        f"schools, to {args.out} ({files} files)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
