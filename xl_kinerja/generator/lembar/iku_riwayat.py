"""IKU, right of the decree columns: what the LKj analyses need over the years.

Per indicator the realisasi of the baseline year (the year before the period) and of each
year of the period (input, same kind of value as Pengukuran: persen as a fraction, ordinal
as grade text), the national figure ("standar nasional / realisasi KPU RI"), and the budget
codes that serve the sasaran. `baru --dari` fills last year's realisasi (and keeps the
older ones); the LKj reads them by name (nama.IKU_REALISASI, ...)."""
from __future__ import annotations

from ... import nama as N
from ...target import baca_target
from ..gaya import F_TEKS, RATA_KIRI, RATA_TENGAH, isian, judul_kolom
from ..konteks import Konteks
from ..nilai_target import format_isian, nilai_sel
from ..penamaan import tetapkan, tetapkan_kolom
from ..tata import LEMBAR_IKU, kol, ref_abs

F_TAHUN_REALISASI = '"Realisasi "0'  # the header cell holds the year as a number


def nilai_isian(v):
    """A catalog realisasi/national value as the workbook stores it: numbers as they are,
    text through the core's target grammar ("95%" -> 0.95, "24 Laporan" -> 24, "BB")."""
    if v is None or v == "" or not isinstance(v, str):
        return v
    return nilai_sel(baca_target(v))[0]


def _format(jenis: str) -> str:
    return format_isian(jenis)


def bangun_riwayat(ws, kt: Konteks, c0: int, awal: int, akhir: int) -> None:
    k = kt.katalog
    tahun = [k.periode[0] - 1, *k.tahun_periode()]
    c_nas, c_angg = c0 + len(tahun), c0 + len(tahun) + 1
    for i, t in enumerate(tahun):
        judul_kolom(ws, 4, c0 + i, t)
        ws.cell(4, c0 + i).number_format = F_TAHUN_REALISASI
        ws.column_dimensions[kol(c0 + i)].width = 12
    judul_kolom(ws, 4, c_nas, "Standar Nasional / Realisasi KPU RI")
    judul_kolom(ws, 4, c_angg, "Kode Anggaran Sasaran")
    ws.column_dimensions[kol(c_nas)].width = 16
    ws.column_dimensions[kol(c_angg)].width = 22
    program = {b.uraian.strip().lower(): b.kode for b in k.anggaran if b.tingkat == "program"}
    for r, (s, ind) in enumerate(k.semua_indikator(), awal):
        fmt = _format(ind.jenis_target)
        for i, t in enumerate(tahun):
            isian(ws.cell(r, c0 + i), fmt).value = nilai_isian(ind.realisasi.get(t))
            ws.cell(r, c0 + i).alignment = RATA_TENGAH
        isian(ws.cell(r, c_nas), fmt).value = nilai_isian(ind.nasional)
        ws.cell(r, c_nas).alignment = RATA_TENGAH
        # without a mapping in the catalog: the program row named like the sasaran's program
        kode = list(s.kode_anggaran)
        if not kode and s.program.strip().lower() in program:
            kode = [program[s.program.strip().lower()]]
        isian(ws.cell(r, c_angg), F_TEKS).value = ", ".join(kode) or None
        ws.cell(r, c_angg).alignment = RATA_KIRI
    wb = ws.parent
    tetapkan(wb, N.IKU_TAHUN_REALISASI, ref_abs(LEMBAR_IKU, c0, 4, c0 + len(tahun) - 1, 4))
    tetapkan(wb, N.IKU_REALISASI, ref_abs(LEMBAR_IKU, c0, awal, c0 + len(tahun) - 1, akhir))
    tetapkan_kolom(wb, LEMBAR_IKU, awal, akhir, [(N.IKU_NASIONAL, c_nas),
                                                 (N.IKU_KODE_ANGGARAN, c_angg)])
