"""Helpers for the theme: HTML the site's hooks and templates use (tables, script hashes)."""
