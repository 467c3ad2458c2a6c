"""Thin MkDocs adapters over the Homeroom core: the only modules that import MkDocs."""
