"""Fill realisasi into a workbook made by `buat_buku_kerja` (examples, tests, scripts).

Cells are found through the contract reader (`kontrak`, by defined name); only input
cells are written, and a formula cell is never overwritten. Linear in the number of
indicators: each named column is resolved once and codes are looked up in a dict.
"""
from __future__ import annotations

from .. import kontrak
from .. import nama as N
from ..errors import KesalahanInput


class _Kolom:
    """openpyxl cells of one-column names, each name resolved once."""

    def __init__(self, wb):
        self.wb = wb
        self.k = kontrak.buka(wb)
        self._sel: dict[str, list] = {}

    def sel(self, nama: str) -> list:
        if nama not in self._sel:
            r = self.k.rentang(nama)
            ws = self.wb[r.lembar]
            self._sel[nama] = [ws.cell(b, r.kolom1) for b in range(r.baris1, r.baris2 + 1)]
        return self._sel[nama]

    def indeks(self, nama: str) -> dict[str, int]:
        """code -> row index (the first row with that code, as list.index gave)."""
        hasil: dict[str, int] = {}
        for i, s in enumerate(self.k.kolom(nama)[1]):
            kode = "" if s.nilai is None else str(s.nilai).strip()
            hasil.setdefault(kode, i)
        return hasil


def _tulis(sel, nilai, apa: str):
    if sel.data_type == "f":
        raise KesalahanInput(f"{apa}: sel {sel.coordinate} berisi rumus, tidak ditimpa",
                             teks=nilai)
    sel.value = nilai


def isi_realisasi(wb, kinerja: dict | None = None, anggaran: dict | None = None,
                  target_tw: dict | None = None) -> None:
    """Write cumulative realisasi per triwulan.

    kinerja:   {kode_indikator: [TW I, TW II, TW III, TW IV]} (None = blank; persen as a
               fraction 0.975; ordinal as grade text)
    anggaran:  {kode_anggaran: [TW I..IV]} (rupiah; only rows without sub-rows)
    target_tw: {kode_indikator: [TW I..IV]} to replace the default quarterly targets
    """
    kol = _Kolom(wb)
    kode = kol.indeks(N.UKUR_KODE_INDIKATOR)
    for isian, awalan in ((kinerja, N.UKUR_REALISASI_TW), (target_tw, N.UKUR_TARGET_TW)):
        for k, nilai in (isian or {}).items():
            if k not in kode:
                raise KesalahanInput(f"indikator {k!r} tidak ada di lembar Pengukuran", teks=k)
            if len(nilai) != 4:
                raise KesalahanInput(f"indikator {k!r}: harus 4 nilai (TW I-IV)", teks=nilai)
            i = kode[k]
            for q, v in enumerate(nilai):
                _tulis(kol.sel(awalan[q])[i], v, f"indikator {k}")
    if not anggaran:
        return
    kode_a = kol.indeks(N.ANGG_KODE)
    for k, nilai in anggaran.items():
        if k not in kode_a:
            raise KesalahanInput(f"kode anggaran {k!r} tidak ada di lembar Anggaran", teks=k)
        i = kode_a[k]
        for q, v in enumerate(nilai):
            _tulis(kol.sel(N.ANGG_REALISASI_TW[q])[i], v, f"anggaran {k}")
