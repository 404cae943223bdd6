"""The daftar satker: one CSV a province keeps of its satkers, read both ways.

Upward (`konsolidasi --daftar`) it says which satkers are expected to report; downward
(`baru --daftar`) it says for whom to write a workbook and who signs it.

    nama;tingkat;tempat;ketua;sekretaris
    Magelang;kabupaten;Mungkid;Nama Ketua;Nama Sekretaris
    KPU Kota Metro;kota;Metro;;

Columns are found by their header (any order, case ignored); `nama` is required, either
the full satker name ("KPU Kabupaten Magelang") or the place with `tingkat` (kab/kabupaten,
kota, provinsi). Separator `;`, `,` or tab; UTF-8 or Windows-1252; an .xlsx sheet also works
(the same reader as `impor`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import KesalahanBerkas
from ..impor.baca import baca_baris
from .cocok import kunci_satker

TINGKAT = {"kab": "Kabupaten", "kab.": "Kabupaten", "kabupaten": "Kabupaten", "kota": "Kota",
           "prov": "Provinsi", "prov.": "Provinsi", "provinsi": "Provinsi"}
_JUDUL = {
    "nama": ("nama", "satker", "nama satker", "satuan kerja", "nama satuan kerja"),
    "tingkat": ("tingkat", "level", "jenis"),
    "tempat": ("tempat", "tempat penandatanganan", "kedudukan", "ibu kota", "ibukota"),
    "ketua": ("ketua", "nama ketua"),
    "sekretaris": ("sekretaris", "nama sekretaris"),
}
_NAMA_LENGKAP = re.compile(r"(?i)^(sekretariat\s+)?(kpu|komisi\s+pemilihan\s+umum)\b")
_TINGKAT_DALAM_NAMA = re.compile(r"(?i)\b(kabupaten|kab\.?|kota|provinsi|prov\.?)\s+\S")


@dataclass
class EntriDaftar:
    baris: int            # line in the CSV (1-based), for messages
    nama: str             # full satker name: "KPU Kabupaten Magelang"
    tingkat: str          # Kabupaten | Kota | Provinsi | "" (unknown)
    tempat: str = ""
    ketua: str = ""
    sekretaris: str = ""

    @property
    def kunci(self) -> str:
        return kunci_satker(self.nama)


def _kolom(judul: list[str]) -> dict[str, int]:
    kol = {}
    for i, teks in enumerate(judul):
        t = " ".join(teks.casefold().replace("_", " ").split())
        for kunci, sinonim in _JUDUL.items():
            if t in sinonim and kunci not in kol:
                kol[kunci] = i
    return kol


def baca_daftar(path, peringatan: list[tuple[int, str]] | None = None
                ) -> tuple[list[EntriDaftar], list[tuple[int, str]]]:
    """(entries, bad rows as (line, reason)). A file without a usable header is an error
    (KesalahanBerkas); a bad row is reported with its line and left out. `peringatan`: a
    list that receives (line, what the reader changed in a cell: control characters
    removed, over-long text cut); the row itself is used."""
    path = Path(path)
    baris, _ = baca_baris(path)
    if peringatan is not None:
        peringatan.extend((b.nomor, p) for b in baris for p in b.peringatan)
    isi = [b for b in baris if not b.kosong]
    if not isi:
        raise KesalahanBerkas("daftar satker kosong", berkas=path)
    kepala = isi[0]
    kol = _kolom(kepala.sel)
    if "nama" not in kol:
        raise KesalahanBerkas(
            "baris judul daftar satker tidak punya kolom 'nama' (judul yang dikenali: nama, "
            "tingkat, tempat, ketua, sekretaris)", berkas=path, baris=kepala.nomor)
    entri: list[EntriDaftar] = []
    salah: list[tuple[int, str]] = []
    dilihat: dict[str, int] = {}
    for b in isi[1:]:
        def sel(k, b=b):
            i = kol.get(k)
            return b.sel[i].strip() if i is not None and i < len(b.sel) else ""
        nama, tingkat_teks = sel("nama"), sel("tingkat")
        tingkat = TINGKAT.get(tingkat_teks.casefold(), "")
        if not nama:
            salah.append((b.nomor, "kolom nama kosong"))
            continue
        if tingkat_teks and not tingkat:
            salah.append((b.nomor, f"tingkat '{tingkat_teks}' tidak dikenal (pilih kabupaten, "
                                   f"kota atau provinsi)"))
            continue
        if not _NAMA_LENGKAP.match(nama):
            if _TINGKAT_DALAM_NAMA.match(nama):   # "Kabupaten Magelang"
                nama = f"KPU {nama}"
            elif tingkat:
                nama = f"KPU {tingkat} {nama}"
            else:
                salah.append((b.nomor, f"nama '{nama}' tanpa tingkat: tulis nama lengkap "
                                       f"(mis. 'KPU Kabupaten {nama}') atau isi kolom tingkat"))
                continue
        m = _TINGKAT_DALAM_NAMA.search(nama)
        tingkat_nama = TINGKAT.get(m.group(1).casefold(), "") if m else ""
        if tingkat and tingkat_nama and tingkat != tingkat_nama:
            salah.append((b.nomor, f"nama '{nama}' bertentangan dengan tingkat "
                                   f"'{tingkat_teks}'"))
            continue
        e = EntriDaftar(b.nomor, " ".join(nama.split()), tingkat or tingkat_nama,
                        sel("tempat"), sel("ketua"), sel("sekretaris"))
        if e.kunci in dilihat:
            salah.append((b.nomor, f"satker '{e.nama}' sudah ada di baris {dilihat[e.kunci]}"))
            continue
        dilihat[e.kunci] = b.nomor
        entri.append(e)
    return entri, salah
