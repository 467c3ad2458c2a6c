"""``homeroom/handouts``: a one-page handout with a QR code for each grade page and guide."""
