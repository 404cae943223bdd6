"""`xl-kinerja baru`: the year's workbook for one satker."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..aturan import TAHUN_AKHIR, TAHUN_AWAL, tahun_sah
from ..berkas import periksa_keluaran
from ..errors import KesalahanBerkas
from ..katalog import Katalog
from ..kemajuan import Kemajuan


def _tahun(teks: str) -> int:
    try:
        t = int(teks)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tahun harus angka, bukan {teks!r}") from None
    if not tahun_sah(t):
        raise argparse.ArgumentTypeError(f"tahun {t} tidak masuk akal (harus {TAHUN_AWAL}-"
                                         f"{TAHUN_AKHIR})")
    return t


def daftarkan(subparsers) -> None:
    p = subparsers.add_parser(
        "baru", help="buat buku kerja kinerja satu tahun anggaran (IKU, RKT, PK, Rencana "
                     "Aksi, Pengukuran, Anggaran)",
        description="Membuat satu buku kerja Excel berisi IKU, RKT, PK KPU, PK Sekretariat, "
                    "Rencana Aksi, Pengukuran Kinerja, Realisasi Anggaran dan Referensi untuk "
                    "satu tahun anggaran, siap diisi, dicetak dan ditandatangani.",
        epilog="Contoh:\n  xl-kinerja baru --tahun 2027 --satker \"KPU Kabupaten Contoh\"\n"
               "  xl-kinerja baru --tahun 2028 --satker \"KPU Kota Metro\" --dari "
               "kinerja-2027-kpu-kota-metro.xlsx")
    p.add_argument("--tahun", required=True, type=_tahun, metavar="TAHUN",
                   help="tahun anggaran, mis. 2027")
    siapa = p.add_mutually_exclusive_group(required=True)
    siapa.add_argument("--satker", metavar="NAMA",
                       help='nama satuan kerja, mis. "KPU Kabupaten Contoh" (atau --daftar)')
    siapa.add_argument("--daftar", type=Path, metavar="SATKER.CSV",
                       help="daftar satker (kolom nama, tingkat, tempat, ketua, sekretaris): "
                            "satu buku kerja per satker dari katalog yang sama, ke folder "
                            "--keluaran")
    p.add_argument("--keluaran", type=Path, default=Path("."), metavar="FOLDER|BERKAS.xlsx",
                   help="folder tujuan (nama berkas dibuat dari tahun dan satker) atau nama "
                        "berkas .xlsx (bawaan: folder saat ini)")
    p.add_argument("--iku", type=Path, metavar="BERKAS",
                   help="katalog indikator JSON (format: workbook_templates/KATALOG.md); tanpa "
                        "opsi ini dipakai katalog bawaan KPU Kabupaten/Kota")
    p.add_argument("--dari", type=Path, metavar="BUKU_KERJA",
                   help="buku kerja tahun lalu buatan xl-kinerja: indikator, teks, jadwal dan "
                        "baris anggaran dibawa ke tahun baru, realisasi dikosongkan")
    p.add_argument("--kertas", choices=["A4", "F4"], default="A4", type=str.upper,
                   help="ukuran kertas cetak, lanskap (bawaan: A4)")
    p.add_argument("--sandi", metavar="TEKS",
                   help="kata sandi proteksi lembar (bawaan: tanpa sandi)")
    p.add_argument("--timpa", action="store_true",
                   help="timpa berkas keluaran yang sudah ada")
    p.set_defaults(jalankan=jalankan)


def jalankan(args) -> int:
    # lazy: openpyxl off the CLI start-up
    from ..generator import LANGKAH_BUKU, buat_buku_kerja, nama_berkas, simpan

    if args.daftar is not None:
        from .baru_daftar import jalankan_daftar  # lazy: openpyxl off the CLI start-up
        return jalankan_daftar(args)
    keluaran = Path(args.keluaran)
    if keluaran.suffix.lower() == ".xlsx":
        tujuan = keluaran
    elif (keluaran.suffix.lower() in (".xls", ".xlsm", ".xlsb", ".ods") or
          os.path.lexists(keluaran)) and not keluaran.is_dir():  # an existing non-folder
        raise KesalahanBerkas("keluaran harus folder atau berkas .xlsx", berkas=keluaran)
    else:
        tujuan = keluaran / nama_berkas(args.satker, args.tahun)
    masukan = [args.dari, args.iku]
    periksa_keluaran(tujuan, masukan=masukan, timpa=args.timpa)  # before the (slow) build
    catatan: list[str] = []
    katalog = Katalog.baca(args.iku, catatan) if args.iku else None
    for c in catatan:  # control characters removed, over-long texts cut: named by key
        print(f"peringatan: {args.iku}: {c}", file=sys.stderr)
    laporan: list[str] = []
    ada = tujuan.exists()
    with Kemajuan(LANGKAH_BUKU, "Membuat buku kerja") as k:  # a bar only on a terminal
        wb = buat_buku_kerja(katalog, args.tahun, satker=args.satker, kertas=args.kertas,
                             sandi=args.sandi, dari=args.dari, laporan=laporan, kemajuan=k)
        nyata = simpan(wb, tujuan, args.timpa, masukan=masukan, kemajuan=k)
    print(f"Buku kerja dibuat: {tujuan}")
    for baris in laporan:  # --dari: what was carried, what was reset and why
        print(f"  {baris}")
    if ada:
        print(f"Berkas lama disimpan sebagai {nyata.with_name(nyata.name + '.bak')}")
    return 0
