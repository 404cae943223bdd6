"""Sheets PK KPU and PK Sekretariat: the agreement text (Pihak Pertama/Pihak Kedua),
then on its own page the lampiran (sasaran, indikator, linked target, program table
with JUMLAH and terbilang) and the signatures."""
from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.pagebreak import Break

from ... import nama as N
from ..cetak import skala_satu_halaman
from ..dokumen import baris_sasaran, blok_ttd, tabel_program
from ..gaya import FONT_BIASA, FONT_SUBJUDUL, judul_kolom, tulis_teks
from ..konteks import Konteks
from ..proteksi import lindungi
from ..tata import TataAnggaran, TataUkur

LEBAR_KOLOM = (5, 42, 52, 18)
# defined names of the program table's JUMLAH and terbilang cells, per PK
NAMA_TABEL_PROGRAM = {
    "kpu": (N.PK_JUMLAH_ANGGARAN_KPU, N.PK_TERBILANG_KPU),
    "sekretariat": (N.PK_JUMLAH_ANGGARAN_SEKRETARIAT, N.PK_TERBILANG_SEKRETARIAT),
}


def bangun_pk(ws, kt: Konteks, tingkat: str, ukur: TataUkur,
              angg: TataAnggaran) -> int | None:
    """Write the PK of `tingkat` ("kpu" or "sekretariat"); returns the fixed print scale
    that keeps the lampiran on one page (None: fit to width)."""
    kpu = tingkat == "kpu"
    wil = kt.wilayah
    ttd = kt.ttd
    if kpu:
        judul2 = f"KOMISI PEMILIHAN UMUM {wil.upper()}"
        jab1 = f"Ketua Komisi Pemilihan Umum {wil}"
        nama1 = ttd.get("ketua", "")
        jab2 = ttd.get("atasan_jabatan") or "Ketua Komisi Pemilihan Umum Provinsi"
        nama2 = ttd.get("atasan_nama", "")
    else:
        judul2 = f"SEKRETARIAT KOMISI PEMILIHAN UMUM {wil.upper()}"
        jab1 = f"Sekretaris Komisi Pemilihan Umum {wil}"
        nama1 = ttd.get("sekretaris", "")
        jab2 = f"Ketua Komisi Pemilihan Umum {wil}"
        nama2 = ttd.get("ketua", "")
    for c, lb in zip("ABCD", LEBAR_KOLOM):
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

    baris_judul(1, f"PERJANJIAN KINERJA TAHUN {kt.tahun}",
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
    r = blok_ttd(ws, 18, kt, nama1, jab1, nama2, jab2)
    ws.row_breaks.append(Break(id=r))
    r += 1
    lampiran = r
    baris_judul(r, f"LAMPIRAN PERJANJIAN KINERJA TAHUN {kt.tahun}")
    baris_judul(r + 1, judul2)
    r += 3
    for c, teks in enumerate(("No", "Sasaran Strategis" if kpu else "Sasaran Program/Kegiatan",
                              "Indikator Kinerja", "Target"), 1):
        judul_kolom(ws, r, c, teks)
    r += 1
    sasaran = [s for s in kt.katalog.sasaran if s.tingkat == tingkat]
    for no, s in enumerate(sasaran, 1):
        r = baris_sasaran(ws, r, no, s, ukur, lebar_indikator=52)
    if not sasaran:
        tulis_teks(ws.cell(r, 2), "(katalog tidak memuat sasaran tingkat ini)")
        r += 1
    r += 1
    nama_program = {s.program.strip().lower() for s in sasaran if s.program}
    anggaran = kt.katalog.anggaran
    program = [i for i, b in enumerate(anggaran) if b.tingkat == "program"
               and b.uraian.strip().lower() in nama_program]
    if not program:
        program = [i for i, b in enumerate(anggaran) if b.tingkat == "program"]
    jumlah, terbilang = NAMA_TABEL_PROGRAM[tingkat]
    r = tabel_program(ws, r, kt, program, angg, nama_jumlah=jumlah, nama_terbilang=terbilang,
                      kolom_uraian=2, kolom_nilai=4, lebar_gabung=2)
    r += 1
    r = blok_ttd(ws, r, kt, nama1, jab1, nama2, jab2)
    ws.print_area = f"A1:D{r}"
    lindungi(ws, kt.sandi)
    return skala_satu_halaman(ws, lampiran, r, sum(LEBAR_KOLOM), kt.kertas)
