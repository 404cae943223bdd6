"""Sheet Anggaran: pagu and cumulative realisasi per program/kegiatan/output (inputs on
the leaves, subtotals as formulas), JUMLAH, persen and sisa per quarter, and the
absorption target of Referensi against the JUMLAH."""
from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from ... import nama as N
from ...katalog import induk_anggaran
from .. import rumus as R
from ..gaya import (
    BINGKAI,
    F_PERSEN,
    F_RUPIAH,
    FONT_TEBAL,
    ISI_SUBTOTAL,
    RATA_KIRI,
    isian,
    judul_kolom,
    judul_lembar,
    rumus,
    tulis_teks,
)
from ..konteks import Konteks
from ..penamaan import tetapkan_kolom
from ..proteksi import lindungi
from ..tata import (
    A_KODE,
    A_PAGU,
    A_TERAKHIR,
    A_TINGKAT,
    A_URAIAN,
    BARIS_DATA,
    LEMBAR_ANGG,
    TataAnggaran,
    a_tw,
    kol,
    rentang_baris,
    tinggi,
)
from ..validasi import KumpulanValidasi


def bangun_anggaran(ws, kt: Konteks) -> TataAnggaran:
    """Write the sheet; returns the row of every budget line of the catalog."""
    tahun = kt.tahun
    judul_lembar(ws, f"REALISASI ANGGARAN TAHUN {tahun}", kt.satker.upper(),
                 A_TERAKHIR,
                 catatan="Sel kuning = isian (pagu dan realisasi kumulatif s.d. akhir "
                         "triwulan). Subtotal program/kegiatan, JUMLAH, persentase dan "
                         "sisa dihitung otomatis.")
    for c, teks, lebar in ((A_KODE, "Kode", 12), (A_URAIAN, "Uraian", 44),
                           (A_TINGKAT, "Tingkat", 9), (A_PAGU, "Pagu (Rp)", 16)):
        judul_kolom(ws, 4, c, teks, tinggi_gabung=2)
        ws.column_dimensions[kol(c)].width = lebar
    for q in range(1, 5):
        judul_kolom(ws, 4, a_tw(q, 0), f"Triwulan {N.romawi(q)} (kumulatif)", lebar_gabung=3)
        for b, (teks, lebar) in enumerate((("Realisasi (Rp)", 15), ("%", 8),
                                           ("Sisa (Rp)", 15))):
            judul_kolom(ws, 5, a_tw(q, b), teks)
            ws.column_dimensions[kol(a_tw(q, b))].width = lebar
    baris = kt.katalog.anggaran
    induk = induk_anggaran(baris)
    anak: dict[int, list[int]] = {i: [] for i in range(len(baris))}
    for j, p in enumerate(induk):
        if p is not None:
            anak[p].append(j)
    tata = TataAnggaran(tuple(BARIS_DATA + i for i in range(len(baris))))
    jumlah_r = BARIS_DATA + len(baris)
    dv_uang = DataValidation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showErrorMessage=True, errorTitle="Isian harus angka",
        error="Isi jumlah rupiah tanpa titik/koma ribuan (mis. 2647529000), tidak negatif.")
    validasi = KumpulanValidasi(dv_uang)
    for i, b in enumerate(baris):
        r = tata.baris[i]
        tebal = b.tingkat != "output"
        tulis_teks(ws.cell(r, A_KODE), b.kode, gaya_isian=True)
        tulis_teks(ws.cell(r, A_URAIAN), b.uraian, gaya_isian=True).alignment = RATA_KIRI
        tulis_teks(ws.cell(r, A_TINGKAT), b.tingkat)
        ws.cell(r, A_TINGKAT).border = BINGKAI
        for c in (A_KODE, A_TINGKAT):
            ws.cell(r, c).alignment = Alignment(vertical="top")
        ws.row_dimensions[r].height = tinggi(b.uraian, 44)
        if anak[i]:
            rows = [tata.baris[j] for j in anak[i]]
            for c in [A_PAGU] + [a_tw(q, 0) for q in range(1, 5)]:
                rumus(ws.cell(r, c), "=" + R.jumlah(rentang_baris(c, rows)), F_RUPIAH)
                ws.cell(r, c).fill = ISI_SUBTOTAL
        else:
            isian(ws.cell(r, A_PAGU), F_RUPIAH).value = b.pagu.get(tahun)
            validasi.tambah(dv_uang, ws.cell(r, A_PAGU).coordinate)
            for q, v in enumerate(b.realisasi_tahun(tahun), 1):
                isian(ws.cell(r, a_tw(q, 0)), F_RUPIAH).value = v
                validasi.tambah(dv_uang, ws.cell(r, a_tw(q, 0)).coordinate)
        if tebal:
            for c in (A_KODE, A_URAIAN):
                ws.cell(r, c).font = Font(name="Arial", size=10, bold=True, color="1F3864")
    validasi.pasang(ws)
    # JUMLAH
    r = jumlah_r
    tulis_teks(ws.cell(r, A_KODE), "")
    ws.cell(r, A_URAIAN, "JUMLAH").font = FONT_TEBAL
    ws.cell(r, A_TINGKAT, "jumlah")
    programs = [tata.baris[i] for i, b in enumerate(baris) if b.tingkat == "program"]
    for c in [A_PAGU] + [a_tw(q, 0) for q in range(1, 5)]:
        f = "=" + R.jumlah(rentang_baris(c, programs)) if programs else '=""'
        rumus(ws.cell(r, c), f, F_RUPIAH).font = FONT_TEBAL
    for rr in range(BARIS_DATA, jumlah_r + 1):
        pagu = f"${kol(A_PAGU)}{rr}"
        for q in range(1, 5):
            real = f"{kol(a_tw(q, 0))}{rr}"
            rumus(ws.cell(rr, a_tw(q, 1)), "=" + R.persen_anggaran(pagu, real), F_PERSEN)
            rumus(ws.cell(rr, a_tw(q, 2)), "=" + R.sisa_anggaran(pagu, real), F_RUPIAH)
        for c in range(1, A_TERAKHIR + 1):
            ws.cell(rr, c).border = BINGKAI
            if rr == jumlah_r:
                ws.cell(rr, c).fill = ISI_SUBTOTAL
                ws.cell(rr, c).font = FONT_TEBAL
    # target serapan vs JUMLAH
    r = jumlah_r + 1
    ws.cell(r, A_URAIAN, "Target penyerapan (lembar Referensi)").font = FONT_TEBAL
    ws.cell(r + 1, A_URAIAN, "Selisih realisasi terhadap target penyerapan").font = FONT_TEBAL
    for q in range(1, 5):
        c = a_tw(q, 1)
        rumus(ws.cell(r, c), f"=INDEX({N.REF_TARGET_SERAPAN},{q})", F_PERSEN)
        p = f"{kol(c)}{jumlah_r}"
        rumus(ws.cell(r + 1, c), f'=IF({p}="","",{p}-{kol(c)}{r})', F_PERSEN)
    akhir = jumlah_r

    tetapkan_kolom(ws.parent, LEMBAR_ANGG, BARIS_DATA, akhir, [
        (N.ANGG_KODE, A_KODE), (N.ANGG_URAIAN, A_URAIAN), (N.ANGG_TINGKAT, A_TINGKAT),
        (N.ANGG_PAGU, A_PAGU),
        *((nama[q - 1], a_tw(q, i)) for q in range(1, 5) for i, nama in enumerate(
            (N.ANGG_REALISASI_TW, N.ANGG_PERSEN_TW, N.ANGG_SISA_TW)))])
    # colours: over 100% red; JUMLAH below target orange
    merah = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
    oranye = PatternFill("solid", fgColor="FFEB9C", bgColor="FFEB9C")
    for q in range(1, 5):
        c = kol(a_tw(q, 1))
        ws.conditional_formatting.add(f"{c}{BARIS_DATA}:{c}{akhir}", FormulaRule(
            formula=[f'AND(ISNUMBER({c}{BARIS_DATA}),{c}{BARIS_DATA}>1)'],
            fill=merah, font=Font(color="9C0006", bold=True)))
        ws.conditional_formatting.add(f"{c}{akhir}", FormulaRule(
            formula=[f'AND(ISNUMBER({c}{akhir}),{c}{akhir}<INDEX({N.REF_TARGET_SERAPAN},{q}))'],
            fill=oranye))
    ws.freeze_panes = ws.cell(BARIS_DATA, A_TINGKAT)
    ws.auto_filter.ref = f"A5:{kol(A_TERAKHIR)}{akhir}"
    ws.print_title_rows = "4:5"
    ws.print_area = f"A1:{kol(A_TERAKHIR)}{akhir + 2}"
    lindungi(ws, kt.sandi)
    return tata
