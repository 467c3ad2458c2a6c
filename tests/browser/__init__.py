"""Real-browser tests: the built site in Debian's Chromium at phone sizes."""
