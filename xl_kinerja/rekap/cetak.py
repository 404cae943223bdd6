"""How the Rekap sheet prints: a fixed scale that fits its columns on the paper's width,
row heights computed from the texts (a spreadsheet program does not fit the height of a
row written without one, so a long name would be clipped), and the pages laid out here:
a table that continues on the next page repeats its header row there, and a table's title
stays with its header and first row. Pure arithmetic (no openpyxl): the CLI path stays light.
"""
from __future__ import annotations

from ..ooxml.halaman import MARGIN, lebar_pt, skala, tinggi_halaman

__all__ = ["MARGIN", "Susun", "TINGGI_BARIS", "jumlah_garis", "lebar_pt", "skala",
           "tinggi_halaman", "tinggi_teks"]

TINGGI_BARIS = 15.0      # a one-line row (points)
TINGGI_GARIS = 13.5      # one more wrapped line of 11 pt Calibri (10 pt Arial: 11.5)


def jumlah_garis(teks: str, lebar: float) -> int:
    """Lines of a greedy word wrap of `teks` in a column `lebar` characters wide. A unit of
    width is the width of a digit; mixed-case 11 pt Calibri text averages 1,1 characters
    per unit (measured on the Kubu Raya names in LibreOffice's PDF), less one for the cell
    padding; a word longer than a line takes several."""
    per_garis = max(4, int(lebar * 1.1) - 1)
    n = 0
    for bagian in str(teks).split("\n"):
        garis, isi = 1, 0
        for kata in bagian.split():
            k = len(kata)
            if isi and isi + 1 + k > per_garis:
                garis, isi = garis + 1, 0
            if k > per_garis:
                garis += (isi + k - 1) // per_garis
                isi = (isi + k) % per_garis
            else:
                isi = isi + (1 if isi else 0) + k
        n += garis
    return max(1, n)


def tinggi_teks(teks: str, lebar: float) -> float:
    n = jumlah_garis(teks, lebar)
    return TINGGI_BARIS if n == 1 else TINGGI_GARIS * n + 3


class Susun:
    """Writes rows one after another into a writer `w` (tulis, tinggi, gabung, putus),
    breaking pages itself. `kepala`: the header cells of the table being written, written
    again after a page break (those rows are in `ulang`)."""

    def __init__(self, w, muat: float, lebar: tuple):
        self.w, self.muat, self.lebar = w, muat, lebar
        self.r = 0
        self.pakai = 0.0
        self.kepala: list | None = None
        self.ulang: set[int] = set()

    def tinggi(self, isi, gabung: int | None = None) -> float:
        h = TINGGI_BARIS
        for c, v, *_ in isi:
            if isinstance(v, str) and v:
                lebar = sum(self.lebar[c - 1:gabung]) if gabung else self.lebar[c - 1]
                h = max(h, tinggi_teks(v, lebar))
        return h

    def baris(self, isi, *, tebal=False, lipat=True, gabung=None, jaga=0.0) -> int:
        """One row of cells `isi` [(column, value, number format)]; `lipat`: texts wrap in
        their column (or the merged columns up to `gabung`); `jaga`: points that must fit
        on the same page after it (a title with its header and first row). Returns the
        row."""
        h = self.tinggi(isi, gabung) if lipat else TINGGI_BARIS
        if self.pakai and self.pakai + h + jaga > self.muat:
            self.halaman_baru()
        return self._tulis(isi, tebal, lipat, gabung, h)

    def halaman_baru(self) -> None:
        if not self.pakai:
            return
        self.w.putus(self.r)
        self.pakai = 0.0
        if self.kepala is not None:
            self.ulang.add(self._tulis(self.kepala, True, True, None, self.tinggi(self.kepala)))

    def _tulis(self, isi, tebal, lipat, gabung, h) -> int:
        self.r += 1
        for c, v, fmt in isi:
            self.w.tulis(self.r, c, v, fmt, tebal, lipat)
        if gabung:
            self.w.gabung(self.r, isi[0][0], gabung)
        self.w.tinggi(self.r, h)
        self.pakai += h
        return self.r

    def kosong(self) -> None:
        """An empty row (not at the top of a page)."""
        if self.pakai:
            self.r += 1
            self.w.tinggi(self.r, TINGGI_BARIS)
            self.pakai += TINGGI_BARIS

    def tabel(self, judul: str, kepala: list[str], isi_baris: list[list],
              kolom_kepala: int = 1) -> tuple[int, int, int]:
        """Title, header row (from column `kolom_kepala`), data rows; the header is repeated
        on every page the rows continue on. Returns (header row, first, last data row)."""
        kep = [(c, h, None) for c, h in enumerate(kepala, kolom_kepala)]
        jaga = self.tinggi(kep) + (self.tinggi(isi_baris[0]) if isi_baris else 0)
        self.kepala = None
        self.baris([(1, judul, None)], tebal=True, lipat=False, jaga=jaga)
        rk = self.baris(kep, tebal=True)
        self.kepala = kep
        for isi in isi_baris:
            self.baris(isi)
        self.kepala = None
        return rk, rk + 1, self.r
