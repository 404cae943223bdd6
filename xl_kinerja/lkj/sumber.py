"""The library call: a workbook path (and optionally last year's) -> LaporanKinerja."""
from __future__ import annotations

from .baca import baca_buku
from .hitung import susun_laporan
from .model import LaporanKinerja


def laporan_kinerja(path, tahun_lalu=None, **opsi) -> LaporanKinerja:
    """The LKj content of workbook `path` (made by `xl-kinerja baru`, filled for the year).

    `tahun_lalu`: last year's workbook (for the comparison with last year and last year's
    budget). `opsi` go to `susun_laporan`: aturan_efisiensi ("selisih" | "rasio"), dasar
    ("sasaran" | "indikator"), batas_atas, nasional, peta_anggaran."""
    data, tambahan = baca_buku(path)
    lalu = baca_buku(tahun_lalu) if tahun_lalu is not None else None
    return susun_laporan(data, tambahan, lalu, **opsi)
