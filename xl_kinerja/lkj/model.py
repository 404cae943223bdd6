"""The LKj content as data: what BAB II-IV report, one dataclass per table.

Fractions stay fractions (0,95 = 95%); blank is None, never 0. `LaporanKinerja.ke_dict()`
is the JSON of `xl-kinerja lkj --format json`; `ke_dataframe(bagian)` the pandas view.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .. import opsional
from ..capaian import adalah_sementara
from ..errors import KesalahanInput
from ..evaluasi import TERCAPAI, TIDAK_TERCAPAI


@dataclass
class Riwayat:
    """One year of an indicator (analysis 2)."""
    tahun: int
    target: object
    realisasi: object
    capaian: float | None


@dataclass
class IndikatorLkj:
    kode: str
    kode_sasaran: str
    indikator: str
    satuan: str | None
    jenis: str
    polaritas: str
    penanggung_jawab: str
    # (1) the year
    target: object
    target_atas: float | None
    realisasi: object
    capaian: float | None
    predikat: str | None
    status: str | None              # Tercapai / Tidak Tercapai (evaluasi.tercapai)
    # (2) earlier years, oldest first, then the trend from last year to this year
    riwayat: list[Riwayat] = field(default_factory=list)
    tren: str | None = None         # membaik / menurun / tetap (evaluasi.tren)
    # (3) the last target of the IKU period
    tahun_akhir: int | None = None
    target_akhir: object = None
    capaian_akhir: float | None = None
    # (4) the national figure (standar nasional / realisasi KPU RI)
    nasional: object = None
    capaian_nasional: float | None = None
    # (5), (7) the texts collected during the year
    kendala: list[str] = field(default_factory=list)
    solusi: list[str] = field(default_factory=list)
    bukti: list[str] = field(default_factory=list)
    kegiatan: str = ""


@dataclass
class SasaranLkj:
    kode: str
    sasaran: str
    capaian: float | None
    predikat: str | None
    indikator: list[IndikatorLkj] = field(default_factory=list)
    # (6) efficiency: the budget lines that serve the sasaran
    kode_anggaran: list[str] = field(default_factory=list)
    pagu: float | None = None
    realisasi_anggaran: float | None = None
    serapan: float | None = None
    nilai_efisiensi: float | None = None
    efisiensi: str | None = None


@dataclass
class AnggaranLkj:
    """A program, kegiatan or JUMLAH row of the Realisasi Anggaran table (BAB III.B)."""
    kode: str
    uraian: str
    tingkat: str
    pagu: float | None
    realisasi: float | None
    persen: float | None
    sisa: float | None
    pagu_lalu: float | None = None
    realisasi_lalu: float | None = None
    persen_lalu: float | None = None


@dataclass
class LaporanKinerja:
    satker: str
    tahun: int
    berkas: str
    kertas: str
    triwulan: int                    # the last quarter with realisasi (4 for a closed year)
    skala: list[str]                 # predikat labels, highest first
    dasar: str                       # capaian satker over "sasaran" or "indikator"
    batas_capaian: float | None
    aturan_efisiensi: str
    sasaran: list[SasaranLkj] = field(default_factory=list)
    anggaran: list[AnggaranLkj] = field(default_factory=list)
    capaian_satker: float | None = None
    predikat_satker: str | None = None
    jumlah_predikat: dict = field(default_factory=dict)
    pagu: float | None = None
    realisasi_anggaran: float | None = None
    serapan: float | None = None
    tahun_lalu: int | None = None    # when last year's figures are known
    catatan: list[str] = field(default_factory=list)

    # ---- derived views
    @property
    def indikator(self) -> list[IndikatorLkj]:
        return [i for s in self.sasaran for i in s.indikator]

    @property
    def tercapai(self) -> list[IndikatorLkj]:
        return [i for i in self.indikator if i.status == TERCAPAI]

    @property
    def tidak_tercapai(self) -> list[IndikatorLkj]:
        return [i for i in self.indikator if i.status == TIDAK_TERCAPAI]

    @property
    def sementara(self) -> list[IndikatorLkj]:
        """Indicators whose year is not complete (no TW IV realisasi): "s.d. TW n"."""
        return [i for i in self.indikator if adalah_sementara(i.status)]

    def ke_dict(self) -> dict:
        d = asdict(self)
        d["jumlah_indikator"] = len(self.indikator)
        d["jumlah_tercapai"] = len(self.tercapai)
        d["jumlah_tidak_tercapai"] = len(self.tidak_tercapai)
        return d

    def ke_dataframe(self, bagian: str = "indikator"):
        """"indikator", "sasaran", "anggaran" or "riwayat" as a pandas DataFrame."""
        pd = opsional.pandas()
        if bagian == "indikator":
            baris = []
            for i in self.indikator:
                d = asdict(i)
                for k in ("riwayat", "kendala", "solusi", "bukti"):
                    d.pop(k)
                baris.append(d)
            return pd.DataFrame(baris)
        if bagian == "sasaran":
            return pd.DataFrame([{k: v for k, v in asdict(s).items() if k != "indikator"}
                                 for s in self.sasaran])
        if bagian == "anggaran":
            return pd.DataFrame([asdict(a) for a in self.anggaran])
        if bagian == "riwayat":
            return pd.DataFrame([{"kode": i.kode, **asdict(r)} for i in self.indikator
                                 for r in i.riwayat])
        raise KesalahanInput(f'bagian "{bagian}" tidak dikenal; pilih indikator, sasaran, '
                             f'anggaran atau riwayat', bagian)
