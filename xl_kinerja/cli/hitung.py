"""`xl-kinerja capaian|predikat|terbilang`: the core rules from the command line."""
from __future__ import annotations

from ..angka import format_persen
from ..capaian import capaian
from ..errors import KesalahanInput
from ..predikat import SKALA, predikat
from ..terbilang import terbilang


def _wajib(teks: str, apa: str) -> str:
    """An empty value is an error, not a silent 'None' (the core reads "" as no value)."""
    if not teks.strip():
        raise KesalahanInput(f"{apa} kosong; berikan angka, mis. {_CONTOH[apa]}", teks)
    return teks


_CONTOH = {"nilai": '"90,01%"', "angka": "51.412.431.000", "target": '"100%"',
           "realisasi": '"95%"'}


def _capaian(args) -> int:
    nilai = capaian(_wajib(args.target, "target"), _wajib(args.realisasi, "realisasi"),
                    args.polaritas)
    if nilai is None:
        print("Capaian: tidak berlaku (realisasi kosong atau target 0)")
        return 0
    print(f"Capaian: {format_persen(nilai)} ({predikat(nilai, args.skala)})")
    return 0


def _predikat(args) -> int:
    print(predikat(_wajib(args.nilai, "nilai"), args.skala))
    return 0


def _terbilang(args) -> int:
    print(terbilang(_wajib(args.angka, "angka"),
                    mata_uang=None if args.tanpa_rupiah else "rupiah"))
    return 0


def daftarkan(sub) -> None:
    p = sub.add_parser("capaian", help="hitung capaian satu indikator dari target dan realisasi",
                       description='Contoh: xl-kinerja capaian "24 Laporan" "20 Laporan". '
                                   'Nilai berawalan minus (mis. -5%) dibaca sebagai nilai, '
                                   'bukan opsi.')
    p.add_argument("target", help='target, mis. "100%%", "24 Laporan", "BB", "80 - 90%%"')
    p.add_argument("realisasi", help='realisasi, mis. "95%%", "20 Laporan", "B"')
    p.add_argument("--polaritas", default="maks", choices=["maks", "min"],
                   help="maks: makin tinggi makin baik (bawaan); min: makin rendah makin baik")
    p.add_argument("--skala", default="kpu", choices=[k for k, s in SKALA.items()
                                                      if s.basis == "capaian"],
                   help="skala predikat (bawaan: kpu)")
    p.set_defaults(jalankan=_capaian)

    p = sub.add_parser("predikat", help="predikat dari capaian (%%) atau skor",
                       description='Contoh: xl-kinerja predikat "90,01%"; '
                                   "xl-kinerja predikat 72,80 --skala sakip")
    p.add_argument("nilai", help='capaian dengan %% (mis. "95%%") atau skor 0-100')
    p.add_argument("--skala", default="kpu", choices=list(SKALA), help="skala (bawaan: kpu)")
    p.set_defaults(jalankan=_predikat)

    p = sub.add_parser("terbilang", help="tulis angka dengan huruf (terbilang)",
                       description="Contoh: xl-kinerja terbilang 51.412.431.000")
    p.add_argument("angka", help="angka, mis. 51.412.431.000 atau Rp 2.647.529.000,-")
    p.add_argument("--tanpa-rupiah", action="store_true", help='tanpa kata "Rupiah"')
    p.set_defaults(jalankan=_terbilang)
