"""The formula-vs-core grid generated from the rule table (tests/conftest.py kasus_aturan).

Every accepted (kind x polarity) of xl_kinerja.aturan, with its example target and target 0,
realisasi below/at/inside/above/zero/blank: the workbook formulas recalculated by
LibreOffice, the core, and the rekap engine (baca_nilai + hitung_rekap) must agree cell by
cell, per quarter and for the year. A kind or polarity added to the table is covered here
without editing this file.
"""
from __future__ import annotations

import math

import pytest
from conftest import kasus_aturan

from xl_kinerja import aturan
from xl_kinerja import nama as N
from xl_kinerja.capaian import capaian, capaian_tahunan, predikat_tahunan
from xl_kinerja.kontrak import buka
from xl_kinerja.predikat import predikat
from xl_kinerja.rekap import baca_nilai, hitung_rekap


def _sama(a, b):
    a = None if a == "" else a
    b = None if b == "" else b
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


@pytest.fixture(scope="module")
def terhitung(buku_uji):
    _, hasil = buku_uji
    return hasil["aturan"]


def _kolom(path, nama):
    with buka(path) as k:
        return [None if b[0] == "" else b[0] for b in k.nilai(nama)]


def test_grid_dari_tabel_aturan_mencakup_semua_kombinasi():
    kasus = kasus_aturan()
    dicakup = {(j, p) for j, p, *_ in kasus.values()}
    assert dicakup == set(aturan.kombinasi())
    assert aturan.kombinasi_ditolak() == [("ordinal", "min")]
    nol = {(j, p) for j, p, t, *_ in kasus.values() if t.startswith("0")}
    assert nol == {(j, p) for j, p in aturan.kombinasi() if aturan.JENIS[j].boleh_nol}


def test_rumus_inti_dan_rekap_sama(terhitung):
    kasus = kasus_aturan()
    kode = _kolom(terhitung, N.UKUR_KODE_INDIKATOR)
    assert kode == list(kasus)
    data = baca_nilai(terhitung)
    rekap = [hitung_rekap(data, q) for q in (1, 2, 3, 4)]
    beda, sel = [], 0
    for q in range(4):
        cap = _kolom(terhitung, N.UKUR_CAPAIAN_TW[q])
        pred = _kolom(terhitung, N.UKUR_PREDIKAT_TW[q])
        for i, k in enumerate(kode):
            jenis, pol, teks, _, real = kasus[k]
            c = capaian(teks, real[q], pol)
            p = predikat(c) if c is not None else None
            rk = rekap[q].indikator[i]
            for apa, rumus_, inti, mesin in (("capaian", cap[i], c, rk["capaian"]),
                                            ("predikat", pred[i], p, rk["predikat"])):
                sel += 1
                if not (_sama(rumus_, inti) and _sama(mesin, inti)):
                    beda.append((k, f"TW{q + 1}", apa, real[q], rumus_, inti, mesin))
    cap = _kolom(terhitung, N.UKUR_CAPAIAN_TAHUNAN)
    pred = _kolom(terhitung, N.UKUR_PREDIKAT_TAHUNAN)
    for i, k in enumerate(kode):
        jenis, pol, teks, _, real = kasus[k]
        c = capaian_tahunan(teks, real, pol)
        p = predikat_tahunan(c, real)  # the predikat once TW IV is reported, else "s.d. TW n"
        for apa, rumus_, inti in (("capaian", cap[i], c), ("predikat", pred[i], p)):
            sel += 1
            if not _sama(rumus_, inti):
                beda.append((k, "tahunan", apa, real, rumus_, inti))
    assert beda == []
    assert sel == len(kode) * 10 == 510  # 9 combinations, 17 targets, 51 rows
