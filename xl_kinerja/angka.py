"""Indonesian (and mixed) number text <-> numbers.

Indonesian style is "." for thousands and "," for decimals (`51.412.431.000`, `94,44`), but
real documents also write `82.5%`. The rule (docs/aturan.md section "Angka"): exactly three
digits after a single dot, behind a non-zero integer part, is a thousands group; other
single dots are decimals.
By the same token a single comma followed by exactly three digits (`1,200`) could be an English
thousands group or an Indonesian decimal: that is reported, never guessed. Once the style is
decided, Babel parses the text strictly in that locale.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import NumberFormatError, NumberPattern, parse_decimal, parse_pattern

from .errors import KesalahanInput

LOKAL_ID = "id_ID"
_LOKAL_EN = "en_US"

_AWALAN_RUPIAH = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_AKHIRAN_NIHIL = re.compile(r"[.,]\s*-\s*$")  # "2.647.529.000,-" / "2.526.500.000.-"
_POLA_ANGKA = re.compile(r"^[+-]?\d[\d.,]*$")


def _pilih_lokal(s: str, asli: str) -> str:
    """Decide whether digits-and-separators `s` is written Indonesian or English style."""
    titik, koma = s.count("."), s.count(",")
    if titik and koma:  # the last separator is the decimal one
        return LOKAL_ID if s.rfind(",") > s.rfind(".") else _LOKAL_EN
    if koma > 1:
        return _LOKAL_EN  # 1,200,000
    if titik > 1:
        return LOKAL_ID  # 51.412.431.000
    utuh, _, pecahan = s.lstrip("+-").partition("," if koma else ".")
    if koma == 1:
        if len(pecahan) == 3 and utuh.strip("0"):
            raise KesalahanInput(
                f'angka "{asli}" ambigu: bisa {utuh}{pecahan} (koma pemisah ribuan) atau '
                f'{utuh},{pecahan} (koma desimal); tulis "{utuh}.{pecahan}" untuk ribuan '
                f'atau "{utuh},{pecahan}0" untuk desimal', asli)
        return LOKAL_ID
    if titik == 1:
        ribuan = len(pecahan) == 3 and utuh.strip("0") != "" and not utuh.startswith("0")
        return LOKAL_ID if ribuan else _LOKAL_EN
    return LOKAL_ID


def baca_desimal(teks: object) -> Decimal:
    """Parse Indonesian/mixed number text (or a number) exactly, as a Decimal."""
    if isinstance(teks, bool):
        raise KesalahanInput(f"nilai {teks!r} bukan angka", teks)
    if isinstance(teks, (int, float)):
        return Decimal(str(teks))
    if not isinstance(teks, str):
        raise KesalahanInput(f"nilai {teks!r} bukan angka", teks)
    s = teks.strip().replace("\u00a0", " ")
    s = _AWALAN_RUPIAH.sub("", s)
    s = _AKHIRAN_NIHIL.sub("", s).replace(" ", "")
    if not s or not _POLA_ANGKA.match(s):
        raise KesalahanInput(f'"{teks}" bukan angka yang dapat dibaca', teks)
    lokal = _pilih_lokal(s, teks)
    try:
        return parse_decimal(s, locale=lokal, strict=True)
    except NumberFormatError:
        raise KesalahanInput(
            f'"{teks}" bukan angka yang dapat dibaca (pemisah ribuan/desimal tidak konsisten)',
            teks) from None


def baca_angka(teks: object) -> float:
    """`"1.200"` -> 1200.0, `"97,5"` -> 97.5, `"82.5"` -> 82.5, `"Rp. 2.647.529.000,-"` -> 2647529000.0.

    Raises `KesalahanInput` (Indonesian, quoting the text) for text that is not a number or
    whose format is ambiguous (`"1,200"`).
    """
    return float(baca_desimal(teks))


@cache
def _pola_angka(desimal: int) -> tuple[NumberPattern, Locale]:
    """Babel's pattern and locale, parsed once (`format_decimal` parses both on every
    call, most of its time in a checker's thousands of numbers)."""
    return parse_pattern("#,##0" + ("." + "0" * desimal if desimal > 0 else "")), \
        Locale.parse(LOKAL_ID)


def format_angka(nilai: float, desimal: int = 2) -> str:
    """1234.5 -> "1.234,50" (Indonesian grouping and decimal comma)."""
    pola, lokal = _pola_angka(desimal)
    return pola.apply(Decimal(repr(float(nilai))), lokal, decimal_quantization=True)


def format_ringkas(nilai: float, desimal: int = 2) -> str:
    """A number as written by hand, without trailing zeros: 98.0 -> "98", 97.5 -> "97,5",
    1234.25 -> "1.234,25" (at most `desimal` decimals)."""
    return format_angka(nilai, desimal).rstrip("0").rstrip(",") if desimal > 0 else \
        format_angka(nilai, 0)


def format_persen(fraksi: float, desimal: int = 2) -> str:
    """0.95 -> "95,00%"."""
    return format_angka(float(Decimal(repr(float(fraksi))) * 100), desimal) + "%"


def sama_angka(a: float, b: float) -> bool:
    """Two numbers the same up to floating-point noise: a recorded or cached number
    against the one computed again (within 1e-9 of the larger, at least 1e-9 absolute)."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
