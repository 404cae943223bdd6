"""Print setup of every sheet: landscape on the chosen paper, footer, fit or fixed scale."""
from __future__ import annotations

from openpyxl.worksheet.pagebreak import Break

from ..ooxml import halaman
from ..ooxml.halaman import MARGIN_ATAS, MARGIN_BAWAH, MARGIN_SAMPING
from .tata import KERTAS


def atur_cetak(ws, kertas: str, tahun: int, skala: int | None = None) -> None:
    """Landscape, centred, footer "<sheet> <year>" and "Halaman n" counted per document;
    `skala` a fixed percentage, else fit to one page wide.

    No "dari N": LibreOffice and Excel count &N over the whole print job (printing the
    workbook gave "Halaman 13 dari 28" on a 2-page PK); the page number restarts at 1 on
    every sheet (firstPageNumber)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = KERTAS[kertas]
    if skala is not None:
        ws.page_setup.scale = skala
        ws.sheet_properties.pageSetUpPr.fitToPage = False
    else:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_SAMPING
    ws.page_margins.top = MARGIN_ATAS
    ws.page_margins.bottom = MARGIN_BAWAH
    ws.page_setup.firstPageNumber = 1
    ws.page_setup.useFirstPageNumber = True
    ws.oddFooter.center.text = "Halaman &P"
    ws.oddFooter.center.size = 8
    ws.oddFooter.left.text = f"{ws.title} {tahun}"
    ws.oddFooter.left.size = 8


TINGGI_BAWAAN = 15.0  # a row left at its default height


def tinggi_baris(ws, r: int) -> float:
    return ws.row_dimensions[r].height or TINGGI_BAWAAN


def skala_lebar(lebar_kolom, kertas: str) -> int:
    """Largest print scale (at most 100%) at which columns of these widths fit the page
    width of paper `kertas` ("A4", "F4")."""
    return halaman.skala(lebar_kolom, KERTAS[kertas])


def tinggi_halaman(kertas: str, skala: int) -> float:
    """Sheet points of rows that fit on one page at `skala` percent."""
    return halaman.tinggi_halaman(KERTAS[kertas], skala)


def pecah_halaman(ws, blok: list[tuple[int, int]], kertas: str, skala: int,
                  tinggi_judul: float = 0.0) -> int:
    """Manual page breaks between blocks of rows that must stay on one page (a sasaran
    with its indicators; the end of a table with its signatures). `blok`: consecutive
    (first, last) row ranges; the first starts a page. Pages after the first begin with
    the print title rows (`tinggi_judul` points). A block taller than a page starts a
    page and flows on. Returns the number of pages."""
    muat = tinggi_halaman(kertas, skala)
    terpakai, halaman = 0.0, 1
    for awal, akhir in blok:
        t = sum(tinggi_baris(ws, r) for r in range(awal, akhir + 1))
        if terpakai and terpakai + t > muat:
            ws.row_breaks.append(Break(id=awal - 1))
            halaman += 1
            terpakai = tinggi_judul
        terpakai += t
        while terpakai > muat:  # a block longer than a page
            halaman += 1
            terpakai -= muat - tinggi_judul
    return halaman


def skala_dokumen(ws, blok: list[tuple[int, int]], lebar_kolom, kertas: str,
                  tinggi_judul: float) -> int:
    """Fixed print scale of a document laid out in blocks (PK lampiran, RKT), adding the
    page breaks between blocks. A fixed scale, not "fit to page", because Excel ignores
    manual page breaks in fit-to-page mode. All blocks on one page when that needs at
    most a 20% reduction (a small catalog's PK: naskah, then one lampiran page); else the
    scale that fits the width, breaking only between blocks."""
    lebar = skala_lebar(lebar_kolom, kertas)
    total = sum(tinggi_baris(ws, r) for a, b in blok for r in range(a, b + 1))
    satu = int(100 * tinggi_halaman(kertas, 100) / total)
    if satu >= 80:
        return min(lebar, satu)
    pecah_halaman(ws, blok, kertas, lebar, tinggi_judul)
    return lebar
