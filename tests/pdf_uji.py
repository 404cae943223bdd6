"""PDF test toolkit: read back what LibreOffice prints (poppler's pdftotext and pdftoppm).

A whole-workbook PDF is split into documents by the left footer ("<lembar> <tahun>", which
every generated sheet carries); each page gives its words with their boxes in points
(origin top left), so tests can ask where a text landed, how big it is printed, and which
colours the page shows.
"""
from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from PIL import Image

# poppler's word box is the font's ascent+descent box: 1.30 em for Liberation Sans (the
# Arial substitute every generated cell uses) and Carlito. Measured on the 8 pt footer;
# test_cetak_pdf.py checks the constant on every printed footer.
TINGGI_PER_PT = 1.30
WARNA_ISIAN = (0xFF, 0xF2, 0xCC)  # generator.gaya.WARNA_ISIAN, the yellow input fill
_NS = "{http://www.w3.org/1999/xhtml}"


@dataclass
class Kata:
    teks: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def pt(self) -> float:
        """Printed font size (points on paper)."""
        return (self.y1 - self.y0) / TINGGI_PER_PT


@dataclass
class Halaman:
    pdf: Path
    nomor: int  # 1-based page number in the PDF
    lebar: float
    tinggi: float
    kata: list[Kata]
    teks: str = ""  # pdftotext -layout text of the page
    dokumen: str = ""
    tahun: str = ""
    kaki: str = ""  # footer text (the last line of the page)

    def badan(self) -> list[Kata]:
        """Words above the footer."""
        batas = min((k.y0 for k in self.kata if _di_kaki(k, self)), default=self.tinggi)
        return [k for k in self.kata if k.y1 < batas - 1]

    def kotak(self, teks: str) -> Kata | None:
        """Bounding box of the topmost occurrence of `teks` on this page, or None."""
        letak = letakkan([self], [teks])[0]
        return letak.kotak

    def ada(self, teks: str) -> bool:
        return self.kotak(teks) is not None


def _norm(w: str) -> str:
    return w.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")


def _token(teks: str) -> list[str]:
    return [_norm(w) for w in str(teks).split()]


def _gabung(kata: list[Kata]) -> Kata:
    return Kata(" ".join(k.teks for k in kata), min(k.x0 for k in kata),
                min(k.y0 for k in kata), max(k.x1 for k in kata), max(k.y1 for k in kata))


def _di_kaki(k: Kata, h: Halaman) -> bool:
    # the footer is the page's last printed line, in the bottom margin
    bawah = max(x.y0 for x in h.kata)
    return k.y0 > h.tinggi - 0.75 * 72 and abs(k.y0 - bawah) < 2


_KAKI = re.compile(r"^\s*(?P<dok>\S.*?)\s+(?P<tahun>(?:19|20)\d\d)\b")


def baca_pdf(pdf) -> list[Halaman]:
    """Every page of `pdf` with its words (one pdftotext call each for boxes and text)."""
    pdf = Path(pdf)
    xml = subprocess.run(["pdftotext", "-raw", "-bbox", str(pdf), "-"], capture_output=True,
                         check=True).stdout
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout.split("\f")
    akar = ET.fromstring(xml)
    hasil = []
    for i, hal in enumerate(akar.iter(f"{_NS}page"), 1):
        kata = [Kata(w.text or "", float(w.get("xMin")), float(w.get("yMin")),
                     float(w.get("xMax")), float(w.get("yMax"))) for w in hal.iter(f"{_NS}word")]
        h = Halaman(pdf, i, float(hal.get("width")), float(hal.get("height")), kata,
                    teks[i - 1] if i - 1 < len(teks) else "")
        kaki = sorted((k for k in kata if _di_kaki(k, h)), key=lambda k: k.x0)
        h.kaki = " ".join(k.teks for k in kaki)
        m = _KAKI.match(h.kaki)
        if m:
            h.dokumen, h.tahun = m.group("dok"), m.group("tahun")
        hasil.append(h)
    return hasil


def per_dokumen(halaman: list[Halaman]) -> dict[str, list[Halaman]]:
    """Pages grouped by the document (sheet) named in their footer, in print order."""
    hasil: dict[str, list[Halaman]] = {}
    for h in halaman:  # a page without that footer is filed under ""
        hasil.setdefault(h.dokumen, []).append(h)
    return hasil


@dataclass
class Letak:
    """Where one text of a document was printed."""
    teks: str
    halaman: Halaman | None
    kotak: Kata | None = None
    kata: list[Kata] = field(default_factory=list)


def _rangkai(kata: list[Kata]) -> tuple[str, dict[int, int], dict[int, int]]:
    """The words glued without spaces (a word cut at a hyphen by wrapping reads whole),
    with maps from character offset to word index at word starts and ends."""
    teks, awal, akhir = [], {}, {}
    n = 0
    for i, k in enumerate(kata):
        w = _norm(k.teks)
        awal[n] = i
        teks.append(w)
        n += len(w)
        akhir[n] = i + 1
    return "".join(teks), awal, akhir


def _semua(rangkai, ingin: str) -> list[tuple[int, int]]:
    teks, awal, akhir = rangkai
    hasil, m = [], teks.find(ingin)
    while m >= 0:
        if m in awal and m + len(ingin) in akhir:
            hasil.append((awal[m], akhir[m + len(ingin)]))
        m = teks.find(ingin, m + 1)
    return hasil


def letakkan(halaman: list[Halaman], daftar: list[str]) -> list[Letak]:
    """Where each text of `daftar` (a table's cells, in table order) was printed, whole on
    one page. LibreOffice draws a cell's lines together, so a cell is a contiguous word
    sequence of the page's content stream (pdftotext -raw); a text that occurs several
    times is matched to its occurrences in page and top-to-bottom order. A text not found
    whole on any page (cut by a page break, clipped, missing) gets halaman None."""
    rangkai = [_rangkai(h.kata) for h in halaman]
    tempat: dict[str, list] = {}
    dipakai: dict[str, int] = {}
    hasil = []
    for teks in daftar:
        ingin = "".join(_token(teks))
        if not ingin:
            raise ValueError("teks kosong")
        if ingin not in tempat:
            ada = [(p, a, b) for p, r in enumerate(rangkai) for a, b in _semua(r, ingin)]
            ada.sort(key=lambda x: (x[0], halaman[x[0]].kata[x[1]].y0,
                                    halaman[x[0]].kata[x[1]].x0))
            tempat[ingin] = ada
        k = dipakai.get(ingin, 0)
        dipakai[ingin] = k + 1
        if k >= len(tempat[ingin]):
            hasil.append(Letak(teks, None))
            continue
        p, a, b = tempat[ingin][k]
        kata = halaman[p].kata[a:b]
        hasil.append(Letak(teks, halaman[p], _gabung(kata), kata))
    return hasil


def halaman_ke(letak: list[Letak]) -> list[int | None]:
    return [None if x.halaman is None else x.halaman.nomor for x in letak]


def nomor_halaman(h: Halaman) -> int | None:
    """n from the footer "Halaman n", or None (also None for "Halaman n dari m": a
    whole-workbook total is not a document's page count)."""
    m = re.search(r"Halaman (\d+)(?! dari)\b", h.kaki)
    return int(m.group(1)) if m else None


def gambar(h: Halaman, dpi: int = 40) -> Image.Image:
    """The page rendered as an RGB picture."""
    keluar = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(h.nomor), "-l",
                             str(h.nomor), str(h.pdf)], capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(keluar)).convert("RGB")


def piksel_warna(h: Halaman, warna=WARNA_ISIAN, toleransi: int = 3, dpi: int = 40) -> int:
    """How many pixels of the rendered page have this colour (within `toleransi`)."""
    im = gambar(h, dpi)
    r0, g0, b0 = warna
    n = 0
    for (r, g, b), jumlah in _hitung_warna(im):
        if abs(r - r0) <= toleransi and abs(g - g0) <= toleransi and abs(b - b0) <= toleransi:
            n += jumlah
    return n


def _hitung_warna(im: Image.Image):
    warna = im.getcolors(maxcolors=1 << 24)
    return [(c, n) for n, c in warna]


def lkj_ke_pdf(lap, folder: Path, nama: str) -> tuple[Path, Path, str]:
    """An LKj written as `folder/nama` (.docx), printed by LibreOffice: (docx, pdf, the
    PDF's text as pdftotext reads it)."""
    from xl_kinerja.libreoffice import dokumen_ke_pdf
    from xl_kinerja.lkj.word import tulis_docx
    docx = tulis_docx(lap, folder / nama)
    pdf, = dokumen_ke_pdf([docx], folder)
    teks = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return docx, pdf, teks

