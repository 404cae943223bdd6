"""Anggaran (budget) rules: docs/aturan.md section "Anggaran"."""
from __future__ import annotations

from .angka import baca_angka
from .aturan import TINGKAT_ANGGARAN, TINGKAT_JUMLAH
from .errors import KesalahanInput


def _uang(nilai: object, nama: str) -> float | None:
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    angka = baca_angka(nilai)
    if angka < 0:
        raise KesalahanInput(f"{nama} {nilai!r} tidak boleh negatif", nilai)
    return angka


def persen_anggaran(pagu: object, realisasi: object) -> float | None:
    """realisasi / pagu as a fraction; None when pagu is 0 or blank or realisasi is blank.
    Amounts may be numbers or text (`"Rp. 2.647.529.000,-"`); negatives are errors."""
    p, r = _uang(pagu, "pagu"), _uang(realisasi, "realisasi")
    if p is None or p == 0 or r is None:
        return None
    return r / p


def sisa_anggaran(pagu: object, realisasi: object) -> float | None:
    """pagu - realisasi; None when pagu or realisasi is blank (blank is not zero)."""
    p, r = _uang(pagu, "pagu"), _uang(realisasi, "realisasi")
    if p is None or r is None:
        return None
    return p - r


# Rupiah amounts are whole or in sen: a recorded total within half a sen of the sum of its
# rows is equal (float sums of sen amounts are not exact).
TOLERANSI_JUMLAH = 0.005


def jumlah_sesuai(tercatat: float, rincian: float) -> bool:
    """Does a recorded subtotal/JUMLAH equal the (computed) sum of its rows?"""
    return abs(tercatat - rincian) <= TOLERANSI_JUMLAH


# Cumulative absorption target per quarter (TW I-IV), the default of the Referensi cells the
# formulas and the rekap read; a satker edits them there (docs/aturan.md section "Anggaran").
TARGET_SERAPAN_BAWAAN = (0.20, 0.50, 0.75, 0.95)

_TUTUP = TINGKAT_JUMLAH  # a JUMLAH/TOTAL row closes every group above it


def induk_anggaran(tingkat) -> list[int | None]:
    """The row each budget row is summed into, from the level of every row in sheet order.

    `tingkat[i]` is "program", "kegiatan", "output", "jumlah"/"total", or anything else (a
    heading, an indicator row: belongs to nothing). A kegiatan belongs to the program above
    it; an output to the kegiatan above it within the same program, or to the program when
    no kegiatan came between; a JUMLAH/TOTAL row closes the groups above it. Top-level rows
    and JUMLAH rows get None."""
    induk: list[int | None] = []
    program = kegiatan = None
    for i, t in enumerate(tingkat):
        if t == "program":
            induk.append(None)
            program, kegiatan = i, None
        elif t == "kegiatan":
            induk.append(program)
            kegiatan = i
        elif t == "output":
            induk.append(kegiatan if kegiatan is not None else program)
        else:
            induk.append(None)
            if t in _TUTUP:
                program = kegiatan = None
    return induk


def rincian_anggaran(tingkat) -> dict[int, list[int]]:
    """Which rows each subtotal row sums: {index: [indices]} (rows summing nothing absent).

    Programs and kegiatan sum the rows `induk_anggaran` puts under them; a "jumlah" row sums
    the programs (without programs: the top-level rows above it); a "total" row (tables)
    sums nothing here, its rows are the checker's business."""
    tingkat = list(tingkat)
    induk = induk_anggaran(tingkat)
    anak: dict[int, list[int]] = {}
    for j, i in enumerate(induk):
        if i is not None:
            anak.setdefault(i, []).append(j)
    for i, t in enumerate(tingkat):
        if t == "jumlah":
            atas = [j for j, x in enumerate(tingkat) if x == "program"] or \
                [j for j in range(i) if tingkat[j] in TINGKAT_ANGGARAN and induk[j] is None]
            if atas:
                anak[i] = atas
    return dict(sorted(anak.items()))
