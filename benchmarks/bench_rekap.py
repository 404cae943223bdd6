"""Benchmark: the rekap CLI at several sizes against a LibreOffice recalculation.

    python benchmarks/bench_rekap.py [--ulang 3] [--ukuran 150,1500,5000]

For each size (indicators; budget lines grow with it, 60 lines per 150 indicators): the
rekap end to end from the CLI (a fresh `python` process running `xl_kinerja.cli.main`
rekap, so start-up and imports count) against `soffice --headless` recalculating the same
file, in the same run. Also the floor: a fresh process that only starts Python and imports
what the rekap CLI imports. Prints median and spread (min-max) of --ulang runs (wall
time, and CPU time of the processes: on a shared machine the load stretches wall time), the
ratio of medians (goal <= 0,25), time per indicator and the growth between sizes (linear:
10x the indicators within 12x the time), and which heavy modules the CLI path loaded.
Generated workbooks are cached in the temp folder (generation is not what is measured).
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
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

from xl_kinerja.libreoffice import hitung_ulang  # noqa: E402

TAHUN = 2027
CLI = "import sys; from xl_kinerja.cli import main; sys.exit(main())"
# what `main()` imports before running rekap: every command's parser (buat_parser), then rekap
LANTAI = ("from xl_kinerja.cli import buat_parser; buat_parser(); "
          "import xl_kinerja.cli.rekap, xl_kinerja.rekap.tulis")
BERAT = ("numpy", "pandas", "xlwings", "openpyxl")


def katalog_besar(n: int = 150) -> tuple[dict, dict, dict]:
    """n indicators (10 per sasaran, three target kinds) and 60 budget lines per 150."""
    sasaran, kinerja = [], {}
    for s in range(-(-n // 10)):
        ind = []
        for i in range(min(10, n - 10 * s)):
            kode = f"S{s + 1:03d}.{i + 1:02d}"
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
        sasaran.append({"kode": f"S{s + 1:03d}", "nama": f"Sasaran contoh {s + 1}",
                        "tingkat": "kpu" if s % 2 == 0 else "sekretariat", "indikator": ind})
    anggaran, realisasi = [], {}
    for p in range(max(1, round(4 * n / 150))):  # program x 2 kegiatan x 6 output
        anggaran.append({"kode": f"076.01.P{p}", "uraian": f"Program {p + 1}",
                         "tingkat": "program"})
        for k in range(2):
            anggaran.append({"kode": f"K{p}.{k}", "uraian": f"Kegiatan {p + 1}.{k + 1}",
                             "tingkat": "kegiatan"})
            for o in range(6):
                kode = f"O{p}.{k}.{o}"
                pagu = 50_000_000 + 1_000_000 * ((p * 12 + k * 6 + o) % 100)
                anggaran.append({"kode": kode, "uraian": f"Output {kode}", "tingkat": "output",
                                 "pagu": {str(TAHUN): pagu}})
                realisasi[kode] = [pagu * f for f in (0.2, 0.45, 0.7, 0.95)]
    return ({"format": "xl-kinerja/katalog", "versi": 1, "satker": "KPU Kabupaten Besar",
             "periode": [2025, 2029], "sasaran": sasaran, "anggaran": anggaran},
            kinerja, realisasi)


def _sidik_generator() -> str:
    h = hashlib.sha256()
    for p in sorted((AKAR / "xl_kinerja").rglob("*.py")):
        if "generator" in p.parts or p.name in ("nama.py", "katalog.py"):
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


@contextlib.contextmanager
def _validasi_cepat(aktif: bool):
    """While the generator adds data validations cell by cell (quadratic in openpyxl's
    MultiCellRange.add, which scans every range it holds), add without the containment
    scan, so a 5.000-indicator fixture takes minutes, not hours. Only for building the
    benchmark's input (the same validations, possibly with redundant single cells)."""
    if not aktif:
        yield
        return
    from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
    asli = MultiCellRange.add

    def tambah(self, coord):
        self.ranges.add(CellRange(coord) if isinstance(coord, str) else coord)
    MultiCellRange.add = tambah
    try:
        yield
    finally:
        MultiCellRange.add = asli


def buku(n: int) -> Path:
    """A filled workbook of n indicators (cached by size and generator source)."""
    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    from xl_kinerja.katalog import Katalog
    folder = Path(tempfile.gettempdir()) / "xl-kinerja-bench"
    folder.mkdir(exist_ok=True)
    p = folder / f"buku-{n}-{_sidik_generator()}.xlsx"
    if not p.exists():
        t0 = time.perf_counter()
        kat, kin, ang = katalog_besar(n)
        with _validasi_cepat(True):
            wb = buat_buku_kerja(Katalog.dari_dict(kat), TAHUN, satker="KPU Kabupaten Besar")
        isi_realisasi(wb, kinerja=kin, anggaran=ang)
        simpan(wb, p, timpa=True)
        print(f"  (buku kerja {n} indikator dibuat dalam {time.perf_counter() - t0:.1f} d)",
              file=sys.stderr)
    return p


def ukur(fungsi, ulang: int, cpu: list | None = None) -> list[float]:
    """Wall times of `ulang` calls; `cpu` (a list) also gets the CPU seconds of each call,
    this process and its finished children (a loaded machine stretches wall time only)."""
    waktu = []
    for _ in range(ulang):
        c0 = _cpu()
        t0 = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - t0)
        if cpu is not None:
            cpu.append(_cpu() - c0)
    return waktu


def _cpu() -> float:
    s, a = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + a.ru_utime + a.ru_stime


def ringkas(w: list[float]) -> str:
    return f"{statistics.median(w):.3f} d ({min(w):.3f}-{max(w):.3f})"


def _jalan(*argumen):
    r = subprocess.run([sys.executable, "-c", *argumen], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    return r


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--ukuran", default="150,1500,5000")
    a = ap.parse_args()
    ukuran = [int(x) for x in a.ukuran.split(",")]
    cek = _jalan(LANTAI + "; import sys; print(','.join(m for m in "
                 f"{BERAT!r} if m in sys.modules))").stdout.strip()
    print(f"modul berat di jalur CLI rekap: {cek or 'tidak ada'} (dari {', '.join(BERAT)})")
    lantai = ukur(lambda: _jalan(LANTAI), a.ulang + 2)
    print(f"lantai (python + impor CLI rekap): {ringkas(lantai)}")
    hasil = {}
    with tempfile.TemporaryDirectory(prefix="bench-rekap-") as d:
        d = Path(d)
        for n in ukuran:
            sumber = buku(n)
            t_rekap, t_lo, c_rekap, c_lo = [], [], [], []
            for i in range(a.ulang):
                kerja = d / f"kerja{n}-{i}.xlsx"
                shutil.copy(sumber, kerja)
                t_rekap += ukur(lambda kerja=kerja: _jalan(CLI, "rekap", str(kerja), "--triwulan", "2",
                                                           "--tanpa-cadangan"), 1, c_rekap)
                t_lo += ukur(lambda s=sumber, lo=d / f"lo{n}-{i}": hitung_ulang([s], lo), 1, c_lo)
            rk, lo = statistics.median(t_rekap), statistics.median(t_lo)
            hasil[n] = rk
            print(f"{n:>5} indikator: rekap CLI {ringkas(t_rekap)}; LibreOffice "
                  f"{ringkas(t_lo)}; rasio {rk / lo:.2f} (sasaran <= 0,25); "
                  f"{1000 * (rk - statistics.median(lantai)) / n:.2f} md/indikator di atas "
                  f"lantai; waktu CPU rekap {ringkas(c_rekap)}, LibreOffice {ringkas(c_lo)}, "
                  f"rasio CPU {statistics.median(c_rekap) / statistics.median(c_lo):.2f}")
    for n1, n2 in zip(ukuran, ukuran[1:], strict=False):
        print(f"pertumbuhan {n1} -> {n2} indikator ({n2 / n1:.1f}x): waktu "
              f"{hasil[n2] / hasil[n1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
