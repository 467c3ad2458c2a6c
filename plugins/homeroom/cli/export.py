"""``homeroom export messages``: every page's text-message summary, for a messaging platform.

Writes one CSV file per language (``messages-es.csv``) with the columns ``page``, ``url`` and
``text``: the page's name, its address in that language (from ``site_url`` in mkdocs.yml)
and its ``summary:``. A district imports the file into its messaging platform and sends
each family the text in their language, with the link.

Every summary is measured first, as ``homeroom/messages`` measures it: if one does not
fit ``segments`` text messages, each is listed and nothing is written.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from homeroom.checks.summary import summary_text
from homeroom.cli.problems import EXIT_ERROR, EXIT_OK
from homeroom.cli.site import settings_for
from homeroom.data.options import MessagesOptions
from homeroom.data.pageinfo import NOT_FOR_FAMILIES, page_id, page_url
from homeroom.data.settings import Settings
from homeroom.data.sources import discover, display_path, load_sources
from homeroom.data.unlisted import set_aside
from homeroom.model.errors import ConfigError, InputError, raise_all
from homeroom.text.sms import measure

COLUMNS = ("page", "url", "text")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``homeroom export messages``."""
    export = commands.add_parser("export", help="write what other systems import")
    what = export.add_subparsers(dest="export_command", required=True, metavar="WHAT")
    messages = what.add_parser(
        "messages", help="one CSV per language of every page's text-message summary"
    )
    messages.add_argument("-f", "--config-file", type=Path, default=None)
    messages.add_argument(
        "--out",
        type=Path,
        default=Path("messages"),
        help="the folder for messages-<language>.csv (default: messages)",
    )


def rows_by_language(settings: Settings) -> dict[str, list[tuple[str, str, str]]]:
    """(page, url, text) of every family page with a summary, by language, in page order."""
    problems: list[InputError] = []
    # A page in a language the site does not publish is not published: no message for it.
    paths, _ = set_aside(
        discover(settings.docs_dir, problems),
        settings.docs_dir,
        settings.languages,
        settings.project_root,
    )
    sources = load_sources(
        paths, settings.docs_dir, settings.languages, settings.project_root, problems
    )
    raise_all(problems)
    default = settings.languages.default.code
    segments = int(settings.options(MessagesOptions).segments)
    rows: dict[str, list[tuple[str, str, str]]] = {code: [] for code in settings.languages.codes}
    long: list[InputError] = []
    for source in sorted(sources, key=lambda s: (s.page != "index.md", s.page)):
        text = summary_text(source)
        if text is None or source.page_type in NOT_FOR_FAMILIES:
            continue
        message = measure(text)
        if message.segments > segments:
            long.append(
                InputError(
                    source.display,
                    f"the summary has {message.length} characters ({message.encoding}); "
                    f"{segments} text message(s) hold {message.limit(segments)}. Shorten it "
                    "(`homeroom check` says more).",
                )
            )
            continue
        url = page_url(
            settings.site_url, source.page, source.language, default, settings.use_directory_urls
        )
        rows[source.language].append((page_id(source.page), url, text))
    raise_all(long)
    return rows


def csv_text(rows: list[tuple[str, str, str]]) -> str:
    """The CSV of one language: a header, then one row per page."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def run(args: argparse.Namespace) -> int:
    """Write the files; 0 when written, 2 when a summary or a setting is wrong."""
    settings = settings_for(args.config_file)
    if not settings.site_url:
        raise ConfigError(
            "mkdocs.yml: `site_url` is empty, so a text message cannot link to the page. "
            "Set it to the site's public address, for example `site_url: "
            "https://families.district.org/`."
        )
    out: Path = args.out
    resolved = out.resolve()
    if resolved.is_relative_to(settings.docs_dir.resolve()) or ".git" in resolved.parts:
        raise ConfigError(
            f"--out {out}: not inside the content folder (it would be published) or .git. "
            "Choose another folder, such as `messages`."
        )
    try:
        rows = rows_by_language(settings)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("error: nothing was written.", file=sys.stderr)
        return EXIT_ERROR
    out.mkdir(parents=True, exist_ok=True)
    for language, found in rows.items():
        if not found:
            continue
        path = out / f"messages-{language}.csv"
        path.write_text(csv_text(found), encoding="utf-8")
        shown = display_path(path, settings.project_root)
        print(f"{shown}: {len(found)} text message(s) in {language}")
    return EXIT_OK
