"""Saving the workbook and naming its file."""
from __future__ import annotations

import re
from pathlib import Path

from ..berkas import tulis_atomik
from ..jeda import tanpa_gc


def simpan(wb, tujuan, timpa: bool = False, *, masukan=(), kemajuan=None) -> Path:
    """Save atomically (temporary file + rename); an existing file needs `timpa=True`;
    `masukan` = the inputs it must not replace (berkas.tulis_atomik). `kemajuan`: the
    progress bar of `buat_buku_kerja`, whose last step is this save."""
    if kemajuan is not None:
        kemajuan.maju(0, keterangan="menyimpan")
    with tanpa_gc():  # openpyxl's save builds an object per cell (jeda.py)
        hasil = tulis_atomik(tujuan, lambda p: wb.save(p), timpa=timpa, masukan=masukan)
    if kemajuan is not None:
        kemajuan.maju(keterangan="tersimpan")
    return hasil


def nama_berkas(satker: str, tahun: int) -> str:
    """'KPU Kabupaten Contoh', 2027 -> 'kinerja-2027-kpu-kabupaten-contoh.xlsx'."""
    slug = re.sub(r"[^a-z0-9]+", "-", satker.lower()).strip("-") or "satker"
    return f"kinerja-{tahun}-{slug[:60]}.xlsx"
