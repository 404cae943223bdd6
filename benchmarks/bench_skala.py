"""Benchmark: every command at 150, 1.500 and 5.000 indicators, end to end from the CLI.

    python benchmarks/bench_skala.py [--ulang 3] [--ukuran 150,1500,5000] [--baris 200000]
                                     [--baris-xlsx 20000]

Each command runs as a user runs it: a fresh `python` process calling `xl_kinerja.cli.main`
(start-up and imports count), its output to a temporary folder. Inputs per size n:
- `baru --iku`: the default catalog's real sasaran repeated up to n indicators, its budget
  lines with them (`_ukur.katalog_nyata`), as a JSON catalog;
- `baru --dari`: the workbook `baru` wrote, carried into the next year;
- `rekap`, `periksa`, `lkj`: a filled workbook of n indicators (bench_rekap's catalog:
  three target kinds, 60 budget lines per 150 indicators, realisasi for every quarter);
- `impor` (to a workbook) and `periksa` of a table: an RKT table as copied from Word with n
  indicator rows and n/10 budget rows (bench_impor's table); then `impor --jenis iku` to a
  JSON catalog and `periksa` of a table of --baris rows, and `impor` to a workbook of
  --baris-xlsx rows (a workbook holds every row as openpyxl cells, about 75 KB of memory
  per indicator: 200.000 rows would need some 15 GB).
Prints per command and size the median and spread (min-max) of --ulang runs (wall time, and
CPU time of the process: a shared machine stretches wall time), the time per indicator (or
per row) and the growth from one size to the next (linear: 10x the size, at most 12x the
time; the fixed start-up makes the small size look slower per indicator).
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "benchmarks"))

from _ukur import katalog_nyata  # noqa: E402
from bench_impor import tabel_besar  # noqa: E402
from bench_rekap import TAHUN, buku  # noqa: E402

CLI = "import sys; from xl_kinerja.cli import main; sys.exit(main())"


def _anak_cpu() -> float:
    a = resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime


def jalankan(*argumen: str, boleh: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall and CPU seconds of one CLI run (exit codes in `boleh` are results, e.g.
    periksa's 1 = findings)."""
    c0, t0 = _anak_cpu(), time.perf_counter()
    r = subprocess.run([sys.executable, "-c", CLI, *argumen], capture_output=True, text=True)
    t, c = time.perf_counter() - t0, _anak_cpu() - c0
    if r.returncode not in boleh:
        raise SystemExit(f"{' '.join(argumen)}: kode keluar {r.returncode}\n{r.stderr[-2000:]}")
    return t, c


def ukur(argumen: list[str], ulang: int, boleh=(0,), sebelum=None) -> tuple[list, list]:
    dinding, cpu = [], []
    for _ in range(ulang):
        if sebelum:
            sebelum()
        t, c = jalankan(*argumen, boleh=boleh)
        dinding.append(t)
        cpu.append(c)
    return dinding, cpu


def _impor_xlsx(tabel: Path, d: Path, n: int) -> list[str]:
    """`impor` of an RKT table to a new workbook, as an office runs it."""
    return ["impor", str(tabel), "--jenis", "rkt", "--tahun", "2025", "--satker",
            "KPU Kabupaten Contoh", "--keluaran", str(d / f"impor-{n}.xlsx"), "--timpa"]


def _teks(w: list[float]) -> str:
    return f"{statistics.median(w):.2f} d ({min(w):.2f}-{max(w):.2f})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--ukuran", default="150,1500,5000")
    ap.add_argument("--baris", type=int, default=200_000,
                    help="baris indikator tabel besar untuk impor ke JSON dan periksa "
                         "(0 = lewati)")
    ap.add_argument("--baris-xlsx", type=int, default=20_000,
                    help="baris indikator tabel untuk impor ke buku kerja (0 = lewati)")
    a = ap.parse_args()
    ukuran = [int(x) for x in a.ukuran.split(",") if int(x) > 0]  # 0: no workbook sizes
    hasil: dict[str, dict[int, tuple[list, list]]] = {}

    def catat(nama: str, n: int, w_c: tuple[list, list], satuan: str = "indikator") -> None:
        hasil.setdefault(nama, {})[n] = w_c
        w, c = w_c
        print(f"  {nama:<22} {n:>7} {satuan}: {_teks(w)}, CPU {_teks(c)}, "
              f"{1000 * statistics.median(w) / n:.2f} md/{satuan}", flush=True)

    with tempfile.TemporaryDirectory(prefix="bench-skala-") as d:
        d = Path(d)
        for n in ukuran:
            kat = d / f"katalog-{n}.json"
            kat.write_text(json.dumps(katalog_nyata(n), ensure_ascii=False), encoding="utf-8")
            baru = d / f"baru-{n}.xlsx"
            catat("baru --iku", n, ukur(["baru", "--tahun", str(TAHUN), "--satker",
                                          "KPU Kabupaten Contoh", "--iku", str(kat),
                                          "--keluaran", str(baru), "--timpa"], a.ulang))
            catat("baru --dari", n, ukur(["baru", "--tahun", str(TAHUN + 1), "--satker",
                                           "KPU Kabupaten Contoh", "--dari", str(baru),
                                           "--keluaran", str(d / f"dari-{n}.xlsx"), "--timpa"],
                                          a.ulang))
            terisi = buku(n)  # cached by bench_rekap
            kerja = d / f"rekap-{n}.xlsx"
            catat("rekap (TW II)", n, ukur(["rekap", str(kerja), "--triwulan", "2",
                                             "--tanpa-cadangan"], a.ulang,
                                            sebelum=lambda t=terisi, k=kerja: shutil.copy(t, k)))
            catat("periksa buku kerja", n, ukur(["periksa", str(terisi)], a.ulang, boleh=(0, 1)))
            catat("lkj", n, ukur(["lkj", str(terisi), "--keluaran", str(d / f"lkj-{n}.docx"),
                                   "--timpa"], a.ulang))
            tabel = d / f"rkt-{n}.tsv"
            tabel.write_text(tabel_besar(n), encoding="utf-8")
            catat("impor tabel -> xlsx", n, ukur(_impor_xlsx(tabel, d, n), a.ulang))
            catat("periksa tabel", n, ukur(["periksa", str(tabel), "--jenis", "rkt"], a.ulang,
                                           boleh=(0, 1)))
        if a.baris:
            n = a.baris
            tabel = d / f"rkt-{n}.tsv"
            tabel.write_text(tabel_besar(n), encoding="utf-8")
            ulang = max(1, a.ulang - 1)
            catat("impor tabel -> json", n, ukur(["impor", str(tabel), "--jenis", "iku",
                                                   "--tahun", "2025", "--keluaran",
                                                   str(d / f"impor-{n}.json"), "--timpa"],
                                                  ulang), "baris")
            catat("periksa tabel", n, ukur(["periksa", str(tabel), "--jenis", "rkt"], ulang,
                                           boleh=(0, 1)), "baris")
        if a.baris_xlsx:
            n = a.baris_xlsx
            tabel = d / f"rkt-{n}.tsv"
            tabel.write_text(tabel_besar(n), encoding="utf-8")
            catat("impor tabel -> xlsx", n, ukur(_impor_xlsx(tabel, d, n), max(1, a.ulang - 1)),
                  "baris")
    print("\npertumbuhan (median waktu dinding; CPU dalam kurung):")
    for nama, per in hasil.items():
        uk = sorted(per)
        teks = []
        for n1, n2 in zip(uk, uk[1:], strict=False):
            w = statistics.median(per[n2][0]) / statistics.median(per[n1][0])
            c = statistics.median(per[n2][1]) / statistics.median(per[n1][1])
            teks.append(f"{n1} -> {n2} ({n2 / n1:.1f}x): {w:.2f}x ({c:.2f}x)")
        print(f"  {nama:<22} " + "; ".join(teks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
