"""Homeroom: checks that keep school-district pages readable for every family.

The core (everything outside :mod:`homeroom.adapters`) never imports MkDocs, so the same
checks run from the command line, in CI, under ProperDocs, or under an engine that runs
no MkDocs plugins.
"""

__version__ = "0.1.0"
