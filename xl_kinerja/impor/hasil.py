"""The result of an import: `BarisData` (one interpreted row, with its line number) and
`HasilImpor` (rows, skipped rows, warnings and the catalog dict).

Separate from the interpreters so that both readers (tabbed columns and PDF line mode), the
catalog conversion and the checker (xl_kinerja.periksa) share one definition without importing
each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import opsional


@dataclass
class BarisData:
    """One interpreted row (or merged group of continuation rows)."""
    nomor: int
    jenis: str                      # "indikator" | "program" | "kegiatan" | "grup" | "total"
    sheet: str | None = None
    no: str = ""
    kode: str = ""
    sasaran: str = ""
    indikator: str = ""
    target: str = ""
    nilai: dict = field(default_factory=dict)   # other roles -> text (pagu, realisasi, ...)
    catatan: list = field(default_factory=list)
    kode_katalog: str = ""          # the indicator's code in the catalog built from it


@dataclass
class HasilImpor:
    jenis: str
    berkas: str
    katalog: dict
    baris: list[BarisData]
    baris_dilewati: list[tuple[int, str]]
    peringatan: list[tuple[int, str]]
    tahun: int | None
    catatan: list[str] = field(default_factory=list)   # e.g. which kind was assumed
    judul: list[str] = field(default_factory=list)     # the header row's cell texts
    kode_indikator: dict = field(default_factory=dict)  # (sheet, line) -> catalog code
    judul_tabel: dict = field(default_factory=dict)     # sheet -> header texts (Word tables)
    catatan_polaritas: list[str] = field(default_factory=list)  # how each polarity was chosen
    # cells the reader cleaned (control characters, over-long text), also in `peringatan`
    peringatan_baca: list[tuple[int, str]] = field(default_factory=list)

    @property
    def katalog_dict(self) -> dict:
        return self.katalog

    def ke_dataframe(self):
        pd = opsional.pandas()
        rekaman = []
        for b in self.baris:
            r = {"baris": b.nomor, "sheet": b.sheet, "jenis": b.jenis, "no": b.no, "kode": b.kode,
                 "sasaran": b.sasaran, "indikator": b.indikator, "target": b.target}
            r.update(b.nilai)
            rekaman.append(r)
        return pd.DataFrame(rekaman)
