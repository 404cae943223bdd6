"""Rekap Triwulan: the quarterly summary of a generator workbook.

Reading (`baca_nilai`, `baca_nilai_xlwings`) finds data by defined names (xl_kinerja.nama);
the engine (`hitung_rekap`) is pure and computes every figure with the core from the INPUT
columns; writers (`tulis_rekap_openpyxl`, `tulis_rekap_xlwings`) share one layout.
"""
from __future__ import annotations

from .mesin import (DataBuku, Indikator, BarisAnggaran, Rekap, baca_nilai, baca_nilai_xlwings,
                    hitung_rekap, romawi)
from .tulis import tulis_rekap_openpyxl, tulis_rekap_xlwings, rekap_berkas

__all__ = ["DataBuku", "Indikator", "BarisAnggaran", "Rekap", "baca_nilai", "baca_nilai_xlwings",
           "hitung_rekap", "romawi", "tulis_rekap_openpyxl", "tulis_rekap_xlwings",
           "rekap_berkas"]
