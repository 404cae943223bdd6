"""Konsolidasi: a KPU Provinsi or KPU RI rolls up its satkers' workbooks for one quarter.

    from xl_kinerja.konsolidasi import konsolidasi, tulis_buku
    ks = konsolidasi(["folder-satker/"], triwulan=2, daftar="satker.csv")
    ks.ke_dataframe("ringkasan")      # pandas; also "indikator", "anggaran", "bermasalah", ...
    tulis_buku(ks, "rekap-provinsi.xlsx")

Modules: `kumpul` (which files), `satker` (one file -> its computed quarter, with the rekap's
reader and engine), `hasil` (what a worker hands back), `jalan` (all files on all cores),
`cocok` (matching satker names and indicators), `tabel` (the consolidated tables), `tulis`
(the workbook), `keluaran` (JSON/CSV), `daftar` (the daftar satker CSV, also used by
`baru --daftar`).
"""
from __future__ import annotations

from ..muka import muka_malas

# Names are imported on first use (muka.py): the CLI builds every command's parser, and
# `xl-kinerja rekap` must not pay for openpyxl/numpy because konsolidasi's parser reads
# `tabel.BAGIAN` (its writer and the daftar reader import openpyxl).
_DARI = {
    "BAGIAN": "tabel", "Konsolidasi": "tabel", "susun": "tabel",
    "EntriDaftar": "daftar", "baca_daftar": "daftar",
    "konsolidasi": "jalan", "olah_semua": "jalan",
    "JENIS_MASALAH": "hasil", "HasilSatker": "hasil", "Masalah": "hasil",
    "olah_berkas": "satker",
    "buat_buku": "tulis", "tulis_buku": "tulis",
}

__all__ = sorted(_DARI)

__getattr__, __dir__ = muka_malas(__name__, _DARI, globals())
