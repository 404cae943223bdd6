"""`baru --dari` keeps the office's work: a round trip that edits every carried item in
last year's workbook and finds each in the new one, and the list of what is reset."""
from __future__ import annotations

import openpyxl
import pytest

from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.generator import buat_buku_kerja, simpan


def _sel(wb, nama):
    (lembar, ref), = wb.defined_names[nama].destinations
    isi = wb[lembar][ref.replace("$", "")]
    return [c for baris in (isi if isinstance(isi, tuple) else ((isi,),)) for c in baris]


def _nilai(wb, nama):
    return [c.value for c in _sel(wb, nama)]


# edits an office makes in last year's workbook: name -> (cell index, new value)
SUNTING = {
    N.REF_TARGET_SERAPAN: [(0, 0.25), (1, 0.55), (2, 0.8), (3, 1.0)],
    N.REF_BATAS_CAPAIAN: [(0, 1.2)],
    N.REF_SKALA_INKLUSIF: [(0, True)],
    N.REF_SKALA_BATAS: [(1, 55)],
    N.REF_SKALA_PREDIKAT: [(0, "Sangat Kurang")],
    N.TTD_TEMPAT: [(0, "Mungkid")],
    N.TTD_NAMA_KETUA: [(0, "Budi Santoso")],
    N.TTD_JABATAN_KETUA: [(0, "Ketua KPU Kabupaten Contoh")],
    N.TTD_NAMA_SEKRETARIS: [(0, "Siti Aminah")],
    N.TTD_JABATAN_SEKRETARIS: [(0, "Sekretaris KPU Kabupaten Contoh")],
    N.TTD_NAMA_ATASAN: [(0, "Handayani")],
    N.TTD_JABATAN_ATASAN: [(0, "Ketua Komisi Pemilihan Umum Provinsi Jawa Tengah")],
    N.REF_DAFTAR_PELAKSANA: [(0, "Subbagian Teknis dan Hubmas (baru)")],
    N.UKUR_SASARAN: [(0, "Sasaran yang disunting kantor")],
    N.UKUR_INDIKATOR: [(0, "Indikator yang disunting kantor")],
    N.UKUR_POLARITAS: [(2, "min")],
    N.UKUR_PENANGGUNG_JAWAB: [(0, "Subbagian Hukum dan SDM")],
    N.RENAKSI_KEGIATAN: [(0, "Kegiatan yang disunting kantor")],
    N.RENAKSI_PELAKSANA: [(0, "Subbagian Teknis dan Hubmas (baru)")],
    N.RENAKSI_JADWAL_TW: [(0, None), (1, None), (2, "√"), (3, "√")],
    N.ANGG_URAIAN: [(2, "Layanan yang disunting kantor")],
}


@pytest.fixture(scope="module")
def dua_tahun(tmp_path_factory):
    d = tmp_path_factory.mktemp("dari")
    lama = simpan(buat_buku_kerja(None, 2027, satker="KPU Kabupaten Contoh"), d / "2027.xlsx")
    wb = openpyxl.load_workbook(lama)
    jumlah = _nilai(wb, N.UKUR_JENIS_TARGET).index("jumlah")
    SUNTING[N.UKUR_SATUAN] = [(jumlah, "Dokumen")]  # a count's unit (a percentage keeps %)
    for nama, ubah in SUNTING.items():
        sel = _sel(wb, nama)
        for i, v in ubah:
            sel[i].value = v
    _sel(wb, N.UKUR_REALISASI_TW[0])[0].value = 0.9    # realisasi: reset on purpose
    _sel(wb, N.ANGG_REALISASI_TW[0])[2].value = 1_000_000
    wb.save(lama)
    baru = d / "2028.xlsx"
    assert main(["baru", "--tahun", "2028", "--satker", "KPU Kabupaten Contoh",
                 "--keluaran", str(baru), "--dari", str(lama)]) == 0
    return openpyxl.load_workbook(lama), openpyxl.load_workbook(baru)


def test_setiap_suntingan_terbawa(dua_tahun):
    lama, baru = dua_tahun
    for nama, ubah in SUNTING.items():
        if nama.startswith("Renaksi_Jadwal"):
            continue  # checked below (the 2x4 grid of marks)
        nilai = _nilai(baru, nama)
        for i, v in ubah:
            assert nilai[i] == v, (nama, i, nilai[i])
    assert _nilai(baru, N.RENAKSI_JADWAL_TW)[:4] == [None, None, "√", "√"]
    # the documents show the carried signatories and texts by formula
    assert any(c.value == f'=IF({N.TTD_NAMA_KETUA}="","",{N.TTD_NAMA_KETUA})'
               for row in baru["PK KPU"].iter_rows() for c in row)


def test_yang_diatur_ulang(dua_tahun):
    _, baru = dua_tahun
    assert set(_nilai(baru, N.UKUR_REALISASI_TW[0])) == {None}
    assert all(v in (None, "") or str(v).startswith("=")
               for v in _nilai(baru, N.ANGG_REALISASI_TW[0]))
    (lembar, ref), = baru.defined_names[N.TTD_TANGGAL].destinations
    assert baru[lembar][ref.replace("$", "")].value == "2 Januari 2028"


def test_laporan_dibawa_dan_diatur_ulang(tmp_path, capsys):
    lama = simpan(buat_buku_kerja(None, 2027, satker="KPU Kabupaten Contoh"), tmp_path / "a.xlsx")
    assert main(["baru", "--tahun", "2028", "--satker", "KPU Kabupaten Contoh", "--keluaran",
                 str(tmp_path / "b.xlsx"), "--dari", str(lama)]) == 0
    keluar = capsys.readouterr().out
    assert "Dibawa dari buku kerja lama:" in keluar
    for apa in ("target serapan per triwulan", "batas capaian untuk rata-rata",
                "label skala predikat", "nama Ketua", "jabatan Pihak Kedua PK KPU",
                "daftar pelaksana", "kegiatan, pelaksana, jadwal Rencana Aksi"):
        assert apa in keluar, apa
    assert "Diatur ulang dengan sengaja: realisasi kinerja dan realisasi anggaran" in keluar
    assert "target tahunan dan target triwulan diambil dari matriks IKU" in keluar
