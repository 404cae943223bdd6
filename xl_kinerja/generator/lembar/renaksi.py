"""Sheet Rencana Aksi: per indikator the linked target, the kegiatan, the schedule marks
per quarter and month, and the pelaksana (inputs); one signatory."""
from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation

from ... import nama as N
from ..dokumen import isian_dokumen, rumus_target, tanda_tangan_tunggal, teks_ukur
from ..gaya import BINGKAI, RATA_KIRI, RATA_TENGAH, judul_kolom, judul_lembar, tulis_teks
from ..konteks import Konteks
from ..penamaan import tetapkan
from ..proteksi import lindungi
from ..tata import (
    BARIS_DATA,
    LEMBAR_RENAKSI,
    RA_B0,
    RA_INDIKATOR,
    RA_KEGIATAN,
    RA_KODE,
    RA_NO,
    RA_PELAKSANA,
    RA_SASARAN,
    RA_TARGET,
    RA_TW0,
    TANDA,
    U_INDIKATOR,
    U_SASARAN,
    TataUkur,
    kol,
    ref_abs,
    tinggi,
)


def bangun_renaksi(ws, kt: Konteks, ukur: TataUkur) -> None:
    judul_lembar(ws, f"RENCANA AKSI KINERJA TAHUN {kt.tahun}", kt.satker.upper(),
                 RA_PELAKSANA, catatan=f"Isian (sel terbuka, berhuruf biru): kegiatan, tanda "
                                        f"{TANDA} triwulan/bulan pelaksanaan dan pelaksana.")
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
    for no, (s, ind) in enumerate(kt.katalog.semua_indikator(), 1):
        ws.cell(r, RA_NO, no).alignment = RATA_TENGAH
        b = ukur.per_kode[ind.kode]  # texts by formula from Pengukuran (one source)
        teks_ukur(ws.cell(r, RA_SASARAN), b, U_SASARAN).alignment = RATA_KIRI
        teks_ukur(ws.cell(r, RA_INDIKATOR), b, U_INDIKATOR).alignment = RATA_KIRI
        rumus_target(ws.cell(r, RA_TARGET), ukur.per_kode[ind.kode])
        isian_dokumen(tulis_teks(ws.cell(r, RA_KEGIATAN), ind.kegiatan))
        ws.cell(r, RA_KEGIATAN).alignment = RATA_KIRI
        tw = set(ind.jadwal_tw or ([] if ind.jadwal_bulan else [1, 2, 3, 4]))
        if not ind.jadwal_tw and ind.jadwal_bulan:
            tw = set(ind.triwulan_terjadwal())
        for q in range(1, 5):
            sel = isian_dokumen(ws.cell(r, RA_TW0 + q - 1))
            sel.value = TANDA if q in tw else None
            sel.alignment = RATA_TENGAH
        for b in range(1, 13):
            sel = isian_dokumen(ws.cell(r, RA_B0 + b - 1))
            sel.value = TANDA if b in ind.jadwal_bulan else None
            sel.alignment = RATA_TENGAH
        isian_dokumen(tulis_teks(ws.cell(r, RA_PELAKSANA),
                                 ind.pelaksana or ind.penanggung_jawab)).alignment = RATA_KIRI
        tulis_teks(ws.cell(r, RA_KODE), ind.kode)
        for c in range(1, RA_KODE + 1):
            ws.cell(r, c).border = BINGKAI
        ws.row_dimensions[r].height = max(tinggi(ind.nama, 34), tinggi(s.nama, 26),
                                          tinggi(ind.kegiatan, 28))
        r += 1
    akhir = r - 1
    # the inputs are white (no fill on the print): the hint shows when a cell is selected
    dv = DataValidation(type="list", formula1=f"{N.REF_DAFTAR_TANDA}", allow_blank=True,
                        showErrorMessage=True, errorTitle="Tanda jadwal",
                        error=f"Isi {TANDA} (pilih dari daftar) atau kosongkan.",
                        showInputMessage=True, promptTitle="Isian jadwal",
                        prompt=f"Pilih {TANDA} untuk triwulan/bulan pelaksanaan, atau kosongkan.")
    ws.add_data_validation(dv)
    dv.add(f"{kol(RA_TW0)}{BARIS_DATA}:{kol(RA_B0 + 11)}{akhir}")
    dv2 = DataValidation(type="list", formula1=f"{N.REF_DAFTAR_PELAKSANA}",
                         allow_blank=True, showErrorMessage=True,
                         errorTitle="Pilih dari daftar",
                         error="Pelaksana tidak ada di daftar lembar Referensi.",
                         showInputMessage=True, promptTitle="Isian pelaksana",
                         prompt="Pilih unit pelaksana (daftar di lembar Referensi).")
    dv3 = DataValidation(showInputMessage=True, promptTitle="Isian kegiatan",
                         prompt="Tulis kegiatan untuk mencapai target indikator ini.")
    ws.add_data_validation(dv3)
    dv3.add(f"{kol(RA_KEGIATAN)}{BARIS_DATA}:{kol(RA_KEGIATAN)}{akhir}")
    ws.add_data_validation(dv2)
    dv2.add(f"{kol(RA_PELAKSANA)}{BARIS_DATA}:{kol(RA_PELAKSANA)}{akhir}")
    wb = ws.parent
    for nama, c1, c2 in ((N.RENAKSI_KODE_INDIKATOR, RA_KODE, RA_KODE),
                         (N.RENAKSI_KEGIATAN, RA_KEGIATAN, RA_KEGIATAN),
                         (N.RENAKSI_PELAKSANA, RA_PELAKSANA, RA_PELAKSANA),
                         (N.RENAKSI_JADWAL_TW, RA_TW0, RA_TW0 + 3),
                         (N.RENAKSI_JADWAL_BULAN, RA_B0, RA_B0 + 11)):
        tetapkan(wb, nama, ref_abs(LEMBAR_RENAKSI, c1, BARIS_DATA, c2, akhir))
    r = akhir + 2
    tanda_tangan_tunggal(ws, r, RA_KEGIATAN, N.TTD_NAMA_KETUA, N.TTD_JABATAN_KETUA)
    ws.freeze_panes = ws.cell(BARIS_DATA, RA_TARGET)
    ws.auto_filter.ref = f"A5:{kol(RA_KODE)}{akhir}"
    ws.print_title_rows = "4:5"
    ws.print_area = f"A1:{kol(RA_PELAKSANA)}{r + 6}"
    lindungi(ws, kt.sandi)
