"""Rebuild macros/xl_kinerja.xlam on Linux from xlwings' ribbon add-in template.

A build script: macros/bangun/ is no package and matches no package-data pattern, so it
stays out of the wheel (tests/test_kemasan.py).

Approach (why the VBA is untouched): vbaProject.bin holds each module's source compressed
(MS-OVBA) next to compiled p-code that Excel prefers when versions match; editing the source
on Linux without recompiling risks Excel running stale p-code. xlwings' ribbon template is
already parameterised by the add-in's FILE NAME: its button macro is

    Sub RunMain(control As IRibbonControl)
        mymodule = Left(ThisWorkbook.Name, InStrRev(ThisWorkbook.Name, ".") - 1)
        RunPython "import " & mymodule & ";" & mymodule & ".main()"

so naming the add-in `xl_kinerja.xlam` makes the button run `xl_kinerja.main()` (which
delegates to xl_kinerja.addin.ribbon.main). We therefore keep vbaProject.bin byte-for-byte
(checked against the template by the tests), replace only customUI/customUI.xml (tab
"Kinerja", button "Rekap Triwulan") and put `xl_kinerja.addin.udf` into the "UDF Modules"
row of the add-in's config sheet. The VBA sources are exported to macros/vba/ for reading.

Usage: python macros/bangun/bangun_xlam.py   (writes macros/xl_kinerja.xlam and macros/vba/*)
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import xlwings

DI_SINI = Path(__file__).resolve().parents[1]  # macros/: the add-in and its sources
TEMPLAT = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
KELUARAN = DI_SINI / "xl_kinerja.xlam"
MODUL_UDF = "xl_kinerja.addin.udf"
WAKTU_TETAP = (2024, 1, 1, 0, 0, 0)  # reproducible zip entries


def _isi_konfigurasi(sheet_xml: str) -> str:
    """Put MODUL_UDF into B6 (the "UDF Modules" row) of the config sheet."""
    sel = f'<c r="B6" s="1" t="inlineStr"><is><t>{MODUL_UDF}</t></is></c>'
    baru, n = re.subn(r'(<row r="6"[^>]*>)(<c r="A6"[^>]*>.*?</c>)(</row>)',
                      lambda m: m.group(1) + m.group(2) + sel + m.group(3), sheet_xml)
    if n != 1:
        raise SystemExit("templat xlwings berubah: baris 'UDF Modules' (A6) tidak ditemukan")
    return baru.replace('spans="1:1" ht="15.75"><c r="A6"', 'spans="1:2" ht="15.75"><c r="A6"')


def ekspor_vba(vba_bin: bytes, folder: Path) -> list[str]:
    """Write every VBA module's source to folder/NAME.bas|.cls (readable copy)."""
    from oletools.olevba import VBA_Parser
    folder.mkdir(parents=True, exist_ok=True)
    nama = []
    parser = VBA_Parser("vbaProject.bin", data=vba_bin)
    try:
        for _, _, berkas, kode in parser.extract_macros():
            (folder / berkas).write_text(kode.replace("\r\n", "\n"), encoding="utf-8")
            nama.append(berkas)
    finally:
        parser.close()
    return sorted(nama)


def bangun(keluaran: Path = KELUARAN, folder_vba: Path | None = DI_SINI / "vba") -> Path:
    custom_ui = (DI_SINI / "customUI.xml").read_bytes()
    with zipfile.ZipFile(TEMPLAT) as zin, zipfile.ZipFile(
            keluaran, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "customUI/customUI.xml":
                data = custom_ui
            elif info.filename == "xl/worksheets/sheet1.xml":
                data = _isi_konfigurasi(data.decode("utf-8")).encode("utf-8")
            elif info.filename == "xl/vbaProject.bin" and folder_vba is not None:
                ekspor_vba(data, folder_vba)
            zout.writestr(zipfile.ZipInfo(info.filename, WAKTU_TETAP), data,
                          zipfile.ZIP_DEFLATED)
    return keluaran


if __name__ == "__main__":
    print(f"ditulis: {bangun()}")
