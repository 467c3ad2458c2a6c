"""``homeroom new TYPE NAME``: a page with its type's sections in every required language."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, homeroom
from homeroom.checks import content
from homeroom.data.page_types import load_page_types
from homeroom.data.settings import load_settings
from homeroom.data.sources import load_source, parse_front_matter
from homeroom.model.errors import HomeroomError
from homeroom.pages import nav, scaffold
from homeroom.run import engine

PAGE_TYPES = load_page_types(ROOT / "content" / "_data" / "page-types.yml")

SITE = """\
site_name: Test
docs_dir: content
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
        - locale: es
          name: Español
        - locale: vi
          name: Tiếng Việt
{translations}"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "content" / "_data").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "_data" / "page-types.yml", tmp_path / "content" / "_data")
    (tmp_path / "mkdocs.yml").write_text(SITE.format(translations=""), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES.names))
def test_every_type_gets_its_sections_in_every_language(root: Path, page_type: str) -> None:
    done = homeroom("new", page_type, "my-page", cwd=root)
    assert done.returncode == 0, done.stderr
    wanted = [s.id for s in PAGE_TYPES.types[page_type].sections]
    for suffix, language in [("", "en"), (".es", "es"), (".vi", "vi")]:
        text = (root / "content" / f"my-page{suffix}.md").read_text(encoding="utf-8")
        meta, _ = parse_front_matter(text, "p.md")
        assert meta["title"] == "My page" and meta["type"] == page_type
        assert meta.get("essential", False) is PAGE_TYPES.types[page_type].essential
        assert ("translation" in meta) is (language != "en")
        ids = [line.rsplit("{#", 1)[1].rstrip("}") for line in text.splitlines() if "{#" in line]
        assert ids == wanted
        for section in PAGE_TYPES.types[page_type].sections:
            assert f"## {section.heading(language)} {{#{section.id}}}" in text
    # The new page passes the page-types check as it is.
    check = homeroom("check", "content", "--fail-on", "info", cwd=root)
    assert "pagetype." not in check.stdout


def test_translation_record_is_honest_and_spanish_placeholders_are_spanish(root: Path) -> None:
    homeroom("new", "conference-guide", "fall", "--title", "Fall: conferences", cwd=root)
    meta, _ = parse_front_matter((root / "content" / "fall.es.md").read_text(), "p.md")
    assert meta["title"] == "Fall: conferences" and meta["essential"] is True
    assert meta["translation"]["method"] == "person"
    assert "reviewed_by" not in meta["translation"]
    assert "Español" in meta["translation"]["note"]
    text = (root / "content" / "fall.es.md").read_text()
    assert "*Por escribir: " in text and "## Antes de la conferencia {#before}" in text


def test_only_required_languages_get_a_file(root: Path) -> None:
    (root / "mkdocs.yml").write_text(
        SITE.format(translations="  - homeroom/translations:\n      required: [en, es]\n")
    )
    done = homeroom("new", "home", "start", cwd=root)
    assert done.stdout.splitlines()[:2] == [
        "created content/start.md",
        "created content/start.es.md",
    ]
    assert not (root / "content" / "start.vi.md").exists()


@pytest.mark.parametrize("existing", ["guide.md", "guide.vi.md"])
def test_never_overwrites_and_writes_nothing_when_any_file_exists(
    root: Path, existing: str
) -> None:
    (root / "content" / existing).write_text("Mine.\n")
    done = homeroom("new", "conference-guide", "guide", cwd=root)
    assert done.returncode == 2
    assert done.stderr == (
        f"error: content/{existing}: this page already exists, and `homeroom new` never "
        "overwrites a page. Edit it, or pick another name.\n"
    )
    assert (root / "content" / existing).read_text() == "Mine.\n"
    assert sorted(p.name for p in (root / "content").glob("*.md")) == [existing]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["grade-page", "x"], "error: there is no page type called `grade-page`. Page types: "),
        (["home", "Grade 9"], "error: `Grade 9` cannot be a page name: use small letters"),
        (["home", "grade_9"], "error: `grade_9` cannot be a page name: use small letters"),
        (["home", "about.es"], "error: `about.es` ends in a language suffix (`.es`)"),
        (["home", "about.es.md"], "error: `about.es.md` ends in a language suffix (`.es`)"),
        (["home", "about.zh-Hant"], "error: `about.zh-Hant` ends in a language suffix"),
        (["home", "../outside"], "error: `../outside` points outside the content folder"),
        (["home", "a/../../b"], "error: `a/../../b` points outside the content folder"),
        (["home", "a//b"], "error: `a//b` points outside the content folder"),
        (["home", "/etc/page"], "error: `/etc/page` is a path on this computer"),
        (["home", "~/page"], "error: `~/page` is a path on this computer"),
        (["home", "C:/page"], "error: `C:/page` is a path on this computer"),
        (["home", "schools\\alder"], "error: `schools\\alder` cannot be a page name: write"),
        (["home", "content/about"], "error: `content/about` starts with the content folder's"),
        (["home", "_data/notes"], "error: `_data/notes` is in a folder that is never published"),
        (["home", ".drafts/a"], "error: `.drafts/a` is in a folder that is never published"),
        (["home", "es/about"], "error: `es/` is where the site publishes its Español pages"),
        (["home", ""], "error: give the new page a name"),
        (["home", "ok-name;rm"], "error: `ok-name;rm` cannot be a page name"),
    ],
)
def test_bad_type_or_name_is_one_line_exit_2(root: Path, args: list[str], expected: str) -> None:
    before = (root / "mkdocs.yml").read_bytes()
    done = homeroom("new", *args, cwd=root)
    assert done.returncode == 2
    assert done.stderr.startswith(expected) and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
    if "Page types" in expected:
        for name in PAGE_TYPES.names:
            assert name in done.stderr
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md")) == []
    assert (root / "mkdocs.yml").read_bytes() == before


GENERATING = """\
  - homeroom/jargon{jargon}
  - homeroom/reportcards{reportcards}
  - homeroom/translations{translations}
"""


@pytest.mark.parametrize(
    ("options", "name", "what"),
    [
        ({}, "glossary", "`glossary.md` is the family glossary"),
        ({"jargon": ":\n      glossary_page: words/list.md"}, "words/list", "the family glossary"),
        ({}, "schools/alder", "`schools/` holds the school report cards"),
        ({}, "schools/index", "`schools/` holds the school report cards"),
        ({"reportcards": ":\n      output: report-cards/"}, "report-cards/x", "report cards"),
        ({}, "staff/translations", "`staff/translations.md` is the staff page on translations"),
        (
            {"translations": ":\n      status_page: team/status.md"},
            "team/status",
            "the staff page on translations",
        ),
    ],
)
def test_never_takes_the_place_of_a_page_homeroom_generates(
    root: Path, options: dict[str, str], name: str, what: str
) -> None:
    site = SITE.format(translations="") + GENERATING.format(
        jargon=options.get("jargon", ""),
        reportcards=options.get("reportcards", ""),
        translations=options.get("translations", ""),
    )
    (root / "mkdocs.yml").write_text(site, encoding="utf-8")
    done = homeroom("new", "home", name, cwd=root)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: `{name}` is a page Homeroom writes itself: ")
    assert what in done.stderr and done.stderr.count("\n") == 1
    assert "Pick another name." in done.stderr
    assert sorted(root.rglob("*.md")) == []


@pytest.mark.parametrize(
    ("switched_off", "name"),
    [
        ("  - homeroom/jargon:\n      glossary_page: ''\n", "glossary"),
        ("  - homeroom/reportcards:\n      enabled: false\n", "schools/alder"),
        ("", "staff/translations"),  # no translations plugin: no staff page
    ],
)
def test_names_are_free_when_nothing_generates_them(
    root: Path, switched_off: str, name: str
) -> None:
    (root / "mkdocs.yml").write_text(SITE.format(translations="") + switched_off, "utf-8")
    done = homeroom("new", "home", name, cwd=root)
    assert done.returncode == 0, done.stderr


def test_a_file_that_differs_only_in_capitals_counts_as_existing(root: Path) -> None:
    (root / "content" / "Welcome.md").write_text("Mine.\n")
    done = homeroom("new", "home", "welcome", cwd=root)
    assert done.returncode == 2
    assert done.stderr.startswith("error: content/Welcome.md: this page already exists")
    assert (root / "content" / "Welcome.md").read_text() == "Mine.\n"


def test_a_folder_link_out_of_the_content_folder_is_refused(root: Path, tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (root / "content" / "linked").symlink_to(outside, target_is_directory=True)
    done = homeroom("new", "home", "linked/page", cwd=root)
    assert done.returncode == 2
    assert "leads outside the content folder" in done.stderr
    assert list(outside.iterdir()) == []


def test_a_folder_in_the_name_is_created(root: Path) -> None:
    done = homeroom("new", "report-card", "schools/alder", "--title", "Alder Elementary", cwd=root)
    assert done.returncode == 0, done.stderr
    assert (root / "content" / "schools" / "alder.es.md").is_file()


def test_new_pages_of_every_type_pass_every_bundled_check(tmp_path: Path) -> None:
    # The bundled site's settings and data: readability, jargon and page types in every
    # language it publishes. A page fresh from `homeroom new` starts with no findings at all.
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content" / "_data", tmp_path / "content" / "_data")
    for page_type in PAGE_TYPES.names:
        made = homeroom("new", page_type, f"new-{page_type}", cwd=tmp_path)
        assert made.returncode == 0, made.stderr
    done = homeroom("check", "--format", "json", cwd=tmp_path)
    report = json.loads(done.stdout)
    # One file per required language (every site language unless mkdocs.yml says otherwise).
    required = load_settings(tmp_path / "mkdocs.yml").required_languages
    made = [p for p in report["pages"] if p["path"].startswith("content/new-")]
    assert len(made) == len(PAGE_TYPES.names) * len(required)
    # The only things said: each note saying what to write is still there, each new
    # translation is still to be written, and nobody has yet recorded which English
    # version it matches.
    untracked = [f for f in report["findings"] if f["rule"] == "i18n.untracked"]
    notes = [f for f in report["findings"] if f["rule"] == "content.placeholder"]
    # A translation fresh from `homeroom new` has headings and notes, not yet the words its
    # English page's terms need: the termbase's reminder is an info, never more.
    terms = [f for f in report["findings"] if f["rule"] == "i18n.term"]
    assert all(f["severity"] == "info" for f in terms)
    assert [f for f in report["findings"] if f not in untracked + notes + terms] == []
    translated = [name for name in PAGE_TYPES.names if name != "staff"]  # never translated
    assert len(untracked) == len(translated) * (len(required) - 1)


@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES.names))
def test_every_note_a_new_page_starts_with_is_an_error_until_it_is_written(
    root: Path, page_type: str
) -> None:
    assert homeroom("new", page_type, "my-page", cwd=root).returncode == 0
    settings = load_settings(root / "mkdocs.yml")
    check = content.build(settings)
    for suffix, language in [("", "en"), (".es", "es"), (".vi", "vi")]:
        path = root / "content" / f"my-page{suffix}.md"
        source = load_source(path, settings.docs_dir, settings.languages, root)
        found = check.check_page(source, engine.prose_of(source)).findings
        lines = source.text.splitlines()
        notes = [i + 1 for i, line in enumerate(lines) if line.startswith("*") and ":" in line]
        assert [f.line for f in found] == notes
        assert {f.rule for f in found} <= {"content.placeholder"}
        guided = [s for s in PAGE_TYPES.types[page_type].sections if s.guidance(language)]
        assert len(found) == len(guided)


BUNDLED_NAV_END = b"  - schools/index.md\n"


def test_new_page_writes_the_files_and_adds_one_line_to_the_bundled_nav(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content" / "_data", tmp_path / "content" / "_data")
    before = (tmp_path / "mkdocs.yml").read_bytes()
    (tmp_path / "mkdocs.yml").chmod(0o640)
    lines = scaffold.new_page(tmp_path / "mkdocs.yml", "grade-expectations", "grade-9")
    after = (tmp_path / "mkdocs.yml").read_bytes()
    # Every comment, blank line and setting kept byte for byte; one line added at the end
    # of the top-level nav.
    assert before.count(BUNDLED_NAV_END) == 1
    assert after == before.replace(BUNDLED_NAV_END, BUNDLED_NAV_END + b"  - grade-9.md\n")
    line = after.decode().splitlines().index("  - grade-9.md") + 1
    assert lines[-1] == f"added `grade-9.md` to the menu: line {line} of mkdocs.yml (`nav:`)."
    assert [n for n in lines if n.startswith("created ")] == [
        f"created {scaffold.display_path(tmp_path / 'content' / name, Path.cwd())}"
        for name in ("grade-9.md", "grade-9.es.md")
    ]
    # Written atomically: no temporary file left, the file's permissions kept.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "mkdocs.yml"]
    assert (tmp_path / "mkdocs.yml").stat().st_mode & 0o777 == 0o640


NAV_CASES = [
    pytest.param(
        "site_name: T\n# The menu.\nnav:\n  - index.md   # home\n  - Grades:\n"
        "      - grade-1.md\n      - 'grade-2.md'\n# Plugins come next.\n\nplugins:\n  - search\n",
        8,
        "  - grade-9.md\n",
        id="sections-and-comments",
    ),
    pytest.param(
        "nav:\n- index.md\n- About: about.md\ntheme:\n  name: material\n",
        4,
        "- grade-9.md\n",
        id="no-indent",
    ),
    pytest.param(
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  key: !ENV [KEY, 'x']\nnav:\n  - index.md\n",
        8,
        "  - grade-9.md\n",
        id="mkdocs-tags",
    ),
    pytest.param(
        "nav:\r\n  - index.md\r\n  - about.md\r\nsite_name: T\r\n",
        4,
        "  - grade-9.md\r\n",
        id="windows-line-ends",
    ),
]


@pytest.mark.parametrize(("text", "line", "added"), NAV_CASES)
def test_nav_gets_one_line_and_keeps_every_other_byte(
    tmp_path: Path, text: str, line: int, added: str
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_bytes(text.encode())
    said = nav.add_to_nav(config, "grade-9.md")
    assert said == f"added `grade-9.md` to the menu: line {line} of mkdocs.yml (`nav:`)."
    lines = text.encode().splitlines(keepends=True)
    lines.insert(line - 1, added.encode())
    assert config.read_bytes() == b"".join(lines)


HAND = "Add the page to the menu yourself: put `- grade-9.md` at the end of `nav:` in mkdocs.yml."


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "site_name: T\n",
            "mkdocs.yml has no `nav:`, so MkDocs lists the new page in its menu by itself.",
        ),
        ("nav: [index.md, about.md]\n", HAND),
        ("nav:\n  - index.md", HAND),  # no newline at the end: it would change a line
        ("nav: index.md\n", HAND),
        ("nav:\n  - grade-9.md\n", "`grade-9.md` is already in `nav:` in mkdocs.yml."),
        (
            "not_in_nav: |\n  /staff/\nnav:\n  - index.md\n",
            "mkdocs.yml keeps `grade-9.md` out of the menu",
        ),
        ("nav:\n  - index.md\n bad: [\n", HAND),
        ("nav:\n  - index.md\r\n  - a.md\n", HAND),  # mixed line ends
    ],
)
def test_nav_that_cannot_take_the_line_exactly_is_left_alone(
    tmp_path: Path, text: str, said: str
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_bytes(text.encode())
    entry = "staff/grade-9.md" if "not_in_nav" in text else "grade-9.md"
    message = nav.add_to_nav(config, entry)
    assert message.startswith(said.replace("grade-9.md", entry)), message
    assert config.read_bytes() == text.encode()
    assert list(tmp_path.iterdir()) == [config]


def test_plan_refuses_before_writing_anything(root: Path) -> None:
    settings = load_settings(root / "mkdocs.yml")
    (root / "content" / "guide.es.md").write_text("Mine.\n")
    with pytest.raises(HomeroomError):
        scaffold.create(settings, "conference-guide", "guide")
    assert sorted(p.name for p in (root / "content").glob("*.md")) == ["guide.es.md"]
