"""Sheet Pengukuran: per indikator the annual and quarterly targets, the cumulative
realisasi (inputs), capaian and predikat per quarter and for the year (formulas), then
the rekap per sasaran and for the satker."""
from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break

from ... import nama as N
from ...aturan import pecahan
from ...capaian import BATAS_PERSEN
from .. import rumus as R
from ..cetak import skala_lebar
from ..gaya import (
    BINGKAI,
    F_PERSEN,
    FONT_TEBAL,
    ISI_SUBTOTAL,
    RATA_KIRI,
    RATA_TENGAH,
    isian,
    judul_kolom,
    judul_lembar,
    rumus,
    tulis_teks,
)
from ..konteks import Konteks
from ..nilai_target import format_isian, nilai_sel, target_tw
from ..penamaan import NAMA_DAFTAR, tetapkan_kolom
from ..percepat import gabung
from ..proteksi import lindungi
from ..tata import (
    BARIS_DATA,
    LEMBAR_UKUR,
    U_ATAS,
    U_CAP_THN,
    U_INDIKATOR,
    U_JENIS,
    U_KODE_INDIKATOR,
    U_KODE_SASARAN,
    U_NO,
    U_PJ,
    U_POLARITAS,
    U_PRED_THN,
    U_REAL_THN,
    U_SASARAN,
    U_SATUAN,
    U_TARGET,
    U_TERAKHIR_CETAK,
    BarisUkur,
    TataUkur,
    kol,
    rentang_baris,
    tinggi,
    u_tw,
)
from ..validasi import KumpulanValidasi
from .narasi import bangun_narasi

# predikat wraps ("Kurang / Berhasil"), never shrinks: the print must stay >= 8 pt
TENGAH_SEBARIS = Alignment(horizontal="center", vertical="center", wrap_text=True)
# Column widths. The print puts No..Target (repeated) with TW I-II on one page and with
# TW III-IV and Tahunan on the next: 166 characters in 16 columns at most, so a fixed 81%
# scale on A4 keeps the 10 pt text at 8 pt or more on paper (tests/test_cetak_pdf.py
# measures it).
LEBAR_TETAP = (4, 19, 28, 7, 8)
LEBAR_TW = (8, 9, 8, 11)
LEBAR_TAHUNAN = (9, 8, 11)
TINGGI_MIN = 28.2  # two lines: a wrapped predikat


CATATAN_CETAK = Font(name="Arial", size=10, italic=True, color="595959")
CATATAN_TAHUNAN = "Sebelum realisasi TW IV diisi: kemajuan s.d. TW terakhir, tanpa predikat"


def bangun_pengukuran(ws, kt: Konteks, daftar_peringkat: dict[str, str]) -> TataUkur:
    """Write the sheet; `daftar_peringkat` = {grade family: name of its list} (from
    Referensi). Returns the row of every indicator."""
    tahun = kt.tahun
    # the title spans the first printed column page (TW I-II), not the whole width
    judul_lembar(ws, f"PENGUKURAN KINERJA TAHUN {tahun}", kt.satker.upper(), u_tw(2, 3),
                 catatan="Sel kuning = isian (target dan realisasi kumulatif s.d. akhir "
                         "triwulan). Sel putih = rumus (terkunci). Target triwulan kosong "
                         "= tidak diukur pada triwulan itu.")
    ws.cell(3, 1).font = CATATAN_CETAK
    tetap = zip((U_NO, U_SASARAN, U_INDIKATOR, U_SATUAN, U_TARGET),
                ("No", "Sasaran", "Indikator Kinerja", "Satuan", "Target Tahunan"), LEBAR_TETAP, strict=False)
    for c, teks, lebar in tetap:
        judul_kolom(ws, 4, c, teks, tinggi_gabung=2)
        ws.column_dimensions[kol(c)].width = lebar
    for q in range(1, 5):
        judul_kolom(ws, 4, u_tw(q, 0), f"Triwulan {N.romawi(q)}", lebar_gabung=4)
        for b, (teks, lebar) in enumerate(zip(("Target", "Realisasi", "Capaian", "Predikat"),
                                              LEBAR_TW, strict=False)):
            judul_kolom(ws, 5, u_tw(q, b), teks)
            ws.column_dimensions[kol(u_tw(q, b))].width = lebar
    judul_kolom(ws, 4, U_REAL_THN, "Tahunan", lebar_gabung=3)
    # mid-year honesty (capaian.keterangan_tahunan), said above the annual columns
    ws.cell(3, U_REAL_THN, CATATAN_TAHUNAN).font = CATATAN_CETAK
    ws.cell(3, U_REAL_THN).alignment = Alignment(wrap_text=True, vertical="bottom")
    ws.merge_cells(start_row=3, start_column=U_REAL_THN, end_row=3, end_column=U_PRED_THN)
    ws.row_dimensions[3].height = tinggi(CATATAN_TAHUNAN, sum(LEBAR_TAHUNAN))
    for c, teks, lebar in zip((U_REAL_THN, U_CAP_THN, U_PRED_THN),
                              ("Realisasi Terakhir", "Capaian", "Predikat"), LEBAR_TAHUNAN, strict=False):
        judul_kolom(ws, 5, c, teks)
        ws.column_dimensions[kol(c)].width = lebar
    for c, teks, lebar in ((U_KODE_SASARAN, "Kode Sasaran", 8),
                           (U_KODE_INDIKATOR, "Kode Indikator", 9),
                           (U_JENIS, "Jenis Target", 10), (U_POLARITAS, "Polaritas", 9),
                           (U_ATAS, "Batas Atas (rentang)", 10),
                           (U_PJ, "Penanggung Jawab", 30)):
        judul_kolom(ws, 4, c, teks, tinggi_gabung=2)
        ws.column_dimensions[kol(c)].width = lebar

    r = BARIS_DATA
    dv_angka = DataValidation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showErrorMessage=True, errorTitle="Isian harus angka",
        error="Isi angka tidak negatif (persen ketik mis. 97,5%). Kosongkan bila belum ada.",
        showInputMessage=True, promptTitle="Realisasi/target",
        prompt="Angka kumulatif s.d. akhir triwulan; kosong = belum ada / tidak diukur.")
    # a percent typed without "%" in LibreOffice/WPS: 98 -> 9.800%; above BATAS_PERSEN
    # (the core's limit, also used by the rekap and checker) the cell refuses it and says
    # how to type it
    dv_persen = DataValidation(
        type="decimal", operator="between", formula1="0", formula2=f"{BATAS_PERSEN:g}",
        allow_blank=True, showErrorMessage=True, errorTitle="Persen tidak masuk akal",
        error=f"Nilai di atas {BATAS_PERSEN * 100:g}%. Ketik persen dengan "
              "tandanya, mis. 98% (bukan 98). "
              "Kosongkan bila belum ada.",
        showInputMessage=True, promptTitle="Realisasi/target (persen)",
        prompt="Ketik dengan tanda %, mis. 98%; kumulatif s.d. akhir triwulan.")
    dv_grade: dict[str, DataValidation] = {}
    validasi = KumpulanValidasi(dv_angka, dv_persen)
    baris: list[BarisUkur] = []
    no = 0
    for s, ind in kt.katalog.semua_indikator():
        no += 1
        t = ind.target_tahun(tahun)
        baris.append(BarisUkur(r, s, ind, t))
        ws.cell(r, U_NO, no).alignment = RATA_TENGAH
        ws.cell(r, U_NO).border = BINGKAI
        tulis_teks(ws.cell(r, U_SASARAN), s.nama, gaya_isian=True).alignment = RATA_KIRI
        tulis_teks(ws.cell(r, U_INDIKATOR), ind.nama, gaya_isian=True).alignment = RATA_KIRI
        tulis_teks(ws.cell(r, U_SATUAN), ind.satuan, gaya_isian=True)
        tulis_teks(ws.cell(r, U_KODE_SASARAN), s.kode, gaya_isian=True)
        tulis_teks(ws.cell(r, U_KODE_INDIKATOR), ind.kode, gaya_isian=True)
        tulis_teks(ws.cell(r, U_JENIS), ind.jenis_target, gaya_isian=True)
        tulis_teks(ws.cell(r, U_POLARITAS), ind.polaritas, gaya_isian=True)
        tulis_teks(ws.cell(r, U_PJ), ind.penanggung_jawab, gaya_isian=True)
        ws.cell(r, U_PJ).alignment = RATA_KIRI
        fmt = format_isian(ind.jenis_target)
        nilai, atas = nilai_sel(t)
        if t is not None and t.jenis == "nol" and ind.jenis_target == "ordinal":
            nilai = None
        isian(ws.cell(r, U_TARGET), fmt).value = nilai
        isian(ws.cell(r, U_ATAS), fmt).value = atas
        for q, v in enumerate(target_tw(ind, t, tahun), 1):
            isian(ws.cell(r, u_tw(q, 0)), fmt).value = v
            isian(ws.cell(r, u_tw(q, 1)), fmt)
        # formulas
        J = f"${kol(U_JENIS)}{r}"
        P = f"${kol(U_POLARITAS)}{r}"
        A = f"${kol(U_ATAS)}{r}"
        for q in range(1, 5):
            T = f"{kol(u_tw(q, 0))}{r}"
            Rr = f"{kol(u_tw(q, 1))}{r}"
            C = f"{kol(u_tw(q, 2))}{r}"
            rumus(ws.cell(r, u_tw(q, 2)), "=" + R.capaian(T, Rr, J, P, A), F_PERSEN)
            rumus(ws.cell(r, u_tw(q, 3)), "=" + R.predikat(C)).alignment = TENGAH_SEBARIS
        rumus(ws.cell(r, U_REAL_THN), "=" + R.realisasi_terakhir(
            [f"{kol(u_tw(q, 1))}{r}" for q in range(1, 5)]), fmt)
        rumus(ws.cell(r, U_CAP_THN), "=" + R.capaian(
            f"{kol(U_TARGET)}{r}", f"{kol(U_REAL_THN)}{r}", J, P, A), F_PERSEN)
        # no predikat before TW IV: the cell says "s.d. TW n" (capaian.keterangan_tahunan)
        rumus(ws.cell(r, U_PRED_THN), "=" + R.predikat_tahunan(
            f"{kol(U_CAP_THN)}{r}", [f"{kol(u_tw(q, 1))}{r}" for q in range(1, 5)])
              ).alignment = TENGAH_SEBARIS
        # validations
        sel_isian = [f"{kol(u_tw(q, b))}{r}" for q in range(1, 5) for b in (0, 1)]
        sel_isian += [f"{kol(U_TARGET)}{r}"]
        if ind.jenis_target == "ordinal":
            kel = (t.keluarga if t is not None and t.jenis == "ordinal" else "sakip")
            if kel not in dv_grade:
                dv_grade[kel] = DataValidation(
                    type="list", formula1=f"{daftar_peringkat[kel]}", allow_blank=True,
                    showErrorMessage=True, errorTitle="Predikat tidak dikenal",
                    error="Pilih predikat/opini dari daftar (lihat lembar Referensi).")
            for sel in sel_isian:
                validasi.tambah(dv_grade[kel], sel)
        else:
            dv = dv_persen if pecahan(ind.jenis_target) else dv_angka
            for sel in sel_isian + [f"{kol(U_ATAS)}{r}"]:
                validasi.tambah(dv, sel)
        ws.row_dimensions[r].height = max(tinggi(ind.nama, LEBAR_TETAP[2]),
                                          tinggi(s.nama, LEBAR_TETAP[1]), TINGGI_MIN)
        r += 1
    akhir = r - 1

    validasi.pasang(ws)
    for kunci, c in (("satuan", U_SATUAN), ("jenis", U_JENIS), ("polaritas", U_POLARITAS),
                     ("pj", U_PJ)):
        dv = DataValidation(type="list", formula1=f"{NAMA_DAFTAR[kunci]}",
                            allow_blank=True, showErrorMessage=True,
                            errorTitle="Pilih dari daftar",
                            error="Nilai tidak ada di daftar lembar Referensi; pilih dari "
                                  "daftar atau tambahkan dulu di Referensi.")
        ws.add_data_validation(dv)
        dv.add(f"{kol(c)}{BARIS_DATA}:{kol(c)}{akhir}")

    # defined names
    tetapkan_kolom(ws.parent, LEMBAR_UKUR, BARIS_DATA, akhir, [
        (N.UKUR_KODE_SASARAN, U_KODE_SASARAN), (N.UKUR_SASARAN, U_SASARAN),
        (N.UKUR_KODE_INDIKATOR, U_KODE_INDIKATOR), (N.UKUR_INDIKATOR, U_INDIKATOR),
        (N.UKUR_SATUAN, U_SATUAN), (N.UKUR_JENIS_TARGET, U_JENIS),
        (N.UKUR_POLARITAS, U_POLARITAS), (N.UKUR_PENANGGUNG_JAWAB, U_PJ),
        (N.UKUR_TARGET_TAHUNAN, U_TARGET), (N.UKUR_TARGET_ATAS, U_ATAS),
        *((nama[q - 1], u_tw(q, i)) for q in range(1, 5) for i, nama in enumerate(
            (N.UKUR_TARGET_TW, N.UKUR_REALISASI_TW, N.UKUR_CAPAIAN_TW, N.UKUR_PREDIKAT_TW))),
        (N.UKUR_REALISASI_TAHUNAN, U_REAL_THN), (N.UKUR_CAPAIAN_TAHUNAN, U_CAP_THN),
        (N.UKUR_PREDIKAT_TAHUNAN, U_PRED_THN)])

    bangun_narasi(ws, akhir)  # kendala, solusi, bukti dukung per triwulan (LKj)

    # predikat colours
    rentang_pred = [f"{kol(u_tw(q, 3))}{BARIS_DATA}:{kol(u_tw(q, 3))}{akhir}"
                    for q in range(1, 5)]
    rentang_pred.append(f"{kol(U_PRED_THN)}{BARIS_DATA}:{kol(U_PRED_THN)}{akhir}")

    r = _rekap_sasaran(ws, kt, baris, akhir, rentang_pred)

    ws.freeze_panes = ws.cell(BARIS_DATA, U_SATUAN)
    ws.auto_filter.ref = f"A5:{kol(U_PJ)}{akhir}"
    ws.print_title_rows = "4:5"
    ws.print_area = f"A1:{kol(U_TERAKHIR_CETAK)}{r}"
    lindungi(ws, kt.sandi)
    return TataUkur.dari(baris)


def cetak_pengukuran(ws, kertas: str) -> int:
    """Print over two column pages: No..Target repeated (print title columns) with TW I-II,
    then with TW III-IV and Tahunan, left to right then down; returns the fixed scale
    (Excel ignores manual breaks when fitting to a page width)."""
    ws.print_title_cols = f"A:{kol(U_TARGET)}"
    ws.col_breaks.append(Break(id=u_tw(2, 3)))
    ws.page_setup.pageOrder = "overThenDown"
    return skala_lebar(LEBAR_TETAP + 2 * LEBAR_TW + LEBAR_TAHUNAN, kertas)  # the wider page


def _rekap_sasaran(ws, kt: Konteks, baris: list[BarisUkur], akhir: int,
                   rentang_pred: list[str]) -> int:
    """Rekap per sasaran (averages: mirror of rata_rata_capaian) below the indicator rows,
    on its own page, then the satker row; returns the satker row."""
    ws.row_breaks.append(Break(id=akhir + 1))  # the rekap starts on its own page
    r = akhir + 2
    # no header of its own: the columns are those of rows 4-5 (Capaian, Predikat per
    # triwulan and Tahunan), which the print repeats and the screen keeps frozen
    ws.cell(r, U_SASARAN, "REKAP CAPAIAN PER SASARAN (rata-rata indikator; kosong tidak "
                          "dihitung)").font = FONT_TEBAL
    r += 1
    rekap_awal = r
    baris_per_sasaran: dict[str, list[int]] = {}
    for b in baris:
        baris_per_sasaran.setdefault(b.sasaran.kode, []).append(b.baris)
    for i, s in enumerate(kt.katalog.sasaran, 1):
        rows = baris_per_sasaran[s.kode]
        ws.cell(r, U_NO, i).border = BINGKAI
        gabung(ws, start_row=r, start_column=U_SASARAN, end_row=r, end_column=U_INDIKATOR)
        tulis_teks(ws.cell(r, U_SASARAN), f"{s.kode} {s.nama}").alignment = RATA_KIRI
        ws.cell(r, U_SASARAN).border = BINGKAI
        ws.row_dimensions[r].height = max(
            tinggi(f"{s.kode} {s.nama}", LEBAR_TETAP[1] + LEBAR_TETAP[2]), TINGGI_MIN)
        for c in [u_tw(q, 2) for q in range(1, 5)] + [U_CAP_THN]:
            rentang = ",".join(rentang_baris(c, rows))
            rumus(ws.cell(r, c), "=" + R.rata_rata(rentang), F_PERSEN)
            pred = (R.predikat_gabungan(f"{kol(c)}{r}", rentang_baris(U_PRED_THN, rows))
                    if c == U_CAP_THN else R.predikat(f"{kol(c)}{r}"))
            sel = rumus(ws.cell(r, c + 1), "=" + pred)
            sel.alignment = TENGAH_SEBARIS
        r += 1
    rekap_akhir = r - 1
    ws.cell(r, U_SASARAN, "CAPAIAN SATKER (rata-rata sasaran)").font = FONT_TEBAL
    gabung(ws, start_row=r, start_column=U_SASARAN, end_row=r, end_column=U_INDIKATOR)
    ws.row_dimensions[r].height = TINGGI_MIN
    for c in [u_tw(q, 2) for q in range(1, 5)] + [U_CAP_THN]:
        rentang = f"{kol(c)}{rekap_awal}:{kol(c)}{rekap_akhir}"
        rumus(ws.cell(r, c), "=" + R.rata_rata(rentang), F_PERSEN).font = FONT_TEBAL
        pred = (R.predikat_gabungan(f"{kol(c)}{r}", [
            f"{kol(U_PRED_THN)}{rekap_awal}:{kol(U_PRED_THN)}{rekap_akhir}"])
            if c == U_CAP_THN else R.predikat(f"{kol(c)}{r}"))
        rumus(ws.cell(r, c + 1), "=" + pred).alignment = TENGAH_SEBARIS
        ws.cell(r, c).fill = ISI_SUBTOTAL
    for c in [u_tw(q, 3) for q in range(1, 5)] + [U_PRED_THN]:
        rentang_pred.append(f"{kol(c)}{rekap_awal}:{kol(c)}{r}")
    _warnai_predikat(ws, rentang_pred)
    return r


def _warnai_predikat(ws, rentang: list[str]):
    """Green for the top predikat, red for the lowest, yellow between (conditional)."""
    hijau = PatternFill("solid", fgColor="C6EFCE", bgColor="C6EFCE")
    kuning = PatternFill("solid", fgColor="FFEB9C", bgColor="FFEB9C")
    merah = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
    for rg in rentang:
        sel = rg.split(":")[0]
        cocok = f"MATCH({sel},{N.REF_SKALA_PREDIKAT},0)"
        ws.conditional_formatting.add(rg, FormulaRule(
            formula=[f'AND({sel}<>"",ISNUMBER({cocok}),'
                     f'{cocok}=ROWS({N.REF_SKALA_PREDIKAT}))'],
            fill=hijau, font=Font(color="006100"), stopIfTrue=True))
        ws.conditional_formatting.add(rg, FormulaRule(
            formula=[f"AND({sel}<>\"\",ISNUMBER({cocok}),{cocok}=1)"],
            fill=merah, font=Font(color="9C0006"), stopIfTrue=True))
        ws.conditional_formatting.add(rg, FormulaRule(
            formula=[f"AND({sel}<>\"\",ISNUMBER({cocok}))"],
            fill=kuning, font=Font(color="9C5700"), stopIfTrue=True))
