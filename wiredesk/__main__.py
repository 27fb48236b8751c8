"""Allow `python -m wiredesk`."""

import sys

from .cli.main import main

sys.exit(main())
