"""Jargon and respectful language: matching, define on first use, acronyms, suppression."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from homeroom.checks.jargon import JargonCheck
from homeroom.data.glossary import Glossary, OwnWord, load_glossaries, parse_glossary
from homeroom.data.sources import source_from_text
from homeroom.model.errors import InputError, InputErrors
from homeroom.model.findings import Severity
from homeroom.run import engine

SEED = {
    "entries": [
        {
            "id": "benchmark",
            "category": "jargon",
            "forms": ["benchmark", "benchmarks", "benchmark test"],
            "plain": ["a check-in test"],
            "explain": "A short test to see how your child is growing.",
            "severity": "warning",
            "define": False,
            "source": "test",
            "examples": {
                "flag": ["Your child took the benchmark."],
                "pass": ["Your child took a short test."],
            },
        },
        {
            "id": "iep",
            "category": "jargon",
            "forms": ["IEP", "IEPs"],
            "plain": ["a written plan for special education help"],
            "explain": "A plan that says how the school will help a child with a disability.",
            "severity": "warning",
            "define": True,
            "source": "test",
            "examples": {"flag": ["Bring the IEP."], "pass": ["Bring the plan."]},
        },
        {
            "id": "hard-to-reach",
            "category": "deficit",
            "forms": ["hard-to-reach parents", "hard to reach parents"],
            "plain": ["families we have not reached yet"],
            "explain": "Say what the school will do.",
            "severity": "error",
            "define": False,
            "source": "test",
            "examples": {
                "flag": ["We call hard-to-reach parents."],
                "pass": ["We call every family."],
            },
        },
    ]
}


ASD = {
    "id": "asd",
    "category": "jargon",
    "forms": ["ASD"],
    "plain": ["autism"],
    "explain": "Autism spectrum disorder.",
    "source": "test",
    "examples": {"flag": ["A child with ASD."]},
}


def glossary(
    accept: tuple[str, ...] = (), own_words: list[dict[str, str]] | None = None
) -> Glossary:
    data = {**SEED, "entries": [*SEED["entries"], ASD]}
    if own_words:
        data["own_words"] = own_words
    parsed = parse_glossary(data, "glossary/en.yml", "en")
    return replace(parsed, accept=accept)


def findings(
    markdown: str,
    accept: tuple[str, ...] = (),
    page_type: str | None = None,
    own_words: list[dict[str, str]] | None = None,
):
    text = textwrap.dedent(markdown)
    if page_type:
        text = f"---\ntitle: T\ntype: {page_type}\n---\n" + text
    source = source_from_text(text, "content/p.md", "p.md", "p.md", "en")
    check = JargonCheck({"en": glossary(accept, own_words)})
    found, _ = engine.check_page(source, [check])
    return engine.allowed([source], found)


def test_one_finding_per_term_at_its_first_use_with_line_column_and_suggestion() -> None:
    found = findings("Take the benchmark in May.\n\nAfter the\nbenchmark test, we talk.\n")
    assert [(f.rule, f.line, f.column, f.match, f.suggestion) for f in found] == [
        ("jargon.benchmark", 1, 10, "benchmark", "check-in test"),
    ]
    assert 'Write "check-in test" instead.' in found[0].message
    assert '"benchmark" (here and 1 more time on this page) is school jargon' in found[0].message


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("We give benchmarks in May.", "check-in tests"),
        ("Benchmarks are in May.", "Check-in tests"),
        ("In May: benchmarks.", "Check-in tests"),
        ("The Benchmark Test is in May.", "Check-in test"),
        ("Bring a benchmark test.", "check-in test"),
        ("Ask about it: benchmark.", "A check-in test"),
        ("We call hard to reach parents.", "families we have not reached yet"),
    ],
)
def test_a_suggestion_keeps_the_number_and_capital_of_the_words_it_replaces(
    text: str, suggestion: str
) -> None:
    (finding,) = findings(text + "\n")
    assert finding.suggestion == suggestion


TIERS = {
    "id": "tiers",
    "category": "jargon",
    "forms": ["Tier 2", "Tier 3", "tiered support"],
    "plain": ["level of help"],
    "plain_for": {"Tier 2": ["extra help in a small group"], "tier 3": ["the most help"]},
    "note": "Say how often the help happens.",
    "explain": "Levels of help.",
    "source": "test",
    "examples": {"flag": ["Tier 2 help."]},
}


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Your child gets Tier 2 help.", "extra help in a small group"),
        ("Tier 3 starts Monday.", "The most help"),
        ("We give tiered support.", "level of help"),
    ],
)
def test_each_form_can_have_its_own_plain_words_and_advice_stays_in_the_message(
    text: str, suggestion: str
) -> None:
    check = JargonCheck({"en": parse_glossary({"entries": [TIERS]}, "g.yml", "en")})
    source = source_from_text(text + "\n", "p.md", "p.md", "p.md", "en")
    (finding,) = engine.check_page(source, [check])[0]
    assert finding.suggestion == suggestion
    assert "Say how often the help happens." in finding.message


@pytest.mark.parametrize(("separate", "count"), [(False, 1), (True, 2)])
def test_forms_with_their_own_plain_words_are_separate_terms_only_when_the_entry_says(
    separate: bool, count: int
) -> None:
    entry = {**TIERS, "separate_terms": separate}
    check = JargonCheck({"en": parse_glossary({"entries": [entry]}, "g.yml", "en")})
    text = "Tier 2 help. Tier 3 help. Tier 2 again.\n"
    source = source_from_text(text, "p.md", "p.md", "p.md", "en")
    assert len(engine.check_page(source, [check])[0]) == count


def test_plain_words_for_a_form_the_entry_does_not_have_are_a_mistake() -> None:
    wrong = {**TIERS, "plain_for": {"Tier 9": ["x"]}}
    with pytest.raises(
        (InputError, InputErrors), match=r"plain_for.*one of the entry's forms.*Tier 9"
    ):
        parse_glossary({"entries": [wrong]}, "g.yml", "en")


@pytest.mark.parametrize(
    "plain", ["the parent group (say its name)", "[name] group", "the group (PTA)"]
)
def test_plain_words_never_hold_brackets(plain: str) -> None:
    wrong = {**TIERS, "plain": [plain]}
    with pytest.raises((InputError, InputErrors), match="without brackets"):
        parse_glossary({"entries": [wrong]}, "g.yml", "en")


@pytest.mark.parametrize("times", [1, 2, 24])
def test_later_uses_of_a_term_are_counted_in_the_first_finding(times: int) -> None:
    found = findings("Join the PTO. Bring a benchmark. " * times + "\n")
    assert [(f.rule, f.match, f.column) for f in found] == [
        ("jargon.acronym", "PTO", 10),
        ("jargon.benchmark", "benchmark", 23),
    ]
    more = times - 1
    for finding in found:
        if more:
            word = "time" if more == 1 else "times"
            assert f"(here and {more} more {word} on this page)" in finding.message
        else:
            assert "more time" not in finding.message


def test_identical_table_header_cells_give_one_finding() -> None:
    header = "| " + " | ".join(["Benchmark"] * 7) + " |\n|" + "---|" * 7 + "\n"
    (finding,) = findings(header + "| " + " | ".join(["x"] * 7) + " |\n")
    assert (finding.line, finding.column) == (1, 3)
    assert "(here and 6 more times on this page)" in finding.message


def test_a_block_allowed_by_a_comment_does_not_hide_the_other_uses() -> None:
    found = findings(
        "<!-- homeroom allow jargon.benchmark: the state form uses this name -->\n"
        "The benchmark and the benchmark.\n\nThe benchmark again.\n\nAnd again: benchmark.\n"
    )
    assert [(f.line, f.severity) for f in found] == [(2, Severity.INFO), (4, Severity.WARNING)]
    assert "(here and 1 more time on this page)" in found[0].message
    assert "(here and 1 more time on this page)" in found[1].message


def test_deficit_language_is_an_error_with_an_asset_based_alternative() -> None:
    (finding,) = findings("We will call hard-to-reach parents.\n")
    assert finding.rule == "respect.hard-to-reach" and finding.severity is Severity.ERROR
    assert "families we have not reached yet" in finding.message


def test_never_in_code_urls_link_targets_html_or_front_matter() -> None:
    text = (
        "---\ntitle: benchmark\n---\n"
        "Run `benchmark` and see [the page](https://x.org/benchmark) "
        '<span title="benchmark">here</span> or https://x.org/benchmarks.\n'
    )
    assert findings(text) == []


def test_words_that_only_contain_a_form_do_not_match() -> None:
    assert [f.rule for f in findings("Our benchmarking team uses TIEPS.\n")] == ["jargon.acronym"]


@pytest.mark.parametrize(
    "markdown",
    [
        "Bring your child's IEP (a written plan for extra help) to the meeting. The IEP helps.\n",
        "- **IEP:** a written plan for extra help.\n- Bring the IEP.\n",
        "Read about the [IEP](glossary.md#iep). Bring the IEP.\n",
        "The IEP, which means a written plan, matters. Bring the IEP.\n",
        "Read the [IEP](plan.md) (a written plan for help) today. Bring the IEP.\n",
    ],
)
def test_a_term_explained_at_first_use_passes_everywhere(markdown: str) -> None:
    assert findings(markdown) == []


def test_a_term_used_before_it_is_explained_is_flagged_once() -> None:
    found = findings("Bring the IEP. Later: IEP (a written plan for help). The IEP again.\n")
    assert [(f.rule, f.column) for f in found] == [("jargon.iep", 11)]
    assert found[0].suggestion == "IEP (a written plan for special education help)"
    assert "more time" not in found[0].message


def test_uses_before_the_explanation_are_counted_and_later_ones_are_not() -> None:
    found = findings("The IEP. The IEP. IEP (a written plan for help). The IEP.\n")
    assert [(f.rule, f.column) for f in found] == [("jargon.iep", 5)]
    assert "(here and 1 more time on this page)" in found[0].message


def test_a_short_parenthetical_is_not_an_explanation() -> None:
    assert [f.rule for f in findings("Bring the IEP (plan).\n")] == ["jargon.iep"]


def test_unknown_acronyms_must_be_spelled_out() -> None:
    found = findings(
        "Join the PTO today. The PTO meets monthly. Call by 5 PM. Read chapter IV. It is FREE.\n"
    )
    assert [(f.rule, f.match) for f in found] == [("jargon.acronym", "PTO")]
    assert findings("Join the Parent Teacher Organization (PTO). The PTO meets monthly.\n") == []


@pytest.mark.parametrize(
    "hidden",
    [
        "<!-- Parent Teacher Organization (PTO) -->\n\n",
        "`Parent Teacher Organization (PTO)`\n\n",
        "```\nParent Teacher Organization (PTO)\n```\n\n",
        "---\ntitle: Parent Teacher Organization (PTO)\n---\n",
    ],
    ids=["comment", "code", "code-block", "front-matter"],
)
def test_a_spelling_families_cannot_read_does_not_explain_an_acronym(hidden: str) -> None:
    found = findings(hidden + "Join the PTO today.\n")
    assert [(f.rule, f.match) for f in found] == [("jargon.acronym", "PTO")]


def test_accept_list_allows_names() -> None:
    assert (
        findings(
            "Welcome to Benchmark Elementary School.\n", accept=("Benchmark Elementary School",)
        )
        == []
    )


OWN = [{"name": "ASD", "meaning": "Anacortes School District"}, {"name": "KES", "meaning": "K"}]


def test_the_districts_own_words_are_never_flagged_and_count_as_spelled_out() -> None:
    text = "ASD news: KES and KESs join the ASD. The ASD benchmark is in May.\n"
    assert [f.match for f in findings(text, own_words=OWN)] == ["benchmark"]
    assert sorted(f.match for f in findings(text)) == ["ASD", "KES", "benchmark"]
    assert glossary(own_words=OWN).own_words[0] == OwnWord("ASD", "Anacortes School District")


@pytest.mark.parametrize(
    "text",
    [
        "The Anacortes School District (ASD) welcomes you. The ASD board meets.\n",
        "ASD (Anacortes School District) welcomes you. The ASD board meets.\n",
    ],
)
def test_an_abbreviation_spelled_out_on_the_page_is_never_flagged_after(text: str) -> None:
    assert findings(text) == []


def test_an_abbreviation_used_before_it_is_spelled_out_is_flagged_there() -> None:
    found = findings("Join the PTO. The Parent Teacher Organization (PTO) meets.\n")
    assert [(f.rule, f.column) for f in found] == [("jargon.acronym", 10)]
    found = findings("The ASD board. The Anacortes School District (ASD) meets.\n")
    assert [(f.rule, f.column) for f in found] == [("jargon.asd", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "Buy tickets for the SPRING RAFFLE.\n",
        "ONWARD to summer!\n",
        "Wear your PJs on Friday.\n",
        "We collect coins for UNICEF.\n",
        "The class visits the USS Constitution.\n",
        "Students use Zearn[TM] and Lexia® at home.\n",
        "Read chapter XII and chapter IV.\n",
    ],
)
def test_ordinary_words_names_and_numerals_are_not_abbreviations(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize("word", ["VCV", "CVC", "CCVC", "CVCV", "CS", "AP", "SY"])
def test_letters_that_are_no_roman_numeral_are_abbreviations(word: str) -> None:
    assert [f.match for f in findings(f"We practice {word} words.\n")] == [word]


@pytest.mark.parametrize(
    "text",
    [
        '{{< figure src="images/PTA-2024.jpg" title="ASD" >}}\n\nHello.\n',
        '{{% notice title="ASD" %}}Hello.{{% /notice %}}\n',
        "Print PTO-flyer.pdf or ASD.png today.\n",
    ],
)
def test_shortcodes_and_file_names_are_not_prose(text: str) -> None:
    assert findings(text) == []


def test_inline_comment_allows_a_rule_for_the_next_block_and_says_so() -> None:
    found = findings(
        "<!-- homeroom allow jargon.benchmark: the state form uses this name -->\n"
        "The benchmark is in May.\n\nThe benchmark again.\n"
    )
    assert [(f.line, f.severity) for f in found] == [(2, Severity.INFO), (4, Severity.WARNING)]
    assert found[0].message.startswith("Allowed by the comment on line 1:")


def test_front_matter_allows_one_rule_for_the_page_but_never_respect() -> None:
    found = findings(
        "---\ntitle: T\nallow:\n  jargon.benchmark: The state form uses this name.\n"
        "  respect.hard-to-reach: We always say it this way.\n---\n"
        "The benchmark. Hard-to-reach parents.\n"
    )
    assert sorted((f.rule, f.severity.value) for f in found) == [
        ("jargon.benchmark", "info"),
        ("respect.hard-to-reach", "error"),
    ]
    allowed = next(f for f in found if f.rule == "jargon.benchmark")
    assert "The state form uses this name." in allowed.message


def test_page_type_scope() -> None:
    scoped = {
        **SEED["entries"][0],
        "id": "scoped",
        "forms": ["growth percentile"],
        "page_types": ["report-card"],
    }
    parsed = parse_glossary({"entries": [scoped]}, "g.yml", "en")
    check = JargonCheck({"en": parsed})
    for page_type, expected in (("report-card", 1), ("grade-expectations", 0)):
        source = source_from_text(
            f"---\ntype: {page_type}\n---\nThe growth percentile.\n", "p.md", "p.md", "p.md", "en"
        )
        assert len(engine.check_page(source, [check])[0]) == expected


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"id": "Bad Id"},
            "`entries[1]` (entry `Bad Id`), field `id`: expected an id of lower-case letters, "
            "digits and dashes, such as `504-plan`, not `Bad Id`.",
        ),
        (
            {"category": "rude"},
            "`entries[1]` (entry `benchmark`), field `category`: expected `jargon`, `deficit` or "
            "`substitution`",
        ),
        (
            {"plain": []},
            "`entries[1]` (entry `benchmark`), field `plain`: expected a list of plainer words to "
            "write instead, such as `[check-in test]`; it is empty.",
        ),
        ({"severity": "fatal"}, "`entries[1]` (entry `benchmark`), field `severity`"),
        (
            {"forms": ["IEP"]},
            "`entries[1]` (entry `benchmark`), field `forms`: expected forms no other entry has; "
            "`IEP` is also in entry `iep`.",
        ),
        (
            {"examples": {"pass": ["x"]}},
            "`entries[1].examples` (entry `benchmark`), field `flag` is missing",
        ),
        ({"explian": "x"}, "unknown field `explian` (did you mean `explain`?)"),
    ],
)
def test_bad_glossary_data_names_file_entry_and_field(
    change: dict[str, object], message: str
) -> None:
    entries = [SEED["entries"][1], {**SEED["entries"][0], **change}]
    with pytest.raises(InputError) as caught:
        parse_glossary({"entries": entries}, "content/_data/glossary/en.yml", "en")
    assert str(caught.value).startswith("content/_data/glossary/en.yml: "), caught.value
    assert message in str(caught.value)


def test_every_mistake_in_every_glossary_is_reported_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "_data" / "glossary"
    folder.mkdir(parents=True)
    entry = textwrap.dedent(
        """\
        entries:
          - id: benchmark
            category: jargon
            forms: [benchmark]
            plain: [check-in test]
            explain: A short test.
            source: test
            examples: {flag: [The benchmark.]}
        """
    )
    (folder / "en.yml").write_text(entry.replace("category: jargon", "category: rude"))
    (folder / "es.yml").write_text(entry.replace("plain: [check-in test]", "plain: []"))
    (folder / "accept.yml").write_text("accept: Benchmark School\n")
    with pytest.raises(InputErrors) as caught:
        load_glossaries(tmp_path / "_data", tmp_path, ["en", "es"])
    assert [str(e).split(": ")[0] for e in caught.value.errors] == [
        "_data/glossary/accept.yml:1",
        "_data/glossary/en.yml:3",
        "_data/glossary/es.yml:5",
    ]


@pytest.mark.parametrize(
    ("markdown", "line", "column"),
    [
        pytest.param(
            "<table>\n  <tr><th>Who</th><th>What</th></tr>\n"
            "  <tr><td>Staff</td><td>We call hard-to-reach parents.</td></tr>\n</table>\n",
            3,
            33,
            id="in-a-table-cell",
        ),
        pytest.param(
            '<div class="note">\nEvery week we call\nhard to reach parents at home.\n</div>\n',
            3,
            1,
            id="in-a-div-across-lines",
        ),
        pytest.param(
            "<details>\n<summary>Calls to hard-to-reach parents</summary>\n<p>Weekly.</p>\n"
            "</details>\n",
            2,
            19,
            id="in-a-details-summary",
        ),
        pytest.param(
            "> <div>We call hard-to-reach parents.</div>\n",
            1,
            16,
            id="in-html-inside-a-quote",
        ),
    ],
)
def test_deficit_words_inside_raw_html_are_found_at_their_place(
    markdown: str, line: int, column: int
) -> None:
    found = findings(markdown)
    assert [(f.rule, f.line, f.column) for f in found] == [("respect.hard-to-reach", line, column)]


def test_attributes_scripts_and_comments_in_html_are_not_prose() -> None:
    markdown = (
        '<div title="hard-to-reach parents" data-note="the benchmark">\n'
        "<script>const who = 'hard-to-reach parents';</script>\n"
        "<style>.benchmark { color: red; }</style>\n"
        "<!-- hard-to-reach parents, benchmark -->\n"
        '<img alt="the benchmark" src="b.png">\n'
        "<p>We call every family.</p>\n</div>\n"
    )
    assert findings(markdown) == []
