"""``homeroom/content``: refuse pages that cannot be read, are unsafe or are unfinished."""
