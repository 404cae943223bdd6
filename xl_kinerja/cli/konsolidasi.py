"""`xl-kinerja konsolidasi`: one province (or KPU RI) workbook from many satkers' workbooks."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from ..berkas import periksa_keluaran, tulis_atomik
from ..errors import KesalahanBerkas
from ..kemajuan import lama_teks
from ..konsolidasi.tabel import BAGIAN
from .rekap import _triwulan

_TAMPIL_MASALAH = 20  # skipped files listed on the terminal; all of them are in the workbook


def daftarkan(subparsers) -> None:
    p = subparsers.add_parser(
        "konsolidasi", help="gabungkan rekap triwulan banyak satker (KPU Provinsi, KPU RI)",
        description="Membaca semua buku kerja xl-kinerja di folder/berkas yang diberikan, "
                    "menghitung triwulan tiap satker dengan mesin yang sama dengan 'rekap' "
                    "(nilai tersimpan tidak dipakai), lalu menulis satu buku kerja: Ringkasan "
                    "per satker dengan peringkat dan total, Grafik, capaian Per indikator "
                    "antarsatker, Anggaran per program/kegiatan, dan daftar Belum lapor - "
                    "bermasalah. Berkas yang rusak, bukan buatan xl-kinerja, tahun lain atau "
                    "triwulannya belum diisi dilewati dengan alasannya; berkas lain tetap "
                    "dikonsolidasi.",
        epilog="Kode keluar: 0 semua berkas dikonsolidasi dan tidak ada satker daftar yang "
               "belum lapor; 1 hasil ditulis tetapi ada berkas yang dilewati atau satker yang "
               "belum lapor; 2 masukan tidak dapat dipakai (tidak ada satu pun buku kerja yang "
               "terbaca, daftar satker tanpa judul kolom, keluaran sudah ada tanpa --timpa).\n"
               "Contoh:\n  xl-kinerja konsolidasi laporan-tw2/ --triwulan 2 --daftar satker.csv "
               "--keluaran rekap-provinsi.xlsx\n"
               "  xl-kinerja konsolidasi laporan-tw2/ -t 2 --format csv --bagian indikator")
    p.add_argument("masukan", nargs="+", type=Path, metavar="FOLDER_ATAU_BERKAS",
                   help="folder (dibaca beserta subfoldernya) atau berkas .xlsx/.xlsm")
    p.add_argument("--triwulan", "-t", required=True, type=_triwulan, metavar="N",
                   help="triwulan 1, 2, 3, atau 4")
    p.add_argument("--keluaran", "-o", type=Path, metavar="BERKAS",
                   help="berkas hasil (bawaan xlsx: konsolidasi-twN.xlsx di folder saat ini; "
                        "json/csv: dicetak ke layar bila tanpa opsi ini)")
    p.add_argument("--format", choices=["xlsx", "json", "csv"], default="xlsx",
                   help="xlsx (bawaan), json (semua tabel), csv (satu tabel, lihat --bagian)")
    p.add_argument("--bagian", choices=list(BAGIAN), default="ringkasan",
                   help="tabel untuk --format csv (bawaan: ringkasan)")
    p.add_argument("--daftar", type=Path, metavar="SATKER.CSV",
                   help="daftar satker yang diharapkan lapor (kolom nama, tingkat, tempat, "
                        "ketua, sekretaris); yang tanpa berkas dicatat 'belum lapor'")
    p.add_argument("--tahun", type=int, metavar="TAHUN",
                   help="tahun anggaran (bawaan: tahun yang dimiliki kebanyakan berkas); "
                        "berkas tahun lain dilewati")
    p.add_argument("--proses", type=int, metavar="N",
                   help="jumlah proses baca paralel (bawaan: semua inti prosesor)")
    p.add_argument("--timpa", action="store_true", help="timpa berkas keluaran yang sudah ada")
    p.set_defaults(jalankan=jalankan)


def jalankan(args) -> int:
    # lazy: the consolidation (the reader, the engine) stays off the CLI start-up
    from ..konsolidasi import konsolidasi
    from ..konsolidasi.keluaran import ke_csv, ke_json
    mulai = time.monotonic()
    keluaran = args.keluaran
    if keluaran is None and args.format == "xlsx":
        keluaran = Path(f"konsolidasi-tw{args.triwulan}.xlsx")
    if args.format == "xlsx" and keluaran.suffix.lower() != ".xlsx":
        raise KesalahanBerkas("keluaran --format xlsx harus berakhiran .xlsx", berkas=keluaran)
    if keluaran is not None:  # before the long read: exists, = an input, locked, read-only
        periksa_keluaran(keluaran, masukan=args.masukan, timpa=args.timpa)
    ks = konsolidasi(args.masukan, args.triwulan, daftar=args.daftar, tahun=args.tahun,
                     proses=args.proses, kemajuan=True, keluaran=keluaran)
    for i, m in enumerate(ks.masalah):
        if i == _TAMPIL_MASALAH:
            print(f"... dan {len(ks.masalah) - i} lainnya (lihat lembar \"Belum lapor - "
                  f"bermasalah\" atau --format json)", file=sys.stderr)
            break
        siapa = m.berkas or m.satker
        print(f"{'dilewati' if m.dilewati else 'catatan'}: {siapa}: {m.alasan}",
              file=sys.stderr)
    if not ks.satker and not any(m.jenis == "belum_lapor" for m in ks.masalah) and \
            not ks.masalah:
        raise KesalahanBerkas("tidak ada buku kerja .xlsx/.xlsm di masukan",
                              berkas=", ".join(map(str, args.masukan)))
    if not ks.satker:
        print("kesalahan: tidak ada satu pun buku kerja xl-kinerja yang dapat dikonsolidasi",
              file=sys.stderr)
        return 2
    ringkas = f"{ks.ringkasan_layar()} ({lama_teks(time.monotonic() - mulai)})"
    if args.format == "xlsx":
        # lazy: openpyxl (0,2 s) only for the workbook, after the workers have read the files
        from ..konsolidasi import tulis_buku

        tulis_buku(ks, keluaran, timpa=args.timpa)
        print(ringkas)
        print(f"Buku kerja konsolidasi ditulis: {keluaran}")
    else:
        teks = ke_json(ks) if args.format == "json" else ke_csv(ks, args.bagian)
        if keluaran is None:
            sys.stdout.write(teks if teks.endswith("\n") else teks + "\n")
        else:
            tulis_atomik(keluaran, lambda p: p.write_text(teks, encoding="utf-8"),
                         timpa=args.timpa)
        print(ringkas, file=sys.stderr)
    return 1 if ks.dilewati else 0
