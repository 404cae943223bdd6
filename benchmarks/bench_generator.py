"""Benchmark: generate the full workbook set for 1 and 100 satker.

    python benchmarks/bench_generator.py [--jumlah 100]

Prints the time per run and the ratio to writing the same number of cells with bare
openpyxl (values only, same sheet count) in the same run, so the number says how much
the styles, validations, names and formulas cost on this machine.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl  # noqa: E402

from xl_kinerja.generator import buat_buku_kerja, simpan  # noqa: E402
from xl_kinerja.katalog import Katalog  # noqa: E402


def _jumlah_sel(wb) -> list[tuple[str, int, int]]:
    """(sheet, rows, non-empty cells) per sheet: the shape bare openpyxl reproduces."""
    hasil = []
    for ws in wb.worksheets:
        n = sum(1 for row in ws.iter_rows() for c in row if c.value is not None)
        hasil.append((ws.title, ws.max_row, n))
    return hasil


def _openpyxl_polos(bentuk, tujuan: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for judul, baris, n in bentuk:
        ws = wb.create_sheet(judul)
        lebar = max(1, -(-n // max(baris, 1)))
        for i in range(n):
            ws.cell(i // lebar + 1, i % lebar + 1, i)
    wb.save(tujuan)


def ukur(jumlah: int, folder: Path, katalog: Katalog) -> tuple[float, float, int]:
    t0 = time.perf_counter()
    bentuk = None
    for i in range(jumlah):
        wb = buat_buku_kerja(katalog, 2027, satker=f"KPU Kabupaten Contoh {i + 1:03d}")
        if bentuk is None:
            bentuk = _jumlah_sel(wb)
        simpan(wb, folder / f"gen-{jumlah}-{i:03d}.xlsx")
    t_gen = time.perf_counter() - t0
    t0 = time.perf_counter()
    for i in range(jumlah):
        _openpyxl_polos(bentuk, folder / f"polos-{jumlah}-{i:03d}.xlsx")
    t_polos = time.perf_counter() - t0
    return t_gen, t_polos, sum(n for _, _, n in bentuk)


def main() -> None:
    ap = argparse.ArgumentParser(description="Ukur waktu pembuatan buku kerja.")
    ap.add_argument("--jumlah", type=int, default=100, help="jumlah satker (bawaan 100)")
    a = ap.parse_args()
    katalog = Katalog.bawaan()
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1, a.jumlah):
            t_gen, t_polos, sel = ukur(n, Path(tmp), katalog)
            print(f"{n:>4} satker: generator {t_gen:7.2f} s ({t_gen / n * 1000:6.0f} ms/satker), "
                  f"openpyxl polos {t_polos:6.2f} s, rasio {t_gen / t_polos:4.1f}x "
                  f"({sel} sel terisi per buku kerja)")


if __name__ == "__main__":
    main()
