"""Benchmark: konsolidasi of 50 and 552 satker workbooks (150 indicators, 60 budget lines).

    python benchmarks/bench_konsolidasi.py [--ulang 3] [--ulang-dasar 1] [--ukuran 50,552]

In the same run, per size:
- konsolidasi: `xl_kinerja.konsolidasi.konsolidasi` + `tulis_buku` (what the command does),
  all cores, in a fresh Python process (import time counts; its peak RSS and the largest
  worker's peak RSS are printed: memory must not grow with the number of files);
- naive loop: `hitung_rekap(baca_nilai(p), 2)` per file, one process (the baseline of the
  issue), twice: with the contract reader as it is (its byte scanner, `ooxml.pindai`) and
  with its reference path only (`kontrak.buka(p, cepat=False)`: the element stream every
  file went through before the scanner);
- pandas loop: `pandas.read_excel(p, sheet_name=[Pengukuran, Anggaran, Referensi])` per
  file (reading only, nothing computed).
Medians of --ulang runs (baselines: --ulang-dasar runs, they are slow), with the spread;
wall time and CPU time (the machine is shared: wall time depends on what else runs, CPU
time much less), and the load average before and after each size.

The workbooks are generated once into /tmp/xlk-bench-konsolidasi (not committed): four
generator workbooks with different fills, each copied with its own satker name (the
Info_Satker text in the sheet XML), so 552 satkers are distinct without 552 generator runs.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ukur import waktu
from bench_rekap import TAHUN, katalog_besar

CACHE = Path("/tmp/xlk-bench-konsolidasi")
TW = 2
NAMA = "KPU Kabupaten Besar"
LEMBAR = ["Pengukuran", "Anggaran", "Referensi"]

_ANAK = f"""
import json, resource, sys, time
t0 = time.perf_counter()
from xl_kinerja.konsolidasi import konsolidasi, tulis_buku
ks = konsolidasi(sys.argv[1], {TW})
tulis_buku(ks, sys.argv[2], timpa=True)
sendiri = resource.getrusage(resource.RUSAGE_SELF)
anak = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({{"detik": time.perf_counter() - t0, "satker": len(ks.satker),
                   "cpu": sendiri.ru_utime + sendiri.ru_stime + anak.ru_utime + anak.ru_stime,
                   "dilewati": len(ks.dilewati),
                   "rss_utama": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   "rss_pekerja": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}}))
"""


def _dasar(folder: Path) -> list[Path]:
    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    from xl_kinerja.katalog import Katalog
    kat, kin, ang = katalog_besar()
    hasil = []
    for v in range(4):
        p = folder / f"dasar-{v}.xlsx"
        if not p.exists():
            f = 0.7 + 0.1 * v
            wb = buat_buku_kerja(Katalog.dari_dict(kat), TAHUN, satker=NAMA)
            isi_realisasi(wb, kinerja={k: [None if x is None else x * f for x in n]
                                       for k, n in kin.items()},
                          anggaran={k: [x * f for x in n] for k, n in ang.items()})
            simpan(wb, p)
        hasil.append(p)
    return hasil


def _salin(dasar: Path, tujuan: Path, satker: str) -> None:
    lama = f"<t>{NAMA}</t>".encode()
    baru = f"<t>{satker}</t>".encode()
    with zipfile.ZipFile(dasar) as z, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as o:
        for info in z.infolist():
            data = z.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(lama, baru)
            o.writestr(info, data)


def siapkan(n: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    dasar = _dasar(CACHE)
    folder = CACHE / f"satker-{n}"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        p = folder / f"kinerja-{i:03d}.xlsx"
        if not p.exists():
            _salin(dasar[i % 4], p, f"{NAMA} {i:03d}")
    return folder


def _konsolidasi(folder: Path) -> dict:
    keluar = CACHE / f"hasil-{folder.name}.xlsx"
    r = subprocess.run([sys.executable, "-c", _ANAK, str(folder), str(keluar)],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def _naif(berkas):
    from xl_kinerja.rekap import baca_nilai, hitung_rekap
    for p in berkas:
        hitung_rekap(baca_nilai(p), TW)


def _naif_acuan(berkas):
    from xl_kinerja import kontrak
    from xl_kinerja.rekap import baca_nilai, hitung_rekap
    for p in berkas:
        with kontrak.buka(p, cepat=False) as k:
            hitung_rekap(baca_nilai(k), TW)


def _pandas(berkas):
    import pandas as pd
    for p in berkas:
        pd.read_excel(p, sheet_name=LEMBAR, header=None, engine="openpyxl")


def _teks(w, cpu):
    return (f"median {statistics.median(w):6.2f} d (min {min(w):.2f}, maks {max(w):.2f}, "
            f"n={len(w)}); CPU {statistics.median(cpu):6.2f} d")


def _beban() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--ulang-dasar", type=int, default=1)
    ap.add_argument("--ukuran", default="50,552")
    a = ap.parse_args()
    from xl_kinerja.konsolidasi.jalan import jumlah_inti
    print(f"{jumlah_inti()} inti; buku kerja 150 indikator, 60 baris anggaran; TW {TW}")
    for n in (int(x) for x in a.ukuran.split(",")):
        folder = siapkan(n)
        berkas = sorted(folder.glob("*.xlsx"))
        beban = _beban()
        k = [_konsolidasi(folder) for _ in range(a.ulang)]
        assert all(x["satker"] == n and x["dilewati"] == 0 for x in k), k
        t_k, c_k = [x["detik"] for x in k], [x["cpu"] for x in k]
        t_n, c_n = waktu(lambda b=berkas: _naif(b), a.ulang_dasar)
        t_a, c_a = waktu(lambda b=berkas: _naif_acuan(b), a.ulang_dasar)
        t_p, c_p = waktu(lambda b=berkas: _pandas(b), a.ulang_dasar)
        mk, mn, ma, mp = (statistics.median(t) for t in (t_k, t_n, t_a, t_p))
        print(f"\n{n} berkas (beban rata-rata 1/5/15 menit: sebelum {beban}, "
              f"sesudah {_beban()})")
        print(f"  konsolidasi (proses baru: impor, baca, hitung, tulis): {_teks(t_k, c_k)}")
        print(f"  loop naif baca_nilai+hitung_rekap (pembaca kini):     {_teks(t_n, c_n)}")
        print(f"  loop naif, jalur acuan (aliran elemen, cepat=False):  {_teks(t_a, c_a)}")
        print(f"  loop pandas.read_excel (3 lembar):                    {_teks(t_p, c_p)}")
        print(f"  rasio konsolidasi/naif {mk / mn:.2f}, konsolidasi/naif-acuan {mk / ma:.2f} "
              f"(sasaran <= 0,20), konsolidasi/pandas {mk / mp:.2f}; "
              f"naif/naif-acuan {mn / ma:.2f}")
        print(f"  puncak RSS: proses utama {max(x['rss_utama'] for x in k) / 1024:.0f} MB, "
              f"pekerja terbesar {max(x['rss_pekerja'] for x in k) / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
