"""The ``homeroom`` command: the same checks as the MkDocs plugins, without building.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a usage,
configuration or input problem (always one line naming the file and line).
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from homeroom import __version__
from homeroom.data.ruledocs import RULES, explain
from homeroom.data.settings import Settings, load_settings
from homeroom.data.sources import (
    Source,
    check_duplicates,
    discover,
    display_path,
    load_source,
    safe_resolve,
)
from homeroom.model.errors import HomeroomError, InputError, InputErrors
from homeroom.model.findings import Severity
from homeroom.model.languages import Language, LanguageSet
from homeroom.run import engine, reporters, verdict
from homeroom.run.cache import DiskCache
from homeroom.run.cache import default_dir as default_cache_dir
from homeroom.run.reporters import input_finding

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="homeroom",
        description="Check school-district pages so every family can read them.",
    )
    parser.add_argument("--version", action="version", version=f"homeroom {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check pages without building the site")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="Markdown files or folders (default: the site's content folder)",
    )
    check.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=None,
        help="the site's mkdocs.yml (default: ./mkdocs.yml if present)",
    )
    check.add_argument(
        "--lang",
        default=None,
        help="language of files with no .xx.md suffix (default: the site's default)",
    )
    check.add_argument("--format", choices=sorted(reporters.FORMATS), default="text")
    check.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity] + ["never"],
        default=None,
        help="exit 1 when a finding is at least this serious (default: each plugin's "
        "`fail_on` in mkdocs.yml, as the build does; `error` where it says none)",
    )
    check.add_argument(
        "--changed-since",
        metavar="REF",
        default=None,
        help="check only pages changed since this git ref (e.g. origin/main), with the "
        "pages that depend on them: a page's translations, every page of a language whose "
        "glossary changed, every page when thresholds or mkdocs.yml changed",
    )
    check.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep results here between runs (default: $HOMEROOM_CACHE_DIR, else "
        ".homeroom-cache next to mkdocs.yml); safe to delete",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="check everything again; read and write no cache"
    )
    check.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="check pages no cache knows in N processes (default: $HOMEROOM_JOBS, else one "
        "per processor core)",
    )

    explain = commands.add_parser(
        "explain", help="say what a rule checks, with a bad and a good example"
    )
    explain.add_argument(
        "rule", nargs="?", help="a rule id such as readability.sentence (default: list them)"
    )

    new = commands.add_parser(
        "new", help="start a page with its type's sections in every required language"
    )
    new.add_argument("type", metavar="TYPE", help="a page type, such as grade-expectations")
    new.add_argument("name", metavar="NAME", help="the page's name, such as grade-9")
    new.add_argument("--title", default=None, help="the page's title (default: from NAME)")
    new.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    from homeroom.cli.reportcards import add_parser as add_reportcards_parser

    add_reportcards_parser(commands)

    build = commands.add_parser("build", help="build the site; a failed build leaves the old site")
    build.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("-d", "--site-dir", type=Path, default=None)
    build.add_argument("--engine", choices=["mkdocs", "properdocs"], default="mkdocs")
    build.add_argument(
        "--strict",
        action="store_true",
        help="also fail on the engine's own warnings (a broken link, say)",
    )

    from homeroom.cli import translations as translations_cli

    translations_cli.add_parser(commands)
    return parser


def _settings(config_file: Path | None, lang: str | None) -> Settings:
    config_file = _config_file(config_file)
    if config_file is not None:
        settings = load_settings(config_file)
    else:
        # No site configuration: check loose files, accepting any language Babel knows.
        settings = Settings(
            project_root=Path.cwd(),
            docs_dir=Path.cwd() / "content",
            languages=LanguageSet((Language("en", "English", default=True),), open=True),
        )
    if lang:
        chosen = settings.languages.get(lang) or LanguageSet((), open=True).get(lang)
        if chosen is None:
            raise HomeroomError(
                f"--lang {lang}: not a language code Homeroom knows (try es, vi, ar)"
            )
        others = tuple(x for x in settings.languages.languages if x.code != lang)
        languages = LanguageSet(
            (
                Language(chosen.code, chosen.name, default=True),
                *[Language(x.code, x.name) for x in others],
            ),
            open=settings.languages.open,
        )
        settings = dataclasses.replace(settings, languages=languages)
    return settings


def _changed_files(ref: str, root: Path) -> tuple[set[Path], set[Path]]:
    """(files changed or added since ``ref``, files deleted since then)."""
    if not ref or ref.startswith("-"):
        raise HomeroomError(
            f"--changed-since {ref}: a git reference such as origin/main or a commit, not "
            "an option (it must not start with `-`)."
        )

    def git(*args: str) -> list[str]:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            said = done.stderr.strip().splitlines()
            raise HomeroomError(
                f"--changed-since {ref}: git could not compare "
                f"({said[-1] if said else 'not a git repository'})"
            )
        return [line for line in done.stdout.splitlines() if line]

    top = Path(git("rev-parse", "--show-toplevel")[0])
    # `--end-of-options`: the reference is never read as an option, whatever it says.
    found = subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{ref}^{{commit}}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    commit = found.stdout.split()
    if found.returncode != 0 or not commit:
        raise HomeroomError(
            f"--changed-since {ref}: git knows no branch, tag or commit called `{ref}` here. "
            "Use one such as origin/main (in CI, fetch it first: `git fetch origin main`)."
        )
    names = git("diff", "--name-only", "--diff-filter=d", commit[0], "--")
    names += git("ls-files", "--others", "--exclude-standard", "--full-name")
    deleted = git("diff", "--name-only", "--diff-filter=D", commit[0], "--")
    return {(top / n).resolve() for n in names}, {(top / n).resolve() for n in deleted}


def _affected(
    paths: list[Path],
    changed: set[Path],
    deleted: set[Path],
    settings: Settings,
    config_file: Path | None,
) -> tuple[list[Path], bool]:
    """The pages to re-check when ``changed`` files changed, and whether report cards are.

    - a changed page: it and its translations (``page.md`` -> ``page.es.md``); a deleted
      English page: its translations (they may now be orphans);
    - a changed glossary (``_data/glossary/es.yml``): every page in that language;
    - school data or interface strings: the report cards;
    - mkdocs.yml, the glossaries' accept list or any other data file (thresholds,
      plain words, page types): every page, report cards included.
    """
    from homeroom.data.glossary import ACCEPT_FILE, GLOSSARY_DIR
    from homeroom.data.sources import page_and_language
    from homeroom.reportcards.pages import options_of
    from homeroom.text.syllables import base_language

    data = settings.data_dir.resolve()
    schools = (data / str(options_of(settings)["schools_dir"])).resolve()
    languages: set[str] = set()
    everything = config_file is not None and config_file.resolve() in changed
    reportcards = False
    for path in changed | deleted:
        if not path.is_relative_to(data):
            continue
        rel = path.relative_to(data)
        if rel.parts[0] == GLOSSARY_DIR and rel.name != ACCEPT_FILE and len(rel.parts) == 2:
            languages.add(base_language(rel.stem))
        elif path.is_relative_to(schools) or rel.parts[0] == "strings":
            reportcards = True
        else:
            everything = True
    if everything:
        return paths, True
    docs = settings.docs_dir.resolve()

    def identity(path: Path) -> tuple[str, str] | None:
        resolved = safe_resolve(path)
        if not resolved.is_relative_to(docs):
            return None
        rel = resolved.relative_to(docs).as_posix()
        try:
            return page_and_language(rel, rel, settings.languages)
        except HomeroomError:
            return None  # reported when the page is read

    # Each path resolved and named once: (path, is it changed, (page, language) or None).
    named = [(path, safe_resolve(path) in changed, identity(path)) for path in paths]
    # A source's translations depend on it; a translation has no dependents.
    changed_pages = {
        found[0]
        for _, is_changed, found in named
        if is_changed and found is not None and found[1] == settings.languages.default.code
    }
    changed_pages |= {
        found[0]
        for found in (identity(path) for path in deleted)
        if found is not None and found[1] == settings.languages.default.code
    }
    kept = [
        path
        for path, is_changed, found in named
        if is_changed
        or (
            found is not None
            and (found[0] in changed_pages or base_language(found[1]) in languages)
        )
    ]
    return kept, reportcards


@dataclass
class _Collected:
    """What one ``homeroom check`` reads: the pages to check and the problems met."""

    sources: list[Source]
    every: list[Source]
    """Every page of the site, when all of them were read (else empty)."""
    generated: set[str]
    """The paths shown for report cards (pages generated from data)."""
    problems: list[HomeroomError]


def _collect(args: argparse.Namespace, settings: Settings) -> _Collected:
    """The pages to check. A file that cannot be read is a problem; reading goes on."""
    problems: list[InputError] = []
    paths: list[Path] = []
    if not args.paths and not settings.docs_dir.is_dir():
        shown = display_path(settings.docs_dir, Path.cwd())
        raise InputError(
            shown,
            "this content folder does not exist. Create it, or point `docs_dir` in mkdocs.yml "
            "at the folder that holds your pages.",
        )
    for path in args.paths or [settings.docs_dir]:
        if path.is_dir():
            paths.extend(discover(path, problems))
        elif path.exists() or path.is_symlink():
            paths.append(path)
        else:
            problems.append(InputError(path.as_posix(), "no such file or folder."))
    with_reportcards = not args.paths
    if args.changed_since:
        changed, deleted = _changed_files(args.changed_since, settings.project_root)
        paths, with_reportcards = _affected(
            paths, changed, deleted, settings, _config_file(args.config_file)
        )
        with_reportcards = with_reportcards and not args.paths
    docs = settings.docs_dir.resolve()
    sources = []
    for p in paths:
        resolved = safe_resolve(p)
        try:
            if resolved.is_relative_to(docs):
                source = load_source(resolved, docs, settings.languages, settings.project_root)
            else:
                source = load_source(resolved, resolved.parent, settings.languages, Path.cwd())
        except InputError as exc:
            problems.append(exc)
            continue
        sources.append(source)
    every = list(sources) if not args.paths and not args.changed_since else []
    generated: set[str] = set()
    errors: list[HomeroomError] = list(problems)
    if with_reportcards and settings.enabled("reportcards"):
        # Report cards are generated from data: check exactly what the build publishes.
        from homeroom.reportcards.pages import generated_sources

        try:
            cards = generated_sources(settings)
        except HomeroomError as exc:
            errors.append(exc)
        else:
            sources.extend(cards)
            generated = {card.display for card in cards}
    duplicates: list[InputError] = []
    check_duplicates(sources, settings.languages, duplicates)
    return _Collected(sources, every, generated, [*errors, *duplicates])


def _config_file(config_file: Path | None) -> Path | None:
    if config_file is None and Path("mkdocs.yml").is_file():
        return Path("mkdocs.yml")
    return config_file


def _open_cache(args: argparse.Namespace, settings: Settings) -> DiskCache | None:
    if args.no_cache:
        return None
    folder = args.cache_dir or default_cache_dir(settings.project_root)
    return DiskCache(folder) if folder is not None else None


def _check(args: argparse.Namespace) -> int:
    settings = _settings(args.config_file, args.lang)
    collected = _collect(args, settings)
    cache = _open_cache(args, settings)
    after_page = keep = None
    if settings.enabled("translations"):
        from homeroom.checks.translations.facts import keep_shape, remember_shape

        # The translation check compares pages' facts after the checks: keep each page's
        # while it is parsed.
        after_page, keep = remember_shape, keep_shape
    broken = engine.Broken()
    report = engine.run(
        collected.sources,
        engine.build_checks(settings),
        cache,
        after_page,
        keep,
        args.jobs or engine.jobs(),
        broken,
    )
    if collected.every:
        # Script files are not pages: the content folder is searched for them.
        from homeroom.checks.content import script_files

        if settings.enabled("content") or not settings.plugins:
            scripts = script_files(settings.docs_dir, settings.project_root)
            report = engine.Report(
                findings=tuple(sorted((*report.findings, *scripts))), pages=report.pages
            )
    problems = [*collected.problems, *broken.errors]
    try:
        # Coverage is judged only when every page could be read: an unreadable translation
        # would otherwise be reported as missing.
        if not collected.problems:
            report = _with_translation_findings(
                report,
                settings,
                collected.sources,
                collected.every,
                whole_site=not args.paths and not args.changed_since,
                cache=cache,
            )
    except HomeroomError as exc:
        problems.append(exc)
    problems = _flatten(problems)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems and args.format != "text":
        # CI reads the machine formats: a file that cannot be read is shown on its line too.
        shown = tuple(sorted((*report.findings, *(input_finding(p) for p in problems))))
        report = engine.Report(findings=shown, pages=report.pages)
    print(reporters.FORMATS[args.format](report))
    if problems:
        return EXIT_ERROR
    if args.fail_on == "never":
        return EXIT_OK
    override = Severity(args.fail_on) if args.fail_on else None
    stops = verdict.blocking(settings, report.findings, collected.generated, override)
    return EXIT_FINDINGS if stops else EXIT_OK


def _flatten(problems: list[HomeroomError]) -> list[HomeroomError]:
    """Each problem once, several-in-one errors split into their parts."""
    flat: list[HomeroomError] = []
    seen: set[str] = set()
    for problem in problems:
        for one in problem.errors if isinstance(problem, InputErrors) else [problem]:
            if str(one) not in seen:
                seen.add(str(one))
                flat.append(one)
    return flat


def _with_translation_findings(
    report: engine.Report,
    settings: Settings,
    sources: list[Source],
    every: list[Source],
    *,
    whole_site: bool,
    cache: DiskCache | None = None,
) -> engine.Report:
    """Add translation coverage findings (a check across pages) for the pages checked."""
    if not settings.enabled("translations"):
        return report
    from homeroom.checks.translations import coverage as translations
    from homeroom.data.sources import load_sources

    if not every:
        every = load_sources(
            discover(settings.docs_dir),
            settings.docs_dir,
            settings.languages,
            settings.project_root,
        )
    found = translations.analyse(every, settings, cache=cache).findings
    if cache is not None:
        cache.save()
    if not whole_site:
        checked = {s.display for s in sources}
        found = tuple(f for f in found if f.path in checked)
    return engine.Report(findings=tuple(sorted((*report.findings, *found))), pages=report.pages)


def _explain(rule: str | None) -> int:
    if rule is None:
        print("\n".join(f"{doc.id}: {doc.title}" for doc in RULES.values()))
        return EXIT_OK
    text = explain(rule) or _explain_glossary_rule(rule)
    if text is None:
        raise HomeroomError(f"no rule called {rule!r}. Known rules: {', '.join(RULES)}")
    print(text)
    return EXIT_OK


def _explain_glossary_rule(rule: str) -> str | None:
    """Explain ``jargon.<id>`` or ``respect.<id>`` from the site's glossaries."""
    from homeroom.data.glossary import load_glossaries

    if "." not in rule or not Path("mkdocs.yml").is_file():
        return None
    settings = load_settings(Path("mkdocs.yml"))
    for language, glossary in load_glossaries(
        settings.data_dir, settings.project_root, settings.languages.codes
    ).items():
        for entry in glossary.entries:
            if entry.rule == rule:
                return (
                    f"{rule} ({language}): {', '.join(entry.forms)}\n\nIt means: {entry.explain}\n\n"
                    f"Write instead: {'; '.join(entry.plain)}\n\nSource: {entry.source}\n"
                    f"Example to avoid: {entry.flag_examples[0]}"
                )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "explain":
            return _explain(args.rule)
        if args.command == "translations":
            from homeroom.cli import translations as translations_cli

            return translations_cli.run(args, _settings(args.config_file, None))
        if args.command == "new":
            from homeroom.pages.scaffold import new_page

            for line in new_page(args.config_file, args.type, args.name, args.title):
                print(line)
            return EXIT_OK
        if args.command == "reportcards":
            from homeroom.cli.reportcards import run as run_reportcards

            return run_reportcards(args)
        from homeroom.run.build import build

        return build(args.config_file, args.site_dir, args.engine, args.strict)
    except HomeroomError as exc:
        problems = _flatten([exc])
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        fmt = getattr(args, "format", "text")
        if fmt != "text":
            # A setting or file that stops the run still reaches CI on its line.
            report = engine.Report(findings=tuple(sorted(input_finding(p) for p in problems)))
            print(reporters.FORMATS[fmt](report))
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
