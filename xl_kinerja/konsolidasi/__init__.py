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

import importlib

# Names are imported on first use (PEP 562): the CLI builds every command's parser, and
# `xl-kinerja rekap` must not pay for openpyxl/numpy because konsolidasi's parser reads
# `tabel.BAGIAN` (its writer and the daftar reader import openpyxl).
_DARI = {
    "BAGIAN": "tabel", "Konsolidasi": "tabel", "susun": "tabel",
    "EntriDaftar": "daftar", "baca_daftar": "daftar",
    "konsolidasi": "jalan", "olah_semua": "jalan",
    "JENIS_MASALAH": "satker", "HasilSatker": "satker", "Masalah": "satker",
    "olah_berkas": "satker",
    "buat_buku": "tulis", "tulis_buku": "tulis",
}

__all__ = sorted(_DARI)


def __getattr__(nama: str):
    modul = _DARI.get(nama)
    if modul is None:
        raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")
    nilai = getattr(importlib.import_module(f".{modul}", __name__), nama)
    globals()[nama] = nilai
    return nilai


def __dir__():
    return sorted(set(globals()) | set(_DARI))
