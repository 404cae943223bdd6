"""Entry guards of the rekap and the checker (issue 11, Deliver 4): a percentage typed
without "%" (98 stored as 9.800%) is an error left out of every average; output rows with a
pagu but no realisasi in a quarter that has other realisasi are findings."""
from __future__ import annotations

import shutil

import openpyxl
import pytest
from conftest import ANGGARAN_UJI, KASUS, TAHUN, katalog_grid

from xl_kinerja import kontrak
from xl_kinerja import nama as N
from xl_kinerja.capaian import BATAS_PERSEN, persen_mustahil
from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
from xl_kinerja.katalog import Katalog
from xl_kinerja.periksa.buku import periksa_buku_kerja
from xl_kinerja.rekap import baca_nilai, hitung_rekap, rekap_berkas


@pytest.fixture(scope="module")
def grid(tmp_path_factory):
    folder = tmp_path_factory.mktemp("isian")
    wb = buat_buku_kerja(Katalog.dari_dict(katalog_grid()), TAHUN, satker="KPU Kabupaten Uji")
    isi_realisasi(wb, kinerja={k: v[5] for k, v in KASUS.items()},
                  anggaran={a[0]: a[4] for a in ANGGARAN_UJI if a[4] is not None})
    return simpan(wb, folder / "grid.xlsx")


@pytest.fixture
def salinan(grid, tmp_path):
    p = tmp_path / "buku.xlsx"
    shutil.copy(grid, p)
    return p


def _ubah(path, isi):
    """isi: [(defined name, row index, value)] written with openpyxl."""
    wb = openpyxl.load_workbook(path)
    for nama, i, v in isi:
        r = kontrak.buka(wb, periksa_versi=False).rentang(nama)
        wb[r.lembar].cell(r.baris1 + i, r.kolom1).value = v
    wb.save(path)


def _i(kode):
    return list(KASUS).index(kode)


def _a(kode):
    return [a[0] for a in ANGGARAN_UJI].index(kode)


def test_batas_persen():
    assert BATAS_PERSEN == 10  # 1000%
    assert not persen_mustahil(10.0, "persen") and persen_mustahil(10.01, "persen")
    assert persen_mustahil(72, "rentang") and persen_mustahil(98, " Persen ")
    assert not persen_mustahil(72, "jumlah") and not persen_mustahil(72, "skor")
    assert not persen_mustahil("BB", "ordinal") and not persen_mustahil(None, "persen")
    assert not persen_mustahil(True, "persen")


def test_generator_validasi_persen_dari_batas(grid):
    wb = openpyxl.load_workbook(grid)
    dv = [d for d in wb["Pengukuran"].data_validations.dataValidation
          if d.type == "decimal" and d.formula2 is not None]
    assert [(d.formula1, d.formula2) for d in dv] == [("0", "10")]
    assert "di atas 1000%" in dv[0].error and "98%" in dv[0].error


def test_persen_tanpa_tanda_galat_dan_dikecualikan(salinan):
    # G02 (80%) TW II realisasi 0,72 typed as "72" in LibreOffice: stored 72 = 7.200%
    sebelum = hitung_rekap(baca_nilai(salinan), 2)
    _ubah(salinan, [(N.UKUR_REALISASI_TW[1], _i("G02"), None)])
    kosong = hitung_rekap(baca_nilai(salinan), 2)
    _ubah(salinan, [(N.UKUR_REALISASI_TW[1], _i("G02"), 72)])
    rk = hitung_rekap(baca_nilai(salinan), 2)
    # SG1 = G01 (0,9 / 100%) alone: G03 has target 0% (not applicable), G02 is left out
    assert next(s["capaian"] for s in rk.sasaran if s["kode"] == "SG1") == pytest.approx(0.9)
    assert rk.capaian_satker == pytest.approx((0.9 + 5 / 9 + 11 / 12 + 1 + 0.7) / 5)
    assert rk.capaian_satker == kosong.capaian_satker != sebelum.capaian_satker
    assert "Capaian rata-rata satker: 81,44%" in rk.ringkasan()
    assert sum(rk.jumlah_predikat.values()) == sum(kosong.jumlah_predikat.values())
    g02 = next(i for i in rk.indikator if i["kode"] == "G02")
    assert g02["dikecualikan"] is True and g02["capaian"] == pytest.approx(90)
    assert not any(i["dikecualikan"] for i in rk.indikator if i["kode"] != "G02")
    f = [t for t in rk.temuan if t["kode"] == "G02"]
    assert [(t["jenis"], t["tingkat"], t["kolom"], t["tercatat"]) for t in f] == [
        ("persen_mustahil", "galat", "realisasi", 72)]  # and no capaian_janggal
    assert f[0]["pesan"] == (
        "G02: realisasi TW II tercatat 7.200,00%, tidak mungkin sebagai persen (di atas "
        "1.000%): persen diketik tanpa tanda %? Ketik 72% (bukan 72); indikator ini tidak "
        "dihitung dalam rata-rata")
    assert f"  - GALAT: {f[0]['pesan']}" in rk.ringkasan()


def test_target_persen_tanpa_tanda(salinan):
    _ubah(salinan, [(N.UKUR_TARGET_TW[2], _i("G02"), 80)])  # 80% typed as 80
    rk = hitung_rekap(baca_nilai(salinan), 3)
    f = [t for t in rk.temuan if t["jenis"] == "persen_mustahil"]
    assert [(t["kode"], t["kolom"], t["tercatat"]) for t in f] == [("G02", "target", 80)]
    assert "Ketik 80% (bukan 80)" in f[0]["pesan"]
    assert next(i for i in rk.indikator if i["kode"] == "G02")["dikecualikan"]


def test_periksa_persen_mustahil(salinan):
    _ubah(salinan, [(N.UKUR_REALISASI_TW[1], _i("G02"), 72),
                    (N.UKUR_REALISASI_TW[0], _i("G13"), 97.5)])
    t = [(x.aturan, x.lokasi["baris"], x.lokasi["kode"], x.tercatat, x.dihitung, x.tingkat)
         for x in periksa_buku_kerja(salinan) if x.aturan == "persen_mustahil"]
    baris = {i.kode: i.baris for i in baca_nilai(salinan).indikator}
    assert t == [("persen_mustahil", baris["G13"], "G13", "9.750,00%", "97,50%", "galat"),
                 ("persen_mustahil", baris["G02"], "G02", "7.200,00%", "72,00%", "galat")]


def test_lembar_rekap_galat(salinan, tmp_path):
    _ubah(salinan, [(N.UKUR_REALISASI_TW[1], _i("G02"), 72)])
    rekap_berkas(salinan, 2, keluaran=tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Rekap TW 2"]
    teks = [c.value for (c,) in ws.iter_rows(min_col=1, max_col=1) if isinstance(c.value, str)]
    baris = next(i.baris for i in baca_nilai(salinan).indikator if i.kode == "G02")
    assert (f"lembar Pengukuran, baris {baris}: GALAT: G02: realisasi TW II tercatat "
            "7.200,00%") in "\n".join(teks)


# ------------------------------------------------------------------ empty budget realisasi
def test_anggaran_kosong_per_baris(grid):
    d = baca_nilai(grid)
    baris = {b.kode: b.baris for b in d.anggaran}
    tw1 = [(t["baris"], t["kode"], t["pesan"]) for t in hitung_rekap(d, 1).temuan
           if t["jenis"] == "realisasi_anggaran_kosong"]
    # QGE.001 has pagu 0: nothing to absorb; subtotal rows are formulas
    assert tw1 == [
        (baris["EBD.955"], "EBD.955", "EBD.955 Layanan Manajemen Kinerja: realisasi anggaran "
         "TW I belum diisi (pagu Rp 96.750.000); isi 0 bila memang belum ada yang "
         "dibelanjakan"),
        (baris["QGE.002"], "QGE.002", "QGE.002 Fasilitasi Badan Adhoc: realisasi anggaran "
         "TW I belum diisi (pagu Rp 74.000.000); isi 0 bila memang belum ada yang "
         "dibelanjakan")]
    tw2 = [t["kode"] for t in hitung_rekap(d, 2).temuan
           if t["jenis"] == "realisasi_anggaran_kosong"]
    assert tw2 == ["QGE.002"]
    tw3 = [t["kode"] for t in hitung_rekap(d, 3).temuan
           if t["jenis"] == "realisasi_anggaran_kosong"]
    assert tw3 == ["EBD.955", "QGE.002"]


def test_anggaran_kosong_seluruhnya_satu_temuan(salinan):
    _ubah(salinan, [(N.ANGG_REALISASI_TW[1], _a(a[0]), None) for a in ANGGARAN_UJI])
    rk = hitung_rekap(baca_nilai(salinan), 2)
    f = [(t["sheet"], t["baris"], t["pesan"]) for t in rk.temuan
         if t["jenis"] == "realisasi_anggaran_kosong"]
    assert f == [("Anggaran", None, "realisasi anggaran TW II belum diisi sama sekali (4 baris "
                  "berpagu, jumlah pagu Rp 3.003.679.000), padahal realisasi kinerja TW II "
                  "sudah diisi")]


def test_anggaran_kosong_tanpa_realisasi_lain(tmp_path):
    # a quarter nobody has started: only the one "not started" line, no budget findings
    p = simpan(buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh"), tmp_path / "k.xlsx")
    rk = hitung_rekap(baca_nilai(p), 1)
    assert [t["jenis"] for t in rk.temuan] == ["realisasi_kosong"]


def test_anggaran_kosong_dengan_realisasi_anggaran_saja(salinan):
    # no indicator realisasi in TW II but one budget line filled: the others are findings
    _ubah(salinan, [(N.UKUR_REALISASI_TW[1], _i(k), None) for k in KASUS] +
          [(N.ANGG_REALISASI_TW[1], _a(a[0]), None) for a in ANGGARAN_UJI if a[0] != "EBA.994"])
    rk = hitung_rekap(baca_nilai(salinan), 2)
    assert [t["kode"] for t in rk.temuan if t["jenis"] == "realisasi_anggaran_kosong"] == [
        "EBD.952", "EBD.955", "QGE.002"]


def test_periksa_anggaran_kosong(grid):
    t = [(x.lokasi["sheet"], x.lokasi["kode"], x.lokasi["indikator"], x.dihitung, x.tingkat,
          x.pesan) for x in periksa_buku_kerja(grid) if x.aturan == "realisasi_anggaran_kosong"]
    assert t[0] == ("Anggaran", "EBD.955", "Layanan Manajemen Kinerja", 96_750_000, "peringatan",
                    "realisasi anggaran TW I belum diisi (pagu Rp 96.750.000); isi 0 bila "
                    "memang belum ada yang dibelanjakan")
    assert [x[1] for x in t] == ["EBD.955", "QGE.002", "QGE.002", "EBD.955", "QGE.002",
                                 "QGE.002"]
