"""Header recognition: which row is the table's header and which role each column plays
(SASARAN, INDIKATOR, TARGET, PAGU, ...), the second header row (TW 1..4, B1..B12, years) and
the row of column numbers (1) (2) (3) printed under a header.

Separate because both the tabbed-column reader and the kind recognition (jenis.py) read
headers the same way; this module is that one reading.
"""
from __future__ import annotations

import functools
import re

from ..errors import KesalahanBerkas
from .baca import Baris

# header words -> column role (checked in order; first match wins)
_PERAN = [
    ("no", r"^(no\.?|nomor)$"),
    ("polaritas", r"^polaritas"),
    ("pelaksana", r"pelaksana"),
    ("penanggung_jawab", r"penanggung\s*jawab|^pj$|bagian"),
    ("formula", r"formula|rumus|cara perhitungan"),
    ("definisi", r"definisi"),
    ("sumber", r"sumber data"),
    ("sasaran", r"sasaran"),
    ("kegiatan", r"kegiatan$|^program\s*/\s*kegiatan|^kegiatan"),
    ("indikator", r"indikator"),
    ("persen", r"persen\s*tase|persentase|^%$|\(%\)"),
    ("capaian", r"capaian kinerja|^capaian"),
    ("predikat", r"predikat|kategori"),
    ("target", r"target"),
    ("nilai", r"^(nilai|skor)(\s+(sakip|akhir|evaluasi))?$"),
    ("pagu", r"pagu|anggaran"),
    ("realisasi", r"realisasi"),
    ("satuan", r"^satuan"),
    ("kode", r"^kode"),
    ("uraian", r"uraian|program"),
    ("jadwal", r"rencana pelaksanaan|jadwal"),
    ("sisa", r"^sisa"),
]
_PERAN_RE = [(peran, re.compile(pola)) for peran, pola in _PERAN]
# second header row: quarters, months, years
_TW = re.compile(r"^(tw|triwulan)\s*([1-4]|i{1,3}|iv)$", re.I)
_BULAN = re.compile(r"^b\s*(1[0-2]|[1-9])$", re.I)
_TAHUN = re.compile(r"^(20\d\d)$")
# row of column numbers: 1 2 3 or (1) (2) (3)
_NOMOR_KOLOM = re.compile(r"^\(?\d{1,2}\)?$")


@functools.lru_cache(maxsize=8192)
def _peran_judul(teks: str) -> str | None:
    t = teks.lower().strip()
    if not t or len(t) > 80:  # a header cell is a few words; data cells are skipped fast
        return None
    # the first word decides when it names a role ("Target Indikator Kinerja",
    # "Realisasi Anggaran", "Capaian Kinerja %")
    for awal, peran in (("target", "target"), ("realisasi", "realisasi"), ("capaian", "capaian"),
                        ("pagu", "pagu"), ("persen", "persen"), ("indikator", "indikator"),
                        ("sasaran", "sasaran")):
        if t.startswith(awal):
            return peran
    for peran, pola in _PERAN_RE:
        if pola.search(t):
            return peran
    return None


_PROSA = re.compile(r"\s*(?:[-*+>#]|\d+[.)])\s+\S.*[.:;]$|\s*[-*+>#]+\s")


def tampak_prosa(teks: str) -> bool:
    """A header cell is a column label, never a long sentence or a list item (Markdown
    bullet, heading, quote): README.md mentioning 'sasaran, indikator, target' is no table."""
    return len(teks) > 200 or bool(_PROSA.match(teks))


def judul_satu_baris(teks: str) -> bool:
    """The one-line header of PDF text without tabs ('NO SASARAN INDIKATOR TARGET')."""
    # a header line is labels side by side: no list punctuation as in a sentence
    return (bool(re.search(r"sasaran.*indikator.*target", teks.lower()))
            and not tampak_prosa(teks) and not re.search(r"[,:;]\s|\.\s*$", teks))


def _judul(b: Baris) -> dict[int, str] | None:
    """Column roles if this row is a header row, else None."""
    teks = " ".join(b.sel).lower()
    if not any(k in teks for k in ("indikator", "pagu", "anggaran", "realisasi")):
        return None  # a header names an indicator or a budget column
    if any(tampak_prosa(s) for s in b.sel):
        return None
    peran = {}
    for i, s in enumerate(b.sel):
        p = _peran_judul(s)
        if p:
            peran[i] = p
    nilai = set(peran.values())
    if "indikator" in nilai and nilai & {"sasaran", "target", "kegiatan", "uraian"}:
        return peran
    if {"pagu", "realisasi"} <= nilai or ("uraian" in nilai and "pagu" in nilai):
        return peran
    return None


def _sub_judul(b: Baris) -> dict[int, str] | None:
    """Second header row: Tw 1..4, B1..B12 or years under a merged TARGET header."""
    isi = [(i, s) for i, s in enumerate(b.sel) if s]
    if not isi:
        return None
    peran = {}
    for i, s in isi:
        if m := _TW.match(s):
            angka = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m.group(2).lower(), None)
            peran[i] = f"tw{angka or int(m.group(2))}"
        elif m := _BULAN.match(s):
            peran[i] = f"b{int(m.group(1))}"
        elif m := _TAHUN.match(s):
            peran[i] = f"tahun:{m.group(1)}"
        else:
            return None
    return peran


def _nomor_kolom(b: Baris) -> bool:
    isi = [s for s in b.sel if s]
    if len(isi) < 2 or not all(_NOMOR_KOLOM.match(s) for s in isi):
        return False
    angka = [int(s.strip("()")) for s in isi]
    return angka[0] == 1 and all(x > y for x, y in zip(angka[1:], angka, strict=False))


def galat_tanpa_judul(berkas: str) -> KesalahanBerkas:
    """The error both readers raise when no header row was recognised."""
    return KesalahanBerkas("tidak ada baris judul tabel yang dikenali (mis. 'INDIKATOR "
                           "KINERJA' dengan 'SASARAN'/'TARGET', atau 'URAIAN'/'PAGU'/"
                           "'REALISASI')", berkas=berkas)
