"""Documentation for every rule id: what it checks, why it matters, a bad and a good example.

Shown by ``homeroom explain RULE``; the text report points there for each rule it found.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class RuleDoc:
    """One rule's documentation."""

    id: str
    title: str
    why: str
    bad: str
    good: str


RULES: dict[str, RuleDoc] = {
    r.id: r
    for r in (
        RuleDoc(
            "readability.sentence",
            "A sentence has too many words.",
            "Long sentences make families hold many ideas at once; on a phone they fill the "
            "screen. Limits are per language in content/_data/readability.yml.",
            "Because the board approved a new schedule that starts on Monday, families should "
            "plan for earlier pick-up times and check the website for bus changes.",
            "The new schedule starts on Monday. Pick-up will be earlier. Check the website for "
            "bus changes.",
        ),
        RuleDoc(
            "readability.sentence-difficulty",
            "A sentence is built from long, many-syllable words.",
            "Even a short sentence is hard when most of its words are long and rare. Families "
            "reading in a second language stop at such words.",
            "Comprehensive assessments measure student proficiency across multiple academic competencies.",
            "The state test shows how well your child reads and does math.",
        ),
        RuleDoc(
            "readability.word",
            "A long word has a plainer word that means the same.",
            "Everyday words are read faster, especially by families reading in a second "
            "language. The list is editorial data: content/_data/plain-words.yml.",
            "Please utilize the form in order to request assistance.",
            "Please use the form to ask for help.",
        ),
        RuleDoc(
            "readability.paragraph",
            "A paragraph is longer than a phone screen.",
            "Families skim long blocks of text on a phone and miss what matters.",
            "One paragraph of 150 words that explains the whole conference day.",
            "Three short paragraphs, or a list of the steps.",
        ),
        RuleDoc(
            "readability.page",
            "The page as a whole is too hard for its readers.",
            "Family pages should read at grade 6 or lower in English (INFLESZ 65 or more in "
            "Spanish); report cards at grade 8 (INFLESZ 55). The message names the hardest "
            "sentences: fix those first.",
            "A page whose sentences average 25 words full of terms like 'longitudinal'.",
            "A page of short sentences in everyday words, with terms explained.",
        ),
        RuleDoc(
            "jargon.acronym",
            "An abbreviation is never spelled out on the page.",
            "Families new to US schools do not know school abbreviations. Spell each one out "
            "the first time; terms in the glossary are explained there instead.",
            "Join the PTO at the next meeting.",
            "Join the Parent Teacher Organization (PTO) at the next meeting.",
        ),
        RuleDoc(
            "readability.override",
            "A page raises its own reading limit.",
            "Sometimes a page must quote a law or name a test. It may then raise its limit, but "
            "only with a written reason in its front matter, and the reason is always shown.",
            "readability: {limit: 10}",
            'readability: {limit: 10, reason: "Quotes the state law on attendance word for word."}',
        ),
        RuleDoc(
            "i18n.missing",
            "A page has no version in a language the site must publish.",
            "Families with limited English have a right to essential school information in a "
            "language they understand (Title VI). Essential pages (conference guides, report "
            "cards, enrolment, or essential: true) fail the build; other pages warn.",
            "content/conference-guide.md with no content/conference-guide.es.md",
            "content/conference-guide.es.md, written and checked by a fluent reader, then "
            "`homeroom translations mark-current conference-guide.md es`",
        ),
        RuleDoc(
            "i18n.stale",
            "The source page changed after the translation was made.",
            "A family reading the old translation may get an old date, rule or phone number. "
            "Edits to spacing or punctuation alone do not count.",
            "The English page moves the conference to March 12; the Spanish page still says "
            "March 5.",
            "Run `homeroom translations diff PAGE es`, update the Spanish page, then "
            "`homeroom translations mark-current PAGE es`.",
        ),
        RuleDoc(
            "i18n.untracked",
            "A translation does not record which version of its source it was made from.",
            "Without that record nobody can tell whether the translation is up to date.",
            "translation: {method: person}",
            "translation: {method: person, source_hash: sha256:..., source_commit: ...} "
            "(written by `homeroom translations mark-current`)",
        ),
        RuleDoc(
            "i18n.needs-review",
            "An essential page was translated by machine and no person has checked it.",
            "Machine translation alone is not enough for essential documents: a fluent reader "
            "must review them before families rely on them.",
            "translation: {method: machine}",
            'translation: {method: machine, reviewed_by: "Ana Ruiz, district interpreter"} '
            '(written by `homeroom translations mark-current PAGE es --reviewed-by "Ana Ruiz"`)',
        ),
        RuleDoc(
            "i18n.facts",
            "A translation's numbers, times, e-mail addresses or links differ from its source.",
            "Families in every language must get the same conference date, phone number and "
            "links. Small numbers (12 or less) are not compared, because languages often write "
            "them as words ('grade 3' is 'tercer grado').",
            "English: Call (555) 010-2400 by 4:30. Spanish: Llame al (555) 010-2440 antes de las 5:30.",
            "English: Call (555) 010-2400 by 4:30. Spanish: Llame al (555) 010-2400 antes de las 4:30.",
        ),
        RuleDoc(
            "i18n.structure",
            "A translation has a different number of headings or list items than its source.",
            "A family that switches languages should find the same parts in the same order; "
            "a missing list item is often a missing step.",
            "The English page has five tips for home; the Spanish page has four.",
            "Both pages have the same five tips, in the same order.",
        ),
        RuleDoc(
            "i18n.orphan",
            "A translation's source page does not exist.",
            "A translation left behind after its page was deleted or renamed shows families "
            "information the site no longer stands behind.",
            "content/old-calendar.es.md with no content/old-calendar.md",
            "Rename the translation to match the new page, or delete it.",
        ),
        RuleDoc(
            "i18n.record",
            "A translation's record (its `translation:` settings) cannot be read.",
            "The record says how a translation was made and from which version of its source.",
            "translation: {method: google}",
            "translation: {method: machine}",
        ),
        RuleDoc(
            "i18n.catalog",
            "An interface string is missing in a required language.",
            "Labels, notices and report-card sentences come from per-language catalogs "
            "(content/_data/strings/, content/_data/notices.yml). A missing one would show "
            "families a gap or English text.",
            "strings/en.yml has glance.title; strings/es.yml does not.",
            "strings/es.yml has glance.title: Resumen.",
        ),
        RuleDoc(
            "i18n.school-language",
            "A school's home-language data requires a language the site does not publish.",
            "When 15% or more of a school's students share a home language other than English, "
            "its notices and reports must also be in that language (California Education "
            "Code 48985).",
            "18% of students at Alder Elementary speak Vietnamese; the site has no Vietnamese.",
            "Vietnamese is listed under plugins > i18n > languages and the school's pages are "
            "translated.",
        ),
        RuleDoc(
            "pagetype.unknown",
            "A page's `type:` is not one of the site's page types.",
            "Each page type lists the sections families expect (content/_data/page-types.yml). "
            "With an unknown type nobody can check that the page answers their questions.",
            "---\ntitle: Grade 4\ntype: grade-page\n---",
            "---\ntitle: Staff calendar\ntype: staff\n---",
        ),
        RuleDoc(
            "pagetype.missing-type",
            "A page does not say what kind of page it is.",
            "Without a `type:` Homeroom cannot check that the page has the sections families "
            "look for, such as where to get help.",
            "---\ntitle: Staff calendar\n---",
            "---\ntitle: Staff calendar\ntype: staff\n---",
        ),
        RuleDoc(
            "pagetype.section",
            "A section that every page of this type must have is missing.",
            "Families learn where to look: every page of a kind has the same sections, in "
            "every language. Sections are found by the heading id in `{#...}`, which is the "
            "same in every language.",
            "---\ntype: report-card-guide\n---\n## What is a school report card? {#what-is}\n"
            "## How to read it\n## Where to get help {#get-help}",
            "---\ntype: report-card-guide\n---\n## What is a school report card? {#what-is}\n"
            "## How to read it {#read-it}\n## Where to get help {#get-help}",
        ),
        RuleDoc(
            "pagetype.order",
            "The required sections are not in the order the page type gives.",
            "When every page of a kind has its sections in the same order, families find what "
            "they need quickly, even in a language they read slowly.",
            "---\ntype: report-card-guide\n---\n## What is a school report card? {#what-is}\n"
            "## Where to get help {#get-help}\n## How to read it {#read-it}",
            "---\ntype: report-card-guide\n---\n## What is a school report card? {#what-is}\n"
            "## How to read it {#read-it}\n## Where to get help {#get-help}",
        ),
    )
}


# Report cards: every rule the privacy engine hides a value by. Each hidden value in the
# unpublished audit log (.homeroom/audit/reportcards.jsonl) names one of these.
RULES.update(
    {
        r.id: r
        for r in (
            RuleDoc(
                "privacy.min-n",
                "A group is smaller than the state's minimum group size, so all its results are hidden.",
                "Results for a handful of students can show how one child did. The minimum (`min_n` "
                "in content/_data/schools/_district.yml) is set by the state, never below 3.",
                "Students learning English: 6 tested, 33% at level 1.",
                "Students learning English: * (hidden: fewer than 10 students).",
            ),
            RuleDoc(
                "privacy.small-count",
                "A count of only a few students (0 to `small_count`) is hidden.",
                "Saying that 1 or 2 students of a class did not meet the goal can point at a child.",
                "Girls, level 1: 2%, which is 1 girl.",
                "Girls, level 1: *.",
            ),
            RuleDoc(
                "privacy.small-complement",
                "A count of all but a few students is hidden.",
                "'All but 2 students met the goal' tells the families of those 2 about their child.",
                "Boys who met the goal: 97%, all but 1 boy.",
                "Boys who met the goal: *.",
            ),
            RuleDoc(
                "privacy.bottom-coded",
                "A share under 5% is shown only as 'fewer than 5%'.",
                "An exact small share of a known group gives the number of students back.",
                "Level 1: 3%.",
                "Level 1: fewer than 5% (in tables: <5%).",
            ),
            RuleDoc(
                "privacy.top-coded",
                "A share over 95% is shown only as 'more than 95%'.",
                "An exact share near 100% tells how many students did not make it.",
                "Met the goal: 98%.",
                "Met the goal: more than 95% (in tables: >95%).",
            ),
            RuleDoc(
                "privacy.complementary",
                "One more value is hidden so a hidden value cannot be worked out by subtraction.",
                "Levels add up to all students, two groups add up to all students, grades add up "
                "to the school. If only one number of such a set were hidden, anyone could subtract "
                "it back, so the smallest other number is hidden too, until nothing can be solved for.",
                "All students 87, students who speak English well 81, students learning English *.",
                "All students 87, students who speak English well *, students learning English *.",
            ),
            RuleDoc(
                "privacy.hidden-group",
                "Every share of a hidden group is hidden with it.",
                "A share of a group whose size is hidden can still hint at that size.",
                "Students learning English: *, then 33%, 33%, 33%, 0%.",
                "Students learning English: * in every column.",
            ),
            RuleDoc(
                "privacy.hidden-at-source",
                "The state hid this value in its own file, so it stays hidden.",
                "A value the state kept private must never be published or worked out here.",
                "Level 1: 13% (filled in from the other levels).",
                "Level 1: *, and one more value of the set hidden too.",
            ),
        )
    }
)


# Content safety and unfinished pages (homeroom.checks.content), and mistakes in `allow`
# (homeroom.data.suppressions). None of these can be allowed.
RULES.update(
    {
        r.id: r
        for r in (
            RuleDoc(
                "content.script",
                "A page holds a `<script>`.",
                "A script runs code in the browser of every family who opens the page, with "
                "the district's name on it. Family pages never need one, and the site's "
                "security policy blocks scripts the theme did not bring, so it would only "
                "break the page. HTML shown as an example inside a code block is fine.",
                '<script src="https://widgets.example.org/signup.js"></script>',
                "[Open the sign-up form](https://forms.example.org/signup)",
            ),
            RuleDoc(
                "content.event-handler",
                "An HTML tag or attribute list has an `on...=` setting (`onclick`, `onerror`).",
                "These settings run code when a family taps or opens part of the page. "
                "Family pages never need them, and the site's security policy blocks them.",
                '<a href="calendar/" onclick="track()">Calendar</a>',
                "[Calendar](calendar.md)",
            ),
            RuleDoc(
                "content.javascript-url",
                "A link or picture address runs code or hides a page (`javascript:`, `data:`).",
                "Tapping such a link runs code instead of opening a page, and a `data:` address "
                "holds a hidden page families cannot see the source of. Link to a real address.",
                "[Print this page](javascript:window.print())",
                "[Print the calendar (PDF)](calendar.pdf)",
            ),
            RuleDoc(
                "content.redirect",
                'A page sends families elsewhere by itself (`<meta http-equiv="refresh">`, '
                "`<base>`).",
                "Families should see where a link goes before they follow it. A page that "
                "moves them on by itself can lead them to a site that only looks like the "
                "district's.",
                '<meta http-equiv="refresh" content="0; url=https://example.org/">',
                "This page has moved: [read it on the new site](https://example.org/).",
            ),
            RuleDoc(
                "content.iframe",
                "A page shows another website inside itself (`<iframe>`).",
                "Families cannot tell whose page they are looking at, a frame rarely fits a "
                "phone, and the site's security policy blocks it. Link to the page instead.",
                '<iframe src="https://video.example.org/embed/123"></iframe>',
                "[Watch the video about conferences](https://video.example.org/123)",
            ),
            RuleDoc(
                "content.embed",
                "A page loads a plug-in or file into itself (`<object>`, `<embed>`).",
                "Phones often cannot show embedded files, and plug-ins can run code. A link "
                "to the file works everywhere and can be shared in a text message.",
                '<embed src="handbook.pdf">',
                "[Read the family handbook (PDF, 2 pages)](handbook.pdf)",
            ),
            RuleDoc(
                "content.form",
                "A page holds a `<form>`.",
                "A form sends what families type to the address in it. This site cannot "
                "receive or protect it, and a form pointing elsewhere can collect a family's "
                "details under the district's name. Link to the district's own form.",
                '<form action="https://example.org/collect"><input name="phone"></form>',
                "[Update your phone number](https://enroll.example.org/)",
            ),
            RuleDoc(
                "content.placeholder",
                'A note from `homeroom new` ("To write: ...") is still on the page.',
                "`homeroom new` starts each section with a note saying what to write there, in "
                "the page's language. Families would see it as an unfinished page. Write the "
                "section, then delete the note.",
                "## Math {#math}\n\n*To write: 4-6 plain points about math.*",
                "## Math {#math}\n\n- Your child will learn to add and subtract up to 1,000.",
            ),
            RuleDoc(
                "content.script-file",
                "A script file is in the content folder.",
                "Every file in the content folder is published on the site's own address, "
                "where the security policy lets scripts run. The theme's own scripts live in "
                "overrides/, outside the content folder; pages never need others.",
                "content/widget.js, or content/flyer.html with a <script> in it",
                "The file removed, and a link to the page or file it was for.",
            ),
            RuleDoc(
                "allow.invalid",
                "An `allow` entry allows nothing: no reason, a wildcard, or not a rule id.",
                "Allowing a rule is a decision other people must be able to review: each entry "
                "names one rule and says why it does not fit. An entry without a reason, or "
                "one that allows a whole group of rules (`jargon.*`), allows nothing.",
                "---\nallow: [jargon.benchmark]\n---",
                '---\nallow: {jargon.benchmark: "The school is called Benchmark Elementary."}\n---',
            ),
            RuleDoc(
                "allow.forbidden",
                "An `allow` entry names a rule that can never be allowed.",
                "Respectful language about families (respect.*), student privacy (privacy.*) "
                "and content safety (content.*) are never switched off on a page: the page "
                "itself must change.",
                "<!-- homeroom allow respect.hard-to-reach: it is a quote -->",
                "We are still working to reach every family.",
            ),
        )
    }
)


def explain(rule: str) -> str | None:
    """The documentation of a rule as text, or None if there is no such rule."""
    doc = RULES.get(rule)
    if doc is None:
        return None
    # Examples of whole pages span several lines: each line is indented.
    bad, good = (textwrap.indent(x, "  ", lambda line: True) for x in (doc.bad, doc.good))
    return f"{doc.id}: {doc.title}\n\nWhy it matters: {doc.why}\n\nInstead of:\n{bad}\n\nWrite:\n{good}"
