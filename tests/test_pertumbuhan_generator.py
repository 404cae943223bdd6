"""Growth guard for `baru` (issue 16): 10x the indicators within 15x the time to build the
workbook. A quadratic step (data validations added cell by cell, a lookup by list.index)
shows up above 15x at these sizes (measured: 16x with validations added cell by cell,
8-11x after). Least CPU time of three runs for the small catalog, two for the large (the
machine is shared)."""
from __future__ import annotations

import copy
import time

from xl_kinerja.generator import buat_buku_kerja
from xl_kinerja.katalog import Katalog

KECIL, BESAR = 50, 500
BATAS = 15


def _katalog(n: int) -> Katalog:
    """The default catalog's sasaran repeated (new codes) until it holds n indicators:
    the same mix of target kinds, units and polarities as a real office."""
    dasar = Katalog.bawaan().ke_dict()
    sasaran, jumlah, i = [], 0, 0
    while jumlah < n:
        s = copy.deepcopy(dasar["sasaran"][i % len(dasar["sasaran"])])
        s["kode"] = f"S{i}"
        s["indikator"] = s["indikator"][: n - jumlah]
        for j, ind in enumerate(s["indikator"]):
            ind["kode"] = f"S{i}.{j}"
        jumlah += len(s["indikator"])
        sasaran.append(s)
        i += 1
    return Katalog.dari_dict({**dasar, "sasaran": sasaran})


def _terbaik(katalog: Katalog, ulang: int = 3) -> float:
    hasil = []
    for _ in range(ulang):
        t0 = time.process_time()
        buat_buku_kerja(katalog, 2027, satker="KPU Kabupaten Uji")
        hasil.append(time.process_time() - t0)
    return min(hasil)


def test_pembuatan_buku_kerja_linear():
    kecil, besar = _katalog(KECIL), _katalog(BESAR)
    assert sum(len(s.indikator) for s in besar.sasaran) == BESAR
    t_kecil, t_besar = _terbaik(kecil), _terbaik(besar, ulang=2)
    assert t_besar <= BATAS * t_kecil, (
        f"{BESAR} indikator {t_besar:.2f} s, {KECIL} indikator {t_kecil:.2f} s: "
        f"{t_besar / t_kecil:.1f}x (batas {BATAS}x)")
