"""Safe file handling shared by every command that reads or writes a user's file.

- Reading goes through `buka_workbook`, which turns every way a file can be unusable
  (missing, not a zip, truncated, not a workbook) into a `KesalahanBerkas` in Indonesian.
  openpyxl parses XML through defusedxml when it is installed (it is a dependency), which
  is what makes opening an untrusted workbook (XML bomb, external entities) safe.
- Every other input file (table, catalog JSON, satker list) is read through
  `baca_masukan`: regular files only (a FIFO or /dev/zero would block or stream without
  end), at most `BATAS_BACA` bytes, errors in Indonesian. The limits on untrusted input
  that are not about a zip package live here too (`BATAS_SEL_CSV`, `BATAS_TEKS_SEL`).
- Writing goes through `tulis_atomik`: the content is written to a temporary file in the
  target's folder and moved over the target with `os.replace`, so a crash never leaves a
  half-written file and a user's file is replaced only by a complete one.
"""
from __future__ import annotations

import errno
import gc
import glob
import json
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
    periksa_masukan(path, "buku kerja")
    if not zipfile.is_zipfile(path):
        raise KesalahanBerkas(
            "bukan buku kerja Excel (.xlsx/.xlsm) atau berkasnya rusak/terpotong", berkas=path)
    periksa_zip(path, "buku kerja")
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



# ---------------------------------------------------------------- reading other inputs
MB = 1024 * 1024
BATAS_BACA = 20 * MB       # bytes of a table, catalog or list; real ones are a few hundred KB
BATAS_BACA_DOCX = 100 * MB  # a Word document (an LKj with photos can be tens of MB)
BATAS_SEL_CSV = 131_072    # characters of one CSV field (the csv module's own default)
BATAS_TEKS_SEL = 32_767    # characters of one cell: Excel's limit (openpyxl cuts silently)
BATAS_KEDALAMAN_JSON = 50  # nesting of a catalog JSON (a real one is 4 deep)
BATAS_ARGUMEN = 1_000      # characters of a text argument (--satker is a name)
# zip packages (xlsx, docx): generous for real ones (a 5.000-indicator Pengukuran sheet
# inflates to ~25 MB); ooxml/paket.py counts while inflating, `periksa_zip` checks the
# sizes zipfile itself enforces (it never returns more than a member's recorded size)
BATAS_BAGIAN = 100 * MB
BATAS_PAKET = 1024 * MB


def periksa_masukan(path: Path, apa: str = "berkas") -> os.stat_result:
    """A readable regular file, or a `KesalahanBerkas` saying what it is instead."""
    try:
        st = os.stat(path)
    except OSError as e:
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            raise KesalahanBerkas(f"{apa} tidak ditemukan", berkas=path) from None
        raise KesalahanBerkas(f"{apa} tidak dapat dibaca ({pesan_os(e)})", berkas=path) from None
    if stat.S_ISDIR(st.st_mode):
        bukan = apa if apa.startswith("berkas") else f"berkas {apa}"
        raise KesalahanBerkas(f"ini sebuah folder, bukan {bukan}", berkas=path)
    if not stat.S_ISREG(st.st_mode):
        raise KesalahanBerkas(f"bukan berkas biasa (pipa, soket atau perangkat); berikan {apa} "
                              "yang tersimpan di disk", berkas=path)
    try:  # a file without read permission is not "rusak": say what it is
        os.close(os.open(path, os.O_RDONLY))
    except OSError as e:
        raise KesalahanBerkas(f"{apa} tidak dapat dibaca ({pesan_os(e)})", berkas=path) from None
    return st


def baca_masukan(path: str | os.PathLike, apa: str = "berkas", batas: int = BATAS_BACA) -> bytes:
    """The bytes of an input file: regular files only, never more than `batas` bytes read
    (the size is checked before and while reading: a file still growing is caught too)."""
    path = Path(path)
    st = periksa_masukan(path, apa)
    if st.st_size > batas:
        mb = f"{st.st_size / MB:.1f}".replace(".", ",")
        raise KesalahanBerkas(f"{apa} terlalu besar ({mb} MB; batas {batas // MB} MB)",
                              berkas=path)
    try:
        with open(path, "rb") as f:
            data = f.read(batas + 1)
    except OSError as e:
        raise KesalahanBerkas(f"{apa} tidak dapat dibaca ({pesan_os(e)})", berkas=path) from None
    if len(data) > batas:
        raise KesalahanBerkas(f"{apa} terlalu besar (lebih dari {batas // MB} MB)", berkas=path)
    if not data:
        raise KesalahanBerkas(f"{apa} kosong", berkas=path)
    return data


def periksa_zip(path: Path, apa: str = "berkas") -> None:
    """Refuse a zip bomb before a library (openpyxl, python-docx) inflates it in memory:
    a member larger than `BATAS_BAGIAN` or a total over `BATAS_PAKET`, by recorded sizes
    (zipfile stops at those, so they bound what the library can get)."""
    try:
        with zipfile.ZipFile(path) as z:
            info = z.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return  # the library's own open then says what is wrong
    for i in info:
        if i.file_size > BATAS_BAGIAN:
            raise KesalahanBerkas(
                f"bagian {i.filename} terlalu besar setelah dibuka ({i.file_size // MB} MB; "
                f"batas {BATAS_BAGIAN // MB} MB): kemungkinan bom zip, {apa} tidak dibaca",
                berkas=path)
    total = sum(i.file_size for i in info)
    if total > BATAS_PAKET:
        raise KesalahanBerkas(f"isi {apa} terlalu besar setelah dibuka ({total // MB} MB; batas "
                              f"{BATAS_PAKET // MB} MB): kemungkinan bom zip", berkas=path)


# (BOM, codec) in the order they must be tried: UTF-32-LE's BOM starts with UTF-16-LE's
_BOM = [(b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")]


def dekode_teks(data: bytes, path, apa: str = "berkas teks") -> str:
    """Text of an input file: UTF-8 (with or without BOM), UTF-16/UTF-32 (Excel's "Unicode
    Text" export, Notepad's "Unicode"; with a BOM, or UTF-16 recognised by its zero bytes),
    else Windows-1252; anything else is a clear error naming the byte."""
    kodek = next((k for bom, k in _BOM if data.startswith(bom)), None)
    if kodek:
        data = data[len(next(b for b, k in _BOM if k == kodek)):]
    elif b"\x00" in data[:8192]:
        awal = data[:8192]
        genap, ganjil = awal[0::2].count(0), awal[1::2].count(0)
        if ganjil > len(awal) * 0.3 and genap == 0:
            kodek = "utf-16-le"
        elif genap > len(awal) * 0.3 and ganjil == 0:
            kodek = "utf-16-be"
        else:
            raise KesalahanBerkas(f"berkas biner, bukan {apa}", berkas=path)
    if kodek:
        try:
            return data.decode(kodek)
        except UnicodeDecodeError as e:
            raise KesalahanBerkas(f"{apa} {kodek.upper()} rusak (byte tidak sah di posisi "
                                  f"{e.start}); simpan ulang berkas sebagai UTF-8",
                                  berkas=path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise KesalahanBerkas(
            f"pengodean teks tidak dikenal (bukan UTF-8, UTF-16 maupun Windows-1252; byte "
            f"0x{data[e.start]:02X} di posisi {e.start}); simpan ulang berkas sebagai UTF-8",
            berkas=path) from None


# json's messages, in Indonesian (the position is added from the exception)
_PESAN_JSON = [
    ("Expecting value", "nilai yang diharapkan tidak ada"),
    ("Expecting property name enclosed in double quotes",
     "nama kunci harus di antara tanda kutip ganda"),
    ("Expecting ',' delimiter", "tanda koma (,) tidak ada"),
    ("Expecting ':' delimiter", "tanda titik dua (:) tidak ada"),
    ("Unterminated string starting at", "teks tanpa tanda kutip penutup"),
    ("Invalid control character at", "karakter kendali di dalam teks"),
    ("Invalid \\escape", "urutan escape (\\) tidak sah"),
    ("Invalid \\uXXXX escape", "urutan \\uXXXX tidak sah"),
    ("Extra data", "ada isi lain setelah akhir JSON"),
]


def baca_json(path: str | os.PathLike, apa: str = "berkas JSON",
              peringatan: list[str] | None = None):
    """A JSON input file (read through `baca_masukan`): a syntax error names line and
    column in Indonesian; nesting deeper than `BATAS_KEDALAMAN_JSON` is refused; control
    characters in texts are removed and texts longer than a cell (`BATAS_TEKS_SEL`) cut,
    each with a warning in `peringatan` naming the key (e.g. sasaran[0].nama)."""
    path = Path(path)
    teks = dekode_teks(baca_masukan(path, apa), path, apa)
    try:
        data = json.loads(teks)
    except json.JSONDecodeError as e:
        pesan = next((id_ for en, id_ in _PESAN_JSON if e.msg.startswith(en)),
                     "sintaks tidak sah")
        raise KesalahanBerkas(f"{apa} bukan JSON yang sah: {pesan} (baris {e.lineno}, kolom "
                              f"{e.colno})", berkas=path) from None
    except ValueError:  # after JSONDecodeError (a subclass): an integer over Python's limit
        raise KesalahanBerkas(f"{apa} memuat angka yang terlalu panjang (lebih dari "
                              f"{sys.get_int_max_str_digits()} angka)", berkas=path) from None
    except RecursionError:
        raise KesalahanBerkas(f"{apa} bersarang terlalu dalam (lebih dari "
                              f"{BATAS_KEDALAMAN_JSON} tingkat)", berkas=path) from None
    return _bersihkan_json(data, path, apa, peringatan)


def _bersihkan_json(data, path, apa, peringatan):
    """Walk the parsed JSON (iteratively: its depth is not trusted) cleaning texts."""
    akar = [data]
    tumpukan = [(akar, 0, "", 0)]
    while tumpukan:
        wadah, kunci, jalur, dalam = tumpukan.pop()
        if dalam > BATAS_KEDALAMAN_JSON:
            raise KesalahanBerkas(f"{apa} bersarang terlalu dalam (lebih dari "
                                  f"{BATAS_KEDALAMAN_JSON} tingkat, di {jalur})", berkas=path)
        v = wadah[kunci]
        if isinstance(v, str):
            wadah[kunci] = teks_sel(v, jalur or "teks", peringatan)
        elif isinstance(v, dict):
            for k in list(v):
                tumpukan.append((v, k, f"{jalur}.{k}" if jalur else str(k), dalam + 1))
        elif isinstance(v, list):
            for i in range(len(v)):
                tumpukan.append((v, i, f"{jalur}[{i}]", dalam + 1))
    return akar[0]


def teks_sel(teks: str, tempat: str, peringatan: list[str] | None = None) -> str:
    """Text from outside as it can go into a cell: control characters removed and text
    longer than Excel's cell limit cut, each with a warning naming `tempat`."""
    teks = bersihkan_kendali(teks, tempat, peringatan)
    if len(teks) > BATAS_TEKS_SEL:
        if peringatan is not None:
            peringatan.append(f"{tempat}: teks {len(teks):,} karakter dipotong menjadi "
                              f"{BATAS_TEKS_SEL:,} (batas satu sel Excel)".replace(",", "."))
        teks = teks[:BATAS_TEKS_SEL]
    return teks


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
        errno.EEXIST: "sudah ada berkas (bukan folder) dengan nama itu",
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
KENDALI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
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
    if not isinstance(teks, str) or not KENDALI.search(teks):
        return teks
    nama = sorted({nama_kendali(c) for c in KENDALI.findall(teks)})
    bersih = _URUTAN_ESC.sub("", teks)
    bersih = KENDALI.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", bersih)
    if peringatan is not None:
        peringatan.append(f"{tempat}: karakter kendali ({', '.join(nama)}) dibuang")
    return bersih
