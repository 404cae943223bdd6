"""Indicator-level rules, as functions over plain values so that a table (tabel.py) and a
workbook of ours (buku.py) give the same findings for the same indicator: an unreadable or
ambiguous target, a name that contradicts its unit ("Persentase ..." counted in Laporan,
"Jumlah ..." in %), a SATUAN column that contradicts the target's own unit, and the key that
makes two indicator rows duplicates.

Messages name the indicator shortened at a word boundary ("Persentase laporan monitoring dan
evaluasi yang…"), never a bare "'Persentase ...'".
"""
from __future__ import annotations

import re

from ..angka import format_ringkas
from ..aturan import pecahan
from ..errors import KesalahanInput
from ..impor.satuan import famili_satuan, gabung_satuan
from ..impor.sel import pendek
from ..target import Target, baca_target
from .temuan import Temuan

_PERSENTASE = re.compile(r"(persentase|presentase|presentasi|prosentase)\b")
_JUMLAH = re.compile(r"jumlah\b")


def periksa_target(lok: dict, target: str) -> tuple[Target | None, list[Temuan]]:
    """(the target as the core reads it, findings): `angka_ambigu` ("1,200 orang") or
    `target_tak_terbaca` ("sesuai jadwal") when the core cannot read it."""
    try:
        return baca_target(target), []
    except KesalahanInput as e:
        aturan = "angka_ambigu" if "ambigu" in str(e).lower() else "target_tak_terbaca"
        return None, [Temuan(aturan, lok, f"target tidak dapat dibaca: {e}", target, None)]


def periksa_satuan(lok: dict, nama: str, target: str, tg: Target,
                   satuan_kolom: str = "") -> list[Temuan]:
    """Name vs unit, judged on the SATUAN column when there is one, else on the target's own
    unit; and a SATUAN column that contradicts the target's own unit."""
    t = []
    kolom = (satuan_kolom or "").strip()
    fam = famili_satuan(kolom)
    teks = (nama or "").lower().lstrip("• ")
    siapa = f"indikator {pendek(nama)!r}"
    if _PERSENTASE.match(teks):
        if fam == "jumlah":
            t.append(Temuan("satuan_bertentangan", lok, f"{siapa} bersatuan {kolom!r} (kolom "
                            "SATUAN), padahal namanya persentase", kolom, "%"))
        elif fam is None and tg.jenis == "jumlah" and tg.satuan and tg.satuan != "%":
            t.append(Temuan("satuan_bertentangan", lok, f"{siapa} bertarget jumlah dengan "
                            f"satuan ({target!r}), padahal namanya persentase", target, "%"))
    elif _JUMLAH.match(teks):
        if fam == "persen":
            t.append(Temuan("satuan_bertentangan", lok, f"{siapa} bersatuan {kolom!r} (kolom "
                            "SATUAN), padahal namanya jumlah", kolom, "jumlah dengan satuan"))
        elif fam is None and tg.jenis == "persen":
            t.append(Temuan("satuan_bertentangan", lok, f"{siapa} bertarget persentase "
                            f"({target!r}), padahal namanya jumlah", target,
                            "jumlah dengan satuan"))
    konflik = gabung_satuan(target, kolom)[1] if kolom else None
    if konflik:
        t.append(Temuan("satuan_kolom_bertentangan", lok, konflik, kolom, tg.satuan or tg.jenis))
    return t


def periksa_indikator(lok: dict, nama: str, target: str, satuan_kolom: str = "") -> list[Temuan]:
    """Every indicator-level rule on one indicator (blank target: nothing to judge)."""
    if not (target or "").strip():
        return []
    tg, t = periksa_target(lok, target)
    if tg is not None:
        t.extend(periksa_satuan(lok, nama, target, tg, satuan_kolom))
    return t


def teks_target(nilai, jenis: str, satuan: str, atas=None) -> str:
    """A workbook's stored target written as a table writes it ("24 Laporan", "97,5%",
    "80 - 90%", "BB"), so `periksa_indikator` judges both alike. Fractions are the kinds
    stored as fractions (persen, rentang)."""
    if nilai is None or nilai == "":
        return ""
    if isinstance(nilai, str):
        return nilai
    if pecahan(jenis):
        teks = _angka(nilai * 100)
        if jenis == "rentang" and isinstance(atas, (int, float)):
            return f"{teks} - {_angka(atas * 100)}%"
        return teks + "%"
    if jenis == "jumlah" and satuan:
        return f"{_angka(nilai)} {satuan}"
    return _angka(nilai)


def _angka(v: float) -> str:
    v = round(float(v), 9)
    return format_ringkas(v, 6)
