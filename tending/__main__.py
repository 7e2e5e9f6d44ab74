"""`python -m tending` runs the same command line as `tending`."""

import sys

from tending.cli import main

sys.exit(main())
