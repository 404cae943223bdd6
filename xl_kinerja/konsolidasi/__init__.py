"""Konsolidasi: a KPU Provinsi or KPU RI rolls up its satkers' workbooks for one quarter.

    from xl_kinerja.konsolidasi import konsolidasi, tulis_buku
    ks = konsolidasi(["folder-satker/"], triwulan=2, daftar="satker.csv")
    ks.ke_dataframe("ringkasan")      # pandas; also "indikator", "anggaran", "bermasalah", ...
    tulis_buku(ks, "rekap-provinsi.xlsx")

Modules: `kumpul` (which files), `satker` (one file -> its computed quarter, with the rekap's
reader and engine), `jalan` (all files on all cores), `cocok` (matching satker names and
indicators), `tabel` (the consolidated tables), `tulis` (the workbook), `keluaran`
(JSON/CSV), `daftar` (the daftar satker CSV, also used by `baru --daftar`).
"""
from __future__ import annotations

from .daftar import EntriDaftar, baca_daftar
from .jalan import konsolidasi, olah_semua
from .satker import JENIS_MASALAH, HasilSatker, Masalah, olah_berkas
from .tabel import BAGIAN, Konsolidasi, susun
from .tulis import buat_buku, tulis_buku

__all__ = [
           "BAGIAN",
           "JENIS_MASALAH",
           "EntriDaftar",
           "HasilSatker",
           "Konsolidasi",
           "Masalah",
           "baca_daftar",
           "buat_buku",
           "konsolidasi",
           "olah_berkas",
           "olah_semua",
           "susun",
           "tulis_buku",
]
