"""`python -m liptako import FILE` / `python -m liptako summary`: see `liptako.cli`."""

import sys

from liptako.cli import main

sys.exit(main())
