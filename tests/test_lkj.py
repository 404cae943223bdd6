"""LKj content as data: exact values against the core, last year, efficiency, JSON, CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ANGGARAN_UJI, KASUS, TAHUN, katalog_grid

from xl_kinerja import baca_target, capaian, capaian_satker, persen_anggaran, predikat
from xl_kinerja.cli import main
from xl_kinerja.evaluasi import efisiensi, nilai_efisiensi, tercapai, tren
from xl_kinerja.lkj import laporan_kinerja
from xl_kinerja.rekap import baca_nilai, hitung_rekap

ROOT = Path(__file__).resolve().parent.parent
KUBU_RAYA = ROOT / "examples" / "contoh-rkt-2024-kubu-raya.xlsx"

# last year's (2026) realisasi TW IV for the grid workbook
LALU = {"G01": 1.0, "G04": 0.03, "G07": 30, "G10": "BB", "G02": 0.85}


@pytest.fixture(scope="module")
def dua_tahun(tmp_path_factory):
    """The grid workbooks of 2026 and 2027 (2026 with its own pagu and realisasi)."""
    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    from xl_kinerja.katalog import Katalog
    folder = tmp_path_factory.mktemp("lkj")
    d = katalog_grid()
    for a in d["anggaran"]:
        if "pagu" in a:
            a["pagu"]["2026"] = round(a["pagu"][str(TAHUN)] * 0.9)
    kat = Katalog.dari_dict(d)
    wb = buat_buku_kerja(kat, TAHUN - 1, satker="KPU Kabupaten Uji")
    isi_realisasi(wb, kinerja={k: [None, None, None, v] for k, v in LALU.items()},
                  anggaran={"EBD.952": [None, None, None, 150_000_000],
                            "EBA.994": [None, None, None, 2_000_000_000]})
    lalu = simpan(wb, folder / "lalu.xlsx")
    wb = buat_buku_kerja(kat, TAHUN, satker="KPU Kabupaten Uji")
    isi_realisasi(wb, kinerja={k: v[5] for k, v in KASUS.items()},
                  anggaran={a[0]: a[4] for a in ANGGARAN_UJI if a[4] is not None})
    ini = simpan(wb, folder / "ini.xlsx")
    return ini, lalu


def _terakhir(nilai):
    isi = [v for v in nilai if v is not None]
    return isi[-1] if isi else None


def test_kubu_raya_setiap_indikator_sama_dengan_inti():
    lap = laporan_kinerja(KUBU_RAYA)
    data = baca_nilai(KUBU_RAYA)
    assert lap.satker == "Sekretariat KPU Kabupaten Kubu Raya" and lap.tahun == 2024
    assert len(lap.sasaran) == 43 and len(lap.indikator) == 62 == len(data.indikator)
    from xl_kinerja.rekap.mesin import _skala, _target_inti
    skala = _skala(data)
    for ind, il in zip(data.indikator, lap.indikator, strict=True):
        assert il.kode == ind.kode
        r = _terakhir(ind.realisasi)
        c = capaian(_target_inti(ind, ind.target[3]), r, ind.polaritas)
        assert il.realisasi == r and il.capaian == c
        assert il.predikat == predikat(c, skala)
        assert il.status == ("Tercapai" if c >= 1 else "Tidak Tercapai")
    s2 = lap.indikator[1]
    assert (s2.kode, s2.target, s2.realisasi, s2.capaian, s2.status) == \
        ("S2.1", 1, 0.956, 0.956, "Tidak Tercapai")
    assert len(lap.tercapai) + len(lap.tidak_tercapai) == 62
    # a closed year: the satker average equals the TW IV rekap (TW IV target = annual)
    rk = hitung_rekap(data, 4)
    assert lap.capaian_satker == rk.capaian_satker
    assert lap.predikat_satker == "Berhasil"
    assert lap.jumlah_predikat == rk.jumlah_predikat


def test_kubu_raya_anggaran_dan_efisiensi():
    lap = laporan_kinerja(KUBU_RAYA)
    data = baca_nilai(KUBU_RAYA)
    keluaran = [b for b in data.anggaran if b.tingkat == "output"]
    assert lap.pagu == sum(b.pagu for b in keluaran) == 5_327_499_000
    assert lap.realisasi_anggaran == sum(b.realisasi[3] for b in keluaran)
    assert lap.serapan == persen_anggaran(lap.pagu, lap.realisasi_anggaran)
    tingkat = [a.tingkat for a in lap.anggaran]
    assert tingkat.count("program") == 2 and tingkat.count("kegiatan") == 7
    assert tingkat[-1] == "jumlah" and "output" not in tingkat
    wa = next(a for a in lap.anggaran if a.kode == "076.01.WA")
    assert wa.pagu == 4_022_336_000 and wa.realisasi == 3_998_386_000
    # S2 (Program Dukungan Manajemen): capaian 95,60% against serapan 99,40%
    s2 = lap.sasaran[1]
    assert s2.kode_anggaran == ["076.01.WA"]
    assert s2.serapan == 3_998_386_000 / 4_022_336_000
    assert s2.nilai_efisiensi == pytest.approx(0.956 - s2.serapan, abs=1e-15)
    assert s2.efisiensi == "Kurang Efisien"
    assert lap.sasaran[0].efisiensi == "Efisien"  # 100% against 99,40%
    rasio = laporan_kinerja(KUBU_RAYA, aturan_efisiensi="rasio")
    assert rasio.sasaran[1].nilai_efisiensi == 0.956 / s2.serapan
    assert [s.efisiensi for s in rasio.sasaran] == [s.efisiensi for s in lap.sasaran]


def test_tahun_lalu_tren_dan_target_akhir(dua_tahun):
    ini, lalu = dua_tahun
    lap = laporan_kinerja(ini, tahun_lalu=lalu, nasional={"G01": 0.98, "G10": "A"})
    per = {i.kode: i for i in lap.indikator}
    assert lap.tahun_lalu == TAHUN - 1
    g01 = per["G01"]
    assert [(r.tahun, r.realisasi, r.capaian) for r in g01.riwayat] == [(2026, 1.0, 1.0)]
    assert g01.realisasi == 1.2 and g01.tren == "membaik"
    assert per["G04"].tren == "menurun"    # 2% min: 3% -> 5% is worse
    assert per["G07"].tren == "tetap"      # 30 -> 30 Laporan
    assert per["G10"].tren == "menurun"    # BB -> D
    assert per["G02"].riwayat[0].capaian == capaian("80%", 0.85)
    assert per["G03"].riwayat[0].realisasi is None and per["G03"].tren is None
    # (3) the IKU period ends 2029, same target texts every year
    assert (g01.tahun_akhir, g01.target_akhir, g01.capaian_akhir) == (2029, "100%", 1.2)
    assert per["G06"].capaian_akhir == capaian("12 Kali", 14, "min")
    # (4) national figures through the core rule
    assert g01.capaian_nasional == 1.2 / 0.98
    assert per["G10"].capaian_nasional == capaian(baca_target("A"), "D")
    assert per["G07"].nasional is None and per["G07"].capaian_nasional is None
    # last year's budget next to this year's
    ebd = next(a for a in lap.anggaran if a.kode == "WA.3355")
    assert ebd.pagu_lalu == round(185_400_000 * 0.9) + round(96_750_000 * 0.9)
    assert ebd.realisasi_lalu == 150_000_000
    jumlah = lap.anggaran[-1]
    assert jumlah.tingkat == "jumlah" and jumlah.realisasi_lalu == 2_150_000_000


def test_rata_rata_satker_dan_batas(dua_tahun):
    ini, _ = dua_tahun
    lap = laporan_kinerja(ini)
    pasangan = [(i.kode_sasaran, i.capaian) for i in lap.indikator]
    assert lap.capaian_satker == capaian_satker(pasangan)
    per_ind = laporan_kinerja(ini, dasar="indikator", batas_atas=1.2)
    assert per_ind.capaian_satker == capaian_satker(pasangan, dasar="indikator", batas_atas=1.2)
    # G03/G12 (target 0, maks) and G15 (no realisasi) are not assessed
    per = {i.kode: i for i in lap.indikator}
    for k in ("G03", "G12", "G15"):
        assert per[k].capaian is None and per[k].status is None
    # G05 and G11 have no TW IV realisasi: "s.d. TW III" (A35), as on Pengukuran
    assert [(i.kode, i.status, i.predikat) for i in lap.sementara] == [
        ("G05", "s.d. TW III", "s.d. TW III"), ("G11", "s.d. TW III", "s.d. TW III")]
    assert len(lap.tercapai) + len(lap.tidak_tercapai) == 10


def test_aturan_evaluasi():
    assert tercapai(1.0) == "Tercapai" and tercapai(0.9999) == "Tidak Tercapai"
    assert tercapai(45 / 45.0000000001) == "Tercapai"  # float noise below 1e-9
    assert tercapai(None) is None
    assert tren(0.9, 0.95) == "membaik" and tren(0.9, 0.95, "min") == "menurun"
    assert tren(3, 3) == "tetap" and tren(None, 1) is None
    assert nilai_efisiensi(0.95, 0.9) == pytest.approx(0.05)
    assert efisiensi(0.95, 0.9) == "Efisien" and efisiensi(0.9, 0.9) == "Kurang Efisien"
    assert efisiensi(0.9, 0.95, "rasio") == "Kurang Efisien"
    assert nilai_efisiensi(1.0, 0, "rasio") is None and efisiensi(1.0, 0, "rasio") == "Efisien"
    assert efisiensi(None, 0.9) is None
    from xl_kinerja.errors import KesalahanInput
    with pytest.raises(KesalahanInput, match="efisiensi"):
        efisiensi(1, 1, "bebas")


def test_json_sama_dengan_pustaka_dan_dataframe(capsys):
    assert main(["lkj", str(KUBU_RAYA), "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    lap = laporan_kinerja(KUBU_RAYA)
    assert d == json.loads(json.dumps(lap.ke_dict(), default=str))
    assert d["jumlah_indikator"] == 62
    assert d["jumlah_tercapai"] + d["jumlah_tidak_tercapai"] == 62
    df = lap.ke_dataframe("indikator")
    assert list(df["kode"])[:3] == ["S1.1", "S2.1", "S3.1"] and len(df) == 62
    assert lap.ke_dataframe("sasaran")["efisiensi"].iloc[1] == "Kurang Efisien"
    assert len(lap.ke_dataframe("anggaran")) == 10


def test_cli_masukan_salah(tmp_path, capsys):
    bukan = tmp_path / "bukan.xlsx"
    bukan.write_text("bukan zip")
    assert main(["lkj", str(bukan)]) == 2
    assert "bukan buku kerja Excel" in capsys.readouterr().err
    assert main(["lkj", str(KUBU_RAYA), "-o", str(tmp_path / "x.pdf")]) == 2
    assert ".docx" in capsys.readouterr().err
    ada = tmp_path / "ada.docx"
    ada.write_bytes(b"punya kantor")
    assert main(["lkj", str(KUBU_RAYA), "-o", str(ada)]) == 2
    assert "--timpa" in capsys.readouterr().err and ada.read_bytes() == b"punya kantor"
    with pytest.raises(SystemExit) as e:
        main(["lkj", str(KUBU_RAYA), "--efisiensi", "bebas"])
    assert e.value.code == 2 and "pilihan tidak sah" in capsys.readouterr().err
