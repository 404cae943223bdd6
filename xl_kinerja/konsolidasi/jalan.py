"""Running the consolidation: every file through the worker, on all cores, in chunks.

Workers return only computed rows (`HasilSatker`), so the parent never holds a workbook;
results arrive in any order and are put back in input order by `susun`.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

from ..errors import KesalahanInput
from ..kemajuan import Kemajuan
from .daftar import baca_daftar
from .hasil import HasilSatker, Masalah
from .kumpul import kumpulkan
from .satker import olah_berkas
from .tabel import Konsolidasi, susun

_SERIAL_SAMPAI = 4  # below this many files a process pool costs more than it saves


def jumlah_inti() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _kerja(tugas):
    indeks, path, triwulan = tugas
    return olah_berkas(indeks, path, triwulan)


def _konteks():
    # fork: workers start instantly with the modules already imported (Linux); elsewhere
    # the platform default (spawn) works the same, only slower to start
    metode = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in metode and
                                       sys.platform.startswith("linux") else None)


def olah_semua(paths, triwulan: int, *, proses: int | None = None, kemajuan=None):
    """Yield the worker's result (HasilSatker or Masalah) for every path, as they finish.
    `proses`: worker processes (None = all cores; 1 = in this process)."""
    tugas = [(i, str(p), triwulan) for i, p in enumerate(paths)]
    proses = jumlah_inti() if proses is None else proses
    if proses < 1:
        raise KesalahanInput(f"jumlah proses harus 1 atau lebih (bukan {proses})", proses)
    proses = min(proses, len(tugas)) or 1
    if proses == 1 or len(tugas) <= _SERIAL_SAMPAI:
        for t in tugas:
            hasil = _kerja(t)
            if kemajuan:
                kemajuan.maju(keterangan=Path(t[1]).name)
            yield hasil
        return
    # chunks big enough to amortise the pickling, small enough to balance the load
    potongan = max(1, min(16, len(tugas) // (proses * 4)))
    with _konteks().Pool(proses, maxtasksperchild=500) as pool:
        for hasil in pool.imap_unordered(_kerja, tugas, chunksize=potongan):
            if kemajuan:
                kemajuan.maju(keterangan=hasil.berkas)
            yield hasil


def konsolidasi(masukan, triwulan: int, *, daftar=None, tahun=None, proses: int | None = None,
                kemajuan: bool | Kemajuan = False, keluaran=None) -> Konsolidasi:
    """Consolidate every xl-kinerja workbook in `masukan` (files and/or folders) for one
    quarter. `daftar`: path of the daftar satker CSV (or a list of EntriDaftar) of the
    satkers expected; `tahun`: the tahun anggaran (None = the one most files have);
    `kemajuan`: True for a progress bar on stderr (when it is a terminal).

    Bad files never raise: each is in `.masalah` with the reason."""
    if isinstance(triwulan, bool) or triwulan not in (1, 2, 3, 4):
        raise KesalahanInput(f"triwulan harus 1, 2, 3, atau 4 (bukan {triwulan!r})", triwulan)
    if isinstance(masukan, (str, os.PathLike)):
        masukan = [masukan]
    salah_daftar: list[tuple[int, str]] = []
    ubah_daftar: list[tuple[int, str]] = []
    if daftar is not None and isinstance(daftar, (str, os.PathLike)):
        daftar, salah_daftar = baca_daftar(daftar, ubah_daftar)
    paths, masalah = kumpulkan(masukan, keluaran=keluaran)
    for baris, alasan in salah_daftar:
        masalah.append(Masalah("daftar_salah", f"daftar satker baris {baris}: {alasan}"))
    for baris, apa in ubah_daftar:
        masalah.append(Masalah("daftar_dibersihkan", f"daftar satker baris {baris}: {apa}",
                               dilewati=False))
    k = kemajuan if isinstance(kemajuan, Kemajuan) else \
        Kemajuan(len(paths), "Membaca", aktif=None if kemajuan else False)
    hasil: list[HasilSatker] = []
    with k:
        for h in olah_semua(paths, triwulan, proses=proses, kemajuan=k):
            if isinstance(h, Masalah):
                masalah.append(h)
            else:
                hasil.append(h)
    return susun(hasil, masalah, triwulan, tahun=tahun, daftar=daftar)
