"""``homeroom/pagetypes``: every page has its type's sections, in order."""
