"""Sheet protection: formulas locked, inputs open, rows/columns resizable."""
from __future__ import annotations


def lindungi(ws, sandi: str | None) -> None:
    p = ws.protection
    p.sheet = True
    p.formatColumns = False   # resize columns
    p.formatRows = False      # resize rows
    p.sort = False
    p.autoFilter = False
    p.selectLockedCells = False
    p.selectUnlockedCells = False
    if sandi:
        p.password = sandi
