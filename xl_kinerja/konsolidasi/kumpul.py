"""Collecting the files to consolidate from folders and file names."""
from __future__ import annotations

import os
from pathlib import Path

from .hasil import Masalah

AKHIRAN = (".xlsx", ".xlsm")
# spreadsheet formats a satker may send by mistake: named, not silently ignored
_AKHIRAN_LAIN = {".xls": "format .xls (Excel 97-2003)", ".xlsb": "format .xlsb (biner)",
                 ".ods": "format .ods (LibreOffice)", ".csv": "tabel CSV"}


def _sampingan(nama: str) -> bool:
    """Lock files of an open workbook (~$x.xlsx, .~lock.x.xlsx#), hidden temp files."""
    return nama.startswith(("~$", ".~lock.", "."))


def kumpulkan(masukan, keluaran=None) -> tuple[list[Path], list[Masalah]]:
    """Files to read (folders walked recursively, sorted) and the files named as unusable.

    `keluaran` (the consolidated workbook) is never read back as a satker's file."""
    berkas: list[Path] = []
    masalah: list[Masalah] = []
    dilihat: set = set()
    kecuali = Path(keluaran).resolve() if keluaran else None

    def tambah(p: Path, langsung: bool):
        akhiran = p.suffix.lower()
        if _sampingan(p.name) and not langsung:
            return
        if akhiran in AKHIRAN:
            kunci = p.resolve()
            if kunci in dilihat or kunci == kecuali:
                return
            dilihat.add(kunci)
            berkas.append(p)
        elif akhiran in _AKHIRAN_LAIN or langsung:
            jenis = _AKHIRAN_LAIN.get(akhiran, f"berkas {akhiran or 'tanpa akhiran'}")
            masalah.append(Masalah("bukan_excel", f"{jenis}, bukan buku kerja .xlsx/.xlsm; "
                                   f"simpan ulang sebagai .xlsx", berkas=p.name))

    for m in masukan:
        p = Path(m)
        if p.is_dir():
            for akar, folder, nama in os.walk(p):
                folder[:] = sorted(f for f in folder if not f.startswith("."))
                for n in sorted(nama):
                    tambah(Path(akar) / n, False)
        elif p.is_file():
            tambah(p, True)
        elif os.path.exists(p):  # /dev/zero, a FIFO: never opened (it would not end)
            masalah.append(Masalah("bukan_excel", "bukan berkas biasa (pipa, soket atau "
                                   "perangkat), bukan buku kerja .xlsx/.xlsm", berkas=str(p)))
        else:  # a typo in one name must not stop the others either
            masalah.append(Masalah("tidak_ditemukan", "berkas atau folder ini tidak ada",
                                   berkas=str(p)))
    return berkas, masalah
