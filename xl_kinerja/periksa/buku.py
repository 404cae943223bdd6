"""Checking a workbook of ours: data found by the defined names (xl_kinerja/nama.py), values
read as last calculated (data_only). Formula cells never calculated (no cached value) are
skipped, not reported: only numbers Excel/LibreOffice actually showed are compared.
"""
from __future__ import annotations

from pathlib import Path

from .. import nama as N
from ..berkas import buka_workbook
from ..errors import KesalahanBerkas, KesalahanInput


def _rentang(wb, path, nama: str):
    """(sheet, [(row_number, value), ...]) of a one-column defined name, or None if absent."""
    if nama not in wb.defined_names:
        return None
    tujuan = list(wb.defined_names[nama].destinations)
    if len(tujuan) != 1 or tujuan[0][0] not in wb.sheetnames:
        raise KesalahanBerkas(f"nama terdefinisi {nama!r} tidak menunjuk ke satu rentang yang "
                              "sah", berkas=path)
    lembar, ref = tujuan[0]
    sel = wb[lembar][ref.replace("$", "")]
    if not isinstance(sel, tuple):
        sel = ((sel,),)
    elif sel and not isinstance(sel[0], tuple):
        sel = tuple((c,) for c in sel)
    return lembar, [(baris[0].row, baris[0].value) for baris in sel]


def buku_kerja_kita(path) -> bool:
    p = Path(path)
    if p.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    wb = buka_workbook(p, read_only=False, data_only=True)
    return N.INFO_FORMAT in wb.defined_names


def periksa_buku_kerja(path) -> list:
    from ..anggaran import persen_anggaran
    from ..angka import format_persen
    from ..capaian import capaian
    from . import Temuan
    path = Path(path)
    wb = buka_workbook(path, data_only=True)
    if N.INFO_FORMAT not in wb.defined_names:
        raise KesalahanBerkas("bukan buku kerja xl-kinerja (nama terdefinisi Info_Format tidak "
                              "ada)", berkas=path)
    t = []

    def lok(lembar, baris, kode=None, indikator=None):
        return {"berkas": str(path), "sheet": lembar, "baris": baris, "kode": kode,
                "indikator": indikator}

    # --- anggaran
    kode = _rentang(wb, path, N.ANGG_KODE)
    uraian = _rentang(wb, path, N.ANGG_URAIAN)
    pagu = _rentang(wb, path, N.ANGG_PAGU)
    if kode and pagu:
        lembar = kode[0]
        for n in range(4):
            real = _rentang(wb, path, N.ANGG_REALISASI_TW[n])
            persen = _rentang(wb, path, N.ANGG_PERSEN_TW[n])
            if not real:
                continue
            for i, (baris, r) in enumerate(real[1]):
                p = pagu[1][i][1]
                k = kode[1][i][1]
                u = uraian[1][i][1] if uraian else None
                if not isinstance(p, (int, float)) or not isinstance(r, (int, float)):
                    continue
                if r > p:
                    t.append(Temuan("realisasi_melebihi_pagu", lok(lembar, baris, k, u),
                                    f"realisasi TW {n + 1} melebihi pagu", r, p))
                if persen:
                    rec = persen[1][i][1]
                    hit = persen_anggaran(p, r)
                    if isinstance(rec, (int, float)) and hit is not None and \
                            abs(rec - hit) > 1e-9:
                        t.append(Temuan("persen_salah", lok(lembar, baris, k, u),
                                        f"persentase realisasi TW {n + 1} tidak sama dengan "
                                        f"realisasi/pagu", format_persen(rec), format_persen(hit)))
    # --- pengukuran
    ind = _rentang(wb, path, N.UKUR_INDIKATOR)
    kode_i = _rentang(wb, path, N.UKUR_KODE_INDIKATOR)
    pol = _rentang(wb, path, N.UKUR_POLARITAS)
    if ind:
        lembar = ind[0]
        for n in range(4):
            tgt = _rentang(wb, path, N.UKUR_TARGET_TW[n])
            real = _rentang(wb, path, N.UKUR_REALISASI_TW[n])
            cap = _rentang(wb, path, N.UKUR_CAPAIAN_TW[n])
            if not (tgt and real and cap):
                continue
            for i, (baris, rec) in enumerate(cap[1]):
                if not isinstance(rec, (int, float)):
                    continue
                tg, r = tgt[1][i][1], real[1][i][1]
                try:
                    hit = capaian(tg, r, (pol[1][i][1] if pol else None) or "maks")
                except KesalahanInput:
                    continue
                if hit is not None and abs(rec - hit) > 1e-9:
                    t.append(Temuan("persen_salah", lok(lembar, baris, kode_i[1][i][1] if kode_i
                                                        else None, ind[1][i][1]),
                                    f"capaian TW {n + 1} tidak sama dengan aturan capaian",
                                    format_persen(rec), format_persen(hit)))
    return t
