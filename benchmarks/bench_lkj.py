"""Benchmark: the LKj (data + Word document) against generating the workbook itself.

    python benchmarks/bench_lkj.py [--ulang 5] [--ukuran 15,150]

For each size (indicators; 60 budget lines per 150, bench_rekap's catalog), in the same run:
generating and saving the filled workbook (`buat_buku_kerja` + `isi_realisasi` + `simpan`,
the baseline) and the LKj of that file (`laporan_kinerja`: reading it and every analysis;
`tulis_docx`: the .docx). Prints median and spread (min-max) of --ulang runs, the ratio of
medians LKj / workbook, and the growth between sizes (linear: 10x the indicators within
12x the time).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "benchmarks"))

from _ukur import waktu  # noqa: E402
from bench_rekap import TAHUN, katalog_besar  # noqa: E402

from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan  # noqa: E402
from xl_kinerja.katalog import Katalog  # noqa: E402
from xl_kinerja.lkj import laporan_kinerja  # noqa: E402
from xl_kinerja.lkj.word import tulis_docx  # noqa: E402


def _teks(w: list[float]) -> str:
    return f"{statistics.median(w):6.2f} d ({min(w):.2f}-{max(w):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ulang", type=int, default=5)
    ap.add_argument("--ukuran", default="15,150")
    a = ap.parse_args()
    ukuran = [int(x) for x in a.ukuran.split(",")]
    print(f"{'indikator':>9} | {'buku kerja (dasar)':>24} | {'LKj (data + .docx)':>24} | rasio")
    median = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in ukuran:
            kat, kin, ang = katalog_besar(n)
            buku = tmp / f"buku-{n}.xlsx"

            def buat(kat=kat, kin=kin, ang=ang, buku=buku):
                wb = buat_buku_kerja(Katalog.dari_dict(kat), TAHUN, satker="KPU Kabupaten Besar")
                isi_realisasi(wb, kinerja=kin, anggaran=ang)
                simpan(wb, buku, timpa=True)

            def lkj(buku=buku, n=n):
                tulis_docx(laporan_kinerja(buku), tmp / f"LKj-{n}.docx", timpa=True)

            w_buku = waktu(buat, a.ulang)[0]
            w_lkj = waktu(lkj, a.ulang)[0]
            median[n] = statistics.median(w_lkj)
            rasio = statistics.median(w_lkj) / statistics.median(w_buku)
            print(f"{n:>9} | {_teks(w_buku):>24} | {_teks(w_lkj):>24} | {rasio:4.2f}")
    for kecil, besar in zip(ukuran, ukuran[1:], strict=False):
        print(f"pertumbuhan LKj {kecil} -> {besar} indikator ({besar / kecil:.0f}x): "
              f"{median[besar] / median[kecil]:.1f}x waktu")


if __name__ == "__main__":
    main()
