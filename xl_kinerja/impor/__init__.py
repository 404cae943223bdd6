"""Import tables offices already have (Word .docx, .xlsx, .ods, .xls, CSV/TSV, Word-PDF
text) into catalogs/workbooks.

One module per concept: baca (file -> numbered rows), word (the tables of a .docx with their
position), judul (header rows and column roles), jenis (which kind of table), sel (one cell's
text), kode (budget codes), satuan (the SATUAN column), polaritas (each indicator's polarity
and why), kolom (the tabbed-column reader), teks_pdf (PDF text without tabs), katalog (rows ->
catalog dict, and the check that `baru` accepts it), hasil (BarisData, HasilImpor), baris
(`impor_baris`: one table's rows), dokumen (`impor_dokumen`: every table of a Word
document), tabel (`impor_tabel`, the entry point) and buku (`ke_buku_kerja`: the standard
workbook, realisasi put in its triwulan).
"""
from __future__ import annotations

from ..muka import muka_malas

# Names are imported on first use (muka.py): `periksa` of a workbook uses `impor.sel`
# and must not load the Word reader (python-docx) or the workbook writer (openpyxl).
_DARI = {
    "BATAS_UKURAN": "baca", "Baris": "baca", "baca_baris": "baca", "bersihkan_sel": "baca",
    "ke_buku_kerja": "buku", "triwulan_dari_judul": "buku",
    "HasilDokumen": "dokumen", "impor_dokumen": "dokumen",
    "BarisData": "hasil", "HasilImpor": "hasil",
    "ke_katalog": "katalog", "periksa_katalog": "katalog",
    "pisah_indikator": "sel", "pisah_target": "sel",
    "impor_tabel": "tabel",
    "TabelWord": "word", "baca_tabel_word": "word",
}

__all__ = sorted(_DARI)

__getattr__, __dir__ = muka_malas(__name__, _DARI, globals())
