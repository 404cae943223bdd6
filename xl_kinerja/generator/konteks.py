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


# words written in capitals or lower case in a satker's proper name
_KAPITAL = {"kpu": "KPU", "ri": "RI", "dki": "DKI", "diy": "DIY"}
_KECIL = {"dan", "di"}


def bentuk_satker(satker: str) -> str:
    """The satker's name in its proper form: 'kpu kota bandung' (or all capitals) ->
    'KPU Kota Bandung'. A name already in mixed case is kept as the office wrote it."""
    satker = " ".join(str(satker).split())
    if satker != satker.lower() and satker != satker.upper():
        return satker
    kata = []
    for i, k in enumerate(satker.lower().split(" ")):
        if k in _KAPITAL:
            kata.append(_KAPITAL[k])
        elif k in _KECIL and i:
            kata.append(k)
        else:
            kata.append("-".join(b[:1].upper() + b[1:] for b in k.split("-")))
    return " ".join(kata)


def provinsi(satker: str) -> bool:
    """A KPU Provinsi (or its Sekretariat), not a Kabupaten/Kota."""
    return re.search(r"(?i)\bprovinsi\b", satker) is not None
