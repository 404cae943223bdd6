"""Checker: finds the errors real tables carry (docs/aturan.md and the seeds).

Modules: temuan (`Temuan`, reading recorded values), kode (budget codes, duplicate rows),
indikator (indicator-level rules shared by tables and workbooks), anggaran (budget rows and
totals of a table), ekspresi (Formula Perhitungan examples), teks (document texts typed
over, `teks_berbeda`), tabel (`periksa_hasil`, the table checker), buku
(`periksa_buku_kerja`, the workbook checker) and berkas (`periksa_berkas`, which checker a
file gets). This face only re-exports.
"""
from .berkas import periksa_berkas
from .ekspresi import hitung_ekspresi, periksa_formula
from .indikator import periksa_indikator, teks_target
from .kode import kode_salah_bentuk, periksa_kode
from .tabel import periksa_hasil, skala_periksa
from .temuan import Temuan

__all__ = ["Temuan", "periksa_berkas", "periksa_hasil", "hitung_ekspresi", "periksa_formula",
           "periksa_kode", "kode_salah_bentuk", "periksa_indikator", "teks_target",
           "skala_periksa"]
