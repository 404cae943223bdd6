"""What the CLI prints is safe for a terminal, and what it is given is checked text.

Table texts, sheet names and file names come from untrusted files: an ESC sequence in a cell
would otherwise recolour, retitle or clear the user's terminal when `periksa` prints it.
Every character that is not printable text (C0/C1 controls except tab, newline and carriage
return, the bidi overrides that reorder a line, lone surrogates from non-UTF-8 file names) is
printed as \\uXXXX, which is also a valid escape inside the JSON that `--format json` prints.
"""
from __future__ import annotations

import contextlib
import re
import sys
from pathlib import PurePath

from ..berkas import BATAS_ARGUMEN, bersihkan_kendali
from ..errors import KesalahanInput

_TAK_TAMPIL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                         "\ud800-\udfff]")


def aman_layar(teks: str) -> str:
    return _TAK_TAMPIL.sub(lambda m: f"\\u{ord(m.group()):04x}", teks)


class _AliranAman:
    """A text stream whose writes are escaped (everything else goes to the real stream)."""

    def __init__(self, asli):
        self._asli = asli

    def write(self, teks):
        return self._asli.write(aman_layar(teks))

    def __getattr__(self, nama):
        return getattr(self._asli, nama)


@contextlib.contextmanager
def layar_aman():
    lama = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _AliranAman(lama[0]), _AliranAman(lama[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = lama


def _nama_opsi(dest: str, argv: list[str]) -> str:
    opsi = "--" + dest.replace("_", "-")
    return opsi if any(a == opsi or a.startswith(opsi + "=") for a in argv) else dest.upper()


def periksa_argumen(args, argv: list[str]) -> None:
    """Text arguments (not file names) must be valid UTF-8 and at most `BATAS_ARGUMEN`
    characters; control characters in them are removed with a warning (they would make the
    workbook's XML invalid)."""
    for dest, nilai in vars(args).items():
        if not isinstance(nilai, str) or isinstance(nilai, PurePath):
            continue
        salah = [c for c in nilai if 0xdc80 <= ord(c) <= 0xdcff]
        if salah:
            byte = ", ".join(f"0x{ord(c) - 0xdc00:02X}" for c in salah[:3])
            raise KesalahanInput(
                f"argumen {_nama_opsi(dest, argv)} bukan teks UTF-8 yang sah (byte {byte}); "
                "ketik ulang teksnya atau atur terminal ke UTF-8", aman_layar(nilai))
        if len(nilai) > BATAS_ARGUMEN:
            raise KesalahanInput(
                f"argumen {_nama_opsi(dest, argv)} terlalu panjang ({len(nilai):,} karakter; "
                f"batas {BATAS_ARGUMEN:,})".replace(",", "."), nilai[:40] + "...")
        catatan: list[str] = []
        bersih = bersihkan_kendali(nilai, f"argumen {_nama_opsi(dest, argv)}", catatan)
        if catatan:
            setattr(args, dest, bersih)
            for c in catatan:
                print(f"peringatan: {c}", file=sys.stderr)

