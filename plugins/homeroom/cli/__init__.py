"""The ``homeroom`` command: check, build, explain, new, translations and report cards."""
