"""Printed page geometry: the paper in points, the margins every generated and rekap sheet
prints with, and the arithmetic both lay their pages out by (pure: no openpyxl, so the
rekap's CLI path stays light). Papers are Excel paperSize codes."""
from __future__ import annotations

# Printable page (points) in landscape by Excel paperSize code: A4, F4 (Folio 8,5 x 13 in),
# Letter, Legal; other papers are laid out as A4.
UKURAN_PT = {9: (841.9, 595.3), 14: (936.0, 612.0), 1: (792.0, 612.0), 5: (1008.0, 612.0)}
MARGIN_ATAS, MARGIN_BAWAH, MARGIN_SAMPING = 0.6, 0.7, 0.4  # inches
MARGIN_KEPALA = 0.3  # header and footer
# (side, top, bottom, header/footer) in inches, as a writer sets them
MARGIN = (MARGIN_SAMPING, MARGIN_ATAS, MARGIN_BAWAH, MARGIN_KEPALA)
# Row heights are estimates (or left to the spreadsheet program): keep 5% of a page in hand.
CADANGAN = 0.95


def ukuran(kertas: int) -> tuple[float, float]:
    return UKURAN_PT.get(int(kertas), UKURAN_PT[9])


def lebar_pt(lebar_kolom) -> float:
    """Printed width (points at 100%) of columns of these widths in characters: 7 px per
    character plus 5 px padding per column, 0.75 pt per px (as Excel and LibreOffice
    convert a width; the padding alone is 4% of Pengukuran's printed width)."""
    return sum(w * 7 + 5 for w in lebar_kolom) * 0.75


def skala(lebar_kolom, kertas: int) -> int:
    """Largest print scale (percent, at most 100) at which the columns fit the width."""
    muat = (ukuran(kertas)[0] - 72 * 2 * MARGIN_SAMPING) * 0.97
    return int(min(100, 100 * muat / lebar_pt(lebar_kolom)))


def tinggi_halaman(kertas: int, persen: int) -> float:
    """Sheet points of rows that fit on one page at `persen` scale."""
    return (ukuran(kertas)[1] - 72 * (MARGIN_ATAS + MARGIN_BAWAH)) * CADANGAN * 100 / persen
