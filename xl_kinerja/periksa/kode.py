"""Budget-code rules as pure functions over (lokasi, kode, nama, kunci) entries, so the table
checker and the workbook checker (buku.py) run the same rules: an incomplete or malformed
code, one code for two names, a duplicated row.
"""
from __future__ import annotations

import re

from .temuan import Temuan

_POLA_KODE = re.compile(r"[\dA-Z]+(\.[\dA-Z]+)*")


def kode_salah_bentuk(kode: str, ketat: bool = True) -> bool:
    """True for an incomplete code (`QGE.`, `WA..3355`) or, with `ketat`, one that is not
    dot-separated digits/capitals like the budget codes `076.01.CQ`, `CQ.6709`, `QGE.001`."""
    k = (kode or "").strip()
    if not k:
        return False
    if k.startswith(".") or k.endswith(".") or ".." in k:
        return True
    return ketat and not _POLA_KODE.fullmatch(k)


def periksa_kode(entri, ketat: bool = True) -> list[Temuan]:
    """Findings over rows given as (lokasi, kode, nama, kunci), in row order:
    `kode_tidak_lengkap` (once per code), `kode_nama_ganda` (a code seen earlier with another
    name), `baris_ganda` (same `kunci` as an earlier row; kunci None = not compared)."""
    t: list[Temuan] = []
    salah: set[str] = set()
    kode_nama: dict[str, tuple[str, object]] = {}
    terlihat: dict[object, object] = {}
    for lok, kode, nama, kunci in entri:
        kode, nama = (kode or "").strip(), (nama or "").strip()
        if kode and kode not in salah and kode_salah_bentuk(kode, ketat):
            salah.add(kode)
            t.append(Temuan("kode_tidak_lengkap", lok, f"kode {kode!r} tidak lengkap atau "
                            f"salah bentuk", kode, None))
        if kode and nama:
            if kode in kode_nama and kode_nama[kode][0].lower() != nama.lower():
                t.append(Temuan("kode_nama_ganda", lok, f"kode {kode} dipakai dengan dua nama: "
                                f"{kode_nama[kode][0]!r} (baris {kode_nama[kode][1]}) dan "
                                f"{nama!r}", nama, kode_nama[kode][0]))
            kode_nama.setdefault(kode, (nama, lok.get("baris")))
        if kunci is not None:
            if kunci in terlihat:
                t.append(Temuan("baris_ganda", lok, f"baris sama dengan baris {terlihat[kunci]}",
                                nama, None, "peringatan"))
            terlihat.setdefault(kunci, lok.get("baris"))
    return t
