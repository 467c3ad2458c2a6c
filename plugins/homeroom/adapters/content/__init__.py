"""``homeroom/content``: refuse sources that cannot be read as they are."""
