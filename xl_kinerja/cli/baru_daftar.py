"""`xl-kinerja baru --daftar SATKER.CSV`: one workbook per satker (wired from cli/baru.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import KesalahanBerkas, KesalahanInput
from ..generator.daftar import buat_dari_daftar
from ..katalog import Katalog
from ..kemajuan import Kemajuan
from ..konsolidasi.daftar import baca_daftar


def jalankan_daftar(args) -> int:
    """Exit 0 when every row became a workbook, 2 when a row was bad (named with its line;
    the other workbooks are written all the same)."""
    if args.dari is not None:
        raise KesalahanInput("--dari tidak dapat dipakai dengan --daftar (satu buku kerja lama "
                             "untuk satu satker); jalankan baru --dari per satker")
    folder = Path(args.keluaran)
    if folder.suffix.lower() in (".xlsx", ".xlsm", ".xls") or folder.is_file():
        raise KesalahanBerkas("dengan --daftar, --keluaran harus folder", berkas=folder)
    ubah: list[tuple[int, str]] = []
    entri, salah = baca_daftar(args.daftar, ubah)
    for baris, apa in ubah:
        print(f"peringatan: {args.daftar}, baris {baris}: {apa}", file=sys.stderr)
    catatan: list[str] = []
    katalog = Katalog.baca(args.iku, catatan) if args.iku else Katalog.bawaan()
    for c in catatan:
        print(f"peringatan: {args.iku}: {c}", file=sys.stderr)
    with Kemajuan(len(entri), "Membuat") as k:
        hasil = buat_dari_daftar(entri, args.tahun, folder, katalog=katalog,
                                 kertas=args.kertas, sandi=args.sandi, timpa=args.timpa,
                                 kemajuan=k)
        for baris, alasan in sorted(salah + hasil.salah):
            k.tulis(f"{args.daftar}, baris {baris}: {alasan}")
        gagal = len(salah) + len(hasil.salah)
        k.selesai(f"{len(hasil.dibuat)} buku kerja dibuat di {folder}"
                  + (f"; {gagal} baris daftar tidak dibuat (lihat di atas)" if gagal else ""),
                  aliran=sys.stdout)
    return 2 if gagal else 0
