"""Laporan Kinerja (LKj): the year's report computed from a workbook.

    from xl_kinerja.lkj import laporan_kinerja
    lap = laporan_kinerja("kinerja-2027.xlsx")        # LaporanKinerja (dataclasses)
    lap.ke_dict()                                     # the JSON of `xl-kinerja lkj --format json`
    lap.ke_dataframe("indikator")                     # or "sasaran", "anggaran", "riwayat"
"""
from __future__ import annotations

from .baca import Tambahan, baca_buku
from .hitung import susun_laporan
from .model import AnggaranLkj, IndikatorLkj, LaporanKinerja, Riwayat, SasaranLkj
from .sumber import laporan_kinerja

__all__ = ["AnggaranLkj", "IndikatorLkj", "LaporanKinerja", "Riwayat", "SasaranLkj",
           "Tambahan", "baca_buku", "laporan_kinerja", "susun_laporan"]
