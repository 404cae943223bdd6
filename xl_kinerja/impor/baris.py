"""Interpreting the rows of one table (`impor_baris`): recognising its kind (jenis.py),
reading its rows by column (kolom.py) or, for PDF text without tabs, by line (teks_pdf.py),
giving every indicator its polarity (polaritas.py) and building the catalog dict
(katalog.py). Used for a table file (tabel.py) and for each table of a Word document
(dokumen.py).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..angka import format_persen
from ..errors import KesalahanBerkas, KesalahanInput
from ..kemajuan import Kemajuan
from .baca import Baris
from .hasil import BarisData, HasilImpor
from .jenis import JENIS, NAMA_JENIS, _periksa_jenis, kenali_jenis
from .judul import _judul
from .katalog import _tebak_tahun, ke_katalog
from .kolom import interpretasi
from .polaritas import catatan_polaritas, tetapkan_polaritas
from .sel import pendek
from .teks_pdf import interpretasi_baris_teks

BARIS_KEMAJUAN = 5000   # tables this long show a progress bar (on a terminal only)


def periksa_jenis_diminta(jenis: str | None) -> None:
    if jenis is not None and jenis not in JENIS:
        raise KesalahanInput(f"jenis tidak dikenal: {jenis!r} (pilihan: {', '.join(JENIS)})", jenis)


def impor_baris(baris: list[Baris], berkas: str, jenis: str | None = None,
                tahun: int | None = None, satker: str = "", pemisah: str = "\t",
                konteks: list[Baris] | None = None,
                polaritas_bawaan: str | None = None) -> HasilImpor:
    """Interpret rows already read (one table). `konteks`: rows around the table (a Word
    document's paragraphs) read only for the document title and year. `polaritas_bawaan`
    ("maks"/"min"): every indicator's polarity unless a POLARITAS column says otherwise;
    None: inferred (polaritas.py)."""
    periksa_jenis_diminta(jenis)
    konteks = konteks or []
    k = kenali_jenis(baris, konteks)
    catatan = []
    if jenis is None and k.baris_judul is not None:
        jenis = k.jenis
        catatan.append(f"jenis tabel dikenali: {NAMA_JENIS[jenis]}, dari {k.alasan}" if k.yakin else
                       f"jenis tabel dianggap {NAMA_JENIS[jenis]}: {k.alasan}; sebutkan --jenis "
                       "bila lain")
    elif k.baris_judul is not None:
        _periksa_jenis(k, jenis, berkas)
        if jenis == "renaksi" and k.jenis != "renaksi":
            catatan.append("tabel Rencana Aksi tanpa kolom jadwal (TW/bulan): setiap indikator "
                           "dijadwalkan TW I-IV (bawaan)")
    jenis = jenis or "iku"
    if pemisah == "" and not any(_judul(b) for b in baris):
        data, dilewati, peringatan = interpretasi_baris_teks(baris, berkas)
    else:
        # a long table: a progress bar on stderr while it is a terminal (kemajuan.py)
        with Kemajuan(len(baris) if len(baris) >= BARIS_KEMAJUAN else 0,
                      f"Membaca {Path(berkas).name}",
                      aktif=None if len(baris) >= BARIS_KEMAJUAN else False) as km:
            data, dilewati, peringatan = interpretasi(baris, berkas, jenis, km.maju)
    # cells cleaned by the reader (control characters, over-long text), with their line
    baca = [(b.nomor, p) for b in baris for p in b.peringatan]
    peringatan[:0] = baca
    tetapkan_polaritas(data, polaritas_bawaan, peringatan)
    if pemisah == "xls":
        peringatan += _persen_xls(data)
    if not any(d.jenis in ("indikator", "program", "kegiatan", "output", "total") for d in data):
        raise KesalahanBerkas("tabel tidak berisi baris data setelah baris judul", berkas=berkas)
    tahun = tahun or _tebak_tahun(konteks + baris)
    kode_baris: dict[tuple, str] = {}
    katalog = ke_katalog(data, tahun, satker, peringatan, kode_baris)
    return HasilImpor(jenis, berkas, katalog, data, dilewati, peringatan, tahun, catatan,
                      list(k.judul or []), kode_baris, catatan_polaritas=catatan_polaritas(data),
                      peringatan_baca=baca)


def _persen_xls(data: list[BarisData]) -> list[tuple[int, str]]:
    """An .xls gives cell values without their format, so a percent cell (0,975 shown as
    97,5%) arrives as the plain fraction: said for every "Persentase ..." indicator whose
    target is a bare fraction, not read as a score silently."""
    hasil = []
    for d in data:
        if d.jenis == "indikator" and re.match(r"(persentase|presentase|prosentase)\b",
                                               d.indikator.lower()) \
                and re.fullmatch(r"(0|1)\.\d+", d.target or "") and float(d.target) <= 1.5:
            hasil.append((d.nomor, f"target {d.target!r} indikator {pendek(d.indikator)!r} dari "
                                   f"sel .xls tanpa format: mungkin "
                                   f"{format_persen(float(d.target), 1)} "
                                   "(format persen tidak terbaca dari .xls); tulis targetnya "
                                   "dengan tanda % atau simpan sebagai .xlsx/.ods"))
    return hasil
