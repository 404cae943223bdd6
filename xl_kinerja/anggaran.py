"""Anggaran (budget) rules: DOMAIN.md section 5."""
from __future__ import annotations

from .angka import baca_angka
from .errors import KesalahanInput


def _uang(nilai: object, nama: str) -> float | None:
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    angka = baca_angka(nilai)
    if angka < 0:
        raise KesalahanInput(f"{nama} {nilai!r} tidak boleh negatif", nilai)
    return angka


def persen_anggaran(pagu: object, realisasi: object) -> float | None:
    """realisasi / pagu as a fraction; None when pagu is 0 or blank or realisasi is blank.
    Amounts may be numbers or text (`"Rp. 2.647.529.000,-"`); negatives are errors."""
    p, r = _uang(pagu, "pagu"), _uang(realisasi, "realisasi")
    if p is None or p == 0 or r is None:
        return None
    return r / p


def sisa_anggaran(pagu: object, realisasi: object) -> float | None:
    """pagu - realisasi; None when pagu or realisasi is blank (blank is not zero)."""
    p, r = _uang(pagu, "pagu"), _uang(realisasi, "realisasi")
    if p is None or r is None:
        return None
    return p - r


# Rupiah amounts are whole or in sen: a recorded total within half a sen of the sum of its
# rows is equal (float sums of sen amounts are not exact).
TOLERANSI_JUMLAH = 0.005


def jumlah_sesuai(tercatat: float, rincian: float) -> bool:
    """Does a recorded subtotal/JUMLAH equal the (computed) sum of its rows?"""
    return abs(tercatat - rincian) <= TOLERANSI_JUMLAH
