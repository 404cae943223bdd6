"""Rendered look: PK and Pengukuran printed by LibreOffice on the expected page count."""
from __future__ import annotations

import re
import subprocess

import pytest
from conftest import TAHUN

from xl_kinerja.generator import buat_buku_kerja, simpan
from xl_kinerja.libreoffice import ke_pdf


def _halaman_per_lembar(pdf) -> dict[str, list[str]]:
    """Pages of a whole-workbook PDF grouped by sheet (the left footer is "<sheet> <tahun>")."""
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    hasil: dict[str, list[str]] = {}
    for halaman in teks.split("\f"):
        if not halaman.strip():
            continue
        m = re.search(r"^\s*(IKU|RKT|PK KPU|PK Sekretariat|Rencana Aksi|Pengukuran|Anggaran|"
                      r"LKj|Referensi) 2027\b", halaman, re.M)
        assert m, halaman[-300:]
        hasil.setdefault(m.group(1), []).append(halaman)
    return hasil


@pytest.fixture(scope="module")
def halaman(tmp_path_factory):
    d = tmp_path_factory.mktemp("pdf")
    berkas = [simpan(buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh", kertas=k),
                     d / f"buku_{k}.xlsx") for k in ("A4", "F4")]
    keluar = ke_pdf(berkas, d / "pdf")
    jumlah = subprocess.run(["pdfinfo", str(keluar[0])], capture_output=True, text=True,
                            check=True).stdout
    per = {k: _halaman_per_lembar(p) for k, p in zip(("A4", "F4"), keluar, strict=True)}
    assert sum(len(v) for v in per["A4"].values()) == int(
        re.search(r"^Pages:\s+(\d+)", jumlah, re.M).group(1))
    return per


@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_pk_naskah_lalu_lampiran(halaman, kertas):
    # page 1: the agreement and signatures; then the lampiran (targets, program and
    # anggaran, terbilang) ending with its own signatures; the default catalog's PK KPU
    # lampiran fits one page, the PK Sekretariat's (16 indicators) needs two at a
    # legible scale (tests/test_cetak_pdf.py checks the breaks)
    for lembar, n in (("PK KPU", 2), ("PK Sekretariat", 3)):
        hal = halaman[kertas][lembar]
        assert len(hal) == n, lembar
        assert "PERJANJIAN KINERJA TAHUN 2027" in hal[0] and "Pihak Pertama," in hal[0]
        assert "Pihak Kedua," in hal[0] and "LAMPIRAN PERJANJIAN" not in hal[0]
        assert "LAMPIRAN PERJANJIAN" in hal[1]
        assert "Pihak Pertama," in hal[-1] and "Pihak Kedua," in hal[-1]
        assert "Terbilang: " in hal[-1] and "Rupiah" in hal[-1]


@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_pengukuran_halaman(halaman, kertas):
    # two column pages per row page (TW I-II; TW III-IV and Tahunan); the rekap per
    # sasaran and the satker average on the last pair, after a manual page break
    hal = halaman[kertas]["Pengukuran"]
    assert len(hal) % 2 == 0 and len(hal) >= 4
    assert "PENGUKURAN KINERJA TAHUN 2027" in hal[0]
    assert "Jumlah informasi dan publikasi" in hal[-3]  # last indicator (S5.2)
    assert "100,00%" in hal[0]  # Indonesian decimal comma in the printed targets
    for h in hal[-2:]:
        assert "REKAP CAPAIAN PER SASARAN" in h and "CAPAIAN SATKER" in h
    for h in hal[:-2]:
        assert "REKAP CAPAIAN" not in h
    for h in hal:
        assert "Realisasi" in h and "Capaian" in h
