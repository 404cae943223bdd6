"""Sheet Referensi: identity, predikat scale, absorption targets, grade ranks, dropdown
lists; the editable data the formulas read (defined names Ref_*, Info_*)."""
from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation

from ... import nama as N
from ...anggaran import TARGET_SERAPAN_BAWAAN
from ...aturan import JENIS_TARGET, POLARITAS
from ...target import PERINGKAT
from ...versi import VERSI
from ..gaya import (
    BINGKAI,
    F_PERSEN,
    FONT_KECIL,
    FONT_SUBJUDUL,
    FONT_TEBAL,
    isian,
    judul_kolom,
    judul_lembar,
    rumus,
    tulis_teks,
)
from ..konteks import Konteks
from ..penamaan import NAMA_DAFTAR, tetapkan
from ..penandatangan import tulis_penandatangan
from ..proteksi import lindungi
from ..tata import LEMBAR_REF, TANDA, kol, ref_abs


def bangun_referensi(ws, kt: Konteks) -> dict[str, str]:
    """Write the sheet; returns {grade family: defined name of its grade list} for the
    dropdowns of ordinal targets."""
    wb = ws.parent
    judul_lembar(ws, "REFERENSI", "Data yang dibaca rumus: ubah di sini, bukan di rumus",
                 3, catatan="Sel kuning dapat diubah sesuai pedoman satker.")
    info = [
        ("Format buku kerja", N.INFO_FORMAT, N.VERSI_FORMAT, False),
        ("Satuan kerja", N.INFO_SATKER, kt.satker, True),
        ("Tahun anggaran", N.INFO_TAHUN, kt.tahun, False),
        ("Kertas cetak", None, kt.kertas, False),
        ("Dibuat dengan", None, f"xl-kinerja {VERSI}", False),
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
            tetapkan(wb, nama, ref_abs(LEMBAR_REF, 2, r))
        r += 1

    r += 1
    ws.cell(r, 1, "Skala predikat capaian").font = FONT_SUBJUDUL
    r += 1
    ws.cell(r, 1, "Nama skala").font = FONT_TEBAL
    tulis_teks(ws.cell(r, 2), kt.skala.nama)
    r += 1
    ws.cell(r, 1, "Batas inklusif (≥)? BENAR/TRUE = ≥, SALAH/FALSE = >").font = FONT_TEBAL
    isian(ws.cell(r, 2)).value = bool(kt.skala.inklusif)
    tetapkan(wb, N.REF_SKALA_INKLUSIF, ref_abs(LEMBAR_REF, 2, r))
    r += 1
    ws.cell(r, 1, "Batas capaian untuk rata-rata (kosong = tanpa batas)").font = FONT_TEBAL
    isian(ws.cell(r, 2), F_PERSEN)
    tetapkan(wb, N.REF_BATAS_CAPAIAN, ref_abs(LEMBAR_REF, 2, r))
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
    naik = list(reversed(kt.skala.kategori))  # lowest category first
    awal = r
    for batas, label in naik:
        isian(ws.cell(r, 1), "0.##").value = 0 if batas is None else batas
        tulis_teks(ws.cell(r, 2), label, gaya_isian=True)
        r += 1
    akhir = r - 1
    for i in range(awal, akhir + 1):
        if i == awal:
            f = f'="< "&A{i + 1}' if kt.skala.inklusif else f'="≤ "&A{i + 1}'
            f = f if akhir > awal else '="semua nilai"'
        elif i == akhir:
            f = f'=IF({N.REF_SKALA_INKLUSIF},"≥ ","> ")&A{i}'
        else:
            f = (f'=IF({N.REF_SKALA_INKLUSIF},"≥ ","> ")&A{i}&" s.d. "&'
                 f'IF({N.REF_SKALA_INKLUSIF},"< ","≤ ")&A{i + 1}')
        rumus(ws.cell(i, 3), f)
    tetapkan(wb, N.REF_SKALA_BATAS, ref_abs(LEMBAR_REF, 1, awal, 1, akhir))
    tetapkan(wb, N.REF_SKALA_PREDIKAT, ref_abs(LEMBAR_REF, 2, awal, 2, akhir))
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
    tetapkan(wb, N.REF_TARGET_SERAPAN, ref_abs(LEMBAR_REF, 2, r, 2, r + 3))
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
    daftar_keluarga = {}
    for keluarga, urutan in PERINGKAT.items():
        mulai = r
        for rank, grade in enumerate(urutan, 1):
            tulis_teks(ws.cell(r, 1), grade).border = BINGKAI
            ws.cell(r, 2, rank).border = BINGKAI
            tulis_teks(ws.cell(r, 3), keluarga).border = BINGKAI
            r += 1
        nama = f"{N.REF_DAFTAR_PERINGKAT}_{keluarga}"
        tetapkan(wb, nama, ref_abs(LEMBAR_REF, 1, mulai, 1, r - 1))
        daftar_keluarga[keluarga] = nama
    tetapkan(wb, N.REF_PERINGKAT, ref_abs(LEMBAR_REF, 1, awal, 2, r - 1))
    tulis_penandatangan(ws, r + 1, kt)

    # dropdown lists (editable: an office adds its own units / units of work)
    semua = list(kt.katalog.semua_indikator())
    pj = sorted({ind.penanggung_jawab for _, ind in semua if ind.penanggung_jawab})
    pelaksana = sorted({ind.pelaksana for _, ind in semua if ind.pelaksana} | set(pj))
    daftar = [
        ("satuan", "Satuan", kt.katalog.daftar_satuan()),
        ("polaritas", "Polaritas", list(POLARITAS)),
        ("jenis", "Jenis target", list(JENIS_TARGET)),
        ("pj", "Penanggung jawab", pj or ["(isi nama unit)"]),
        ("pelaksana", "Pelaksana", pelaksana or ["(isi nama unit)"]),
        ("tanda", "Tanda jadwal", [TANDA]),
    ]
    for i, (kunci, judul, isi) in enumerate(daftar):
        c = 5 + i
        judul_kolom(ws, 4, c, judul)
        for j, teks in enumerate(isi):
            tulis_teks(ws.cell(5 + j, c), teks, gaya_isian=True)
        tetapkan(wb, NAMA_DAFTAR[kunci], ref_abs(LEMBAR_REF, c, 5, c, 4 + len(isi)))
        ws.column_dimensions[kol(c)].width = 16 if kunci != "pj" else 30
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 22
    ws.column_dimensions["H"].width = 40
    ws.column_dimensions["I"].width = 40
    lindungi(ws, kt.sandi)
    return daftar_keluarga
