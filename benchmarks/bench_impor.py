"""Benchmark: `impor` of a large table is linear, against a baseline measured in the same run.

    python benchmarks/bench_impor.py [--ulang 3] [--ukuran 10000,100000]

The table (TSV as copied from an RKT): indicator rows in bench_periksa's shape (sasaran left
blank under their first row, three target kinds) followed by a budget part with one tenth as
many rows (program > kegiatan > outputs with codes, subtotals that add up). Measured per size:
`impor_tabel` plus the check that `baru --iku` accepts its catalog (`periksa_katalog`, what
`impor --keluaran x.json` does before writing), and the baseline any importer pays: reading
the lines and parsing every target with the core (`baca_target`). Prints median and spread
(min-max) of wall time, the median CPU time (a shared machine stretches wall time only), the
ratio to the baseline, and the growth from one size to the next (linear: 10x the rows, at
most 12x the time).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_periksa import tabel_rkt  # noqa: E402
from bench_rekap import ringkas, ukur  # noqa: E402

from xl_kinerja import baca_target  # noqa: E402
from xl_kinerja.impor import impor_tabel, periksa_katalog  # noqa: E402


def tabel_besar(n: int) -> str:
    teks = tabel_rkt(n)
    baris = ["KODE\tURAIAN\tPAGU\tREALISASI S.D. TW II\t%"]
    for p in range(max(1, n // 100)):   # 10 rows per program: n // 10 budget rows
        prog, keg = f"076.{p // 100:02d}.{chr(65 + p % 26)}{chr(65 + p // 26 % 26)}", \
            f"W{chr(65 + p % 26)}.{p:04d}"
        baris.append(f"{prog} Program {p}\t\t8.000.000\t4.000.000\t50,00")
        for k in range(2):
            baris.append(f"{keg}{k} Kegiatan {p}.{k}\t\t4.000.000\t2.000.000\t50,00")
            for j in range(3):
                pagu = 2_000_000 if j == 0 else 1_000_000
                baris.append(f"EB{chr(65 + j)}.{p % 1000:03d} Layanan {p}.{k}.{j}\t\t"
                             f"{pagu:,}\t{pagu // 2:,}\t50,00".replace(",", "."))
    return teks + "\n".join(baris) + "\n"


def _dasar(path: Path) -> None:
    for baris in path.read_text(encoding="utf-8").splitlines():
        sel = baris.split("\t")
        if len(sel) == 4:
            try:
                baca_target(sel[3])
            except ValueError:
                pass


def _impor(path: Path) -> None:
    h = impor_tabel(path, "rkt", tahun=2025)
    periksa_katalog(h)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--ukuran", default="10000,100000")
    a = ap.parse_args()
    ukuran = [int(x) for x in a.ukuran.split(",")]
    sebelumnya = None
    with tempfile.TemporaryDirectory() as d:
        for n in ukuran:
            path = Path(d) / f"rkt-{n}.tsv"
            path.write_text(tabel_besar(n), encoding="utf-8")
            cpu_d, cpu_i = [], []
            dasar = ukur(lambda path=path: _dasar(path), a.ulang, cpu_d)
            impor = ukur(lambda path=path: _impor(path), a.ulang, cpu_i)
            md, mi = statistics.median(dasar), statistics.median(impor)
            ci = statistics.median(cpu_i)
            print(f"{n:>7} baris indikator (+{n // 10} anggaran, "
                  f"{path.stat().st_size / 1e6:.1f} MB): impor {ringkas(impor)} "
                  f"[CPU {ci:.3f} d], dasar {ringkas(dasar)} [CPU "
                  f"{statistics.median(cpu_d):.3f} d], rasio {mi / md:.1f}x")
            if sebelumnya:
                n0, m0, c0 = sebelumnya
                print(f"        pertumbuhan {n0} -> {n}: {n / n0:.0f}x baris, {mi / m0:.1f}x "
                      f"waktu dinding, {ci / c0:.1f}x waktu CPU (sasaran: paling banyak "
                      f"{1.2 * n / n0:.0f}x)")
            sebelumnya = (n, mi, ci)
    return 0


if __name__ == "__main__":
    sys.exit(main())
