"""Parts shared by the document sheets (RKT, PK, Rencana Aksi): the target linked to
Pengukuran, the sasaran/indikator rows, the program table with its terbilang, and the
signature blocks."""
from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font

from . import rumus as R
from .gaya import (
    BINGKAI,
    F_RUPIAH,
    FONT_ISIAN,
    FONT_TEBAL,
    ISI_SUBTOTAL,
    RATA_KIRI,
    RATA_TENGAH,
    TERBUKA,
    _gaya_tersimpan,
    judul_kolom,
    rumus,
    tulis_teks,
)
from .konteks import Konteks
from .nilai_target import format_target
from .penamaan import tetapkan
from .penandatangan import tampil, tempat_tanggal
from .percepat import gabung
from .tata import (
    A_PAGU,
    LEMBAR_ANGG,
    LEMBAR_UKUR,
    U_ATAS,
    U_INDIKATOR,
    U_SASARAN,
    U_TARGET,
    BarisUkur,
    TataAnggaran,
    TataUkur,
    kol,
    ref_abs,
    tinggi,
)

TARGET_SEBARIS = Alignment(horizontal="center", vertical="center", shrink_to_fit=True)
TENGAH_ATAS = Alignment(horizontal="center", vertical="top", wrap_text=True)
FONT_NAMA_TTD = Font(name="Arial", size=10, bold=True, underline="single", color="1F3864")


def rumus_target(sel, b: BarisUkur) -> None:
    """Link a document's target cell to Pengukuran's annual target (one source)."""
    r = b.baris
    t = f"'{LEMBAR_UKUR}'!${kol(U_TARGET)}${r}"
    if b.indikator.jenis_target == "rentang":
        a = f"'{LEMBAR_UKUR}'!${kol(U_ATAS)}${r}"
        f = f'=IF({t}="","",ROUND({t}*100,2)&" - "&ROUND({a}*100,2)&"%")'
        rumus(sel, f)
    else:
        rumus(sel, f'=IF({t}="","",{t})',
              format_target(b.target, b.indikator.satuan) if b.target else None)
    sel.alignment = TARGET_SEBARIS


def teks_ukur(sel, b: BarisUkur, kolom: int):
    """`sel` shows a text of Pengukuran (indicator or sasaran of row `b`) by formula: one
    source, so an edit in Pengukuran reaches RKT, PK and Rencana Aksi. An empty source
    shows empty (a bare reference would show 0)."""
    ref = f"'{LEMBAR_UKUR}'!${kol(kolom)}${b.baris}"
    rumus(sel, f'=IF({ref}="","",{ref})')
    return sel


def baris_sasaran(ws, r: int, no: int, s, ukur: TataUkur, *, lebar_indikator: int) -> int:
    """RKT/PK rows of one sasaran (No | sasaran | indikator | target), No and sasaran
    merged down over its indicators; returns the next free row."""
    awal = r
    for ind in s.indikator:
        teks_ukur(ws.cell(r, 3), ukur.per_kode[ind.kode], U_INDIKATOR)
        # "24 Laporan": the unit is in the number format of the linked target
        rumus_target(ws.cell(r, 4), ukur.per_kode[ind.kode])
        for c in range(1, 5):
            ws.cell(r, c).border = BINGKAI
        ws.cell(r, 1).alignment = RATA_TENGAH
        ws.cell(r, 2).alignment = ws.cell(r, 3).alignment = RATA_KIRI
        ws.row_dimensions[r].height = max(
            tinggi(ind.nama, lebar_indikator),
            tinggi(s.nama, 42) if len(s.indikator) == 1 else 15.0)
        r += 1
    ws.cell(awal, 1, no)
    teks_ukur(ws.cell(awal, 2), ukur.per_kode[s.indikator[0].kode], U_SASARAN
              ).alignment = RATA_KIRI
    kurang = tinggi(s.nama, 42) - sum(ws.row_dimensions[i].height for i in range(awal, r))
    if kurang > 0:  # the merged sasaran text is longer than its indicators
        ws.row_dimensions[r - 1].height += kurang
    if r - 1 > awal:
        gabung(ws, start_row=awal, start_column=1, end_row=r - 1, end_column=1)
        gabung(ws, start_row=awal, start_column=2, end_row=r - 1, end_column=2)
    return r


def tabel_program(ws, r: int, kt: Konteks, program: list[int], angg: TataAnggaran, *,
                  nama_jumlah: str, nama_terbilang: str, kolom_uraian: int, kolom_nilai: int,
                  lebar_gabung: int) -> int:
    """Program / Anggaran table linked to the Anggaran sheet, with total and terbilang.

    `program`: indices of the catalog's budget lines listed. The total and the terbilang
    cells get the defined names `nama_jumlah` and `nama_terbilang`. Returns the next row.
    """
    judul_kolom(ws, r, 1, "No")
    judul_kolom(ws, r, kolom_uraian, "Program", lebar_gabung=lebar_gabung)
    judul_kolom(ws, r, kolom_nilai, "Anggaran (Rp)")
    r += 1
    awal = r
    for no, i in enumerate(program, 1):
        b = kt.katalog.anggaran[i]
        ws.cell(r, 1, no).alignment = RATA_TENGAH
        tulis_teks(ws.cell(r, kolom_uraian), f"{b.kode} {b.uraian}").alignment = RATA_KIRI
        if lebar_gabung > 1:
            gabung(ws, start_row=r, start_column=kolom_uraian, end_row=r,
                   end_column=kolom_uraian + lebar_gabung - 1)
        rumus(ws.cell(r, kolom_nilai), f"='{LEMBAR_ANGG}'!${kol(A_PAGU)}${angg.baris[i]}",
              F_RUPIAH)
        for c in range(1, kolom_nilai + 1):
            ws.cell(r, c).border = BINGKAI
        r += 1
    ws.cell(r, kolom_uraian, "JUMLAH").font = FONT_TEBAL
    if lebar_gabung > 1:
        gabung(ws, start_row=r, start_column=kolom_uraian, end_row=r,
               end_column=kolom_uraian + lebar_gabung - 1)
    f = f"=SUM({kol(kolom_nilai)}{awal}:{kol(kolom_nilai)}{r - 1})" if program else "=0"
    rumus(ws.cell(r, kolom_nilai), f, F_RUPIAH).font = FONT_TEBAL
    for c in range(1, kolom_nilai + 1):
        ws.cell(r, c).border = BINGKAI
        ws.cell(r, c).fill = ISI_SUBTOTAL
    jumlah_sel = f"{kol(kolom_nilai)}{r}"
    tetapkan(ws.parent, nama_jumlah, ref_abs(ws.title, kolom_nilai, r))
    r += 1
    # live terbilang: follows the pagu when it is filled or edited later
    kosong = '"Terbilang: (isi pagu pada lembar Anggaran)"'
    f = (f'=IF(OR({jumlah_sel}="",{jumlah_sel}=0),{kosong},'
         f'"Terbilang: "&{R.terbilang(jumlah_sel)})') if program else "=" + kosong
    rumus(ws.cell(r, 1), f).font = Font(name="Arial", size=10, italic=True)
    ws.cell(r, 1).border = Border()
    ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="top")
    gabung(ws, start_row=r, start_column=1, end_row=r, end_column=kolom_nilai)
    ws.row_dimensions[r].height = 30
    tetapkan(ws.parent, nama_terbilang, ref_abs(ws.title, 1, r))
    return r + 1


def tanda_tangan_tunggal(ws, r: int, c: int, nama: str, jabatan: str) -> None:
    """One signatory (RKT, Rencana Aksi): place and date, jabatan, name; `nama` and
    `jabatan` are the defined names of the Referensi inputs."""
    tempat_tanggal(ws.cell(r, c))
    tampil(ws.cell(r + 1, c), jabatan)
    tampil(ws.cell(r + 5, c), nama).font = FONT_NAMA_TTD
    for i in (0, 1, 5):
        ws.cell(r + i, c).alignment = TENGAH_ATAS
        ws.cell(r + i, c).border = Border()
    ws.row_dimensions[r + 1].height = 28


def blok_ttd(ws, r: int, pertama: tuple[str, str], kedua: tuple[str, str]) -> int:
    """Two signatories (PK): Pihak Kedua left, Pihak Pertama right; `pertama`/`kedua` are
    (name, jabatan) defined names of the Referensi inputs. Returns the next row."""
    tempat_tanggal(ws.cell(r, 3)).alignment = TENGAH_ATAS
    ws.cell(r, 3).border = Border()
    ws.cell(r + 1, 2, "Pihak Kedua,").alignment = TENGAH_ATAS
    ws.cell(r + 1, 3, "Pihak Pertama,").alignment = TENGAH_ATAS
    for c, (nama, jabatan) in ((2, kedua), (3, pertama)):
        tampil(ws.cell(r + 2, c), jabatan).alignment = TENGAH_ATAS
        sel = tampil(ws.cell(r + 5, c), nama)
        sel.font = FONT_NAMA_TTD
        sel.alignment = TENGAH_ATAS
    ws.row_dimensions[r + 2].height = 28
    return r + 6


def isian_dokumen(sel):
    """An input cell on a printed document (Rencana Aksi): open and dark blue like every
    input, but white, so the print shows no input fill (xlsx has no print-only style);
    the hint appears on screen when the cell is selected (the data validation's input
    message)."""
    def atur(s):
        s.protection = TERBUKA
        s.font = FONT_ISIAN
        s.border = BINGKAI
    _gaya_tersimpan(sel, ("isian_dokumen",), atur)
    return sel
