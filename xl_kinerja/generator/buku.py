"""Build the yearly workbook: one sheet per document (see README, bagian "baru").

Sheets: IKU, RKT, PK KPU, PK Sekretariat, Rencana Aksi, Pengukuran, Anggaran, Referensi.
Pengukuran, Anggaran and Referensi hold the data (inputs and formulas); the document
sheets (RKT, PK, Rencana Aksi) link their targets and amounts to them, so a value is
entered once. Every data column a program reads has a workbook-level name (nama.py).
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break

from .. import nama as N
from ..errors import KesalahanInput
from ..katalog import Katalog, induk_anggaran
from . import rumus as R
from .gaya import (BINGKAI, F_ANGKA, F_PERSEN, F_RUPIAH, F_TEKS, FONT_BIASA, FONT_KECIL,
                   FONT_SUBJUDUL, FONT_TEBAL, ISI_SUBTOTAL, RATA_KIRI, RATA_TENGAH, isian,
                   judul_kolom, judul_lembar, kol, rumus, tulis_teks)

LEMBAR_IKU = "IKU"
LEMBAR_RKT = "RKT"
LEMBAR_PK_KPU = "PK KPU"
LEMBAR_PK_SEKRETARIAT = "PK Sekretariat"
LEMBAR_RENAKSI = "Rencana Aksi"
LEMBAR_UKUR = "Pengukuran"
LEMBAR_ANGG = "Anggaran"
LEMBAR_REF = "Referensi"

KERTAS = {"A4": 9, "F4": 14}  # Excel paperSize: 9 = A4, 14 = Folio 8,5 x 13 in (F4)
TANDA = "√"
BARIS_DATA = 6  # first data row of the tabular sheets (headers on rows 4-5)

# --- Pengukuran columns --------------------------------------------------------------
U_NO, U_SASARAN, U_INDIKATOR, U_SATUAN, U_TARGET = 1, 2, 3, 4, 5
U_TW0 = 6  # TW q block starts at U_TW0 + 4*(q-1): target, realisasi, capaian, predikat
U_REAL_THN, U_CAP_THN, U_PRED_THN = 22, 23, 24
U_KODE_SASARAN, U_KODE_INDIKATOR, U_JENIS, U_POLARITAS, U_ATAS, U_PJ = 25, 26, 27, 28, 29, 30
U_TERAKHIR_CETAK = U_PRED_THN


def u_tw(q: int, bagian: int) -> int:
    """Column of TW q (1-4); bagian 0 target, 1 realisasi, 2 capaian, 3 predikat."""
    return U_TW0 + 4 * (q - 1) + bagian


# --- Anggaran columns -----------------------------------------------------------------
A_KODE, A_URAIAN, A_TINGKAT, A_PAGU = 1, 2, 3, 4
A_TW0 = 5  # TW q block: realisasi, persen, sisa


def a_tw(q: int, bagian: int) -> int:
    return A_TW0 + 3 * (q - 1) + bagian


A_TERAKHIR = a_tw(4, 2)

# --- Rencana Aksi columns ------------------------------------------------------------
RA_NO, RA_SASARAN, RA_INDIKATOR, RA_TARGET, RA_KEGIATAN = 1, 2, 3, 4, 5
RA_TW0, RA_B0 = 6, 10
RA_PELAKSANA, RA_KODE = 22, 23

# Extra names this module defines (documented in nama.py).
NAMA_DAFTAR = {
    "satuan": N.REF_DAFTAR_SATUAN, "polaritas": N.REF_DAFTAR_POLARITAS,
    "jenis": N.REF_DAFTAR_JENIS_TARGET, "pj": N.REF_DAFTAR_PENANGGUNG_JAWAB,
    "pelaksana": N.REF_DAFTAR_PELAKSANA, "tanda": N.REF_DAFTAR_TANDA,
}


@dataclass
class _BarisUkur:
    baris: int
    sasaran: object
    indikator: object
    target: object  # core Target


def _abs(lembar: str, c1: int, r1: int, c2: int | None = None, r2: int | None = None) -> str:
    teks = f"'{lembar}'!${kol(c1)}${r1}"
    if c2 is not None:
        teks += f":${kol(c2)}${r2}"
    return teks


def _rentang_baris(col: int, rows: list[int]) -> list[str]:
    """Compress rows of one column into A1 ranges: [6,7,8,10] -> ['D6:D8', 'D10']."""
    hasil, awal, akhir = [], None, None
    for r in sorted(rows):
        if awal is None:
            awal = akhir = r
        elif r == akhir + 1:
            akhir = r
        else:
            hasil.append((awal, akhir))
            awal = akhir = r
    if awal is not None:
        hasil.append((awal, akhir))
    c = kol(col)
    return [f"{c}{a}" if a == b else f"{c}{a}:{c}{b}" for a, b in hasil]


def _tinggi(teks: str, lebar_kolom: float, minimum: float = 15.0) -> float:
    """Estimated row height (points) for wrapped text in a column of this width."""
    if not teks:
        return minimum
    per_baris = max(8, int(lebar_kolom * 1.1))
    n = sum(max(1, math.ceil(len(bagian) / per_baris)) for bagian in str(teks).split("\n"))
    return max(minimum, 12.6 * n + 3)


def _tempat(satker: str) -> str:
    tempat = re.sub(r"(?i)^(sekretariat\s+)?(komisi pemilihan umum|kpu)\s+"
                    r"(kabupaten|kab\.|kota|provinsi)\s+", "", satker.strip())
    return tempat or satker


def _format_target(target, satuan: str) -> str:
    """Number format to show a target like the documents do ("97,5%", "24 Laporan")."""
    jenis = target.jenis
    nilai = target.nilai or 0
    if jenis in ("persen", "rentang") or satuan == "%":
        return "[$-421]0%" if float(nilai * 100).is_integer() else "[$-421]0.0#%"
    angka = "[$-421]#,##0" if float(nilai).is_integer() else "[$-421]#,##0.0#"
    if jenis in ("jumlah", "nol") and satuan and satuan != "%":
        return f'{angka} "{satuan.replace(chr(34), "")}"'
    return angka


def _nilai_sel(target, jenis_katalog: str):
    """(value for the target cell, value for the upper-bound cell) from a core Target."""
    if target is None:
        return None, None
    if target.jenis == "ordinal":
        return target.predikat, None
    if target.jenis == "rentang":
        return _frac(target.bawah, target), _frac(target.atas, target)
    return _frac(target.nilai, target), None


def _frac(x, target):
    if x is None:
        return None
    x = float(x)
    return int(x) if x.is_integer() and target.satuan != "%" else x


def _target_tw(ind, target, tahun: int, baca_target) -> list:
    """Default quarterly targets (editable inputs; blank = not measured that quarter).

    The catalog's `target_tw` wins. Otherwise quarters before the first scheduled
    quarter are blank; a count grows cumulatively over the scheduled quarters to the
    annual target; every other kind keeps the annual target each measured quarter.
    """
    if tahun in ind.target_tw:
        return [None if v is None else _nilai_sel(baca_target(v), ind.jenis_target)[0]
                for v in ind.target_tw[tahun]]
    nilai, _ = _nilai_sel(target, ind.jenis_target)
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


class _Pembangun:
    def __init__(self, katalog: Katalog, tahun: int, satker: str, kertas: str,
                 sandi: str | None, skala: str):
        from .. import PERINGKAT, SKALA, baca_target

        self.k = katalog
        self.tahun = tahun
        self.satker = satker
        self.kertas = kertas
        self.sandi = sandi
        self.baca_target = baca_target
        self.PERINGKAT = PERINGKAT
        if skala not in SKALA:
            raise KesalahanInput(f"skala predikat {skala!r} tidak dikenal (pilih: "
                                 f"{', '.join(SKALA)})", teks=skala)
        self.skala = SKALA[skala]
        if self.skala.basis != "capaian":
            raise KesalahanInput(f"skala {skala!r} menilai skor, bukan capaian; pilih skala "
                                 "capaian (mis. kpu atau permendagri)", teks=skala)
        self.wb = Workbook()
        self.ukur: list[_BarisUkur] = []
        self.ukur_per_kode: dict[str, int] = {}
        self.angg_baris: dict[int, int] = {}  # catalog index -> row
        self.angg_jumlah_baris = None
        self.ttd = dict(katalog.penandatangan)
        self.skala_tetap: dict[str, int] = {}

    # ------------------------------------------------------------------------------
    def bangun(self) -> Workbook:
        wb = self.wb
        ws0 = wb.active
        lembar = {}
        for judul in (LEMBAR_IKU, LEMBAR_RKT, LEMBAR_PK_KPU, LEMBAR_PK_SEKRETARIAT,
                      LEMBAR_RENAKSI, LEMBAR_UKUR, LEMBAR_ANGG, LEMBAR_REF):
            lembar[judul] = wb.create_sheet(judul)
        wb.remove(ws0)
        self.L = lembar
        self._referensi(lembar[LEMBAR_REF])
        self._pengukuran(lembar[LEMBAR_UKUR])
        self._anggaran(lembar[LEMBAR_ANGG])
        self._iku(lembar[LEMBAR_IKU])
        self._rkt(lembar[LEMBAR_RKT])
        self._pk(lembar[LEMBAR_PK_KPU], "kpu")
        self._pk(lembar[LEMBAR_PK_SEKRETARIAT], "sekretariat")
        self._renaksi(lembar[LEMBAR_RENAKSI])
        for ws in lembar.values():
            self._cetak(ws)
        wb.active = wb.sheetnames.index(LEMBAR_UKUR)
        wb.properties.creator = "xl-kinerja"
        wb.properties.title = f"Kinerja {self.tahun} - {self.satker}"
        wb.calculation.fullCalcOnLoad = True
        return wb

    # --- names -----------------------------------------------------------------------
    def _nama(self, nama: str, ref: str):
        self.wb.defined_names[nama] = DefinedName(nama, attr_text=ref)

    def _nama_kolom(self, lembar: str, awal: int, akhir: int, kolom) -> None:
        """Name one column range per (name, column) pair, rows awal..akhir of `lembar`."""
        for nama, c in kolom:
            self._nama(nama, _abs(lembar, c, awal, c, akhir))

    # --- protection -----------------------------------------------------------------
    def _lindungi(self, ws):
        p = ws.protection
        p.sheet = True
        p.formatColumns = False   # resize columns
        p.formatRows = False      # resize rows
        p.sort = False
        p.autoFilter = False
        p.selectLockedCells = False
        p.selectUnlockedCells = False
        if self.sandi:
            p.password = self.sandi

    # --- print -------------------------------------------------------------------------
    def _cetak(self, ws):
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = KERTAS[self.kertas]
        if ws.title in self.skala_tetap:
            ws.page_setup.scale = self.skala_tetap[ws.title]
            ws.sheet_properties.pageSetUpPr.fitToPage = False
        else:
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0
            ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = 0.6
        ws.page_margins.bottom = 0.7
        ws.oddFooter.center.text = "Halaman &P dari &N"
        ws.oddFooter.center.size = 8
        ws.oddFooter.left.text = f"{ws.title} {self.tahun}"
        ws.oddFooter.left.size = 8


    # --- Referensi ------------------------------------------------------------------
    def _referensi(self, ws):
        from .. import __version__

        judul_lembar(ws, "REFERENSI", "Data yang dibaca rumus: ubah di sini, bukan di rumus",
                     3, catatan="Sel kuning dapat diubah sesuai pedoman satker.")
        info = [
            ("Format buku kerja", N.INFO_FORMAT, N.VERSI_FORMAT, False),
            ("Satuan kerja", N.INFO_SATKER, self.satker, True),
            ("Tahun anggaran", N.INFO_TAHUN, self.tahun, False),
            ("Kertas cetak", None, self.kertas, False),
            ("Dibuat dengan", None, f"xl-kinerja {__version__}", False),
        ]
        r = 4
        for label, nama, nilai, isi in info:
            ws.cell(r, 1, label).font = FONT_TEBAL
            sel = ws.cell(r, 2)
            if isinstance(nilai, str):
                tulis_teks(sel, nilai, gaya_isian=isi)
            else:
                sel.value = nilai
            sel.border = BINGKAI
            if nama:
                self._nama(nama, _abs(LEMBAR_REF, 2, r))
            r += 1

        r += 1
        ws.cell(r, 1, "Skala predikat capaian").font = FONT_SUBJUDUL
        r += 1
        ws.cell(r, 1, "Nama skala").font = FONT_TEBAL
        tulis_teks(ws.cell(r, 2), self.skala.nama)
        r += 1
        ws.cell(r, 1, "Batas inklusif (≥)? BENAR/TRUE = ≥, SALAH/FALSE = >").font = FONT_TEBAL
        isian(ws.cell(r, 2)).value = bool(self.skala.inklusif)
        self._nama(N.REF_SKALA_INKLUSIF, _abs(LEMBAR_REF, 2, r))
        r += 1
        ws.cell(r, 1, "Batas capaian untuk rata-rata (kosong = tanpa batas)").font = FONT_TEBAL
        isian(ws.cell(r, 2), F_PERSEN)
        self._nama(N.REF_BATAS_CAPAIAN, _abs(LEMBAR_REF, 2, r))
        dv = DataValidation(type="decimal", operator="greaterThan", formula1="0",
                            allow_blank=True, showErrorMessage=True,
                            errorTitle="Batas capaian",
                            error="Isi batas sebagai persen, mis. 120%, atau kosongkan.")
        ws.add_data_validation(dv)
        dv.add(ws.cell(r, 2).coordinate)
        r += 2
        for c, teks in enumerate(("Batas bawah (% capaian)", "Predikat", "Rentang"), 1):
            judul_kolom(ws, r, c, teks)
        r += 1
        naik = list(reversed(self.skala.kategori))  # lowest category first
        awal = r
        for i, (batas, label) in enumerate(naik):
            isian(ws.cell(r, 1), "0.##").value = 0 if batas is None else batas
            tulis_teks(ws.cell(r, 2), label, gaya_isian=True)
            r += 1
        akhir = r - 1
        for i in range(awal, akhir + 1):
            if i == awal:
                f = f'="< "&A{i + 1}' if self.skala.inklusif else f'="≤ "&A{i + 1}'
                f = f if akhir > awal else '="semua nilai"'
            elif i == akhir:
                f = f'=IF({N.REF_SKALA_INKLUSIF},"≥ ","> ")&A{i}'
            else:
                f = (f'=IF({N.REF_SKALA_INKLUSIF},"≥ ","> ")&A{i}&" s.d. "&'
                     f'IF({N.REF_SKALA_INKLUSIF},"< ","≤ ")&A{i + 1}')
            rumus(ws.cell(i, 3), f)
        self._nama(N.REF_SKALA_BATAS, _abs(LEMBAR_REF, 1, awal, 1, akhir))
        self._nama(N.REF_SKALA_PREDIKAT, _abs(LEMBAR_REF, 2, awal, 2, akhir))
        self.baris_skala = (awal, akhir)
        ws.cell(r, 1, "Baris terendah: batasnya tidak dipakai (semua nilai di bawah batas "
                      "berikutnya). Tambah kategori dengan menyisipkan baris di dalam tabel."
                ).font = FONT_KECIL

        r += 2
        ws.cell(r, 1, "Target penyerapan anggaran per triwulan (kumulatif)").font = FONT_SUBJUDUL
        r += 1
        judul_kolom(ws, r, 1, "Triwulan")
        judul_kolom(ws, r, 2, "Target penyerapan")
        r += 1
        for q, nilai in enumerate(TARGET_SERAPAN_BAWAAN, 1):
            ws.cell(r + q - 1, 1, f"TW {N.romawi(q)}").border = BINGKAI
            isian(ws.cell(r + q - 1, 2), F_PERSEN).value = nilai
        self._nama(N.REF_TARGET_SERAPAN, _abs(LEMBAR_REF, 2, r, 2, r + 3))
        dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="2",
                            allow_blank=True, showErrorMessage=True, errorTitle="Target serapan",
                            error="Isi persen penyerapan kumulatif antara 0% dan 200%.")
        ws.add_data_validation(dv)
        dv.add(f"B{r}:B{r + 3}")
        r += 5

        ws.cell(r, 1, "Peringkat predikat/opini (1 = terendah)").font = FONT_SUBJUDUL
        r += 1
        for c, teks in enumerate(("Predikat/opini", "Peringkat", "Skala"), 1):
            judul_kolom(ws, r, c, teks)
        r += 1
        awal = r
        self.daftar_keluarga = {}
        for keluarga, urutan in self.PERINGKAT.items():
            mulai = r
            for rank, grade in enumerate(urutan, 1):
                tulis_teks(ws.cell(r, 1), grade).border = BINGKAI
                ws.cell(r, 2, rank).border = BINGKAI
                tulis_teks(ws.cell(r, 3), keluarga).border = BINGKAI
                r += 1
            nama = f"{N.REF_DAFTAR_PERINGKAT}_{keluarga}"
            self._nama(nama, _abs(LEMBAR_REF, 1, mulai, 1, r - 1))
            self.daftar_keluarga[keluarga] = nama
        self._nama(N.REF_PERINGKAT, _abs(LEMBAR_REF, 1, awal, 2, r - 1))

        # dropdown lists (editable: an office adds its own units / units of work)
        pj = sorted({ind.penanggung_jawab for _, ind in self.k.semua_indikator()
                     if ind.penanggung_jawab})
        pelaksana = sorted({ind.pelaksana for _, ind in self.k.semua_indikator()
                            if ind.pelaksana} | set(pj))
        daftar = [
            ("satuan", "Satuan", self.k.daftar_satuan()),
            ("polaritas", "Polaritas", ["maks", "min"]),
            ("jenis", "Jenis target", ["persen", "jumlah", "skor", "ordinal", "rentang"]),
            ("pj", "Penanggung jawab", pj or ["(isi nama unit)"]),
            ("pelaksana", "Pelaksana", pelaksana or ["(isi nama unit)"]),
            ("tanda", "Tanda jadwal", [TANDA]),
        ]
        for i, (kunci, judul, isi) in enumerate(daftar):
            c = 5 + i
            judul_kolom(ws, 4, c, judul)
            for j, teks in enumerate(isi):
                tulis_teks(ws.cell(5 + j, c), teks, gaya_isian=True)
            self._nama(NAMA_DAFTAR[kunci], _abs(LEMBAR_REF, c, 5, c, 4 + len(isi)))
            ws.column_dimensions[kol(c)].width = 16 if kunci != "pj" else 30
        ws.column_dimensions["A"].width = 44
        ws.column_dimensions["B"].width = 22
        ws.column_dimensions["C"].width = 22
        ws.column_dimensions["H"].width = 40
        ws.column_dimensions["I"].width = 40
        self._lindungi(ws)

    # --- Pengukuran -----------------------------------------------------------------
    def _pengukuran(self, ws):
        judul_lembar(ws, f"PENGUKURAN KINERJA TAHUN {self.tahun}", self.satker.upper(),
                     U_TERAKHIR_CETAK,
                     catatan="Sel kuning = isian (target dan realisasi kumulatif s.d. akhir "
                             "triwulan). Sel putih = rumus (terkunci). Target triwulan kosong "
                             "= tidak diukur pada triwulan itu.")
        tetap = [(U_NO, "No", 5), (U_SASARAN, "Sasaran", 28), (U_INDIKATOR, "Indikator Kinerja",
                 38), (U_SATUAN, "Satuan", 10), (U_TARGET, "Target Tahunan", 11)]
        for c, teks, lebar in tetap:
            judul_kolom(ws, 4, c, teks, tinggi_gabung=2)
            ws.column_dimensions[kol(c)].width = lebar
        for q in range(1, 5):
            judul_kolom(ws, 4, u_tw(q, 0), f"Triwulan {N.romawi(q)}", lebar_gabung=4)
            for b, (teks, lebar) in enumerate((("Target", 9), ("Realisasi", 9),
                                               ("Capaian", 9), ("Predikat", 14))):
                judul_kolom(ws, 5, u_tw(q, b), teks)
                ws.column_dimensions[kol(u_tw(q, b))].width = lebar
        judul_kolom(ws, 4, U_REAL_THN, "Tahunan", lebar_gabung=3)
        for c, teks, lebar in ((U_REAL_THN, "Realisasi Terakhir", 10),
                               (U_CAP_THN, "Capaian", 9), (U_PRED_THN, "Predikat", 14)):
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
        dv_grade: dict[str, DataValidation] = {}
        no = 0
        for s, ind in self.k.semua_indikator():
            no += 1
            t = ind.target_tahun(self.tahun)
            self.ukur.append(_BarisUkur(r, s, ind, t))
            self.ukur_per_kode[ind.kode] = r
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
            fmt = {"persen": F_PERSEN, "rentang": F_PERSEN, "ordinal": F_TEKS}.get(
                ind.jenis_target, F_ANGKA)
            nilai, atas = _nilai_sel(t, ind.jenis_target)
            if t is not None and t.jenis == "nol" and ind.jenis_target == "ordinal":
                nilai = None
            isian(ws.cell(r, U_TARGET), fmt).value = nilai
            isian(ws.cell(r, U_ATAS), fmt).value = atas
            for q, v in enumerate(_target_tw(ind, t, self.tahun, self.baca_target), 1):
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
            rumus(ws.cell(r, U_PRED_THN), "=" + R.predikat(f"{kol(U_CAP_THN)}{r}")
                  ).alignment = TENGAH_SEBARIS
            # validations
            sel_isian = [f"{kol(u_tw(q, b))}{r}" for q in range(1, 5) for b in (0, 1)]
            sel_isian += [f"{kol(U_TARGET)}{r}"]
            if ind.jenis_target == "ordinal":
                kel = (t.keluarga if t is not None and t.jenis == "ordinal" else "sakip")
                if kel not in dv_grade:
                    dv_grade[kel] = DataValidation(
                        type="list", formula1=f"{self.daftar_keluarga[kel]}", allow_blank=True,
                        showErrorMessage=True, errorTitle="Predikat tidak dikenal",
                        error="Pilih predikat/opini dari daftar (lihat lembar Referensi).")
                for sel in sel_isian:
                    dv_grade[kel].add(sel)
            else:
                for sel in sel_isian + [f"{kol(U_ATAS)}{r}"]:
                    dv_angka.add(sel)
            ws.row_dimensions[r].height = max(_tinggi(ind.nama, 38), _tinggi(s.nama, 28))
            r += 1
        akhir = r - 1
        self.ukur_akhir = akhir

        for dv in [dv_angka, *dv_grade.values()]:
            ws.add_data_validation(dv)
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
        self._nama_kolom(LEMBAR_UKUR, BARIS_DATA, akhir, [
            (N.UKUR_KODE_SASARAN, U_KODE_SASARAN), (N.UKUR_SASARAN, U_SASARAN),
            (N.UKUR_KODE_INDIKATOR, U_KODE_INDIKATOR), (N.UKUR_INDIKATOR, U_INDIKATOR),
            (N.UKUR_SATUAN, U_SATUAN), (N.UKUR_JENIS_TARGET, U_JENIS),
            (N.UKUR_POLARITAS, U_POLARITAS), (N.UKUR_PENANGGUNG_JAWAB, U_PJ),
            (N.UKUR_TARGET_TAHUNAN, U_TARGET), (N.UKUR_TARGET_ATAS, U_ATAS),
            *((nama[q - 1], u_tw(q, i)) for q in range(1, 5) for i, nama in enumerate(
                (N.UKUR_TARGET_TW, N.UKUR_REALISASI_TW, N.UKUR_CAPAIAN_TW, N.UKUR_PREDIKAT_TW))),
            (N.UKUR_REALISASI_TAHUNAN, U_REAL_THN), (N.UKUR_CAPAIAN_TAHUNAN, U_CAP_THN),
            (N.UKUR_PREDIKAT_TAHUNAN, U_PRED_THN)])

        # predikat colours
        rentang_pred = [f"{kol(u_tw(q, 3))}{BARIS_DATA}:{kol(u_tw(q, 3))}{akhir}"
                        for q in range(1, 5)]
        rentang_pred.append(f"{kol(U_PRED_THN)}{BARIS_DATA}:{kol(U_PRED_THN)}{akhir}")

        # rekap per sasaran (averages: mirror of rata_rata_capaian)
        ws.row_breaks.append(Break(id=akhir + 1))  # the rekap starts on its own page
        r = akhir + 2
        ws.cell(r, U_SASARAN, "REKAP CAPAIAN PER SASARAN (rata-rata indikator; kosong tidak "
                              "dihitung)").font = FONT_TEBAL
        r += 1
        judul_kolom(ws, r, U_NO, "No")
        judul_kolom(ws, r, U_SASARAN, "Sasaran", lebar_gabung=2)
        for q in range(1, 5):
            judul_kolom(ws, r, u_tw(q, 2), f"TW {N.romawi(q)}")
            judul_kolom(ws, r, u_tw(q, 3), "Predikat")
        judul_kolom(ws, r, U_CAP_THN, "Tahunan")
        judul_kolom(ws, r, U_PRED_THN, "Predikat")
        r += 1
        self.rekap_awal = r
        baris_per_sasaran: dict[str, list[int]] = {}
        for b in self.ukur:
            baris_per_sasaran.setdefault(b.sasaran.kode, []).append(b.baris)
        for i, s in enumerate(self.k.sasaran, 1):
            rows = baris_per_sasaran[s.kode]
            ws.cell(r, U_NO, i).border = BINGKAI
            ws.merge_cells(start_row=r, start_column=U_SASARAN, end_row=r, end_column=U_INDIKATOR)
            tulis_teks(ws.cell(r, U_SASARAN), f"{s.kode} {s.nama}").alignment = RATA_KIRI
            ws.cell(r, U_SASARAN).border = BINGKAI
            ws.row_dimensions[r].height = _tinggi(s.nama, 66)
            for c in [u_tw(q, 2) for q in range(1, 5)] + [U_CAP_THN]:
                rentang = ",".join(_rentang_baris(c, rows))
                rumus(ws.cell(r, c), "=" + R.rata_rata(rentang), F_PERSEN)
                sel = rumus(ws.cell(r, c + 1), "=" + R.predikat(f"{kol(c)}{r}"))
                sel.alignment = TENGAH_SEBARIS
            r += 1
        self.rekap_akhir = r - 1
        ws.cell(r, U_SASARAN, "CAPAIAN SATKER (rata-rata sasaran)").font = FONT_TEBAL
        ws.merge_cells(start_row=r, start_column=U_SASARAN, end_row=r, end_column=U_INDIKATOR)
        for c in [u_tw(q, 2) for q in range(1, 5)] + [U_CAP_THN]:
            rentang = f"{kol(c)}{self.rekap_awal}:{kol(c)}{self.rekap_akhir}"
            rumus(ws.cell(r, c), "=" + R.rata_rata(rentang), F_PERSEN).font = FONT_TEBAL
            rumus(ws.cell(r, c + 1), "=" + R.predikat(f"{kol(c)}{r}")).alignment = TENGAH_SEBARIS
            ws.cell(r, c).fill = ISI_SUBTOTAL
        self.baris_satker = r
        for c in [u_tw(q, 3) for q in range(1, 5)] + [U_PRED_THN]:
            rentang_pred.append(f"{kol(c)}{self.rekap_awal}:{kol(c)}{r}")
        self._warnai_predikat(ws, rentang_pred)

        ws.freeze_panes = ws.cell(BARIS_DATA, U_SATUAN)
        ws.auto_filter.ref = f"A5:{kol(U_PJ)}{akhir}"
        ws.print_title_rows = "4:5"
        ws.print_area = f"A1:{kol(U_TERAKHIR_CETAK)}{r}"
        self._lindungi(ws)

    def _warnai_predikat(self, ws, rentang: list[str]):
        hijau = PatternFill("solid", fgColor="C6EFCE", bgColor="C6EFCE")
        kuning = PatternFill("solid", fgColor="FFEB9C", bgColor="FFEB9C")
        merah = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
        for rg in rentang:
            kiri_atas = rg.split(":")[0]
            c = re.match(r"([A-Z]+)(\d+)", kiri_atas)
            sel = f"{c.group(1)}{c.group(2)}"
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

    # --- Anggaran -------------------------------------------------------------------
    def _anggaran(self, ws):
        judul_lembar(ws, f"REALISASI ANGGARAN TAHUN {self.tahun}", self.satker.upper(),
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
        baris = self.k.anggaran
        induk = induk_anggaran(baris)
        anak = {i: [j for j, p in enumerate(induk) if p == i] for i in range(len(baris))}
        r = BARIS_DATA
        for i, _ in enumerate(baris):
            self.angg_baris[i] = r + i
        jumlah_r = r + len(baris)
        self.angg_jumlah_baris = jumlah_r
        dv_uang = DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showErrorMessage=True, errorTitle="Isian harus angka",
            error="Isi jumlah rupiah tanpa titik/koma ribuan (mis. 2647529000), tidak negatif.")
        ws.add_data_validation(dv_uang)
        for i, b in enumerate(baris):
            r = self.angg_baris[i]
            tebal = b.tingkat != "output"
            tulis_teks(ws.cell(r, A_KODE), b.kode, gaya_isian=True)
            tulis_teks(ws.cell(r, A_URAIAN), b.uraian, gaya_isian=True).alignment = RATA_KIRI
            tulis_teks(ws.cell(r, A_TINGKAT), b.tingkat)
            ws.cell(r, A_TINGKAT).border = BINGKAI
            for c in (A_KODE, A_TINGKAT):
                ws.cell(r, c).alignment = Alignment(vertical="top")
            ws.row_dimensions[r].height = _tinggi(b.uraian, 44)
            if anak[i]:
                rows = [self.angg_baris[j] for j in anak[i]]
                for c in [A_PAGU] + [a_tw(q, 0) for q in range(1, 5)]:
                    rumus(ws.cell(r, c), "=" + R.jumlah(_rentang_baris(c, rows)), F_RUPIAH)
                    ws.cell(r, c).fill = ISI_SUBTOTAL
            else:
                isian(ws.cell(r, A_PAGU), F_RUPIAH).value = b.pagu.get(self.tahun)
                dv_uang.add(ws.cell(r, A_PAGU).coordinate)
                for q, v in enumerate(b.realisasi_tahun(self.tahun), 1):
                    isian(ws.cell(r, a_tw(q, 0)), F_RUPIAH).value = v
                    dv_uang.add(ws.cell(r, a_tw(q, 0)).coordinate)
            if tebal:
                for c in (A_KODE, A_URAIAN):
                    ws.cell(r, c).font = Font(name="Arial", size=10, bold=True, color="1F3864")
        # JUMLAH
        r = jumlah_r
        tulis_teks(ws.cell(r, A_KODE), "")
        ws.cell(r, A_URAIAN, "JUMLAH").font = FONT_TEBAL
        ws.cell(r, A_TINGKAT, "jumlah")
        programs = [self.angg_baris[i] for i, b in enumerate(baris) if b.tingkat == "program"]
        for c in [A_PAGU] + [a_tw(q, 0) for q in range(1, 5)]:
            f = "=" + R.jumlah(_rentang_baris(c, programs)) if programs else '=""'
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
        self.baris_serapan = r
        akhir = jumlah_r

        self._nama_kolom(LEMBAR_ANGG, BARIS_DATA, akhir, [
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
        self._lindungi(ws)

    # --- target as shown in documents ----------------------------------------------
    def _rumus_target(self, ws, sel, b: _BarisUkur):
        """Link a document's target cell to Pengukuran's annual target (one source)."""
        r = b.baris
        t = f"'{LEMBAR_UKUR}'!${kol(U_TARGET)}${r}"
        if b.indikator.jenis_target == "rentang":
            a = f"'{LEMBAR_UKUR}'!${kol(U_ATAS)}${r}"
            f = f'=IF({t}="","",ROUND({t}*100,2)&" - "&ROUND({a}*100,2)&"%")'
            rumus(sel, f)
        else:
            rumus(sel, f'=IF({t}="","",{t})',
                  _format_target(b.target, b.indikator.satuan) if b.target else None)
        sel.alignment = Alignment(horizontal="center", vertical="center", shrink_to_fit=True)

    # --- IKU ------------------------------------------------------------------------
    def _iku(self, ws):
        tahun = self.k.tahun_periode()
        awal = ["No", "Program", "Sasaran", "Indikator Kinerja", "Satuan"]
        akhir_ = ["Definisi Operasional", "Formula Perhitungan", "Sumber Data",
                  "Penanggung Jawab", "Polaritas", "Tingkat PK", "Kode Sasaran",
                  "Kode Indikator"]
        kolom = awal + [str(t) for t in tahun] + akhir_
        lebar = [5, 22, 28, 36, 10] + [10] * len(tahun) + [36, 30, 24, 26, 9, 11, 9, 9]
        n = len(kolom)
        n_cetak = n - 4
        judul_lembar(ws, "INDIKATOR KINERJA UTAMA (IKU)", f"{self.satker.upper()} — PERIODE "
                     f"{self.k.periode[0]}-{self.k.periode[1]}", n_cetak)
        c_tahun0 = len(awal) + 1
        for c, (teks, lb) in enumerate(zip(kolom, lebar), 1):
            judul_kolom(ws, 4, c, teks)
            ws.column_dimensions[kol(c)].width = lb
        for i, t in enumerate(tahun):
            ws.cell(4, c_tahun0 + i).value = t  # numbers: readers find the year column
            ws.cell(4, c_tahun0 + i).number_format = "0"
            if t == self.tahun:
                ws.cell(4, c_tahun0 + i).fill = PatternFill("solid", fgColor="FFD966")
        c_sesudah = c_tahun0 + len(tahun)
        r = 5
        for no, (s, ind) in enumerate(self.k.semua_indikator(), 1):
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
            ws.row_dimensions[r].height = max(_tinggi(ind.nama, 36), _tinggi(s.nama, 28),
                                              _tinggi(ind.definisi_operasional, 36))
            r += 1
        akhir = r - 1

        self._nama(N.IKU_TAHUN, _abs(LEMBAR_IKU, c_tahun0, 4, c_sesudah - 1, 4))
        self._nama(N.IKU_TARGET, _abs(LEMBAR_IKU, c_tahun0, 5, c_sesudah - 1, akhir))
        self._nama_kolom(LEMBAR_IKU, 5, akhir, [
            (N.IKU_PROGRAM, 2), (N.IKU_SASARAN, 3), (N.IKU_INDIKATOR, 4), (N.IKU_SATUAN, 5),
            *((nama, c_sesudah + i) for i, nama in enumerate((
                N.IKU_DEFINISI, N.IKU_FORMULA, N.IKU_SUMBER_DATA, N.IKU_PENANGGUNG_JAWAB,
                N.IKU_POLARITAS, N.IKU_TINGKAT, N.IKU_KODE_SASARAN, N.IKU_KODE_INDIKATOR)))])
        ws.freeze_panes = "E5"
        ws.auto_filter.ref = f"A4:{kol(n)}{akhir}"
        ws.print_title_rows = "4:4"
        ws.print_area = f"A1:{kol(n_cetak)}{akhir}"
        # IKU is a decree text: no formulas, left editable (no protection)

    # --- RKT ------------------------------------------------------------------------
    def _rkt(self, ws):
        judul_lembar(ws, f"RENCANA KINERJA TAHUNAN (RKT) TAHUN {self.tahun}",
                     self.satker.upper(), 4)
        for c, (teks, lb) in enumerate((("No", 5), ("Program / Sasaran", 42),
                                        ("Indikator Kinerja", 56), ("Target", 18)), 1):
            judul_kolom(ws, 4, c, teks)
            ws.column_dimensions[kol(c)].width = lb
        r = 5
        program_lalu = None
        no = 0
        for s in self.k.sasaran:
            if s.program and s.program != program_lalu:
                tulis_teks(ws.cell(r, 2), s.program.upper()).font = FONT_TEBAL
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
                for c in range(1, 5):
                    ws.cell(r, c).border = BINGKAI
                    ws.cell(r, c).fill = ISI_SUBTOTAL
                program_lalu = s.program
                r += 1
            no += 1
            r = self._baris_sasaran(ws, r, no, s, lebar_indikator=56)
        r += 1
        r = self._tabel_program(ws, r, [b for b in self.k.anggaran if b.tingkat == "program"],
                                kolom_uraian=2, kolom_nilai=4, lebar_gabung=2)
        r += 1
        if self.satker.lower().startswith("sekretariat"):
            self._tanda_tangan_tunggal(ws, r, 3, "Sekretaris Komisi Pemilihan Umum",
                                       self.ttd.get("sekretaris", ""))
        else:
            self._tanda_tangan_tunggal(ws, r, 3, "Ketua Komisi Pemilihan Umum",
                                       self.ttd.get("ketua", ""))
        ws.print_title_rows = "4:4"
        ws.print_area = f"A1:D{r + 6}"
        self._lindungi(ws)

    def _baris_ukur(self, kode: str) -> _BarisUkur:
        return self.ukur[[b.indikator.kode for b in self.ukur].index(kode)]

    def _baris_sasaran(self, ws, r: int, no: int, s, *, lebar_indikator: int) -> int:
        """RKT/PK rows of one sasaran (No | sasaran | indikator | target), No and sasaran
        merged down over its indicators; returns the next free row."""
        awal = r
        for ind in s.indikator:
            tulis_teks(ws.cell(r, 3), ind.nama)
            # "24 Laporan": the unit is in the number format of the linked target
            self._rumus_target(ws, ws.cell(r, 4), self._baris_ukur(ind.kode))
            for c in range(1, 5):
                ws.cell(r, c).border = BINGKAI
            ws.cell(r, 1).alignment = RATA_TENGAH
            ws.cell(r, 2).alignment = ws.cell(r, 3).alignment = RATA_KIRI
            ws.row_dimensions[r].height = max(
                _tinggi(ind.nama, lebar_indikator),
                _tinggi(s.nama, 42) if len(s.indikator) == 1 else 15.0)
            r += 1
        ws.cell(awal, 1, no)
        tulis_teks(ws.cell(awal, 2), s.nama)
        if r - 1 > awal:
            ws.merge_cells(start_row=awal, start_column=1, end_row=r - 1, end_column=1)
            ws.merge_cells(start_row=awal, start_column=2, end_row=r - 1, end_column=2)
        return r

    def _tabel_program(self, ws, r: int, program: list, *, kolom_uraian: int,
                       kolom_nilai: int, lebar_gabung: int) -> int:
        """Program / Anggaran table linked to the Anggaran sheet, with total and terbilang."""
        judul_kolom(ws, r, 1, "No")
        judul_kolom(ws, r, kolom_uraian, "Program", lebar_gabung=lebar_gabung)
        judul_kolom(ws, r, kolom_nilai, "Anggaran (Rp)")
        r += 1
        awal = r
        for no, b in enumerate(program, 1):
            i = self.k.anggaran.index(b)
            ra = self.angg_baris[i]
            ws.cell(r, 1, no).alignment = RATA_TENGAH
            tulis_teks(ws.cell(r, kolom_uraian), f"{b.kode} {b.uraian}").alignment = RATA_KIRI
            if lebar_gabung > 1:
                ws.merge_cells(start_row=r, start_column=kolom_uraian, end_row=r,
                               end_column=kolom_uraian + lebar_gabung - 1)
            rumus(ws.cell(r, kolom_nilai), f"='{LEMBAR_ANGG}'!${kol(A_PAGU)}${ra}", F_RUPIAH)
            for c in range(1, kolom_nilai + 1):
                ws.cell(r, c).border = BINGKAI
            r += 1
        ws.cell(r, kolom_uraian, "JUMLAH").font = FONT_TEBAL
        if lebar_gabung > 1:
            ws.merge_cells(start_row=r, start_column=kolom_uraian, end_row=r,
                           end_column=kolom_uraian + lebar_gabung - 1)
        f = f"=SUM({kol(kolom_nilai)}{awal}:{kol(kolom_nilai)}{r - 1})" if program else "=0"
        rumus(ws.cell(r, kolom_nilai), f, F_RUPIAH).font = FONT_TEBAL
        for c in range(1, kolom_nilai + 1):
            ws.cell(r, c).border = BINGKAI
            ws.cell(r, c).fill = ISI_SUBTOTAL
        jumlah_sel = f"{kol(kolom_nilai)}{r}"
        r += 1
        # live terbilang: follows the pagu when it is filled or edited later
        kosong = '"Terbilang: (isi pagu pada lembar Anggaran)"'
        f = (f'=IF(OR({jumlah_sel}="",{jumlah_sel}=0),{kosong},'
             f'"Terbilang: "&{R.terbilang(jumlah_sel)})') if program else "=" + kosong
        rumus(ws.cell(r, 1), f).font = Font(name="Arial", size=10, italic=True)
        ws.cell(r, 1).border = Border()
        ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=kolom_nilai)
        ws.row_dimensions[r].height = 30
        return r + 1

    def _tanggal(self) -> str:
        if self.ttd.get("tanggal"):
            return self.ttd["tanggal"]
        from babel.dates import format_date
        return format_date(_dt.date(self.tahun, 1, 2), "d MMMM y", locale="id")

    def _tanda_tangan_tunggal(self, ws, r, c, jabatan, nama_orang):
        tempat = self.ttd.get("tempat") or _tempat(self.satker)
        tengah = Alignment(horizontal="center", vertical="top", wrap_text=True)
        tulis_teks(ws.cell(r, c), f"{tempat}, {self._tanggal()}", gaya_isian=True)
        tulis_teks(ws.cell(r + 1, c), f"{jabatan} {_wilayah(self.satker)}")
        sel = tulis_teks(ws.cell(r + 5, c), nama_orang or "(nama)", gaya_isian=True)
        sel.font = Font(name="Arial", size=10, bold=True, underline="single", color="1F3864")
        for i in (0, 1, 5):
            ws.cell(r + i, c).alignment = tengah

    # --- PK -------------------------------------------------------------------------
    def _pk(self, ws, tingkat: str):
        kpu = tingkat == "kpu"
        wil = _wilayah(self.satker)
        if kpu:
            judul2 = f"KOMISI PEMILIHAN UMUM {wil.upper()}"
            jab1 = f"Ketua Komisi Pemilihan Umum {wil}"
            nama1 = self.ttd.get("ketua", "")
            jab2 = self.ttd.get("atasan_jabatan") or "Ketua Komisi Pemilihan Umum Provinsi"
            nama2 = self.ttd.get("atasan_nama", "")
        else:
            judul2 = f"SEKRETARIAT KOMISI PEMILIHAN UMUM {wil.upper()}"
            jab1 = f"Sekretaris Komisi Pemilihan Umum {wil}"
            nama1 = self.ttd.get("sekretaris", "")
            jab2 = f"Ketua Komisi Pemilihan Umum {wil}"
            nama2 = self.ttd.get("ketua", "")
        for c, lb in zip("ABCD", (5, 42, 52, 18)):
            ws.column_dimensions[c].width = lb
        ws.sheet_view.showGridLines = False
        tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)

        def baris_judul(r, teks, font=FONT_SUBJUDUL):
            tulis_teks(ws.cell(r, 1), teks).font = font
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
            ws.cell(r, 1).alignment = tengah

        def paragraf(r, teks, tinggi=45):
            tulis_teks(ws.cell(r, 1), teks).font = FONT_BIASA
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
            ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="top",
                                                horizontal="justify")
            ws.row_dimensions[r].height = tinggi

        baris_judul(1, f"PERJANJIAN KINERJA TAHUN {self.tahun}",
                    Font(name="Arial", size=13, bold=True))
        baris_judul(2, judul2)
        paragraf(4, "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, "
                    "dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di "
                    "bawah ini:", 30)

        def identitas(r, nama_orang, jabatan):
            ws.cell(r, 2, "Nama").font = FONT_BIASA
            tulis_teks(ws.cell(r, 3), nama_orang or "(nama)", gaya_isian=True)
            ws.cell(r + 1, 2, "Jabatan").font = FONT_BIASA
            tulis_teks(ws.cell(r + 1, 3), jabatan, gaya_isian=True)
            ws.cell(r + 1, 3).alignment = Alignment(wrap_text=True)

        identitas(6, nama1, jab1)
        paragraf(8, "selanjutnya disebut PIHAK PERTAMA.", 16)
        identitas(10, nama2, jab2)
        paragraf(12, "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.", 16)
        paragraf(14, "PIHAK PERTAMA berjanji akan mewujudkan target kinerja yang seharusnya "
                     "sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja "
                     "jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
                     "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi "
                     "tanggung jawab kami.")
        paragraf(16, "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta akan melakukan "
                     "evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil "
                     "tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.")
        r = self._blok_ttd(ws, 18, nama1, jab1, nama2, jab2)
        ws.row_breaks.append(Break(id=r))
        r += 1
        lampiran = r
        baris_judul(r, f"LAMPIRAN PERJANJIAN KINERJA TAHUN {self.tahun}")
        baris_judul(r + 1, judul2)
        r += 3
        for c, teks in enumerate(("No", "Sasaran Strategis" if kpu else "Sasaran Program/Kegiatan",
                                  "Indikator Kinerja", "Target"), 1):
            judul_kolom(ws, r, c, teks)
        r += 1
        sasaran = [s for s in self.k.sasaran if s.tingkat == tingkat]
        for no, s in enumerate(sasaran, 1):
            r = self._baris_sasaran(ws, r, no, s, lebar_indikator=52)
        if not sasaran:
            tulis_teks(ws.cell(r, 2), "(katalog tidak memuat sasaran tingkat ini)")
            r += 1
        r += 1
        nama_program = {s.program.strip().lower() for s in sasaran if s.program}
        program = [b for b in self.k.anggaran if b.tingkat == "program"
                   and b.uraian.strip().lower() in nama_program]
        if not program:
            program = [b for b in self.k.anggaran if b.tingkat == "program"]
        r = self._tabel_program(ws, r, program, kolom_uraian=2, kolom_nilai=4, lebar_gabung=2)
        r += 1
        r = self._blok_ttd(ws, r, nama1, jab1, nama2, jab2)
        ws.print_area = f"A1:D{r}"
        self._skala_cetak(ws, lampiran, r, lebar_total=5 + 42 + 52 + 18)
        self._lindungi(ws)

    def _skala_cetak(self, ws, awal: int, akhir: int, lebar_total: float):
        """Print scale that puts rows awal..akhir on one page (the PK lampiran with its
        signatures), computed from the row heights we set. A fixed scale, not "fit to
        page", because Excel ignores manual page breaks in fit-to-page mode."""
        tinggi = sum((ws.row_dimensions[i].height or 15.0) for i in range(awal, akhir + 1))
        kertas_pt = {"A4": (841.9, 595.3), "F4": (936.0, 612.0)}[self.kertas]
        m = ws.page_margins
        muat_t = (kertas_pt[1] - 72 * (0.6 + 0.7)) * 0.93
        muat_l = (kertas_pt[0] - 72 * (m.left + m.right)) * 0.97
        lebar_pt = (lebar_total * 7 + 5 * 4) * 0.75
        skala = int(min(100, 100 * muat_t / tinggi, 100 * muat_l / lebar_pt))
        if skala >= 55:
            self.skala_tetap[ws.title] = skala
        # else: a long lampiran stays readable and flows over several pages (fit to
        # width); the signatures follow the last row

    def _blok_ttd(self, ws, r, nama1, jab1, nama2, jab2) -> int:
        tempat = self.ttd.get("tempat") or _tempat(self.satker)
        tengah = Alignment(horizontal="center", vertical="top", wrap_text=True)
        tulis_teks(ws.cell(r, 3), f"{tempat}, {self._tanggal()}", gaya_isian=True)
        ws.cell(r, 3).alignment = tengah
        ws.cell(r + 1, 2, "Pihak Kedua,").alignment = tengah
        ws.cell(r + 1, 3, "Pihak Pertama,").alignment = tengah
        tulis_teks(ws.cell(r + 2, 2), jab2).alignment = tengah
        tulis_teks(ws.cell(r + 2, 3), jab1).alignment = tengah
        ws.row_dimensions[r + 2].height = 28
        for c, nm in ((2, nama2), (3, nama1)):
            sel = tulis_teks(ws.cell(r + 5, c), nm or "(nama)", gaya_isian=True)
            sel.font = Font(name="Arial", size=10, bold=True, underline="single", color="1F3864")
            sel.alignment = tengah
            sel.border = Border()
        return r + 6

    # --- Rencana Aksi -----------------------------------------------------------------
    def _renaksi(self, ws):
        judul_lembar(ws, f"RENCANA AKSI KINERJA TAHUN {self.tahun}", self.satker.upper(),
                     RA_PELAKSANA, catatan=f"Tandai ({TANDA}) triwulan/bulan pelaksanaan; "
                                            "kegiatan dan pelaksana dapat diubah.")
        for c, teks, lb in ((RA_NO, "No", 5), (RA_SASARAN, "Sasaran", 26),
                            (RA_INDIKATOR, "Indikator Kinerja", 34), (RA_TARGET, "Target", 15),
                            (RA_KEGIATAN, "Kegiatan", 28), (RA_PELAKSANA, "Pelaksana", 22),
                            (RA_KODE, "Kode Indikator", 9)):
            judul_kolom(ws, 4, c, teks, tinggi_gabung=2)
            ws.column_dimensions[kol(c)].width = lb
        judul_kolom(ws, 4, RA_TW0, "Triwulan", lebar_gabung=4)
        judul_kolom(ws, 4, RA_B0, "Bulan", lebar_gabung=12)
        for q in range(1, 5):
            judul_kolom(ws, 5, RA_TW0 + q - 1, N.romawi(q))
            ws.column_dimensions[kol(RA_TW0 + q - 1)].width = 4.5
        for b in range(1, 13):
            judul_kolom(ws, 5, RA_B0 + b - 1, str(b))
            ws.column_dimensions[kol(RA_B0 + b - 1)].width = 3.6
        r = BARIS_DATA
        for no, (s, ind) in enumerate(self.k.semua_indikator(), 1):
            ws.cell(r, RA_NO, no).alignment = RATA_TENGAH
            tulis_teks(ws.cell(r, RA_SASARAN), s.nama).alignment = RATA_KIRI
            tulis_teks(ws.cell(r, RA_INDIKATOR), ind.nama).alignment = RATA_KIRI
            self._rumus_target(ws, ws.cell(r, RA_TARGET), self._baris_ukur(ind.kode))
            tulis_teks(ws.cell(r, RA_KEGIATAN), ind.kegiatan, gaya_isian=True)
            ws.cell(r, RA_KEGIATAN).alignment = RATA_KIRI
            tw = set(ind.jadwal_tw or ([] if ind.jadwal_bulan else [1, 2, 3, 4]))
            if not ind.jadwal_tw and ind.jadwal_bulan:
                tw = set(ind.triwulan_terjadwal())
            for q in range(1, 5):
                sel = isian(ws.cell(r, RA_TW0 + q - 1))
                sel.value = TANDA if q in tw else None
                sel.alignment = RATA_TENGAH
            for b in range(1, 13):
                sel = isian(ws.cell(r, RA_B0 + b - 1))
                sel.value = TANDA if b in ind.jadwal_bulan else None
                sel.alignment = RATA_TENGAH
            tulis_teks(ws.cell(r, RA_PELAKSANA), ind.pelaksana or ind.penanggung_jawab,
                       gaya_isian=True).alignment = RATA_KIRI
            tulis_teks(ws.cell(r, RA_KODE), ind.kode)
            for c in range(1, RA_KODE + 1):
                ws.cell(r, c).border = BINGKAI
            ws.row_dimensions[r].height = max(_tinggi(ind.nama, 34), _tinggi(s.nama, 26),
                                              _tinggi(ind.kegiatan, 28))
            r += 1
        akhir = r - 1
        dv = DataValidation(type="list", formula1=f"{N.REF_DAFTAR_TANDA}", allow_blank=True,
                            showErrorMessage=True, errorTitle="Tanda jadwal",
                            error=f"Isi {TANDA} (pilih dari daftar) atau kosongkan.")
        ws.add_data_validation(dv)
        dv.add(f"{kol(RA_TW0)}{BARIS_DATA}:{kol(RA_B0 + 11)}{akhir}")
        dv2 = DataValidation(type="list", formula1=f"{N.REF_DAFTAR_PELAKSANA}",
                             allow_blank=True, showErrorMessage=True,
                             errorTitle="Pilih dari daftar",
                             error="Pelaksana tidak ada di daftar lembar Referensi.")
        ws.add_data_validation(dv2)
        dv2.add(f"{kol(RA_PELAKSANA)}{BARIS_DATA}:{kol(RA_PELAKSANA)}{akhir}")
        self._nama(N.RENAKSI_KODE_INDIKATOR, _abs(LEMBAR_RENAKSI, RA_KODE, BARIS_DATA, RA_KODE,
                                                  akhir))
        self._nama(N.RENAKSI_KEGIATAN, _abs(LEMBAR_RENAKSI, RA_KEGIATAN, BARIS_DATA,
                                            RA_KEGIATAN, akhir))
        self._nama(N.RENAKSI_PELAKSANA, _abs(LEMBAR_RENAKSI, RA_PELAKSANA, BARIS_DATA,
                                             RA_PELAKSANA, akhir))
        self._nama(N.RENAKSI_JADWAL_TW, _abs(LEMBAR_RENAKSI, RA_TW0, BARIS_DATA, RA_TW0 + 3,
                                             akhir))
        self._nama(N.RENAKSI_JADWAL_BULAN, _abs(LEMBAR_RENAKSI, RA_B0, BARIS_DATA, RA_B0 + 11,
                                                akhir))
        r = akhir + 2
        self._tanda_tangan_tunggal(ws, r, RA_KEGIATAN, "Ketua Komisi Pemilihan Umum",
                                   self.ttd.get("ketua", ""))
        ws.freeze_panes = ws.cell(BARIS_DATA, RA_TARGET)
        ws.auto_filter.ref = f"A5:{kol(RA_KODE)}{akhir}"
        ws.print_title_rows = "4:5"
        ws.print_area = f"A1:{kol(RA_PELAKSANA)}{r + 6}"
        self._lindungi(ws)


TENGAH_SEBARIS = Alignment(horizontal="center", vertical="center", wrap_text=False,
                           shrink_to_fit=True)
TARGET_SERAPAN_BAWAAN = (0.20, 0.50, 0.75, 0.95)


def _wilayah(satker: str) -> str:
    """'KPU Kabupaten Contoh' -> 'Kabupaten Contoh' (the region in titles and jabatan)."""
    teks = re.sub(r"(?i)^(sekretariat\s+)?(komisi pemilihan umum|kpu)\s+", "", satker.strip())
    return teks or satker


def buat_buku_kerja(katalog: Katalog | None, tahun: int, *, satker: str, kertas: str = "A4",
                    sandi: str | None = None, dari=None, skala: str = "kpu") -> Workbook:
    """Build the year's workbook (openpyxl `Workbook`, not saved; see `simpan`).

    `katalog` None = the embedded default (or, with `dari`, the old workbook's catalog).
    `dari` = last year's workbook made by xl-kinerja: its indicators, texts, schedule and
    anggaran rows are carried into `tahun` with every realisasi blank.
    """
    from .dari import gabung_dari

    if isinstance(tahun, bool) or not isinstance(tahun, int):
        try:
            tahun = int(str(tahun).strip())
        except ValueError:
            raise KesalahanInput(f"tahun {tahun!r} bukan angka tahun", teks=tahun) from None
    if not satker or not str(satker).strip():
        raise KesalahanInput("nama satker wajib diisi (mis. \"KPU Kabupaten Contoh\")",
                             teks=satker)
    kertas = str(kertas).upper()
    if kertas not in KERTAS:
        raise KesalahanInput(f"kertas {kertas!r} tidak dikenal (pilih A4 atau F4)", teks=kertas)
    if dari is not None:
        katalog = gabung_dari(katalog, dari, tahun)
    elif katalog is None:
        katalog = Katalog.bawaan()
    katalog.periksa_tahun(tahun)
    return _Pembangun(katalog, tahun, str(satker).strip(), kertas, sandi or None, skala).bangun()
