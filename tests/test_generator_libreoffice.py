"""xl_kinerja.libreoffice: recalculation really happens on load, PDF export, errors."""
from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from xl_kinerja import libreoffice
from xl_kinerja.errors import KesalahanBerkas, KesalahanInput, KesalahanXlKinerja


def _dengan_nilai_basi(sumber, tujuan):
    """Copy an openpyxl file, giving formula A3 (=A1*A2) a stale cached value 99."""
    with zipfile.ZipFile(sumber) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    xml = isi["xl/worksheets/sheet1.xml"].decode()
    # the empty cached value: "<v />" (et_xmlfile) or "<v></v>" (lxml)
    kosong = re.search(r"<f>A1\*A2</f>(<v />|<v></v>)", xml)
    assert kosong
    isi["xl/worksheets/sheet1.xml"] = xml.replace(
        kosong.group(0), "<f>A1*A2</f><v>99</v>").encode()
    with zipfile.ZipFile(tujuan, "w") as z:
        for n, d in isi.items():
            z.writestr(n, d)


@pytest.fixture(scope="module")
def hasil_lo(tmp_path_factory):
    d = tmp_path_factory.mktemp("lo")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["A3"], ws["A4"] = 2, 3, "=A1*A2", "=1/0"
    wb.save(d / "segar.xlsx")
    _dengan_nilai_basi(d / "segar.xlsx", d / "basi.xlsx")
    assert openpyxl.load_workbook(d / "basi.xlsx", data_only=True).active["A3"].value == 99
    xlsx = libreoffice.hitung_ulang([d / "segar.xlsx", d / "basi.xlsx"], d / "keluar")
    pdf = libreoffice.ke_pdf([d / "segar.xlsx"], d / "pdf")
    return d, xlsx, pdf


def test_hitung_ulang_menghitung_rumus_tanpa_nilai(hasil_lo):
    _, (segar, _), _ = hasil_lo
    ws = openpyxl.load_workbook(segar, data_only=True).active
    assert ws["A3"].value == 6
    assert ws["A4"].value == "#DIV/0!"


def test_hitung_ulang_mengabaikan_nilai_tersimpan_yang_basi(hasil_lo):
    # LibreOffice's default for xlsx is "never recalculate": without the profile setting
    # this cell would come back as the stale 99.
    _, (_, basi), _ = hasil_lo
    assert openpyxl.load_workbook(basi, data_only=True).active["A3"].value == 6


def test_masukan_tidak_berubah_dan_keluaran_di_folder_baru(hasil_lo):
    d, xlsx, _ = hasil_lo
    assert [p.parent for p in xlsx] == [d / "keluar"] * 2
    assert openpyxl.load_workbook(d / "basi.xlsx", data_only=True).active["A3"].value == 99


def test_ke_pdf(hasil_lo):
    _, _, (pdf,) = hasil_lo
    assert pdf.suffix == ".pdf" and pdf.read_bytes().startswith(b"%PDF")


def test_soffice_tidak_ada(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("XL_KINERJA_SOFFICE", raising=False)
    (tmp_path / "a.xlsx").write_bytes(b"x")
    with pytest.raises(KesalahanXlKinerja, match="LibreOffice .*tidak ditemukan"):
        libreoffice.hitung_ulang([tmp_path / "a.xlsx"], tmp_path / "o")
    assert not libreoffice.tersedia()


def test_nama_kembar_dan_berkas_hilang(tmp_path):
    (tmp_path / "x").mkdir()
    for p in (tmp_path / "a.xlsx", tmp_path / "x" / "a.xlsx"):
        openpyxl.Workbook().save(p)
    with pytest.raises(KesalahanInput, match="bernama sama"):
        libreoffice.hitung_ulang([tmp_path / "a.xlsx", tmp_path / "x" / "a.xlsx"], tmp_path)
    with pytest.raises(KesalahanBerkas, match="tidak ditemukan"):
        libreoffice.ke_pdf([tmp_path / "tidak-ada.xlsx"], tmp_path)
