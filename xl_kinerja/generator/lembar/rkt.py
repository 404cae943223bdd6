"""Sheet RKT: program headers, sasaran, indikator and the linked target, the program
table with JUMLAH and terbilang, one signatory."""
from __future__ import annotations

from ... import nama as N
from ..dokumen import baris_sasaran, tabel_program, tanda_tangan_tunggal
from ..gaya import BINGKAI, FONT_TEBAL, ISI_SUBTOTAL, judul_kolom, judul_lembar, tulis_teks
from ..konteks import Konteks
from ..proteksi import lindungi
from ..tata import TataAnggaran, TataUkur, kol


def bangun_rkt(ws, kt: Konteks, ukur: TataUkur, angg: TataAnggaran) -> None:
    judul_lembar(ws, f"RENCANA KINERJA TAHUNAN (RKT) TAHUN {kt.tahun}",
                 kt.satker.upper(), 4)
    for c, (teks, lb) in enumerate((("No", 5), ("Program / Sasaran", 42),
                                    ("Indikator Kinerja", 56), ("Target", 18)), 1):
        judul_kolom(ws, 4, c, teks)
        ws.column_dimensions[kol(c)].width = lb
    r = 5
    program_lalu = None
    no = 0
    for s in kt.katalog.sasaran:
        if s.program and s.program != program_lalu:
            tulis_teks(ws.cell(r, 2), s.program.upper()).font = FONT_TEBAL
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
            for c in range(1, 5):
                ws.cell(r, c).border = BINGKAI
                ws.cell(r, c).fill = ISI_SUBTOTAL
            program_lalu = s.program
            r += 1
        no += 1
        r = baris_sasaran(ws, r, no, s, ukur, lebar_indikator=56)
    r += 1
    program = [i for i, b in enumerate(kt.katalog.anggaran) if b.tingkat == "program"]
    r = tabel_program(ws, r, kt, program, angg, nama_jumlah=N.RKT_JUMLAH_ANGGARAN,
                      nama_terbilang=N.RKT_TERBILANG, kolom_uraian=2, kolom_nilai=4,
                      lebar_gabung=2)
    r += 1
    if kt.satker.lower().startswith("sekretariat"):
        tanda_tangan_tunggal(ws, r, 3, kt, "Sekretaris Komisi Pemilihan Umum",
                             kt.ttd.get("sekretaris", ""))
    else:
        tanda_tangan_tunggal(ws, r, 3, kt, "Ketua Komisi Pemilihan Umum",
                             kt.ttd.get("ketua", ""))
    ws.print_title_rows = "4:4"
    ws.print_area = f"A1:D{r + 6}"
    lindungi(ws, kt.sandi)
