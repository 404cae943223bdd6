"""CAPAIAN over 10,000 cells: one array call (what Excel does with a range argument)
versus 10,000 single-cell calls (one UDF per cell), in-process.

This measures only the Python side. In Excel each UDF call also costs a COM round trip
(typically far more than the Python work), so the real gain of the array form is larger
than the ratio printed here; that part can only be measured on Windows
(docs/uji-manual-windows.md).

Run: python benchmarks/bench_udf.py
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _ukur import terbaik  # noqa: E402

from xl_kinerja.addin.udf import CAPAIAN

BARIS, KOLOM = 1000, 10  # 10,000 cells


def _data(seed: int = 7):
    acak = random.Random(seed)
    target = [[acak.choice([100, "97,5%", "1.200", 0, None, "abc"]) for _ in range(KOLOM)]
              for _ in range(BARIS)]
    realisasi = [[acak.choice([95, 1500, "90%", None, 0]) for _ in range(KOLOM)]
                 for _ in range(BARIS)]
    polaritas = [[acak.choice(["maks", "min"]) for _ in range(KOLOM)] for _ in range(BARIS)]
    return target, realisasi, polaritas


def main() -> None:
    t, r, p = _data()
    larik = CAPAIAN(t, r, p)
    per_sel = [[CAPAIAN(t[i][j], r[i][j], p[i][j]) for j in range(KOLOM)] for i in range(BARIS)]
    assert larik == per_sel, "hasil larik berbeda dengan per sel"
    w_larik = terbaik(lambda: CAPAIAN(t, r, p))
    w_sel = terbaik(lambda: [[CAPAIAN(t[i][j], r[i][j], p[i][j]) for j in range(KOLOM)]
                              for i in range(BARIS)])
    print(f"CAPAIAN {BARIS * KOLOM} sel, satu panggilan larik : {w_larik * 1000:8.1f} ms")
    print(f"CAPAIAN {BARIS * KOLOM} sel, satu panggilan per sel: {w_sel * 1000:8.1f} ms")
    print(f"rasio per sel / larik: {w_sel / w_larik:.2f}x (hanya sisi Python; di Excel "
          "ditambah biaya COM per panggilan)")


if __name__ == "__main__":
    main()
