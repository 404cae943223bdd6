"""UDFs of the add-in: exactly the core's results, one call per range, errors per cell;
and xlwings' own UDF machinery (Windows-only imports stubbed) sees the right signatures."""
from __future__ import annotations

import importlib.util
import io
import sys
import types
from unittest import mock

import pytest

import xl_kinerja as inti
from xl_kinerja.addin import udf

K = "#KESALAHAN: "


# ------------------------------------------------------------------ scalars
@pytest.mark.parametrize("t,r,p,harapan", [
    (100, 95, "maks", 0.95),
    ("97,5%", "97,5%", "maks", 1.0),
    (100, 90, "min", 1.1),
    (0, 0, "min", 1.0),
    (0, 3, "min", 0.0),
    ("1.200", 1500, "maks", 1.25),
])
def test_capaian_skalar_sama_dengan_inti(t, r, p, harapan):
    assert udf.CAPAIAN(t, r, p) == pytest.approx(harapan, abs=1e-12)
    assert udf.CAPAIAN(t, r, p) == inti.capaian(t, r, p)


def test_capaian_tidak_berlaku_jadi_sel_kosong():
    assert udf.CAPAIAN(100, None) == ""   # blank realisasi
    assert udf.CAPAIAN(None, 5) == ""     # blank target
    assert udf.CAPAIAN(0, 5, "maks") == ""  # target 0 with maks


def test_capaian_polaritas_kosong_atau_huruf_besar():
    assert udf.CAPAIAN(100, 90, None) == 0.9
    assert udf.CAPAIAN(100, 90, " MIN ") == inti.capaian(100, 90, "min")


@pytest.mark.parametrize("t,r,p,pesan", [
    ("abc", 5, "maks", "target tidak terbaca"),
    ("1,200", 5, "maks", "target tidak terbaca"),
    (100, "sembilan", "maks", "realisasi tidak terbaca"),
    (100, 90, "naik", "polaritas tidak dikenal (maks/min)"),
])
def test_capaian_masukan_salah_pesan_pendek(t, r, p, pesan):
    assert udf.CAPAIAN(t, r, p) == K + pesan


def test_predikat_anggaran_terbilang_baca_angka_skalar():
    assert udf.PREDIKAT(0.95) == inti.predikat(0.95, "kpu")
    assert udf.PREDIKAT(85, "ikpa") == inti.predikat(85, "ikpa")
    assert udf.PREDIKAT(None) == ""
    assert udf.PREDIKAT(0.9, "tidak-ada") == K + "skala tidak dikenal"
    assert udf.PREDIKAT("x", "kpu") == K + "nilai tidak terbaca"
    assert udf.PERSEN_ANGGARAN(1000, 900) == pytest.approx(0.9)
    assert udf.PERSEN_ANGGARAN(1000, 900) == inti.persen_anggaran(1000, 900)
    assert udf.SISA_ANGGARAN(2_647_529_000, 2_000_000_000) == 647_529_000
    assert udf.SISA_ANGGARAN("Rp. 2.647.529.000,-", 0) == 2_647_529_000
    assert udf.SISA_ANGGARAN("abc", 5) == K + "pagu tidak terbaca"
    assert udf.PERSEN_ANGGARAN(1000, "abc") == K + "realisasi tidak terbaca"
    assert udf.TERBILANG(51000) == "Lima Puluh Satu Ribu Rupiah"
    assert udf.TERBILANG(51000) == inti.terbilang(51000)
    assert udf.TERBILANG(None) == ""
    assert udf.TERBILANG("x") == K + "angka tidak terbaca"
    assert udf.BACA_ANGKA("1.200") == 1200
    assert udf.BACA_ANGKA("97,5") == 97.5
    assert udf.BACA_ANGKA("Rp. 2.647.529.000,-") == 2_647_529_000
    assert udf.BACA_ANGKA("1,200") == K + "angka tidak terbaca atau ambigu"
    assert udf.BACA_ANGKA("") == ""


# ------------------------------------------------------------------ ranges
TARGET = [[100, "97,5%", None, "abc"],
          [0, "1.200", 100, 100]]
REALISASI = [[95, "97,5%", 5, 5],
             [0, 1500, None, "sembilan"]]


def test_capaian_rentang_satu_panggilan_polaritas_skalar_disebar():
    hasil = udf.CAPAIAN(TARGET, REALISASI, "maks")
    assert hasil == [[0.95, 1.0, "", K + "target tidak terbaca"],
                     ["", 1.25, "", K + "realisasi tidak terbaca"]]
    for i, baris in enumerate(TARGET):
        for j, t in enumerate(baris):
            if not str(hasil[i][j]).startswith(K):
                harapan = inti.capaian(t, REALISASI[i][j], "maks")
                assert hasil[i][j] == ("" if harapan is None else harapan)


def test_capaian_rentang_polaritas_per_sel():
    pol = [["min", "maks"], [None, "min"]]
    hasil = udf.CAPAIAN([[100, 100], [100, 0]], [[90, 90], [90, 0]], pol)
    assert hasil == [[inti.capaian(100, 90, "min"), 0.9], [0.9, 1.0]]


@pytest.mark.parametrize("nilai, skala", [
    ("90,01%", "kpu"), ("90%", "kpu"), ("72,80", "sakip"), ("89", "ikpa"), ("0,9", "kpu"),
    ("95 %", "permendagri")])
def test_predikat_teks_sama_dengan_inti(nilai, skala):
    """Text goes to the core as it is: =PREDIKAT("90,01%") == xk.predikat("90,01%")."""
    try:
        harapan = inti.predikat(nilai, skala)
    except inti.KesalahanInput:
        harapan = K + "nilai tidak terbaca"
    assert udf.PREDIKAT(nilai, skala) == harapan
    assert udf.PREDIKAT("90,01%") == "Berhasil"


def test_terbilang_teks_sama_dengan_inti():
    assert udf.TERBILANG("Rp. 2.647.529.000,-") == inti.terbilang("Rp. 2.647.529.000,-")


def test_rentang_ukuran_berbeda():
    assert udf.CAPAIAN([[1, 2]], [[1], [2]]) == K + "ukuran rentang tidak sama"


def test_rentang_lain():
    assert udf.PREDIKAT([[0.95], [None], ["x"]]) == [[inti.predikat(0.95)], [""],
                                                     [K + "nilai tidak terbaca"]]
    assert udf.SISA_ANGGARAN([[1000, None], [500, "abc"]], 100) == [
        [900, ""],  # blank pagu: not applicable (core returns None)
        [400, K + "pagu tidak terbaca"]]
    assert udf.BACA_ANGKA([["1.200", "1,200", None]]) == [
        [1200.0, K + "angka tidak terbaca atau ambigu", ""]]
    assert udf.TERBILANG([[1, None]]) == [[inti.terbilang(1), ""]]


def test_satu_panggilan_inti_per_sel_tanpa_panggilan_ulang_udf():
    """The whole range is one UDF call: the core is called once per cell, not more."""
    assert udf.capaian is inti.capaian  # the kernel calls the core function itself
    with mock.patch.object(udf, "capaian", wraps=udf.capaian) as c:
        udf.CAPAIAN([[100] * 50] * 20, [[90] * 50] * 20)
    assert c.call_count == 1000


# ------------------------------------------------------------------ xlwings UDF machinery
@pytest.fixture(scope="module")
def udfs_xlwings():
    """xlwings.udfs with its Windows-only imports stubbed, and udf.py decorated by it."""
    palsu = {n: types.ModuleType(n) for n in
             ["pywintypes", "pythoncom", "win32com", "win32com.client"]}
    palsu["pythoncom"].CoInitialize = lambda: None
    palsu["win32com.client"].Dispatch = lambda *a, **k: None
    palsu["win32com"].client = palsu["win32com.client"]
    with mock.patch.dict(sys.modules, palsu):
        sys.modules.pop("xlwings.udfs", None)
        import xlwings as xw
        import xlwings.udfs as udfs
        with mock.patch.object(xw, "func", udfs.xlfunc), \
                mock.patch.object(xw, "arg", udfs.xlarg), \
                mock.patch.object(xw, "ret", udfs.xlret):
            spec = importlib.util.find_spec("xl_kinerja.addin.udf")
            modul = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(modul)
        vba = io.StringIO()
        udfs.generate_vba_wrapper("xl_kinerja.addin.udf", modul, vba,
                                  types.SimpleNamespace(Name="Buku.xlsx"))
        yield modul, vba.getvalue()
    sys.modules.pop("xlwings.udfs", None)


SIGNATUR = {
    "CAPAIAN": "Function CAPAIAN(target, realisasi, Optional polaritas)",
    "PREDIKAT": "Function PREDIKAT(nilai, Optional skala)",
    "PERSEN_ANGGARAN": "Function PERSEN_ANGGARAN(pagu, realisasi)",
    "SISA_ANGGARAN": "Function SISA_ANGGARAN(pagu, realisasi)",
    "TERBILANG": "Function TERBILANG(angka)",
    "BACA_ANGKA": "Function BACA_ANGKA(teks)",
}


def test_pembungkus_vba_xlwings(udfs_xlwings):
    _, vba = udfs_xlwings
    fungsi = [b.split("(")[0].removeprefix("Function ") for b in vba.splitlines()
              if b.startswith("Function ")]
    assert sorted(fungsi) == sorted(SIGNATUR)
    for nama, sig in SIGNATUR.items():
        assert sig in vba
        assert f'XLPy.CallUDF("xl_kinerja.addin.udf", "{nama}"' in vba


def test_dokumentasi_fungsi_dan_argumen(udfs_xlwings):
    modul, _ = udfs_xlwings
    for nama in SIGNATUR:
        info = getattr(modul, nama).__xlfunc__
        assert info["category"] == "Kinerja"
        assert 20 < len(info["ret"]["doc"]) <= 255  # Excel MacroOptions limit
        for arg in info["args"]:
            assert 10 < len(arg["doc"]) <= 255, (nama, arg["name"])
    cap = modul.CAPAIAN.__xlfunc__
    assert cap["ret"]["doc"].startswith("Menghitung capaian kinerja")
    assert [a["name"] for a in cap["args"]] == ["target", "realisasi", "polaritas"]
    assert cap["args"][2]["optional"] == "maks"
    assert all(a["options"] == {"ndim": 2} for a in cap["args"])
    assert modul.PREDIKAT.__xlfunc__["args"][1]["optional"] == "kpu"
