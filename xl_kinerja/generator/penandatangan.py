"""Signatories: typed once in Referensi (yellow inputs), shown by formula on RKT, PK and
Rencana Aksi. The printed documents then carry no input fill and no "(nama)" box: a name
not yet typed prints as an empty signature line. A note (not printed) on each shown cell
says where to type it."""
from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.styles import Border

from .. import nama as N
from .gaya import BINGKAI, FONT_SUBJUDUL, FONT_TEBAL, rumus, tulis_teks
from .konteks import Konteks, provinsi
from .penamaan import tetapkan
from .tata import LEMBAR_REF, ref_abs

CATATAN = "Diisi di lembar Referensi, bagian Penandatangan."


def isian_penandatangan(kt: Konteks) -> list[tuple[str, str, str]]:
    """(label, defined name, default text) of every signatory input."""
    ttd, wil = kt.ttd, kt.wilayah
    return [
        ("Tempat penandatanganan", N.TTD_TEMPAT, kt.tempat),
        ("Tanggal penandatanganan", N.TTD_TANGGAL, kt.tanggal),
        ("Nama Ketua (Pihak Pertama PK KPU)", N.TTD_NAMA_KETUA, ttd.get("ketua", "")),
        ("Jabatan Ketua", N.TTD_JABATAN_KETUA, f"Ketua Komisi Pemilihan Umum {wil}"),
        ("Nama Sekretaris (Pihak Pertama PK Sekretariat)", N.TTD_NAMA_SEKRETARIS,
         ttd.get("sekretaris", "")),
        ("Jabatan Sekretaris", N.TTD_JABATAN_SEKRETARIS,
         f"Sekretaris Komisi Pemilihan Umum {wil}"),
        ("Nama atasan (Pihak Kedua PK KPU)", N.TTD_NAMA_ATASAN, ttd.get("atasan_nama", "")),
        ("Jabatan atasan (Pihak Kedua PK KPU)", N.TTD_JABATAN_ATASAN, jabatan_atasan(kt)),
    ]


def jabatan_atasan(kt: Konteks) -> str:
    """Pihak Kedua of the PK KPU: the catalog's, else the superior of the satker's level
    (a KPU Provinsi answers to KPU RI, a KPU Kabupaten/Kota to its KPU Provinsi)."""
    jabatan = kt.ttd.get("atasan_jabatan", "")
    if provinsi(kt.satker) and (not jabatan or provinsi(jabatan)):
        # a catalog written for kabupaten/kota (the default) names a province's chair
        return "Ketua Komisi Pemilihan Umum Republik Indonesia"
    return jabatan or "Ketua Komisi Pemilihan Umum Provinsi"


def tulis_penandatangan(ws, r: int, kt: Konteks) -> int:
    """The Referensi section at row `r`; returns the next free row."""
    ws.cell(r, 1, "Penandatangan (RKT, PK, Rencana Aksi)").font = FONT_SUBJUDUL
    r += 1
    for label, nama, nilai in isian_penandatangan(kt):
        ws.cell(r, 1, label).font = FONT_TEBAL
        sel = tulis_teks(ws.cell(r, 2), nilai, gaya_isian=True)
        sel.border = BINGKAI
        tetapkan(ws.parent, nama, ref_abs(LEMBAR_REF, 2, r))
        r += 1
    return r


def tampil(sel, nama: str, awalan: str = ""):
    """`sel` shows the Referensi input `nama` (blank while it is empty), after `awalan`
    (": " in the naskah's Nama/Jabatan lines, printed even before the name is typed)."""
    rumus(sel, f'="{awalan}"&{nama}' if awalan else f'=IF({nama}="","",{nama})')
    sel.border = Border()
    sel.comment = Comment(CATATAN, "xl-kinerja", width=220, height=40)
    return sel


def tempat_tanggal(sel):
    """"Sungai Raya, 2 Januari 2027" from the two Referensi inputs."""
    rumus(sel, f'=IF({N.TTD_TEMPAT}="",{N.TTD_TANGGAL},{N.TTD_TEMPAT}&", "&{N.TTD_TANGGAL})')
    sel.comment = Comment(CATATAN, "xl-kinerja", width=220, height=40)
    return sel
