"""Importing a table file: `impor_tabel` reads the file (baca.py) and interprets its rows
(baris.py); a Word document's tables are read and united by dokumen.py.

Output: `HasilImpor` with `baris` (interpreted data rows, every one with its line number),
`baris_dilewati` (line, reason) and the catalog dict (workbook_templates/KATALOG.md). A Word
document gives one `HasilImpor` per table (`impor_dokumen`) and, for a catalog or a workbook,
their union (dokumen.py).
"""
from __future__ import annotations

from pathlib import Path

from .baca import baca_baris
from .baris import impor_baris, periksa_jenis_diminta
from .dokumen import impor_dokumen
from .hasil import BarisData, HasilImpor

# BarisData and HasilImpor live in hasil.py; still importable from here as before
__all__ = ["BarisData", "HasilImpor", "impor_tabel", "impor_baris"]


def impor_tabel(path, jenis: str | None = None, tahun: int | None = None,
                satker: str = "", polaritas_bawaan: str | None = None) -> HasilImpor:
    """Read a table file and interpret it. `jenis` None: recognised from the headers
    (`HasilImpor.catatan` says which kind was assumed when the headers fit several).
    A Word document (.docx): every table of it, united (`catatan` says which table became
    what). Raises KesalahanBerkas on unusable input or headers that contradict `jenis`."""
    periksa_jenis_diminta(jenis)
    if Path(path).suffix.lower() == ".docx":
        return impor_dokumen(path, jenis, tahun, satker, polaritas_bawaan).gabungan()
    baris, pemisah = baca_baris(path)
    return impor_baris(baris, str(path), jenis, tahun, satker, pemisah,
                       polaritas_bawaan=polaritas_bawaan)
