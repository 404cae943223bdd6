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
from ..rekap import DataBuku, baca_nilai
from ..rekap.tulis import kertas_buku

_KERTAS = {9: "A4", 14: "F4"}  # Excel paperSize codes the generator writes


@dataclass
class Tambahan:
    penanggung_jawab: dict = field(default_factory=dict)
    iku_tahun: list = field(default_factory=list)        # the IKU period's years
    iku_target: dict = field(default_factory=dict)       # kode -> {tahun: target text}
    program: dict = field(default_factory=dict)          # kode sasaran -> program name
    kegiatan: dict = field(default_factory=dict)         # kode indikator -> kegiatan text
    kertas: str = "A4"
    realisasi: dict = field(default_factory=dict)        # kode -> {tahun: realisasi} (IKU)
    nasional: dict = field(default_factory=dict)         # kode -> national figure (IKU)
    kode_anggaran: dict = field(default_factory=dict)    # kode sasaran -> [budget codes]
    aturan_efisiensi: str | None = None                  # Ref_AturanEfisiensi
    anggaran_lalu: list = field(default_factory=list)    # LKj sheet: [(pagu, realisasi)]


def _teks(v):
    return None if v is None else str(v).strip() or None


def _kolom_opsional(s: kontrak.Kontrak, nama: str) -> list | None:
    if not s.ada(nama):
        return None
    return [b[0] if b else None for b in s.nilai(nama)]


def baca_tambahan(s: kontrak.Kontrak, data: DataBuku) -> Tambahan:
    t = Tambahan()
    kode = [_teks(v) for v in _kolom_opsional(s, N.UKUR_KODE_INDIKATOR)]
    for k, v in zip(kode, _kolom_opsional(s, N.UKUR_PENANGGUNG_JAWAB) or [], strict=False):
        if k:
            t.penanggung_jawab[k] = _teks(v)
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
        for k, baris in zip(ik, target, strict=False):
            k = _teks(k)
            if k:
                t.iku_target[k] = {th: _teks(v) for th, v in zip(tahun, baris, strict=False)
                                   if th is not None and _teks(v)}
        ks = _kolom_opsional(s, N.IKU_KODE_SASARAN) or []
        for k, p in zip(ks, _kolom_opsional(s, N.IKU_PROGRAM) or [], strict=False):
            if _teks(k) and _teks(p):
                t.program.setdefault(_teks(k), _teks(p))
    _baca_lkj(s, t)
    rk = _kolom_opsional(s, N.RENAKSI_KODE_INDIKATOR) or []
    for k, keg in zip(rk, _kolom_opsional(s, N.RENAKSI_KEGIATAN) or [], strict=False):
        if _teks(k) and _teks(keg):
            t.kegiatan[_teks(k)] = _teks(keg)
    return t


def _baca_lkj(s: kontrak.Kontrak, t: Tambahan) -> None:
    """The names of the LKj (issue 12): absent in older workbooks, then nothing is read."""
    ik = [_teks(v) for v in (_kolom_opsional(s, N.IKU_KODE_INDIKATOR) or [])]
    if s.ada(N.IKU_TAHUN_REALISASI) and s.ada(N.IKU_REALISASI):
        tahun = s.nilai(N.IKU_TAHUN_REALISASI)[0]
        for k, baris in zip(ik, s.nilai(N.IKU_REALISASI), strict=False):
            if k:
                t.realisasi[k] = {int(th): v for th, v in zip(tahun, baris, strict=False)
                                  if isinstance(th, (int, float)) and v not in (None, "")}
    for k, v in zip(ik, _kolom_opsional(s, N.IKU_NASIONAL) or [], strict=False):
        if k and v not in (None, ""):
            t.nasional[k] = v
    ks = _kolom_opsional(s, N.IKU_KODE_SASARAN) or []
    for k, v in zip(ks, _kolom_opsional(s, N.IKU_KODE_ANGGARAN) or [], strict=False):
        k = _teks(k)
        if k and k not in t.kode_anggaran:  # the sasaran's first indicator row, as the sheet
            t.kode_anggaran[k] = [x.strip() for x in (_teks(v) or "").split(",") if x.strip()]
    if s.ada(N.REF_ATURAN_EFISIENSI):
        t.aturan_efisiensi = _teks(s.nilai(N.REF_ATURAN_EFISIENSI)[0][0])
    pagu, real = (_kolom_opsional(s, n) for n in (N.LKJ_ANGG_PAGU_LALU,
                                                    N.LKJ_ANGG_REALISASI_LALU))
    if pagu is not None and real is not None:
        t.anggaran_lalu = [(p if isinstance(p, (int, float)) else None,
                            r if isinstance(r, (int, float)) else None)
                           for p, r in zip(pagu, real, strict=False)]


def baca_buku(path) -> tuple[DataBuku, Tambahan]:
    """Open the workbook once (the package, streamed by the contract reader: no openpyxl
    load); the rekap's data, the LKj's extras and the paper the workbook prints on (the
    rekap's rule, `kertas_buku`)."""
    path = Path(path)
    with kontrak.buka(path, str(path)) as s:
        data = baca_nilai(s)
        t = baca_tambahan(s, data)
    t.kertas = _KERTAS.get(kertas_buku(path), "A4")
    return data, t
