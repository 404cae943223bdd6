"""Benchmark: rekap of a satker workbook with 150 indicators and 60 budget lines.

    python benchmarks/bench_rekap.py [--ulang 3]

End to end from the CLI (a fresh `python` process running `xl_kinerja.cli.main` rekap, so import time
counts) against a LibreOffice headless recalculation of the same file in the same run.
Prints both times (best of --ulang) and the ratio; goal: ratio <= 0.5.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ukur import buku_besar  # noqa: E402

from xl_kinerja.libreoffice import hitung_ulang  # noqa: E402

TAHUN = 2027


def katalog_besar() -> tuple[dict, dict, dict]:
    sasaran, kinerja = [], {}
    for s in range(15):
        ind = []
        for i in range(10):  # 150 indicators
            kode = f"S{s + 1:02d}.{i + 1:02d}"
            if i % 3 == 0:
                d = {"satuan": "%", "jenis_target": "persen", "t": "95%"}
                kinerja[kode] = [0.9, 0.93, 0.95, 0.97]
            elif i % 3 == 1:
                d = {"satuan": "Laporan", "jenis_target": "jumlah", "t": "12 Laporan"}
                kinerja[kode] = [3, 6, 8, 12]
            else:
                d = {"satuan": "Kali", "jenis_target": "jumlah", "t": "4 Kali"}
                kinerja[kode] = [1, 2, 3, None]
            ind.append({"kode": kode, "nama": f"Indikator contoh {kode}", "satuan": d["satuan"],
                        "jenis_target": d["jenis_target"], "polaritas": "maks",
                        "target": {str(t): d["t"] for t in range(2025, 2030)},
                        "penanggung_jawab": "Subbagian Perencanaan, Data dan Informasi"})
        sasaran.append({"kode": f"S{s + 1:02d}", "nama": f"Sasaran contoh {s + 1}",
                        "tingkat": "kpu" if s < 8 else "sekretariat", "indikator": ind})
    anggaran, realisasi = [], {}
    for p in range(4):  # 4 programs x 2 kegiatan x 6 output = 60 lines
        anggaran.append({"kode": f"076.01.P{p}", "uraian": f"Program {p + 1}",
                         "tingkat": "program"})
        for k in range(2):
            anggaran.append({"kode": f"K{p}{k}", "uraian": f"Kegiatan {p + 1}.{k + 1}",
                             "tingkat": "kegiatan"})
            for o in range(6):
                kode = f"O{p}{k}{o}"
                pagu = 50_000_000 + 1_000_000 * (p * 12 + k * 6 + o)
                anggaran.append({"kode": kode, "uraian": f"Output {kode}", "tingkat": "output",
                                 "pagu": {str(TAHUN): pagu}})
                realisasi[kode] = [pagu * f for f in (0.2, 0.45, 0.7, 0.95)]
    return ({"format": "xl-kinerja/katalog", "versi": 1, "satker": "KPU Kabupaten Besar",
             "periode": [2025, 2029], "sasaran": sasaran, "anggaran": anggaran},
            kinerja, realisasi)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ulang", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-rekap-") as d:
        d = Path(d)
        sumber = buku_besar(d)
        t_rekap, t_lo = [], []
        for i in range(a.ulang):
            kerja = d / f"kerja{i}.xlsx"
            shutil.copy(sumber, kerja)
            t0 = time.perf_counter()
            r = subprocess.run([sys.executable, "-c", "import sys; from xl_kinerja.cli import main; "
                                "sys.exit(main())", "rekap", str(kerja),
                                "--triwulan", "2", "--tanpa-cadangan"],
                               capture_output=True, text=True)
            t_rekap.append(time.perf_counter() - t0)
            if r.returncode != 0:
                print(r.stderr, file=sys.stderr)
                return 1
            t0 = time.perf_counter()
            hitung_ulang([sumber], d / f"lo{i}")
            t_lo.append(time.perf_counter() - t0)
        rk, lo = min(t_rekap), min(t_lo)
        print(f"rekap CLI (150 indikator, 60 baris anggaran): {rk:.2f} d (terbaik dari {a.ulang})")
        print(f"LibreOffice hitung ulang berkas yang sama:     {lo:.2f} d")
        print("per ulangan (rekap / LibreOffice): " + ", ".join(
            f"{r:.2f}/{o:.2f}" for r, o in zip(t_rekap, t_lo)))
        print(f"rasio rekap/LibreOffice: {rk / lo:.2f} (sasaran <= 0,50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
