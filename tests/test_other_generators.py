"""Pages written for Hugo and Jekyll: their front matter, template tags and page-type key.

The pages are shaped like real ones: a Hugo content page with TOML front matter and
shortcodes, a Hugo page with JSON front matter, a Jekyll post with Liquid tags, a page of a
Jinja-templated site. Template tags are never prose, so they never become sentences or
jargon findings; the front matter is read as settings.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT
from homeroom.data.settings import Settings
from homeroom.data.sources import setting_position, source_from_text
from homeroom.model.errors import InputError
from homeroom.model.languages import Language, LanguageSet
from homeroom.run import registry
from homeroom.run.engine import prose_of

HUGO_TOML = """\
+++
title = "Islandview PTA: Spring Carnival"
date = 2024-03-04T08:00:00-08:00
draft = false
type = "posts"
homeroom_type = "home"
tags = ["PTA", "events"]
[params]
  author = "PTA Board"
+++

{{< figure src="/images/PTA-carnival-2024.jpg" alt="PTA carnival poster" >}}

Our spring carnival is on Friday, March 15, from 5 to 8 in the evening.

{{% notice info "Volunteers" %}}
Sign up to help at the games table for one hour.
{{% /notice %}}

{{< button href="https://example.org/signup" >}}Sign up{{< /button >}}
"""

HUGO_JSON = """\
{
  "title": "Back to school night",
  "type": "page",
  "homeroom_type": "home",
  "params": {
    "banner": "IEP-504-fair.png"
  }
}

Come meet your child's teacher on Thursday at 6.

{{< youtube w7Ft2ymGmfc >}}
"""

JEKYLL = """\
---
layout: post
title: "Welcome back, Eagles!"
type: newsletter
homeroom_type: home
---
{% include banner.html image="pta-logo.png" caption="PTA" %}

Welcome back! {% if site.lang == "es" %}¡Bienvenidos!{% endif %} School starts on
{{ page.first_day | date: "%B %-d" }}.

{% comment %}
TODO: add the IEP and 504 meeting dates from the ASD office.
{% endcomment %}

{% for event in site.data.events %}
- {{ event.name }} on {{ event.date }}
{% endfor %}
"""

JINJA = """\
---
title: Lunch menu
---
{# The menu comes from the district's data feed. #}
Lunch is free for every student this year.
{{ menu_table(week) }}
{%- if notice %}{{ notice }}{% endif -%}
"""


def _source(text: str, name: str = "p.md"):
    return source_from_text(text, f"content/{name}", name, name, "en")


@pytest.mark.parametrize(
    ("text", "meta"),
    [
        (HUGO_TOML, {"title": "Islandview PTA: Spring Carnival", "homeroom_type": "home"}),
        (HUGO_JSON, {"title": "Back to school night", "homeroom_type": "home"}),
        (JEKYLL, {"title": "Welcome back, Eagles!", "homeroom_type": "home"}),
    ],
    ids=["hugo-toml", "hugo-json", "jekyll-yaml"],
)
def test_front_matter_of_every_form_is_read_as_settings(text: str, meta: dict[str, str]) -> None:
    source = _source(text)
    assert {k: source.meta[k] for k in meta} == meta
    assert source.text[source.body_offset :].lstrip().startswith(("{{<", "Come", "{%"))


def test_toml_tables_and_dates_are_kept() -> None:
    source = _source(HUGO_TOML)
    assert source.meta["params"] == {"author": "PTA Board"}
    assert source.meta["tags"] == ["PTA", "events"]
    assert source.meta["date"].year == 2024


@pytest.mark.parametrize(
    "text", [HUGO_TOML, HUGO_JSON, JEKYLL, JINJA], ids=["hugo-toml", "hugo-json", "jekyll", "jinja"]
)
def test_front_matter_and_template_tags_are_never_prose(text: str) -> None:
    doc = prose_of(_source(text))
    prose = " ".join(unit.plain for unit in doc.units)
    for never in ("title", "PTA", "IEP", "ASD", "draft", "figure", "include", "endif", "menu"):
        assert never not in prose.split(), (never, prose)
    for unit in doc.units:
        assert "{" not in unit.plain and "}" not in unit.plain, unit.plain


def test_what_families_read_is_still_prose_at_its_own_line() -> None:
    doc = prose_of(_source(HUGO_TOML))
    texts = {unit.plain: doc.position(unit.start) for unit in doc.units}
    assert texts["Our spring carnival is on Friday, March 15, from 5 to 8 in the evening."] == (
        14,
        1,
    )
    assert "Sign up to help at the games table for one hour." in texts
    assert "Sign up" in texts  # the text between a paired shortcode is read


def test_an_unclosed_template_tag_stays_text_and_costs_one_pass() -> None:
    text = "Bring {{ a coat. " * 2000 + "\n"
    doc = prose_of(_source(text))
    assert doc.units and "coat" in doc.units[0].plain


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ('+++\ntitle = "Grade 3\n+++\nHi.\n', 2, "not valid TOML"),
        ('+++\ntitle = "Grade 3"\n', 1, "never ends"),
        ('{\n  "title": "Grade 3",\n}\nHi.\n', 3, "not valid JSON"),
        ('{\n  "title": "Grade 3"\n', 1, "never ends"),
    ],
)
def test_broken_front_matter_names_its_line(text: str, line: int, says: str) -> None:
    with pytest.raises(InputError) as caught:
        _source(text)
    assert caught.value.line == line
    assert says in str(caught.value)


def test_setting_positions_in_every_form() -> None:
    assert setting_position(_source(HUGO_TOML), "homeroom_type") == (6, 17)
    assert setting_position(_source(HUGO_JSON), "homeroom_type") == (4, 20)
    assert setting_position(_source(JEKYLL), "homeroom_type") == (5, 16)


def _site(tmp_path: Path, options: dict[str, str]) -> Settings:
    (tmp_path / "content" / "_data").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "_data" / "page-types.yml", tmp_path / "content" / "_data")
    return Settings(
        project_root=tmp_path,
        docs_dir=tmp_path / "content",
        languages=LanguageSet((Language("en", "English", default=True),)),
        plugins={"pagetypes": options},
    )


def _pagetype_rules(settings: Settings, text: str) -> list[str]:
    (check,) = registry.build_checks(settings, only=["pagetypes"])
    source = _source(text)
    return [f.rule for f in check.check_page(source, prose_of(source)).findings]


def test_by_default_the_page_type_is_type(tmp_path: Path) -> None:
    # Hugo's own `type = "posts"` is then read as the page type, and is not one.
    assert _pagetype_rules(_site(tmp_path, {}), HUGO_TOML) == ["pagetype.unknown"]


def test_a_hugo_or_jekyll_site_names_its_own_key(tmp_path: Path) -> None:
    settings = _site(tmp_path, {"type_key": "homeroom_type"})
    for page in (HUGO_TOML, HUGO_JSON, JEKYLL):
        assert "pagetype.unknown" not in _pagetype_rules(settings, page)
    untyped = '+++\ntitle = "x"\ntype = "posts"\n+++\nHello.\n'
    (check,) = registry.build_checks(settings, only=["pagetypes"])
    source = _source(untyped)
    (finding,) = check.check_page(source, prose_of(source)).findings
    assert finding.rule == "pagetype.missing-type"
    assert "`homeroom_type: grade-expectations`" in finding.message


def test_the_key_changes_the_fingerprint(tmp_path: Path) -> None:
    plain = _site(tmp_path, {})
    keyed = replace(plain, plugins={"pagetypes": {"type_key": "homeroom_type"}})
    again = replace(plain, plugins={"pagetypes": {"types": "page-types.yml"}})
    (a,) = registry.build_checks(plain, only=["readability"])
    (b,) = registry.build_checks(keyed, only=["readability"])
    (c,) = registry.build_checks(again, only=["readability"])
    assert a.fingerprint() != b.fingerprint()
    assert a.fingerprint() == c.fingerprint()


def test_site_checks_see_page_types_through_the_key() -> None:
    from homeroom.checks import SiteInput, SiteResult

    seen: list[str | None] = []

    class Recorder:
        name = "recorder"

        def wanted(self, sources, store):  # type: ignore[no-untyped-def]
            seen.extend(s.page_type for s in sources)
            return sources

        def page_data(self, source, doc):  # type: ignore[no-untyped-def]
            seen.append(source.page_type)

        def check_site(self, site: SiteInput) -> SiteResult:
            seen.extend(s.page_type for s in site.sources)
            return SiteResult()

    keyed = registry.KeyedSiteCheck(Recorder(), "homeroom_type")  # type: ignore[arg-type]
    source = _source(JEKYLL)
    keyed.wanted([source], None)
    keyed.page_data(source, prose_of(source))
    keyed.check_site(SiteInput(sources=[source]))
    assert seen == ["home", "home", "home"]


HUGO_SITE_YML = """\
site_name: A Hugo-style district
docs_dir: content
exclude_docs: |
  _data/
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
  - homeroom/readability
  - homeroom/jargon
  - homeroom/pagetypes:
      type_key: homeroom_type
"""


def test_homeroom_check_on_a_hugo_page_reads_its_own_key_and_no_template(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    (tmp_path / "content" / "_data").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "_data" / "page-types.yml", tmp_path / "content" / "_data")
    (tmp_path / "mkdocs.yml").write_text(HUGO_SITE_YML, encoding="utf-8")
    page = HUGO_TOML.replace('homeroom_type = "home"', 'homeroom_type = "report-card"')
    (tmp_path / "content" / "carnival.md").write_text(page, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "homeroom", "check", "--no-cache", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    (metrics,) = [p["metrics"] for p in report["pages"]]
    # The page type came from `homeroom_type`, not Hugo's `type = "posts"`.
    assert metrics["threshold"]["profile"] == "report-card"
    rules = [f["rule"] for f in report["findings"]]
    assert "pagetype.unknown" not in rules
    for finding in report["findings"]:
        assert finding["line"] > 10, finding  # nothing in the front matter or the shortcode
        assert "PTA" not in finding["match"], finding
