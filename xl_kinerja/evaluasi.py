"""Evaluation rules of the Laporan Kinerja (LKj), BAB III: docs/aturan.md, "Evaluasi LKj".

- tercapai: an indicator is "Tercapai" when its capaian is at least 100%;
- tren: the direction of the realisasi from one year to the next, read with the
  indicator's polarity (for "min" a lower realisasi is better);
- efisiensi: capaian kinerja set against penyerapan anggaran of the budget lines that
  serve the sasaran; the rule is a setting ("selisih": capaian - serapan, efisien when
  above 0; "rasio": capaian / serapan, efisien when above 1). Both decide the same way
  when serapan > 0; they differ in the figure reported.

Values are compared after rounding to 9 decimals, as the predikat rule and the Excel
formulas do, so float noise never flips a label.
"""
from __future__ import annotations

from .capaian import baca_polaritas
from .errors import KesalahanInput
from .predikat import PEMBULATAN

TERCAPAI, TIDAK_TERCAPAI = "Tercapai", "Tidak Tercapai"

ATURAN_EFISIENSI = ("selisih", "rasio")
ATURAN_EFISIENSI_BAWAAN = "selisih"
EFISIEN, TIDAK_EFISIEN = "Efisien", "Kurang Efisien"

MEMBAIK, MEMBURUK, TETAP = "membaik", "menurun", "tetap"


def tercapai(capaian: float | None) -> str | None:
    """"Tercapai" when capaian >= 100%, "Tidak Tercapai" below; None when not applicable."""
    if capaian is None:
        return None
    return TERCAPAI if round(capaian, PEMBULATAN) >= 1 else TIDAK_TERCAPAI


def di_bawah_target(capaian: float | None) -> bool:
    """True when a capaian is known and below 100% (the rekap summary's "Sasaran di bawah
    target", the consolidation's satkers below target): the `tercapai` rule, not a copy."""
    return tercapai(capaian) == TIDAK_TERCAPAI


def tren(sebelum: float | None, sesudah: float | None, polaritas: object = "maks") -> str | None:
    """Direction from one year's realisasi to a later one (numbers on the target's scale,
    e.g. `baca_realisasi` of each): "membaik", "menurun" or "tetap"; None when either is
    blank. With polaritas "min" a lower realisasi is an improvement."""
    if sebelum is None or sesudah is None:
        return None
    a, b = round(sebelum, PEMBULATAN), round(sesudah, PEMBULATAN)
    if a == b:
        return TETAP
    naik = b > a
    if baca_polaritas(polaritas) == "min":
        naik = not naik
    return MEMBAIK if naik else MEMBURUK


def aturan_efisiensi(aturan: object) -> str:
    if aturan is None or (isinstance(aturan, str) and not aturan.strip()):
        return ATURAN_EFISIENSI_BAWAAN
    a = str(aturan).strip().lower()
    if a not in ATURAN_EFISIENSI:
        raise KesalahanInput(f'aturan efisiensi "{aturan}" tidak dikenal; pilih '
                             f'{" atau ".join(ATURAN_EFISIENSI)}', aturan)
    return a


def nilai_efisiensi(capaian: float | None, serapan: float | None,
                    aturan: object = ATURAN_EFISIENSI_BAWAAN) -> float | None:
    """The figure of the rule: capaian - serapan ("selisih") or capaian / serapan ("rasio").
    None when either is blank, or for "rasio" when serapan is 0 (nothing spent)."""
    a = aturan_efisiensi(aturan)
    if capaian is None or serapan is None:
        return None
    if a == "selisih":
        return capaian - serapan
    return None if serapan == 0 else capaian / serapan


def efisiensi(capaian: float | None, serapan: float | None,
              aturan: object = ATURAN_EFISIENSI_BAWAAN) -> str | None:
    """"Efisien" when the rule's figure is above its threshold (0 for selisih, 1 for rasio),
    "Kurang Efisien" otherwise; None when it cannot be computed. With serapan 0 and a
    capaian above 0 ("rasio" undefined) the result is "Efisien", as "selisih" says."""
    a = aturan_efisiensi(aturan)
    if capaian is None or serapan is None:
        return None
    if a == "rasio" and serapan == 0:
        a = "selisih"
    v = round(nilai_efisiensi(capaian, serapan, a), PEMBULATAN)
    return EFISIEN if v > (0 if a == "selisih" else 1) else TIDAK_EFISIEN
