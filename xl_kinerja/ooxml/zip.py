"""A minimal ZIP writer: members copied byte for byte as stored, new ones deflated."""
from __future__ import annotations

import datetime as _dt
import struct
import zipfile
import zlib

from ..errors import KesalahanBerkas


def waktu_zip(dibuat: str):
    try:
        t = _dt.datetime.strptime(dibuat, "%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        t = _dt.datetime.now()
    return (max(t.year, 1980), t.month, t.day, t.hour, t.minute, t.second)


class PenulisZip:
    """Minimal ZIP writer: raw copy of stored members, deflate for new ones (no ZIP64)."""

    def __init__(self, fp, sumber_fp):
        self.fp = fp
        self.sumber = sumber_fp
        self.pusat = []

    def _catat(self, nama: str, flag: int, metode: int, waktu, crc: int, ukuran_k: int,
               ukuran: int, atribut_luar: int = 0, komentar: bytes = b""):
        b = nama.encode("utf-8")
        if not nama.isascii():
            flag |= 0x800
        else:
            flag &= ~0x800
        dt = waktu
        tanggal = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
        jam = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
        posisi = self.fp.tell()
        if max(posisi, ukuran_k, ukuran) >= 0xFFFFFFFF:
            raise KesalahanBerkas("buku kerja terlalu besar untuk penulis rekap (>4 GB)")
        self.fp.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, flag, metode, jam,
                                  tanggal, crc, ukuran_k, ukuran, len(b), 0) + b)
        self.pusat.append(struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, flag,
                                      metode, jam, tanggal, crc, ukuran_k, ukuran, len(b), 0,
                                      len(komentar), 0, 0, atribut_luar, posisi)
                          + b + komentar)

    def salin(self, info: zipfile.ZipInfo):
        """Copy a member's compressed bytes exactly as stored in the source."""
        if info.flag_bits & 0x1:
            raise KesalahanBerkas("buku kerja berisi bagian terenkripsi; tidak dapat disalin")
        self.sumber.seek(info.header_offset)
        kepala = self.sumber.read(30)
        if len(kepala) != 30 or kepala[:4] != b"PK\x03\x04":
            raise KesalahanBerkas(f"bagian {info.filename} rusak (kepala lokal ZIP)")
        n, m = struct.unpack("<2H", kepala[26:30])
        self.sumber.seek(info.header_offset + 30 + n + m)
        data = self.sumber.read(info.compress_size)
        if len(data) != info.compress_size:
            raise KesalahanBerkas(f"bagian {info.filename} terpotong")
        # keep only the flags that describe the data (compression option bits 1-2)
        self._catat(info.filename, info.flag_bits & 0x6, info.compress_type, info.date_time,
                    info.CRC, info.compress_size, info.file_size, info.external_attr,
                    info.comment)
        self.fp.write(data)

    def tulis(self, nama: str, data: bytes, waktu):
        k = zlib.compressobj(6, zlib.DEFLATED, -15)
        padat = k.compress(data) + k.flush()
        self._catat(nama, 0, zipfile.ZIP_DEFLATED, waktu, zlib.crc32(data), len(padat),
                    len(data), 0o600 << 16)
        self.fp.write(padat)

    def tutup(self, komentar: bytes = b""):
        awal = self.fp.tell()
        for p in self.pusat:
            self.fp.write(p)
        ukuran = self.fp.tell() - awal
        if len(self.pusat) >= 0xFFFF:
            raise KesalahanBerkas("buku kerja berisi terlalu banyak bagian untuk penulis rekap")
        self.fp.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(self.pusat),
                                  len(self.pusat), ukuran, awal, len(komentar)) + komentar)
