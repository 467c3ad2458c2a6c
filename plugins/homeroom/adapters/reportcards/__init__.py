"""MkDocs adapter for the report cards."""
