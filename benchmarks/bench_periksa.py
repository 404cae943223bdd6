"""Benchmark: `periksa` on a workbook of ours and on a large table, each against a baseline
measured in the same run.

    python benchmarks/bench_periksa.py [--ulang 3] [--ukuran 150,1500,5000] [--baris 2000]

1. Workbook (bench_rekap's workbooks, at each --ukuran): `periksa_buku_kerja` against the
   rekap engine alone on the same file (`baca_nilai` + `hitung_rekap` for TW I-IV), i.e.
   what the checker adds on top of the reading and the rules it shares with the rekap
   (goal: at most 2x at every size), and the growth between sizes.
2. Table (--baris indicator rows, TSV as copied from an RKT): `periksa_berkas` against the
   bare minimum any checker must do: split the lines and parse every target with the core
   (`baca_target`). The ratio says how much the header recognition, row interpretation and
   rules cost over that.
Prints median and spread (min-max) and ratios of medians (lower is better).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_rekap import buku, ringkas, ukur  # noqa: E402

from xl_kinerja import baca_target  # noqa: E402
from xl_kinerja.periksa import periksa_berkas  # noqa: E402
from xl_kinerja.periksa.buku import periksa_buku_kerja  # noqa: E402
from xl_kinerja.rekap import baca_nilai, hitung_rekap  # noqa: E402


def tabel_rkt(n: int) -> str:
    """An RKT table as copied from Word: sasaran cells left blank under their first row,
    three target kinds, one deliberate error per 50 rows (a "Persentase" with a count)."""
    baris = ["NO\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET"]
    for i in range(n):
        s = i // 4
        sasaran = f"Meningkatnya kualitas layanan {s + 1}" if i % 4 == 0 else ""
        no = f"{s + 1}." if i % 4 == 0 else ""
        if i % 50 == 49:
            ind, tgt = f"Persentase laporan {i}", "12 Laporan"
        elif i % 3 == 0:
            ind, tgt = f"Persentase kegiatan terlaksana {i}", "97,5%"
        elif i % 3 == 1:
            ind, tgt = f"Jumlah laporan kinerja {i}", "1.200 Laporan"
        else:
            ind, tgt = f"Nilai evaluasi akuntabilitas {i}", "BB"
        baris.append(f"{no}\t{sasaran}\t{ind}\t{tgt}")
    return "\n".join(baris) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--ukuran", default="150,1500,5000")
    ap.add_argument("--baris", type=int, default=2000)
    a = ap.parse_args()
    ukuran = [int(x) for x in a.ukuran.split(",")]
    per_ukuran = {}
    for n in ukuran:
        p = buku(n)

        def mesin(p=p):
            data = baca_nilai(p)
            for q in (1, 2, 3, 4):
                hitung_rekap(data, q)

        periksa_buku_kerja(p)  # warm the file cache for both sides
        c_mesin, c_buku = [], []
        t_mesin = ukur(mesin, a.ulang, c_mesin)
        t_buku = ukur(lambda p=p: periksa_buku_kerja(p), a.ulang, c_buku)
        m, b = statistics.median(t_mesin), statistics.median(t_buku)
        cm, cb = statistics.median(c_mesin), statistics.median(c_buku)
        per_ukuran[n] = cb
        print(f"buku kerja {n:>5} indikator: periksa {ringkas(t_buku)}, mesin rekap saja "
              f"{ringkas(t_mesin)}, rasio {b / m:.2f}; waktu CPU periksa {ringkas(c_buku)}, "
              f"mesin {ringkas(c_mesin)}, rasio CPU {cb / cm:.2f} (sasaran <= 2)")
    for n1, n2 in zip(ukuran, ukuran[1:], strict=False):
        print(f"pertumbuhan periksa {n1} -> {n2} indikator ({n2 / n1:.1f}x): waktu CPU "
              f"{per_ukuran[n2] / per_ukuran[n1]:.2f}x")
    with tempfile.TemporaryDirectory(prefix="bench-periksa-") as d:
        tabel = Path(d) / "rkt.tsv"
        tabel.write_text(tabel_rkt(a.baris), encoding="utf-8")

        def dasar():
            for baris in tabel.read_text(encoding="utf-8").splitlines()[1:]:
                baca_target(baris.split("\t")[3])

        t_dasar = ukur(dasar, a.ulang)
        temuan = periksa_berkas(tabel)
        t_tabel = ukur(lambda: periksa_berkas(tabel), a.ulang)
        print(f"tabel RKT ({a.baris} baris indikator, {len(temuan)} temuan): periksa "
              f"{ringkas(t_tabel)}, urai + baca_target saja {ringkas(t_dasar)}, rasio "
              f"{statistics.median(t_tabel) / statistics.median(t_dasar):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
