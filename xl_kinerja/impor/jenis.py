"""Which kind of table this is (IKU, RKT, PK, Rencana Aksi or anggaran), recognised from the
header row(s) and, where those fit several kinds, from the document's title; and the check that
a --jenis given by the user does not contradict the headers.

Separate because it decides how a table is read before any row is interpreted, and is asked
on its own by impor_tabel (and so by the checker).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import KesalahanBerkas
from .baca import Baris
from .judul import _judul, _sub_judul, judul_satu_baris

JENIS = ("iku", "rkt", "pk", "renaksi", "anggaran")
NAMA_JENIS = {"iku": "IKU", "rkt": "RKT", "pk": "PK", "renaksi": "Rencana Aksi",
              "anggaran": "anggaran"}
# document titles (above the table) that name the kind
_JUDUL_DOKUMEN = (("renaksi", r"rencana\s+aksi"), ("pk", r"perjanjian\s+kinerja"),
                  ("rkt", r"rencana\s+kinerja\s+tahunan"), ("iku", r"indikator\s+kinerja\s+utama"),
                  ("anggaran", r"realisasi\s+anggaran"))


@dataclass
class JenisTabel:
    """What the headers say: the kind, whether it is certain, and why."""
    jenis: str
    yakin: bool
    alasan: str
    indikator: bool         # an INDIKATOR column
    uang: bool              # PAGU, or REALISASI with a percentage column
    baris_judul: int | None
    judul: list[str]


def kenali_jenis(baris: list[Baris], konteks: list[Baris] | None = None) -> JenisTabel:
    """Recognise the kind of table from its header row(s) and, when those fit several kinds
    (SASARAN / INDIKATOR / TARGET fit IKU, RKT and PK alike), from the document title (in
    the rows, or in `konteks`: the paragraphs around a Word table)."""
    peran: set[str] = set()
    baris_judul, judul = None, []
    for i, b in enumerate(baris):
        j = _judul(b)
        if not j:
            continue
        if baris_judul is None:
            baris_judul, judul = b.nomor, [s for s in b.sel if s]
        peran |= set(j.values())
        for b2 in baris[i + 1:i + 3]:
            peran |= set((_sub_judul(b2) or {}).values())
    if baris_judul is None:  # PDF text without tabs: one header line
        for b in baris:
            if b.sel and judul_satu_baris(b.sel[0]):
                baris_judul, judul = b.nomor, [b.sel[0]]
                peran = {"sasaran", "indikator", "target"}
                break
    indikator = "indikator" in peran
    uang = "pagu" in peran or {"realisasi", "persen"} <= peran
    tahun = sorted(p for p in peran if p.startswith("tahun:"))
    judul_dok = teks_dok = None   # a title in capitals, on any page: "RENCANA KINERJA TAHUNAN"
    for sel in (x.strip("*# ") for b in (konteks or []) + baris for x in b.sel):
        if judul_dok is None and sel and sel.upper() == sel:
            judul_dok = next((j for j, pola in _JUDUL_DOKUMEN if re.match(pola, sel.lower())),
                             None)
            teks_dok = sel
    kolom = ", ".join(judul)
    if uang and not indikator:
        return JenisTabel("anggaran", True, f"judul kolom {kolom}", indikator, uang,
                          baris_judul, judul)
    if uang and "target" not in peran and not tahun:
        return JenisTabel("anggaran", True, f"judul kolom {kolom}: PAGU/REALISASI dengan "
                          "INDIKATOR tanpa TARGET (anggaran per output)", indikator, uang,
                          baris_judul, judul)
    if any(re.fullmatch(r"tw\d|b\d+|jadwal", p) for p in peran):
        return JenisTabel("renaksi", True, "kolom jadwal (TW/bulan/rencana pelaksanaan)",
                          indikator, uang, baris_judul, judul)
    if peran & {"formula", "definisi", "sumber"} or len(tahun) >= 2:
        return JenisTabel("iku", True, "kolom formula/definisi/sumber data atau "
                                       "target beberapa tahun", indikator, uang, baris_judul, judul)
    if judul_dok and judul_dok != "anggaran":
        return JenisTabel(judul_dok, True, f"judul dokumen {teks_dok!r}",
                          indikator, uang, baris_judul, judul)
    return JenisTabel("rkt", False, f"judul kolom ({kolom}) cocok untuk IKU, RKT maupun PK",
                      indikator, uang, baris_judul, judul)


def _periksa_jenis(k: JenisTabel, jenis: str, path) -> None:
    """A table whose headers contradict the --jenis given is an error (exit 2)."""
    lokasi = f"baris judul {k.baris_judul}: {', '.join(k.judul)}"
    if jenis == "anggaran" and k.indikator and not k.uang:
        raise KesalahanBerkas(
            f"--jenis anggaran, tetapi judul kolom tabel ini adalah tabel indikator ({lokasi}); "
            "tabel anggaran memuat kolom PAGU dan REALISASI. Pakai --jenis iku/rkt/pk/renaksi "
            "atau hilangkan --jenis", berkas=path)
    if jenis != "anggaran" and k.uang and not k.indikator:
        raise KesalahanBerkas(
            f"--jenis {jenis}, tetapi judul kolom tabel ini adalah tabel anggaran ({lokasi}) "
            "tanpa kolom INDIKATOR. Pakai --jenis anggaran atau hilangkan --jenis", berkas=path)
