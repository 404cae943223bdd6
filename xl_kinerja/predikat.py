"""Predikat (category) scales: docs/aturan.md section "Predikat". A scale is data, with presets.

Printed scales use integer bounds ("71 - 90") that leave gaps; they are read as continuous:
each category starts just above the previous one's upper bound, so every scale is a list of
lower bounds compared with ">" (or ">=" for IKPA, whose pedoman says "sekurang-kurangnya").
Values are rounded to 9 decimals before comparing so that 0.9 computed as 45/50 and a
capaian of 0.9000000000000001 from float noise land in the same category; the Excel formula
uses the same ROUND.
"""
from __future__ import annotations

from dataclasses import dataclass

from .angka import baca_desimal
from .errors import KesalahanInput

PEMBULATAN = 9  # decimals kept before comparing with a bound (also in the Excel formula)


@dataclass(frozen=True)
class Skala:
    """`kategori`: ((batas, label), ...) from the highest category down; the last batas is
    None (everything below). `basis` "capaian": input is a capaian fraction and bounds are
    percent points; "skor": input is a 0-100 score."""

    nama: str
    kategori: tuple[tuple[float | None, str], ...]
    inklusif: bool = False
    basis: str = "capaian"

    def __post_init__(self):
        if not self.kategori or self.kategori[-1][0] is not None:
            raise KesalahanInput(f"skala {self.nama}: kategori terakhir harus tanpa batas bawah")
        batas = [b for b, _ in self.kategori[:-1]]
        if any(b is None for b in batas) or batas != sorted(batas, reverse=True) \
                or len(set(batas)) != len(batas):
            raise KesalahanInput(f"skala {self.nama}: batas bawah harus menurun dan unik")
        if self.basis not in ("capaian", "skor"):
            raise KesalahanInput(f'skala {self.nama}: basis harus "capaian" atau "skor"')

    @classmethod
    def dari_daftar(cls, daftar, *, nama="kustom", inklusif=False, basis="capaian") -> Skala:
        """[(90, "Baik"), (70, "Cukup"), (None, "Kurang")] in any order -> Skala."""
        try:
            pasangan = [(None if b is None else float(b), str(label)) for b, label in daftar]
        except (TypeError, ValueError):
            raise KesalahanInput("skala kustom harus berupa daftar pasangan (batas, label)") \
                from None
        bawah = [p for p in pasangan if p[0] is None]
        if len(bawah) != 1:
            raise KesalahanInput("skala kustom perlu tepat satu kategori tanpa batas (terbawah)")
        atas = sorted((p for p in pasangan if p[0] is not None), key=lambda p: -(p[0] or 0))
        return cls(nama, tuple(atas + bawah), inklusif, basis)

    def baris_naik(self) -> list[tuple[float | None, str]]:
        """Rows lowest category first, for a reference table the formulas read."""
        return list(reversed(self.kategori))

    def nilai_banding(self, nilai: float) -> float:
        return round(nilai * 100 if self.basis == "capaian" else nilai, PEMBULATAN)

    def kategori_untuk(self, nilai: float) -> str:
        v = self.nilai_banding(nilai)
        for batas, label in self.kategori:
            if batas is None or (v >= batas if self.inklusif else v > batas):
                return label
        raise AssertionError("unreachable: last category has no bound")


SKALA: dict[str, Skala] = {
    "kpu": Skala("kpu", ((90, "Berhasil"), (70, "Cukup Berhasil"), (50, "Kurang Berhasil"),
                         (None, "Tidak Berhasil"))),
    "permendagri": Skala("permendagri", ((90, "Sangat Tinggi"), (75, "Tinggi"), (65, "Sedang"),
                                         (50, "Rendah"), (None, "Sangat Rendah"))),
    "sakip": Skala("sakip", ((90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"),
                             (30, "C"), (None, "D")), basis="skor"),
    "ikpa": Skala("ikpa", ((95, "Sangat Baik"), (89, "Baik"), (70, "Cukup"), (None, "Kurang")),
                  inklusif=True, basis="skor"),
}


def ambil_skala(skala: object) -> Skala:
    if isinstance(skala, Skala):
        return skala
    if isinstance(skala, str):
        kunci = skala.strip().lower()
        if kunci in SKALA:
            return SKALA[kunci]
        raise KesalahanInput(
            f'skala "{skala}" tidak dikenal; pilih {", ".join(SKALA)} atau berikan daftar '
            f'(batas, label)', skala)
    if isinstance(skala, (list, tuple)):
        return Skala.dari_daftar(skala)
    raise KesalahanInput(f"skala {skala!r} tidak dikenal", skala)


def predikat(nilai: object, skala: object = "kpu") -> str | None:
    """Category of a capaian (fraction, as `capaian` returns: 0.9 -> "Cukup Berhasil") or of
    a score for score scales (`predikat(72.8, "sakip") == "BB"`). Text is accepted
    (`"90,01%"`, `"72,80"`). None for a blank value."""
    sk = ambil_skala(skala)
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, str):
        s = nilai.strip()
        if s.endswith("%"):
            angka = float(baca_desimal(s[:-1].strip()) / 100)
            if sk.basis == "skor":
                angka *= 100
        else:
            angka = float(baca_desimal(s))
            if sk.basis == "capaian":
                raise KesalahanInput(
                    f'nilai "{nilai}" untuk skala capaian harus berupa persentase (mis. "90%") '
                    f"atau pecahan angka (0,9)", nilai)
    elif isinstance(nilai, (int, float)) and not isinstance(nilai, bool) and nilai == nilai:
        angka = float(nilai)
    else:
        raise KesalahanInput(f"nilai {nilai!r} bukan angka", nilai)
    return sk.kategori_untuk(angka)
