"""The rekap shows the office's kendala, solusi/tindak lanjut and bukti dukung of the
quarter per indicator (issue 12, Deliver 2) and warns for an indicator below target with no
kendala written."""
from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import ANGGARAN_UJI, KASUS, TAHUN, katalog_grid

from xl_kinerja import kontrak
from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
from xl_kinerja.katalog import Katalog
from xl_kinerja.rekap import baca_nilai, hitung_rekap, rekap_berkas

KENDALA = "Data pegawai dari BKD belum lengkap"
SOLUSI = "Koordinasi ulang dengan BKD pada bulan Juli"
BUKTI = "https://contoh.invalid/bukti-tw2.pdf"


def _buku(folder, narasi=True, nama_narasi=True):
    wb = buat_buku_kerja(Katalog.dari_dict(katalog_grid()), TAHUN, satker="KPU Kabupaten Uji")
    isi_realisasi(wb, kinerja={k: v[5] for k, v in KASUS.items()},
                  anggaran={a[0]: a[4] for a in ANGGARAN_UJI if a[4] is not None})
    k = kontrak.buka(wb, periksa_versi=False)
    i = list(KASUS).index("G07")  # TW II: 10 of 12 Laporan (83,33%)
    if narasi:
        for nama, teks in ((N.UKUR_KENDALA_TW[1], KENDALA), (N.UKUR_SOLUSI_TW[1], SOLUSI),
                           (N.UKUR_BUKTI_TW[1], BUKTI), (N.UKUR_KENDALA_TW[0], "kendala TW I")):
            r = k.rentang(nama)
            wb[r.lembar].cell(r.baris1 + i, r.kolom1).value = teks
        r = k.rentang(N.UKUR_BUKTI_TW[1])  # a number typed as bukti dukung: shown as typed
        wb[r.lembar].cell(r.baris1 + list(KASUS).index("G01"), r.kolom1).value = 17
    if not nama_narasi:  # a workbook made before the narrative columns existed
        for daftar in (N.UKUR_KENDALA_TW, N.UKUR_SOLUSI_TW, N.UKUR_BUKTI_TW):
            for nama in daftar:
                del wb.defined_names[nama]
    return simpan(wb, folder / f"narasi-{narasi}-{nama_narasi}.xlsx")


@pytest.fixture(scope="module")
def buku(tmp_path_factory):
    return _buku(tmp_path_factory.mktemp("narasi"))


def test_narasi_per_indikator(buku):
    rk = hitung_rekap(baca_nilai(buku), 2)
    isi = {i["kode"]: (i["kendala"], i["solusi"], i["bukti_dukung"]) for i in rk.indikator}
    assert isi.pop("G07") == (KENDALA, SOLUSI, BUKTI)
    assert isi.pop("G01") == (None, None, "17")
    assert set(isi.values()) == {(None, None, None)}
    tw1 = {i["kode"]: i["kendala"] for i in hitung_rekap(baca_nilai(buku), 1).indikator}
    assert tw1["G07"] == "kendala TW I" and tw1["G01"] is None


def test_kendala_kosong(buku):
    d = baca_nilai(buku)
    rk = hitung_rekap(d, 2)
    baris = {i.kode: i.baris for i in d.indikator}
    # TW II below 100%: G01 90%, G02 87,5%, G05 0%, G06 66,67%, G07 83,33% (has its
    # kendala), G13 70%, G14 70%; G15 has no realisasi, G03/G08/G12 no capaian
    f = [(t["kode"], t["baris"], t["pesan"]) for t in rk.temuan if t["jenis"] == "kendala_kosong"]
    assert [x[0] for x in f] == ["G01", "G02", "G05", "G06", "G13", "G14"]
    assert f[0] == ("G01", baris["G01"], "G01: capaian TW II 90,00% di bawah target, tetapi "
                    "kendalanya belum ditulis (kolom Kendala, Catatan Triwulan II)")
    # at or above target: no warning, kendala or not
    tw4 = hitung_rekap(d, 4)
    bawah = {i["kode"] for i in tw4.indikator if i["capaian"] is not None and i["capaian"] < 1}
    assert {t["kode"] for t in tw4.temuan if t["jenis"] == "kendala_kosong"} == bawah


def test_json(buku, capsys):
    assert main(["rekap", str(buku), "--triwulan", "2", "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    g07 = next(i for i in d["indikator"] if i["kode"] == "G07")
    assert (g07["kendala"], g07["solusi"], g07["bukti_dukung"]) == (KENDALA, SOLUSI, BUKTI)
    assert sum(t["jenis"] == "kendala_kosong" for t in d["temuan"]) == 6


def test_lembar_rekap(buku, tmp_path):
    rekap_berkas(buku, 2, keluaran=tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Rekap TW 2"]
    kepala = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Kode" and
                  r[1] == "Indikator")
    assert kepala[7:10] == ("Kendala", "Solusi / Tindak Lanjut", "Bukti Dukung")
    g07 = next(r for r in ws.iter_rows(values_only=True) if r[0] == "G07")
    assert g07[7:10] == (KENDALA, SOLUSI, BUKTI)


def test_buku_lama_tanpa_kolom_narasi(tmp_path):
    p = _buku(tmp_path, narasi=False, nama_narasi=False)
    rk = hitung_rekap(baca_nilai(p), 2)
    assert all((i["kendala"], i["solusi"], i["bukti_dukung"]) == (None, None, None)
               for i in rk.indikator)
