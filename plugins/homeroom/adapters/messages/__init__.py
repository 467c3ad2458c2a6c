"""``homeroom/messages``: text-message summaries that fit one text and read plainly."""
