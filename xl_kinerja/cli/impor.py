"""`xl-kinerja impor`: a table offices already have -> catalog JSON (iku) or standard workbook."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from ..berkas import periksa_keluaran, tulis_atomik
from ..berkas import sama as _sama
from ..errors import KesalahanBerkas
from ..kemajuan import Kemajuan
from ..nama import romawi
from .baru import _tahun
from .rekap import _triwulan


def daftarkan(subparsers) -> None:
    p = subparsers.add_parser(
        "impor", help="impor tabel IKU/RKT/PK/Rencana Aksi/Anggaran dari Word (.docx), .xlsx, "
                      ".ods, .xls, CSV, TSV atau teks salinan Word/PDF",
        description="Membaca tabel yang sudah dimiliki kantor (dokumen Word .docx: semua "
                    "tabelnya sekaligus; .xlsx, .ods, .xls, CSV/TSV, atau teks yang "
                    "disalin dari tabel Word/PDF) lalu menulis katalog JSON (--jenis iku) atau "
                    "buku kerja standar (jenis lain). Baris yang dilewati dilaporkan dengan "
                    "nomor baris dan alasannya.",
        epilog="Contoh:\n  xl-kinerja impor rkt-2024.txt --jenis iku --keluaran katalog.json\n"
               "  xl-kinerja impor renaksi.tsv --jenis renaksi --tahun 2024 --satker "
               "\"KPU Kota Metro\" --keluaran kinerja-2024.xlsx\n"
               "  xl-kinerja impor LKj-2023.docx --ke kinerja-2024.xlsx")
    p.add_argument("tabel", type=Path, metavar="TABEL", help="berkas tabel masukan")
    p.add_argument("--jenis", choices=["iku", "rkt", "pk", "renaksi", "anggaran"],
                   help="jenis tabel. Tanpa --jenis jenisnya dikenali dari judul kolom (PAGU/"
                        "REALISASI: anggaran; kolom TW/bulan: renaksi; FORMULA/DEFINISI atau "
                        "target beberapa tahun: iku; selain itu dari judul dokumen, atau "
                        "dianggap rkt) dan keluarannya mengikuti akhiran --keluaran. Judul "
                        "kolom yang bertentangan dengan --jenis adalah kesalahan")
    p.add_argument("--tahun", type=_tahun, metavar="TAHUN",
                   help="tahun target (bawaan: dibaca dari dokumen, mis. 'TAHUN 2024'); dengan "
                        "--ke: tahun realisasi yang diisi (bawaan: dari judul kolom, mis. "
                        "'Realisasi 2023', atau dari dokumen)")
    p.add_argument("--satker", metavar="NAMA", default="",
                   help="nama satuan kerja (wajib untuk buku kerja)")
    tujuan = p.add_mutually_exclusive_group(required=True)
    tujuan.add_argument("--keluaran", type=Path, metavar="KELUARAN",
                        help="berkas keluaran: katalog .json untuk iku, buku kerja .xlsx untuk "
                             "jenis lain")
    tujuan.add_argument("--ke", type=Path, metavar="BUKU",
                        help="isi riwayat realisasi satu tahun yang lalu (tabel Pengukuran/LKj "
                             "tahun itu) ke lembar IKU buku kerja BUKU yang sudah ada: tahun "
                             "dasar atau tahun periode IKU sebelum tahun buku kerja. Indikator "
                             "dicocokkan menurut kode lalu nama; baris yang tidak cocok "
                             "dilaporkan. Buku kerja diubah di tempat (salinan lama: BUKU.bak)")
    p.add_argument("--triwulan", type=_triwulan, metavar="N",
                   help="triwulan (1-4 atau I-IV) angka realisasi anggaran di tabel (bawaan: dibaca dari "
                        "judul kolom, mis. 'REALISASI S.D. TW II'; 'T.A 2024' = TW IV)")
    p.add_argument("--polaritas-bawaan", choices=["maks", "min"], metavar="maks|min",
                   help="polaritas setiap indikator tanpa kolom POLARITAS (bawaan: ditebak dari "
                        "katalog bawaan dan kata pada nama indikator, mis. 'Jumlah revisi' = min)")
    p.add_argument("--laporan", type=Path, metavar="BERKAS",
                   help="tulis laporan baris yang dilewati dan peringatan (JSON) ke berkas ini")
    p.add_argument("--timpa", action="store_true",
                   help="timpa berkas keluaran yang sudah ada; dengan --ke: ganti realisasi yang "
                        "sudah terisi di lembar IKU dan berbeda dengan tabel (tanpa --timpa "
                        "impor ditolak dan perbedaannya disebutkan)")
    p.set_defaults(jalankan=jalankan)


def _cek_triwulan(h, triwulan: int | None) -> None:
    """--triwulan against the quarter the realisasi header names: a header that says
    "TW II" (or "Semester I") and --triwulan 3 contradict each other; refused rather than
    one silently winning. A year-only header ("T.A 2024" read as TW IV) only gets a note."""
    from ..impor.buku import judul_realisasi, triwulan_dari_judul  # lazy: importers off start-up
    judul = judul_realisasi(h) if triwulan else None
    tw = triwulan_dari_judul(judul) if judul else None
    if tw is None or tw == triwulan:
        return
    if re.search(r"\b(?:tw|triwulan|trw|tri wulan|semester)\b", judul, re.I):
        raise KesalahanBerkas(
            f"--triwulan {triwulan} bertentangan dengan judul kolom realisasi {judul!r} "
            f"(TW {romawi(tw)}); periksa tabelnya, atau ulangi tanpa --triwulan",
            berkas=h.berkas)
    print(f"Catatan: judul kolom realisasi {judul!r} dibaca sebagai TW {romawi(tw)}; "
          f"dipakai --triwulan {triwulan} (TW {romawi(triwulan)})")


def _ke_buku(args) -> int:
    """`--ke BUKU`: a past year's realisasi into the IKU history of an existing workbook."""
    # lazy: the CLI starts without loading the importers
    from ..impor import impor_tabel
    from ..impor.riwayat import isi_riwayat

    for opsi, nilai in (("--triwulan", args.triwulan), ("--satker", args.satker or None),
                        ("--polaritas-bawaan", args.polaritas_bawaan)):
        if nilai is not None:
            raise KesalahanBerkas(f"{opsi} tidak berlaku dengan --ke (riwayat IKU adalah "
                                  f"realisasi tahunan indikator buku kerja itu)", berkas=args.ke)
    if args.jenis in ("iku", "anggaran"):
        raise KesalahanBerkas(f"--ke mengisi realisasi indikator; tabel --jenis {args.jenis} "
                              "tidak memuatnya", berkas=args.tabel)
    if _sama(args.tabel, args.ke):
        raise KesalahanBerkas("--ke sama dengan TABEL; berikan buku kerja tujuan yang lain",
                              berkas=args.ke)
    # every target checked before the import: nothing is written when one is refused
    periksa_keluaran(args.ke, masukan=[args.tabel], di_tempat=True)
    if args.laporan is not None:
        if _sama(args.laporan, args.ke):
            raise KesalahanBerkas("berkas --laporan sama dengan --ke; pilih nama lain",
                                  berkas=args.laporan)
        periksa_keluaran(args.laporan, masukan=[args.tabel, args.ke], timpa=args.timpa)
    # the document's own year stays what the document says: --tahun is the year to fill,
    # compared with it (a 2025 LKj's "Realisasi" column is not 2024's)
    h = impor_tabel(args.tabel, args.jenis, None)
    for c in h.catatan:
        if not c.startswith("jenis tabel dianggap"):  # any indicator table will do here
            print(f"Catatan: {c}")
    # the cells the reader cleaned are said, as without --ke (the catalog's warnings do not
    # apply: --ke builds no catalog)
    for n, alasan in h.peringatan_baca:
        print(f"  peringatan baris {n}: {alasan}", file=sys.stderr)
    hasil = isi_riwayat(h, args.ke, tahun=args.tahun, timpa=args.timpa,
                        masukan=[args.tabel])
    for b in hasil.pesan():
        print(b)
    if hasil.ditulis:
        print(f"Ditulis: {args.ke} (salinan lama: {args.ke.name}.bak)")
    else:
        print(f"Tidak ada yang diubah di {args.ke}")
    if args.laporan:
        lap = {"tahun": hasil.tahun, "kolom": hasil.kolom,
               "diisi": [{"kode": k, "nilai": v} for k, v in hasil.diisi],
               "sama": hasil.sama,
               "diganti": [{"kode": k, "lama": a[0], "baru": b[0]} for k, a, b in hasil.diganti],
               "tidak_dipakai": [{"baris": n, "alasan": a} for n, a in hasil.tidak_dipakai],
               "tanpa_nilai": hasil.tanpa_nilai,
               "baris_dilewati": [{"baris": n, "alasan": a} for n, a in h.baris_dilewati],
               "peringatan": [{"baris": n, "pesan": a} for n, a in h.peringatan_baca]}
        teks = json.dumps(lap, ensure_ascii=False, indent=2) + "\n"
        tulis_atomik(args.laporan, lambda p: p.write_text(teks, encoding="utf-8"),
                     timpa=args.timpa, masukan=[args.tabel, args.ke])
    return 0


def jalankan(args) -> int:
    from ..impor import impor_tabel, periksa_katalog  # lazy: the importers off the CLI start-up

    if args.ke is not None:
        return _ke_buku(args)
    akhiran = args.keluaran.suffix.lower()
    if args.jenis is None and akhiran not in (".json", ".xlsx"):
        raise KesalahanBerkas("keluaran adalah katalog .json atau buku kerja .xlsx",
                              berkas=args.keluaran)
    if args.jenis == "iku" and akhiran != ".json":
        raise KesalahanBerkas("keluaran --jenis iku adalah katalog .json", berkas=args.keluaran)
    if args.jenis not in (None, "iku") and akhiran != ".xlsx":
        raise KesalahanBerkas(f"keluaran --jenis {args.jenis} adalah buku kerja .xlsx",
                              berkas=args.keluaran)
    if args.laporan is not None and _sama(args.laporan, args.keluaran):
        raise KesalahanBerkas("berkas --laporan sama dengan --keluaran; pilih nama lain",
                              berkas=args.laporan)
    # every target checked before the import: nothing is written when one is refused
    periksa_keluaran(args.keluaran, masukan=[args.tabel], timpa=args.timpa)
    if args.laporan is not None:
        periksa_keluaran(args.laporan, masukan=[args.tabel], timpa=args.timpa)
    h = impor_tabel(args.tabel, args.jenis, args.tahun, args.satker, args.polaritas_bawaan)
    _cek_triwulan(h, args.triwulan)
    for c in h.catatan + h.catatan_polaritas:
        print(f"Catatan: {c}")
    if akhiran == ".json" and h.jenis == "anggaran":
        raise KesalahanBerkas("tabel anggaran tidak menghasilkan katalog indikator; tulis buku "
                              "kerja .xlsx", berkas=args.keluaran)
    if akhiran == ".json":
        periksa_katalog(h)  # what `baru --iku` would refuse is refused here, with its line
        data = json.dumps(h.katalog, ensure_ascii=False, indent=2) + "\n"
        tulis_atomik(args.keluaran, lambda p: p.write_text(data, encoding="utf-8"),
                     timpa=args.timpa, masukan=[args.tabel])
    else:
        # lazy: openpyxl off the CLI start-up
        from ..generator import LANGKAH_BUKU, simpan
        from ..impor.buku import ke_buku_kerja
        with Kemajuan(LANGKAH_BUKU, "Membuat buku kerja") as k:  # a bar only on a terminal
            wb, catatan = ke_buku_kerja(h, args.satker, args.triwulan, kemajuan=k)
            simpan(wb, args.keluaran, args.timpa, masukan=[args.tabel], kemajuan=k)
        for c in catatan:
            print(c)
    n_ind = sum(len(s["indikator"]) for s in h.katalog["sasaran"])
    print(f"Diimpor: {len(h.katalog['sasaran'])} sasaran, {n_ind} indikator, "
          f"{len(h.katalog['anggaran'])} baris anggaran -> {args.keluaran}")
    print(f"Baris dilewati: {len(h.baris_dilewati)}; peringatan: {len(h.peringatan)}")
    for n, alasan in h.peringatan:
        print(f"  peringatan baris {n}: {alasan}", file=sys.stderr)
    if args.laporan:
        lap = {"baris_dilewati": [{"baris": n, "alasan": a} for n, a in h.baris_dilewati],
               "peringatan": [{"baris": n, "pesan": a} for n, a in h.peringatan]}
        teks = json.dumps(lap, ensure_ascii=False, indent=2) + "\n"
        tulis_atomik(args.laporan, lambda p: p.write_text(teks, encoding="utf-8"),
                     timpa=args.timpa, masukan=[args.tabel, args.keluaran])
    return 0
