"""`xl-kinerja`: the command line, a thin layer over the library API.

Each command lives in its own module of this package and exposes
`daftarkan(subparsers)`, which adds its parser and sets `jalankan=<function(args) -> int>`.
Adding a command = writing the module and naming it in PERINTAH.
"""
from __future__ import annotations

import importlib
import os
import sys

from ..errors import KesalahanXlKinerja
from ._argparse_id import ParserIndonesia

# Order here is the order in `xl-kinerja --help`.
PERINTAH = ["baru", "hitung", "rekap", "addin", "impor", "periksa"]


def buat_parser() -> ParserIndonesia:
    parser = ParserIndonesia(
        prog="xl-kinerja",
        description="Buku kerja Excel standar dan aturan kinerja (SAKIP) untuk KPU: "
                    "templat tahunan, rekap triwulan, impor tabel, dan pemeriksaan dokumen.",
        epilog="Bantuan tiap perintah: xl-kinerja PERINTAH --help",
    )
    from .. import __version__
    parser.add_argument("--versi", action="version", version=f"xl-kinerja {__version__}",
                        help="tampilkan versi lalu keluar")
    sub = parser.add_subparsers(title="perintah", metavar="PERINTAH", dest="perintah")
    for nama in PERINTAH:
        importlib.import_module(f".{nama}", __name__).daftarkan(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = buat_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "jalankan", None):
        parser.print_help()
        return 2
    try:
        return int(args.jalankan(args) or 0)
    except KesalahanXlKinerja as e:
        print(f"kesalahan: {e}", file=sys.stderr)
        return e.kode_keluar
    except KeyboardInterrupt:
        print("dibatalkan.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `xl-kinerja periksa ... | head`: the reader has gone; no error
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:  # stdout is not a real file (tests): nothing to silence
            pass
        return 141  # 128 + SIGPIPE, as a shell reports it
    except Exception as e:  # a bug: still no traceback for the user, but a way to get one
        if os.environ.get("XL_KINERJA_DEBUG"):
            raise
        print(f"kesalahan internal: {type(e).__name__}: {e}\n"
              "Ini kemungkinan cacat program. Jalankan ulang dengan XL_KINERJA_DEBUG=1 untuk "
              "melihat rinciannya, lalu laporkan.", file=sys.stderr)
        return 3


if __name__ == "__main__":  # python -m xl_kinerja.cli
    sys.exit(main())
