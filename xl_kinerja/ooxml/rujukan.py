"""A1 cell references and the references defined names hold ('Pengukuran'!$P$7:$P$56)."""
from __future__ import annotations

import re

MAKS_BARIS = 1_048_576  # the sheet size of Excel 2007+
MAKS_KOLOM = 16_384

_SEL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_KOLOM_SAJA = re.compile(r"\$?([A-Za-z]{1,3})")
_BARIS_SAJA = re.compile(r"\$?(\d{1,7})")
# sheet!area: the sheet quoted ('It''s') or bare
_RUJUKAN = re.compile(r"\s*(?:'((?:[^']|'')+)'|([^'!:,()\s]+))!([^!,()\s]+)\s*")


def huruf_kolom(c: int) -> str:
    """3 -> 'C', 27 -> 'AA'."""
    s = ""
    while c:
        c, m = divmod(c - 1, 26)
        s = chr(65 + m) + s
    return s


def indeks_kolom(huruf: str) -> int:
    """'C' -> 3, 'aa' -> 27."""
    c = 0
    for ch in huruf.upper():
        c = c * 26 + ord(ch) - 64
    return c


def koordinat(baris: int, kolom: int) -> str:
    """(7, 16) -> 'P7'."""
    return f"{huruf_kolom(kolom)}{baris}"


def urai_sel(ref: str) -> tuple[int, int] | None:
    """'P7' or '$P$7' -> (row 7, column 16); None when not a cell reference."""
    m = _SEL.fullmatch(ref)
    if m is None:
        return None
    return int(m.group(2)), indeks_kolom(m.group(1))


def urai_area(ref: str) -> tuple[int, int, int, int] | None:
    """'$P$7:$P$56' -> (c1, r1, c2, r2); also 'A:A' and '1:1' (whole columns/rows).
    None when not one rectangular area inside the sheet's bounds."""
    a, _, b = ref.partition(":")
    b = b or a
    pa, pb = urai_sel(a), urai_sel(b)
    if pa and pb:
        (r1, c1), (r2, c2) = pa, pb
    elif _KOLOM_SAJA.fullmatch(a) and _KOLOM_SAJA.fullmatch(b) and ":" in ref:
        c1, c2 = indeks_kolom(a.lstrip("$")), indeks_kolom(b.lstrip("$"))
        r1, r2 = 1, MAKS_BARIS
    elif _BARIS_SAJA.fullmatch(a) and _BARIS_SAJA.fullmatch(b) and ":" in ref:
        r1, r2 = int(a.lstrip("$")), int(b.lstrip("$"))
        c1, c2 = 1, MAKS_KOLOM
    else:
        return None
    c1, c2 = min(c1, c2), max(c1, c2)
    r1, r2 = min(r1, r2), max(r1, r2)
    if not (1 <= c1 and c2 <= MAKS_KOLOM and 1 <= r1 and r2 <= MAKS_BARIS):
        return None
    return c1, r1, c2, r2


def urai_rujukan(teks: str) -> tuple[str, tuple[int, int, int, int]] | None:
    """"'PK KPU'!$D$42" -> ('PK KPU', (4, 42, 4, 42)); None for anything else (several
    areas, a formula, a constant, #REF!)."""
    m = _RUJUKAN.fullmatch(teks or "")
    if m is None:
        return None
    lembar = m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)
    area = urai_area(m.group(3))
    return (lembar, area) if area else None


def rujukan_lembar(nama: str) -> str:
    """A sheet name as formulas and defined names quote it: Rekap TW 2 -> 'Rekap TW 2'."""
    return "'" + nama.replace("'", "''") + "'"


def rujukan_baris(lembar: str, r1: int, c: int, r2: int, lewati=frozenset()) -> str:
    """'Sheet'!$A$5:$A$9, or the union ('Sheet'!$A$5:$A$6,'Sheet'!$A$8:$A$9) of the rows
    r1..r2 of column c without `lewati` (a chart's range that skips header rows repeated on
    a new printed page; Excel, LibreOffice and COM all take the union)."""
    bagian, awal = [], None
    for r in range(r1, r2 + 2):
        if r <= r2 and r not in lewati:
            awal = r if awal is None else awal
        elif awal is not None:
            a, b = f"${huruf_kolom(c)}${awal}", f"${huruf_kolom(c)}${r - 1}"
            bagian.append(f"{rujukan_lembar(lembar)}!{a}" + (f":{b}" if r - 1 != awal else ""))
            awal = None
    return bagian[0] if len(bagian) == 1 else "(" + ",".join(bagian) + ")"
