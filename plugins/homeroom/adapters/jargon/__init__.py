"""``homeroom/jargon``: jargon and deficit language, and the family glossary page."""
