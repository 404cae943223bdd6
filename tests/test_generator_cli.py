"""`xl-kinerja baru`: the command, bad input (exit 2, clear message, nothing written)."""
from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import TAHUN, katalog_grid

from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan


def _jalan(capsys, *argv):
    kode = main(["baru", *map(str, argv)])
    keluar = capsys.readouterr()
    return kode, keluar.out, keluar.err


def test_katalog_bawaan(tmp_path, capsys):
    kode, out, err = _jalan(capsys, "--tahun", 2027, "--satker", "KPU Kabupaten Contoh",
                            "--keluaran", tmp_path)
    assert (kode, err) == (0, "")
    berkas = tmp_path / "kinerja-2027-kpu-kabupaten-contoh.xlsx"
    assert str(berkas) in out and [p.name for p in tmp_path.iterdir()] == [berkas.name]
    wb = openpyxl.load_workbook(berkas)
    (lembar, ref), = wb.defined_names[N.INFO_TAHUN].destinations
    assert wb[lembar][ref.replace("$", "")].value == 2027


def test_berkas_ada_tidak_ditimpa_tanpa_timpa(tmp_path, capsys):
    berkas = tmp_path / "kinerja-2027-kpu-kabupaten-contoh.xlsx"
    berkas.write_bytes(b"milik pengguna")
    kode, _, err = _jalan(capsys, "--tahun", 2027, "--satker", "KPU Kabupaten Contoh",
                          "--keluaran", tmp_path)
    assert kode == 2 and "sudah ada" in err and "--timpa" in err
    assert berkas.read_bytes() == b"milik pengguna"
    kode, _, _ = _jalan(capsys, "--tahun", 2027, "--satker", "KPU Kabupaten Contoh",
                        "--keluaran", tmp_path, "--timpa", "--kertas", "f4", "--sandi", "x")
    assert kode == 0
    wb = openpyxl.load_workbook(berkas)
    assert wb["PK KPU"].page_setup.paperSize == 14 and wb["Pengukuran"].protection.password


def test_keluaran_nama_berkas_xlsx(tmp_path, capsys):
    # "--keluaran laporan.xlsx" names the file itself (not a folder called laporan.xlsx)
    tujuan = tmp_path / "sub" / "Kinerja KPU 2027.xlsx"
    kode, out, err = _jalan(capsys, "--tahun", 2027, "--satker", "KPU X", "--keluaran", tujuan)
    assert (kode, err) == (0, "") and tujuan.is_file() and str(tujuan) in out
    kode, _, err = _jalan(capsys, "--tahun", 2027, "--satker", "KPU X",
                          "--keluaran", tmp_path / "lama.xls")
    assert kode == 2 and "lama.xls" in err and ".xlsx" in err
    assert not (tmp_path / "lama.xls").exists()


def _katalog(tmp_path, ubah):
    d = katalog_grid()
    ubah(d)
    p = tmp_path / "katalog.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    return p


@pytest.mark.parametrize("ubah,pesan", [
    (lambda d: d["sasaran"][0]["indikator"][1].update(satuan="Ekor"),
     ["G02", "satuan 'Ekor' tidak dikenal"]),
    (lambda d: d["sasaran"][1]["indikator"][0]["target"].update({"2027": "banyak sekali"}),
     ["G04", "2027", "'banyak sekali'", "tidak terbaca"]),
    (lambda d: d["sasaran"][0]["indikator"][0]["target"].update({"2027": "1,200"}),
     ["G01", "'1,200'"]),
    (lambda d: d.update(periode=[2020, 2024]), ["2027", "2020"]),
])
def test_katalog_salah(tmp_path, capsys, ubah, pesan):
    kat = _katalog(tmp_path, ubah) if "2020" not in pesan else None
    if kat is None:  # period change: targets must move too, so write by hand
        d = katalog_grid()
        d["periode"] = [2020, 2024]
        for s in d["sasaran"]:
            for i in s["indikator"]:
                i["target"] = {str(t): v for t, v in zip(range(2020, 2025),
                                                        i["target"].values(), strict=True)}
                i.pop("target_tw", None)
        kat = tmp_path / "katalog.json"
        kat.write_text(json.dumps(d), encoding="utf-8")
    keluar = tmp_path / "keluar"
    kode, out, err = _jalan(capsys, "--tahun", 2027, "--satker", "KPU Kabupaten Uji",
                            "--iku", kat, "--keluaran", keluar)
    assert kode == 2, err
    assert err.startswith("kesalahan: ") and "Traceback" not in err
    for p in pesan:
        assert p in err
    assert str(kat) in err
    assert not keluar.exists() or list(keluar.iterdir()) == []


def test_tahun_di_luar_periode_bawaan(tmp_path, capsys):
    kode, _, err = _jalan(capsys, "--tahun", 2031, "--satker", "KPU Kabupaten Contoh",
                          "--keluaran", tmp_path)
    assert kode == 2 and "tahun 2031 di luar periode" in err and "2025-2029" in err
    assert list(tmp_path.iterdir()) == []


def test_dari_bukan_milik_kita(tmp_path, capsys):
    asing = tmp_path / "asing.xlsx"
    openpyxl.Workbook().save(asing)
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"bukan zip")
    keluar = tmp_path / "keluar"
    for berkas, pesan in ((asing, "bukan buku kerja buatan xl-kinerja"),
                          (rusak, "bukan buku kerja Excel"),
                          (tmp_path / "tidak-ada.xlsx", "tidak ditemukan")):
        kode, _, err = _jalan(capsys, "--tahun", 2028, "--satker", "KPU Kabupaten Contoh",
                              "--dari", berkas, "--keluaran", keluar)
        assert kode == 2 and pesan in err and str(berkas) in err, err
    assert not keluar.exists()


def test_argumen_salah(capsys):
    with pytest.raises(SystemExit) as e:
        main(["baru", "--tahun", "dua ribu", "--satker", "X"])
    assert e.value.code == 2
    assert "tahun harus angka" in capsys.readouterr().err
    # the year range is the rule table's (aturan.TAHUN_AWAL..TAHUN_AKHIR), not a CLI copy
    with pytest.raises(SystemExit) as e:
        main(["baru", "--tahun", "2101", "--satker", "X"])
    assert e.value.code == 2
    assert "tahun 2101 tidak masuk akal (harus 2000-2100)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["baru", "--tahun", "2027"])
    assert e.value.code == 2 and "wajib diisi" in capsys.readouterr().err


def test_dari_membawa_teks_dan_mengosongkan_realisasi(tmp_path, capsys):
    from xl_kinerja.katalog import Katalog

    d = katalog_grid()
    d["sasaran"][0]["indikator"][0].update(kegiatan="Penyusunan produk hukum",
                                           pelaksana="Subbag Hukum & SDM", jadwal_bulan=[2, 5])
    d["satuan_tambahan"] = ["Kotak Suara"]
    d["sasaran"][0]["indikator"][2].update(satuan="Kotak Suara", jenis_target="jumlah")
    d["sasaran"][0]["indikator"][2]["target"] = {str(t): "0 Kotak Suara"
                                                 for t in range(2025, 2030)}
    del d["sasaran"][0]["indikator"][2]["target_tw"]
    wb = buat_buku_kerja(Katalog.dari_dict(d), TAHUN, satker="KPU Kabupaten Uji")
    isi_realisasi(wb, kinerja={"G01": [0.5, 0.6, 0.7, 0.9]},
                  anggaran={"EBD.952": [1, 2, 3, 4]})
    lama = simpan(wb, tmp_path / "lama.xlsx")
    kode, out, err = _jalan(capsys, "--tahun", 2028, "--satker", "KPU Kabupaten Uji",
                            "--dari", lama, "--keluaran", tmp_path)
    assert kode == 0, err
    baru = openpyxl.load_workbook(tmp_path / "kinerja-2028-kpu-kabupaten-uji.xlsx")

    def kolom(nama):
        (lembar, ref), = baru.defined_names[nama].destinations
        return [r[0].value for r in baru[lembar][ref.replace("$", "")]]
    assert kolom(N.UKUR_KODE_INDIKATOR) == [f"G{i:02d}" for i in range(1, 16)]
    for n in N.UKUR_REALISASI_TW + N.ANGG_REALISASI_TW[:1]:
        assert set(v for v in kolom(n) if not str(v).startswith("=")) == {None}, n
    assert kolom(N.RENAKSI_KEGIATAN)[0] == "Penyusunan produk hukum"
    assert kolom(N.RENAKSI_PELAKSANA)[0] == "Subbag Hukum & SDM"
    (lembar, ref), = baru.defined_names[N.RENAKSI_JADWAL_BULAN].destinations
    tanda = [c.value for c in baru[lembar][ref.replace("$", "")][0]]
    assert [i + 1 for i, v in enumerate(tanda) if v] == [2, 5]
    assert kolom(N.UKUR_SATUAN)[2] == "Kotak Suara"
    (lembar, ref), = baru.defined_names[N.INFO_TAHUN].destinations
    assert baru[lembar][ref.replace("$", "")].value == 2028
    pagu = dict(zip(kolom(N.ANGG_KODE), kolom(N.ANGG_PAGU), strict=True))
    assert pagu["EBD.952"] == 185_400_000  # carried as the draft pagu


def test_dari_teks_awalan_rumus_tetap_teks(tmp_path):
    from xl_kinerja.katalog import Katalog

    d = katalog_grid()
    d["sasaran"][0]["nama"] = "=1+1"
    d["sasaran"][0]["indikator"][0].update(nama="@SUM(A1)", kegiatan="-ambil")
    lama = simpan(buat_buku_kerja(Katalog.dari_dict(d), TAHUN, satker="KPU Kabupaten Uji"),
                  tmp_path / "lama.xlsx")
    baru = buat_buku_kerja(None, 2028, satker="KPU Kabupaten Uji", dari=lama)
    temu = {}
    for ws in baru.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value in ("=1+1", "@SUM(A1)", "-ambil"):
                    assert c.data_type == "s", (ws.title, c.coordinate)
                    temu[c.value] = temu.get(c.value, 0) + 1
    assert set(temu) == {"=1+1", "@SUM(A1)", "-ambil"}
