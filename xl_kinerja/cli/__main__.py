"""`python -m xl_kinerja.cli`: the same command line as the `xl-kinerja` script."""
from __future__ import annotations

import sys

from . import main

sys.exit(main())
