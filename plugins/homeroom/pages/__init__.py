"""Pages Homeroom writes: the family glossary, the staff status page, new pages' scaffolds."""
