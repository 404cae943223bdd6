"""Sheets PK KPU and PK Sekretariat: the agreement text (Pihak Pertama/Pihak Kedua),
then on its own page the lampiran (sasaran, indikator, linked target, program table
with JUMLAH and terbilang) and the signatures."""
from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.pagebreak import Break

from ... import nama as N
from ..cetak import skala_dokumen, tinggi_baris
from ..dokumen import baris_sasaran, blok_ttd, tabel_program
from ..gaya import FONT_BIASA, FONT_SUBJUDUL, judul_kolom, tulis_teks
from ..konteks import Konteks
from ..penandatangan import tampil
from ..percepat import gabung
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
    ketua = (N.TTD_NAMA_KETUA, N.TTD_JABATAN_KETUA)
    if kpu:
        judul2 = f"KOMISI PEMILIHAN UMUM {wil.upper()}"
        pertama, kedua = ketua, (N.TTD_NAMA_ATASAN, N.TTD_JABATAN_ATASAN)
    else:
        judul2 = f"SEKRETARIAT KOMISI PEMILIHAN UMUM {wil.upper()}"
        pertama, kedua = (N.TTD_NAMA_SEKRETARIS, N.TTD_JABATAN_SEKRETARIS), ketua
    for c, lb in zip("ABCD", LEBAR_KOLOM, strict=False):
        ws.column_dimensions[c].width = lb
    ws.sheet_view.showGridLines = False
    tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def baris_judul(r, teks, font=FONT_SUBJUDUL):
        tulis_teks(ws.cell(r, 1), teks).font = font
        gabung(ws, start_row=r, start_column=1, end_row=r, end_column=4)
        ws.cell(r, 1).alignment = tengah

    def paragraf(r, teks, tinggi=45):
        tulis_teks(ws.cell(r, 1), teks).font = FONT_BIASA
        gabung(ws, start_row=r, start_column=1, end_row=r, end_column=4)
        ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="top",
                                            horizontal="justify")
        ws.row_dimensions[r].height = tinggi

    baris_judul(1, f"PERJANJIAN KINERJA TAHUN {kt.tahun}",
                Font(name="Arial", size=13, bold=True))
    baris_judul(2, judul2)
    paragraf(4, "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, "
                "dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di "
                "bawah ini:", 30)

    def identitas(r, pihak):
        ws.cell(r, 2, "Nama").font = FONT_BIASA
        tampil(ws.cell(r, 3), pihak[0], ": ")
        ws.cell(r + 1, 2, "Jabatan").font = FONT_BIASA
        tampil(ws.cell(r + 1, 3), pihak[1], ": ").alignment = Alignment(wrap_text=True)

    identitas(6, pertama)
    paragraf(8, "selanjutnya disebut PIHAK PERTAMA.", 16)
    identitas(10, kedua)
    paragraf(12, "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.", 16)
    paragraf(14, "PIHAK PERTAMA berjanji akan mewujudkan target kinerja yang seharusnya "
                 "sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja "
                 "jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
                 "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi "
                 "tanggung jawab kami.")
    paragraf(16, "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta akan melakukan "
                 "evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil "
                 "tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.")
    r = blok_ttd(ws, 18, pertama, kedua)
    ws.row_breaks.append(Break(id=r))  # the naskah on its own page
    r += 1
    lampiran = r
    baris_judul(r, f"LAMPIRAN PERJANJIAN KINERJA TAHUN {kt.tahun}")
    baris_judul(r + 1, judul2)
    r += 3
    judul = r
    for c, teks in enumerate(("No", "Sasaran Strategis" if kpu else "Sasaran Program/Kegiatan",
                              "Indikator Kinerja", "Target"), 1):
        judul_kolom(ws, r, c, teks)
    ws.print_title_rows = f"{judul}:{judul}"  # repeated from the lampiran's 2nd page on
    r += 1
    sasaran = [s for s in kt.katalog.sasaran if s.tingkat == tingkat]
    blok = []  # rows kept on one page: each sasaran with its indicators
    for no, s in enumerate(sasaran, 1):
        awal = r
        r = baris_sasaran(ws, r, no, s, ukur, lebar_indikator=52)
        blok.append((awal, r - 1))
    if not sasaran:
        tulis_teks(ws.cell(r, 2), "(katalog tidak memuat sasaran tingkat ini)")
        blok.append((r, r))
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
    r = blok_ttd(ws, r, pertama, kedua)
    ws.print_area = f"A1:D{r - 1}"
    lindungi(ws, kt.sandi)
    # the title and header open the first block; the last sasaran, the program table and
    # the signatures close the lampiran on one page
    blok[0] = (lampiran, blok[0][1])
    blok[-1] = (blok[-1][0], r - 1)
    return skala_dokumen(ws, blok, LEBAR_KOLOM, kt.kertas, tinggi_baris(ws, judul))
