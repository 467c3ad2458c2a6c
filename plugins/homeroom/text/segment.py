"""Words of a text, found the way its writing system marks them.

Most of the site's languages put spaces between words, and a word is a run of letters and
digits (``don't`` and ``well-being`` are one word each). Chinese does not: ``家长会将于下周三举行``
is one run of characters and five words. Chinese words are found by jieba, whose
dictionary is part of the installed package (nothing is downloaded, and no cache file is
read or written); it is loaded only when a Chinese text is first measured, which takes
under a second. Text in other scripts inside a Chinese page (``IEP``, ``3:30``) is split
by spaces as usual.

Japanese, Thai, Lao, Khmer, Burmese and Tibetan are also written without spaces, and
Homeroom installs no word list for them: :func:`counts_words` is False, so no measure or
limit in words is applied to them (characters are counted instead, where their sentences
can be found).
"""

from __future__ import annotations

import logging
import re
import warnings
from functools import lru_cache
from typing import TYPE_CHECKING

from homeroom.text.syllables import base_language

if TYPE_CHECKING:
    from jieba import Tokenizer

#: A word in a language written with spaces: letters and digits, joined by an apostrophe
#: or a hyphen.
WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*", re.UNICODE)

#: Han characters (the CJK blocks and their extensions), which jieba splits into words.
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")

#: Languages written without spaces between words, and with no word list installed.
UNSEGMENTED_LANGUAGES = frozenset({"ja", "th", "lo", "km", "my", "bo"})

#: Languages whose words are found with jieba.
JIEBA_LANGUAGES = frozenset({"zh", "yue", "wuu"})


def counts_words(language: str) -> bool:
    """Whether Homeroom can tell the words of ``language`` (so limits in words apply)."""
    return base_language(language) not in UNSEGMENTED_LANGUAGES


def word_counting(language: str) -> str:
    """How words are found, in words for staff: ``spaces``, ``jieba`` or ``none``."""
    base = base_language(language)
    if base in JIEBA_LANGUAGES:
        return "jieba"
    return "none" if base in UNSEGMENTED_LANGUAGES else "spaces"


def word_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Where each word of ``text`` starts and ends (offsets into ``text``)."""
    if base_language(language) not in JIEBA_LANGUAGES or HAN_RUN.search(text) is None:
        return [m.span() for m in WORD_RE.finditer(text)]
    spans: list[tuple[int, int]] = []
    at = 0
    for run in HAN_RUN.finditer(text):
        spans.extend(m.span() for m in WORD_RE.finditer(text, at, run.start()))
        spans.extend((run.start() + a, run.start() + b) for a, b in _han_words(run.group()))
        at = run.end()
    spans.extend(m.span() for m in WORD_RE.finditer(text, at))
    return spans


def words_in(text: str, language: str) -> list[str]:
    """The words of ``text`` in ``language`` (Chinese by jieba, others by spaces)."""
    return [text[a:b] for a, b in word_spans(text, language)]


@lru_cache(maxsize=4096)
def _han_words(run: str) -> tuple[tuple[int, int], ...]:
    """Word offsets in a run of Han characters, from jieba's dictionary and its HMM.

    Cached: a site repeats its phrases (headings, the school's name) in every language.
    """
    return tuple((start, end) for _, start, end in _tokenizer().tokenize(run))


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    """The jieba tokenizer with its packaged dictionary, built once per process.

    jieba would log its start-up to standard error and keep a cache file in the shared
    temporary folder (reading back whatever file is found there). Homeroom builds the
    dictionary in memory instead and silences the log; it never calls jieba's
    ``enable_paddle``, which runs ``pip install``.
    """
    logging.getLogger("jieba").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        # jieba 0.42 reads its files through setuptools' deprecated pkg_resources when it
        # is installed, and its modules have old string escapes: warnings for jieba's
        # authors, not for a district.
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        import jieba

    jieba.setLogLevel(logging.ERROR)
    tokenizer = jieba.Tokenizer()
    # The packaged dictionary, opened from the installed package (gen_pfdict closes it).
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    return tokenizer
