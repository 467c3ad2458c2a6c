"""The records everything else shares: findings, errors, languages, memo, fingerprints.

The lowest layer: it imports nothing else of Homeroom.
"""
