"""Katalog: the embedded default, JSON round trip and validation messages."""
from __future__ import annotations

import json

import pytest
from conftest import katalog_grid

from xl_kinerja import baca_target
from xl_kinerja.errors import KesalahanBerkas, KesalahanInput
from xl_kinerja.katalog import Katalog, induk_anggaran


@pytest.fixture(scope="module")
def bawaan():
    return Katalog.bawaan()


def test_bawaan_memenuhi_kebutuhan(bawaan):
    assert bawaan.periode == (2025, 2029)
    semua = [ind for _, ind in bawaan.semua_indikator()]
    assert len(semua) == 21
    for ind in semua:
        assert set(ind.target) == set(range(2025, 2030)), ind.kode
        assert ind.penanggung_jawab and ind.definisi_operasional and ind.formula
    jenis = {ind.jenis_target for ind in semua}
    assert jenis == {"persen", "jumlah", "skor", "ordinal", "rentang"}
    assert any(ind.polaritas == "min" for ind in semua)
    kel = {baca_target(ind.target[2027]).keluarga for ind in semua
           if ind.jenis_target == "ordinal"}
    assert kel == {"sakip", "opini_bpk"}
    jumlah = [baca_target(ind.target[2027]) for ind in semua if ind.jenis_target == "jumlah"]
    assert any(t.satuan == "Laporan" and t.nilai == 2 for t in jumlah)
    nol = [ind.kode for ind in semua if baca_target(ind.target[2027]).jenis == "nol"]
    assert "K3.2" in nol  # no election in 2027: participation not applicable
    assert {s.tingkat for s in bawaan.sasaran} == {"kpu", "sekretariat"}


def test_bawaan_anggaran(bawaan):
    kode = [b.kode for b in bawaan.anggaran if b.tingkat == "program"]
    assert kode == ["076.01.WA", "076.01.CQ"]
    induk = induk_anggaran(bawaan.anggaran)
    for i, b in enumerate(bawaan.anggaran):
        punya_anak = i in induk
        assert (2027 in b.pagu) == (not punya_anak), b.kode
    assert bawaan.anggaran[[b.kode for b in bawaan.anggaran].index("EBA.994")].pagu[2025] \
        == 2_647_529_000


def test_bolak_balik_dict(bawaan):
    d = bawaan.ke_dict()
    assert Katalog.dari_dict(json.loads(json.dumps(d))).ke_dict() == d
    g = Katalog.dari_dict(katalog_grid())
    assert Katalog.dari_dict(g.ke_dict()).ke_dict() == g.ke_dict()


def test_baca_dan_tulis_berkas(tmp_path, bawaan):
    p = bawaan.tulis(tmp_path / "k.json")
    assert Katalog.baca(p).ke_dict() == bawaan.ke_dict()
    rusak = tmp_path / "rusak.json"
    rusak.write_text('{"format": "xl-kinerja/katalog",\n "versi": 1,,}', encoding="utf-8")
    with pytest.raises(KesalahanBerkas, match=r"bukan JSON yang sah: .*baris 2"):
        Katalog.baca(rusak)
    with pytest.raises(KesalahanBerkas, match="tidak ditemukan"):
        Katalog.baca(tmp_path / "tidak-ada.json")


def _salah(ubah, *potongan):
    d = katalog_grid()
    ubah(d)
    with pytest.raises(KesalahanInput) as e:
        Katalog.dari_dict(d)
    for p in potongan:
        assert p in str(e.value)


def _ind(d, i=0, j=0):
    return d["sasaran"][i]["indikator"][j]


def test_validasi_pesan():
    _salah(lambda d: d.update(format="lain"), "'format'")
    _salah(lambda d: d.update(warna="merah"), "kunci tidak dikenal 'warna'")
    _salah(lambda d: _ind(d).update(warna="merah"), "indikator G01", "'warna'")
    _salah(lambda d: _ind(d, 0, 1).update(kode="G01"), "dipakai lebih dari sekali")
    _salah(lambda d: _ind(d).update(satuan="Ekor"), "G01", "satuan 'Ekor' tidak dikenal")
    _salah(lambda d: _ind(d).update(polaritas="naik"), "polaritas 'naik'")
    # a grade target has no "min" rule: refused on load, naming the indicator
    _salah(lambda d: _ind(d, 3, 0).update(polaritas="min"), "indikator G10",
           "polaritas 'min' tidak berlaku untuk jenis_target 'ordinal'", "gunakan polaritas 'maks'")
    _salah(lambda d: _ind(d).update(jenis_target="pangkat"), "G01", "jenis_target 'pangkat'")
    _salah(lambda d: _ind(d).update(jenis_target="persen", satuan="Laporan"),
           "tidak cocok dengan jenis_target")
    _salah(lambda d: _ind(d, 2, 0)["target"].update({"2027": "24 Dokumen"}),
           "G07", "bersatuan 'Dokumen'", "'Laporan'")
    _salah(lambda d: _ind(d)["target"].update({"2027": "24 Laporan"}),
           "G01", "terbaca sebagai jumlah", "'persen'")
    _salah(lambda d: _ind(d, 3, 0)["target"].update({"2028": "WTP"}), "G10", "skala lain")
    _salah(lambda d: _ind(d)["target"].update({"2031": "100%"}), "di luar periode")
    _salah(lambda d: _ind(d).update(jadwal_bulan=[0, 13]), "jadwal_bulan", "di luar 1..12")
    _salah(lambda d: _ind(d).update(jadwal_tw=[5]), "jadwal_tw")
    _salah(lambda d: d["anggaran"][2].update(realisasi_tw=[1, 2, 3]), "EBD.952", "4 nilai")
    _salah(lambda d: d["anggaran"][2].update(pagu={"2027": -5}), "EBD.952", "negatif")
    _salah(lambda d: d["anggaran"][0].update(pagu={"2027": 1}), "076.01.WA",
           "tidak sama dengan jumlah rinciannya")
    _salah(lambda d: d["anggaran"].insert(0, {"kode": "X", "uraian": "x", "tingkat": "output"}),
           "harus tingkat 'program'")


def test_satuan_tambahan_dan_penandatangan():
    d = katalog_grid()
    d["satuan_tambahan"] = ["Kotak Suara"]
    _ind(d).update(satuan="kotak  suara", jenis_target="jumlah",
                   target={str(t): "10 Kotak Suara" for t in range(2025, 2030)})
    _ind(d).pop("target_tw", None)
    d["penandatangan"] = {"ketua": "NURRIS SEPTA PRATAMA", "tempat": "Metro"}
    k = Katalog.dari_dict(d)
    assert _ind(k.ke_dict())["satuan"] == "Kotak Suara"
    assert "Kotak Suara" in k.daftar_satuan()
    assert k.penandatangan["tempat"] == "Metro"


def test_tahun_dan_realisasi_anggaran():
    k = Katalog.dari_dict(katalog_grid())
    with pytest.raises(KesalahanInput, match="tahun 2030 di luar periode katalog 2025-2029"):
        k.periksa_tahun(2030)
    d = katalog_grid()
    d["anggaran"][2]["realisasi_tw"] = {"2027": [1, None, "2.500", 4]}
    b = Katalog.dari_dict(d).anggaran[2]
    assert b.realisasi_tahun(2027) == [1, None, 2500, 4]
    assert b.realisasi_tahun(2028) == [None] * 4
