"""Adding Homeroom to an existing site's ``mkdocs.yml``: what the site is, and the new text.

The file is read with ruamel.yaml's round trip, which knows where every key and list item
is. The edit is made on the text itself, as lines added where they belong (after the last
plugin, inside or after ``exclude_docs``), so every other byte, comment and blank line
stays as the site's authors wrote it. The new text is read back and must give the same
settings plus exactly what was added; otherwise nothing is proposed. Nothing here writes a
file: :mod:`homeroom.cli.init` shows the change and writes it once the user agrees.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from homeroom.model.errors import InputError

#: The checks ``homeroom init`` adds, in order. Page types, feedback, text messages,
#: report cards and handouts need the district's own data first, so they are left for later.
ADDED_PLUGINS = ("content", "readability", "jargon", "translations")
#: What ``exclude_docs`` must hold so Homeroom's data folder is never published.
DATA_PATTERN = "_data/"


@dataclass(frozen=True)
class SiteShape:
    """What ``homeroom init`` needs to know about a site, read from its mkdocs.yml."""

    docs_dir: str
    languages: tuple[str, ...]
    """The site's language codes, the default first (``en`` alone without i18n)."""
    structure: str
    """``suffix`` (``page.es.md``), ``folder`` (``es/page.md``) or ``none`` (one language)."""
    homeroom: tuple[str, ...]
    """The ``homeroom/*`` plugins already listed (``translations``)."""
    excluded: bool
    """Whether ``exclude_docs`` already keeps ``_data/`` out of the site."""
    theme_language: str = ""
    """The theme's ``language:``, when it says one."""


@dataclass(frozen=True)
class Edit:
    """The new text of mkdocs.yml, what it adds, and what the user must still do by hand."""

    text: str
    added: tuple[str, ...] = ()
    by_hand: tuple[str, ...] = field(default_factory=tuple)


def _yaml() -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="rt")


def parse(text: str, shown: str) -> Any:
    """The round-trip document of mkdocs.yml; a file that cannot be read is one line."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "not valid YAML"
        raise InputError(
            shown,
            f"cannot read this file as YAML ({problem}), so Homeroom changed nothing. Fix "
            "the line (MkDocs would stop on it too), then run `homeroom init` again.",
            line,
        ) from None
    except YAMLError as exc:
        raise InputError(
            shown, f"cannot read this file as YAML ({exc}), so Homeroom changed nothing."
        ) from None
    if not isinstance(data, Mapping):
        raise InputError(
            shown, "this is not a site's settings (`site_name: ...` lines), so nothing changed."
        )
    return data


def _plugin_names(plugins: Any) -> list[str]:
    names = []
    for item in plugins or ():
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, Mapping) and len(item) == 1:
            names.append(str(next(iter(item))))
    return names


def _i18n(plugins: Any) -> Mapping[str, Any] | None:
    for item in plugins or ():
        if isinstance(item, Mapping) and "i18n" in item:
            options = item["i18n"]
            return options if isinstance(options, Mapping) else {}
        if item == "i18n":
            return {}
    return None


def shape(data: Mapping[str, Any], shown: str) -> SiteShape:
    """What the site is: its content folder, languages, structure and Homeroom plugins."""
    plugins = data.get("plugins")
    if plugins is not None and not isinstance(plugins, list):
        raise InputError(
            shown,
            "`plugins:` is not a list of plugins, one per line (`- search`), so Homeroom "
            "cannot add its own. Write it as a list, then run `homeroom init` again.",
        )
    i18n = _i18n(plugins)
    languages: tuple[str, ...] = ("en",)
    structure = "none"
    if i18n is not None:
        listed = i18n.get("languages")
        if isinstance(listed, Mapping) or "default_language" in i18n:
            raise InputError(
                shown,
                "the i18n plugin is set up the way its versions before 1.0 read it "
                "(`default_language:` and a `languages:` mapping). Homeroom reads the 1.x "
                "form (`- locale: en` with `default: true`); see the plugin's upgrade guide.",
            )
        codes = [
            (str(entry.get("locale")), bool(entry.get("default")))
            for entry in listed or ()
            if isinstance(entry, Mapping) and entry.get("locale")
        ]
        if codes:
            default = next((code for code, is_default in codes if is_default), codes[0][0])
            languages = (default, *(code for code, _ in codes if code != default))
        structure = str(i18n.get("docs_structure") or "suffix")
    theme = data.get("theme")
    names = _plugin_names(plugins)
    homeroom = tuple(n.split("/", 1)[1] for n in names if n.startswith("homeroom/"))
    return SiteShape(
        docs_dir=str(data.get("docs_dir") or "docs"),
        languages=languages,
        structure=structure,
        homeroom=homeroom,
        excluded=_excludes_data(data.get("exclude_docs")),
        theme_language=str(theme.get("language") or "") if isinstance(theme, Mapping) else "",
    )


def _excludes_data(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    return any(line.strip().strip("/") == DATA_PATTERN.strip("/") for line in value.splitlines())


def _plugin_lines(missing: Sequence[str], required: Sequence[str], dash: int) -> list[str]:
    pad = " " * dash
    lines = [f"{pad}# Homeroom checks every page before it is published: `homeroom explain`."]
    for name in missing:
        if name == "translations":
            lines.append(f"{pad}- homeroom/translations:")
            lines.append(f"{pad}    # Every page must exist in these languages; others when ready.")
            lines.append(f"{pad}    required: [{', '.join(required)}]")
        else:
            lines.append(f"{pad}- homeroom/{name}")
    return lines


def _end_of_block(lines: list[str], start: int, stop: int) -> int:
    """The line after the last line of a block that runs from ``start`` to before ``stop``.

    Blank lines and comments at the left edge just before the next key belong to that key.
    """
    end = stop
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return end


def _next_key_line(data: Any, key: str, total: int) -> int:
    """The 0-based line of the top-level key after ``key`` (the end of the file if none)."""
    keys = list(data)
    here = keys.index(key)
    following = [data.lc.key(k)[0] for k in keys[here + 1 :]]
    return min(following) if following else total


def add_homeroom(text: str, shown: str, required: Sequence[str]) -> Edit:
    """mkdocs.yml with Homeroom's plugins and ``exclude_docs: _data/`` added, as text.

    Only what is missing is added, so a second run changes nothing. ``required``: the
    languages every page must exist in, the default first.
    """
    data = parse(text, shown)
    site = shape(data, shown)
    lines = text.split("\n")
    inserts: list[tuple[int, list[str]]] = []  # (line, lines to add there)
    added: list[str] = []
    by_hand: list[str] = []
    missing = [name for name in ADDED_PLUGINS if name not in site.homeroom]
    if missing:
        plugins = data.get("plugins")
        if plugins is None and "INHERIT" in data:
            # MkDocs replaces an inherited list: a new `plugins:` here would drop the others.
            raise InputError(
                shown,
                f"this file takes its settings from {data['INHERIT']} (`INHERIT:`) and lists "
                "no plugins itself, so a list added here would replace that file's plugins. "
                "Run `homeroom init -f` on the file that lists them.",
                data.lc.key("INHERIT")[0] + 1,
            )
        if plugins is None:
            body = _plugin_lines(missing, required, 2)
            # MkDocs publishes search by default; a list of plugins replaces the default.
            inserts.append((len(lines), ["plugins:", "  - search", *body]))
        elif not plugins or getattr(plugins.fa, "flow_style", lambda: False)():
            raise InputError(
                shown,
                "`plugins:` is written on one line (`plugins: [search]`), so Homeroom cannot "
                "add its own lines to it. Write one plugin per line (`- search`), then run "
                "`homeroom init` again.",
                data.lc.key("plugins")[0] + 1,
            )
        else:
            first_line = plugins.lc.item(0)[0]
            dash = lines[first_line].index("-")
            stop = _next_key_line(data, "plugins", len(lines))
            end = _end_of_block(lines, first_line, stop)
            inserts.append((end, _plugin_lines(missing, required, dash)))
        added.extend(f"homeroom/{name}" for name in missing)
    if not site.excluded:
        value = data.get("exclude_docs")
        key_line = data.lc.key("exclude_docs")[0] if "exclude_docs" in data else None
        if value is None:
            inserts.append(
                (
                    len(lines),
                    [
                        "# Homeroom's data (notices, glossaries) is read by the build, never published.",
                        "exclude_docs: |",
                        f"  {DATA_PATTERN}",
                    ],
                )
            )
            added.append(f"exclude_docs: {DATA_PATTERN}")
        elif (
            key_line is not None
            and isinstance(value, str)
            and lines[key_line].rstrip().endswith(("|", "|-", "|+"))
        ):
            stop = _next_key_line(data, "exclude_docs", len(lines))
            end = _end_of_block(lines, key_line, stop)
            content = [ln for ln in lines[key_line + 1 : end] if ln.strip()]
            indent = len(content[0]) - len(content[0].lstrip()) if content else 2
            inserts.append((end, [" " * indent + DATA_PATTERN]))
            added.append(f"exclude_docs: {DATA_PATTERN}")
        else:
            by_hand.append(
                f"Add `{DATA_PATTERN}` to `exclude_docs` in {shown} yourself, so Homeroom's "
                "data folder is not published."
            )
    if not inserts:
        return Edit(text, (), tuple(by_hand))
    # A file without a final newline gets one before lines are added at its end.
    if lines and lines[-1] == "":
        lines.pop()
    total = len(lines)
    # From the end backwards, so each place is still where it was found; at one place the
    # lines are added in the order planned.
    for _, at, new in sorted(
        ((n, *item) for n, item in enumerate(inserts)), key=lambda x: (x[1], x[0]), reverse=True
    ):
        at = min(at, total)
        lines[at:at] = new
    updated = "\n".join(lines) + "\n"
    _check(text, updated, shown, missing, added)
    return Edit(updated, tuple(added), tuple(by_hand))


def _plain(value: Any) -> Any:
    """A value as plain data: tagged scalars (``!!python/name:...``) compare by tag and text."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    tag = getattr(value, "tag", None)
    if tag is not None and hasattr(value, "value"):
        return (str(getattr(tag, "value", tag)), str(value.value))
    return value


def _check(
    before: str, after: str, shown: str, missing: Sequence[str], added: Sequence[str]
) -> None:
    """Refuse an edit that does not read back as the same settings plus the additions."""
    old, new = parse(before, shown), parse(after, shown)
    expected = _plugin_names(old.get("plugins")) or (["search"] if missing else [])
    expected += [f"homeroom/{name}" for name in missing]
    kept = all(
        _plain(new.get(key)) == _plain(value)
        for key, value in old.items()
        if key not in {"plugins", "exclude_docs"}
    )
    excluded = _excludes_data(new.get("exclude_docs")) or not any(
        a.startswith("exclude_docs") for a in added
    )
    if _plugin_names(new.get("plugins")) != expected or not kept or not excluded:
        raise InputError(
            shown,
            "Homeroom could not add its settings to this file without changing others, so it "
            'changed nothing. Add them by hand, as README.md shows ("Adding Homeroom to an '
            'existing site").',
        )
