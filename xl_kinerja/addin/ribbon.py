"""Python side of the "Kinerja" ribbon tab (macros/xl_kinerja.xlam).

The add-in's VBA is xlwings' ribbon template, unchanged: its button runs
`RunPython "import xl_kinerja;xl_kinerja.main()"` (the module name is the add-in's file
name). `main()` asks for the triwulan and calls `rekap_triwulan`, which runs the SAME rekap
engine as the CLI (xl_kinerja.rekap) on the active workbook.
"""
from __future__ import annotations

import datetime as _dt

from .. import rekap as mesin
from ..errors import KesalahanInput, KesalahanXlKinerja
from ..nama import ROMAWI


def triwulan_sekarang(hari: _dt.date | None = None) -> int:
    """The current quarter (1-4)."""
    hari = hari or _dt.date.today()
    return (hari.month - 1) // 3 + 1


def baca_triwulan(teks: object) -> int:
    """Parse a triwulan answer: 1-4 or I-IV; raises KesalahanInput in Indonesian."""
    s = str(teks).strip().upper().removeprefix("TW").removeprefix("TRIWULAN").strip()
    if s in ROMAWI:
        return ROMAWI.index(s) + 1
    try:
        angka = float(s)
    except ValueError:
        angka = 0
    if angka in (1, 2, 3, 4):
        return int(angka)
    raise KesalahanInput(f"triwulan harus 1, 2, 3, atau 4 (I-IV), bukan {teks!r}", teks)


def rekap_triwulan(triwulan: int | str | None = None, book=None) -> object:
    """Write the quarterly rekap into the calling workbook; returns the Rekap.

    `book` defaults to `xw.Book.caller()`; tests pass an object with the same interface.
    """
    if book is None:
        import xlwings as xw  # lazy: only inside Excel (optional extra "addin")
        book = xw.Book.caller()
    tw = triwulan_sekarang() if triwulan in (None, "") else baca_triwulan(triwulan)
    data = mesin.baca_nilai_xlwings(book)
    data.berkas = book.name  # as the CLI (rekap_berkas): the file name, not the full path
    hasil = mesin.hitung_rekap(data, tw)
    mesin.tulis_rekap_xlwings(book, hasil)
    return hasil


def _tanya_triwulan(book) -> int | None:
    """Ask the user (Excel InputBox, Windows); None when cancelled."""
    bawaan = triwulan_sekarang()
    jawab = book.app.api.InputBox(
        "Rekap triwulan ke berapa? (1-4)", "Rekap Triwulan", str(bawaan), Type=2)
    if jawab is False or jawab in ("", None):
        return None
    return baca_triwulan(jawab)


def _pesan(book, teks: str) -> None:
    try:
        book.app.alert(teks, title="xl-kinerja")
    except Exception:  # noqa: BLE001 - no dialog available: nothing else to do
        pass


def main() -> None:
    """Entry point of the "Rekap Triwulan" button (RunPython)."""
    import xlwings as xw  # lazy: only inside Excel (optional extra "addin")
    book = xw.Book.caller()
    try:
        tw = _tanya_triwulan(book)
        if tw is None:
            return
        hasil = rekap_triwulan(tw, book=book)
        _pesan(book, "\n".join([*hasil.ringkasan(temuan_maks=5),
                                f"Lembar \"Rekap TW {tw}\" selesai ditulis."]))
    except KesalahanXlKinerja as e:
        _pesan(book, f"Rekap gagal: {e}")
