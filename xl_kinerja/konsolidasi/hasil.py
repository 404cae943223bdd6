"""What a worker hands back for one file: its satker's quarter (`HasilSatker`) or why it
was skipped (`Masalah`). Plain data, apart from the reader and the engine (`satker.py`), so
the tables and the CLI's parser can name them without loading either."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..predikat import Skala

# Masalah.jenis: why a file (or an expected satker) is not in the consolidation.
JENIS_MASALAH = {
    "belum_lapor": "belum lapor (tidak ada berkas)",
    "tidak_ditemukan": "berkas tidak ditemukan",
    "bukan_excel": "bukan buku kerja Excel",
    "bukan_xl_kinerja": "bukan buku kerja xl-kinerja",
    "versi_lain": "format buku kerja xl-kinerja lain",
    "rusak": "rusak atau tidak terbaca",
    "tahun_lain": "tahun anggaran lain",
    "triwulan_kosong": "triwulan belum diisi",
    "ganda": "berkas ganda",
    "daftar_salah": "baris daftar satker tidak terbaca",
    "di_luar_daftar": "tidak ada di daftar satker",  # a note only: the satker IS consolidated
    "daftar_dibersihkan": "isi daftar satker dibersihkan saat dibaca",  # a note only
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
