"""The consolidated workbook: Ringkasan, Grafik, Per indikator, Anggaran, Belum lapor.

Every figure is a value the core computed (`tabel.susun`); only the province totals of the
Ringkasan are formulas (SUM/AVERAGE over the satker rows, checked against the core after a
LibreOffice recalculation in the tests), so a user who deletes a satker row sees the totals
follow. House formats and print setup as the generator's sheets.
"""
from __future__ import annotations

import datetime as _dt

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter as kol

from ..berkas import tulis_atomik
from ..generator.cetak import atur_cetak
from ..generator.gaya import (
    BINGKAI,
    F_ANGKA,
    F_PERSEN,
    F_RUPIAH,
    FONT_BIASA,
    FONT_TEBAL,
    ISI_SUBTOTAL,
    RATA_KIRI,
    _gaya_tersimpan,
    judul_kolom,
    judul_lembar,
    tulis_teks,
)
from ..nama import romawi
from .tabel import Konsolidasi

LEMBAR_RINGKASAN = "Ringkasan"
LEMBAR_GRAFIK = "Grafik"
LEMBAR_INDIKATOR = "Per indikator"
LEMBAR_ANGGARAN = "Anggaran"
LEMBAR_MASALAH = "Belum lapor - bermasalah"  # '/' is not allowed in a sheet name
BARIS_JUDUL = 5  # header row of every table sheet (rows 1-3: title, subtitle, note)
F_WAKTU = "[$-421]dd/mm/yyyy hh:mm"


def _sel(ws, r, c, v, fmt=None, tebal=False, isi=None):
    teks = isinstance(v, str)
    if teks:
        sel = tulis_teks(ws.cell(r, c), v)
    else:
        sel = ws.cell(r, c)
        sel.value = v

    def atur(sel):
        sel.font = FONT_TEBAL if tebal else FONT_BIASA
        sel.border = BINGKAI
        if fmt:
            sel.number_format = fmt
        if teks:
            sel.alignment = RATA_KIRI
        if isi is not None:
            sel.fill = isi
    # one style per combination, copied to the other cells (openpyxl hashes every style
    # object assigned: that was most of the time of writing 552 satkers)
    _gaya_tersimpan(sel, ("konsolidasi", tebal, fmt, teks, None if isi is None else id(isi),
                          bool(sel.quotePrefix)), atur)
    return sel


def _kepala(ws, kolom: list[tuple[str, float]], baris: int = BARIS_JUDUL) -> None:
    for c, (teks, lebar) in enumerate(kolom, 1):
        judul_kolom(ws, baris, c, teks)
        ws.column_dimensions[kol(c)].width = lebar
    ws.row_dimensions[baris].height = 42


def _siapkan(ws, ks: Konsolidasi, judul: str, lebar: int, catatan: str | None = None):
    judul_lembar(ws, judul, ks.judul, lebar, catatan=catatan)
    ws.print_title_rows = f"{BARIS_JUDUL}:{BARIS_JUDUL}"
    atur_cetak(ws, "A4", ks.tahun)


def _waktu(iso: str | None):
    """docProps' ISO 8601 time as a datetime cell value (UTC, without tz: Excel has none)."""
    if not iso:
        return None
    try:
        return _dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return iso  # an unusual stamp is shown as the text it is


def _format_nilai(jenis: str | None, v):
    if isinstance(v, str):
        return None
    return F_PERSEN if jenis == "persen" else F_ANGKA


def _ringkasan(ws, ks: Konsolidasi) -> tuple[int, int, dict]:
    label = ks.label_predikat
    kolom = [("Peringkat", 9), ("Satker", 28), ("Capaian satker", 10), ("Predikat", 15)]
    kolom += [(f"Indikator {lbl}", 10) for lbl in label]
    kolom += [("Jumlah indikator", 10), ("Pagu (Rp)", 16), ("Realisasi (Rp)", 16),
              ("Serapan", 9), ("Target serapan", 9), ("Selisih serapan", 9),
              ("Realisasi belum diisi", 10), ("Temuan", 8), ("Berkas", 22),
              ("Versi format", 11), ("Terakhir disimpan (UTC)", 15)]
    nama = [k for k, _ in kolom]
    pos = {k: i + 1 for i, k in enumerate(nama)}
    _siapkan(ws, ks, f"Ringkasan per Satker TW {romawi(ks.triwulan)}", len(kolom),
             "Semua angka dihitung ulang dari isian tiap buku kerja dengan mesin rekap yang "
             "sama dengan 'xl-kinerja rekap' (nilai tersimpan di berkas tidak dipakai).")
    _kepala(ws, kolom)
    r1 = BARIS_JUDUL + 1
    r = BARIS_JUDUL
    fmt = [None, None, F_PERSEN, None, *(None for _ in label), None, F_RUPIAH,
           F_RUPIAH, F_PERSEN, F_PERSEN, F_PERSEN, None, None, None, None, F_WAKTU]
    for x in ks.ringkasan:
        r += 1
        nilai = [x["peringkat"], x["satker"], x["capaian"], x["predikat"],
                 *(x["jumlah_predikat"][lbl] for lbl in label), x["jumlah_indikator"],
                 x["pagu"], x["realisasi"], x["serapan"], x["target_serapan"],
                 x["selisih_target"], x["realisasi_kosong"], x["temuan"], x["berkas"],
                 x["versi_format"], _waktu(x["disimpan"])]
        for c, (v, f) in enumerate(zip(nilai, fmt, strict=False), 1):
            _sel(ws, r, c, v, f)
    r2 = r
    t = ks.total
    r += 1

    def rentang(k):
        c = kol(pos[k])
        return f"{c}{r1}:{c}{r2}"
    total = {k: "" for k in nama}
    total["Satker"] = f"JUMLAH / RATA-RATA ({t['jumlah_satker']} satker)"
    if ks.ringkasan:
        cap = rentang("Capaian satker")
        total["Capaian satker"] = f'=IF(COUNT({cap})=0,"",AVERAGE({cap}))'
        for k in [f"Indikator {lbl}" for lbl in label] + ["Jumlah indikator",
                                                           "Realisasi belum diisi", "Temuan"]:
            total[k] = f"=SUM({rentang(k)})"
        p, q = rentang("Pagu (Rp)"), rentang("Realisasi (Rp)")
        total["Pagu (Rp)"] = f'=IF(COUNT({p})=0,"",SUM({p}))'
        total["Realisasi (Rp)"] = f'=IF(COUNT({q})=0,"",SUM({q}))'
        sp, sr = f"{kol(pos['Pagu (Rp)'])}{r}", f"{kol(pos['Realisasi (Rp)'])}{r}"
        total["Serapan"] = f'=IF(OR({sp}="",{sr}="",N({sp})=0),"",{sr}/{sp})'
        s, tg = f"{kol(pos['Serapan'])}{r}", f"{kol(pos['Target serapan'])}{r}"
        total["Selisih serapan"] = f'=IF(OR({s}="",{tg}=""),"",{s}-{tg})'
    total["Predikat"] = t["predikat"]
    total["Target serapan"] = t["target_serapan"]
    for c, (k, f) in enumerate(zip(nama, fmt, strict=False), 1):
        v = total[k]
        sel = _sel(ws, r, c, None if v == "" else v, f, tebal=True, isi=ISI_SUBTOTAL)
        if isinstance(v, str) and v.startswith("="):
            sel.value = v  # a formula, not text
            sel.data_type = "f"
    ws.freeze_panes = ws.cell(r1, 3)
    if ks.ringkasan:
        ws.auto_filter.ref = f"A{BARIS_JUDUL}:{kol(len(nama))}{r2}"
    return r1, r2, pos


def _grafik(ws, ws_r, ks: Konsolidasi, r1: int, r2: int, pos: dict) -> None:
    judul_lembar(ws, f"Grafik TW {romawi(ks.triwulan)}", ks.judul, 12)
    atur_cetak(ws, "A4", ks.tahun)
    if r2 < r1:
        ws.cell(4, 1, "Tidak ada satker yang dikonsolidasi.")
        return
    kategori = Reference(ws_r, min_col=pos["Satker"], min_row=r1, max_row=r2)

    def batang(judul, kolom, posisi):
        ch = BarChart()
        ch.type = "col"
        ch.title = judul
        ch.y_axis.number_format = "0%"
        ch.y_axis.title = "persen"
        ch.height, ch.width = 7, 25  # both on one A4 landscape page
        ch.y_axis.scaling.min = 0  # bars from 0%: an automatic axis exaggerates gaps
        for k in kolom:
            ch.add_data(Reference(ws_r, min_col=pos[k], min_row=r1 - 1, max_row=r2),
                        titles_from_data=True)
        ch.set_categories(kategori)
        ch.x_axis.delete = False
        ch.y_axis.delete = False
        ws.add_chart(ch, posisi)
    batang("Capaian Kinerja per Satker", ["Capaian satker"], "A4")
    batang("Serapan Anggaran per Satker terhadap Target", ["Serapan", "Target serapan"],
           "A19")


def _per_indikator(ws, ks: Konsolidasi) -> None:
    kolom = [("No", 6), ("Kode", 10), ("Indikator", 48), ("Satuan", 10),
             ("Jumlah satker", 10), ("Berisi capaian", 10), ("Capaian minimum", 11),
             ("Capaian median", 11), ("Capaian maksimum", 11), ("Capaian rata-rata", 11),
             ("Satker di bawah target", 11), ("Satker di bawah target (terendah dulu)", 48)]
    _siapkan(ws, ks, f"Capaian per Indikator TW {romawi(ks.triwulan)}", len(kolom),
             "Indikator dicocokkan antarsatker menurut kode dan nama (nama satker di dalam "
             "teks indikator diabaikan dan ditulis '(nama satker)'). Di bawah target: "
             "capaian kurang dari 100%.")
    _kepala(ws, kolom)
    r = BARIS_JUDUL
    for g in ks.indikator:
        r += 1
        nama = "; ".join(g["di_bawah_target"])
        if len(nama) > 32000:  # Excel's cell limit is 32,767 characters
            nama = nama[:32000] + " ..."
        for c, (v, f) in enumerate([
                (g["nomor"], None), (g["kode"], None), (g["indikator"], None),
                (g["satuan"], None), (g["jumlah_satker"], None), (g["jumlah_berisi"], None),
                (g["minimum"], F_PERSEN), (g["median"], F_PERSEN), (g["maksimum"], F_PERSEN),
                (g["rata_rata"], F_PERSEN), (g["jumlah_di_bawah_target"], None),
                (nama, None)], 1):
            _sel(ws, r, c, v, f)
    if not ks.indikator:
        r += 1
        ws.cell(r, 1, "Tidak ada indikator yang dilaporkan lebih dari satu satker.")
    ws.freeze_panes = ws.cell(BARIS_JUDUL + 1, 4)
    r += 2
    ws.cell(r, 1, "Indikator yang tidak tercocokkan (hanya ada di satu satker); tidak dibuang, "
            "dicantumkan di sini").font = FONT_TEBAL
    r += 1
    for c, teks in enumerate(["No", "Kode", "Indikator (teks satker)", "Satker", "Target",
                              "Realisasi", "Capaian", "Predikat"], 1):
        judul_kolom(ws, r, c, teks)
    if not ks.tidak_cocok:
        r += 1
        ws.cell(r, 1, "Tidak ada: setiap indikator dilaporkan lebih dari satu satker.")
    for g in ks.tidak_cocok:
        for a in g["satker"]:
            r += 1
            for c, (v, f) in enumerate([
                    (g["nomor"], None), (a["kode"], None), (a["indikator"], None),
                    (a["satker"], None), (a["target"], _format_nilai(a["jenis"], a["target"])),
                    (a["realisasi"], _format_nilai(a["jenis"], a["realisasi"])),
                    (a["capaian"], F_PERSEN), (a["predikat"], None)], 1):
                _sel(ws, r, c, v, f)


def _anggaran(ws, ks: Konsolidasi) -> None:
    kolom = [("Satker", 34), ("Kode", 14), ("Uraian", 40), ("Tingkat", 10),
             ("Pagu (Rp)", 18), ("Realisasi (Rp)", 18), ("Serapan", 11),
             ("Target serapan", 11), ("Selisih", 11)]
    _siapkan(ws, ks, f"Realisasi Anggaran TW {romawi(ks.triwulan)}", len(kolom),
             "Program dan kegiatan digabung antarsatker menurut kode; serapan gabungan = "
             "jumlah realisasi / jumlah pagu.")
    _kepala(ws, kolom)
    r = BARIS_JUDUL + 1
    ws.cell(r, 1, "Gabungan seluruh satker").font = FONT_TEBAL

    def baris(nama, a, tebal=False):
        nonlocal r
        r += 1
        isi = ISI_SUBTOTAL if a["tingkat"] in ("program", "jumlah") else None
        for c, (v, f) in enumerate([
                (nama, None), (a["kode"], None), (a["uraian"], None), (a["tingkat"], None),
                (a["pagu"], F_RUPIAH), (a["realisasi"], F_RUPIAH), (a["serapan"], F_PERSEN),
                (a["target_serapan"], F_PERSEN), (a["selisih_target"], F_PERSEN)], 1):
            _sel(ws, r, c, v, f, tebal=tebal or a["tingkat"] == "jumlah", isi=isi)
    for a in ks.anggaran_gabungan:
        baris(f"Seluruh satker ({a['jumlah_satker']})", a)
    r += 2
    ws.cell(r, 1, "Per satker").font = FONT_TEBAL
    for a in ks.anggaran:
        baris(a["satker"], a)
    ws.freeze_panes = ws.cell(BARIS_JUDUL + 1, 2)


def _masalah(ws, ks: Konsolidasi) -> None:
    kolom = [("No", 6), ("Satker", 34), ("Berkas", 34), ("Masalah", 26), ("Alasan", 70),
             ("Dilewati", 12)]
    _siapkan(ws, ks, "Belum Lapor dan Berkas Bermasalah", len(kolom),
             "Berkas yang dilewati tidak masuk ke lembar lain; satu berkas bermasalah tidak "
             "menghentikan yang lain.")
    _kepala(ws, kolom)
    r = BARIS_JUDUL
    for i, m in enumerate(ks.bermasalah, 1):
        r += 1
        for c, v in enumerate([i, m["satker"] or "-", m["berkas"] or "-", m["keterangan"],
                               m["alasan"], "Ya" if m["dilewati"] else
                               "Tidak (tetap dikonsolidasi)"], 1):
            _sel(ws, r, c, v)
    if not ks.masalah:
        ws.cell(r + 1, 1, "Tidak ada: semua satker lapor dan semua berkas terbaca.")
    ws.freeze_panes = ws.cell(BARIS_JUDUL + 1, 1)


def buat_buku(ks: Konsolidasi) -> Workbook:
    """The consolidated workbook (openpyxl, not saved)."""
    wb = Workbook()
    ws_r = wb.active
    ws_r.title = LEMBAR_RINGKASAN
    r1, r2, pos = _ringkasan(ws_r, ks)
    _grafik(wb.create_sheet(LEMBAR_GRAFIK), ws_r, ks, r1, r2, pos)
    _per_indikator(wb.create_sheet(LEMBAR_INDIKATOR), ks)
    _anggaran(wb.create_sheet(LEMBAR_ANGGARAN), ks)
    _masalah(wb.create_sheet(LEMBAR_MASALAH), ks)
    for ws in wb.worksheets:
        ws.sheet_view.zoomScale = 90
        ws.cell(1, 1).alignment = Alignment(horizontal="left")
    return wb


def tulis_buku(ks: Konsolidasi, tujuan, *, timpa: bool = False):
    """Write the consolidated workbook atomically; an existing file needs `timpa=True`."""
    wb = buat_buku(ks)
    return tulis_atomik(tujuan, lambda p: wb.save(p), timpa=timpa)
