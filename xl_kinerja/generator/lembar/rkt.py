"""Sheet RKT: program headers, sasaran, indikator and the linked target, the program
table with JUMLAH and terbilang, one signatory."""
from __future__ import annotations

from ... import nama as N
from ..cetak import skala_dokumen, tinggi_baris
from ..dokumen import baris_sasaran, tabel_program, tanda_tangan_tunggal
from ..gaya import BINGKAI, FONT_TEBAL, ISI_SUBTOTAL, judul_kolom, judul_lembar, tulis_teks
from ..konteks import Konteks
from ..percepat import gabung
from ..proteksi import lindungi
from ..tata import TataAnggaran, TataUkur, kol

LEBAR_KOLOM = (5, 42, 56, 18)


def bangun_rkt(ws, kt: Konteks, ukur: TataUkur, angg: TataAnggaran) -> int:
    """Write the sheet; returns its fixed print scale (page breaks only between sasaran)."""
    judul_lembar(ws, f"RENCANA KINERJA TAHUNAN (RKT) TAHUN {kt.tahun}",
                 kt.satker.upper(), 4)
    for c, (teks, lb) in enumerate(zip(("No", "Program / Sasaran", "Indikator Kinerja",
                                        "Target"), LEBAR_KOLOM, strict=False), 1):
        judul_kolom(ws, 4, c, teks)
        ws.column_dimensions[kol(c)].width = lb
    r = 5
    no = 0
    blok = [(1, 4)]  # title and header open the first page
    # each program heading once, its sasaran under it in catalog order (a catalog may
    # alternate programs; "Program A, B, A" printed A twice)
    per_program: dict[str, list] = {}
    for s in kt.katalog.sasaran:
        per_program.setdefault(s.program or "", []).append(s)
    for program, daftar in per_program.items():
        awal_program = r
        if program:
            tulis_teks(ws.cell(r, 2), program.upper()).font = FONT_TEBAL
            gabung(ws, start_row=r, start_column=2, end_row=r, end_column=4)
            for c in range(1, 5):
                ws.cell(r, c).border = BINGKAI
                ws.cell(r, c).fill = ISI_SUBTOTAL
            r += 1
        for i, s in enumerate(daftar):
            no += 1
            awal = awal_program if i == 0 else r  # the heading stays with its first sasaran
            r = baris_sasaran(ws, r, no, s, ukur, lebar_indikator=56)
            blok.append((awal, r - 1))
    r += 1
    program = [i for i, b in enumerate(kt.katalog.anggaran) if b.tingkat == "program"]
    r = tabel_program(ws, r, kt, program, angg, nama_jumlah=N.RKT_JUMLAH_ANGGARAN,
                      nama_terbilang=N.RKT_TERBILANG, kolom_uraian=2, kolom_nilai=4,
                      lebar_gabung=2)
    r += 1
    if kt.satker.lower().startswith("sekretariat"):
        tanda_tangan_tunggal(ws, r, 3, N.TTD_NAMA_SEKRETARIS, N.TTD_JABATAN_SEKRETARIS)
    else:
        tanda_tangan_tunggal(ws, r, 3, N.TTD_NAMA_KETUA, N.TTD_JABATAN_KETUA)
    akhir = r + 5
    # the last sasaran, the program table and the signature on one page
    blok[-1] = (blok[-1][0], akhir)
    ws.print_title_rows = "4:4"
    ws.print_area = f"A1:D{akhir}"
    lindungi(ws, kt.sandi)
    return skala_dokumen(ws, blok, LEBAR_KOLOM, kt.kertas, tinggi_baris(ws, 4))
