"""Import tables offices already have (CSV/TSV/xlsx/Word-PDF text) into catalogs/workbooks."""
from .baca import BATAS_UKURAN, Baris, baca_baris, bersihkan_sel
from .tabel import HasilImpor, BarisData, impor_tabel, pisah_indikator, pisah_target, ke_katalog

__all__ = ["BATAS_UKURAN", "Baris", "baca_baris", "bersihkan_sel", "HasilImpor", "BarisData",
           "impor_tabel", "pisah_indikator", "pisah_target", "ke_katalog"]
