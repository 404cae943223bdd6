"""Averages of capaian: per sasaran and for the satker (docs/aturan.md section "Rata-rata capaian").

Blank (None) capaian are excluded, never counted as zero. A cap (`batas_atas`, e.g. 1.0 or
1.2) is an office policy, applied to each value before averaging; uncapped by default.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable

from .errors import KesalahanInput

DASAR = ("sasaran", "indikator")


def rata_rata_capaian(nilai: Iterable[float | None], batas_atas: float | None = None
                      ) -> float | None:
    if batas_atas is not None and batas_atas <= 0:
        raise KesalahanInput(f"batas atas capaian {batas_atas!r} harus lebih dari 0", batas_atas)
    isi = [v for v in nilai if v is not None]
    if batas_atas is not None:
        isi = [min(v, batas_atas) for v in isi]
    return sum(isi) / len(isi) if isi else None


def capaian_per_sasaran(pasangan: Iterable[tuple[Hashable, float | None]],
                        batas_atas: float | None = None) -> dict[Hashable, float | None]:
    """{sasaran: mean of its indicators' capaian}, in first-seen order."""
    kelompok: dict[Hashable, list[float | None]] = {}
    for sasaran, nilai in pasangan:
        kelompok.setdefault(sasaran, []).append(nilai)
    return {s: rata_rata_capaian(v, batas_atas) for s, v in kelompok.items()}


def capaian_satker(pasangan: Iterable[tuple[Hashable, float | None]], dasar: str = "sasaran",
                   batas_atas: float | None = None) -> float | None:
    """Office capaian: mean over sasaran means ("sasaran") or over all indicators."""
    if dasar not in DASAR:
        raise KesalahanInput(f'dasar rata-rata "{dasar}" tidak dikenal; pilih sasaran atau '
                             f"indikator", dasar)
    pasangan = list(pasangan)
    if dasar == "indikator":
        return rata_rata_capaian((v for _, v in pasangan), batas_atas)
    # The cap applies to indicators; sasaran means are then averaged as they are.
    return rata_rata_capaian(capaian_per_sasaran(pasangan, batas_atas).values())
