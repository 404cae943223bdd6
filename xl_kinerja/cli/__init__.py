"""`xl-kinerja`: the command line, a thin layer over the library API.

Each command lives in its own module of this package and exposes
`daftarkan(subparsers)`, which adds its parser and sets `jalankan=<function(args) -> int>`.
Adding a command = writing the module and naming it in PERINTAH.
"""
from __future__ import annotations

import importlib
import os
import sys

from ..berkas import pesan_os
from ..errors import KesalahanXlKinerja
from ..versi import VERSI
from ._argparse_id import ParserIndonesia
from ._layar import layar_aman, periksa_argumen

# Order here is the order in `xl-kinerja --help`.
PERINTAH = ["baru", "hitung", "rekap", "konsolidasi", "addin", "impor", "periksa", "lkj"]


def buat_parser() -> ParserIndonesia:
    parser = ParserIndonesia(
        prog="xl-kinerja",
        description="Buku kerja Excel standar dan aturan kinerja (SAKIP) untuk KPU: "
                    "templat tahunan, rekap triwulan, impor tabel, dan pemeriksaan dokumen.",
        epilog="Bantuan tiap perintah: xl-kinerja PERINTAH --help",
    )
    parser.add_argument("--versi", action="version", version=f"xl-kinerja {VERSI}",
                        help="tampilkan versi lalu keluar")
    sub = parser.add_subparsers(title="perintah", metavar="PERINTAH", dest="perintah")
    for nama in PERINTAH:
        importlib.import_module(f".{nama}", __name__).daftarkan(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    with layar_aman():
        return _jalankan(buat_parser(), argv)


def _jalankan(parser: ParserIndonesia, argv: list[str]) -> int:
    args = parser.parse_args(argv)
    if not getattr(args, "jalankan", None):
        parser.print_help()
        return 2
    try:
        periksa_argumen(args, argv)
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
        except (OSError, ValueError):  # stdout is not a real file (tests): nothing to silence
            pass
        return 141  # 128 + SIGPIPE, as a shell reports it
    except MemoryError:
        print("kesalahan: memori tidak cukup untuk memproses masukan ini (berkas terlalu besar "
              "atau rusak)", file=sys.stderr)
        return 2
    except OSError as e:  # the environment (disk, permission), not a bug
        tempat = f"berkas {e.filename}: " if e.filename else ""
        print(f"kesalahan: {tempat}{pesan_os(e)}", file=sys.stderr)
        return 2
    except Exception as e:  # a bug: still no traceback for the user, but a way to get one
        if os.environ.get("XL_KINERJA_DEBUG"):
            raise
        print(f"kesalahan internal: {type(e).__name__}: {e}\n"
              "Ini kemungkinan cacat program. Jalankan ulang dengan XL_KINERJA_DEBUG=1 untuk "
              "melihat rinciannya, lalu laporkan.", file=sys.stderr)
        return 3
