"""What the LKj reads from a workbook, beyond the rekap's data: by defined names only.

The rekap reader (`rekap.baca_nilai`) gives the Pengukuran inputs, the Anggaran rows and the
Referensi scale; this adds the annual target, the IKU matrix (targets per year, program of
each sasaran) and the Rencana Aksi kegiatan, through the same name-to-range source.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import nama as N
from ..berkas import buka_workbook
from ..rekap.mesin import DataBuku, _Sumber, _sumber_openpyxl, _teks, baca_nilai

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


def _kolom_opsional(s: _Sumber, nama: str) -> list | None:
    hasil = s._ambil(nama)
    if hasil is None:
        return None
    return [b[0] if b else None for b in hasil[2]]


def baca_tambahan(s: _Sumber, data: DataBuku) -> Tambahan:
    t = Tambahan()
    kode = [_teks(v) for v in s.kolom(N.UKUR_KODE_INDIKATOR)[2]]
    for nama, tujuan in ((N.UKUR_TARGET_TAHUNAN, t.target_tahunan),
                         (N.UKUR_PENANGGUNG_JAWAB, t.penanggung_jawab)):
        nilai = _kolom_opsional(s, nama) or []
        for k, v in zip(kode, nilai):
            if k:
                tujuan[k] = v if nama == N.UKUR_TARGET_TAHUNAN else _teks(v)
    if s._ambil(N.IKU_TAHUN) is not None:
        tahun = []
        for v in s.blok(N.IKU_TAHUN)[2][0]:
            try:
                tahun.append(int(v))
            except (TypeError, ValueError):
                tahun.append(None)
        t.iku_tahun = [x for x in tahun if x is not None]
        target = s.blok(N.IKU_TARGET)[2]
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
    s = _sumber_openpyxl(wb, path)
    data = baca_nilai(wb, berkas=str(path))
    t = baca_tambahan(s, data)
    if data.lembar_ukur in wb.sheetnames:
        t.kertas = _KERTAS.get(wb[data.lembar_ukur].page_setup.paperSize, "A4")
    return data, t
