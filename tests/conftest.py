"""Shared fixtures. LibreOffice work is batched: one soffice call recalculates every
workbook the generator tests need, one more prints the PDFs (session scope)."""
from __future__ import annotations

import copy
import gc
import time

import pytest


def cpu_pasangan(kecil, besar, ulang: int = 5, ulang_besar: int | None = None
                 ) -> tuple[float, float]:
    """Least CPU time of `ulang` calls of `kecil()` and of `besar()` (`ulang_besar` for the
    large case) for the growth guards, the calls interleaved (small, large, small, ...):
    a burst of load from another process then slows both sides, not only the side measured
    during it (a guard once failed when the large case ran under a burst). CPU time, as the
    machine is shared; the cycle collector paused: late in the suite the heap holds every
    earlier test's objects, and a full collection triggered by the large case would walk
    all of them."""
    t_kecil, t_besar = [], []
    gc.collect()
    gc.disable()
    try:
        for i in range(max(ulang, ulang_besar or ulang)):
            if i < ulang:
                t0 = time.process_time()
                kecil()
                t_kecil.append(time.process_time() - t0)
            if i < (ulang_besar or ulang):
                t0 = time.process_time()
                besar()
                t_besar.append(time.process_time() - t0)
    finally:
        gc.enable()
    return min(t_kecil), min(t_besar)


TAHUN = 2027

TEKS_DIUBAH = ("Indikator disunting di Pengukuran", "Sasaran disunting di Pengukuran")

# A grid of cases for the formula-vs-core tests:
# kode -> (target text, polaritas, jenis, satuan, target_tw texts, realisasi TW I..IV)
KASUS = {
    "G01": ("100%", "maks", "persen", "%", None, [0.5, 0.9, 1.0, 1.2]),
    "G02": ("80%", "maks", "persen", "%", ["80%", "80%", "80%", "80%"], [None, 0.7, 0.72, 0.8]),
    "G03": ("0%", "maks", "persen", "%", ["0%", "0%", "0%", "0%"], [0, 0.1, None, 0.2]),
    "G04": ("2%", "min", "persen", "%", ["2%", "2%", "2%", "2%"], [0, 0.02, 0.03, 0.05]),
    "G05": ("0%", "min", "persen", "%", ["0%", "0%", "0%", "0%"], [0, 0.01, 0, None]),
    "G06": ("12 Kali", "min", "jumlah", "Kali", ["3 Kali", "6 Kali", "9 Kali", "12 Kali"],
            [3, 8, 9, 14]),
    "G07": ("24 Laporan", "maks", "jumlah", "Laporan",
            ["6 Laporan", "12 Laporan", "18 Laporan", "24 Laporan"], [6, 10, 20, 30]),
    "G08": ("79", "maks", "skor", "Nilai", [None, None, "79", "79"], [None, None, 70, 85]),
    "G09": ("80 - 90%", "maks", "rentang", "%", ["80 - 90%"] * 4, [0.7, 0.85, 0.9, 0.95]),
    "G10": ("BB", "maks", "ordinal", "Predikat", ["BB"] * 4, ["B", "BB", "A", "D"]),
    "G11": ("WTP", "maks", "ordinal", "Opini", ["WTP"] * 4, ["WDP", "WTP", "TMP", None]),
    "G12": ("0 Badan Adhoc", "maks", "jumlah", "Badan Adhoc", None, [0, 5, None, None]),
    "G13": ("100%", "maks", "persen", "%", None, [0.9, 0.7, 0.5, 0.905]),
    "G14": ("3,5", "maks", "skor", "Nilai", None, [3.5, 2.45, 1.75, 3.15]),
    "G15": ("97,5%", "maks", "persen", "%", None, [None, None, None, None]),
}

ANGGARAN_UJI = [
    # kode, uraian, tingkat, pagu, realisasi TW I..IV
    ("076.01.WA", "Program Dukungan Manajemen", "program", None, None),
    ("WA.3355", "Pelaksanaan Perencanaan", "kegiatan", None, None),
    ("EBD.952", "Layanan Perencanaan", "output", 185_400_000,
     [30_000_000, 90_500_000, 140_000_000, 185_400_000]),
    ("EBD.955", "Layanan Manajemen Kinerja", "output", 96_750_000,
     [None, 20_000_000, None, 101_000_000]),
    ("WA.3358", "Operasional Perkantoran", "kegiatan", None, None),
    ("EBA.994", "Layanan Perkantoran", "output", 2_647_529_000,
     [600_000_000, 1_300_000_000, 1_950_000_000, 2_640_000_000]),
    ("076.01.CQ", "Program Penyelenggaraan Pemilu", "program", None, None),
    ("CQ.6709", "Pelaksanaan Teknis Pemilu", "kegiatan", None, None),
    ("QGE.001", "Pemutakhiran Data Pemilih", "output", 0, [None, None, None, None]),
    ("QGE.002", "Fasilitasi Badan Adhoc", "output", 74_000_000, [None, None, None, None]),
]


# whole rupiah amounts for the terbilang formula: every teen/tens/hundreds shape, "se-" forms,
# a thousands group of 1 after larger groups, each scale up to the largest allowed
TERBILANG_UJI = [1, 9, 10, 11, 12, 19, 20, 21, 99, 100, 101, 110, 111, 119, 999, 1000, 1001,
                 1010, 1100, 1999, 2000, 10000, 11000, 12345, 21000, 100000, 101000, 110000,
                 999999, 1000000, 1001000, 1000001, 2001001001, 2647529000, 51412431000,
                 1000000000000, 3000000001000, 999999999999999]
# amounts with no terbilang formula result: blank/0 -> "", the rest -> an explanation
TERBILANG_DITOLAK = [-5, 1.5, 10 ** 15]


def _realisasi_aturan(j, t):
    """Realisasi cases for one target, in the form a workbook stores them:
    below, at, inside, above, zero, blank (per the kind's storage in the rule table)."""
    from xl_kinerja.target import PERINGKAT
    if j.simpan == "predikat":
        daftar = PERINGKAT[t.keluarga]
        rank = int(t.nilai)
        return {"bawah": daftar[rank - 2], "pas": daftar[rank - 1], "dalam": daftar[rank - 1],
                "atas": daftar[min(rank, len(daftar) - 1)], "nol": daftar[0], "kosong": None}
    if t.jenis == "nol":
        naik = 0.05 if j.pecahan else 5
        return {"bawah": 0, "pas": 0, "dalam": 0, "atas": naik, "nol": 0, "kosong": None}
    lo, hi = (t.bawah, t.atas) if t.jenis == "rentang" else (t.nilai, t.nilai)
    return {"bawah": lo * 0.5, "pas": lo, "dalam": (lo + hi) / 2 if hi != lo else lo * 0.95,
            "atas": hi * 1.25, "nol": 0, "kosong": None}


# quarters of each grid row (TW I..IV), by case name; the annual column then takes the
# latest non-blank one (row 2: a blank after a value; row 3: nothing reported)
POLA_GRID = (("bawah", "pas", "dalam", "atas"), ("nol", "kosong", "atas", "kosong"),
             ("kosong", "kosong", "kosong", "kosong"))


def kasus_aturan() -> dict:
    """The formula-vs-core grid GENERATED from the rule table (xl_kinerja.aturan): every
    accepted (kind x polarity), with the kind's example target and, where the table allows
    it, target 0; realisasi below/at/inside/above/zero/blank. kode -> (jenis, polaritas,
    target text, satuan, realisasi TW I..IV)."""
    from xl_kinerja import aturan
    from xl_kinerja.target import baca_target
    kasus = {}
    for jenis, pol in aturan.kombinasi():
        j = aturan.JENIS[jenis]
        t = baca_target(j.contoh)
        satuan = (aturan.SATUAN_PERSEN if j.pecahan else t.satuan if jenis == "jumlah"
                  else "Predikat" if j.simpan == "predikat" else "Nilai")
        teks = [j.contoh]
        if j.boleh_nol:
            teks.append("0%" if j.pecahan else f"0 {satuan}" if jenis == "jumlah" else "0")
        for ti, tt in enumerate(teks):
            nilai = _realisasi_aturan(j, baca_target(tt))
            for pi, pola in enumerate(POLA_GRID):
                kasus[f"A{jenis[:3]}{pol[:2]}{ti}{pi}"] = (jenis, pol, tt, satuan,
                                                          [nilai[k] for k in pola])
    return kasus


def katalog_aturan() -> dict:
    ind = [{"kode": k, "nama": f"Indikator aturan {k}", "satuan": satuan, "jenis_target": jenis,
            "polaritas": pol, "target": {str(t): teks for t in range(2025, 2030)},
            "target_tw": {str(TAHUN): [teks] * 4}}
           for k, (jenis, pol, teks, satuan, _) in kasus_aturan().items()]
    return {"format": "xl-kinerja/katalog", "versi": 1, "satker": "KPU Kabupaten Aturan",
            "periode": [2025, 2029],
            "sasaran": [{"kode": f"SA{i // 6 + 1}", "nama": f"Sasaran aturan {i // 6 + 1}",
                         "indikator": ind[i:i + 6]} for i in range(0, len(ind), 6)]}


def katalog_grid() -> dict:
    sasaran = []
    kode = list(KASUS)
    for i in range(0, len(kode), 3):  # three indicators per sasaran
        sn = f"SG{i // 3 + 1}"
        ind = []
        for k in kode[i:i + 3]:
            teks, pol, jenis, satuan, tw, _ = KASUS[k]
            d = {"kode": k, "nama": f"Indikator uji {k}", "satuan": satuan,
                 "jenis_target": jenis, "polaritas": pol,
                 "target": {str(t): teks for t in range(2025, 2030)},
                 "penanggung_jawab": "Subbagian Perencanaan, Data dan Informasi"}
            if tw:
                d["target_tw"] = {str(TAHUN): tw}
            ind.append(d)
        sasaran.append({"kode": sn, "nama": f"Sasaran uji {sn}",
                        "tingkat": "kpu" if i < 6 else "sekretariat", "indikator": ind})
    anggaran = []
    for kode_a, uraian, tingkat, pagu, _ in ANGGARAN_UJI:
        d = {"kode": kode_a, "uraian": uraian, "tingkat": tingkat}
        if pagu is not None:
            d["pagu"] = {str(TAHUN): pagu}
        anggaran.append(d)
    return {"format": "xl-kinerja/katalog", "versi": 1, "satker": "KPU Kabupaten Uji",
            "periode": [2025, 2029], "sasaran": sasaran, "anggaran": anggaran}


@pytest.fixture
def katalog_dict():
    return copy.deepcopy(katalog_grid())


def _buat_semua(folder):
    """Every workbook the generator tests recalculate, built once."""
    import openpyxl

    from xl_kinerja import nama as N
    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    from xl_kinerja.katalog import Katalog

    berkas = {}
    wb = buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh")
    berkas["kosong"] = simpan(wb, folder / "kosong.xlsx")
    wb = buat_buku_kerja(Katalog.dari_dict(katalog_grid()), TAHUN, satker="KPU Kabupaten Uji")
    isi_realisasi(wb, kinerja={k: v[5] for k, v in KASUS.items()},
                  anggaran={a[0]: a[4] for a in ANGGARAN_UJI if a[4] is not None})
    berkas["grid"] = simpan(wb, folder / "grid.xlsx")
    # the grid generated from the rule table
    wb = buat_buku_kerja(Katalog.dari_dict(katalog_aturan()), TAHUN, satker="KPU Kabupaten Aturan")
    isi_realisasi(wb, kinerja={k: v[4] for k, v in kasus_aturan().items()})
    berkas["aturan"] = simpan(wb, folder / "aturan.xlsx")
    # the same with a 120% cap for averages and the Permendagri scale
    wb = buat_buku_kerja(Katalog.dari_dict(katalog_grid()), TAHUN, satker="KPU Kabupaten Uji",
                         skala="permendagri")
    isi_realisasi(wb, kinerja={k: v[5] for k, v in KASUS.items()})
    lembar, ref = next(iter(wb.defined_names[N.REF_BATAS_CAPAIAN].destinations))
    wb[lembar][ref.replace("$", "")].value = 1.2
    berkas["grid_batas"] = simpan(wb, folder / "grid_batas.xlsx")
    # injection texts
    d = katalog_grid()
    d["sasaran"][0]["nama"] = '=HYPERLINK("http://contoh.invalid","klik")'
    d["sasaran"][0]["indikator"][0]["nama"] = "+1+1"
    d["sasaran"][0]["indikator"][0]["kegiatan"] = "-2-2"
    d["sasaran"][0]["indikator"][0]["pelaksana"] = "@SUM(A1)"
    wb = buat_buku_kerja(Katalog.dari_dict(d), TAHUN, satker="=1+2")
    berkas["injeksi"] = simpan(wb, folder / "injeksi.xlsx")
    # the terbilang formula on its own, one amount per row
    from xl_kinerja.generator.rumus import terbilang
    wb = openpyxl.Workbook()
    for i, v in enumerate([*TERBILANG_UJI, 0, None, *TERBILANG_DITOLAK], 1):
        wb.active.cell(i, 1, v)
        wb.active.cell(i, 2, "=" + terbilang(f"A{i}"))
    berkas["terbilang"] = simpan(wb, folder / "terbilang.xlsx")
    # default workbook whose pagu is edited after generation: the PK terbilang must follow
    wb = buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh")
    lembar, ref = next(iter(wb.defined_names[N.ANGG_PAGU].destinations))
    isian = [c for (c,) in wb[lembar][ref.replace("$", "")]
             if c.value is not None and not str(c.value).startswith("=")]
    isian[0].value += 1_001_000
    berkas["pagu_diubah"] = simpan(wb, folder / "pagu_diubah.xlsx")
    # default workbook whose first indicator and sasaran texts are edited in Pengukuran:
    # RKT, PK and Rencana Aksi must show the edit (test_satu_sumber.py)
    wb = buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh")
    for nama, teks in ((N.UKUR_INDIKATOR, TEKS_DIUBAH[0]), (N.UKUR_SASARAN, TEKS_DIUBAH[1])):
        lembar, ref = next(iter(wb.defined_names[nama].destinations))
        wb[lembar][ref.replace("$", "")][0][0].value = teks
    berkas["teks_diubah"] = simpan(wb, folder / "teks_diubah.xlsx")
    del openpyxl
    return berkas


@pytest.fixture(scope="session")
def buku_uji(tmp_path_factory):
    """{nama: path} of generated workbooks and {nama: path} of their recalculated copies."""
    from xl_kinerja.libreoffice import hitung_ulang

    folder = tmp_path_factory.mktemp("buku")
    berkas = _buat_semua(folder)
    hasil = hitung_ulang(list(berkas.values()), folder / "terhitung")
    return berkas, dict(zip(berkas, hasil, strict=True))


@pytest.fixture(scope="session")
def grid_rekap(tmp_path_factory):
    """The grid workbook with realisasi filled in, not recalculated (rekap tests)."""
    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    from xl_kinerja.katalog import Katalog
    folder = tmp_path_factory.mktemp("rekap")
    wb = buat_buku_kerja(Katalog.dari_dict(katalog_grid()), TAHUN, satker="KPU Kabupaten Uji")
    isi_realisasi(wb, kinerja={k: v[5] for k, v in KASUS.items()},
                  anggaran={a[0]: a[4] for a in ANGGARAN_UJI if a[4] is not None})
    return simpan(wb, folder / "grid.xlsx")
