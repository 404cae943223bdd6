"""Formulas recalculated by LibreOffice equal the Python core, for a grid of cases.

The grid (tests/conftest.py KASUS) covers both polaritas, zero targets (maks and min),
counts, scores, ranges, SAKIP and Opini BPK grades, blanks and realisasi above 100%; the
anggaran rows cover subtotals, blanks, pagu 0 and realisasi above pagu.
"""
from __future__ import annotations

import math

import openpyxl
import pytest
from conftest import ANGGARAN_UJI, KASUS, TERBILANG_DITOLAK, TERBILANG_UJI

import xl_kinerja as core
from xl_kinerja import nama as N
from xl_kinerja.capaian import keterangan_gabungan, predikat_tahunan

GALAT = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "Err:")


def _nilai(v):
    return None if v == "" else v


def _kolom(wb, nama):
    lembar, ref = next(iter(wb.defined_names[nama].destinations))
    sel = wb[lembar][ref.replace("$", "")]
    return [_nilai(b[0].value) for b in sel]


def _teks_target(v, jenis, atas=None):
    """The cell value as text the core reads the same way the workbook means it."""
    if v is None:
        return None
    if jenis == "ordinal":
        return v
    if jenis == "rentang":
        return f"{v * 100:g} - {atas * 100:g}%"
    if jenis == "persen":
        return f"{v * 100:.9g}%"
    return v


def _teks_real(v, jenis):
    if v is None or jenis == "ordinal":
        return v
    if jenis in ("persen", "rentang"):
        return f"{v * 100:.9g}%"
    return v


def _sama(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


@pytest.fixture(scope="module")
def grid(buku_uji):
    asli, hasil = buku_uji
    return (openpyxl.load_workbook(asli["grid"]),
            openpyxl.load_workbook(hasil["grid"], data_only=True))


def _harapan_indikator(wb_asli, skala="kpu"):
    """Expected capaian/predikat per indicator and TW from the core, reading the inputs."""
    kode = _kolom(wb_asli, N.UKUR_KODE_INDIKATOR)
    jenis = _kolom(wb_asli, N.UKUR_JENIS_TARGET)
    pol = _kolom(wb_asli, N.UKUR_POLARITAS)
    atas = _kolom(wb_asli, N.UKUR_TARGET_ATAS)
    tahunan = _kolom(wb_asli, N.UKUR_TARGET_TAHUNAN)
    tw_t = [_kolom(wb_asli, n) for n in N.UKUR_TARGET_TW]
    tw_r = [_kolom(wb_asli, n) for n in N.UKUR_REALISASI_TW]
    hasil = {}
    for i, k in enumerate(kode):
        cap = []
        for q in range(4):
            cap.append(core.capaian(_teks_target(tw_t[q][i], jenis[i], atas[i]),
                                    _teks_real(tw_r[q][i], jenis[i]), pol[i]))
        terakhir = next((tw_r[q][i] for q in (3, 2, 1, 0) if tw_r[q][i] is not None), None)
        thn = core.capaian(_teks_target(tahunan[i], jenis[i], atas[i]),
                           _teks_real(terakhir, jenis[i]), pol[i])
        # the annual predikat only once TW IV is reported, else "s.d. TW n"
        real = [_teks_real(tw_r[q][i], jenis[i]) for q in range(4)]
        hasil[k] = (cap, thn, [core.predikat(c, skala) for c in cap],
                    predikat_tahunan(thn, real, skala), terakhir)
    return hasil


def test_tidak_ada_galat_di_buku_kosong_dan_terisi(buku_uji):
    _, hasil = buku_uji
    for nama, path in hasil.items():
        wb = openpyxl.load_workbook(path, data_only=True)
        galat = [(ws.title, c.coordinate, c.value) for ws in wb for row in ws.iter_rows()
                 for c in row if isinstance(c.value, str) and c.value.startswith(GALAT)]
        assert galat == [], nama


def test_buku_kosong_capaian_kosong(buku_uji):
    _, hasil = buku_uji
    wb = openpyxl.load_workbook(hasil["kosong"], data_only=True)
    for n in N.UKUR_CAPAIAN_TW + N.UKUR_PREDIKAT_TW + (N.UKUR_CAPAIAN_TAHUNAN,
                                                      N.UKUR_PREDIKAT_TAHUNAN):
        assert set(_kolom(wb, n)) == {None}, n
    assert len(_kolom(wb, N.UKUR_CAPAIAN_TAHUNAN)) == 21


def test_capaian_dan_predikat_sama_dengan_inti(grid):
    asli, hitung = grid
    harapan = _harapan_indikator(asli)
    kode = _kolom(hitung, N.UKUR_KODE_INDIKATOR)
    assert kode == list(KASUS)
    beda = []
    for q in range(4):
        cap = _kolom(hitung, N.UKUR_CAPAIAN_TW[q])
        pred = _kolom(hitung, N.UKUR_PREDIKAT_TW[q])
        for i, k in enumerate(kode):
            if not _sama(cap[i], harapan[k][0][q]):
                beda.append((k, f"TW{q + 1}", "capaian", cap[i], harapan[k][0][q]))
            if pred[i] != harapan[k][2][q]:
                beda.append((k, f"TW{q + 1}", "predikat", pred[i], harapan[k][2][q]))
    cap = _kolom(hitung, N.UKUR_CAPAIAN_TAHUNAN)
    pred = _kolom(hitung, N.UKUR_PREDIKAT_TAHUNAN)
    real = _kolom(hitung, N.UKUR_REALISASI_TAHUNAN)
    for i, k in enumerate(kode):
        if not _sama(cap[i], harapan[k][1]):
            beda.append((k, "tahunan", "capaian", cap[i], harapan[k][1]))
        if pred[i] != harapan[k][3]:
            beda.append((k, "tahunan", "predikat", pred[i], harapan[k][3]))
        if not _sama(real[i], harapan[k][4]):
            beda.append((k, "tahunan", "realisasi", real[i], harapan[k][4]))
    assert beda == []


def test_grid_memuat_kasus_penting(grid):
    """The grid really exercises the edge cases (guards against a silently weak grid)."""
    _, hitung = grid
    kode = _kolom(hitung, N.UKUR_KODE_INDIKATOR)
    c = {k: [_kolom(hitung, N.UKUR_CAPAIAN_TW[q])[i] for q in range(4)]
         for i, k in enumerate(kode)}
    assert c["G01"][3] == pytest.approx(1.2)                    # over 100%
    assert c["G02"][0] is None                                  # blank realisasi
    assert c["G03"] == [None] * 4                               # target 0, maks: n/a
    assert c["G04"] == pytest.approx([2.0, 1.0, 0.5, 0.0])      # min, floored at 0
    assert c["G05"][:3] == [1, 0, 1] and c["G05"][3] is None    # min with target 0
    assert c["G09"] == pytest.approx([0.875, 1, 1, 0.95 / 0.9])  # range
    assert c["G10"] == pytest.approx([4 / 5, 1, 1, 1 / 5])      # SAKIP ranks D=1..AA=7
    assert c["G11"][:3] == pytest.approx([3 / 4, 1, 1 / 4])     # Opini ranks TMP=1..WTP=4
    pred = _kolom(hitung, N.UKUR_PREDIKAT_TW[0])
    assert pred[kode.index("G13")] == "Cukup Berhasil"          # exactly 90: not > 90


def test_rekap_sasaran_dan_satker_sama_dengan_inti(buku_uji):
    asli, hasil = buku_uji
    for nama, batas, skala in (("grid", None, "kpu"), ("grid_batas", 1.2, "permendagri")):
        wb_a = openpyxl.load_workbook(asli[nama])
        wb_h = openpyxl.load_workbook(hasil[nama], data_only=True)
        harapan = _harapan_indikator(wb_a, skala)
        ks = _kolom(wb_a, N.UKUR_KODE_SASARAN)
        ki = _kolom(wb_a, N.UKUR_KODE_INDIKATOR)
        ws = wb_h["Pengukuran"]
        baris = {str(r[1].value).split(" ")[0]: r for r in ws.iter_rows(min_row=8)
                 if isinstance(r[1].value, str) and r[1].value.startswith("SG")}
        satker = next(r for r in ws.iter_rows(min_row=8)
                      if isinstance(r[1].value, str) and r[1].value.startswith("CAPAIAN SATKER"))
        kolom_cap = [7, 11, 15, 19, 22]  # 0-based: capaian TW I..IV, tahunan
        for j, c in enumerate(kolom_cap):
            nilai = [(s, harapan[k][0][j] if j < 4 else harapan[k][1]) for s, k in zip(ks, ki, strict=True)]
            label = {}  # annual: provisional while a member is (keterangan_gabungan)
            for s in sorted(set(ks)):
                h = core.rata_rata_capaian([v for ss, v in nilai if ss == s], batas_atas=batas)
                assert _sama(_nilai(baris[s][c].value), h), (nama, s, j)
                label[s] = keterangan_gabungan(
                    [harapan[k][3] for ss, k in zip(ks, ki, strict=True) if ss == s]
                ) if j == 4 else None
                harap = None if h is None else label[s] or core.predikat(h, skala)
                assert _nilai(baris[s][c + 1].value) == harap, (nama, s, j)
            h = core.capaian_satker(nilai, dasar="sasaran", batas_atas=batas)
            assert _sama(_nilai(satker[c].value), h), (nama, j)
            harap = None if h is None else (keterangan_gabungan(label.values())
                                            or core.predikat(h, skala))
            assert _nilai(satker[c + 1].value) == harap, (nama, j)
            if j == 4:  # the grid has indicators without TW IV: the year is not complete
                assert harap == "s.d. TW III", nama


def test_anggaran_sama_dengan_inti(grid):
    _, hitung = grid
    kode = _kolom(hitung, N.ANGG_KODE)
    tingkat = _kolom(hitung, N.ANGG_TINGKAT)
    pagu = _kolom(hitung, N.ANGG_PAGU)
    assert tingkat[-1] == "jumlah"
    data = {a[0]: a for a in ANGGARAN_UJI}
    # expected pagu/realisasi: leaves from the inputs, parents = sum of children
    anak = {"076.01.WA": ["WA.3355", "WA.3358"], "WA.3355": ["EBD.952", "EBD.955"],
            "WA.3358": ["EBA.994"], "076.01.CQ": ["CQ.6709"], "CQ.6709": ["QGE.001", "QGE.002"],
            None: ["076.01.WA", "076.01.CQ"]}

    def harap(k, q):  # q None = pagu
        if k in anak:
            v = [harap(a, q) for a in anak[k]]
            v = [x for x in v if x is not None]
            return sum(v) if v else None
        return data[k][3] if q is None else data[k][4][q]

    for i, k in enumerate(kode):
        kk = None if tingkat[i] == "jumlah" else k
        assert _sama(pagu[i], harap(kk, None)), k
        for q in range(4):
            r = _kolom(hitung, N.ANGG_REALISASI_TW[q])[i]
            assert _sama(r, harap(kk, q)), (k, q)
            p = _kolom(hitung, N.ANGG_PERSEN_TW[q])[i]
            s = _kolom(hitung, N.ANGG_SISA_TW[q])[i]
            assert _sama(p, core.persen_anggaran(harap(kk, None), harap(kk, q))), (k, q)
            assert _sama(s, core.sisa_anggaran(harap(kk, None), harap(kk, q))), (k, q)
    i = kode.index("EBD.955")
    assert _kolom(hitung, N.ANGG_PERSEN_TW[3])[i] > 1  # realisasi above pagu stays visible


def test_target_serapan_dibaca_dari_referensi(grid):
    _, hitung = grid
    serapan = [c.value for c in _sel(hitung, N.REF_TARGET_SERAPAN)]
    ws = hitung["Anggaran"]
    baris = next(r for r in ws.iter_rows() if r[1].value == "Target penyerapan (lembar Referensi)")
    assert [baris[c].value for c in (5, 8, 11, 14)] == pytest.approx(serapan)


def _sel(wb, nama):
    lembar, ref = next(iter(wb.defined_names[nama].destinations))
    sel = wb[lembar][ref.replace("$", "")]
    return [b[0] for b in sel] if isinstance(sel, tuple) else [sel]


def test_terbilang_sama_dengan_inti(buku_uji):
    _, hasil = buku_uji
    ws = openpyxl.load_workbook(hasil["terbilang"], data_only=True).active
    dihitung = [ws.cell(i, 2).value for i in range(1, ws.max_row + 1)]
    n = len(TERBILANG_UJI)
    assert dihitung[:n] == [core.terbilang(v) for v in TERBILANG_UJI]
    assert dihitung[n - 1] == ("Sembilan Ratus Sembilan Puluh Sembilan Triliun Sembilan Ratus "
                               "Sembilan Puluh Sembilan Miliar Sembilan Ratus Sembilan Puluh "
                               "Sembilan Juta Sembilan Ratus Sembilan Puluh Sembilan Ribu "
                               "Sembilan Ratus Sembilan Puluh Sembilan Rupiah")
    assert dihitung[TERBILANG_UJI.index(1001000)] == "Satu Juta Seribu Rupiah"
    assert [_nilai(v) for v in dihitung[n:n + 2]] == [None, None]  # 0 and blank
    assert dihitung[n + 2:] == ["(jumlah bukan rupiah bulat positif di bawah 1.000 triliun; "
                                "tulis terbilang secara manual)"] * len(TERBILANG_DITOLAK)


def _terbilang_pk(wb, lembar):
    """(JUMLAH amount, terbilang text) of a PK sheet's program table."""
    ws = wb[lembar]
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("Terbilang"):
                jumlah = [x.value for x in ws[c.row - 1] if isinstance(x.value, (int, float))]
                return jumlah[-1], c.value
    raise AssertionError(f"tidak ada terbilang di {lembar}")


def test_terbilang_pk_mengikuti_pagu(buku_uji):
    _, hasil = buku_uji
    awal = openpyxl.load_workbook(hasil["kosong"], data_only=True)
    ubah = openpyxl.load_workbook(hasil["pagu_diubah"], data_only=True)
    jumlah0, teks0 = _terbilang_pk(awal, "PK KPU")
    jumlah1, teks1 = _terbilang_pk(ubah, "PK KPU")
    assert jumlah0 > 0 and jumlah1 == jumlah0 + 1_001_000
    assert teks0 == "Terbilang: " + core.terbilang(jumlah0)
    assert teks1 == "Terbilang: " + core.terbilang(jumlah1)
    jumlah, teks = _terbilang_pk(ubah, "PK Sekretariat")
    assert teks == "Terbilang: " + core.terbilang(jumlah)
