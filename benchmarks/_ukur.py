"""Shared by the benchmarks: timing and the large satker workbook."""
from __future__ import annotations

import time
from pathlib import Path


def terbaik(fungsi, ulang: int = 5) -> float:
    """Best wall time of `ulang` calls of `fungsi()` (the least disturbed run)."""
    waktu = []
    for _ in range(ulang):
        t0 = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - t0)
    return min(waktu)


def buku_besar(folder: Path) -> Path:
    """A filled satker workbook with 150 indicators and 60 budget lines (bench_rekap's
    catalog), saved in `folder`."""
    from bench_rekap import TAHUN, katalog_besar

    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    from xl_kinerja.katalog import Katalog
    kat, kin, ang = katalog_besar()
    wb = buat_buku_kerja(Katalog.dari_dict(kat), TAHUN, satker="KPU Kabupaten Besar")
    isi_realisasi(wb, kinerja=kin, anggaran=ang)
    return simpan(wb, Path(folder) / "besar.xlsx")
