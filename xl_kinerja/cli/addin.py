"""`xl-kinerja addin pasang|lepas|status`: the Excel add-in (Windows only)."""
from __future__ import annotations

from pathlib import Path


def daftarkan(subparsers) -> None:
    p = subparsers.add_parser(
        "addin", help="pasang, lepas, atau periksa add-in Excel xl-kinerja (Windows)",
        description="Memasang add-in Excel xl-kinerja (tab Kinerja, tombol Rekap Triwulan) "
                    "lewat xlwings. Membutuhkan Microsoft Excel untuk Windows.",
        epilog="Contoh:\n  xl-kinerja addin pasang\n  xl-kinerja addin status")
    p.add_argument("aksi", choices=["pasang", "lepas", "status"], metavar="AKSI",
                   help="pasang, lepas, atau status")
    p.add_argument("--berkas", type=Path, metavar="XLAM",
                   help="berkas xl_kinerja.xlam (bawaan: macros/xl_kinerja.xlam)")
    p.set_defaults(jalankan=jalankan)


def jalankan(args) -> int:
    from ..addin import pasang as modul  # lazy: only this command needs the installer
    if args.aksi == "status":
        print("\n".join(modul.status(args.berkas)))
        return 0
    fungsi = modul.pasang if args.aksi == "pasang" else modul.lepas
    return fungsi(args.berkas)
