"""The daftar satker CSV, both ways: `baru --daftar` (one workbook per satker) and the
`konsolidasi --daftar` of the same file."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from conftest import TAHUN, katalog_grid

from xl_kinerja import kontrak
from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.konsolidasi import baca_daftar, konsolidasi

DAFTAR = """nama;tingkat;tempat;ketua;sekretaris
Magelang;kabupaten;Mungkid;Ahmad Ketua;Budi Sekretaris
KPU Kota Metro;kota;Metro;Citra Ketua;
Jawa Tengah;provinsi;Semarang;Dewi Ketua;Eko Sekretaris
Sidoarjo;desa;;;
;kota;;;
KPU Kabupaten Magelang;;;;
Bantul;;;;
KPU Kota Bogor;kabupaten;;;
"""


@pytest.fixture
def daftar(tmp_path):
    p = tmp_path / "satker.csv"
    p.write_text(DAFTAR, encoding="utf-8")
    return p


def test_baca_daftar(daftar):
    entri, salah = baca_daftar(daftar)
    assert [(e.baris, e.nama, e.tingkat, e.tempat, e.ketua, e.sekretaris) for e in entri] == [
        (2, "KPU Kabupaten Magelang", "Kabupaten", "Mungkid", "Ahmad Ketua", "Budi Sekretaris"),
        (3, "KPU Kota Metro", "Kota", "Metro", "Citra Ketua", ""),
        (4, "KPU Provinsi Jawa Tengah", "Provinsi", "Semarang", "Dewi Ketua", "Eko Sekretaris")]
    assert salah == [
        (5, "tingkat 'desa' tidak dikenal (pilih kabupaten, kota atau provinsi)"),
        (6, "kolom nama kosong"),
        (7, "satker 'KPU Kabupaten Magelang' sudah ada di baris 2"),
        (8, "nama 'Bantul' tanpa tingkat: tulis nama lengkap (mis. 'KPU Kabupaten Bantul') "
            "atau isi kolom tingkat"),
        (9, "nama 'KPU Kota Bogor' bertentangan dengan tingkat 'kabupaten'")]


def test_daftar_tanpa_judul(tmp_path, capsys):
    p = tmp_path / "s.csv"
    p.write_text("satu;dua\nMagelang;x\n", encoding="utf-8")
    assert main(["baru", "--tahun", "2027", "--daftar", str(p), "--keluaran",
                 str(tmp_path)]) == 2
    assert "tidak punya kolom 'nama'" in capsys.readouterr().err


def test_baru_daftar_lalu_konsolidasi(daftar, tmp_path, capsys):
    kat = katalog_grid()
    kat["sasaran"] = kat["sasaran"][:1]
    iku = tmp_path / "katalog.json"
    iku.write_text(json.dumps(kat), encoding="utf-8")
    folder = tmp_path / "satker"
    assert main(["baru", "--tahun", str(TAHUN), "--daftar", str(daftar), "--iku", str(iku),
                 "--keluaran", str(folder)]) == 2
    keluar = capsys.readouterr()
    for baris in (5, 6, 7, 8, 9):  # every bad row named with its line
        assert f"satker.csv, baris {baris}: " in keluar.err
    assert keluar.out.startswith(f"3 buku kerja dibuat di {folder}; 5 baris daftar tidak "
                                 f"dibuat (lihat di atas) (")
    berkas = sorted(p.name for p in folder.iterdir())
    assert berkas == [f"kinerja-{TAHUN}-kpu-kabupaten-magelang.xlsx",
                      f"kinerja-{TAHUN}-kpu-kota-metro.xlsx",
                      f"kinerja-{TAHUN}-kpu-provinsi-jawa-tengah.xlsx"]
    with kontrak.buka(folder / berkas[0]) as k:
        nilai = {n: k.tunggal(n).tersimpan for n in (N.INFO_SATKER, N.TTD_TEMPAT,
                                                    N.TTD_NAMA_KETUA, N.TTD_NAMA_SEKRETARIS)}
    assert nilai == {N.INFO_SATKER: "KPU Kabupaten Magelang", N.TTD_TEMPAT: "Mungkid",
                     N.TTD_NAMA_KETUA: "Ahmad Ketua", N.TTD_NAMA_SEKRETARIS: "Budi Sekretaris"}
    with kontrak.buka(folder / berkas[2]) as k:
        assert k.tunggal(N.TTD_JABATAN_ATASAN).tersimpan == \
            "Ketua Komisi Pemilihan Umum Republik Indonesia"
    # existing files are not overwritten without --timpa: named per row
    assert main(["baru", "--tahun", str(TAHUN), "--daftar", str(daftar), "--iku", str(iku),
                 "--keluaran", str(folder)]) == 2
    assert "sudah ada" in capsys.readouterr().err
    # upward with the same daftar: nothing filled in yet, each satker named
    ks = konsolidasi([folder], 1, daftar=daftar)
    assert ks.satker == []
    assert sorted((m.jenis, m.satker) for m in ks.masalah if m.satker) == [
        ("triwulan_kosong", "KPU Kabupaten Magelang"), ("triwulan_kosong", "KPU Kota Metro"),
        ("triwulan_kosong", "KPU Provinsi Jawa Tengah")]
    assert sum(m.jenis == "daftar_salah" for m in ks.masalah) == 5


def test_satker_atau_daftar(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["baru", "--tahun", "2027", "--satker", "X", "--daftar", "s.csv"])
    assert e.value.code == 2 and "--daftar" in capsys.readouterr().err


def test_keluaran_sama_dengan_masukan_tidak_ditimpa(tmp_path, capsys):
    # --timpa must never replace a satker's own workbook given as input
    contoh = Path(__file__).parent.parent / "examples" / "contoh-rkt-2024-kubu-raya.xlsx"
    satker = shutil.copy(contoh, tmp_path / "kubu-raya.xlsx")
    sidik = hashlib.sha256(Path(satker).read_bytes()).hexdigest()
    kode = main(["konsolidasi", str(satker), "--triwulan", "4", "--keluaran", str(satker),
                 "--timpa"])
    assert kode == 2
    assert "sama dengan berkas masukan" in capsys.readouterr().err
    assert hashlib.sha256(Path(satker).read_bytes()).hexdigest() == sidik
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kubu-raya.xlsx"]


def test_isi_daftar_yang_dibersihkan_disebut(tmp_path, capsys):
    """A control character removed from a cell of the daftar is said, with its line, by
    whichever job read the daftar (never printed by the library itself)."""
    p = tmp_path / "satker.csv"
    p.write_text("nama;tingkat;tempat\nMage\x07lang;kabupaten;Mung\x01kid\n", encoding="utf-8")
    ubah: list = []
    entri, salah = baca_daftar(p, ubah)
    assert [(e.nama, e.tempat) for e in entri] == [("KPU Kabupaten Magelang", "Mungkid")]
    assert salah == []
    assert ubah == [(2, "kolom 1: karakter kendali (BEL) dibuang"),
                    (2, "kolom 3: karakter kendali (U+0001) dibuang")]
    assert capsys.readouterr() == ("", "")
    ks = konsolidasi([tmp_path], 2, daftar=p)
    assert [(m.jenis, m.alasan, m.dilewati) for m in ks.masalah
            if m.jenis == "daftar_dibersihkan"] == [
        ("daftar_dibersihkan", "daftar satker baris 2: kolom 1: karakter kendali (BEL) dibuang",
         False),
        ("daftar_dibersihkan",
         "daftar satker baris 2: kolom 3: karakter kendali (U+0001) dibuang", False)]
    assert capsys.readouterr() == ("", "")
    keluar = tmp_path / "hasil"
    assert main(["baru", "--tahun", str(TAHUN), "--daftar", str(p), "--keluaran",
                 str(keluar)]) == 0
    err = capsys.readouterr().err
    assert f"peringatan: {p}, baris 2: kolom 1: karakter kendali (BEL) dibuang" in err
    assert f"peringatan: {p}, baris 2: kolom 3: karakter kendali (U+0001) dibuang" in err
