"""What every sheet builder is given: the catalog, the year, the satker and the options.

Frozen: builders read it and return what later builders need (see tata.py); nothing is
passed through attributes.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from babel.dates import format_date

from ..katalog import Katalog
from ..predikat import Skala


@dataclass(frozen=True)
class Konteks:
    katalog: Katalog
    tahun: int
    satker: str
    kertas: str           # key of tata.KERTAS
    sandi: str | None     # sheet protection password (None = protected without one)
    skala: Skala          # predikat scale (basis "capaian")

    @property
    def ttd(self) -> dict[str, str]:
        """Signatories from the catalog (ketua, sekretaris, atasan_*, tempat, tanggal)."""
        return self.katalog.penandatangan

    @property
    def wilayah(self) -> str:
        """'KPU Kabupaten Contoh' -> 'Kabupaten Contoh' (the region in titles and jabatan)."""
        return wilayah(self.satker)

    @property
    def tempat(self) -> str:
        """Place of signing: the catalog's `tempat`, else the region's name ('Contoh')."""
        if self.ttd.get("tempat"):
            return self.ttd["tempat"]
        tempat = re.sub(r"(?i)^(sekretariat\s+)?(komisi pemilihan umum|kpu)\s+"
                        r"(kabupaten|kab\.|kota|provinsi)\s+", "", self.satker.strip())
        return tempat or self.satker

    @property
    def tanggal(self) -> str:
        """Date of signing: the catalog's `tanggal`, else 2 January of the year."""
        if self.ttd.get("tanggal"):
            return self.ttd["tanggal"]
        return format_date(_dt.date(self.tahun, 1, 2), "d MMMM y", locale="id")


def wilayah(satker: str) -> str:
    teks = re.sub(r"(?i)^(sekretariat\s+)?(komisi pemilihan umum|kpu)\s+", "", satker.strip())
    return teks or satker
