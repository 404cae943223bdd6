"""Rekap Triwulan: the quarterly summary of a generator workbook.

Reading (`baca.baca_nilai`, `baca_nilai_xlwings`) goes through the contract reader
(xl_kinerja.kontrak);
the engine (`hitung_rekap`) is pure and computes every figure with the core from the INPUT
columns; writers share one layout (`tulis._tata_letak`): `rekap_berkas` writes the sheet
straight into the file's xlsx package (`paket`: every other part copied byte for byte),
`tulis_rekap_openpyxl` into an open openpyxl Workbook, `tulis_rekap_xlwings` into a live
workbook (the add-in).
"""
from __future__ import annotations

from .baca import baca_nilai, baca_nilai_xlwings
from .mesin import BarisAnggaran, DataBuku, Indikator, Rekap, hitung_rekap, romawi
from .tulis import rekap_berkas, tulis_rekap_openpyxl, tulis_rekap_xlwings

__all__ = ["DataBuku", "Indikator", "BarisAnggaran", "Rekap", "baca_nilai", "baca_nilai_xlwings",
           "hitung_rekap", "romawi", "tulis_rekap_openpyxl", "tulis_rekap_xlwings",
           "rekap_berkas"]
