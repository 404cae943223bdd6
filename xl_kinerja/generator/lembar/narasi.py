"""Pengukuran, right of the data columns: per triwulan the office's own words for each
indicator (kendala, solusi/tindak lanjut, bukti dukung), input text the LKj quotes.

Outside the print area (the printed Pengukuran stays one page wide); unlocked like every
input; one defined name per column (nama.UKUR_KENDALA_TW, ...)."""
from __future__ import annotations

from ... import nama as N
from ..gaya import F_TEKS, RATA_KIRI, isian, judul_kolom
from ..penamaan import tetapkan_kolom
from ..tata import BARIS_DATA, LEMBAR_UKUR, U_PJ, kol

BAGIAN = (("Kendala", N.UKUR_KENDALA_TW, 30), ("Solusi / Tindak Lanjut", N.UKUR_SOLUSI_TW, 30),
          ("Bukti Dukung", N.UKUR_BUKTI_TW, 22))
N_NARASI0 = U_PJ + 1  # first narrative column


def n_narasi(q: int, bagian: int) -> int:
    """Column of TW q (1-4); bagian 0 kendala, 1 solusi, 2 bukti dukung."""
    return N_NARASI0 + len(BAGIAN) * (q - 1) + bagian


def bangun_narasi(ws, akhir: int) -> None:
    """Headers, input cells of rows BARIS_DATA..akhir, and the names."""
    nama = []
    for q in range(1, 5):
        judul_kolom(ws, 4, n_narasi(q, 0), f"Catatan Triwulan {N.romawi(q)}",
                    lebar_gabung=len(BAGIAN))
        for b, (teks, daftar, lebar) in enumerate(BAGIAN):
            c = n_narasi(q, b)
            judul_kolom(ws, 5, c, teks)
            ws.column_dimensions[kol(c)].width = lebar
            for r in range(BARIS_DATA, akhir + 1):
                isian(ws.cell(r, c), F_TEKS).alignment = RATA_KIRI
            nama.append((daftar[q - 1], c))
    tetapkan_kolom(ws.parent, LEMBAR_UKUR, BARIS_DATA, akhir, nama)
