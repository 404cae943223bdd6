"""A catalog target as workbook cells: the values written and the format they are shown in."""
from __future__ import annotations

import math

from ..aturan import JENIS, SATUAN_PERSEN, pecahan
from ..target import baca_target
from .gaya import F_ANGKA, F_PERSEN, F_TEKS

_FORMAT_TAMPILAN = {"persen": F_PERSEN, "angka": F_ANGKA, "teks": F_TEKS}


def format_isian(jenis: str) -> str:
    """Cell format of an indicator's target/realisasi inputs, from the rule table."""
    j = JENIS.get(jenis)
    return _FORMAT_TAMPILAN[j.tampilan] if j else F_ANGKA


def format_target(target, satuan: str) -> str:
    """Number format to show a target like the documents do ("97,5%", "24 Laporan")."""
    jenis = target.jenis
    nilai = target.nilai or 0
    if pecahan(jenis) or satuan == SATUAN_PERSEN:
        return "[$-421]0%" if float(nilai * 100).is_integer() else "[$-421]0.0#%"
    angka = "[$-421]#,##0" if float(nilai).is_integer() else "[$-421]#,##0.0#"
    if jenis in ("jumlah", "nol") and satuan and satuan != "%":
        return f'{angka} "{satuan.replace(chr(34), "")}"'
    return angka


def nilai_sel(target):
    """(value for the target cell, value for the upper-bound cell) from a core Target."""
    if target is None:
        return None, None
    if target.jenis == "ordinal":
        return target.predikat, None
    if target.jenis == "rentang":
        return _angka(target.bawah, target), _angka(target.atas, target)
    return _angka(target.nilai, target), None


def _angka(x, target):
    if x is None:
        return None
    x = float(x)
    return int(x) if x.is_integer() and target.satuan != "%" else x


def target_tw(ind, target, tahun: int) -> list:
    """Default quarterly targets (editable inputs; blank = not measured that quarter).

    The catalog's `target_tw` wins. Otherwise quarters before the first scheduled
    quarter are blank; a count grows cumulatively over the scheduled quarters to the
    annual target; every other kind keeps the annual target each measured quarter.
    """
    if tahun in ind.target_tw:
        return [None if v is None else nilai_sel(baca_target(v))[0]
                for v in ind.target_tw[tahun]]
    nilai, _ = nilai_sel(target)
    jadwal = ind.triwulan_terjadwal()
    hasil = []
    for q in range(1, 5):
        if q < jadwal[0]:
            hasil.append(None)
        elif ind.jenis_target == "jumlah" and isinstance(nilai, (int, float)) and nilai:
            k = len([j for j in jadwal if j <= q])
            v = nilai * k / len(jadwal)
            hasil.append(int(math.ceil(v - 1e-9)) if float(nilai).is_integer() else round(v, 2))
        else:
            hasil.append(nilai)
    return hasil
