"""The SATUAN (unit) column: what kind of unit a cell names (percent, score, grade or a counted
unit), putting that unit into a bare target ("12" + "Laporan" -> "12 Laporan"), dividing one
SATUAN cell among several indicators, and reporting a unit that contradicts the target.

Separate because the checker (xl_kinerja.periksa) judges units with the same functions the
importer applies them with; target parsing itself stays in the core (xl_kinerja.target).
"""
from __future__ import annotations

import re

from ..errors import KesalahanInput
from ..katalog import SATUAN_DIKENAL
from ..target import baca_target
from .hasil import BarisData


def _satuan(target: str) -> tuple[str | None, str | None]:
    """(unit, kind) of a target as the core reads it; (None, None) when it is unreadable."""
    try:
        t = baca_target(target)
    except KesalahanInput:
        return None, None
    return t.satuan, t.jenis


# SATUAN column words that name a score or a grade rather than a counted unit
_SATUAN_SKOR = {"nilai", "indeks", "skor", "poin", "angka", "indeks/nilai"}
_SATUAN_ORDINAL = {"predikat", "opini", "kategori"}


def famili_satuan(satuan: str) -> str | None:
    """Kind a SATUAN column value names: "persen", "skor", "ordinal", "jumlah" (a counted
    unit such as Laporan, Orang, Rupiah), or None for a blank cell."""
    s = re.sub(r"\s+", " ", (satuan or "").strip().strip("().")).lower()
    if not s:
        return None
    if s in ("%", "persen", "persentase", "prosentase"):
        return "persen"
    if s in _SATUAN_SKOR:
        return "skor"
    if s in _SATUAN_ORDINAL:
        return "ordinal"
    return "jumlah"


def _unit_sama(a: str, b: str) -> bool:
    def norm(x):
        x = re.sub(r"\s+", " ", x.strip().strip(".")).lower()
        return "rupiah" if x in ("rp", "rp.", "idr") else x
    return norm(a) == norm(b)


def gabung_satuan(target: str, satuan: str | None) -> tuple[str, str | None]:
    """Apply a SATUAN column to a target cell: (target text the core reads, contradiction).

    A bare number takes the column's unit: "100" + "%" -> "100%", "12" + "Laporan" ->
    "12 Laporan"; a score unit ("Nilai", "Indeks") leaves "79" a score. A target that carries
    its own unit is kept as written; when the column says otherwise ("95%" with "Dokumen")
    the second value is an Indonesian message naming both. Unreadable targets are returned
    unchanged (the checker reports them)."""
    target = (target or "").strip()
    fam = famili_satuan(satuan or "")
    if not target or fam is None:
        return target, None
    satuan = satuan.strip()
    try:
        t = baca_target(target)
    except KesalahanInput:
        return target, None
    if t.jenis == "skor" or (t.jenis == "nol" and t.satuan is None):
        if fam == "persen":
            return f"{target}%", None
        if fam == "jumlah":
            return f"{target} {satuan}", None
        return target, None
    if t.jenis == "rentang" and t.satuan is None:
        return (f"{target}%", None) if fam == "persen" else (target, None)
    if t.satuan == "%":
        cocok = fam == "persen"
    elif t.jenis == "ordinal":
        cocok = fam in ("skor", "ordinal")
    else:  # a count with its own unit
        cocok = fam == "jumlah" and _unit_sama(t.satuan or "", satuan)
    if cocok:
        return target, None
    return target, f"kolom SATUAN {satuan!r} bertentangan dengan target {target!r}"


def _bagi_satuan(teks: str, daftar_tgt: list[str], n: int) -> list[str] | None:
    """The SATUAN cell per indicator of a row holding n indicators, or None when it cannot be
    divided (one unit for several indicators whose targets carry their own units)."""
    teks = (teks or "").strip()
    if n <= 1:
        return [teks]
    butir = [p.strip() for p in teks.split("•") if p.strip()]
    if len(butir) == n:
        return butir
    try:
        telanjang = len(daftar_tgt) == n and all(
            baca_target(x).jenis in ("skor", "nol") and baca_target(x).satuan is None
            for x in daftar_tgt)
    except KesalahanInput:
        telanjang = False
    satu_unit = teks.lower() in {x.lower() for x in SATUAN_DIKENAL}  # "Badan Adhoc"
    if len(teks.split()) == n and not satu_unit:
        return teks.split()  # "% Kali"
    return [teks] * n if telanjang else None


def _pakai_satuan(d: BarisData, satuan: str, peringatan: list) -> None:
    """Put the indicator's SATUAN into its target(s) (`gabung_satuan`); contradictions are
    warned about, and the target keeps its own unit."""
    if not satuan:
        d.nilai.pop("satuan", None)
        return
    d.nilai["satuan"] = satuan
    d.target, konflik = gabung_satuan(d.target, satuan)
    pesan = {konflik} if konflik else set()
    if d.nilai.get("target_tahun"):
        for th, teks in d.nilai["target_tahun"].items():
            d.nilai["target_tahun"][th], k = gabung_satuan(teks, satuan)
            if k:
                pesan.add(k)
    for p in sorted(pesan):
        peringatan.append((d.nomor, f"{p}; dipakai satuan pada target"))
