"""The ``i18n.school-language`` check: languages each school's pages must be in.

A language spoken at home by enough of a school's students is required for that school's
pages; one the site does not publish at all is a finding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from homeroom.checks.translations.names import display_path, english_name
from homeroom.checks.translations.options import Options
from homeroom.data.settings import Settings
from homeroom.data.yamlfiles import read_yaml
from homeroom.model.errors import InputError
from homeroom.model.findings import Finding, Severity


def school_languages(
    settings: Settings, options: Options
) -> tuple[dict[str, frozenset[str]], list[Finding]]:
    """Languages each school's pages must be in, from home-language counts.

    The data file (``languages_data``) lists, per school, its students and how many speak
    each language at home. Any language spoken by at least ``threshold`` of a school's
    students (California Education Code 48985: 15%) is required for pages with
    ``school: <id>`` in their front matter.
    """
    if not options.languages_data:
        return {}, []
    path = settings.data_dir / options.languages_data
    shown = display_path(path, settings)
    data = read_yaml(path, shown)
    if not isinstance(data, Mapping) or not isinstance(data.get("schools"), Mapping):
        raise InputError(shown, "expected `schools:` with one entry per school (see the README).")
    text = path.read_text(encoding="utf-8")
    required: dict[str, frozenset[str]] = {}
    found: list[Finding] = []
    for school, entry in data["schools"].items():
        line = _line_of(text, str(school))
        if not isinstance(entry, Mapping):
            raise InputError(
                shown, f"school {school}: expected `students:` and `home_languages:`.", line
            )
        students = entry.get("students")
        counts = entry.get("home_languages")
        if not isinstance(students, int) or students <= 0 or not isinstance(counts, Mapping):
            raise InputError(
                shown,
                f"school {school}: expected `students:` (a whole number above 0) and "
                "`home_languages:` (language code: number of students), such as `es: 120`.",
                line,
            )
        langs = set()
        for code, count in counts.items():
            if not isinstance(count, int) or count < 0:
                raise InputError(
                    shown, f"school {school}, language {code}: expected a whole number.", line
                )
            share = count / students
            code = str(code)
            if share >= options.threshold and code != options.default:
                langs.add(code)
                if code not in options.languages:
                    found.append(
                        Finding(
                            path=shown,
                            line=line,
                            column=1,
                            rule="i18n.school-language",
                            severity=Severity.ERROR,
                            message=(
                                f"{round(100 * share)}% of the students at {school} speak "
                                f"{english_name(code)} at home, at or above the "
                                f"{round(100 * options.threshold)}% that makes the school's "
                                f"notices required in it, but the site does not publish "
                                f"{english_name(code)}. Add it under plugins > i18n > "
                                "languages in mkdocs.yml and translate the school's pages."
                            ),
                            match=code,
                            language=code,
                        )
                    )
        required[str(school)] = frozenset(langs)
    return required, found


def _line_of(text: str, key: str) -> int:
    match = re.search(rf"^\s*{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1
