"""The package version, in a leaf module so that modules inside the package (the CLI's
--versi, the workbook's "Dibuat dengan" cell) need not import the package face."""
from __future__ import annotations

VERSI = "0.1.0"
