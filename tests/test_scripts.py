"""Text analysis per writing system: sentences, words and honest measures in every script.

The site's twelve languages (en, es, zh, vi, ar, tl, ht, so, ru, ko, pt, hmn), Japanese,
and scripts Homeroom cannot measure (Thai), each in a row of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, homeroom
from homeroom.checks.readability import ReadabilityCheck, unchecked
from homeroom.data.readability_limits import DEFAULT_OPTIONS
from homeroom.data.sources import source_from_text
from homeroom.model.errors import InputError
from homeroom.model.findings import Finding
from homeroom.run.engine import prose_of
from homeroom.text.measures import MEASURES, count_sentence, measures_for
from homeroom.text.segment import counts_words, words_in
from homeroom.text.sentences import split

SITE_LANGUAGES = ["en", "es", "zh", "vi", "ar", "tl", "ht", "so", "ru", "ko", "pt", "hmn"]
SAMPLES = ROOT / "tests" / "data" / "scripts"


def check(markdown: str, language: str) -> tuple[dict[str, object], tuple[Finding, ...]]:
    source = source_from_text(markdown, "p.md", "p.md", "p.md", language)
    result = ReadabilityCheck(DEFAULT_OPTIONS).check_page(source, prose_of(source))
    return dict(result.metrics), result.findings


# ---------------------------------------------------------------------------------------
# Sentences


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("zh", "第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
        ("zh", "请在周五前回复。 谢谢！", ["请在周五前回复。", "谢谢！"]),
        # A closing quote stays with its sentence.
        ("zh", "老师说：“欢迎。”然后开始上课。", ["老师说：“欢迎。”", "然后开始上课。"]),
        # The full-width semicolon and comma join clauses of one sentence.
        ("zh", "带上午餐；别忘了水壶，谢谢。", ["带上午餐；别忘了水壶，谢谢。"]),
        (
            "ja",
            "今日は晴れ。明日は「雨です。」そうですか？",
            ["今日は晴れ。", "明日は「雨です。」", "そうですか？"],
        ),
        ("ja", "ありがとう｡またね", ["ありがとう｡", "またね"]),
        # The Arabic comma and semicolon never end a sentence; the question mark does.
        ("ar", "مرحبا، كيف حالك؟ اتصل بنا؛ شكرا.", ["مرحبا، كيف حالك؟", "اتصل بنا؛ شكرا."]),
        ("ar", "هل لديك سؤال؟اتصل بنا.", ["هل لديك سؤال؟", "اتصل بنا."]),
        # Korean: Latin stops, a space after them or not; a one-syllable word is no initial.
        ("ko", "감사합니다.내일 만나요.", ["감사합니다.", "내일 만나요."]),
        ("ko", "질문이 있나요? 네. 전화하세요!", ["질문이 있나요?", "네.", "전화하세요!"]),
        ("ko", "3.5점을 받았습니다. 좋아요.", ["3.5점을 받았습니다.", "좋아요."]),
        ("ru", "Позвоните нам. Мы поможем!", ["Позвоните нам.", "Мы поможем!"]),
        ("pt", "Ligue para nós. Obrigado!", ["Ligue para nós.", "Obrigado!"]),
        ("hi", "यह पहला वाक्य है। यह दूसरा है।", ["यह पहला वाक्य है।", "यह दूसरा है।"]),
        ("am", "ይህ ነው። ያ ነው፧", ["ይህ ነው።", "ያ ነው፧"]),
        # No sentence marks Homeroom can read: the unit is one sentence.
        ("th", "สวัสดีครับ ยินดีต้อนรับ", ["สวัสดีครับ ยินดีต้อนรับ"]),
    ],
)
def test_sentences_end_where_the_script_ends_them(
    language: str, text: str, expected: list[str]
) -> None:
    assert [s.text for s in split(text, language)] == expected


# ---------------------------------------------------------------------------------------
# Words


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("zh", "家长会将于下周三举行", ["家长会", "将", "于", "下", "周三", "举行"]),
        # Other scripts in a Chinese page are split by spaces, as everywhere.
        ("zh", "请联系IEP团队，don't worry", ["请", "联系", "IEP", "团队", "don't", "worry"]),
        ("ko", "가족 센터는 가족을 돕습니다.", ["가족", "센터는", "가족을", "돕습니다"]),
        ("ar", "اتصل بنا، شكرا", ["اتصل", "بنا", "شكرا"]),
        # Only Chinese is segmented: the same characters elsewhere are one run.
        ("en", "家长会", ["家长会"]),
    ],
)
def test_words_are_found_the_way_the_script_marks_them(
    language: str, text: str, expected: list[str]
) -> None:
    assert words_in(text, language) == expected


def test_a_chinese_sentence_counts_its_words_and_its_characters() -> None:
    counts = count_sentence("家长会将于下周三举行。", "zh")
    assert (counts.words, counts.characters) == (6, 11)
    assert MEASURES["words-per-sentence"].compute(counts) == 6


@pytest.mark.parametrize("language", ["ja", "th", "my"])
def test_no_word_limits_where_words_cannot_be_found(language: str) -> None:
    assert not counts_words(language)
    assert all(not m.startswith("words") for m in measures_for(language))


def test_jieba_loads_only_for_chinese_offline_silently_and_writes_no_file(
    tmp_path: Path,
) -> None:
    """In a fresh process with no network: English never loads jieba; Chinese does, quietly."""
    program = """
import socket, sys
def no_network(*args, **kwargs):
    raise OSError("no network in this test")
socket.socket = no_network
socket.create_connection = no_network
from homeroom.checks.readability import ReadabilityCheck
from homeroom.data.readability_limits import DEFAULT_OPTIONS
from homeroom.data.sources import source_from_text
from homeroom.run.engine import prose_of
def measure(text, language):
    source = source_from_text(text, "p.md", "p.md", "p.md", language)
    return ReadabilityCheck(DEFAULT_OPTIONS).check_page(source, prose_of(source)).metrics
measure("Read together every day. 家长会", "en")
before = "jieba" in sys.modules
metrics = measure("家长会将于下周三举行。请提前预约。", "zh")
print(before, "jieba" in sys.modules, metrics["words"], metrics["word_counting"])
"""
    done = subprocess.run(
        [sys.executable, "-c", program],
        cwd=tmp_path,
        env={
            "PYTHONPATH": str(ROOT / "plugins"),
            "TMPDIR": str(tmp_path),
            "HOME": str(tmp_path),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "9", "jieba"]
    assert done.stderr == ""  # jieba's "Building prefix dict" log is silenced
    assert list(tmp_path.iterdir()) == []  # no jieba.cache in the temporary folder


# ---------------------------------------------------------------------------------------
# Honest measures and messages


def test_a_page_in_a_language_without_a_formula_names_its_measure() -> None:
    long = "Chúng tôi " + " ".join(["gửi thư cho gia đình mỗi tuần"] * 4) + "."
    metrics, findings = check(("\n\n".join([long] * 8)) + "\n", "vi")
    pages = [f.message for f in findings if f.rule == "readability.page"]
    (page,) = [m for m in pages if " on words per sentence;" in m]
    assert "No grade-level formula has been validated for Vietnamese" in page
    assert "Homeroom measures words per sentence instead" in page
    assert metrics["formula"] is None
    assert metrics["measure"] == "words-per-sentence"


def test_the_share_of_long_sentences_is_a_page_limit() -> None:
    short = "Gọi cho chúng tôi hôm nay."
    long = "Chúng tôi " + " ".join(["gửi thư cho gia đình"] * 5) + "."
    text = "\n\n".join([long, long, short, short, short, short] * 3) + "\n"
    metrics, findings = check(text, "vi")
    assert metrics["measures"]["long-sentence-share"] == pytest.approx(2 / 6, abs=0.001)  # type: ignore[index]
    messages = [f.message for f in findings if f.rule == "readability.page"]
    assert any("share of long sentences" in m and "more than 20 words" in m for m in messages)


def test_a_long_chinese_sentence_is_counted_in_chinese_words() -> None:
    sentence = "我们" + "，".join(["请家长每天和孩子一起阅读"] * 6) + "。"
    _, findings = check(sentence + "\n", "zh")
    (found,) = [f for f in findings if f.rule == "readability.sentence"]
    assert "counted with a Chinese word list" in found.message
    assert 'after "' in found.suggestion  # split at a full-width comma


def test_a_plain_chinese_page_passes_and_is_scored_in_words() -> None:
    metrics, findings = check((SAMPLES / "index.zh.md").read_text(encoding="utf-8"), "zh")
    assert [f.rule for f in findings if f.rule.startswith("readability")] == []
    assert metrics["measure"] == "words-per-sentence"
    assert metrics["too_short_for_page_score"] is False
    assert metrics["word_counting"] == "jieba"


def test_what_cannot_be_measured_is_said() -> None:
    said = unchecked(["en", "zh", "th", "ja", "ko"])
    assert len(said) == 2
    assert said[0].startswith("sentence and paragraph length in Japanese pages")
    assert said[1].startswith("readability of Thai pages")


def test_homeroom_check_says_a_thai_page_was_not_checked(tmp_path: Path) -> None:
    letter = tmp_path / "letter.md"
    letter.write_text("สวัสดีครับ ยินดีต้อนรับ\n", encoding="utf-8")
    done = homeroom("check", "--lang", "th", "--format", "json", str(letter), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert any(line.startswith("readability of Thai pages") for line in report["unchecked"])
    assert report["pages"][0]["metrics"]["measure"] is None


# ---------------------------------------------------------------------------------------
# No text crashes a check, in any language

#: Characters of each language's script, with its punctuation, digits, Markdown and
#: spaces: what a page in that language is made of.
_SCRIPT = {
    "en": "abcdeXYZ",
    "es": "ñáéíóú¿¡",
    "zh": "家长会将于下周三举行们的了",
    "vi": "ăâđêôơưạảấầẩẫậ",
    "ar": "اتصلبنا،؛؟ـًٌ",
    "tl": "abkdgnñ",
    "ht": "èòàwyk",
    "so": "aabcdhkx'",
    "ru": "абвгдеёжзЩЫ",
    "ko": "가족센터는돕습니다네",
    "pt": "ãçõâêô",
    "hmn": "ntxhbvsj",
    "ja": "ありがとう今日は晴れ「」",
    "th": "สวัสดีครับ",
}
_COMMON = " \n\n.!?…。！？｡；，、：.-'’\"()[]#*`|0123456789\u200b\u200f\u202e\ufeff"


@pytest.mark.parametrize("language", [*SITE_LANGUAGES, "ja", "th"])
def test_no_text_crashes_the_readability_check(language: str) -> None:
    alphabet = _SCRIPT[language] + _COMMON

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        st.one_of(
            st.text(alphabet=alphabet, max_size=300),
            st.text(max_size=120),
        )
    )
    def run(text: str) -> None:
        try:
            metrics, findings = check(text, language)
        except InputError:
            return  # a page that cannot be read is reported as such, not a crash
        assert metrics["measure"] in (None, *measures_for(language))
        for finding in findings:
            assert finding.line >= 1 and finding.column >= 1
            assert finding.message

    run()


# ---------------------------------------------------------------------------------------
# Sentence counts are sane on real pages

#: A translation has between half and twice the sentences of its English page.
FACTOR = 2.0


def translated_pages(folder: Path) -> list[tuple[Path, Path]]:
    """(translation, English page) for every translated page of a content folder."""
    pairs = []
    for page in sorted(folder.glob("*.*.md")):
        stem, _, _ = page.name.rsplit(".", 2)
        english = folder / f"{stem}.md"
        if english.exists():
            pairs.append((page, english))
    return pairs


def sentence_count(path: Path, language: str) -> int:
    metrics, _ = check(path.read_text(encoding="utf-8"), language)
    return int(metrics["sentences"])  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("page", "english"),
    [
        *translated_pages(ROOT / "content"),
        *translated_pages(SAMPLES),
    ],
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_a_translation_has_about_as_many_sentences_as_its_english_page(
    page: Path, english: Path
) -> None:
    language = page.name.rsplit(".", 2)[1]
    found, expected = sentence_count(page, language), sentence_count(english, "en")
    assert expected / FACTOR <= found <= expected * FACTOR, (
        f"{page.name}: {found} sentences, {english.name}: {expected}"
    )
