"""Benchmark: `baru` (generate and save the workbook) against bare openpyxl writing the
same workbook, at several sizes.

    python benchmarks/bench_generator.py [--ulang 3] [--ukuran 150,1500,5000]

Input: the default catalog's real sasaran (texts, target kinds, units, polarities,
schedules) repeated under new codes up to n indicators, and its budget lines repeated with
them (`_ukur.katalog_nyata`).

Baselines, the same work done with bare openpyxl: the generated workbook is read back once
(not timed) and replayed cell by cell into a new workbook: every value (numbers, strings,
formulas as text), every styled cell, every merged range, data validation, conditional
format, defined name, column width and row height; then saved. Two ways:
- "openpyxl polos": each styled cell gets its font, fill, border, alignment, protection
  and number format assigned (one object per distinct style, as plain openpyxl code with
  style constants does; openpyxl hashes each object on each assignment), merged ranges by
  ws.merge_cells (which scans the ranges already merged: quadratic, so this side is
  measured up to --polos-sampai indicators only);
- "lantai openpyxl": the workbook's style lists are copied once and each cell gets its
  style index array directly, merged ranges are added without merge_cells' scan of the
  ranges already merged: the least openpyxl can do to write these cells.
Each replayed file is read back (not timed) and its counts compared with the generated
one, so every side wrote the same things.

Prints per size the median and spread (min-max) of --ulang runs (runs alternate between
the three, so a change of load hits all alike), the ratio of wall-time medians to each
baseline (goal <= 3 against the floor) and of CPU time (a shared machine stretches wall
time), the time per indicator and the growth from one size to the next (linear: 10x the
indicators within 12x the time).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from copy import copy
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "benchmarks"))

import openpyxl  # noqa: E402
from _ukur import katalog_nyata, waktu  # noqa: E402
from openpyxl.cell.cell import MergedCell  # noqa: E402
from openpyxl.styles.cell_style import StyleArray  # noqa: E402
from openpyxl.utils.indexed_list import IndexedList  # noqa: E402
from openpyxl.workbook.defined_name import DefinedName  # noqa: E402
from openpyxl.worksheet.cell_range import CellRange  # noqa: E402

from xl_kinerja.generator import buat_buku_kerja, simpan  # noqa: E402
from xl_kinerja.katalog import Katalog  # noqa: E402

TAHUN = 2027
ATRIBUT = ("font", "fill", "border", "alignment", "protection")
DAFTAR_GAYA = ("_fonts", "_fills", "_borders", "_alignments", "_protections", "_number_formats")


def rekam(path: Path) -> dict:
    """What the replay writes: per sheet the cells (value, type, style key), the merged
    ranges, validations, conditional formats, widths and heights; the style objects by
    key; the defined names."""
    wb = openpyxl.load_workbook(path)
    gaya: dict[tuple, tuple] = {}
    lembar = []
    for ws in wb.worksheets:
        sel = []
        for baris in ws.iter_rows():
            for c in baris:
                kunci = tuple(c._style) if c.has_style else None
                if kunci is not None and kunci not in gaya:
                    gaya[kunci] = (tuple(copy(getattr(c, a)) for a in ATRIBUT),
                                   c.number_format, c.quotePrefix)
                if c.value is not None or kunci is not None:
                    sel.append((c.row, c.column, c.value, c.data_type, kunci))
        lembar.append({
            "judul": ws.title, "sel": sel,
            "gabung": [str(r) for r in ws.merged_cells.ranges],
            "validasi": [copy(dv) for dv in ws.data_validations.dataValidation],
            "bersyarat": [(str(cf.sqref), list(cf.rules)) for cf in ws.conditional_formatting],
            "lebar": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
            "tinggi": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
            "nama": [(n, d.attr_text) for n, d in ws.defined_names.items()],
        })
    nama = [(n, d.attr_text, d.localSheetId, d.hidden) for n, d in wb.defined_names.items()]
    daftar = {k: [copy(o) for o in getattr(wb, k)] for k in DAFTAR_GAYA}
    return {"lembar": lembar, "gaya": gaya, "nama": nama, "daftar": daftar}


def putar_ulang(rekaman: dict, tujuan: Path, *, lantai: bool = False) -> None:
    """Write the recorded workbook with bare openpyxl (a timed baseline); `lantai`: style
    index arrays instead of style objects (the workbook's style lists copied once)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    gaya = rekaman["gaya"]
    if lantai:
        for k, objek in rekaman["daftar"].items():
            setattr(wb, k, IndexedList(objek))
    for lb in rekaman["lembar"]:
        ws = wb.create_sheet(lb["judul"])
        for rg in lb["gabung"]:
            if lantai:  # the range and its MergedCells, without merge_cells' scan of the
                cr = CellRange(rg)  # ranges already merged (quadratic)
                ws.merged_cells.ranges.add(cr)
                for r, c in list(cr.cells)[1:]:
                    ws._cells[r, c] = MergedCell(ws, r, c)
            else:
                ws.merge_cells(rg)
        for r, c, nilai, jenis, kunci in lb["sel"]:
            s = ws.cell(r, c)
            if nilai is not None:
                s.value = nilai
                if jenis == "s":
                    s.data_type = "s"  # text that looks like a formula stays text
            if kunci is not None and lantai:
                s._style = StyleArray(kunci)
            elif kunci is not None:
                objek, fmt, kutip = gaya[kunci]
                s.font, s.fill, s.border, s.alignment, s.protection = objek
                s.number_format = fmt
                if kutip:
                    s.quotePrefix = True
        for dv in lb["validasi"]:
            ws.add_data_validation(copy(dv))
        for rg, aturan in lb["bersyarat"]:
            for a in aturan:
                ws.conditional_formatting.add(rg, a)
        for k, w in lb["lebar"].items():
            ws.column_dimensions[k].width = w
        for k, h in lb["tinggi"].items():
            ws.row_dimensions[k].height = h
        for n, teks in lb["nama"]:
            ws.defined_names[n] = DefinedName(n, attr_text=teks)
    for n, teks, lokal, sembunyi in rekaman["nama"]:
        wb.defined_names[n] = DefinedName(n, attr_text=teks, localSheetId=lokal, hidden=sembunyi)
    wb.save(tujuan)


def hitung(path: Path) -> dict:
    """Counts compared between the generated and the replayed workbook."""
    wb = openpyxl.load_workbook(path)
    h = {"sel terisi": 0, "rumus": 0, "teks": 0, "sel bergaya": 0, "gabungan": 0,
         "validasi": 0, "sel tervalidasi": 0, "format bersyarat": 0,
         "nama": len(wb.defined_names)}
    for ws in wb.worksheets:
        for baris in ws.iter_rows():
            for c in baris:
                h["sel terisi"] += c.value is not None
                h["rumus"] += c.data_type == "f"
                h["teks"] += c.data_type == "s" and c.value is not None
                h["sel bergaya"] += c.has_style
        h["gabungan"] += len(ws.merged_cells.ranges)
        h["validasi"] += len(ws.data_validations.dataValidation)
        h["sel tervalidasi"] += sum(sum(r.size["rows"] * r.size["columns"] for r in dv.sqref)
                                    for dv in ws.data_validations.dataValidation)
        h["format bersyarat"] += sum(len(cf.rules) for cf in ws.conditional_formatting)
        h["nama"] += len(ws.defined_names)
    return h


def _teks(w: list[float]) -> str:
    return f"{statistics.median(w):6.2f} d ({min(w):.2f}-{max(w):.2f})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--ukuran", default="150,1500,5000")
    ap.add_argument("--polos-sampai", type=int, default=1500,
                    help="ukuran terbesar yang diukur dengan openpyxl polos (bawaan 1500)")
    a = ap.parse_args()
    ukuran = [int(x) for x in a.ukuran.split(",")]
    median: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-generator-") as tmp:
        tmp = Path(tmp)
        for n in ukuran:
            katalog = Katalog.dari_dict(katalog_nyata(n))
            hasil, polos = tmp / f"gen-{n}.xlsx", tmp / f"polos-{n}.xlsx"

            def buat(katalog=katalog, hasil=hasil):
                simpan(buat_buku_kerja(katalog, TAHUN, satker="KPU Kabupaten Contoh"),
                       hasil, timpa=True)

            buat()
            rekaman = rekam(hasil)
            langkah = {"generator": buat,
                       "openpyxl polos": lambda r=rekaman, p=polos: putar_ulang(r, p),
                       "lantai openpyxl": lambda r=rekaman, p=polos: putar_ulang(r, p, lantai=True)}
            if n > a.polos_sampai:
                del langkah["openpyxl polos"]
            h_gen = hitung(hasil)
            for nama in [k for k in langkah if k != "generator"]:
                langkah[nama]()
                if hitung(polos) != h_gen:
                    print(f"PERINGATAN {n} ({nama}): isi tidak sama: {hitung(polos)} vs {h_gen}")
            dinding = {k: [] for k in langkah}
            cpu = {k: [] for k in langkah}
            for _ in range(a.ulang):  # alternating: a change of load hits all three alike
                for k, f in langkah.items():
                    w, c = waktu(f, 1)
                    dinding[k] += w
                    cpu[k] += c
            med = {k: statistics.median(v) for k, v in dinding.items()}
            med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
            median[n] = med["generator"]
            print(f"{n:>5} indikator ({len(katalog.anggaran)} baris anggaran): "
                  f"{', '.join(f'{k} {v}' for k, v in h_gen.items())}")
            for k in langkah:
                print(f"      {k:<16} {_teks(dinding[k])} = "
                      f"{1000 * med[k] / n:6.2f} md/indikator; waktu CPU {med_cpu[k]:.2f} d")
            if n > a.polos_sampai:
                print(f"      openpyxl polos tidak diukur di atas {a.polos_sampai} indikator "
                      "(--polos-sampai): merge_cells openpyxl kuadratik dalam jumlah gabungan")
            for k in [k for k in langkah if k != "generator"]:
                print(f"      rasio generator / {k}: {med['generator'] / med[k]:.2f} "
                      f"(CPU {med_cpu['generator'] / med_cpu[k]:.2f})"
                      + (" (sasaran <= 3)" if k.startswith("lantai") else ""))
    for kecil, besar in zip(ukuran, ukuran[1:], strict=False):
        print(f"pertumbuhan {kecil} -> {besar} indikator ({besar / kecil:.1f}x): "
              f"{median[besar] / median[kecil]:.2f}x waktu")
    return 0


if __name__ == "__main__":
    sys.exit(main())
