"""`xl-kinerja addin`: on Linux pasang/lepas refuse with an Indonesian message (exit 2);
status reports what it can; on Windows they wrap `xlwings addin install/remove --file`."""
from __future__ import annotations

import sys
from pathlib import Path
from unittest import mock

import pytest

from xl_kinerja.addin import pasang as modul
from xl_kinerja.cli import main

XLAM = Path(__file__).resolve().parents[1] / "macros" / "xl_kinerja.xlam"


@pytest.mark.skipif(sys.platform.startswith("win"), reason="perilaku di luar Windows")
@pytest.mark.parametrize("aksi", ["pasang", "lepas"])
def test_bukan_windows_keluar_2_pesan_indonesia(aksi, capsys):
    assert main(["addin", aksi]) == 2
    err = capsys.readouterr().err
    assert "membutuhkan Microsoft Excel untuk Windows" in err
    assert "Traceback" not in err


@pytest.mark.skipif(sys.platform.startswith("win"), reason="perilaku di luar Windows")
def test_status_di_linux(capsys):
    assert main(["addin", "status"]) == 0
    out = capsys.readouterr().out
    assert f"berkas add-in: {XLAM}" in out
    assert "modul UDF: xl_kinerja.addin.udf" in out
    assert "Excel untuk Windows: tidak tersedia" in out


@pytest.mark.parametrize("aksi,perintah", [("pasang", "install"), ("lepas", "remove")])
def test_windows_memanggil_xlwings_addin(aksi, perintah):
    with mock.patch.object(modul, "windows", return_value=True), \
            mock.patch.object(modul.subprocess, "call", return_value=0) as panggil:
        assert main(["addin", aksi]) == 0
    panggil.assert_called_once_with(
        [sys.executable, "-m", "xlwings.cli", "addin", perintah, "--file", str(XLAM)])


def test_berkas_salah_nama_atau_tidak_ada(tmp_path, capsys):
    lain = tmp_path / "lain.xlam"
    lain.write_bytes(XLAM.read_bytes())
    with mock.patch.object(modul, "windows", return_value=True):
        assert main(["addin", "pasang", "--berkas", str(lain)]) == 2
        assert "nama berkas add-in harus xl_kinerja.xlam" in capsys.readouterr().err
        assert main(["addin", "pasang", "--berkas", str(tmp_path / "xl_kinerja.xlam")]) == 2
        assert "berkas add-in tidak ditemukan" in capsys.readouterr().err
