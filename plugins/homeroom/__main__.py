"""``python -m homeroom``: the same as the ``homeroom`` command."""

import sys

from homeroom.cli.main import main

sys.exit(main())
