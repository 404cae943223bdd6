"""Import tables offices already have (CSV/TSV/xlsx/Word-PDF text) into catalogs/workbooks.

One module per concept: baca (file -> numbered rows), judul (header rows and column roles),
jenis (which kind of table), sel (one cell's text), kode (budget codes), satuan (the SATUAN
column), kolom (the tabbed-column reader), teks_pdf (PDF text without tabs), katalog (rows ->
catalog dict), hasil (BarisData, HasilImpor), tabel (`impor_tabel`, the entry point) and buku
(`ke_buku_kerja`: the standard workbook, budget realisasi put in its triwulan).
"""
from .baca import BATAS_UKURAN, Baris, baca_baris, bersihkan_sel
from .buku import ke_buku_kerja, triwulan_dari_judul
from .hasil import BarisData, HasilImpor
from .katalog import ke_katalog
from .sel import pisah_indikator, pisah_target
from .tabel import impor_tabel

__all__ = ["BATAS_UKURAN", "Baris", "baca_baris", "bersihkan_sel", "HasilImpor", "BarisData",
           "impor_tabel", "pisah_indikator", "pisah_target", "ke_katalog", "ke_buku_kerja",
           "triwulan_dari_judul"]
