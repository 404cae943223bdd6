"""Sheet IKU: the 5-year matrix of the decree (targets per year as texts, definitions),
the current year's column highlighted. A decree text: no formulas, left unprotected."""
from __future__ import annotations

from openpyxl.styles import PatternFill

from ... import nama as N
from ..gaya import BINGKAI, RATA_KIRI, RATA_TENGAH, judul_kolom, judul_lembar, tulis_teks
from ..konteks import Konteks
from ..penamaan import tetapkan, tetapkan_kolom
from ..tata import LEMBAR_IKU, kol, ref_abs, tinggi
from .iku_riwayat import bangun_riwayat


def bangun_iku(ws, kt: Konteks) -> None:
    k = kt.katalog
    tahun = k.tahun_periode()
    awal = ["No", "Program", "Sasaran", "Indikator Kinerja", "Satuan"]
    akhir_ = ["Definisi Operasional", "Formula Perhitungan", "Sumber Data",
              "Penanggung Jawab", "Polaritas", "Tingkat PK", "Kode Sasaran",
              "Kode Indikator"]
    kolom = awal + [str(t) for t in tahun] + akhir_
    lebar = [5, 22, 28, 36, 10] + [10] * len(tahun) + [36, 30, 24, 26, 9, 11, 9, 9]
    n = len(kolom)
    n_cetak = n - 4
    judul_lembar(ws, "INDIKATOR KINERJA UTAMA (IKU)", f"{kt.satker.upper()} — PERIODE "
                 f"{k.periode[0]}-{k.periode[1]}", n_cetak)
    c_tahun0 = len(awal) + 1
    for c, (teks, lb) in enumerate(zip(kolom, lebar, strict=False), 1):
        judul_kolom(ws, 4, c, teks)
        ws.column_dimensions[kol(c)].width = lb
    for i, t in enumerate(tahun):
        ws.cell(4, c_tahun0 + i).value = t  # numbers: readers find the year column
        ws.cell(4, c_tahun0 + i).number_format = "0"
        if t == kt.tahun:
            ws.cell(4, c_tahun0 + i).fill = PatternFill("solid", fgColor="FFD966")
    c_sesudah = c_tahun0 + len(tahun)
    r = 5
    for no, (s, ind) in enumerate(k.semua_indikator(), 1):
        ws.cell(r, 1, no)
        for c, teks in enumerate((s.program, s.nama, ind.nama, ind.satuan), 2):
            tulis_teks(ws.cell(r, c), teks)
        for i, t in enumerate(tahun):
            tulis_teks(ws.cell(r, c_tahun0 + i), ind.target.get(t, ""))
            ws.cell(r, c_tahun0 + i).alignment = RATA_TENGAH
        for j, teks in enumerate((ind.definisi_operasional, ind.formula, ind.sumber_data,
                                  ind.penanggung_jawab, ind.polaritas, s.tingkat, s.kode,
                                  ind.kode)):
            tulis_teks(ws.cell(r, c_sesudah + j), teks)
        for cc in range(1, n + 1):
            ws.cell(r, cc).border = BINGKAI
            if ws.cell(r, cc).alignment.horizontal != "center":
                ws.cell(r, cc).alignment = RATA_KIRI
        ws.row_dimensions[r].height = max(tinggi(ind.nama, 36), tinggi(s.nama, 28),
                                          tinggi(ind.definisi_operasional, 36))
        r += 1
    akhir = r - 1

    wb = ws.parent
    tetapkan(wb, N.IKU_TAHUN, ref_abs(LEMBAR_IKU, c_tahun0, 4, c_sesudah - 1, 4))
    tetapkan(wb, N.IKU_TARGET, ref_abs(LEMBAR_IKU, c_tahun0, 5, c_sesudah - 1, akhir))
    tetapkan_kolom(wb, LEMBAR_IKU, 5, akhir, [
        (N.IKU_PROGRAM, 2), (N.IKU_SASARAN, 3), (N.IKU_INDIKATOR, 4), (N.IKU_SATUAN, 5),
        *((nama, c_sesudah + i) for i, nama in enumerate((
            N.IKU_DEFINISI, N.IKU_FORMULA, N.IKU_SUMBER_DATA, N.IKU_PENANGGUNG_JAWAB,
            N.IKU_POLARITAS, N.IKU_TINGKAT, N.IKU_KODE_SASARAN, N.IKU_KODE_INDIKATOR)))])
    bangun_riwayat(ws, kt, n + 1, 5, akhir)  # realisasi per year, national figure (LKj)
    ws.freeze_panes = "E5"
    ws.auto_filter.ref = f"A4:{kol(n)}{akhir}"
    ws.print_title_rows = "4:4"
    ws.print_area = f"A1:{kol(n_cetak)}{akhir}"
