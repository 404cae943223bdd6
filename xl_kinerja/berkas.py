"""Safe file handling shared by every command that reads or writes a user's file.

- Reading goes through `buka_workbook`, which turns every way a file can be unusable
  (missing, not a zip, truncated, not a workbook) into a `KesalahanBerkas` in Indonesian.
  openpyxl parses XML through defusedxml when it is installed (it is a dependency), which
  is what makes opening an untrusted workbook (XML bomb, external entities) safe.
- Writing goes through `tulis_atomik`: the content is written to a temporary file in the
  target's folder and moved over the target with `os.replace`, so a crash never leaves a
  half-written file and a user's file is replaced only by a complete one.
"""
from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path
from typing import Callable

from .errors import KesalahanBerkas


def pastikan_xml_aman() -> None:
    """Refuse to read workbooks if openpyxl would parse XML without defusedxml."""
    from openpyxl import xml as openpyxl_xml

    if not getattr(openpyxl_xml, "DEFUSEDXML", False):
        raise KesalahanBerkas(
            "paket defusedxml tidak terpasang; buku kerja tidak dibaca demi keamanan "
            "(pasang ulang xl-kinerja: pip install xl-kinerja)")


def buka_workbook(path: str | os.PathLike, **opsi):
    """Open an xlsx/xlsm with openpyxl; any failure becomes a `KesalahanBerkas`.

    `opsi` go to `openpyxl.load_workbook` (data_only, read_only, keep_vba, ...).
    """
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.exists():
        raise KesalahanBerkas("berkas tidak ditemukan", berkas=path)
    if path.is_dir():
        raise KesalahanBerkas("ini sebuah folder, bukan berkas buku kerja", berkas=path)
    if not zipfile.is_zipfile(path):
        raise KesalahanBerkas(
            "bukan buku kerja Excel (.xlsx/.xlsm) atau berkasnya rusak/terpotong", berkas=path)
    pastikan_xml_aman()
    try:
        return openpyxl.load_workbook(path, **opsi)
    except PermissionError:
        raise KesalahanBerkas("berkas tidak dapat dibaca (izin ditolak atau sedang dikunci)",
                              berkas=path) from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, EOFError, OSError) as e:
        raise KesalahanBerkas(f"buku kerja rusak atau bukan format Excel ({e})",
                              berkas=path) from None
    except Exception as e:  # defusedxml / parser errors from a hostile or broken part
        raise KesalahanBerkas(
            f"isi buku kerja tidak dapat dibaca dengan aman ({type(e).__name__}: {e})",
            berkas=path) from None


def tulis_atomik(tujuan: str | os.PathLike, tulis: Callable[[Path], None], *,
                 timpa: bool = False) -> Path:
    """Write `tujuan` by calling `tulis(tmp_path)` and then moving tmp over `tujuan`.

    Without `timpa`, an existing `tujuan` is an error (nothing is written). On any
    exception the temporary file is removed and `tujuan` is untouched.
    """
    tujuan = Path(tujuan)
    if tujuan.exists() and not timpa:
        raise KesalahanBerkas("berkas keluaran sudah ada; gunakan --timpa untuk menimpanya",
                              berkas=tujuan)
    folder = tujuan.parent if str(tujuan.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise KesalahanBerkas(f"folder keluaran tidak dapat dibuat ({e.strerror})",
                              berkas=folder) from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{tujuan.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise KesalahanBerkas(f"tidak dapat menulis di folder ini ({e.strerror})",
                              berkas=folder) from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        tulis(tmp_path)
        if tujuan.exists():  # keep the user's permission bits on replace
            os.chmod(tmp_path, tujuan.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_path, 0o666 & ~umask)
        os.replace(tmp_path, tujuan)
    except PermissionError:
        tmp_path.unlink(missing_ok=True)
        raise KesalahanBerkas("berkas tidak dapat ditulis (izin ditolak, hanya-baca, atau "
                              "sedang dibuka program lain)", berkas=tujuan) from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return tujuan
