"""macros/xl_kinerja.xlam: a valid add-in package whose ribbon calls macros that exist,
built reproducibly from xlwings' ribbon template by macros/bangun/bangun_xlam.py."""
from __future__ import annotations

import hashlib
import importlib.util
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xlwings
from oletools.olevba import VBA_Parser

AKAR = Path(__file__).resolve().parents[1]
XLAM = AKAR / "macros" / "xl_kinerja.xlam"
TEMPLAT = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
NS = "{http://schemas.microsoft.com/office/2006/01/customui}"


def _modul_bangun():
    spec = importlib.util.spec_from_file_location(
        "bangun_xlam", AKAR / "macros" / "bangun" / "bangun_xlam.py")
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


@pytest.fixture(scope="module")
def vba():
    with zipfile.ZipFile(XLAM) as z:
        data = z.read("xl/vbaProject.bin")
    p = VBA_Parser("vbaProject.bin", data=data)
    try:
        modul = {nama.rsplit(".", 1)[0]: kode for _, _, nama, kode in p.extract_macros()}
    finally:
        p.close()
    return modul


def test_paket_valid_dan_custom_ui_terdaftar():
    with zipfile.ZipFile(XLAM) as z:
        assert z.testzip() is None
        nama = set(z.namelist())
        assert {"[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin",
                "customUI/customUI.xml"} <= nama
        rels = z.read("_rels/.rels").decode()
        assert 'Target="customUI/customUI.xml"' in rels
        ct = z.read("[Content_Types].xml").decode()
        assert "application/vnd.ms-excel.addin.macroEnabled.main+xml" in ct
        for n in nama:
            if n.endswith((".xml", ".rels")):
                ET.fromstring(z.read(n))  # every XML part parses


def test_ribbon_tab_kinerja_dan_tombol_rekap_triwulan(vba):
    with zipfile.ZipFile(XLAM) as z:
        akar = ET.fromstring(z.read("customUI/customUI.xml"))
    id_semua = [e.get("id") for e in akar.iter() if e.get("id")]
    assert len(id_semua) == len(set(id_semua))
    tab = [e for e in akar.iter(NS + "tab")]
    assert [t.get("label") for t in tab] == ["Kinerja"]
    tombol = [e for e in akar.iter(NS + "button")]
    assert [b.get("label") for b in tombol] == ["Rekap Triwulan"]
    aksi = [e.get("onAction") for e in akar.iter() if e.get("onAction")]
    assert aksi
    for a in aksi:
        modul, _, makro = a.rpartition(".")
        assert modul in vba, a
        assert re.search(rf"^Sub {makro}\(control As IRibbonControl\)", vba[modul], re.M), a


def test_makro_tombol_menjalankan_xl_kinerja_main(vba):
    """RunMain derives the module from the add-in's file name: xl_kinerja -> xl_kinerja.main()."""
    kode = vba["RibbonMyAddin"]
    assert 'mymodule = Left(ThisWorkbook.Name, (InStrRev(ThisWorkbook.Name, ".", -1, ' \
           'vbTextCompare) - 1))' in kode
    assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in kode
    mymodule = XLAM.name[:XLAM.name.rindex(".")]
    assert f"import {mymodule};{mymodule}.main()" == "import xl_kinerja;xl_kinerja.main()"
    import xl_kinerja
    from xl_kinerja.addin import ribbon
    assert callable(ribbon.main)
    # The statement the button runs must resolve: `xl_kinerja.main` delegates to the ribbon.
    exec(f"import {mymodule}", {})
    assert callable(xl_kinerja.main)
    dipanggil = []
    asli = ribbon.main
    ribbon.main = lambda: dipanggil.append(True)
    try:
        xl_kinerja.main()
    finally:
        ribbon.main = asli
    assert dipanggil == [True]
    assert "RunPython" in vba["xlwings"] and "Public Function RunPython" in vba["xlwings"]


def test_vba_templat_tidak_diubah_dan_modul_udf_dikonfigurasi():
    with zipfile.ZipFile(XLAM) as z, zipfile.ZipFile(TEMPLAT) as t:
        assert hashlib.sha256(z.read("xl/vbaProject.bin")).digest() == \
            hashlib.sha256(t.read("xl/vbaProject.bin")).digest()
        lembar = z.read("xl/worksheets/sheet1.xml").decode()
    assert re.search(r'<c r="A6"[^>]*><v>1</v></c><c r="B6"[^>]*><is><t>xl_kinerja\.addin\.udf'
                     r'</t></is></c>', lembar)


def test_bangun_ulang_identik(tmp_path):
    """The committed .xlam is exactly what the build script produces (no stale binary)."""
    hasil = _modul_bangun().bangun(tmp_path / "xl_kinerja.xlam", folder_vba=tmp_path / "vba")
    assert hasil.read_bytes() == XLAM.read_bytes()
    for berkas in (tmp_path / "vba").iterdir():
        assert berkas.read_text() == (AKAR / "macros" / "vba" / berkas.name).read_text()
