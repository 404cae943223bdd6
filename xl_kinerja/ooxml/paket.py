"""Reading an OOXML package (the .xlsx/.xlsm ZIP) safely, opened once per run.

- One file descriptor for the whole run: the members read, the raw copies the zip writer
  makes and the check that nobody replaced the file meanwhile all see the same file.
- Zip bombs: every member is inflated through a counter; a part larger than
  `BATAS_BAGIAN` once inflated, or more than `BATAS_PAKET` inflated in total, stops the
  read (the declared sizes are checked first but not trusted alone).
- XML through defusedxml only (entity bombs, external entities, DTDs refused).
"""
from __future__ import annotations

import os
import posixpath
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DET

from ..berkas import BATAS_BAGIAN, BATAS_PAKET, MB, pesan_os  # the caps live in berkas.py
from ..errors import KesalahanBerkas
from .skema import RT_OFFICE, lokal


def rels_dari(bagian: str) -> str:
    """'xl/workbook.xml' -> 'xl/_rels/workbook.xml.rels'; '' -> '_rels/.rels'."""
    d, b = posixpath.split(bagian)
    return posixpath.join(d, "_rels", b + ".rels")


def pemilik_rels(nama: str) -> str | None:
    """'xl/_rels/workbook.xml.rels' -> 'xl/workbook.xml'; '_rels/.rels' -> ''."""
    d, b = posixpath.split(nama)
    if posixpath.basename(d) != "_rels" or not b.endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(d), b[:-5])


def target_bagian(sumber: str, target: str) -> str:
    """The part a relationship Target of part `sumber` points to."""
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(sumber), target)).lstrip("/")


def _mb(n: int) -> str:
    return f"{n // MB} MB"


class _Terbatas:
    """A member's inflated stream that counts bytes and stops at the caps."""

    def __init__(self, paket: Paket, nama: str, f):
        self.paket, self.nama, self.f, self.n = paket, nama, f, 0

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = BATAS_BAGIAN + 1 - self.n
        try:
            data = self.f.read(n)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as e:
            raise KesalahanBerkas(f"bagian {self.nama} rusak ({_sebab(e)})",
                                  berkas=self.paket.path) from None
        self.n += len(data)
        self.paket._hitung(self.nama, self.n, len(data))
        return data

    def close(self):
        self.f.close()


def _sebab(e: Exception) -> str:
    """Why a member cannot be inflated, in Indonesian (zlib/zipfile speak English)."""
    if isinstance(e, OSError) and not isinstance(e, zipfile.BadZipFile) and e.errno:
        return pesan_os(e)
    if isinstance(e, NotImplementedError):
        return "metode kompresi tidak didukung"
    return "data terkompresi tidak utuh atau salah"


class Paket:
    """An open package: members, capped reads, XML, relationships."""

    def __init__(self, path):
        self.path = Path(path)
        if not self.path.exists():
            raise KesalahanBerkas("berkas tidak ditemukan", berkas=self.path)
        if self.path.is_dir():
            raise KesalahanBerkas("ini sebuah folder, bukan berkas buku kerja", berkas=self.path)
        # a FIFO or a device would block open() or stream without end: regular files only
        if not self.path.is_file():
            raise KesalahanBerkas("bukan berkas biasa (pipa, soket atau perangkat); buku kerja "
                                  "harus berkas .xlsx/.xlsm", berkas=self.path)
        try:
            self.fp = open(self.path, "rb")
        except OSError as e:
            raise KesalahanBerkas(f"berkas tidak dapat dibaca ({pesan_os(e)})",
                                  berkas=self.path) from None
        try:
            self.stat = os.fstat(self.fp.fileno())
            self.zip = zipfile.ZipFile(self.fp)
            self.info = {i.filename: i for i in self.zip.infolist()}
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, OverflowError):
            self.fp.close()
            raise KesalahanBerkas("bukan buku kerja Excel (.xlsx/.xlsm) atau berkasnya "
                                  "rusak/terpotong", berkas=self.path) from None
        self._lower = {n.lower(): n for n in self.info}
        self._rels: dict[str, list] = {}
        self._total = 0

    # -- lifetime
    def close(self):
        self.zip.close()
        self.fp.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()

    @classmethod
    def atau_buka(cls, sumber):
        """(package, opened here?) for functions taking a path or an open package."""
        if isinstance(sumber, cls):
            return sumber, False
        return cls(sumber), True

    def berubah(self) -> bool:
        """Was the file replaced or modified since it was opened (another program or a
        concurrent rekap)?"""
        try:
            st = os.stat(self.path)
        except OSError:
            return True
        return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns) != (
            self.stat.st_ino, self.stat.st_dev, self.stat.st_size, self.stat.st_mtime_ns)

    # -- members
    def ada(self, nama: str) -> str | None:
        """The member's stored name (ZIP names are matched case-insensitively)."""
        return self._lower.get(nama.lower())

    def _hitung(self, nama: str, n_bagian: int, tambah: int) -> None:
        self._total += tambah
        if n_bagian > BATAS_BAGIAN:
            raise KesalahanBerkas(
                f"bagian {nama} terlalu besar setelah dibuka (lebih dari {_mb(BATAS_BAGIAN)}); "
                "berkas ini tidak dibaca (mungkin 'bom zip' atau rusak)", berkas=self.path)
        if self._total > BATAS_PAKET:
            raise KesalahanBerkas(
                f"isi buku kerja terlalu besar setelah dibuka (lebih dari {_mb(BATAS_PAKET)}); "
                "berkas ini tidak dibaca (mungkin 'bom zip' atau rusak)", berkas=self.path)

    def buka(self, nama: str) -> _Terbatas:
        """A capped stream of the member's inflated bytes."""
        asli = self.ada(nama)
        if asli is None:
            raise KesalahanBerkas(f"bagian {nama} tidak ada di paket", berkas=self.path)
        info = self.info[asli]
        if info.file_size > BATAS_BAGIAN:  # declared: refuse without inflating anything
            self._hitung(asli, info.file_size, 0)
        if info.flag_bits & 0x1:
            raise KesalahanBerkas(f"bagian {asli} terenkripsi; tidak dapat dibaca",
                                  berkas=self.path)
        try:
            return _Terbatas(self, asli, self.zip.open(info))
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as e:
            raise KesalahanBerkas(f"bagian {asli} rusak ({_sebab(e)})",
                                  berkas=self.path) from None

    def baca(self, nama: str) -> bytes:
        f = self.buka(nama)
        try:
            keping = []
            while True:
                k = f.read(1 << 20)
                if not k:
                    return b"".join(keping)
                keping.append(k)
        finally:
            f.close()

    def akar(self, nama: str):
        """The parsed root of an XML member (defusedxml)."""
        return self._urai(nama, self.baca(nama))

    def _urai(self, nama, data):
        try:
            return DET.fromstring(data)
        except Exception as e:  # DTD/entity bombs, external entities, broken XML
            raise self._salah_xml(nama, e) from None

    def _salah_xml(self, nama: str, e: Exception) -> KesalahanBerkas:
        if isinstance(e, KesalahanBerkas):
            return e
        if isinstance(e, DefusedXmlException):
            sebab = "memuat DTD atau deklarasi entitas, yang ditolak demi keamanan"
        else:
            posisi = getattr(e, "position", None)
            sebab = "bukan XML yang sah" + (f" (baris {posisi[0]})" if posisi else "")
        return KesalahanBerkas(f"isi buku kerja tidak dapat dibaca dengan aman: bagian {nama} "
                               f"{sebab}", berkas=self.path)

    def xml(self, nama: str):
        """(text, parsed root) of an XML member, for text splices."""
        data = self.baca(nama)
        akar = self._urai(nama, data)
        try:
            teks = data.decode("utf-8")
        except UnicodeDecodeError:
            raise KesalahanBerkas(f"bagian {nama} bukan UTF-8; tidak dapat disunting dengan "
                                  "aman", berkas=self.path) from None
        return teks.removeprefix("\ufeff"), akar

    def iterparse(self, nama: str, peristiwa=("end",)):
        """Stream an XML member (defusedxml iterparse over the capped stream)."""
        f = self.buka(nama)
        try:
            try:
                yield from DET.iterparse(f, peristiwa)
            except Exception as e:
                raise self._salah_xml(nama, e) from None
        finally:
            f.close()

    # -- relationships
    def rels(self, bagian: str) -> list[tuple[str, str, str | None, dict]]:
        """Relationships of a part ('' = package): (Id, Type, target part or None, attrs)."""
        if bagian in self._rels:
            return self._rels[bagian]
        rp = rels_dari(bagian)
        hasil = []
        if self.ada(rp):
            for el in self.akar(rp):
                if lokal(el.tag) != "Relationship":
                    continue
                a = el.attrib
                tujuan = None
                if a.get("TargetMode") != "External":
                    tujuan = target_bagian(bagian, a.get("Target", ""))
                hasil.append((a.get("Id", ""), a.get("Type", ""), tujuan, dict(a)))
        self._rels[bagian] = hasil
        return hasil

    def bagian_buku(self) -> str:
        """The workbook part (officeDocument of the package rels)."""
        for _, jenis, tujuan, _ in self.rels(""):
            if jenis == RT_OFFICE and tujuan and self.ada(tujuan):
                return self.ada(tujuan)
        raise KesalahanBerkas("bukan buku kerja Excel (paket tidak memiliki bagian buku "
                              "kerja)", berkas=self.path)
