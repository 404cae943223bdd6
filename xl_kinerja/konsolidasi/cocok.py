"""Matching across satkers: satker names (files vs --daftar) and indicators.

Most kabupaten/kota use the indicator set cascaded from KPU RI, sometimes with their own
name inside the text ("Persentase ... di KPU Kabupaten X"). Two satkers' indicators are the
same indicator when their codes are equal and their names are equal once each satker's own
name is taken out (case, spacing and punctuation ignored).
"""
from __future__ import annotations

import re

_KPU = re.compile(r"\b(komisi\s+pemilihan\s+umum|kpu)\b")
_WILAYAH = re.compile(r"\b(kabupaten|kab\.?|kota|provinsi|prov\.?)\s+(.+)$")
_BUKAN_HURUF = re.compile(r"[^0-9a-z]+")
PENGGANTI_SATKER = "(nama satker)"


def _rapat(teks: str) -> str:
    return _BUKAN_HURUF.sub(" ", teks.casefold()).strip()


def kunci_satker(nama: str) -> str:
    """'Komisi Pemilihan Umum Kab. Magelang' and 'KPU Kabupaten  Magelang' -> one key."""
    s = _KPU.sub("kpu", str(nama or "").casefold())
    s = re.sub(r"\bkab\b\.?", "kabupaten", s)
    s = re.sub(r"\bprov\b\.?", "provinsi", s)
    return _rapat(s)


def _bentuk_nama(satker: str) -> list[str]:
    """The ways a satker's name can appear inside an indicator text, longest first:
    'Sekretariat KPU Kabupaten X', 'KPU Kabupaten X', 'Komisi Pemilihan Umum Kabupaten X',
    'Kabupaten X', 'Kab. X'. Not the bare place 'X': a place named 'Uji' or 'Baru' is also
    an ordinary word of indicator texts."""
    s = " ".join(str(satker or "").split())
    bentuk = {s}
    tanpa_sekretariat = re.sub(r"(?i)^sekretariat\s+", "", s)
    bentuk.add(tanpa_sekretariat)
    m = _WILAYAH.search(tanpa_sekretariat.casefold())
    if m:
        tempat = tanpa_sekretariat[m.start(2):]
        tingkat = {"kab": "kabupaten", "kab.": "kabupaten", "prov": "provinsi",
                   "prov.": "provinsi"}.get(m.group(1), m.group(1))
        for t in {tingkat, m.group(1)} | ({"kab."} if tingkat == "kabupaten" else set()):
            wil = f"{t} {tempat}"
            bentuk |= {f"kpu {wil}", f"komisi pemilihan umum {wil}", wil}
    return sorted((b for b in bentuk if b), key=len, reverse=True)


def _pola_satker(satker: str) -> re.Pattern:
    bagian = [r"\s+".join(re.escape(k) for k in b.split()) for b in _bentuk_nama(satker)]
    return re.compile(r"(?i)(?<![0-9A-Za-z])(" + "|".join(bagian) + r")(?![0-9A-Za-z])")


class Pencocok:
    """Keys of indicators for one satker (its name pattern compiled once)."""

    def __init__(self, satker: str):
        self._pola = _pola_satker(satker) if str(satker or "").strip() else None

    def tanpa_satker(self, teks: str) -> str:
        """The indicator text with this satker's name replaced by '(nama satker)'."""
        teks = " ".join(str(teks or "").split())
        return self._pola.sub(PENGGANTI_SATKER, teks) if self._pola else teks

    def kunci(self, kode: str, indikator: str) -> tuple[str, str]:
        """(code, name without the satker) normalised: equal keys = the same indicator."""
        return (_rapat(str(kode or "")), _rapat(self.tanpa_satker(indikator)))
