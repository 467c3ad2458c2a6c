"""``homeroom/content`` in real builds: unsafe or unfinished pages stop it; the policy's hashes."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, SITE_HEAD, mkdocs_build, plain_mkdocs_build
from homeroom.theme.csp import fixed_inline_scripts, script_hash

Site = Callable[..., Path]


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (
            {"a.md": "# A\n\n<script>alert(1)</script>\n"},
            "content/a.md:3:1: error content.script: `<script>` runs code",
        ),
        (
            {"a.md": "# A\n\n[Print](javascript:print())\n"},
            "content/a.md:3:9: error content.javascript-url: This address starts with "
            "`javascript:`",
        ),
        (
            {"a.es.md": "# A\n\n*Por escribir: la promesa.*\n"},
            "content/a.es.md:3:2: error content.placeholder: This is a note from `homeroom new`",
        ),
        (
            {"a.md": "---\nallow: [jargon.*]\n---\n# A\n"},
            "content/a.md:2:9: error allow.invalid: `jargon.*` would allow a whole group",
        ),
        (
            {"widget.js": "alert(1)\n"},
            "content/widget.js:1:1: error content.script-file: This is a script file (.js)",
        ),
    ],
)
def test_unsafe_or_unfinished_content_stops_even_a_plain_build(
    site: Site, pages: dict[str, str], expected: str
) -> None:
    root = site(pages)
    done = plain_mkdocs_build(root)
    assert done.returncode == 1
    said = [line for line in done.stderr.splitlines() if expected in line]
    # Reported once, although static-i18n builds the site once per language.
    assert len(said) == 1, done.stderr
    assert not (root / "site" / "index.html").exists()


def test_html_shown_as_code_builds(site: Site) -> None:
    done = mkdocs_build(site({"a.md": "# A\n\n```html\n<script>alert(1)</script>\n```\n"}))
    assert done.returncode == 0, done.stderr


# The test site with the project's own theme overrides (which hold the policy).
THEMED = (
    SITE_HEAD.replace("exclude_docs: |\n  _data/\n", "").replace(
        "  font: false\n", "  custom_dir: overrides\n  font: false\n"
    )
    + "  - homeroom/content\n"
)

_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')
_INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)


def test_every_inline_script_of_the_theme_is_allowed_by_its_hash_and_nothing_else(
    tmp_path: Path,
) -> None:
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# Welcome\n\nWe are glad you are here.\n")
    (tmp_path / "content" / "index.es.md").write_text("# Bienvenidos\n\nNos alegra verle.\n")
    (tmp_path / "mkdocs.yml").write_text(THEMED, encoding="utf-8")
    done = mkdocs_build(tmp_path)
    assert done.returncode == 0, done.stderr
    for name in ("index.html", "es/index.html", "404.html"):
        html = (tmp_path / "site" / name).read_text(encoding="utf-8")
        (policy,) = _POLICY.findall(html)
        script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
        sources = script_src.split()[1:]
        assert "'unsafe-inline'" not in policy.replace("style-src 'self' 'unsafe-inline'", "")
        assert "'unsafe-eval'" not in policy
        inline = [
            m.group("body")
            for m in _INLINE.finditer(html)
            if "application/json" not in m.group("attrs")
        ]
        assert inline, name  # Material's storage helpers, palette and tab scripts
        for body in inline:
            assert script_hash(body) in sources, (name, body[:60])
        assert sources[0] == "'self'"
        assert all(s.startswith("'sha256-") for s in sources[1:])


def test_the_storage_helpers_override_has_a_fixed_text() -> None:
    # The page's address comes from a data attribute, so one hash fits every page.
    template = (ROOT / "overrides" / "partials" / "javascripts" / "base.html").read_text()
    (body,) = fixed_inline_scripts(template)
    assert "dataset.mdScope" in body
