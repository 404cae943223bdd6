"""Fill realisasi into a workbook made by `buat_buku_kerja` (examples, tests, scripts).

Cells are found through the defined names (nama.py); only input cells are written, and a
formula cell is never overwritten.
"""
from __future__ import annotations

from .. import nama as N
from ..errors import KesalahanInput


def _rentang(wb, nama: str):
    lembar, ref = next(iter(wb.defined_names[nama].destinations))
    sel = wb[lembar][ref.replace("$", "")]
    return [baris[0] for baris in sel] if isinstance(sel, tuple) else [sel]


def _tulis(sel, nilai, apa: str):
    if isinstance(sel.value, str) and sel.value.startswith("="):
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
    kode = [str(c.value or "").strip() for c in _rentang(wb, N.UKUR_KODE_INDIKATOR)]
    for isian, awalan in ((kinerja, N.UKUR_REALISASI_TW), (target_tw, N.UKUR_TARGET_TW)):
        for k, nilai in (isian or {}).items():
            if k not in kode:
                raise KesalahanInput(f"indikator {k!r} tidak ada di lembar Pengukuran", teks=k)
            if len(nilai) != 4:
                raise KesalahanInput(f"indikator {k!r}: harus 4 nilai (TW I-IV)", teks=nilai)
            i = kode.index(k)
            for q, v in enumerate(nilai):
                _tulis(_rentang(wb, awalan[q])[i], v, f"indikator {k}")
    kode_a = [str(c.value or "").strip() for c in _rentang(wb, N.ANGG_KODE)]
    for k, nilai in (anggaran or {}).items():
        if k not in kode_a:
            raise KesalahanInput(f"kode anggaran {k!r} tidak ada di lembar Anggaran", teks=k)
        i = kode_a.index(k)
        for q, v in enumerate(nilai):
            _tulis(_rentang(wb, N.ANGG_REALISASI_TW[q])[i], v, f"anggaran {k}")
