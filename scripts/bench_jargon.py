#!/usr/bin/env python3
"""Jargon and respectful-language benchmark: precision, recall and speed.

Runs the jargon check with the shipped glossaries over realistic family texts (written for
this benchmark, in English and Spanish) in which a person marked every term that should
be flagged with ``{{...}}``. A finding counts as right when it starts inside a marked span;
a marked span with no finding is a miss.

Usage: ``.venv/bin/python scripts/bench_jargon.py``. Deterministic.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from homeroom.checks.jargon import JargonCheck
from homeroom.data.glossary import load_glossaries
from homeroom.data.sources import source_from_text
from homeroom.run import engine

ROOT = Path(__file__).resolve().parent.parent
MARK = re.compile(r"\{\{(.+?)\}\}", re.DOTALL)

TEXTS: dict[str, list[str]] = {
    "en": [
        "Dear families,\n\nYour child will take the winter {{benchmark}} next week. The results help "
        "teachers plan small-group {{interventions}}. We use {{formative assessments}} every day, "
        "and the state test is a {{summative assessment}} given in spring.\n",
        "This year our school moved to {{standards-based grading}}. Instead of letters, your child "
        "gets a number from 1 to 4 on each skill. A 3 means your child is {{proficient}}.\n",
        "If your child has an {{IEP}}, please bring it to the conference. We will talk about "
        "{{accommodations}} and how your child is doing in class.\n",
        "Some {{at-risk students}} will join an after-school program. We know many "
        "{{hard-to-reach parents}} work evenings, so we will call on weekends too.\n",
        "Our school uses {{MTSS}} to decide which students get extra help in reading. Students in "
        "{{Tier 2}} meet with a reading teacher three times a week.\n",
        "Last year {{chronic absenteeism}} went down. Students who miss fewer days learn more. "
        "Please call the office when your child is sick.\n",
        "Families of {{English language learners}} can ask for a free interpreter. Your child's "
        "{{ELD}} teacher will share progress at the conference.\n",
        "Please read with your child every night. Talk about the story in any language you "
        "speak at home. Visit the library on Saturday mornings.\n",
        "The report card shows your child's {{growth percentile}} in math. It compares your "
        "child's growth with other students who started at the same place.\n",
        "Some students come from {{broken homes}} and need more care. Every family has "
        "strengths we can build on together.\n",
    ],
    "es": [
        "Estimadas familias:\n\nLa próxima semana su hijo tendrá la {{evaluación formativa}} de "
        "invierno. Los resultados ayudan a los maestros a planear grupos pequeños.\n",
        "Si su hijo tiene un {{IEP}}, tráigalo a la conferencia. Hablaremos de cómo le va en clase.\n",
        "Algunos {{estudiantes en riesgo}} participarán en un programa después de clases. Sabemos "
        "que muchos {{padres difíciles de alcanzar}} trabajan de noche.\n",
        "Este año bajó el {{ausentismo crónico}}. Los estudiantes que faltan menos aprenden más. "
        "Llame a la oficina cuando su hijo esté enfermo.\n",
        "Lea con su hijo todas las noches. Hablen del cuento en el idioma que usan en casa. "
        "Visiten la biblioteca los sábados.\n",
        "La boleta muestra si su hijo es {{competente}} en lectura. También muestra el "
        "{{percentil de crecimiento}} en matemáticas.\n",
        "Para {{cumplimentar}} el formulario, escriba el nombre del {{progenitor}} o tutor.\n",
        "Hay niños de {{hogares desestructurados}} que necesitan más cariño. Cada familia tiene "
        "fortalezas.\n",
    ],
}


def score(
    language: str, texts: list[str], check: JargonCheck
) -> tuple[int, int, int, int, list[str]]:
    """(true positives, false positives, misses, words, notes) for one language."""
    tp = fp = fn = words = 0
    notes: list[str] = []
    for number, marked in enumerate(texts, start=1):
        spans: list[tuple[int, int]] = []
        plain_parts: list[str] = []
        last = 0
        for m in MARK.finditer(marked):
            plain_parts.append(marked[last : m.start()])
            start = sum(map(len, plain_parts))
            plain_parts.append(m.group(1))
            spans.append((start, start + len(m.group(1))))
            last = m.end()
        plain_parts.append(marked[last:])
        text = "".join(plain_parts)
        words += len(text.split())
        source = source_from_text(text, f"{language}-{number}.md", "p.md", "p.md", language)
        found, _ = engine.check_page(source, [check])
        lines = text.split("\n")
        offsets = [sum(len(x) + 1 for x in lines[: f.line - 1]) + f.column - 1 for f in found]
        hit: set[int] = set()
        for finding, offset in zip(found, offsets, strict=True):
            inside = [i for i, (a, b) in enumerate(spans) if a <= offset < b]
            if inside:
                tp += 1
                hit.update(inside)
            else:
                fp += 1
                notes.append(
                    f"  extra in {language} text {number}: {finding.rule} on {finding.match!r}"
                )
        for i, (a, b) in enumerate(spans):
            if i not in hit:
                fn += 1
                notes.append(f"  missed in {language} text {number}: {text[a:b]!r}")
    return tp, fp, fn, words, notes


def main() -> int:
    glossaries = load_glossaries(ROOT / "content" / "_data", ROOT, list(TEXTS))
    check = JargonCheck(glossaries)
    rows = [
        "| language | texts | marked terms | precision | recall | words per second |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    all_notes: list[str] = []
    for language, texts in TEXTS.items():
        started = time.perf_counter()
        runs = 20
        for _ in range(runs):
            engine._CACHE.clear()  # time real checking, not the cache
            tp, fp, fn, words, notes = score(language, texts, check)
        seconds = (time.perf_counter() - started) / runs
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        rows.append(
            f"| {language} | {len(texts)} | {tp + fn} | {precision:.2f} | {recall:.2f} | {words / seconds:,.0f} |"
        )
        all_notes += notes
    print("### Jargon and respectful language (shipped glossaries)\n")
    print("\n".join(rows))
    if all_notes:
        print("\nDifferences from the marked texts:")
        print("\n".join(all_notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
