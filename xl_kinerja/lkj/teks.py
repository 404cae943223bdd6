"""Numbers as the LKj writes them: Indonesian digits, and where documents write it, the
same number in words from the core's terbilang ("9 (sembilan) indikator",
"Rp 51.412.431.000,- (lima puluh satu miliar ... rupiah)"). Digits and words come from one
value, so they cannot disagree."""
from __future__ import annotations

from ..angka import format_angka, format_persen
from ..terbilang import terbilang


def angka(v: float | int) -> str:
    """1200 -> "1.200", 82.5 -> "82,50", 3.0 -> "3"."""
    v = float(v)
    return format_angka(v, 0) if v.is_integer() else format_angka(v, 2)


def persen(fraksi: float | None, kosong: str = "-") -> str:
    """0.9523 -> "95,23%"; None -> "-"."""
    return kosong if fraksi is None else format_persen(fraksi)


def poin(selisih: float) -> str:
    """A difference of two fractions in percentage points: 0.0312 -> "+3,12 poin"."""
    tanda = "+" if round(selisih, 9) >= 0 else "-"
    return f"{tanda}{format_angka(abs(selisih) * 100, 2)} poin"


def kata(n: int) -> str:
    """9 -> "sembilan" (lower case, as inside the parentheses of a sentence)."""
    return terbilang(n, mata_uang=None, huruf="kecil")


def hitungan(n: int, benda: str) -> str:
    """9, "indikator" -> "9 (sembilan) indikator"."""
    return f"{angka(n)} ({kata(n)}) {benda}"


def rupiah(v: float) -> str:
    """51412431000 -> "Rp 51.412.431.000,-" (whole rupiah; sen kept: "Rp 1.234,50")."""
    v = float(v)
    return f"Rp {format_angka(v, 0)},-" if v.is_integer() else f"Rp {format_angka(v, 2)}"


def rupiah_kata(v: float) -> str:
    """The amount with its terbilang in parentheses, when the amount has one (whole,
    non-negative rupiah); otherwise digits only."""
    teks = rupiah(v)
    if float(v).is_integer() and v >= 0:
        return f"{teks} ({terbilang(v, huruf='kecil')})"
    return teks


def nilai(v, jenis: str, satuan: str | None = None, atas: float | None = None) -> str:
    """A target or realisasi as tables print it: persen 0.95 -> "95,00%", jumlah 24 ->
    "24 Laporan", skor 3.5 -> "3,50", ordinal "BB" -> "BB", rentang -> "80,00% - 90,00%".
    Blank -> "-"."""
    if v is None or v == "":
        return "-"
    if isinstance(v, str):
        return v
    if jenis == "persen":
        return format_persen(v)
    if jenis == "rentang":
        return f"{format_persen(v)} - {format_persen(atas)}" if atas is not None \
            else format_persen(v)
    teks = angka(v)
    if jenis == "jumlah" and satuan and satuan != "%":
        teks += f" {satuan}"
    return teks
