"""`xl-kinerja lkj`: the Laporan Kinerja as Word (and PDF) or JSON (xl_kinerja.lkj)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import KesalahanBerkas, KesalahanInput
from ..evaluasi import ATURAN_EFISIENSI, ATURAN_EFISIENSI_BAWAAN
from ..libreoffice import dokumen_ke_pdf


def daftarkan(subparsers) -> None:
    p = subparsers.add_parser(
        "lkj", help="Laporan Kinerja (LKj) tahunan: dokumen Word/PDF atau JSON dari buku kerja",
        description="Menyusun Laporan Kinerja (LKj) dari buku kerja buatan xl-kinerja yang "
                    "terisi setahun: sampul, Kata Pengantar, Ikhtisar Eksekutif, BAB I-IV dan "
                    "Lampiran (PermenPANRB 53/2014). Semua angka dihitung ulang dengan aturan "
                    "inti dari sel isian; bagian yang harus dilengkapi kantor ditandai "
                    "[Diisi satker: ...].",
        epilog="Contoh:\n  xl-kinerja lkj kinerja-2027.xlsx --keluaran LKj-2027.docx\n"
               "  xl-kinerja lkj kinerja-2027.xlsx --keluaran LKj-2027.docx --pdf\n"
               "  xl-kinerja lkj kinerja-2027.xlsx --tahun-lalu kinerja-2026.xlsx --format json")
    p.add_argument("berkas", type=Path, metavar="BERKAS", help="buku kerja .xlsx buatan xl-kinerja")
    p.add_argument("--keluaran", "-o", type=Path, metavar="LKJ.docx",
                   help="berkas Word yang ditulis (bawaan: LKj-TAHUN-SATKER.docx di folder "
                        "BERKAS)")
    p.add_argument("--format", choices=["docx", "json"], default="docx",
                   help="json: cetak isi LKj sebagai JSON ke layar, tanpa menulis berkas")
    p.add_argument("--pdf", action="store_true",
                   help="buat juga PDF-nya dengan LibreOffice (di samping berkas .docx)")
    p.add_argument("--tahun-lalu", type=Path, metavar="BERKAS_LALU",
                   help="buku kerja tahun lalu: realisasi dan anggaran tahun lalu sebagai "
                        "pembanding")
    p.add_argument("--efisiensi", choices=list(ATURAN_EFISIENSI), default=None,
                   help="aturan efisiensi: selisih (capaian - penyerapan anggaran > 0) atau "
                        f"rasio (capaian / penyerapan > 1); bawaan {ATURAN_EFISIENSI_BAWAAN}")
    p.add_argument("--timpa", action="store_true", help="timpa berkas keluaran yang sudah ada")
    p.set_defaults(jalankan=jalankan)


def _nama_keluaran(args, lap) -> Path:
    if args.keluaran is not None:
        return args.keluaran
    from ..generator import nama_berkas  # lazy: openpyxl off the CLI start-up
    return args.berkas.parent / nama_berkas(lap.satker, lap.tahun).replace(
        "kinerja-", "LKj-", 1).replace(".xlsx", ".docx")


def jalankan(args) -> int:
    from ..lkj import laporan_kinerja  # lazy: the LKj reader (rekap, openpyxl) off the start-up
    lap = laporan_kinerja(args.berkas, tahun_lalu=args.tahun_lalu,
                          aturan_efisiensi=args.efisiensi)
    for c in lap.catatan:
        print(f"Catatan: {c}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(lap.ke_dict(), ensure_ascii=False, indent=2, default=str))
        return 0
    tujuan = _nama_keluaran(args, lap)
    if tujuan.suffix.lower() != ".docx":
        raise KesalahanInput(f"--keluaran harus berakhiran .docx (bukan {tujuan.name!r})",
                             str(tujuan))
    from ..lkj.word import tulis_docx  # lazy: python-docx only when a .docx is written
    tulis_docx(lap, tujuan, timpa=args.timpa)
    print(f"LKj {lap.satker} tahun {lap.tahun} ditulis ke {tujuan} ({len(lap.sasaran)} sasaran, "
          f"{len(lap.indikator)} indikator; {len(lap.tidak_tercapai)} tidak tercapai).")
    if args.pdf:
        pdf = tujuan.with_suffix(".pdf")
        if pdf.exists() and not args.timpa:
            raise KesalahanBerkas("berkas PDF sudah ada; gunakan --timpa untuk menimpanya",
                                  berkas=pdf)
        dokumen_ke_pdf([tujuan], tujuan.parent)
        print(f"PDF ditulis ke {pdf}.")
    return 0
