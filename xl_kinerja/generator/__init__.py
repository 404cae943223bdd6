"""Workbook generator: the year's IKU, RKT, PK, Rencana Aksi, Pengukuran and Anggaran.

    from xl_kinerja.katalog import Katalog
    from xl_kinerja.generator import buat_buku_kerja, simpan
    wb = buat_buku_kerja(Katalog.bawaan(), 2027, satker="KPU Kabupaten Contoh")
    simpan(wb, "kinerja-2027.xlsx")

Layout: `buku` orders the sheet builders of `lembar` (one module per sheet); `tata` holds
positions and the row layouts passed between builders; `gaya` the styles and cell
writers; `cetak`, `proteksi`, `penamaan` the print setup, protection and defined names;
`dokumen` the parts the document sheets share; `rumus` the formula texts.
"""
from __future__ import annotations

from .buku import LANGKAH_BUKU, buat_buku_kerja
from .dari import katalog_dari_buku_kerja
from .isi import isi_realisasi
from .keluaran import nama_berkas, simpan
from .tata import KERTAS, LEMBAR

__all__ = ["buat_buku_kerja", "LANGKAH_BUKU", "simpan", "nama_berkas", "katalog_dari_buku_kerja",
           "isi_realisasi", "LEMBAR", "KERTAS"]
