"""Translation coverage: every page in every required language, current and with the same facts."""
