"""School report cards from data: validation, privacy, import and pages."""
