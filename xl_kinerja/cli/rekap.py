"""`xl-kinerja rekap`: the quarterly summary sheet (thin layer over xl_kinerja.rekap)."""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ..nama import ROMAWI


def _triwulan(teks: str) -> int:
    """1-4, or as documents write it: II, TW II, Triwulan 2 (any case)."""
    t = re.sub(r"^(?:tw|triwulan|trw)\s*\.?\s*", "", teks.strip(), flags=re.I).upper()
    if t in ROMAWI:
        return ROMAWI.index(t) + 1
    if t in ("1", "2", "3", "4"):
        return int(t)
    raise argparse.ArgumentTypeError(
        f"triwulan harus 1, 2, 3, atau 4 (atau I, II, III, IV), bukan {teks!r}")


def daftarkan(subparsers) -> None:
    p = subparsers.add_parser(
        "rekap", help="rekap triwulan: capaian, predikat, serapan anggaran dan temuan",
        description="Menghitung rekap satu triwulan dari buku kerja buatan xl-kinerja (dibaca "
                    "lewat nama terdefinisi) dan menulis lembar \"Rekap TW N\" berisi tabel "
                    "capaian per indikator dan per sasaran, jumlah per predikat, serapan "
                    "anggaran terhadap target, grafik, dan daftar temuan. Menjalankan ulang "
                    "hanya mengganti lembar itu; semua isi lain berkas (lembar, rumus, gaya, "
                    "gambar, grafik, makro VBA, tabel pivot) disalin apa adanya.",
        epilog="Contoh:\n  xl-kinerja rekap kinerja-2027-kpu-kota-contoh.xlsx --triwulan 2\n"
               "  xl-kinerja rekap BERKAS.xlsx --triwulan 4 --format json")
    p.add_argument("berkas", type=Path, metavar="BERKAS", help="buku kerja .xlsx/.xlsm buatan xl-kinerja")
    p.add_argument("--triwulan", "-t", required=True, type=_triwulan, metavar="N",
                   help="triwulan 1, 2, 3, atau 4 (juga I, II, III, IV)")
    p.add_argument("--keluaran", "-o", type=Path, metavar="BERKAS_BARU",
                   help="tulis hasil ke berkas lain (.xlsx, atau .xlsm bila BERKAS bermakro); "
                        "tanpa opsi ini BERKAS diperbarui")
    p.add_argument("--format", choices=["xlsx", "json"], default="xlsx",
                   help="json: cetak rekap sebagai JSON ke layar, tanpa menulis berkas")
    p.add_argument("--timpa", action="store_true",
                   help="timpa BERKAS_BARU (--keluaran) bila sudah ada")
    p.add_argument("--tanpa-cadangan", action="store_true",
                   help="jangan simpan salinan BERKAS.bak sebelum ditimpa")
    p.set_defaults(jalankan=jalankan)


def jalankan(args) -> int:
    from ..rekap.tulis import rekap_berkas  # lazy: the OOXML writer off the CLI start-up
    json_saja = args.format == "json"
    rk = rekap_berkas(args.berkas, args.triwulan, keluaran=args.keluaran,
                      cadangan=not args.tanpa_cadangan, tulis=not json_saja,
                      timpa=args.timpa)
    if json_saja:
        print(json.dumps(rk.ke_dict(), ensure_ascii=False, indent=2))
        return 0
    tujuan = args.keluaran or args.berkas
    for c in rk.catatan:
        print(f"catatan: {c}", file=sys.stderr)
    print("\n".join(rk.ringkasan()))
    print(f"Lembar \"{rk.lembar_ditulis or f'Rekap TW {rk.triwulan}'}\" ditulis ke {tujuan} "
          f"({len(rk.indikator)} indikator, {len(rk.anggaran)} baris anggaran).")
    return 0
