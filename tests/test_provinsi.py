"""A KPU Provinsi workbook and satker names in their proper form."""
from __future__ import annotations

import openpyxl
import pytest

from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.generator.konteks import bentuk_satker


@pytest.mark.parametrize("masuk,keluar", [
    ("kpu kota bandung", "KPU Kota Bandung"),
    ("KPU KABUPATEN KUBU RAYA", "KPU Kabupaten Kubu Raya"),
    ("sekretariat kpu provinsi dki jakarta", "Sekretariat KPU Provinsi DKI Jakarta"),
    ("kpu kabupaten  pangkajene dan kepulauan", "KPU Kabupaten Pangkajene dan Kepulauan"),
    ("KPU Kota Metro", "KPU Kota Metro"),                # mixed case: as the office wrote it
    ("KPU Kabupaten Toli-Toli", "KPU Kabupaten Toli-Toli"),
    ("kpu kabupaten toli-toli", "KPU Kabupaten Toli-Toli"),
])
def test_bentuk_satker(masuk, keluar):
    assert bentuk_satker(masuk) == keluar


def _nilai(wb, nama):
    (lembar, ref), = wb.defined_names[nama].destinations
    return wb[lembar][ref.replace("$", "")].value


def test_satker_huruf_kecil_ditulis_benar(tmp_path):
    p = tmp_path / "b.xlsx"
    assert main(["baru", "--tahun", "2027", "--satker", "kpu kota bandung",
                 "--keluaran", str(p)]) == 0
    wb = openpyxl.load_workbook(p)
    assert _nilai(wb, N.INFO_SATKER) == "KPU Kota Bandung"
    assert _nilai(wb, N.TTD_JABATAN_KETUA) == "Ketua Komisi Pemilihan Umum Kota Bandung"
    assert wb["PK KPU"]["A2"].value == "KOMISI PEMILIHAN UMUM KOTA BANDUNG"
    assert wb["Pengukuran"]["A2"].value == "KPU KOTA BANDUNG"


def test_provinsi_pihak_kedua_kpu_ri(tmp_path, capsys):
    p = tmp_path / "p.xlsx"
    assert main(["baru", "--tahun", "2027", "--satker", "KPU Provinsi Jawa Tengah",
                 "--keluaran", str(p)]) == 0
    keluar = capsys.readouterr().out
    assert "katalog bawaan disusun untuk KPU Kabupaten/Kota" in keluar
    wb = openpyxl.load_workbook(p)
    assert _nilai(wb, N.TTD_JABATAN_ATASAN) == "Ketua Komisi Pemilihan Umum Republik Indonesia"
    assert _nilai(wb, N.TTD_JABATAN_KETUA) == "Ketua Komisi Pemilihan Umum Provinsi Jawa Tengah"
    assert wb["PK KPU"]["A2"].value == "KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH"
    # a kabupaten answers to its province, and gets no note
    q = tmp_path / "k.xlsx"
    assert main(["baru", "--tahun", "2027", "--satker", "KPU Kabupaten Contoh",
                 "--keluaran", str(q)]) == 0
    assert "katalog bawaan disusun" not in capsys.readouterr().out
    assert _nilai(openpyxl.load_workbook(q), N.TTD_JABATAN_ATASAN) == (
        "Ketua Komisi Pemilihan Umum Provinsi")
