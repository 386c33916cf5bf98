"""``python -m synthetic`` (from bench/) writes a synthetic model; see the package's docstring."""

import sys

from . import main

sys.exit(main())
