"""Growth guard for `baru` (issue 16): 10x the indicators within 15x the time to build the
workbook. A quadratic step (data validations added cell by cell, a lookup by list.index)
shows up above 15x at these sizes (measured: 16x with validations added cell by cell,
8-11x after). Least CPU time of three runs for the small catalog, two for the large (the
machine is shared)."""
from __future__ import annotations

import sys
from pathlib import Path

from conftest import cpu_pasangan

from xl_kinerja.generator import buat_buku_kerja
from xl_kinerja.katalog import Katalog

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from _ukur import katalog_nyata  # noqa: E402  (the benchmarks' real-catalog builder)

KECIL, BESAR = 50, 500
BATAS = 15


def _katalog(n: int) -> Katalog:
    """The default catalog's sasaran repeated (new codes) until it holds n indicators:
    the same mix of target kinds, units and polarities as a real office (the benchmarks'
    catalog, without growing the budget)."""
    return Katalog.dari_dict(katalog_nyata(n, anggaran_tumbuh=False))


def test_pembuatan_buku_kerja_linear():
    kecil, besar = _katalog(KECIL), _katalog(BESAR)
    assert sum(len(s.indikator) for s in besar.sasaran) == BESAR
    t_kecil, t_besar = cpu_pasangan(
        lambda: buat_buku_kerja(kecil, 2027, satker="KPU Kabupaten Uji"),
        lambda: buat_buku_kerja(besar, 2027, satker="KPU Kabupaten Uji"), 3, 2)
    assert t_besar <= BATAS * t_kecil, (
        f"{BESAR} indikator {t_besar:.2f} s, {KECIL} indikator {t_kecil:.2f} s: "
        f"{t_besar / t_kecil:.1f}x (batas {BATAS}x)")


# --- the fast paths (generator/percepat.py) give what openpyxl itself gives -------------

def _lembar_bergaris():
    """A sheet with borders on the cells a merge combines: every branch of openpyxl's
    MergedCellRange (bottom-right border to the top-left cell, edge sides, protection)."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Protection, Side

    wb = Workbook()
    ws = wb.active
    tebal, tipis = Side(style="thick", color="FF0000"), Side(style="thin")
    for r in range(1, 8):
        for c in range(1, 6):
            ws.cell(r, c, f"{r},{c}" if (r + c) % 3 else None)
    ws.cell(1, 1).border = Border(top=tebal, left=tipis)
    ws.cell(3, 3).border = Border(right=tebal, bottom=tipis)
    ws.cell(4, 1).border = Border(left=tebal, right=tipis, top=tipis, bottom=tebal)
    ws.cell(4, 1).protection = Protection(locked=False)
    ws.cell(6, 2).border = Border(bottom=tebal)
    return wb, ws


_GABUNG = [(1, 1, 3, 3), (4, 1, 5, 4), (6, 2, 6, 5), (7, 1, 7, 1), (2, 2, 2, 3), (1, 1, 3, 3)]


def _isi(ws):
    return ({k: (type(c).__name__, c.value, tuple(c._style) if c._style else None)
             for k, c in ws._cells.items()},
            [str(r) for r in ws.merged_cells.ranges],
            [(f.left, f.right, f.top, f.bottom) for f in ws.parent._borders],
            list(ws.parent._protections))


def test_gabung_sama_dengan_merge_cells_openpyxl():
    """gabung() (borders looked up by the indices they come from) leaves every cell,
    style index and merged range as ws.merge_cells does, including a range inside one
    already merged (not added) and the same combination met a second time (memo)."""
    from xl_kinerja.generator.percepat import gabung, percepat

    wb_a, ws_a = _lembar_bergaris()
    wb_b, ws_b = _lembar_bergaris()
    percepat(wb_b)
    for r1, c1, r2, c2 in _GABUNG + [(6, 2, 6, 5)]:
        ws_a.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        gabung(ws_b, start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    assert _isi(ws_a) == _isi(ws_b)
    assert sorted(str(r) for r in ws_b.merged_cells.ranges) == ["A1:C3", "A4:D5", "A7",
                                                                 "B6:E6"]
    assert ws_b["B2"].__class__.__name__ == "MergedCell"
    assert ws_b["A4"].protection.locked is False and ws_b["D5"].protection.locked is False


def test_daftar_gaya_memberi_indeks_yang_sama():
    """The style lists of percepat() answer an object seen before by identity, an equal
    new object by value: the indices of openpyxl's own IndexedList."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    from xl_kinerja.generator.percepat import _DaftarGaya

    biasa, cepat = IndexedList([Font()]), _DaftarGaya([Font()])
    huruf = [Font(name="Arial", size=10), Font(name="Arial", size=10, bold=True)]
    urutan = [huruf[0], huruf[1], huruf[0], Font(name="Arial", size=10), Font(), huruf[1]]
    assert [biasa.add(f) for f in urutan] == [cepat.add(f) for f in urutan] == [1, 2, 1, 1, 0, 2]
    assert list(biasa) == list(cepat)



def test_dari_linear(tmp_path):
    """Reading last year's workbook for `baru --dari` (`katalog_dari_buku_kerja`): 10x the
    indicators within 15x the CPU time (measured 8-9x). Least of three runs (two for the
    large size). (`isi_realisasi` is not guarded here: at 500 indicators even a list.index
    lookup per code adds too little to show; its lookups are dicts, generator/isi.py.)"""
    from xl_kinerja.generator import katalog_dari_buku_kerja, simpan

    berkas = {}
    for n in (KECIL, BESAR):
        p = berkas[n] = simpan(buat_buku_kerja(_katalog(n), 2027, satker="KPU Kabupaten Uji"),
                               tmp_path / f"buku-{n}.xlsx")
        lama = katalog_dari_buku_kerja(p, 2028)
        assert sum(len(s.indikator) for s in lama.sasaran) == n
    waktu = dict(zip((KECIL, BESAR), cpu_pasangan(
        lambda: katalog_dari_buku_kerja(berkas[KECIL], 2028),
        lambda: katalog_dari_buku_kerja(berkas[BESAR], 2028), 3, 2), strict=True))
    assert waktu[BESAR] <= BATAS * waktu[KECIL], (
        f"{BESAR} indikator {waktu[BESAR]:.3f} s, {KECIL} indikator {waktu[KECIL]:.3f} s: "
        f"{waktu[BESAR] / waktu[KECIL]:.1f}x (batas {BATAS}x)")
