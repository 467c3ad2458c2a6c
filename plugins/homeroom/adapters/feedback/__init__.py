"""``homeroom/feedback``: "Was this page clear?" and a person to reach, on every family page."""
