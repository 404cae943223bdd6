"""Regenerate the filled example workbooks (and the README previews) from the catalogs.

    python examples/buat_contoh.py            # examples/*.xlsx
    python examples/buat_contoh.py --gambar   # also docs/img/*.png (LibreOffice, pdftoppm)

The catalogs were transcribed from the real documents in ../shared/seeds (see their
"catatan"); the realisasi are invented but realistic and deterministic (fixed seeds), so
running the script again gives the same numbers.
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xl_kinerja import nama as N  # noqa: E402
from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan  # noqa: E402
from xl_kinerja.katalog import Katalog, induk_anggaran  # noqa: E402

CONTOH = [
    # catalog, satker, tahun, last triwulan reported, output file
    ("katalog-kubu-raya-2024.json", "Sekretariat KPU Kabupaten Kubu Raya", 2024, 4,
     "contoh-rkt-2024-kubu-raya.xlsx"),
    ("katalog-metro-2024.json", "KPU Kota Metro", 2024, 3,
     "contoh-renaksi-2024-kota-metro.xlsx"),
]


def _kolom(wb, nama):
    (lembar, ref), = wb.defined_names[nama].destinations
    return [r[0].value for r in wb[lembar][ref.replace("$", "")]]


def _realisasi_kinerja(wb, katalog, tw_akhir: int) -> dict:
    from xl_kinerja import PERINGKAT

    kode = _kolom(wb, N.UKUR_KODE_INDIKATOR)
    jenis = _kolom(wb, N.UKUR_JENIS_TARGET)
    pol = _kolom(wb, N.UKUR_POLARITAS)
    target = [_kolom(wb, n) for n in N.UKUR_TARGET_TW]
    hasil = {}
    for i, k in enumerate(kode):
        rng = random.Random(f"{katalog}-{k}")
        nilai = []
        for q in range(4):
            t = target[q][i]
            if t is None or q + 1 > tw_akhir:
                nilai.append(None)
                continue
            akhir = q == 3
            if jenis[i] == "ordinal":
                urut = next(g for g in PERINGKAT.values() if t in g)
                naik = rng.random() < (0.35 if akhir else 0.1)
                turun = rng.random() < (0.1 if akhir else 0.3)
                j = urut.index(t) + (1 if naik else -1 if turun else 0)
                nilai.append(urut[max(0, min(len(urut) - 1, j))])
            elif pol[i] == "min":
                nilai.append(0 if t == 0 or rng.random() < 0.4 else
                             round(t * rng.uniform(0.5, 1.1), 3 if jenis[i] == "persen" else 0))
            elif jenis[i] in ("persen", "rentang"):
                f = rng.uniform(0.95, 1.02) if akhir else rng.uniform(0.86, 1.0)
                v = t * f
                if t >= 1:
                    v = min(v, 1.0)
                nilai.append(round(v, 3))
            elif jenis[i] == "jumlah":
                nilai.append(max(0, round(t * (rng.uniform(0.9, 1.1) if akhir
                                               else rng.uniform(0.8, 1.05)))))
            else:  # skor
                nilai.append(round(t * rng.uniform(0.94, 1.05), 2))
        hasil[k] = nilai
    return hasil


def _realisasi_anggaran(katalog: Katalog, tahun: int, tw_akhir: int) -> dict:
    induk = induk_anggaran(katalog.anggaran)
    hasil = {}
    for i, b in enumerate(katalog.anggaran):
        if i in induk or tahun not in b.pagu:
            continue
        rng = random.Random(f"angg-{b.kode}")
        p = b.pagu[tahun]
        bagian = [rng.uniform(0.16, 0.24), rng.uniform(0.42, 0.52), rng.uniform(0.68, 0.78),
                  rng.uniform(0.93, 0.995)]
        if b.kode == "EBA.994":
            bagian[3] = 1.008  # salaries above pagu: happens, and the sheet flags it
        hasil[b.kode] = [round(p * f, -3) if q < tw_akhir else None
                         for q, f in enumerate(bagian)]
    return hasil


def buat(folder: Path = ROOT / "examples") -> list[Path]:
    keluar = []
    for katalog, satker, tahun, tw_akhir, nama in CONTOH:
        kat = Katalog.baca(folder / katalog)
        wb = buat_buku_kerja(kat, tahun, satker=satker)
        isi_realisasi(wb, kinerja=_realisasi_kinerja(wb, katalog, tw_akhir),
                      anggaran=_realisasi_anggaran(kat, tahun, tw_akhir))
        keluar.append(simpan(wb, folder / nama, timpa=True))
        print(f"ditulis: {keluar[-1]}")
    return keluar


def gambar(tujuan: Path = ROOT / "docs" / "img") -> None:
    """PNG previews of PK KPU and Pengukuran of the default workbook (README)."""
    from xl_kinerja.libreoffice import ke_pdf

    tujuan.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        berkas = []
        for lembar, nama in (("PK KPU", "pk"), ("Pengukuran", "pengukuran")):
            kat = Katalog.baca(ROOT / "examples" / "katalog-metro-2024.json")
            wb = buat_buku_kerja(kat, 2024, satker="KPU Kota Metro")
            isi_realisasi(wb, kinerja=_realisasi_kinerja(wb, "katalog-metro-2024.json", 3))
            for ws in wb.worksheets:  # keep only the sheet to show (others still compute)
                if ws.title != lembar:
                    ws.print_area = "A1:A1"
                    ws.oddFooter.center.text = ""
            berkas.append(simpan(wb, tmp / f"{nama}.xlsx"))
        for pdf in ke_pdf(berkas, tmp):
            halaman = _halaman_lembar(pdf, "PK KPU 2024" if pdf.stem == "pk" else
                                      "Pengukuran 2024")
            if pdf.stem == "pengukuran":  # TW I-II, TW III-IV + Tahunan, the rekap (left)
                rekap = _halaman_lembar(pdf, "REKAP CAPAIAN PER SASARAN")[0]
                halaman = [halaman[0], halaman[1], rekap]
            for j, h in enumerate(halaman, 1):
                awalan = tmp / f"{pdf.stem}-{j}"
                subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(h), "-l", str(h),
                                "-singlefile", str(pdf), str(awalan)], check=True)
                shutil.copy(f"{awalan}.png", tujuan / f"{pdf.stem}-{j}.png")
                print(f"ditulis: {tujuan / f'{pdf.stem}-{j}.png'}")


def _halaman_lembar(pdf: Path, penanda: str) -> list[int]:
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout.split("\f")
    return [i for i, t in enumerate(teks, 1) if penanda in t]


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="Buat ulang contoh buku kerja xl-kinerja.")
    ap.add_argument("--gambar", action="store_true", help="buat juga pratinjau PNG")
    a = ap.parse_args()
    buat()
    if a.gambar:
        gambar()
