"""``python -m entente``: the command line."""

import sys

from entente.cli import main

sys.exit(main())
