"""What the LKj reads from a workbook, beyond the rekap's data: by defined names only.

The rekap reader (`rekap.baca_nilai`) gives the Pengukuran inputs, the Anggaran rows and the
Referensi scale; this adds the annual target, the IKU matrix (targets per year, program of
each sasaran) and the Rencana Aksi kegiatan, through the same contract reader (`kontrak`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import kontrak
from .. import nama as N
from ..berkas import buka_workbook
from ..rekap import DataBuku, baca_nilai

_KERTAS = {9: "A4", 14: "F4"}  # Excel paperSize codes the generator writes


@dataclass
class Tambahan:
    target_tahunan: dict = field(default_factory=dict)   # kode indikator -> value
    penanggung_jawab: dict = field(default_factory=dict)
    iku_tahun: list = field(default_factory=list)        # the IKU period's years
    iku_target: dict = field(default_factory=dict)       # kode -> {tahun: target text}
    program: dict = field(default_factory=dict)          # kode sasaran -> program name
    kegiatan: dict = field(default_factory=dict)         # kode indikator -> kegiatan text
    kertas: str = "A4"


def _teks(v):
    return None if v is None else str(v).strip() or None


def _kolom_opsional(s: kontrak.Kontrak, nama: str) -> list | None:
    if not s.ada(nama):
        return None
    return [b[0] if b else None for b in s.nilai(nama)]


def baca_tambahan(s: kontrak.Kontrak, data: DataBuku) -> Tambahan:
    t = Tambahan()
    kode = [_teks(v) for v in _kolom_opsional(s, N.UKUR_KODE_INDIKATOR)]
    for nama, tujuan in ((N.UKUR_TARGET_TAHUNAN, t.target_tahunan),
                         (N.UKUR_PENANGGUNG_JAWAB, t.penanggung_jawab)):
        nilai = _kolom_opsional(s, nama) or []
        for k, v in zip(kode, nilai):
            if k:
                tujuan[k] = v if nama == N.UKUR_TARGET_TAHUNAN else _teks(v)
    if s.ada(N.IKU_TAHUN):
        tahun = []
        for v in s.nilai(N.IKU_TAHUN)[0]:
            try:
                tahun.append(int(v))
            except (TypeError, ValueError):
                tahun.append(None)
        t.iku_tahun = [x for x in tahun if x is not None]
        target = s.nilai(N.IKU_TARGET)
        ik = _kolom_opsional(s, N.IKU_KODE_INDIKATOR) or []
        for k, baris in zip(ik, target):
            k = _teks(k)
            if k:
                t.iku_target[k] = {th: _teks(v) for th, v in zip(tahun, baris)
                                   if th is not None and _teks(v)}
        ks = _kolom_opsional(s, N.IKU_KODE_SASARAN) or []
        for k, p in zip(ks, _kolom_opsional(s, N.IKU_PROGRAM) or []):
            if _teks(k) and _teks(p):
                t.program.setdefault(_teks(k), _teks(p))
    rk = _kolom_opsional(s, N.RENAKSI_KODE_INDIKATOR) or []
    for k, keg in zip(rk, _kolom_opsional(s, N.RENAKSI_KEGIATAN) or []):
        if _teks(k) and _teks(keg):
            t.kegiatan[_teks(k)] = _teks(keg)
    return t


def baca_buku(path) -> tuple[DataBuku, Tambahan]:
    """Open the workbook once; the rekap's data and the LKj's extras."""
    path = Path(path)
    wb = buka_workbook(path)
    s = kontrak.buka(wb, str(path))
    data = baca_nilai(s)
    t = baca_tambahan(s, data)
    if data.lembar_ukur in wb.sheetnames:
        t.kertas = _KERTAS.get(wb[data.lembar_ukur].page_setup.paperSize, "A4")
    return data, t
