"""The family glossary page: the words families will still meet, in plain words."""

from __future__ import annotations

from homeroom.data.glossary import Glossary

#: Page text per language. A language without labels gets no generated page.
LABELS = {
    "en": {
        "title": "Words you may hear at school",
        "intro": "Schools use many special words. Here they are in plain words. You can always ask the teacher what a word means.",
        "plain": "In plain words",
    },
    "es": {
        "title": "Palabras que puede oír en la escuela",
        "intro": "Las escuelas usan muchas palabras especiales. Aquí están en palabras sencillas. Siempre puede preguntar al maestro qué significa una palabra.",
        "plain": "En palabras sencillas",
    },
}


def glossary_markdown(glossary: Glossary) -> str | None:
    """The glossary page in the glossary's language, or None when there are no labels for it."""
    labels = LABELS.get(glossary.language.split("-")[0])
    if labels is None:
        return None
    terms = sorted(
        (e for e in glossary.entries if e.category == "jargon"), key=lambda e: e.term.lower()
    )
    lines = [
        "---",
        f"title: {labels['title']}",
        "type: glossary",
        "---",
        "",
        f"# {labels['title']}",
        "",
        labels["intro"],
        "",
    ]
    for entry in terms:
        # A plain HTML anchor, so links like glossary.md#iep work without attr_list.
        lines += [
            f'<div id="{entry.id}"></div>',
            "",
            f"## {entry.term}",
            "",
            entry.explain,
            "",
            f"{labels['plain']}: {', '.join(entry.plain)}.",
            "",
        ]
    return "\n".join(lines)
