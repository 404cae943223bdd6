"""`xl-kinerja periksa`: findings in tables (and their recorded percentages and totals)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..angka import format_ringkas
from ..errors import KesalahanXlKinerja
from ..kemajuan import Kemajuan
from ..predikat import SKALA


def daftarkan(subparsers) -> None:
    p = subparsers.add_parser(
        "periksa", help="periksa tabel kinerja/anggaran: persentase, jumlah, satuan, kode, "
                        "predikat, contoh rumus",
        description="Memeriksa tabel apa adanya (termasuk persentase dan jumlah yang tercatat) "
                    "dan melaporkan temuan. Kode keluar: 0 bersih, 1 ada temuan, 2 masukan "
                    "tidak dapat dipakai.",
        epilog="Contoh:\n  xl-kinerja periksa rkt-2025.txt\n"
               "  xl-kinerja periksa anggaran.csv --format json\n"
               "  xl-kinerja periksa pengukuran.xlsx --skala permendagri")
    p.add_argument("berkas", nargs="+", type=Path, metavar="BERKAS", help="tabel yang diperiksa")
    p.add_argument("--jenis", choices=["iku", "rkt", "pk", "renaksi", "anggaran"],
                   help="jenis tabel (bawaan: dikenali dari judul kolom)")
    p.add_argument("--skala", choices=list(SKALA), default="kpu",
                   help="skala predikat untuk tabel: predikat di samping CAPAIAN %% dinilai "
                        "dengan skala capaian (kpu, permendagri; bawaan kpu), di samping "
                        "NILAI/skor dengan skala skor (sakip, ikpa; bawaan sakip). Tidak "
                        "dipakai untuk buku kerja xl-kinerja (skalanya ada di buku kerja itu)")
    p.add_argument("--format", choices=["teks", "json"], default="teks",
                   help="format laporan (bawaan: teks)")
    p.set_defaults(jalankan=jalankan)


def _lokasi_teks(lok: dict) -> str:
    bagian = [str(lok["berkas"])]
    if lok.get("sheet"):  # a Word LKj names its paragraph/table itself
        bagian.append(lok["sheet"] if "paragraf" in lok else f"sheet '{lok['sheet']}'")
    if lok.get("baris") is not None:
        bagian.append(f"baris {lok['baris']}")
    if lok.get("kode"):
        bagian.append(f"kode {lok['kode']}")
    return ", ".join(bagian)


def _tampil(v) -> str:
    """A recorded/computed value as a KPU reader writes it: 2.699.614.000, 0,9879."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    return format_ringkas(v, 4)


def _nilai_teks(t) -> str:
    bagian = [f"{nama}: {_tampil(v)}" for nama, v in (("tercatat", t.tercatat),
                                                       ("dihitung", t.dihitung))
              if v is not None and v != ""]
    return f" ({'; '.join(bagian)})" if bagian else ""


def jalankan(args) -> int:
    from ..periksa import periksa_berkas  # lazy: the checker (importers) off the CLI start-up
    semua, catatan, gagal = [], [], 0
    banyak = len(args.berkas) > 1
    # several files: a counter on stderr while it is a terminal (kemajuan.py)
    with Kemajuan(len(args.berkas), "Memeriksa", aktif=None if banyak else False) as k:
        for b in args.berkas:
            # one unusable file does not stop the others; it makes the exit code 2
            try:
                semua.extend(periksa_berkas(b, args.jenis, args.skala, catatan=catatan))
            except KesalahanXlKinerja as e:
                if not banyak:
                    raise
                k.tulis(f"kesalahan: {e}")
                gagal += 1
            k.maju(keterangan=Path(b).name)
    for c in catatan:
        print(f"Catatan: {c}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps([t.ke_dict() for t in semua], ensure_ascii=False, indent=2))
    else:
        for t in semua:
            print(f"{t.tingkat.upper()} [{t.aturan}] {_lokasi_teks(t.lokasi)}: {t.pesan}"
                  f"{_nilai_teks(t)}")
        print(f"{len(semua)} temuan" if semua else "Tidak ada temuan.")
        if gagal:
            print(f"{gagal} berkas tidak dapat diperiksa (lihat pesan kesalahan di atas).")
    return 2 if gagal else (1 if semua else 0)
