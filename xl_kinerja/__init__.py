"""xl-kinerja: SAKIP rules (capaian, predikat, anggaran) and standard workbooks for KPU.

The rules core is pure Python with no Excel dependency; everything else (workbook
formulas, the add-in UDFs, the rekap, the checker) derives from it or is tested against it.
"""
from .agregat import capaian_per_sasaran, capaian_satker, rata_rata_capaian
from .anggaran import (
    TINGKAT_ANGGARAN,
    TOLERANSI_JUMLAH,
    jumlah_sesuai,
    persen_anggaran,
    rincian_anggaran,
    sisa_anggaran,
)
from .angka import baca_angka, format_angka, format_persen
from .capaian import (
    AMBANG_TYPO,
    baca_polaritas,
    baca_realisasi,
    capaian,
    capaian_janggal,
    capaian_tahunan,
    realisasi_terakhir,
)
from .errors import KesalahanBerkas, KesalahanInput, KesalahanXlKinerja
from .predikat import SKALA, Skala, predikat
from .target import PERINGKAT, Target, baca_target
from .terbilang import terbilang
from .versi import VERSI

__version__ = VERSI


def main():
    """Entry point of the "Rekap Triwulan" ribbon button in macros/xl_kinerja.xlam.

    xlwings' ribbon template runs `import <add-in file name>; <name>.main()`, so the add-in
    named xl_kinerja.xlam calls this; the VBA itself stays the template's, byte for byte.
    """
    from .addin.ribbon import main as _main  # lazy: `import xl_kinerja` must not load the rekap

    _main()

__all__ = [
    "AMBANG_TYPO", "PERINGKAT", "SKALA", "TINGKAT_ANGGARAN", "TOLERANSI_JUMLAH", "Skala", "Target",
    "KesalahanBerkas", "KesalahanInput",
    "KesalahanXlKinerja", "baca_angka", "baca_polaritas", "baca_realisasi", "baca_target",
    "capaian", "capaian_janggal", "capaian_per_sasaran", "capaian_tahunan", "realisasi_terakhir",
    "capaian_satker", "format_angka", "format_persen",
    "jumlah_sesuai", "main", "persen_anggaran", "predikat", "rata_rata_capaian", "rincian_anggaran",
    "sisa_anggaran", "terbilang",
]
