"""Import tables offices already have (CSV/TSV/xlsx/Word-PDF text) into catalogs/workbooks.

One module per concept: baca (file -> numbered rows), judul (header rows and column roles),
jenis (which kind of table), sel (one cell's text), kode (budget codes), satuan (the SATUAN
column), kolom (the tabbed-column reader), teks_pdf (PDF text without tabs), katalog (rows ->
catalog dict), hasil (BarisData, HasilImpor) and tabel (`impor_tabel`, the entry point).
"""
from .baca import BATAS_UKURAN, Baris, baca_baris, bersihkan_sel
from .hasil import BarisData, HasilImpor
from .katalog import ke_katalog
from .sel import pisah_indikator, pisah_target
from .tabel import impor_tabel

__all__ = ["BATAS_UKURAN", "Baris", "baca_baris", "bersihkan_sel", "HasilImpor", "BarisData",
           "impor_tabel", "pisah_indikator", "pisah_target", "ke_katalog"]
