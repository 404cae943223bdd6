"""Excel worksheet functions (UDFs) of the xl-kinerja add-in.

Thin wrappers over the core (xl_kinerja.capaian, .predikat, ...): no rule lives here.
Each function works on one cell or on whole ranges: a range arrives as ONE Python call
(a 2D list) and returns a 2D list of the same shape; scalar arguments are broadcast.
"Not applicable" (core returns None) becomes an empty cell (""), bad input becomes a short
Indonesian error text in that cell only, never a traceback.

The functions are plain Python callables too (xlwings' decorators only attach metadata),
so they are importable and testable on Linux. In Excel, set "UDF Modules" to
`xl_kinerja.addin.udf` and click "Import Functions" on the xlwings ribbon.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import xlwings as xw

from ..anggaran import persen_anggaran, sisa_anggaran
from ..angka import baca_angka
from ..capaian import capaian
from ..errors import KesalahanInput
from ..predikat import SKALA, predikat
from ..target import baca_target
from ..terbilang import terbilang

KESALAHAN = "#KESALAHAN: "


def _kosong(x: Any) -> bool:
    return x is None or (isinstance(x, str) and x.strip() == "")


def _ke_2d(x: Any) -> list[list[Any]]:
    if isinstance(x, (list, tuple)):
        if not x:
            return [[None]]
        if isinstance(x[0], (list, tuple)):
            return [list(baris) for baris in x]
        return [list(x)]  # a 1D row
    return [[x]]


def _sebar(fungsi: Callable[..., Any], *argumen: Any) -> Any:
    """Apply `fungsi` element-wise over 2D arguments, broadcasting 1x1 ones.

    Returns a scalar when every argument is a single cell, else a 2D list.
    """
    grid = [_ke_2d(a) for a in argumen]
    bentuk = {(len(g), len(g[0])) for g in grid if (len(g), len(g[0])) != (1, 1)}
    if len(bentuk) > 1:
        return KESALAHAN + "ukuran rentang tidak sama"
    baris, kolom = bentuk.pop() if bentuk else (1, 1)
    hasil = []
    for i in range(baris):
        hasil_baris = []
        for j in range(kolom):
            nilai = [g[0][0] if len(g) == 1 and len(g[0]) == 1 else
                     (g[i][j] if j < len(g[i]) else None) for g in grid]
            hasil_baris.append(_aman(fungsi, *nilai))
        hasil.append(hasil_baris)
    if (baris, kolom) == (1, 1):
        return hasil[0][0]
    return hasil


def _aman(fungsi: Callable[..., Any], *nilai: Any) -> Any:
    try:
        keluaran = fungsi(*nilai)
    except Exception:  # noqa: BLE001 - a cell must never show a traceback
        keluaran = KESALAHAN + "nilai tidak dapat dihitung"
    return "" if keluaran is None else keluaran


def _terbaca(baca: Callable[[Any], Any], x: Any) -> bool:
    try:
        baca(x)
        return True
    except Exception:  # noqa: BLE001
        return False


# --- per-cell kernels (plain Python, no xlwings) -----------------------------------------

def _capaian_sel(target: Any, realisasi: Any, polaritas: Any) -> Any:
    if _kosong(polaritas):  # an empty optional cell means the default
        polaritas = "maks"
    try:
        return capaian(target, realisasi, polaritas)
    except KesalahanInput:
        if not _kosong(target) and not _terbaca(baca_target, target):
            return KESALAHAN + "target tidak terbaca"
        try:
            capaian(target, realisasi)
        except KesalahanInput:
            return KESALAHAN + "realisasi tidak terbaca"
        return KESALAHAN + "polaritas tidak dikenal (maks/min)"


def _predikat_sel(nilai: Any, skala: Any) -> Any:
    skala = "kpu" if _kosong(skala) else str(skala).strip().lower()
    if skala not in SKALA:
        return KESALAHAN + "skala tidak dikenal"
    try:  # text ("90,01%") is the core's to read, exactly as xk.predikat reads it
        return predikat(nilai, skala)
    except (KesalahanInput, TypeError, ValueError):
        return KESALAHAN + "nilai tidak terbaca"


def _anggaran_sel(fungsi_inti: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def sel(pagu: Any, realisasi: Any) -> Any:
        try:
            return fungsi_inti(pagu, realisasi)
        except (KesalahanInput, TypeError, ValueError):
            if isinstance(pagu, str) and not _kosong(pagu) and not _terbaca(baca_angka, pagu):
                return KESALAHAN + "pagu tidak terbaca"
            return KESALAHAN + "realisasi tidak terbaca"
    return sel


def _terbilang_sel(angka: Any) -> Any:
    try:  # text ("Rp 1.200") is read by the core's terbilang itself
        return terbilang(angka)
    except (KesalahanInput, TypeError, ValueError):
        return KESALAHAN + "angka tidak terbaca"


def _baca_angka_sel(teks: Any) -> Any:
    if _kosong(teks):
        return None
    try:
        return baca_angka(teks)
    except (KesalahanInput, TypeError, ValueError):
        return KESALAHAN + "angka tidak terbaca atau ambigu"


# --- Excel functions -----------------------------------------------------------------------

@xw.func(category="Kinerja")
@xw.arg("target", ndim=2, doc="Target indikator (angka, persen, rentang, atau predikat), satu sel atau rentang.")  # noqa: E501 - Excel shows this text as one line
@xw.arg("realisasi", ndim=2, doc="Realisasi indikator, satu sel atau rentang seukuran target.")
@xw.arg("polaritas", ndim=2, doc='Opsional: "maks" (makin tinggi makin baik, bawaan) atau "min"; satu sel atau rentang.')  # noqa: E501 - Excel shows this text as one line
def CAPAIAN(target, realisasi, polaritas="maks"):
    """Menghitung capaian kinerja (pecahan, mis. 0,95 = 95%) dari target dan realisasi. Sel kosong bila tidak berlaku."""  # noqa: E501 - Excel shows this text as one line
    return _sebar(_capaian_sel, target, realisasi, polaritas)


@xw.func(category="Kinerja")
@xw.arg("nilai", ndim=2, doc="Nilai capaian (pecahan) atau skor 0-100, satu sel atau rentang.")
@xw.arg("skala", doc='Opsional: nama skala "kpu" (bawaan), "permendagri", "sakip", atau "ikpa".')
def PREDIKAT(nilai, skala="kpu"):
    """Memberi predikat kinerja (mis. "Sangat Baik") untuk nilai capaian menurut skala."""
    return _sebar(_predikat_sel, nilai, skala)


@xw.func(category="Kinerja")
@xw.arg("pagu", ndim=2, doc="Pagu anggaran (Rp), satu sel atau rentang.")
@xw.arg("realisasi", ndim=2, doc="Realisasi anggaran (Rp), satu sel atau rentang seukuran pagu.")
def PERSEN_ANGGARAN(pagu, realisasi):
    """Menghitung persentase realisasi anggaran terhadap pagu (pecahan, mis. 0,9 = 90%)."""
    return _sebar(_anggaran_sel(persen_anggaran), pagu, realisasi)


@xw.func(category="Kinerja")
@xw.arg("pagu", ndim=2, doc="Pagu anggaran (Rp), satu sel atau rentang.")
@xw.arg("realisasi", ndim=2, doc="Realisasi anggaran (Rp), satu sel atau rentang seukuran pagu.")
def SISA_ANGGARAN(pagu, realisasi):
    """Menghitung sisa anggaran (pagu dikurangi realisasi) dalam rupiah."""
    return _sebar(_anggaran_sel(sisa_anggaran), pagu, realisasi)


@xw.func(category="Kinerja")
@xw.arg("angka", ndim=2, doc="Jumlah rupiah yang akan ditulis dengan huruf, satu sel atau rentang.")
def TERBILANG(angka):
    """Menuliskan angka rupiah dengan huruf (mis. "Seratus Ribu Rupiah")."""
    return _sebar(_terbilang_sel, angka)


@xw.func(category="Kinerja")
@xw.arg("teks", ndim=2, doc='Teks angka gaya Indonesia, mis. "1.200", "97,5" atau "Rp. 2.647.529.000,-".')
def BACA_ANGKA(teks):
    """Membaca teks angka gaya Indonesia (titik ribuan, koma desimal) menjadi angka."""
    return _sebar(_baca_angka_sel, teks)


__all__ = ["CAPAIAN", "PREDIKAT", "PERSEN_ANGGARAN", "SISA_ANGGARAN", "TERBILANG", "BACA_ANGKA"]
