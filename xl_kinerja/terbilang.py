"""Amounts in words ("terbilang"), as PKs and LKj write them, via num2words (lang="id")."""
from __future__ import annotations

import re
from decimal import Decimal

from num2words import num2words

from .angka import baca_desimal
from .errors import KesalahanInput

_HURUF = ("judul", "kecil", "kapital")
# num2words writes a thousands group of exactly 1 after a larger group as "satu ribu"
# (5.001.000 -> "lima juta satu ribu"); Indonesian says "seribu" there, as it does for 1.000.
# "seratus satu ribu" / "dua puluh satu ribu" (101.000 / 21.000) are correct and untouched.
_SATU_RIBU = re.compile(r"(^|\b(?:juta|miliar|triliun) )satu ribu\b")


def terbilang(angka: object, mata_uang: str | None = "rupiah", huruf: str = "judul") -> str | None:
    """51412431000 -> "Lima Puluh Satu Miliar Empat Ratus Dua Belas Juta Empat Ratus Tiga Puluh
    Satu Ribu Rupiah". `huruf`: "judul" (Title Case, as documents print it), "kecil", "kapital".
    `mata_uang=None` for a plain number. Blank -> None."""
    if huruf not in _HURUF:
        raise KesalahanInput(f'huruf "{huruf}" tidak dikenal; pilih {", ".join(_HURUF)}', huruf)
    if angka is None or (isinstance(angka, str) and not angka.strip()):
        return None
    d = baca_desimal(angka)
    if abs(d) >= Decimal(10) ** 15:
        raise KesalahanInput(f"angka {angka!r} terlalu besar untuk terbilang", angka)
    utuh = int(d)
    teks = num2words(utuh, lang="id") if d == utuh else num2words(float(d), lang="id")
    teks = _SATU_RIBU.sub(r"\1seribu", teks)
    if mata_uang:
        teks += " " + mata_uang
    teks = " ".join(teks.split())
    if huruf == "judul":
        return " ".join(k[:1].upper() + k[1:] for k in teks.split(" "))
    return teks.upper() if huruf == "kapital" else teks
