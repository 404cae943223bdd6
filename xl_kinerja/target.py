"""Targets as they are written in KPU documents, parsed into one value object.

Kinds (docs/aturan.md, "Jenis target"; the table of kinds is `aturan.JENIS`): persen
(`97,5%` -> 0.975), jumlah (`1.200 orang` -> 1200 "orang"),
skor (`79`), ordinal (`BB`, `WTP`, `Sangat Baik`), rentang (`80 - 90%`) and nol (`0`, `0%`,
`0 Laporan`: nothing planned that year).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .angka import baca_desimal
from .errors import KesalahanInput

# Grades per family, lowest first: rank = position + 1 (docs/aturan.md, "Jenis target").
PERINGKAT: dict[str, tuple[str, ...]] = {
    "sakip": ("D", "C", "CC", "B", "BB", "A", "AA"),
    "opini_bpk": ("TMP", "TW", "WDP", "WTP"),
    "ikpa": ("Kurang", "Cukup", "Baik", "Sangat Baik"),
}
_NAMA_PANJANG = {
    "WAJAR TANPA PENGECUALIAN": "WTP",
    "WAJAR DENGAN PENGECUALIAN": "WDP",
    "TIDAK WAJAR": "TW",
    "TIDAK MEMBERIKAN PENDAPAT": "TMP",
    "TIDAK MENYATAKAN PENDAPAT": "TMP",
}
_GRADE: dict[str, tuple[str, str, int]] = {}  # UPPER text -> (family, grade, rank)
for _kel, _daftar in PERINGKAT.items():
    for _i, _g in enumerate(_daftar):
        _GRADE[_g.upper()] = (_kel, _g, _i + 1)
for _panjang, _g in _NAMA_PANJANG.items():
    _GRADE[_panjang] = _GRADE[_g]

# Words that may stand around a grade: `Predikat "BB"`, `Opini WTP`, `Nilai Minimal B`.
_KATA_PENGANTAR = re.compile(
    r"\b(PREDIKAT|NILAI|OPINI|BPK|SAKIP|IKPA|MINIMAL|MINIMUM|KATEGORI)\b")
_ANGKA = r"\d[\d.,]*"
_POLA_PERSEN = re.compile(rf"^({_ANGKA})\s*(%|persen)$", re.IGNORECASE)
_POLA_RENTANG = re.compile(
    rf"^({_ANGKA})\s*(%?)\s*(?:-|–|—|s\.?\s*d\.?|s/d|sampai(?:\s+dengan)?)\s*({_ANGKA})\s*(%|persen)?\s*(.*)$",
    re.IGNORECASE)
_POLA_JUMLAH = re.compile(rf"^({_ANGKA})\s*([^\W\d_].*)$")  # unit starts with a letter
_POLA_RUPIAH = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """A parsed target. `nilai`: fraction for persen, the number for jumlah/skor, rank for
    ordinal, None for rentang (see `bawah`/`atas`), 0 for nol."""

    jenis: str
    nilai: float | None
    satuan: str | None = None
    bawah: float | None = None
    atas: float | None = None
    predikat: str | None = None
    keluarga: str | None = None
    teks: str = ""

    @property
    def persen(self) -> bool:
        return self.satuan == "%"


def bersihkan_teks(teks: str) -> str:
    """Remove HTML fragments, bullets, quotes and repeated spaces left by PDF/Word copies."""
    s = html.unescape(re.sub(r"<[^>]+>", " ", teks))
    s = s.replace("\u00a0", " ").replace("•", " ").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip()


def _persen(teks_angka: str, asli: str) -> float:
    return float(baca_desimal(teks_angka) / 100)


def cari_peringkat(teks: str) -> tuple[str, str, int] | None:
    """`"Predikat BB"` -> ("sakip", "BB", 5); None when the text is not a single grade."""
    s = bersihkan_teks(teks).upper().replace('"', " ").replace("'", " ")
    hit = _GRADE.get(re.sub(r"\s+", " ", s).strip())
    if hit:
        return hit
    s = _KATA_PENGANTAR.sub(" ", s)
    s = re.sub(r"[()\[\]:=]", " ", s)
    return _GRADE.get(re.sub(r"\s+", " ", s).strip())


def baca_target(teks: object) -> Target:
    """Parse a target as written (`"97,5%"`, `"1.200 orang"`, `"BB"`, `"80 - 90%"`, `79`).

    Numbers (e.g. an Excel cell value) are taken as they are: jenis "skor", or "nol" for 0.
    Raises `KesalahanInput` quoting the text when it is blank, ambiguous or unreadable.
    """
    if isinstance(teks, bool) or teks is None:
        raise KesalahanInput("target kosong atau bukan angka/teks", teks)
    if isinstance(teks, (int, float)):
        if teks != teks or teks < 0:
            raise KesalahanInput(f"target {teks!r} tidak sah (negatif atau bukan angka)", teks)
        nilai = float(teks)
        return Target("nol" if nilai == 0 else "skor", nilai, teks=str(teks))
    if not isinstance(teks, str):
        raise KesalahanInput(f"target {teks!r} bukan teks atau angka", teks)
    asli = teks
    s = bersihkan_teks(teks)
    if not s:
        raise KesalahanInput("target kosong", asli)

    hit = cari_peringkat(s)
    if hit:
        keluarga, grade, rank = hit
        return Target("ordinal", float(rank), satuan="Predikat", predikat=grade,
                      keluarga=keluarga, teks=asli)

    if s.startswith("-"):
        raise KesalahanInput(f'target "{asli}" tidak boleh negatif', asli)

    m = _POLA_PERSEN.match(s)
    if m:
        nilai = _persen(m.group(1), asli)
        return Target("nol" if nilai == 0 else "persen", nilai, satuan="%", teks=asli)

    m = _POLA_RENTANG.match(s)
    if m and not m.group(5):
        persen = bool(m.group(2) or m.group(4))
        if persen:
            bawah, atas = _persen(m.group(1), asli), _persen(m.group(3), asli)
        else:
            bawah, atas = float(baca_desimal(m.group(1))), float(baca_desimal(m.group(3)))
        if bawah > atas:
            raise KesalahanInput(f'rentang target "{asli}": batas bawah lebih besar dari batas atas',
                                 asli)
        if atas == 0:  # capaian divides by the bounds: "0 - 0%" is the target 0
            raise KesalahanInput(f'rentang target "{asli}": batas atas 0; tulis target 0 '
                                 f'(tidak ada yang direncanakan)', asli)
        return Target("rentang", None, satuan="%" if persen else None, bawah=bawah, atas=atas,
                      teks=asli)

    rupiah = _POLA_RUPIAH.match(s)
    if rupiah:
        nilai = float(baca_desimal(s))
        return Target("nol" if nilai == 0 else "jumlah", nilai, satuan="Rupiah", teks=asli)

    m = _POLA_JUMLAH.match(s)
    if m:
        satuan = m.group(2).strip()
        if re.search(r"\d", satuan) or "%" in satuan:
            raise KesalahanInput(
                f'target "{asli}" memuat lebih dari satu angka/satuan; pisahkan per indikator',
                asli)
        nilai = float(baca_desimal(m.group(1)))
        return Target("nol" if nilai == 0 else "jumlah", nilai, satuan=satuan, teks=asli)

    try:
        nilai = float(baca_desimal(s))
    except KesalahanInput as e:
        if "ambigu" in e.pesan:
            raise KesalahanInput(f'target "{asli}": {e.pesan}', asli) from None
        raise KesalahanInput(
            f'target "{asli}" tidak dapat dibaca; contoh yang sah: "100%", "24 Laporan", '
            f'"79", "BB", "WTP", "80 - 90%"', asli) from None
    return Target("nol" if nilai == 0 else "skor", nilai, teks=asli)
