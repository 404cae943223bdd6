"""LibreOffice headless: recalculate workbooks and print them to PDF.

openpyxl writes formulas without cached values, so a reader that only looks at cached
values (pandas, openpyxl `data_only=True`, a preview) sees blanks until a spreadsheet
program recalculates the file. `hitung_ulang` lets LibreOffice do that and saves the
result as xlsx again; `ke_pdf` prints workbooks to PDF (what a user would print).

Every call:
- runs ONE `soffice` process for all the files (starting LibreOffice costs seconds);
- uses a private, throw-away user profile (`-env:UserInstallation`), so several calls can
  run at the same time without colliding, and no user setting changes the result;
- writes into that profile `OOXMLRecalcMode = 0` ("always recalculate on load"), because
  LibreOffice's default for xlsx files is "never recalculate" (it trusts cached values,
  and openpyxl writes none), and the same for ODF files.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .berkas import tulis_atomik
from .errors import KesalahanBerkas, KesalahanInput, KesalahanXlKinerja

# 0 = always recalculate, 1 = never, 2 = ask (LibreOffice's Tools > Options > Calc > Formula).
_SETELAN = (  # (registry path, property, value)
    ("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode", "0"),
    ("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode", "0"),
    ("/org.openoffice.Office.Common/Misc", "FirstRun", "false"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
)
_REGISTRY = ("""<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
""" + "".join(f'<item oor:path="{p}"><prop oor:name="{n}" oor:op="fuse"><value>{v}</value></prop></item>\n'
              for p, n, v in _SETELAN)
             + "</oor:items>\n")

_NAMA_PROGRAM = ("soffice", "libreoffice")


def cari_soffice() -> str:
    """Path of the LibreOffice executable, or a clear error when it is not installed."""
    env = os.environ.get("XL_KINERJA_SOFFICE")
    if env:
        if shutil.which(env) or Path(env).is_file():
            return shutil.which(env) or env
        raise KesalahanXlKinerja(
            f"XL_KINERJA_SOFFICE menunjuk ke '{env}', tetapi program itu tidak ditemukan")
    for nama in _NAMA_PROGRAM:
        lokasi = shutil.which(nama)
        if lokasi:
            return lokasi
    raise KesalahanXlKinerja(
        "LibreOffice (perintah 'soffice') tidak ditemukan. Pasang LibreOffice "
        "(Debian/Ubuntu: apt-get install libreoffice-calc) atau isi variabel lingkungan "
        "XL_KINERJA_SOFFICE dengan lokasi program soffice.")


def tersedia() -> bool:
    try:
        cari_soffice()
        return True
    except KesalahanXlKinerja:
        return False


def _periksa_masukan(paths) -> list[Path]:
    daftar = [Path(p) for p in paths]
    nama = {}
    for p in daftar:
        if not p.is_file():
            raise KesalahanBerkas("berkas tidak ditemukan", berkas=p)
        stem = p.stem.lower()
        if stem in nama:
            raise KesalahanInput(
                f"dua berkas bernama sama '{p.stem}' ({nama[stem]} dan {p}); hasil konversi "
                "akan saling menimpa, beri nama berbeda", teks=str(p))
        nama[stem] = p
    return daftar


def _jalankan(paths: list[Path], folder_keluaran: Path, filter_: str, akhiran: str,
              batas_waktu: float | None) -> list[Path]:
    soffice = cari_soffice()
    folder_keluaran = Path(folder_keluaran)
    folder_keluaran.mkdir(parents=True, exist_ok=True)
    profil = Path(tempfile.mkdtemp(prefix="lo-xlk-"))
    kerja = Path(tempfile.mkdtemp(prefix="lo-xlk-out-"))
    try:
        user = profil / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
        perintah = [soffice, f"-env:UserInstallation={profil.as_uri()}", "--headless",
                    "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                    "--convert-to", filter_, "--outdir", str(kerja)]
        perintah += [str(p.resolve()) for p in paths]
        if batas_waktu is None:
            batas_waktu = 120 + 30 * len(paths)
        env = dict(os.environ)
        env.setdefault("SAL_USE_VCLPLUGIN", "svp")
        try:
            hasil = subprocess.run(perintah, capture_output=True,
                                   stdin=subprocess.DEVNULL, timeout=batas_waktu, env=env)
        except subprocess.TimeoutExpired:
            raise KesalahanXlKinerja(
                f"LibreOffice tidak selesai dalam {batas_waktu:.0f} detik") from None
        keluaran = []
        for p in paths:
            jadi = kerja / f"{p.stem}.{akhiran}"
            if not jadi.is_file():
                pesan = (hasil.stderr or hasil.stdout).decode("utf-8", "replace").strip()
                raise KesalahanBerkas(
                    f"LibreOffice gagal mengonversi berkas ini (kode {hasil.returncode}"
                    + (f": {pesan[-300:]}" if pesan else "") + ")", berkas=p)
            # through the one write path: atomic (a full disk leaves no half PDF), lock
            # files and links honoured; the caller decided about overwriting
            tujuan = folder_keluaran / jadi.name
            tulis_atomik(tujuan, lambda t, jadi=jadi: shutil.copyfile(jadi, t), timpa=True,
                         cadangan=False)
            keluaran.append(tujuan)
        return keluaran
    finally:
        shutil.rmtree(profil, ignore_errors=True)
        shutil.rmtree(kerja, ignore_errors=True)


def hitung_ulang(paths, folder_keluaran, *, batas_waktu: float | None = None) -> list[Path]:
    """Recalculate every workbook in `paths` with LibreOffice; save them as xlsx.

    Returns the new files (same base names, `.xlsx`) in `folder_keluaran`, in input
    order; their formula cells now carry cached values (read them with
    `openpyxl.load_workbook(p, data_only=True)`). Error values come back as text such
    as '#DIV/0!'. The input files are never modified. Base names must be distinct.
    """
    daftar = _periksa_masukan(paths)
    if not daftar:
        return []
    return _jalankan(daftar, Path(folder_keluaran), 'xlsx:Calc MS Excel 2007 XML', "xlsx",
                     batas_waktu)


def ke_pdf(paths, folder, *, batas_waktu: float | None = None) -> list[Path]:
    """Print every workbook in `paths` to PDF (recalculated, with its page setup)."""
    daftar = _periksa_masukan(paths)
    if not daftar:
        return []
    return _jalankan(daftar, Path(folder), "pdf:calc_pdf_Export", "pdf", batas_waktu)


def dokumen_ke_pdf(paths, folder, *, batas_waktu: float | None = None) -> list[Path]:
    """Print Word documents (.docx, e.g. the LKj) to PDF with LibreOffice Writer."""
    daftar = _periksa_masukan(paths)
    if not daftar:
        return []
    return _jalankan(daftar, Path(folder), "pdf:writer_pdf_Export", "pdf", batas_waktu)
