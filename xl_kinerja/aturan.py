"""The rule and vocabulary table every layer reads (docs/aturan.md, section "Tabel aturan").

Target kinds with their properties, polarities, budget levels, the known units and the
year range live here once; the catalog, the generator (cell formats, dropdown lists), the
formulas, the UDFs, the rekap, the checker and the importer refer to this table instead of
writing their own copies. A (kind, polarity) pair absent from `JenisTarget.polaritas` has no
rule: the catalog refuses it on load (`periksa_kombinasi`), naming the indicator.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import KesalahanInput

POLARITAS = ("maks", "min")
"""maks: the higher the realisasi the better; min: the lower the better."""
POLARITAS_BAWAAN = "maks"


@dataclass(frozen=True)
class JenisTarget:
    """One kind of target as a catalog declares it (`jenis_target`).

    pecahan: values are fractions (97,5% is stored as 0.975) and shown as percent.
    polaritas: the polarities that have a capaian rule for this kind.
    tampilan: how a cell shows the target and realisasi: "persen", "angka" or "teks".
    simpan: how the workbook stores the target: "angka" (one number), "rentang" (lower
        bound in the target cell, upper bound in the "Batas Atas" cell) or "predikat"
        (the grade text; the formula looks its rank up in Referensi).
    boleh_nol: a target of 0 ("nothing planned that year") is allowed.
    contoh: a target as documents write it (used by the rules document and the test grid).
    alasan: why some polarity has no rule (said in the refusal message).
    """

    kode: str
    pecahan: bool
    polaritas: tuple[str, ...]
    tampilan: str
    simpan: str
    boleh_nol: bool
    contoh: str
    alasan: str = ""


JENIS: dict[str, JenisTarget] = {j.kode: j for j in (
    JenisTarget("persen", True, POLARITAS, "persen", "angka", True, "97,5%"),
    JenisTarget("jumlah", False, POLARITAS, "angka", "angka", True, "24 Laporan"),
    JenisTarget("skor", False, POLARITAS, "angka", "angka", True, "79"),
    JenisTarget("ordinal", False, ("maks",), "teks", "predikat", False, "BB",
                "predikat dan opini makin tinggi peringkatnya makin baik"),
    JenisTarget("rentang", True, POLARITAS, "persen", "rentang", True, "80 - 90%"),
)}
JENIS_TARGET = tuple(JENIS)
"""The kinds a catalog may declare, in the order lists show them."""

# Budget rows nest program > kegiatan > output (e.g. 076.01.WA > WA.3358 > EBA.994); a
# JUMLAH row sums the programs; a TOTAL row closes a table (the checker's business).
TINGKAT_ANGGARAN = ("program", "kegiatan", "output")
TINGKAT_JUMLAH = ("jumlah", "total")

# Units seen in KPU documents; a catalog adds its own with "satuan_tambahan".
SATUAN_DIKENAL = (
    "%", "Laporan", "Dokumen", "Kali", "Orang", "Pegawai", "Unit", "Kegiatan", "Satker",
    "Lembaga", "Badan Adhoc", "Penyelenggara", "Perkara", "Draft", "Calon", "Layanan",
    "Berita", "Rekomendasi", "Aplikasi", "Paket", "Bulan", "Hari", "Arsip", "Produk Hukum",
    "Nilai", "Indeks", "Skor", "Predikat", "Opini", "Kategori",
)
SATUAN_PERSEN = "%"

TAHUN_AWAL, TAHUN_AKHIR = 2000, 2100
"""Years outside this range are typos (a budget year 20277), not plans."""


def jenis_target(jenis: object) -> JenisTarget:
    """The table row of a kind; KesalahanInput (Indonesian) for an unknown kind."""
    kunci = jenis.strip().lower() if isinstance(jenis, str) else jenis
    if kunci not in JENIS:
        raise KesalahanInput(f"jenis_target {jenis!r} tidak dikenal (pilih: "
                             f"{', '.join(JENIS_TARGET)})", jenis)
    return JENIS[kunci]


def pecahan(jenis: object) -> bool:
    """Are targets/realisasi of this kind fractions shown as percent? Unknown kinds: no."""
    j = JENIS.get(jenis.strip().lower() if isinstance(jenis, str) else "")
    return j is not None and j.pecahan


def berlaku(jenis: str, polaritas: str) -> bool:
    """Does (kind, polarity) have a capaian rule?"""
    j = JENIS.get(jenis)
    return j is not None and polaritas in j.polaritas


def kombinasi() -> list[tuple[str, str]]:
    """Every (kind, polarity) with a rule, in table order."""
    return [(j.kode, p) for j in JENIS.values() for p in j.polaritas]


def kombinasi_ditolak() -> list[tuple[str, str]]:
    """Every (kind, polarity) without a rule (refused when a catalog is loaded)."""
    return [(j.kode, p) for j in JENIS.values() for p in POLARITAS if p not in j.polaritas]


def periksa_kombinasi(jenis: str, polaritas: str, apa: str = "indikator") -> None:
    """Refuse a (kind, polarity) pair that has no rule; `apa` names the indicator."""
    if not berlaku(jenis, polaritas):
        j = jenis_target(jenis)
        if polaritas not in POLARITAS:
            raise KesalahanInput(f"{apa}: polaritas {polaritas!r} tidak dikenal (pilih: "
                                 f"{' atau '.join(POLARITAS)})", polaritas)
        boleh = " atau ".join(repr(p) for p in j.polaritas)
        raise KesalahanInput(
            f"{apa}: polaritas {polaritas!r} tidak berlaku untuk jenis_target {jenis!r} "
            f"(tidak ada aturan capaiannya{'; ' + j.alasan if j.alasan else ''}); "
            f"gunakan polaritas {boleh}", polaritas)


def tahun_sah(tahun: int) -> bool:
    return TAHUN_AWAL <= tahun <= TAHUN_AKHIR
