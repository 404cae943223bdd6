"""Cells of a worksheet part, streamed: each with its type as the sheet XML states it.

A cell is a constant (number, text, boolean, error, date) or a formula; a formula keeps
its formula text and, separately, the value Excel or LibreOffice cached when the file was
last calculated. Text is text whatever it starts with ("=HYPERLINK(..)" typed as text is a
text cell, not a formula): the type comes from the XML (`<f>`, `t="s"`, `t="inlineStr"`),
never from the characters of the value.
"""
from __future__ import annotations

import datetime as _dt
import re

from .paket import Paket

KOSONG, ANGKA, TEKS, LOGIKA, GALAT, TANGGAL, RUMUS = (
    "kosong", "angka", "teks", "logika", "galat", "tanggal", "rumus")


class Sel:
    """One cell. `nilai`: the constant (None for a formula or a blank); `rumus`: the formula
    text ("=SUM(D7:D9)") or None; `tersimpan`: what the cell shows (a formula's cached
    value, None when never calculated; a constant's own value)."""

    __slots__ = ("jenis", "nilai", "rumus", "tersimpan")

    def __init__(self, jenis: str, nilai=None, rumus: str | None = None, tersimpan=None):
        self.jenis, self.nilai, self.rumus, self.tersimpan = jenis, nilai, rumus, tersimpan

    @property
    def adalah_rumus(self) -> bool:
        return self.rumus is not None

    def __eq__(self, lain):
        return isinstance(lain, Sel) and (self.jenis, self.nilai, self.rumus, self.tersimpan) \
            == (lain.jenis, lain.nilai, lain.rumus, lain.tersimpan)

    def __repr__(self):
        return f"Sel({self.jenis!r}, {self.nilai!r}, {self.rumus!r}, {self.tersimpan!r})"


SEL_KOSONG = Sel(KOSONG)


def konstanta(v) -> Sel:
    """A Sel for a Python value (backends that give plain values: openpyxl, xlwings)."""
    if v is None or v == "":
        return SEL_KOSONG
    if isinstance(v, bool):
        return Sel(LOGIKA, v, None, v)
    if isinstance(v, (int, float)):
        return Sel(ANGKA, v, None, v)
    if isinstance(v, (_dt.datetime, _dt.date, _dt.time, _dt.timedelta)):
        return Sel(TANGGAL, v, None, v)
    return Sel(TEKS, str(v), None, str(v))


def angka(teks: str):
    """A <v> number as openpyxl gives it: int when written without '.'/exponent, else float
    (non-finite texts such as 1e999 or NaN become inf/nan: the readers refuse them)."""
    if "." in teks or "E" in teks or "e" in teks:  # int() refuses these: skip its exception
        return float(teks)
    try:
        return int(teks)
    except ValueError:
        return float(teks)


# ---------------------------------------------------------------- dates
# a number format is a date when, outside quoted text, escapes and [..] sections other
# than elapsed time ([h], [mm], [ss]), it has a date or time code
_BUANG = re.compile(r'"[^"]*"|\\.|\[(?![hH]{1,2}\]|[mM]{1,2}\]|[sS]{1,2}\])[^\]]*\]')
_KODE_TANGGAL = re.compile(r"[dmhysDMHYS]")
_ID_TANGGAL = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))


def format_tanggal(kode: str) -> bool:
    return bool(_KODE_TANGGAL.search(_BUANG.sub("", kode)))


def gaya_tanggal(paket: Paket, bagian_gaya: str | None) -> frozenset[int]:
    """Indices of cellXfs whose number format is a date/time."""
    if bagian_gaya is None:
        return frozenset()
    akar = paket.akar(bagian_gaya)
    kode, hasil = {}, set()
    for daftar in akar:
        nama = daftar.tag.rsplit("}", 1)[-1]
        if nama == "numFmts":
            for nf in daftar:
                if (nf.get("numFmtId") or "").isdigit():
                    kode[int(nf.get("numFmtId"))] = nf.get("formatCode") or ""
        elif nama == "cellXfs":
            for i, xf in enumerate(daftar):
                n = xf.get("numFmtId") or "0"
                n = int(n) if n.isdigit() else 0
                if (format_tanggal(kode[n]) if n in kode else n in _ID_TANGGAL):
                    hasil.add(i)
    return frozenset(hasil)


def dari_serial(x: float, tanggal_1904: bool = False):
    """Excel serial day number -> datetime (1900 system with its leap-year quirk)."""
    if tanggal_1904:
        awal = _dt.datetime(1904, 1, 1)
    else:
        awal = _dt.datetime(1899, 12, 30) if x >= 61 else _dt.datetime(1899, 12, 31)
    try:
        return awal + _dt.timedelta(days=x)
    except (OverflowError, ValueError):
        return x  # not representable as a date: keep the number


# ---------------------------------------------------------------- shared strings
def teks_bersama(paket: Paket, bagian: str | None) -> list[str]:
    """The shared string table (rich text runs joined; phonetic runs left out)."""
    if bagian is None:
        return []
    hasil = []
    for _, el in paket.iterparse(bagian):
        tag = el.tag.rsplit("}", 1)[-1]
        if tag != "si":
            continue
        teks = ""
        for anak in el:
            ta = anak.tag.rsplit("}", 1)[-1]
            if ta == "t":
                teks += anak.text or ""
            elif ta == "r":
                for t in anak:
                    if t.tag.rsplit("}", 1)[-1] == "t":
                        teks += t.text or ""
        hasil.append(teks)
        el.clear()
    return hasil


# ---------------------------------------------------------------- the sheet stream
_REF = re.compile(r"([A-Z]{1,3})(\d+)$")
_KOLOM: dict[str, int] = {}


def _kolom(huruf: str) -> int:
    c = _KOLOM.get(huruf)
    if c is None:
        c = 0
        for ch in huruf:
            c = c * 26 + ord(ch) - 64
        _KOLOM[huruf] = c
    return c


class Konteks:
    """What decoding cells of this package needs (read once per package)."""

    def __init__(self, bersama: list[str], tanggal: frozenset[int], tanggal_1904: bool):
        self.bersama, self.tanggal, self.tanggal_1904 = bersama, tanggal, tanggal_1904


def baca_lembar(paket: Paket, bagian: str, kotak: tuple[int, int, int, int] | None,
                ks: Konteks) -> dict[int, dict[int, Sel]]:
    """{row: {column: Sel}} of the non-empty cells inside `kotak` (c1, r1, c2, r2; None =
    the whole sheet), one streaming pass over the sheet part."""
    c1, r1, c2, r2 = kotak or (1, 1, 1 << 20, 1 << 30)
    hasil: dict[int, dict[int, Sel]] = {}
    r_lalu = 0
    for _, el in paket.iterparse(bagian):
        tag = el.tag
        if tag[-4:] != "}row" and tag != "row":
            continue
        rr = el.get("r")
        r = int(rr) if rr and rr.isdigit() else r_lalu + 1
        r_lalu = r
        if r < r1 or r > r2:
            el.clear()
            continue
        baris = None
        c = 0
        for sel in el:
            ref = sel.get("r")
            if ref:
                m = _REF.match(ref)
                c = _kolom(m.group(1)) if m else c + 1
            else:
                c += 1
            if c < c1 or c > c2:
                continue
            isi = _sel(sel, ks)
            if isi is not None:
                if baris is None:
                    baris = hasil.setdefault(r, {})
                baris[c] = isi
        el.clear()
    return hasil


def _sel(el, ks: Konteks) -> Sel | None:
    v = f = inline = None
    ada_v = False
    for anak in el:
        t = anak.tag.rsplit("}", 1)[-1]
        if t == "v":
            v, ada_v = anak.text, True
        elif t == "f":
            f = anak
        elif t == "is":
            inline = anak
    teks_inline = None
    if inline is not None:
        teks_inline = ""
        for anak in inline:
            nama = anak.tag.rsplit("}", 1)[-1]
            if nama == "t":
                teks_inline += anak.text or ""
            elif nama == "r":
                teks_inline += "".join(x.text or "" for x in anak
                                       if x.tag.rsplit("}", 1)[-1] == "t")
    return sel_dari(el.get("t"), el.get("s"), None if f is None else f.text or "",
                    v, ada_v, teks_inline, ks)


def sel_dari(t: str | None, s: str | None, rumus: str | None, v: str | None, ada_v: bool,
             inline: str | None, ks: Konteks) -> Sel | None:
    """The cell from what its XML holds: attributes `t` and `s`, the formula text (None: no
    <f>), the <v> text (None when empty) and whether there is a <v>, the inline string's
    text (None: no <is>). Shared by the element stream and the byte scanner (`pindai`)."""
    if rumus is not None:
        rumus = "=" + rumus
        if ada_v and t in ("str", "inlineStr"):  # an empty text result is still a result
            simpan = v or ""
        elif not v:
            simpan = None
        elif t == "b":
            simpan = v.strip() in ("1", "true")
        elif t == "e":
            simpan = v
        else:
            try:
                simpan = angka(v)
            except ValueError:
                simpan = v
        return Sel(RUMUS, None, rumus, simpan)
    if t == "s":
        if v is None:
            return None
        try:
            teks = ks.bersama[int(v)]
        except (ValueError, IndexError):
            teks = None
        return Sel(TEKS, teks, None, teks) if teks is not None else Sel(GALAT, v, None, v)
    if t == "inlineStr":
        if inline is None:
            return None
        return Sel(TEKS, inline, None, inline)
    if v is None or v == "":
        return None
    if t == "str":
        return Sel(TEKS, v, None, v)
    if t == "b":
        b = v.strip() in ("1", "true")
        return Sel(LOGIKA, b, None, b)
    if t == "e":
        return Sel(GALAT, v, None, v)
    if t == "d":
        try:
            d = _dt.datetime.fromisoformat(v)
        except ValueError:
            return Sel(GALAT, v, None, v)
        return Sel(TANGGAL, d, None, d)
    try:
        x = angka(v)
    except ValueError:
        return Sel(GALAT, v, None, v)
    if s and ks.tanggal and s.isdigit() and int(s) in ks.tanggal:
        d = dari_serial(x, ks.tanggal_1904)
        return Sel(TANGGAL, d, None, d)
    return Sel(ANGKA, x, None, x)
