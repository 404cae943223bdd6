"""One satker's file -> its computed quarter (the worker every process runs).

The workbook is read once through the contract reader (`kontrak`: only the sheets the
names point to are streamed, formulas told from constants by the sheet XML) and computed with the rekap's
engine
(`hitung_rekap`): no cached value is trusted, and a consolidated figure is by construction
the satker's own `rekap --format json` figure. Only the computed rows leave the worker
(never a workbook), so memory stays flat however many files are consolidated.
"""
from __future__ import annotations

import re
from pathlib import Path

from .. import kontrak
from .. import nama as N
from ..errors import KesalahanBerkas, KesalahanXlKinerja
from ..ooxml.paket import Paket
from ..predikat import predikat
from ..rekap.baca import baca_nilai
from ..rekap.mesin import _skala, hitung_rekap
from .hasil import KOLOM_ANGGARAN, KOLOM_INDIKATOR, HasilSatker, Masalah

_TINGKAT_DIKONSOLIDASI = ("program", "kegiatan", "jumlah")

_DIUBAH = re.compile(rb"<dcterms:modified\b[^>]*>([^<]+)</dcterms:modified>")


def waktu_simpan(pk: Paket) -> str | None:
    """When the file was last saved, as its package metadata says (docProps/core.xml
    dcterms:modified, written by Excel, LibreOffice and openpyxl); None when absent."""
    bagian = pk.ada("docProps/core.xml")
    if bagian is None:
        return None
    m = _DIUBAH.search(pk.baca(bagian))
    return m.group(1).decode("ascii", "replace").strip() if m else None


def olah_berkas(indeks: int, path, triwulan: int) -> HasilSatker | Masalah:
    """Read and compute one file; every way it can fail becomes a `Masalah` (never raises
    for a bad file: one bad file must not stop the others)."""
    path = Path(path)
    nama = path.name
    try:
        with Paket(path) as pk:
            with kontrak.buka(pk, nama, periksa_versi=False) as k:
                if not k.ada(N.INFO_FORMAT):
                    return Masalah("bukan_xl_kinerja", "buku kerja Excel ini tidak dibuat "
                                   "dengan xl-kinerja (nama terdefinisi Info_Format tidak ada)",
                                   berkas=nama)
                try:
                    versi = k.periksa_versi()
                except KesalahanBerkas as e:
                    return Masalah("versi_lain", e.pesan, berkas=nama)
                data = baca_nilai(k)
            disimpan = waktu_simpan(pk)
        data.berkas = nama
        rk = hitung_rekap(data, triwulan, dibuat="-")
        skala = _skala(data)
    except KesalahanBerkas as e:
        bukan_zip = "bukan buku kerja Excel" in e.pesan
        return Masalah("bukan_excel" if bukan_zip else "rusak", e.pesan, berkas=nama)
    except KesalahanXlKinerja as e:
        return Masalah("rusak", str(e), berkas=nama)
    except Exception as e:  # noqa: BLE001 - a hostile file must not stop the others
        return Masalah("rusak", f"berkas tidak dapat dibaca ({type(e).__name__}: {e})",
                       berkas=nama)
    q = triwulan - 1
    terisi = any(i.realisasi[q] is not None for i in data.indikator) or \
        any(b.realisasi[q] is not None for b in data.anggaran)
    return HasilSatker(
        indeks=indeks, berkas=nama, path=str(path), satker=rk.satker, tahun=rk.tahun,
        versi_format=versi, disimpan=disimpan, capaian_satker=rk.capaian_satker,
        predikat_satker=(predikat(rk.capaian_satker, skala)
                         if rk.capaian_satker is not None else None),
        jumlah_predikat=dict(rk.jumlah_predikat), target_serapan=rk.target_serapan,
        realisasi_kosong=sum(1 for i in rk.indikator
                             if i["target"] is not None and i["realisasi"] is None),
        jumlah_temuan=len(rk.temuan), terisi=terisi, skala=skala,
        indikator=[tuple(i[k] for k in KOLOM_INDIKATOR) for i in rk.indikator],
        anggaran=[tuple(a[k] for k in KOLOM_ANGGARAN) for a in rk.anggaran
                  if a["tingkat"] in _TINGKAT_DIKONSOLIDASI])
