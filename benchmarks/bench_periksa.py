"""Benchmark: `periksa` on a workbook of ours and on a large table, each against a baseline
measured in the same run.

    python benchmarks/bench_periksa.py [--ulang 3] [--ukuran 150,1500,5000] [--baris 2000]

1. Workbook (bench_rekap's workbooks, at each --ukuran): `periksa_buku_kerja` against the
   rekap engine alone on the same file (`baca_nilai` + `hitung_rekap` for TW I-IV), i.e.
   what the checker adds on top of the reading and the rules it shares with the rekap
   (goal: at most 2x at every size), and the growth between sizes; and the floor under
   that ratio: the byte scan alone of the document sheets the text rule must read, which
   the rekap engine never opens.
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
from xl_kinerja import nama as N  # noqa: E402
from xl_kinerja.ooxml.buku import baca_buku  # noqa: E402
from xl_kinerja.ooxml.paket import Paket  # noqa: E402
from xl_kinerja.ooxml.pindai import pindai, pola_rumus  # noqa: E402
from xl_kinerja.ooxml.rujukan import huruf_kolom, urai_rujukan  # noqa: E402
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


def lembar_dokumen(p: Path) -> dict[str, bytes]:
    """{sheet: part XML} of the sheets `teks_berbeda` scans whole: every worksheet but
    Pengukuran whose formulas may name one of its text columns (`pola_rumus`), and, last,
    Pengukuran itself under the key None (for its size)."""
    with Paket(p) as pk:
        isi = baca_buku(pk)
        (ukur, (c1, *_)), (_, (c2, *_)) = (urai_rujukan(isi.nama[n]) for n in
                                           (N.UKUR_INDIKATOR, N.UKUR_SASARAN))
        pola = pola_rumus(tuple(f"!{a}{huruf_kolom(c)}" for a in ("$", "") for c in (c1, c2)))
        hasil: dict = {}
        for x in isi.lembar:
            data = pk.baca(x.bagian)
            if x.nama != ukur and pola.search(data) is not None:
                hasil[x.nama] = data
            elif x.nama == ukur:
                pengukuran = data
        hasil[None] = pengukuran
        return hasil


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
        dok = lembar_dokumen(p)
        pengukuran = dok.pop(None)
        c_dok: list[float] = []
        ukur(lambda d=dok: [pindai(x) for x in d.values()], a.ulang, c_dok)
        print(f"  lantai: memindai saja lembar dokumen yang dibaca teks_berbeda "
              f"({', '.join(dok)}; {sum(map(len, dok.values())) / 1e6:.2f} MB XML, Pengukuran "
              f"{len(pengukuran) / 1e6:.2f} MB): CPU {ringkas(c_dok)} = "
              f"{statistics.median(c_dok) / cm:.2f} kali mesin rekap")
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
