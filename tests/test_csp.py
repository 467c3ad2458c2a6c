"""The theme's inline scripts and the hashes that allow exactly them."""

from __future__ import annotations

import base64
import hashlib

import pytest

from homeroom.theme.csp import fixed_inline_scripts, script_hash, script_hashes


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("<script>var a=1</script>", ["var a=1"]),
        ('<script type="module">go()</script>', ["go()"]),
        ("<SCRIPT type='text/javascript'>x()</SCRIPT >", ["x()"]),
        ('<script data-md-scope="{{ base_url }}">fixed()</script>', ["fixed()"]),
        ("{% if x %}<script>a()</script>{% endif %}<script>b()</script>", ["a()", "b()"]),
        ("<script src=\"{{ 'a.js' | url }}\"></script>", []),
        ('<script id="__config" type="application/json">{"a": 1}</script>', []),
        ('<script>var base="{{ base_url }}"</script>', []),
        ("<script>{% include 'x.js' %}</script>", []),
        ("<p>No script here.</p>", []),
    ],
)
def test_only_scripts_with_a_fixed_text_are_hashed(template: str, expected: list[str]) -> None:
    assert fixed_inline_scripts(template) == expected


def test_the_hash_is_the_browsers_sha256_of_the_script_text() -> None:
    text = "__md_scope=1"
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    assert script_hash(text) == f"'sha256-{digest}'"


def test_hashes_are_sorted_and_said_once() -> None:
    found = script_hashes(["<script>a()</script>", "<script>a()</script><script>b()</script>"])
    assert found == sorted({script_hash("a()"), script_hash("b()")})
