"""Print setup of every sheet: landscape on the chosen paper, footer, fit or fixed scale."""
from __future__ import annotations

from .tata import KERTAS

# Printable page in points (landscape), per paper of tata.KERTAS.
UKURAN_PT = {"A4": (841.9, 595.3), "F4": (936.0, 612.0)}
MARGIN_ATAS, MARGIN_BAWAH, MARGIN_SAMPING = 0.6, 0.7, 0.5  # inches


def atur_cetak(ws, kertas: str, tahun: int, skala: int | None = None) -> None:
    """Landscape, centred, "Halaman n dari m" footer; `skala` a fixed percentage
    (from `skala_satu_halaman`), else fit to one page wide."""
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
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.center.size = 8
    ws.oddFooter.left.text = f"{ws.title} {tahun}"
    ws.oddFooter.left.size = 8


def skala_satu_halaman(ws, awal: int, akhir: int, lebar_total: float,
                       kertas: str) -> int | None:
    """Print scale that puts rows awal..akhir on one page (the PK lampiran with its
    signatures), computed from the row heights set. A fixed scale, not "fit to page",
    because Excel ignores manual page breaks in fit-to-page mode. None when it would be
    below 55%: a long lampiran then stays readable and flows over several pages (fit to
    width), the signatures following the last row."""
    tinggi = sum((ws.row_dimensions[i].height or 15.0) for i in range(awal, akhir + 1))
    kertas_pt = UKURAN_PT[kertas]
    muat_t = (kertas_pt[1] - 72 * (MARGIN_ATAS + MARGIN_BAWAH)) * 0.93
    muat_l = (kertas_pt[0] - 72 * (MARGIN_SAMPING * 2)) * 0.97
    lebar_pt = (lebar_total * 7 + 5 * 4) * 0.75
    skala = int(min(100, 100 * muat_t / tinggi, 100 * muat_l / lebar_pt))
    return skala if skala >= 55 else None
