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

import errno
import gc
import glob
import os
import re
import shutil
import stat
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

try:  # POSIX; elsewhere stale temporary files are told apart by age only
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from .errors import KesalahanBerkas


def pastikan_xml_aman() -> None:
    """Refuse to read workbooks if openpyxl would parse XML without defusedxml."""
    from openpyxl import xml as openpyxl_xml  # lazy: openpyxl stays off the CLI start-up

    if not getattr(openpyxl_xml, "DEFUSEDXML", False):
        raise KesalahanBerkas(
            "paket defusedxml tidak terpasang; buku kerja tidak dibaca demi keamanan "
            "(pasang ulang xl-kinerja: pip install xl-kinerja)")


def buka_workbook(path: str | os.PathLike, **opsi):
    """Open an xlsx/xlsm with openpyxl; any failure becomes a `KesalahanBerkas`.

    `opsi` go to `openpyxl.load_workbook` (data_only, read_only, keep_vba, ...).
    """
    # lazy: openpyxl (and numpy with it) stays off the CLI start-up (cli imports berkas)
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



# ---------------------------------------------------------------- writing
# Temporary files are ".NAME.xxxxxxxx.tmp" next to NAME (tempfile's 8 random characters);
# a run holds an flock on its own while writing, which is how a later run tells the file
# of a killed run (unlocked, older than the later run) from one still being written.
_MULAI = time.time()
_ACAK = r"[a-z0-9_]{8}"


def pesan_os(e: OSError) -> str:
    """An OSError as Indonesian text (never the English strerror)."""
    teks = {
        errno.ENOSPC: "ruang disk tidak cukup (disk penuh)",
        errno.EDQUOT: "kuota disk habis",
        errno.EROFS: "media hanya-baca (tidak dapat ditulisi)",
        errno.EACCES: "izin ditolak",
        errno.EPERM: "izin ditolak",
        errno.ENOENT: "berkas atau folder tidak ditemukan",
        errno.EISDIR: "ini sebuah folder, bukan berkas",
        errno.ENOTDIR: "salah satu bagian jalurnya bukan folder",
        errno.ENAMETOOLONG: "nama berkas terlalu panjang",
        errno.EIO: "kesalahan perangkat saat membaca/menulis (I/O)",
        errno.EFBIG: "berkas terlalu besar untuk sistem berkas ini",
        errno.ELOOP: "tautan simbolik berputar (menunjuk dirinya sendiri)",
        errno.EMFILE: "terlalu banyak berkas terbuka",
        errno.ENFILE: "terlalu banyak berkas terbuka",
        errno.EBUSY: "berkas sedang dipakai",
        errno.ETXTBSY: "berkas sedang dipakai",
        errno.EXDEV: "tidak dapat dipindahkan antar-perangkat",
        errno.EINVAL: "nama atau argumen berkas tidak sah",
        errno.ENXIO: "perangkat tidak tersedia",
    }.get(e.errno)
    if teks is None:
        kode = errno.errorcode.get(e.errno, str(e.errno)) if e.errno else type(e).__name__
        teks = f"kesalahan sistem berkas ({kode})"
    return teks


def berkas_kunci(path: Path) -> list[Path]:
    """Lock files an office program keeps next to an open workbook (Excel, LibreOffice)."""
    return [path.with_name("~$" + path.name), path.with_name(f".~lock.{path.name}#")]


def cek_terkunci(path: Path) -> None:
    """Refuse a file that Excel or LibreOffice has open (its lock file exists)."""
    for kunci in berkas_kunci(path):
        if os.path.lexists(kunci):
            raise KesalahanBerkas("berkas sedang dibuka di program lain (ada berkas kunci "
                                  f"{kunci.name}); tutup dulu lalu ulangi", berkas=path)


def sama(a: Path, b: Path) -> bool:
    """True when `a` and `b` name the same file (symlinks and hard links included)."""
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def periksa_keluaran(tujuan: str | os.PathLike, *, masukan=(), timpa: bool = False,
                     di_tempat: bool = False) -> Path:
    """Every check on a write target, done before any (slow or failing) work.

    Returns the path really written: a symlink is resolved so its target is updated and
    the link kept. Refused: an existing file without `timpa` (unless `di_tempat`: the
    command updates its own input), a target equal to one of `masukan` (the inputs of
    the run) unless `di_tempat`, a folder or special file, a file open in Excel or
    LibreOffice (lock file), a read-only file, and a file with several hard links
    (replacing it would split them: the other names would keep the old content).
    """
    tujuan = Path(tujuan)
    nyata = Path(os.path.realpath(tujuan))
    if not di_tempat:
        for m in masukan:
            if m is not None and sama(tujuan, Path(m)):
                raise KesalahanBerkas(
                    f"berkas keluaran sama dengan berkas masukan ({m}); berkas masukan tidak "
                    "ditimpa. Pilih nama keluaran lain", berkas=tujuan)
    if nyata.is_dir():
        raise KesalahanBerkas("sudah ada folder dengan nama ini; berikan nama berkas keluaran",
                              berkas=tujuan)
    if os.path.lexists(nyata) or os.path.lexists(tujuan):
        if not os.path.exists(nyata):
            pass  # a dangling symlink: its target is created
        elif not nyata.is_file():
            raise KesalahanBerkas("keluaran bukan berkas biasa (perangkat, pipa atau soket); "
                                  "berikan nama berkas lain", berkas=tujuan)
        else:
            if not timpa and not di_tempat:
                raise KesalahanBerkas("berkas keluaran sudah ada; gunakan --timpa untuk "
                                      "menimpanya", berkas=tujuan)
            cek_terkunci(tujuan)
            if nyata != Path(os.path.abspath(tujuan)):
                cek_terkunci(nyata)
            st = nyata.stat()
            if not os.access(nyata, os.W_OK) or not st.st_mode & 0o222:
                raise KesalahanBerkas("berkas hanya-baca; tidak ditimpa (ubah izinnya dulu "
                                      "atau tulis ke berkas lain)", berkas=tujuan)
            if st.st_nlink > 1:
                raise KesalahanBerkas(
                    f"berkas ini mempunyai {st.st_nlink} nama (tautan keras/hard link); "
                    "menimpanya akan memisahkan nama-nama itu (nama lain tetap berisi yang "
                    "lama). Salin berkasnya menjadi berkas biasa atau tulis ke berkas lain",
                    berkas=tujuan)
    return nyata


def _kunci_fd(fd: int) -> bool:
    """Take an exclusive lock on an open file without waiting; True when taken."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def bersihkan_sisa(tujuan: Path) -> list[Path]:
    """Remove temporary files that killed runs left next to `tujuan` (and its .bak).

    Only files of this program's naming pattern, owned by this user, older than this run
    and not locked by a running writer are removed. Returns what was removed."""
    hapus = []
    folder = tujuan.parent
    for nama in (tujuan.name, tujuan.name + ".bak"):
        pola = re.compile(r"\." + re.escape(nama) + r"\." + _ACAK + r"\.tmp")
        try:
            calon = [p for p in folder.glob("." + glob.escape(nama) + ".*.tmp")
                     if pola.fullmatch(p.name)]
        except OSError:
            return hapus
        for p in calon:
            try:
                st = os.lstat(p)
                if not stat.S_ISREG(st.st_mode) or st.st_mtime >= _MULAI or \
                        (hasattr(os, "geteuid") and st.st_uid != os.geteuid()):
                    continue
                fd = os.open(p, os.O_RDONLY)
                try:
                    if _kunci_fd(fd):
                        os.unlink(p)
                        hapus.append(p)
                finally:
                    os.close(fd)
            except OSError:
                continue
    return hapus


def _buat_tmp(tujuan: Path) -> tuple[Path, int]:
    """A locked, empty temporary file next to `tujuan` (see the naming note above)."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{tujuan.name}.", suffix=".tmp", dir=tujuan.parent)
    except OSError as e:
        raise KesalahanBerkas(f"tidak dapat menulis di folder ini ({pesan_os(e)})",
                              berkas=tujuan.parent) from None
    _kunci_fd(fd)
    return Path(tmp), fd


def _lepas_sisa(e: BaseException) -> None:
    """Close now, silently, what a failed writer left open (a half-written ZipFile would
    otherwise try to finish itself at exit and print a traceback from ZipFile.__del__)."""
    lama = sys.unraisablehook
    sys.unraisablehook = lambda _u: None
    try:
        traceback.clear_frames(e.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = lama


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _cadangkan(nyata: Path) -> Path:
    """Copy `nyata` to NAME.bak atomically: the old .bak stays until the new is complete."""
    bak = nyata.with_name(nyata.name + ".bak")
    tmp, fd = _buat_tmp(bak)
    try:
        shutil.copyfile(nyata, tmp)
        shutil.copystat(nyata, tmp)
        os.fsync(fd)
        os.replace(tmp, bak)
    except BaseException as e:
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise KesalahanBerkas(f"salinan cadangan tidak dapat dibuat ({pesan_os(e)}); "
                                  "berkas asli tidak diubah", berkas=bak) from None
        raise
    finally:
        os.close(fd)
    return bak


def tulis_atomik(tujuan: str | os.PathLike, tulis: Callable[[Path], None], *,
                 timpa: bool = False, masukan=(), di_tempat: bool = False,
                 cadangan: bool = True) -> Path:
    """THE write path of every command: `tulis(tmp)` fills a temporary file, which then
    replaces `tujuan` in one rename.

    Checks first (`periksa_keluaran`: overwrite only with `timpa`, never an input, no
    locked, read-only or hard-linked file, symlinks resolved). An existing file is first
    kept as NAME.bak (atomically) when `cadangan`. On any failure the temporary file is
    removed and `tujuan` (and its old .bak) are untouched; an OSError (disk full, no
    permission) becomes a `KesalahanBerkas` in Indonesian. Returns the path written.
    """
    tujuan = Path(tujuan)
    nyata = periksa_keluaran(tujuan, masukan=masukan, timpa=timpa, di_tempat=di_tempat)
    try:
        nyata.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise KesalahanBerkas(f"folder keluaran tidak dapat dibuat ({pesan_os(e)})",
                              berkas=nyata.parent) from None
    bersihkan_sisa(nyata)
    tmp, fd = _buat_tmp(nyata)
    try:
        tulis(tmp)
        _fsync(tmp)
        ada = os.path.exists(nyata)
        if ada:  # a lock may have appeared during a long write: check again, then keep a copy
            periksa_keluaran(tujuan, masukan=masukan, timpa=True, di_tempat=di_tempat)
            os.chmod(tmp, nyata.stat().st_mode & 0o777)
            if cadangan:
                _cadangkan(nyata)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, nyata)
    except BaseException as e:
        _lepas_sisa(e)
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise KesalahanBerkas(f"berkas tidak dapat ditulis ({pesan_os(e)}); berkas lama "
                                  "tidak diubah" if os.path.exists(nyata) else
                                  f"berkas tidak dapat ditulis ({pesan_os(e)})",
                                  berkas=tujuan) from None
        raise
    finally:
        os.close(fd)
    return nyata


# ---------------------------------------------------------------- text from outside
# C0 controls except tab/newline/CR, DEL, C1 controls, lone surrogates (invalid UTF-8 or a
# JSON "\udc80"); a whole ANSI/VT escape sequence goes at once so no "[31m" is left over.
_URUTAN_ESC = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])?")
_KENDALI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMA_KENDALI = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0b: "VT", 0x0c: "FF", 0x1b: "ESC",
                 0x7f: "DEL"}


def nama_kendali(c: str) -> str:
    """'\\x1b' -> 'ESC', '\\x01' -> 'U+0001' (how a warning names the character)."""
    if 0xd800 <= ord(c) <= 0xdfff:
        return "byte bukan UTF-8"
    return _NAMA_KENDALI.get(ord(c), f"U+{ord(c):04X}")


def bersihkan_kendali(teks: str, tempat: str, peringatan: list[str] | None = None) -> str:
    """`teks` without control characters (a vertical tab or form feed, Word's manual line
    break, becomes a space); a warning naming `tempat` (cell, field, argument) is added to
    `peringatan` when anything was removed."""
    if not isinstance(teks, str) or not _KENDALI.search(teks):
        return teks
    nama = sorted({nama_kendali(c) for c in _KENDALI.findall(teks)})
    bersih = _URUTAN_ESC.sub("", teks)
    bersih = _KENDALI.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", bersih)
    if peringatan is not None:
        peringatan.append(f"{tempat}: karakter kendali ({', '.join(nama)}) dibuang")
    return bersih
