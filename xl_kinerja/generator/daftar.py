"""`baru --daftar`: one workbook per satker of a daftar satker, from one catalog.

A province hands every kabupaten/kota the same template: the same indicators and budget
rows, each with its own name, place and signatories (the daftar's `tempat`, `ketua`,
`sekretaris`, written into Referensi). The daftar is the same CSV `konsolidasi --daftar`
reads back up (`konsolidasi.daftar`). A bad row is named with its line and skipped; the
other workbooks are still written.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from ..berkas import periksa_keluaran, tulis_atomik
from ..errors import KesalahanXlKinerja
from ..katalog import Katalog
from ..konsolidasi.daftar import EntriDaftar, baca_daftar
from .buku import buat_buku_kerja
from .keluaran import nama_berkas


@dataclass
class HasilDaftar:
    dibuat: list[Path] = field(default_factory=list)
    salah: list[tuple[int, str]] = field(default_factory=list)  # (line of the daftar, reason)
    # (line, what the reader changed in a cell of the daftar); the row was used
    peringatan: list[tuple[int, str]] = field(default_factory=list)


def katalog_satker(katalog: Katalog, e: EntriDaftar) -> Katalog:
    """The catalog with this satker's place and signatories (others kept as they are)."""
    ttd = dict(katalog.penandatangan)
    for kunci in ("tempat", "ketua", "sekretaris"):
        if getattr(e, kunci):
            ttd[kunci] = getattr(e, kunci)
    return dataclasses.replace(katalog, satker=e.nama, penandatangan=ttd)


def buat_dari_daftar(daftar, tahun: int, folder, *, katalog: Katalog | None = None,
                     kertas: str = "A4", sandi: str | None = None, timpa: bool = False,
                     kemajuan=None) -> HasilDaftar:
    """Write `folder/kinerja-TAHUN-<satker>.xlsx` for every satker of the daftar (a path
    or a list of EntriDaftar). `kemajuan`: a `kemajuan.Kemajuan` to advance per satker."""
    peringatan: list[tuple[int, str]] = []
    if isinstance(daftar, (str, Path)):
        entri, salah = baca_daftar(daftar, peringatan)
    else:
        entri, salah = list(daftar), []
    katalog = katalog or Katalog.bawaan()
    hasil = HasilDaftar(salah=list(salah), peringatan=peringatan)
    folder = Path(folder)
    for e in entri:
        tujuan = folder / nama_berkas(e.nama, tahun)
        try:
            periksa_keluaran(tujuan, timpa=timpa)  # before the (slow) build
            wb = buat_buku_kerja(katalog_satker(katalog, e), tahun, satker=e.nama,
                                 kertas=kertas, sandi=sandi)
            hasil.dibuat.append(tulis_atomik(tujuan, wb.save, timpa=timpa))
        except KesalahanXlKinerja as x:
            hasil.salah.append((e.baris, f"{e.nama}: {x}"))
        if kemajuan is not None:
            kemajuan.maju(keterangan=tujuan.name)
    hasil.salah.sort()
    return hasil
