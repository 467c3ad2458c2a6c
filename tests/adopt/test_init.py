"""``homeroom init`` and ``homeroom translations baseline`` on sites written by others."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, homeroom, plain_mkdocs_build, run
from homeroom.data.mkdocs_config import add_homeroom
from homeroom.model.errors import InputError

#: A public site made with mkdocs-static-i18n (suffix structure, five languages), as it
#: was when English, Spanish and French were written and Portuguese and Russian were not.
ELSA = ROOT / "tests" / "data" / "elsa-documentation"
PAGES = ("index.md", "elsa/index.md", "elsa/01_overview.md", "elsa/02_tool_purpose.md")
PAGES = (*PAGES, "elsa/11_support.md")


def added_lines(before: str, after: str) -> list[str]:
    """The lines ``after`` adds to ``before``; fails if it changes or removes any."""
    changes = [
        line
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line.startswith(("+ ", "- "))
    ]
    assert not [line for line in changes if line.startswith("- ")], changes
    return [line[2:] for line in changes]


@pytest.fixture
def elsa(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ELSA, tmp_path / "elsa"))


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_real_multilingual_site_adopts_homeroom_and_its_build_reports_missing_pages(
    elsa: Path,
) -> None:
    before = snapshot(elsa)
    config = (elsa / "mkdocs.yml").read_text(encoding="utf-8")
    # Without --yes (and no terminal to ask on): the whole plan is shown, nothing written.
    shown = homeroom("init", "--required", "es,fr", "--required", "pt,ru", cwd=elsa)
    assert shown.returncode == 0, shown.stderr
    assert snapshot(elsa) == before
    assert "+  - homeroom/translations:" in shown.stdout
    assert "+      required: [en, es, fr, pt, ru]" in shown.stdout
    assert "It would create docs/_data/notices.yml" in shown.stdout
    assert "It would record 10 existing translation(s) as current" in shown.stdout
    assert "  docs/elsa/01_overview.fr.md (translates docs/elsa/01_overview.md)" in shown.stdout
    assert "Nothing was written." in shown.stdout

    done = homeroom("init", "--required", "es,fr,pt,ru", "--yes", cwd=elsa)
    assert done.returncode == 0, done.stderr
    assert "Recorded 10 translation(s) as current (baseline)." in done.stdout
    new = (elsa / "mkdocs.yml").read_text(encoding="utf-8")
    # Every line the site's authors wrote is still there, comments included.
    assert "- homeroom/content" in "\n".join(added_lines(config, new))
    assert "# Theme Configuration" in new and "# Navigation Structure" in new
    # The pages' own text is untouched: only a translation record is added at the top.
    for page in PAGES:
        for lang in ("es", "fr"):
            name = page.replace(".md", f".{lang}.md")
            old = before[f"docs/{name}"].decode("utf-8")
            text = (elsa / "docs" / name).read_text(encoding="utf-8")
            assert text.endswith(old), name
            assert "nobody compared it with the source then" in text

    # A second run finds nothing to do and writes nothing.
    after = snapshot(elsa)
    again = homeroom("init", "--required", "es,fr,pt,ru", "--yes", cwd=elsa)
    assert again.returncode == 0, again.stderr
    assert "nothing to change" in again.stdout
    assert snapshot(elsa) == after

    status = json.loads(homeroom("translations", "status", "--format", "json", cwd=elsa).stdout)
    cells = {(c["page"], c["language"]): c["status"] for c in status["pages"]}
    assert {cells[(p, lang)] for p in PAGES for lang in ("es", "fr")} == {"current"}
    assert {cells[(p, lang)] for p in PAGES for lang in ("pt", "ru")} == {"missing"}

    built = plain_mkdocs_build(elsa)
    missing = sorted(
        line.split(": ")[1].split(":")[0] + " " + line.split("no ")[1].split(" version")[0]
        for line in built.stderr.splitlines()
        if "i18n.missing" in line
    )
    assert missing == sorted(
        f"docs/{page} {name}" for page in PAGES for name in ("Portuguese", "Russian")
    ), built.stderr
    # The translations recorded by the baseline are current: none is reported stale.
    assert "i18n.stale" not in built.stderr and "i18n.untracked" not in built.stderr
    # Its pages are hard to read, so Homeroom stops the build before any page is written.
    assert built.returncode == 1
    assert "Homeroom found" in built.stderr
    assert not (elsa / "site" / "index.html").exists()
    assert "Traceback" not in built.stderr


def test_init_on_a_site_with_one_language_adds_the_checks_and_a_plugins_list(
    tmp_path: Path,
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Welcome\n\nWe are glad you are here.\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Our school  # keep me\n")
    done = homeroom("init", "--yes", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "mkdocs.yml").read_text()
    assert text.startswith("site_name: Our school  # keep me\nplugins:\n  - search\n")
    assert "      required: [en]\n" in text
    assert not (tmp_path / "docs" / "_data").exists()  # Homeroom's own English notices do
    built = plain_mkdocs_build(tmp_path)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.parametrize(
    ("config", "args", "expected"),
    [
        ("site_name: [x\n", [], "error: mkdocs.yml:2: cannot read this file as YAML"),
        (
            "site_name: x\nplugins: [search]\n",
            [],
            "error: mkdocs.yml:2: `plugins:` is written on one line",
        ),
        (
            "site_name: x\nplugins:\n  - i18n:\n      docs_structure: folder\n",
            [],
            "error: mkdocs.yml: this site keeps each language in its own folder",
        ),
        (
            "site_name: x\nplugins:\n  - i18n:\n      default_language: en\n      languages: {en: English}\n",
            [],
            "error: mkdocs.yml: the i18n plugin is set up the way its versions before 1.0",
        ),
        ("site_name: x\n", ["--required", "es"], "error: --required es: the site does not"),
        (
            "INHERIT: base.yml\nsite_name: x\n",
            [],
            "error: mkdocs.yml:1: this file takes its settings from base.yml",
        ),
        ("site_name: x\r\n", [], "error: mkdocs.yml: this file has Windows line ends"),
    ],
)
def test_init_refuses_what_it_cannot_read_in_one_line_and_touches_nothing(
    tmp_path: Path, config: str, args: list[str], expected: str
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_bytes(config.encode())
    done = homeroom("init", "--yes", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(expected), done.stderr
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    assert (tmp_path / "mkdocs.yml").read_bytes() == config.encode()
    assert not (tmp_path / "docs" / "_data").exists()


def test_init_without_a_config_file_says_where_to_run_it(tmp_path: Path) -> None:
    done = homeroom("init", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("error: mkdocs.yml: no such file.")


@pytest.mark.parametrize(
    ("config", "added", "by_hand"),
    [
        # A block of patterns gets one more line, indented like the others.
        (
            "site_name: x\nexclude_docs: |\n    drafts/\n\n# The menu\nnav:\n  - index.md\n",
            "    _data/",
            "",
        ),
        # Already excluded: nothing to add there.
        ("site_name: x\nexclude_docs: |\n  /_data/\n", "", ""),
        # A one-line value is the user's to extend.
        ("site_name: x\nexclude_docs: drafts/\n", "", "Add `_data/` to `exclude_docs`"),
    ],
)
def test_exclude_docs_keeps_the_data_folder_out(config: str, added: str, by_hand: str) -> None:
    edit = add_homeroom(config, "mkdocs.yml", ["en"])
    new = added_lines(config, edit.text)
    assert (added in new) if added else not any("_data/" in line for line in new)
    assert (by_hand in " ".join(edit.by_hand)) if by_hand else edit.by_hand == ()
    assert add_homeroom(edit.text, "mkdocs.yml", ["en"]).text == edit.text


def test_plugins_are_added_after_the_last_plugin_in_its_indentation() -> None:
    config = (
        "site_name: x\nplugins:\n- search\n- i18n:\n    docs_structure: suffix\n"
        "    languages:\n    - locale: en\n      default: true\n    - locale: es\n\n"
        "# Extensions\nmarkdown_extensions:\n- toc\n"
    )
    edit = add_homeroom(config, "mkdocs.yml", ["en", "es"])
    assert edit.text.index("- homeroom/content") < edit.text.index("# Extensions")
    assert "\n- homeroom/translations:\n    # " in edit.text
    assert "\n    required: [en, es]\n" in edit.text
    # Plugins already listed are left as they are; only the missing ones are added.
    mine = config.replace("- search\n", "- search\n- homeroom/translations:\n    required: [en]\n")
    edit = add_homeroom(mine, "mkdocs.yml", ["en", "es"])
    assert [a for a in edit.added if a.startswith("homeroom/")] == [
        "homeroom/content",
        "homeroom/readability",
        "homeroom/jargon",
    ]
    assert edit.text.count("required:") == 1


def test_a_file_that_is_not_settings_is_refused() -> None:
    with pytest.raises(InputError, match="not a site's settings"):
        add_homeroom("- a\n- b\n", "mkdocs.yml", ["en"])


def test_baseline_lists_then_records_untracked_translations_once(site_repo: Path) -> None:
    listed = homeroom("translations", "baseline", cwd=site_repo)
    assert listed.returncode == 0, listed.stderr
    assert "  content/about.es.md (translates content/about.md)" in listed.stdout
    assert "Nothing was written." in listed.stdout
    assert "source_hash" not in (site_repo / "content" / "about.es.md").read_text()
    done = homeroom("translations", "baseline", "--yes", cwd=site_repo)
    assert done.returncode == 0, done.stderr
    assert "Recorded 1 translation(s) as current (baseline)." in done.stdout
    text = (site_repo / "content" / "about.es.md").read_text()
    assert "source_hash: sha256:" in text and "nobody compared it" in text
    assert "method:" not in text  # a baseline does not know how it was made
    again = homeroom("translations", "baseline", "--yes", cwd=site_repo)
    assert "nothing to record" in again.stdout


def test_baseline_keeps_what_a_record_already_says(site_repo: Path) -> None:
    page = site_repo / "content" / "about.es.md"
    page.write_text(
        "---\ntitle: Acerca  # our title\ntranslation:\n  method: machine\n"
        "  note: Checked by the parent council.\n---\n# Acerca\n\nEnseñamos.\n"
    )
    assert homeroom("translations", "baseline", "--yes", cwd=site_repo).returncode == 0
    text = page.read_text()
    assert text.startswith("---\ntitle: Acerca  # our title\n")
    assert "method: machine" in text
    assert "note: Checked by the parent council. Recorded as current on" in text


@pytest.fixture
def site_repo(tmp_path: Path) -> Path:
    from conftest import TRANSLATIONS_SITE_YML

    (tmp_path / "mkdocs.yml").write_text(TRANSLATIONS_SITE_YML, encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "about.md").write_text("# About\n\nWe teach.\n", encoding="utf-8")
    (content / "about.es.md").write_text("# Acerca\n\nEnseñamos.\n", encoding="utf-8")
    run(["git", "init", "-q"], tmp_path)
    return tmp_path


def test_the_copied_site_keeps_its_licence_beside_it() -> None:
    assert (ELSA / "LICENSE").read_text().lstrip().startswith("Apache License")
    assert "Changed for Homeroom's tests" in (ELSA / "mkdocs.yml").read_text()


@st.composite
def configs(draw: st.DrawFn) -> str:
    """mkdocs.yml files as people write them: list styles, comments, blank lines, extras."""
    dash = draw(st.sampled_from([0, 2, 4]))
    pad = " " * dash
    lines = ["site_name: A school"]
    if draw(st.booleans()):
        lines.append("# Comment above the plugins")
    plugins = draw(
        st.lists(st.sampled_from(["search", "tags", "homeroom/jargon", "i18n"]), unique=True)
    )
    if plugins:
        lines.append("plugins:")
        for name in plugins:
            if name == "i18n":
                lines += [f"{pad}- i18n:", f"{pad}    languages:", f"{pad}      - locale: en"]
                lines += [f"{pad}        default: true", f"{pad}      - locale: es"]
            else:
                lines.append(f"{pad}- {name}")
            if draw(st.booleans()):
                lines.append(f"{pad}  # a note on {name}")
    if draw(st.booleans()):
        lines += ["exclude_docs: |", "  drafts/"]
    for _ in range(draw(st.integers(0, 2))):
        lines.append(draw(st.sampled_from(["", "# The menu", "  # indented"])))
    if draw(st.booleans()):
        lines += ["markdown_extensions:", f"{pad}- toc:", f"{pad}    permalink: true"]
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


@settings(max_examples=60, deadline=None)
@given(configs())
def test_init_only_ever_adds_lines_and_a_second_run_adds_none(config: str) -> None:
    try:
        edit = add_homeroom(config, "mkdocs.yml", ["en"])
    except InputError:
        return
    added_lines(config, edit.text)
    assert add_homeroom(edit.text, "mkdocs.yml", ["en"]).text == edit.text


def test_a_one_language_site_in_another_language_is_told_how_it_is_checked(
    tmp_path: Path,
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: École\ntheme:\n  name: material\n  language: fr\n"
    )
    done = homeroom("init", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Note: the theme says the pages are in fr" in done.stdout


def test_init_never_replaces_a_linked_mkdocs_yml(tmp_path: Path) -> None:
    """A mkdocs.yml that is a link stays a link, and the file it points to is not changed."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Welcome\n\nWe are glad you are here.\n")
    (tmp_path / "shared.yml").write_text("site_name: Our school\n")
    (tmp_path / "mkdocs.yml").symlink_to("shared.yml")
    done = homeroom("init", "--yes", cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("error: mkdocs.yml: this is a link to shared.yml")
    assert "Traceback" not in done.stderr
    assert (tmp_path / "mkdocs.yml").is_symlink()
    assert (tmp_path / "shared.yml").read_text() == "site_name: Our school\n"
    assert not (tmp_path / "docs" / "_data").exists()
