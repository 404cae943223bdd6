"""Importing a table file: `impor_tabel` reads the file (baca.py), recognises the kind of
table (jenis.py), interprets its rows by column (kolom.py) or, for PDF text without tabs, by
line (teks_pdf.py), and builds the catalog dict (katalog.py).

Output: `HasilImpor` with `baris` (interpreted data rows, every one with its line number),
`baris_dilewati` (line, reason) and the catalog dict (workbook_templates/KATALOG.md).
"""
from __future__ import annotations

from ..errors import KesalahanBerkas, KesalahanInput
from .baca import baca_baris
from .hasil import BarisData, HasilImpor
from .jenis import JENIS, NAMA_JENIS, _periksa_jenis, kenali_jenis
from .judul import _judul
from .katalog import _tebak_tahun, ke_katalog
from .kolom import interpretasi
from .teks_pdf import interpretasi_baris_teks

# BarisData and HasilImpor live in hasil.py; still importable from here as before
__all__ = ["BarisData", "HasilImpor", "impor_tabel"]


def impor_tabel(path, jenis: str | None = None, tahun: int | None = None,
                satker: str = "") -> HasilImpor:
    """Read a table file and interpret it. `jenis` None: recognised from the headers
    (`HasilImpor.catatan` says which kind was assumed when the headers fit several).
    Raises KesalahanBerkas on unusable input or headers that contradict `jenis`."""
    if jenis is not None and jenis not in JENIS:
        raise KesalahanInput(f"jenis tidak dikenal: {jenis!r} (pilihan: {', '.join(JENIS)})", jenis)
    baris, pemisah = baca_baris(path)
    k = kenali_jenis(baris)
    catatan = []
    if jenis is None and k.baris_judul is not None:
        jenis = k.jenis
        catatan.append(f"jenis tabel dikenali: {NAMA_JENIS[jenis]}, dari {k.alasan}" if k.yakin else
                       f"jenis tabel dianggap {NAMA_JENIS[jenis]}: {k.alasan}; sebutkan --jenis "
                       "bila lain")
    elif k.baris_judul is not None:
        _periksa_jenis(k, jenis, path)
        if jenis == "renaksi" and k.jenis != "renaksi":
            catatan.append("tabel Rencana Aksi tanpa kolom jadwal (TW/bulan): setiap indikator "
                           "dijadwalkan TW I-IV (bawaan)")
    jenis = jenis or "iku"
    if pemisah == "" and not any(_judul(b) for b in baris):
        data, dilewati, peringatan = interpretasi_baris_teks(baris, str(path))
    else:
        data, dilewati, peringatan = interpretasi(baris, str(path), jenis)
    if not any(d.jenis in ("indikator", "program", "kegiatan", "output", "total") for d in data):
        raise KesalahanBerkas("tabel tidak berisi baris data setelah baris judul", berkas=path)
    tahun = tahun or _tebak_tahun(baris)
    kode_baris: dict[int, str] = {}
    katalog = ke_katalog(data, tahun, satker, peringatan, kode_baris)
    return HasilImpor(jenis, str(path), katalog, data, dilewati, peringatan, tahun, catatan,
                      list(k.judul or []), kode_baris)
