"""One source per text: RKT, PK, Rencana Aksi and the LKj sheet show the indicator and sasaran texts of
Pengukuran by formula, so an edit in Pengukuran appears in every document."""
from __future__ import annotations

import openpyxl
from conftest import TEKS_DIUBAH

from xl_kinerja.katalog import Katalog


def _teks(ws) -> list:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_suntingan_pengukuran_muncul_di_dokumen(buku_uji):
    _, hasil = buku_uji
    wb = openpyxl.load_workbook(hasil["teks_diubah"], data_only=True)
    s, ind = next(iter(Katalog.bawaan().semua_indikator()))
    tingkat = "PK KPU" if s.tingkat == "kpu" else "PK Sekretariat"
    for judul in ("RKT", tingkat, "Rencana Aksi", "LKj"):
        teks = _teks(wb[judul])
        for baru in TEKS_DIUBAH:
            assert teks.count(baru) == 1, (judul, baru)
        assert ind.nama not in teks and s.nama not in teks, judul


def test_teks_dokumen_adalah_rumus(buku_uji):
    asli, _ = buku_uji
    wb = openpyxl.load_workbook(asli["kosong"])
    for judul in ("RKT", "PK KPU", "PK Sekretariat", "Rencana Aksi", "LKj"):
        rujukan = [v for v in _teks(wb[judul]) if v.startswith("=IF('Pengukuran'!$")]
        assert rujukan, judul
