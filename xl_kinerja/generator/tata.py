"""Where things are in the workbook: sheet names, column positions, and the row layout
each data-sheet builder returns for the document sheets that link to it.

The builders share no hidden state: Pengukuran returns a `TataUkur` (row per indicator),
Anggaran a `TataAnggaran` (row per budget line), and the document sheets (RKT, PK,
Rencana Aksi) receive them as arguments.
"""
from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

LEMBAR_IKU = "IKU"
LEMBAR_RKT = "RKT"
LEMBAR_PK_KPU = "PK KPU"
LEMBAR_PK_SEKRETARIAT = "PK Sekretariat"
LEMBAR_RENAKSI = "Rencana Aksi"
LEMBAR_UKUR = "Pengukuran"
LEMBAR_ANGG = "Anggaran"
LEMBAR_REF = "Referensi"
LEMBAR_LKJ = "LKj"
LEMBAR = (LEMBAR_IKU, LEMBAR_RKT, LEMBAR_PK_KPU, LEMBAR_PK_SEKRETARIAT, LEMBAR_RENAKSI,
          LEMBAR_UKUR, LEMBAR_ANGG, LEMBAR_LKJ, LEMBAR_REF)

KERTAS = {"A4": 9, "F4": 14}  # Excel paperSize: 9 = A4, 14 = Folio 8,5 x 13 in (F4)
TANDA = "√"
BARIS_DATA = 6  # first data row of the tabular sheets (headers on rows 4-5)

# --- Pengukuran columns --------------------------------------------------------------
U_NO, U_SASARAN, U_INDIKATOR, U_SATUAN, U_TARGET = 1, 2, 3, 4, 5
U_TW0 = 6  # TW q block starts at U_TW0 + 4*(q-1): target, realisasi, capaian, predikat
U_REAL_THN, U_CAP_THN, U_PRED_THN = 22, 23, 24
U_KODE_SASARAN, U_KODE_INDIKATOR, U_JENIS, U_POLARITAS, U_ATAS, U_PJ = 25, 26, 27, 28, 29, 30
U_TERAKHIR_CETAK = U_PRED_THN


def u_tw(q: int, bagian: int) -> int:
    """Column of TW q (1-4); bagian 0 target, 1 realisasi, 2 capaian, 3 predikat."""
    return U_TW0 + 4 * (q - 1) + bagian


# --- Anggaran columns -----------------------------------------------------------------
A_KODE, A_URAIAN, A_TINGKAT, A_PAGU = 1, 2, 3, 4
A_TW0 = 5  # TW q block: realisasi, persen, sisa


def a_tw(q: int, bagian: int) -> int:
    return A_TW0 + 3 * (q - 1) + bagian


A_TERAKHIR = a_tw(4, 2)

# --- Rencana Aksi columns ------------------------------------------------------------
RA_NO, RA_SASARAN, RA_INDIKATOR, RA_TARGET, RA_KEGIATAN = 1, 2, 3, 4, 5
RA_TW0, RA_B0 = 6, 10
RA_PELAKSANA, RA_KODE = 22, 23


def kol(n: int) -> str:
    return get_column_letter(n)


def ref_abs(lembar: str, c1: int, r1: int, c2: int | None = None, r2: int | None = None) -> str:
    """Absolute reference with the sheet: 'Pengukuran'!$E$6 or 'Pengukuran'!$E$6:$E$20."""
    teks = f"'{lembar}'!${kol(c1)}${r1}"
    if c2 is not None:
        teks += f":${kol(c2)}${r2}"
    return teks


def rentang_baris(col: int, rows: list[int]) -> list[str]:
    """Compress rows of one column into A1 ranges: [6,7,8,10] -> ['D6:D8', 'D10']."""
    hasil, awal, akhir = [], None, None
    for r in sorted(rows):
        if awal is None:
            awal = akhir = r
        elif r == akhir + 1:
            akhir = r
        else:
            hasil.append((awal, akhir))
            awal = akhir = r
    if awal is not None:
        hasil.append((awal, akhir))
    c = kol(col)
    return [f"{c}{a}" if a == b else f"{c}{a}:{c}{b}" for a, b in hasil]


def tinggi(teks: str, lebar_kolom: float, minimum: float = 15.0) -> float:
    """Estimated row height (points) for wrapped text in a column of this width: lines
    broken at spaces as the spreadsheet does (a 10 pt Arial or 11 pt Calibri line holds
    about one character per unit of column width, less one for the cell padding). A row
    too low clips its text on paper, so the estimate errs high."""
    if not teks:
        return minimum
    per_baris = max(6, int(lebar_kolom) - 1)
    n = sum(_jumlah_baris(bagian, per_baris) for bagian in str(teks).split("\n"))
    return max(minimum, 13.5 * n + 3)  # 13.5 pt: a Calibri 11 line (Arial 10: 11.5)


def _jumlah_baris(teks: str, per_baris: int) -> int:
    """Lines of a greedy word wrap; a word longer than a line takes several."""
    n, isi = 1, 0
    for kata in teks.split():
        if isi and isi + 1 + len(kata) > per_baris:
            n, isi = n + 1, 0
        if isi:
            isi += 1
        while len(kata) > per_baris:
            n, kata = n + 1, kata[per_baris:]
        isi += len(kata)
    return n


@dataclass(frozen=True)
class BarisUkur:
    """One indicator's row on Pengukuran, with what the document sheets need to link it."""
    baris: int
    sasaran: object
    indikator: object
    target: object  # core Target of the year, or None


@dataclass(frozen=True)
class TataUkur:
    """Rows of Pengukuran: one `BarisUkur` per indicator, in catalog order."""
    baris: tuple[BarisUkur, ...]
    per_kode: dict[str, BarisUkur]

    @classmethod
    def dari(cls, baris: list[BarisUkur]) -> TataUkur:
        return cls(tuple(baris), {b.indikator.kode: b for b in baris})


@dataclass(frozen=True)
class TataAnggaran:
    """Rows of Anggaran: `baris[i]` is the row of the catalog's budget line i."""
    baris: tuple[int, ...]
