"""Plain words that fit the sentence: a glossary entry's alternatives for one matched form.

A suggestion replaces the matched words in the author's sentence, so it keeps their form:

- **which alternatives**: an entry that covers several terms (``Tier 1``, ``Tier 2``) gives
  each form its own plain words (``plain_for:``), so "Tier 3" is never "help for everyone";
- **number**: a plural form ("benchmark assessments") gets the plural of the plain words
  ("check-in tests"), from the entry's ``plural:`` list or, without one, by the language's
  regular plural of the head words (:func:`pluralize`);
- **capitals**: a form written with a capital, or at the start of a sentence, gets a capital.

Instructions to the writer ("say the program's name once") are never part of a suggestion:
they are the entry's ``note:``, which the message shows.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from homeroom.text.syllables import base_language

if TYPE_CHECKING:
    from homeroom.data.glossary import Entry

# Words after the head of an English noun phrase ("test *that* shows", "check *during*
# learning"): the head is the word before the first of them.
_EN_AFTER_HEAD = frozenset(
    "of for that which who whose in on with to from at about during given where when than "
    "like by before after without so".split()
)
_EN_VERBS = {"is": "are", "has": "have", "was": "were", "does": "do"}
_EN_SAME = frozenset("sheep fish series news staff homework information help time".split())
_EN_IRREGULAR = {"child": "children", "person": "people", "man": "men", "woman": "women"}
# Spanish: nouns and adjectives before the first of these words agree in number.
_ES_AFTER_HEAD = frozenset(
    "de del en para con que a al por sin sobre como entre o y donde cuando".split()
)
_ES_ARTICLES = {"el": "los", "la": "las", "un": "unos", "una": "unas", "su": "sus"}
_ES_SAME = frozenset("más menos muy extra".split())
_ES_CLITICS = frozenset("se le les lo la los las no ya nos me te".split())
_ES_NOUNS = frozenset(
    "estudiante alumno alumna niño niña familia padre madre prueba examen evaluación clase "
    "grupo plan programa reunión maestro maestra día hora escuela carta meta nivel resultado "
    "revisión tarea servicio ayuda persona".split()
)
_ACCENTED = str.maketrans("áéíóú", "aeiou")
_ACCENT = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}


@lru_cache(maxsize=65536)
def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def _already_plural(word: str) -> bool:
    lower = word.lower()
    return lower in _EN_IRREGULAR.values() or bool(re.fullmatch(r"[a-z'-]*[^siu's]s", lower))


def _plural_en(word: str) -> str:
    lower = word.lower()
    if lower in _EN_SAME or not word[-1:].isalpha():
        return word
    if lower in _EN_IRREGULAR:
        return word[0] + _EN_IRREGULAR[lower][1:]
    if re.search(r"[^aeiou]y$", lower):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", lower):
        return word + "es"
    return word + "s"


def _plural_es(word: str) -> str:
    lower = word.lower()
    if lower in _ES_ARTICLES:
        return _ES_ARTICLES[lower]
    if lower in _ES_SAME or not word[-1:].isalpha():
        return word
    if lower.endswith("s") or lower.endswith("x"):
        return word
    if lower.endswith("z"):
        return word[:-1] + "ces"
    if lower[-1] in "aeiouáéó":
        return word + "s"
    if re.search(r"[áéíóú][ns]$", lower):
        # "evaluación" -> "evaluaciones", "inglés" -> "ingleses": the stress needs no mark.
        return word[:-2] + word[-2].translate(_ACCENTED) + word[-1] + "es"
    m = re.search(r"([aeiou])([^aeiouáéíóú]*[aeiou]n)$", lower)
    if m and not re.search(r"[áéíóú]", lower):
        # "examen" -> "exámenes", "imagen" -> "imágenes": the stress moves back a syllable.
        i = m.start(1)
        return word[:i] + _ACCENT[word[i].lower()] + word[i + 1 :] + "es"
    return word + "es"


def pluralize(plain: str, language: str) -> str:
    """The plural of plain words, by the regular rules of the language.

    English: the head noun (the word before "of", "that", "during" ...) takes the plural and
    a leading "a"/"an" goes ("a check that shows" -> "checks that show"). Spanish: every
    word before the first preposition agrees ("prueba corta de lectura" -> "pruebas cortas
    de lectura"). Languages without rules keep the words as they are.
    """
    words = plain.split()
    if not words:
        return plain
    base = base_language(language)
    if base == "en":
        if words[0].lower() in ("a", "an", "one") and len(words) > 1:
            words = words[1:]
        head = next(
            (i - 1 for i, w in enumerate(words) if i > 0 and w.lower() in _EN_AFTER_HEAD),
            len(words) - 1,
        )
        if any(_already_plural(w) for w in words[: head + 1]):
            return plain  # "children exposed to", "changes in how": plural already
        words[head] = _plural_en(words[head])
        # The verb after "that", "which" or "who" agrees: "checks that show".
        at = head + 2
        if at < len(words) and words[head + 1].lower() in ("that", "which", "who"):
            verb = words[at]
            if verb.lower() in _EN_VERBS:
                words[at] = _EN_VERBS[verb.lower()]
            elif re.fullmatch(r"[a-z]+[^s]s", verb):
                words[at] = verb[:-2] if verb.endswith(("ches", "shes")) else verb[:-1]
        return " ".join(words)
    if base == "es":
        # Only a phrase that plainly starts with a noun: an article, or a noun families'
        # letters use often. Instructions ("describa lo que pasó") have no plural.
        if words[0].lower() not in _ES_ARTICLES and words[0].lower() not in _ES_NOUNS:
            return plain
        if words[0].lower() in ("un", "una") and len(words) > 1:
            words = words[1:]
        end = next(
            (i for i, w in enumerate(words) if i > 0 and w.lower() in _ES_AFTER_HEAD), len(words)
        )
        words = [_plural_es(w) for w in words[:end]] + words[end:]
        # The verb after "que" agrees: "estudiantes que están aprendiendo".
        if end < len(words) - 1 and words[end].lower() == "que":
            at = end + 1
            while at < len(words) - 1 and words[at].lower() in _ES_CLITICS:
                at += 1
            verb = words[at]
            if verb.lower() == "es":
                words[at] = "son"
            elif re.fullmatch(r"[a-záéíóú]{2,}[aeá]", verb):
                words[at] = verb + "n"
        return " ".join(words)
    return plain


def _singulars(word: str) -> set[str]:
    """The singulars a plural word may have (accents ignored): "tests" -> test, "tes"."""
    word = _strip_accents(word)
    found = {word}
    if word.endswith("ies"):
        found.add(word[:-3] + "y")
    if word.endswith("es"):
        found.add(word[:-2])
        if word.endswith("ces"):
            found.add(word[:-3] + "z")
    if word.endswith("s"):
        found.add(word[:-1])
    if word.endswith("ren"):
        found.add(word[:-3])  # children
    return found


@lru_cache(maxsize=65536)
def is_plural(form: str, forms: tuple[str, ...]) -> bool:
    """Whether ``form`` is the plural of another of the entry's forms.

    Word by word, each word equals the other form's word or is a plural of it, and at least
    one is: "benchmark tests" (of "benchmark test"), "evaluaciones formativas" (of
    "evaluación formativa"). Case and accents are ignored.
    """
    mine = form.lower().split()
    for other in forms:
        theirs = _strip_accents(other.lower()).split()
        if len(theirs) != len(mine) or theirs == [_strip_accents(w) for w in mine]:
            continue
        if all(t in _singulars(w) for w, t in zip(mine, theirs, strict=True)):
            return True
    return False


def term_of(entry: Entry, matched: str) -> tuple[str, ...]:
    """Which of the entry's terms the words ``matched`` are, for counting uses on a page.

    An entry is one term, whatever form is used ("benchmark", "benchmark tests"), unless
    it says its forms are several terms (``separate_terms: true``, as for "Tier 2" and
    "Tier 3"): then each form with plain words of its own is a term, and a plural is the
    same term as its singular ("tape diagrams", "tape diagram").
    """
    key = " ".join(matched.lower().split())
    if not entry.separate_terms or key not in entry.plain_for:
        return entry.plain
    for form in entry.forms:
        single = " ".join(form.lower().split())
        if single in entry.plain_for and is_plural(key, (single,)):
            return entry.plain_for[single]
    return entry.plain_for[key]


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


#: Words that already open a noun phrase: after them, plain words drop their own article
#: ("the [the parent group]" would say "the" twice).
_DETERMINERS = {
    "en": frozenset(
        "a an the your our their his her my its this that these those each every".split()
    ),
    "es": frozenset(
        "el la los las un una unos unas su sus nuestro nuestra nuestros nuestras este esta estos estas cada".split()
    ),
}
_ARTICLES = {
    "en": frozenset("a an the".split()),
    "es": frozenset("el la los las un una unos unas".split()),
}


def without_article(plain: str, previous: str, language: str) -> str:
    """The plain words without their leading article when the word before already is one."""
    base = base_language(language)
    first, _, rest = plain.partition(" ")
    if (
        rest
        and previous.lower() in _DETERMINERS.get(base, ())
        and first.lower() in _ARTICLES.get(base, ())
    ):
        return _capitalize(rest) if first[:1].isupper() else rest
    return plain


def alternatives(
    entry: Entry,
    matched: str,
    language: str,
    sentence_start: bool = False,
    capitals: bool = True,
) -> tuple[str, ...]:
    """The entry's plain words for the words ``matched``, in their number and capitals.

    ``capitals=False`` for words that go inside an explanation's brackets.
    """
    key = " ".join(matched.lower().split())
    chosen = entry.plain_for.get(key)
    if chosen is None:
        chosen = entry.plain
        if is_plural(key, entry.forms):
            chosen = entry.plural or tuple(pluralize(p, language) for p in chosen)
    # A capital the author wrote ("Benchmark assessments begin ...") is kept; a capital the
    # term always has ("Tier 2", "IEP") is not the sentence's, so only a sentence start is.
    written = next((f for f in entry.forms if " ".join(f.lower().split()) == key), matched)
    if not capitals:
        return chosen
    # An abbreviation's capitals are its own too ("SPED kids").
    authored = matched[:1].isupper() and not matched.split()[0].isupper()
    if sentence_start or (authored and not written[:1].isupper()):
        chosen = tuple(_capitalize(p) for p in chosen)
    return chosen
