"""Checker on a workbook of ours: values found by defined names, read as last calculated."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.periksa import periksa_berkas

METRO = Path(__file__).parent / "fixtures" / "seeds" / "renaksi-2024-kpu-kota-metro.txt"


def _sel(wb, nama, i=0):
    lembar, ref = list(wb.defined_names[nama].destinations)[0]
    awal = ref.replace("$", "").split(":")[0]
    ws = wb[lembar]
    c = ws[awal]
    return ws.cell(row=c.row + i, column=c.column)


def test_buku_kerja_kita(tmp_path):
    out = tmp_path / "r.xlsx"
    assert main(["impor", str(METRO), "--jenis", "renaksi", "--satker", "KPU Kota Metro",
                 "--keluaran", str(out)]) == 0
    assert periksa_berkas(out) == []  # formulas never calculated: nothing to compare
    wb = openpyxl.load_workbook(out)
    # simulate values as Excel last showed them (cached): indikator 1 target 100%,
    # realisasi 95% -> capaian 0.95 but shown 0.5; anggaran realisasi above pagu, persen wrong
    _sel(wb, N.UKUR_TARGET_TW[0]).value = 1
    _sel(wb, N.UKUR_REALISASI_TW[0]).value = 0.95
    _sel(wb, N.UKUR_CAPAIAN_TW[0]).value = 0.5
    _sel(wb, N.UKUR_CAPAIAN_TW[0], 1).value = None
    _sel(wb, N.ANGG_KODE).value = "076.01.WA"
    _sel(wb, N.ANGG_PAGU).value = 1000
    _sel(wb, N.ANGG_REALISASI_TW[0]).value = 1200
    _sel(wb, N.ANGG_PERSEN_TW[0]).value = 1.1
    wb.save(out)
    t = [(x.aturan, x.lokasi["sheet"], x.lokasi["kode"], x.tercatat, x.dihitung)
         for x in periksa_berkas(out)]
    assert t == [
        ("realisasi_melebihi_pagu", "Anggaran", "076.01.WA", 1200, 1000),
        ("persen_salah", "Anggaran", "076.01.WA", "110,00%", "120,00%"),
        ("persen_salah", "Pengukuran", "S1.1", "50,00%", "95,00%"),
    ]
