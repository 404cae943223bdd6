"""Cell styles and small writing helpers shared by the sheet builders."""
from __future__ import annotations

from copy import copy

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

from .percepat import gabung

# Number formats. `[$-421]` is the Indonesian locale tag: LibreOffice and WPS then show
# "95,00%" and "1.234.567" whatever the computer's locale; Excel keeps the tag and uses
# the Windows separators (Indonesian on an Indonesian Windows).
F_PERSEN = "[$-421]0.00%"
F_RUPIAH = '[$-421]#,##0'
F_ANGKA = "[$-421]#,##0.##"
F_ANGKA_BULAT = "[$-421]#,##0"
F_TEKS = "@"

WARNA_ISIAN = "FFF2CC"      # yellow: cells the user fills
WARNA_JUDUL = "D9E1F2"      # header rows
WARNA_SUBTOTAL = "EDEDED"

_tipis = Side(style="thin", color="808080")
BINGKAI = Border(left=_tipis, right=_tipis, top=_tipis, bottom=_tipis)

FONT_BIASA = Font(name="Arial", size=10)
FONT_TEBAL = Font(name="Arial", size=10, bold=True)
FONT_JUDUL = Font(name="Arial", size=13, bold=True)
FONT_SUBJUDUL = Font(name="Arial", size=11, bold=True)
FONT_KECIL = Font(name="Arial", size=8, italic=True, color="595959")
FONT_ISIAN = Font(name="Arial", size=10, color="1F3864")

ISI_ISIAN = PatternFill("solid", fgColor=WARNA_ISIAN)
ISI_JUDUL = PatternFill("solid", fgColor=WARNA_JUDUL)
ISI_SUBTOTAL = PatternFill("solid", fgColor=WARNA_SUBTOTAL)

RATA_TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
RATA_KIRI = Alignment(horizontal="left", vertical="top", wrap_text=True)
RATA_KANAN = Alignment(horizontal="right", vertical="top")
RATA_KIRI_TENGAH = Alignment(horizontal="left", vertical="center", wrap_text=False)

TERKUNCI = Protection(locked=True)
TERBUKA = Protection(locked=False)

AWALAN_RUMUS = ("=", "+", "-", "@")


def tulis_teks(sel, teks, *, gaya_isian: bool = False):
    """Write text from a catalog/old workbook: never let it become a formula.

    openpyxl turns any string starting with '=' into a formula; text starting with
    = + - @ is also re-read as a formula when a user edits the cell in Excel. We force
    the string type and set Excel's quote prefix ('), which keeps it text on edit.
    """
    if teks is None or teks == "":
        sel.value = None
    else:
        teks = str(teks)
        sel.value = teks
        sel.data_type = "s"
        if teks.startswith(AWALAN_RUMUS):
            sel.quotePrefix = True
    if gaya_isian:
        isian(sel)
    return sel


def _gaya_tersimpan(sel, kunci, atur) -> None:
    """Apply a style combination; computed once per workbook, then copied.

    Setting font/fill/border/protection one by one makes openpyxl hash and look up each
    style object; copying the cell's style array of an already styled cell is far cheaper
    (a third of the generator's time before this cache).
    """
    wb = sel.parent.parent
    simpanan = wb.__dict__.setdefault("_xlk_gaya", {})
    gaya = simpanan.get(kunci)
    kutip = sel.quotePrefix  # a property of this cell's text, not of the style combination
    if gaya is None:
        sel.quotePrefix = False
        atur(sel)
        simpanan[kunci] = copy(sel._style)
    else:
        sel._style = copy(gaya)
    if kutip:
        sel.quotePrefix = True


def isian(sel, format_angka: str | None = None):
    """Style `sel` as an input: unlocked, yellow, dark-blue text."""
    def atur(s):
        s.protection = TERBUKA
        s.fill = ISI_ISIAN
        s.font = FONT_ISIAN
        s.border = BINGKAI
        if format_angka:
            s.number_format = format_angka
    _gaya_tersimpan(sel, ("isian", format_angka), atur)
    return sel


def rumus(sel, teks_rumus: str, format_angka: str | None = None):
    """A locked formula cell."""
    sel.value = teks_rumus

    def atur(s):
        s.protection = TERKUNCI
        s.border = BINGKAI
        s.font = FONT_BIASA
        if format_angka:
            s.number_format = format_angka
    _gaya_tersimpan(sel, ("rumus", format_angka), atur)
    return sel


def judul_kolom(ws, baris: int, kolom: int, teks: str, *, lebar_gabung: int = 1,
                tinggi_gabung: int = 1):
    sel = ws.cell(baris, kolom, teks)
    if lebar_gabung > 1 or tinggi_gabung > 1:
        gabung(ws, start_row=baris, start_column=kolom,
               end_row=baris + tinggi_gabung - 1, end_column=kolom + lebar_gabung - 1)
    for r in range(baris, baris + tinggi_gabung):
        for c in range(kolom, kolom + lebar_gabung):
            s = ws.cell(r, c)
            s.font = FONT_TEBAL
            s.fill = ISI_JUDUL
            s.alignment = RATA_TENGAH
            s.border = BINGKAI
    return sel


def judul_lembar(ws, teks: str, subjudul: str, lebar: int, *, catatan: str | None = None):
    ws.cell(1, 1, teks).font = FONT_JUDUL
    gabung(ws, start_row=1, start_column=1, end_row=1, end_column=lebar)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    tulis_teks(ws.cell(2, 1), subjudul).font = FONT_SUBJUDUL
    gabung(ws, start_row=2, start_column=1, end_row=2, end_column=lebar)
    ws.cell(2, 1).alignment = Alignment(horizontal="center")
    if catatan:
        ws.cell(3, 1, catatan).font = FONT_KECIL
