"""The checker's `teks_berbeda` rule: RKT, PK and Rencana Aksi show Pengukuran's indicator
and sasaran texts by formula; a text typed over one of them that differs is a finding naming
both sheets, rows and texts."""
from __future__ import annotations

import openpyxl
import pytest
from conftest import TAHUN

from xl_kinerja.generator import buat_buku_kerja, simpan
from xl_kinerja.impor.sel import pendek
from xl_kinerja.katalog import Katalog
from xl_kinerja.periksa.buku import periksa_buku_kerja
from xl_kinerja.rekap import baca_nilai

DIKETIK = "Persentase laporan yang disusun tepat waktu (diketik ulang)"


@pytest.fixture(scope="module")
def bawaan(tmp_path_factory):
    p = tmp_path_factory.mktemp("teks") / "bawaan.xlsx"
    return simpan(buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh"), p)


def _sel_teks(ws, kolom_ukur: str, baris_ukur: int):
    """The cell of `ws` showing Pengukuran!$<kolom>$<baris> by formula."""
    ref = f"'Pengukuran'!${kolom_ukur}${baris_ukur}"
    return next(c for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value == f'=IF({ref}="","",{ref})')


def _teks_berbeda(p):
    return [(t.lokasi["sheet"], t.lokasi["baris"], t.lokasi["kode"], t.tercatat, t.dihitung,
             t.tingkat, t.pesan) for t in periksa_buku_kerja(p) if t.aturan == "teks_berbeda"]


def test_bersih(bawaan):
    assert _teks_berbeda(bawaan) == []


def test_teks_diketik_di_rkt_pk_renaksi(bawaan, tmp_path):
    d = baca_nilai(bawaan)
    pertama, kedua = d.indikator[0], d.indikator[1]
    wb = openpyxl.load_workbook(bawaan)
    s, _ = next(iter(Katalog.bawaan().semua_indikator()))
    pk = "PK KPU" if s.tingkat == "kpu" else "PK Sekretariat"
    rkt = _sel_teks(wb["RKT"], "C", pertama.baris)           # indicator, first row
    rkt.value = DIKETIK
    pk_sel = _sel_teks(wb[pk], "C", kedua.baris)              # indicator, second row
    pk_sel.value = "  " + " ".join(kedua.indikator.split()) + " "  # same text: no finding
    ra = _sel_teks(wb["Rencana Aksi"], "B", kedua.baris)      # sasaran
    ra.value = "Sasaran lain"
    p = tmp_path / "diketik.xlsx"
    wb.save(p)
    t = _teks_berbeda(p)
    assert [x[:6] for x in t] == [
        ("RKT", rkt.row, pertama.kode, DIKETIK, pertama.indikator, "galat"),
        ("Rencana Aksi", ra.row, kedua.kode, "Sasaran lain", kedua.sasaran, "galat")]
    assert t[1][6] == (
        f'teks sasaran di lembar Rencana Aksi baris {ra.row} diketik "Sasaran lain", berbeda '
        f'dengan lembar Pengukuran baris {kedua.baris}: "{pendek(kedua.sasaran)}"; dokumen yang '
        f"ditandatangani harus memuat teks yang diukur: sunting teksnya di lembar Pengukuran, "
        f"lalu kembalikan rumus sel ini (salin dari sel sasaran lain di kolom yang sama)")
    assert f"lembar Pengukuran baris {pertama.baris}" in t[0][6]
