"""Install/remove the xl-kinerja Excel add-in: a thin layer over `xlwings addin ...`.

Only Excel for Windows runs the add-in (RunPython and UDFs use COM); on other systems
every action except `status` raises KesalahanInput with an Indonesian explanation.
"""
from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

from ..errors import KesalahanBerkas, KesalahanInput

NAMA_XLAM = "xl_kinerja.xlam"
PESAN_BUKAN_WINDOWS = (
    "add-in xl-kinerja membutuhkan Microsoft Excel untuk Windows; sistem ini ({sistem}) "
    "tidak dapat memasang atau melepasnya. Fungsi yang sama tersedia lewat perintah "
    "xl-kinerja dan pustaka Python.")


def windows() -> bool:
    return sys.platform.startswith("win")


def _xlam_bawaan() -> Path:
    """macros/xl_kinerja.xlam of this checkout, else the copy shipped as xl_kinerja.macros."""
    checkout = Path(__file__).resolve().parents[2] / "macros" / NAMA_XLAM
    if checkout.is_file():
        return checkout
    try:
        return Path(str(resources.files("xl_kinerja.macros") / NAMA_XLAM))
    except (ImportError, TypeError):
        return checkout


def lokasi_xlam(berkas: Path | None = None) -> Path:
    """The add-in file: `berkas` if given, else the one shipped with xl-kinerja."""
    kandidat = Path(berkas) if berkas else _xlam_bawaan()
    if not kandidat.is_file():
        raise KesalahanBerkas("berkas add-in tidak ditemukan; sebutkan dengan --berkas",
                              berkas=kandidat)
    if berkas and kandidat.name != NAMA_XLAM:
        # the template's VBA derives the Python module from the file name
        raise KesalahanBerkas(f"nama berkas add-in harus {NAMA_XLAM}", berkas=kandidat)
    return kandidat


def _wajib_windows() -> None:
    if not windows():
        raise KesalahanInput(PESAN_BUKAN_WINDOWS.format(sistem=sys.platform))


def _xlwings(*argumen: str) -> int:
    return subprocess.call([sys.executable, "-m", "xlwings.cli", *argumen])


def pasang(berkas: Path | None = None) -> int:
    _wajib_windows()
    return _xlwings("addin", "install", "--file", str(lokasi_xlam(berkas)))


def lepas(berkas: Path | None = None) -> int:
    _wajib_windows()
    return _xlwings("addin", "remove", "--file", str(lokasi_xlam(berkas)))


def status(berkas: Path | None = None) -> list[str]:
    """Indonesian lines describing what can be known about the installation here."""
    import xlwings  # lazy: optional extra "addin"; the CLI runs without it
    baris = [f"sistem: {sys.platform}", f"xlwings: {xlwings.__version__}"]
    try:
        baris.append(f"berkas add-in: {lokasi_xlam(berkas)}")
    except KesalahanBerkas as e:
        baris.append(f"berkas add-in: tidak ditemukan ({e})")
    baris.append("modul UDF: xl_kinerja.addin.udf")
    if not windows():
        baris.append("Excel untuk Windows: tidak tersedia di sistem ini; add-in tidak dapat "
                     "dipasang di sini.")
        return baris
    try:
        from xlwings.cli import get_addin_dir  # lazy: optional extra "addin"
        folder = Path(get_addin_dir())
        terpasang = (folder / NAMA_XLAM).is_file()
        baris.append(f"folder XLSTART: {folder}")
        baris.append("add-in xl-kinerja: " + ("terpasang" if terpasang else "belum terpasang"))
        baris.append("add-in xlwings: " + ("terpasang" if (folder / "xlwings.xlam").is_file()
                                            else "belum terpasang (xlwings addin install)"))
    except Exception as e:  # noqa: BLE001 - Excel missing or not startable
        baris.append(f"Excel tidak dapat dijalankan: {type(e).__name__}: {e}")
    return baris
