"""One satker's file -> its computed quarter (the worker every process runs).

The workbook is read with the rekap's reader and computed with the rekap's engine
(`hitung_rekap`): no cached value is trusted, and a consolidated figure is by construction
the satker's own `rekap --format json` figure. Only the computed rows leave the worker
(never a workbook), so memory stays flat however many files are consolidated.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import nama as N
from ..berkas import buka_workbook
from ..errors import KesalahanXlKinerja
from ..predikat import Skala, predikat
from ..rekap.mesin import _skala, baca_nilai, hitung_rekap

# Masalah.jenis: why a file (or an expected satker) is not in the consolidation.
JENIS_MASALAH = {
    "belum_lapor": "belum lapor (tidak ada berkas)",
    "tidak_ditemukan": "berkas tidak ditemukan",
    "bukan_excel": "bukan buku kerja Excel",
    "bukan_xl_kinerja": "bukan buku kerja xl-kinerja",
    "rusak": "rusak atau tidak terbaca",
    "tahun_lain": "tahun anggaran lain",
    "triwulan_kosong": "triwulan belum diisi",
    "ganda": "berkas ganda",
    "daftar_salah": "baris daftar satker tidak terbaca",
    "di_luar_daftar": "tidak ada di daftar satker",  # a note only: the satker IS consolidated
}


@dataclass
class Masalah:
    """A file skipped (or an expected satker missing), with the reason in Indonesian."""
    jenis: str
    alasan: str
    berkas: str = ""
    satker: str = ""
    dilewati: bool = True  # False: a note, the satker is still in the consolidation

    def ke_dict(self) -> dict:
        return {"jenis": self.jenis, "keterangan": JENIS_MASALAH[self.jenis],
                "satker": self.satker, "berkas": self.berkas, "alasan": self.alasan,
                "dilewati": self.dilewati}


@dataclass
class HasilSatker:
    """The figures of one satker's quarter (all from `hitung_rekap`)."""
    indeks: int                # position in the input (results come back in any order)
    berkas: str                # file name
    path: str
    satker: str
    tahun: object
    versi_format: str | None
    disimpan: str | None       # docProps/core.xml dcterms:modified (ISO 8601), if any
    capaian_satker: float | None
    predikat_satker: str | None
    jumlah_predikat: dict
    target_serapan: float | None
    realisasi_kosong: int      # indicators with a target this quarter and no realisasi
    jumlah_temuan: int
    terisi: bool               # any realisasi (kinerja or anggaran) in the quarter
    skala: Skala | None = None  # the workbook's own predikat scale (Referensi)
    # (kode_sasaran, kode, indikator, satuan, jenis, target, realisasi, capaian, predikat)
    indikator: list[tuple] = field(default_factory=list)
    # program/kegiatan/jumlah rows: (kode, uraian, tingkat, pagu, realisasi, persen)
    anggaran: list[tuple] = field(default_factory=list)

    @property
    def total_anggaran(self) -> tuple | None:
        return next((a for a in self.anggaran if a[2] == "jumlah"), None)


KOLOM_INDIKATOR = ("kode_sasaran", "kode", "indikator", "satuan", "jenis", "target",
                   "realisasi", "capaian", "predikat")
KOLOM_ANGGARAN = ("kode", "uraian", "tingkat", "pagu", "realisasi", "persen")
_TINGKAT_DIKONSOLIDASI = ("program", "kegiatan", "jumlah")

_DIUBAH = re.compile(rb"<dcterms:modified\b[^>]*>([^<]+)</dcterms:modified>")


def waktu_simpan(path: Path) -> str | None:
    """When the file was last saved, as its package metadata says (docProps/core.xml
    dcterms:modified, written by Excel, LibreOffice and openpyxl); None when absent."""
    try:
        with zipfile.ZipFile(path) as z:
            try:
                xml = z.read("docProps/core.xml")
            except KeyError:
                return None
    except (OSError, zipfile.BadZipFile):
        return None
    m = _DIUBAH.search(xml)
    return m.group(1).decode("ascii", "replace").strip() if m else None


def _versi_format(path: Path) -> str | None:
    """Info_Format of the workbook, None when the name is absent (not one of ours)."""
    # TODO(kontrak): take the format version from the contract reader once it is on main
    wb = buka_workbook(path, read_only=True)
    try:
        dn = wb.defined_names.get(N.INFO_FORMAT)
        if dn is None:
            return None
        tujuan = list(dn.destinations)
        if len(tujuan) != 1 or tujuan[0][0] not in wb.sheetnames:
            return ""
        lembar, ref = tujuan[0]
        sel = ref.replace("$", "")
        for baris in wb[lembar][f"{sel}:{sel}"]:
            for s in baris:
                return "" if s.value is None else str(s.value).strip()
        return ""
    finally:
        wb.close()


def olah_berkas(indeks: int, path, triwulan: int) -> HasilSatker | Masalah:
    """Read and compute one file; every way it can fail becomes a `Masalah` (never raises
    for a bad file: one bad file must not stop the others)."""
    path = Path(path)
    nama = path.name
    if not zipfile.is_zipfile(path):
        return Masalah("bukan_excel", "berkas ini bukan buku kerja .xlsx/.xlsm (bukan paket "
                       "ZIP) atau terpotong/rusak", berkas=nama)
    try:
        versi = _versi_format(path)
        if versi is None:
            return Masalah("bukan_xl_kinerja", "buku kerja Excel ini tidak dibuat dengan "
                           "xl-kinerja (nama terdefinisi Info_Format tidak ada)", berkas=nama)
        data = baca_nilai(path)
        data.berkas = nama
        rk = hitung_rekap(data, triwulan, dibuat="-")
        skala = _skala(data)
    except KesalahanXlKinerja as e:
        return Masalah("rusak", getattr(e, "pesan", str(e)), berkas=nama)
    except Exception as e:  # noqa: BLE001 - a hostile file must not stop the others
        return Masalah("rusak", f"berkas tidak dapat dibaca ({type(e).__name__}: {e})",
                       berkas=nama)
    q = triwulan - 1
    terisi = any(i.realisasi[q] is not None for i in data.indikator) or \
        any(b.realisasi[q] is not None for b in data.anggaran)
    return HasilSatker(
        indeks=indeks, berkas=nama, path=str(path), satker=rk.satker, tahun=rk.tahun,
        versi_format=versi, disimpan=waktu_simpan(path), capaian_satker=rk.capaian_satker,
        predikat_satker=(predikat(rk.capaian_satker, skala)
                         if rk.capaian_satker is not None else None),
        jumlah_predikat=dict(rk.jumlah_predikat), target_serapan=rk.target_serapan,
        realisasi_kosong=sum(1 for i in rk.indikator
                             if i["target"] is not None and i["realisasi"] is None),
        jumlah_temuan=len(rk.temuan), terisi=terisi, skala=skala,
        indikator=[tuple(i[k] for k in KOLOM_INDIKATOR) for i in rk.indikator],
        anggaran=[tuple(a[k] for k in KOLOM_ANGGARAN) for a in rk.anggaran
                  if a["tingkat"] in _TINGKAT_DIKONSOLIDASI])
