"""``python -m summarizer``: the command line (same as the ``summarizer`` script)."""

import sys

from summarizer.cli import main

sys.exit(main())
