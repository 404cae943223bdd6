"""JSON and CSV forms of the consolidation (`konsolidasi --format json|csv`)."""
from __future__ import annotations

import csv
import io
import json

from .tabel import Konsolidasi


def ke_json(ks: Konsolidasi) -> str:
    """All tables as one JSON document (fractions for percentages, null for blank)."""
    return json.dumps(ks.ke_dict(), ensure_ascii=False, indent=2, default=str)


def ke_csv(ks: Konsolidasi, bagian: str = "ringkasan") -> str:
    """One table as CSV: comma separated, dot decimals, fractions for percentages (for
    programs, not for the eye: open the .xlsx for that); lists joined with '; '."""
    baris = ks.baris(bagian)
    kolom: list[str] = []
    for b in baris:
        kolom += [k for k in b if k not in kolom]
    keluar = io.StringIO()
    w = csv.writer(keluar, lineterminator="\n")
    w.writerow(kolom)
    for b in baris:
        w.writerow(["" if b.get(k) is None else
                    "; ".join(map(str, b[k])) if isinstance(b.get(k), list) else
                    ("ya" if b[k] else "tidak") if isinstance(b.get(k), bool) else b[k]
                    for k in kolom])
    return keluar.getvalue()
