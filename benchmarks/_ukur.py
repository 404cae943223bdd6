"""Shared by the benchmarks: timing and the large satker workbook."""
from __future__ import annotations

import time
from pathlib import Path


def waktu(fungsi, ulang: int) -> tuple[list[float], list[float]]:
    """(wall times, CPU times of this process) of `ulang` calls of `fungsi()`: on a shared
    machine wall time depends on the load, CPU time much less."""
    dinding, cpu = [], []
    for _ in range(ulang):
        t0, c0 = time.perf_counter(), time.process_time()
        fungsi()
        dinding.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return dinding, cpu


def terbaik(fungsi, ulang: int = 5) -> float:
    """Best wall time of `ulang` calls of `fungsi()` (the least disturbed run)."""
    waktu = []
    for _ in range(ulang):
        t0 = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - t0)
    return min(waktu)


def buku_besar(folder: Path) -> Path:
    """A filled satker workbook with 150 indicators and 60 budget lines (bench_rekap's
    catalog), saved in `folder`."""
    from bench_rekap import TAHUN, katalog_besar

    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    from xl_kinerja.katalog import Katalog
    kat, kin, ang = katalog_besar()
    wb = buat_buku_kerja(Katalog.dari_dict(kat), TAHUN, satker="KPU Kabupaten Besar")
    isi_realisasi(wb, kinerja=kin, anggaran=ang)
    return simpan(wb, Path(folder) / "besar.xlsx")


def katalog_nyata(n: int, anggaran_tumbuh: bool = True) -> dict:
    """A catalog of n indicators built from the default (real) catalog: its sasaran with
    their real texts, target kinds, units, polarities and schedules repeated under new
    codes, and its budget lines repeated (new codes, the same pagu) once per 21
    indicators, so the budget grows with the office as in bench_rekap's catalog
    (`anggaran_tumbuh=False`: the default catalog's budget lines once; the growth guard
    tests/test_pertumbuhan_generator.py times the indicator sheets alone)."""
    import copy

    from xl_kinerja.katalog import Katalog
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
    if not anggaran_tumbuh:
        return {**dasar, "sasaran": sasaran}
    per_salinan = sum(len(s["indikator"]) for s in dasar["sasaran"])
    anggaran = []
    for k in range(max(1, round(n / per_salinan))):
        for b in dasar["anggaran"]:
            anggaran.append({**copy.deepcopy(b), "kode": b["kode"] if k == 0 else f"{b['kode']}-{k}"})
    return {**dasar, "sasaran": sasaran, "anggaran": anggaran}
