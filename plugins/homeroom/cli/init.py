"""``homeroom init``: add Homeroom to an existing MkDocs site, after showing what changes.

It reads the site's mkdocs.yml (one language, or mkdocs-static-i18n with translations next
to their pages), and proposes, all at once:

- the Homeroom plugins (:data:`homeroom.data.mkdocs_config.ADDED_PLUGINS`), with the
  languages every page must exist in, and ``_data/`` in ``exclude_docs``: lines added to
  mkdocs.yml, every other byte kept (:mod:`homeroom.data.mkdocs_config`);
- ``_data/notices.yml`` when the site has a language Homeroom has no notices for;
- a baseline: every translation that records nothing of its source is recorded as current
  once, with a note saying so (``homeroom translations baseline``), so the site does not
  start at 0% current.

It shows the change to mkdocs.yml as a diff and lists the rest, then writes only when the
user agrees (``--yes``, or "y" at the prompt). It creates no file that exists, writes
mkdocs.yml only if it is still as it was read, and changes nothing in a file it cannot
read. A second run finds nothing to do.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass
from pathlib import Path

from homeroom.checks.translations.marking import Untracked, record_baseline, untracked
from homeroom.cli.problems import EXIT_OK
from homeroom.data.mkdocs_config import Edit, SiteShape, add_homeroom, parse, shape
from homeroom.data.sources import DATA_DIR, discover, display_path, load_sources
from homeroom.data.starter_data import NOTICES_FILE, notices_text
from homeroom.data.unlisted import set_aside
from homeroom.model.errors import HomeroomError, InputError
from homeroom.model.languages import Language, LanguageSet, language_name


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``init`` to the ``homeroom`` parser."""
    init = commands.add_parser(
        "init", help="add Homeroom to an existing MkDocs site (shows every change first)"
    )
    init.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    init.add_argument(
        "--required",
        action="append",
        default=[],
        metavar="CODES",
        help="languages every page must exist in, such as es or es,vi (the site's default "
        "language always is); the site's other languages are published page by page",
    )
    init.add_argument(
        "--yes", action="store_true", help="write the changes without asking (for scripts)"
    )


def confirmed(yes: bool, question: str) -> bool:
    """Whether to write: ``--yes``, or "y" typed at a prompt (never without a terminal)."""
    if yes:
        return True
    if not sys.stdin.isatty():
        return False
    try:
        return input(f"{question} [y/N] ").strip().lower() in {"y", "yes"}
    except EOFError:
        return False


@dataclass(frozen=True)
class Plan:
    """Everything ``homeroom init`` would change."""

    config: Path
    before: str
    edit: Edit
    notices: tuple[Path, str] | None
    to_translate: tuple[str, ...]
    baseline: list[Untracked]
    site: SiteShape
    required: tuple[str, ...]

    @property
    def empty(self) -> bool:
        """Whether there is nothing to do."""
        return self.edit.text == self.before and self.notices is None and not self.baseline


def _read(config: Path) -> str:
    shown = config.as_posix()
    if not config.is_file():
        raise InputError(
            shown,
            "no such file. Run `homeroom init` in the folder that holds your site's "
            "mkdocs.yml, or name it with -f.",
        )
    try:
        raw = config.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            shown, "this file is not saved as UTF-8, so Homeroom changed nothing."
        ) from None
    except OSError as exc:
        raise InputError(shown, f"cannot open this file ({exc.strerror}).") from None
    if "\r" in raw:
        raise InputError(
            shown,
            "this file has Windows line ends, so Homeroom changed nothing. Save it with plain "
            "line ends (LF), then run `homeroom init` again.",
        )
    return raw


def _required(site: SiteShape, given: list[str]) -> tuple[str, ...]:
    wanted = [code.strip() for item in given for code in item.split(",") if code.strip()]
    for code in wanted:
        if code not in site.languages:
            raise HomeroomError(
                f"--required {code}: the site does not publish {code} (its languages: "
                f"{', '.join(site.languages)}). Add it under plugins > i18n > languages in "
                "mkdocs.yml first."
            )
    default = site.languages[0]
    return (default, *(c for c in site.languages[1:] if c in wanted))


def plan(config: Path, required: list[str]) -> Plan:
    """Work out every change, writing nothing."""
    before = _read(config)
    shown = config.as_posix()
    site = shape(parse(before, shown), shown)
    if site.structure == "folder":
        raise InputError(
            shown,
            "this site keeps each language in its own folder (docs_structure: folder). "
            "Homeroom checks translations kept next to their page (page.es.md, "
            "docs_structure: suffix), so it changed nothing.",
        )
    codes = _required(site, required)
    edit = add_homeroom(before, shown, codes)
    root = config.resolve().parent
    docs = root / site.docs_dir
    if not docs.is_dir():
        raise InputError(
            display_path(docs, Path.cwd()),
            "mkdocs.yml names this content folder (`docs_dir`), but it does not exist.",
        )
    notices: tuple[Path, str] | None = None
    text, to_translate = notices_text(site.languages, site.languages[0])
    target = docs / DATA_DIR / NOTICES_FILE
    if text is not None and not target.exists():
        notices = (target, text)
    pairs: list[Untracked] = []
    if len(site.languages) > 1:
        languages = LanguageSet(
            tuple(
                Language(code, language_name(code) or code, default=n == 0)
                for n, code in enumerate(site.languages)
            )
        )
        paths, _ = set_aside(discover(docs), docs, languages, root)
        problems: list[InputError] = []
        sources = load_sources(paths, docs, languages, root, problems)
        pairs = untracked(sources, site.languages[0])
    return Plan(config, before, edit, notices, to_translate, pairs, site, codes)


def describe(p: Plan) -> list[str]:
    """What the plan changes, in plain words, with the diff of mkdocs.yml."""
    shown = p.config.as_posix()
    lines: list[str] = []
    if p.edit.text != p.before:
        lines.append(f"Homeroom would change {shown} like this (every other line stays):")
        lines.extend(
            line.rstrip("\n")
            for line in difflib.unified_diff(
                p.before.splitlines(keepends=True),
                p.edit.text.splitlines(keepends=True),
                fromfile=f"{shown} (now)",
                tofile=f"{shown} (with Homeroom)",
            )
        )
        optional = [c for c in p.site.languages if c not in p.required]
        lines.append(
            f"Every page must exist in: {', '.join(p.required)}."
            + (f" Published page by page when ready: {', '.join(optional)}." if optional else "")
        )
    else:
        lines.append(f"{shown} already has Homeroom's plugins: nothing to change there.")
    if p.notices is not None:
        target = display_path(p.notices[0], p.config.resolve().parent)
        lines.append(
            f"It would create {target}: what families see on a page not yet in their language."
        )
        if p.to_translate:
            lines.append(
                "  Homeroom has no words for "
                + ", ".join(p.to_translate)
                + " yet: those notices are in English, marked TRANSLATE, until someone "
                "fluent writes them."
            )
    if p.baseline:
        lines.append(
            f"It would record {len(p.baseline)} existing translation(s) as current, once "
            "(a baseline), so the site does not start at 0% current. Each record says that "
            "nobody compared it with its source then; review them when you can:"
        )
        lines.extend(
            f"  {pair.translation.display} (translates {pair.original.display})"
            for pair in p.baseline
        )
    lines.extend(p.edit.by_hand)
    theme = p.site.theme_language.split("-")[0].split("_")[0]
    if p.site.structure == "none" and theme and theme != "en":
        lines.append(
            f"Note: the theme says the pages are in {theme}, but a site without "
            "mkdocs-static-i18n is checked as English. List the language under plugins > "
            "i18n > languages (with `default: true`) for Homeroom to check it as such."
        )
    return lines


def write(p: Plan) -> list[str]:
    """Make the changes of the plan; say what was written."""
    from homeroom.data.atomic import replace_file

    said: list[str] = []
    root = p.config.resolve().parent
    if p.edit.text != p.before:
        if _read(p.config) != p.before:
            raise InputError(
                p.config.as_posix(),
                "this file changed while Homeroom was asking, so it was left as it is now. "
                "Run `homeroom init` again.",
            )
        replace_file(p.config, p.edit.text.encode("utf-8"))
        said.append(f"Changed {p.config.as_posix()}: added {', '.join(p.edit.added)}.")
    if p.notices is not None:
        target, text = p.notices
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with target.open("x", encoding="utf-8") as stream:
                stream.write(text)
        except FileExistsError:
            said.append(f"Left {display_path(target, root)} as it is: it exists already.")
        else:
            said.append(f"Created {display_path(target, root)}.")
    if p.baseline:
        docs = root / p.site.docs_dir
        record_baseline(p.baseline, root, docs)
        said.append(f"Recorded {len(p.baseline)} translation(s) as current (baseline).")
    return said


def run(args: argparse.Namespace) -> int:
    """Run ``homeroom init``; return the exit code."""
    p = plan(args.config_file, args.required)
    if p.empty:
        print(f"Homeroom is already set up in {p.config.as_posix()}: nothing to change.")
        for line in p.edit.by_hand:
            print(line)
        return EXIT_OK
    for line in describe(p):
        print(line)
    if not confirmed(args.yes, "Write these changes?"):
        print("Nothing was written. Run `homeroom init --yes` to write these changes.")
        return EXIT_OK
    for line in write(p):
        print(line)
    print(
        "Next: run `homeroom check` to see what Homeroom finds, and `homeroom translations "
        "status` for the translations. Keep `.homeroom-cache/` out of git (add it to "
        ".gitignore)."
    )
    return EXIT_OK
