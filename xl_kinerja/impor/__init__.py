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
from .baca import BATAS_UKURAN, Baris, baca_baris, bersihkan_sel
from .buku import ke_buku_kerja, triwulan_dari_judul
from .dokumen import HasilDokumen, impor_dokumen
from .hasil import BarisData, HasilImpor
from .katalog import ke_katalog, periksa_katalog
from .sel import pisah_indikator, pisah_target
from .tabel import impor_tabel
from .word import TabelWord, baca_tabel_word

__all__ = ["BATAS_UKURAN", "Baris", "baca_baris", "bersihkan_sel", "HasilImpor", "BarisData",
           "impor_tabel", "pisah_indikator", "pisah_target", "ke_katalog", "ke_buku_kerja",
           "triwulan_dari_judul", "impor_dokumen", "HasilDokumen", "baca_tabel_word",
           "TabelWord", "periksa_katalog"]
