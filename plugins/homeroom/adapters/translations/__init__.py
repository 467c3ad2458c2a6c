"""``homeroom/translations``: translation coverage, honest fallbacks, a status page for staff."""
