"""Text analysis: Markdown to units of prose, sentences, words, syllables and measures.

Knows nothing of sites or rules; imports only :mod:`homeroom.model`.
"""
