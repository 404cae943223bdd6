"""A finding (`Temuan`) with stable keys: aturan, lokasi (berkas, sheet, baris, kode,
indikator), pesan (Indonesian), tercatat, dihitung, tingkat ("galat" | "peringatan"); and how
recorded values are read (numbers, the decimals a percentage is shown with).

Separate because every rule family (kode, indikator, anggaran, formula), the table checker
and the workbook checker (buku.py) build the same findings.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ..angka import baca_angka
from ..errors import KesalahanInput


@dataclass
class Temuan:
    aturan: str
    lokasi: dict
    pesan: str
    tercatat: object = None
    dihitung: object = None
    tingkat: str = "galat"

    def ke_dict(self) -> dict:
        return asdict(self)


def lokasi(h, d) -> dict:
    """The lokasi of an imported row (HasilImpor h, BarisData d)."""
    return {"berkas": h.berkas, "sheet": d.sheet, "baris": d.nomor, "kode": d.kode or None,
            "indikator": d.indikator or None}


def angka_tercatat(teks):
    """A recorded number (None for a blank cell); KesalahanInput when unreadable."""
    if teks in (None, ""):
        return None
    return baca_angka(teks)


def desimal_tampil(teks: str) -> int:
    """How many decimals a recorded value shows ("94,43" -> 2; "1.200" -> 0)."""
    m = re.search(r"[.,](\d+)\s*%?\s*$", teks.strip())
    if m and not re.search(r"\d\.\d{3}$", teks.strip()):
        return len(m.group(1))
    return 0


def persen_tercatat_beda(tulis: str, pecahan: float | None) -> int | None:
    """A percentage written in a table ("94,4%") against the fraction computed from the
    row (A37): None when they agree to the precision written (half up), or when either is
    blank or unreadable; else the decimals written (for the message's "should be")."""
    try:
        rec = angka_tercatat(tulis.rstrip("% ").strip())
    except KesalahanInput:
        return None
    if rec is None or pecahan is None:
        return None
    des = desimal_tampil(tulis)
    return None if abs(pecahan * 100 - rec) <= 0.5 * 10 ** -des + 1e-9 else des
