"""Registering workbook-level defined names (the contract of nama.py)."""
from __future__ import annotations

from openpyxl.workbook.defined_name import DefinedName

from .. import nama as N
from .tata import ref_abs


def tetapkan(wb, nama: str, ref: str) -> None:
    """Define `nama` (workbook scope) as `ref` ('Lembar'!$A$1:$A$9)."""
    wb.defined_names[nama] = DefinedName(nama, attr_text=ref)


def tetapkan_kolom(wb, lembar: str, awal: int, akhir: int, kolom) -> None:
    """Name one column range per (name, column) pair, rows awal..akhir of `lembar`."""
    for nama, c in kolom:
        tetapkan(wb, nama, ref_abs(lembar, c, awal, c, akhir))


# The Referensi dropdown lists: key used by the builders -> defined name (nama.py).
NAMA_DAFTAR = {
    "satuan": N.REF_DAFTAR_SATUAN, "polaritas": N.REF_DAFTAR_POLARITAS,
    "jenis": N.REF_DAFTAR_JENIS_TARGET, "pj": N.REF_DAFTAR_PENANGGUNG_JAWAB,
    "pelaksana": N.REF_DAFTAR_PELAKSANA, "tanda": N.REF_DAFTAR_TANDA,
}
