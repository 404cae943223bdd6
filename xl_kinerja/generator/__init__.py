"""Workbook generator: the year's IKU, RKT, PK, Rencana Aksi, Pengukuran and Anggaran.

    from xl_kinerja.katalog import Katalog
    from xl_kinerja.generator import buat_buku_kerja, simpan
    wb = buat_buku_kerja(Katalog.bawaan(), 2027, satker="KPU Kabupaten Contoh")
    simpan(wb, "kinerja-2027.xlsx")
"""
from __future__ import annotations

import re
from pathlib import Path

from ..berkas import tulis_atomik
from .buku import (KERTAS, LEMBAR_ANGG, LEMBAR_IKU, LEMBAR_PK_KPU, LEMBAR_PK_SEKRETARIAT,
                   LEMBAR_REF, LEMBAR_RENAKSI, LEMBAR_RKT, LEMBAR_UKUR, buat_buku_kerja)
from .dari import katalog_dari_buku_kerja
from .isi import isi_realisasi

LEMBAR = (LEMBAR_IKU, LEMBAR_RKT, LEMBAR_PK_KPU, LEMBAR_PK_SEKRETARIAT, LEMBAR_RENAKSI,
          LEMBAR_UKUR, LEMBAR_ANGG, LEMBAR_REF)

__all__ = ["buat_buku_kerja", "simpan", "nama_berkas", "katalog_dari_buku_kerja",
           "isi_realisasi", "LEMBAR", "KERTAS"]


def simpan(wb, tujuan, timpa: bool = False) -> Path:
    """Save atomically (temporary file + rename); an existing file needs `timpa=True`."""
    return tulis_atomik(tujuan, lambda p: wb.save(p), timpa=timpa)


def nama_berkas(satker: str, tahun: int) -> str:
    """'KPU Kabupaten Contoh', 2027 -> 'kinerja-2027-kpu-kabupaten-contoh.xlsx'."""
    slug = re.sub(r"[^a-z0-9]+", "-", satker.lower()).strip("-") or "satker"
    return f"kinerja-{tahun}-{slug[:60]}.xlsx"
