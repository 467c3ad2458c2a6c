"""``homeroom/readability``: hard sentences and page measures."""
