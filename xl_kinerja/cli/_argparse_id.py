"""argparse speaking Indonesian.

argparse's own texts (usage, section titles, error messages) are English and fetched
through gettext; rather than ship a .mo catalog we translate the handful it prints.
"""
from __future__ import annotations

import argparse
import re
import sys

_TERJEMAHAN = [
    (r"^the following arguments are required: (.*)$", r"argumen berikut wajib diisi: \1"),
    (r"^unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
    (r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$",
     r"argumen \1: pilihan tidak sah: \2 (pilih salah satu: \3)"),
    (r"^argument (.*?): invalid (\w+) value: (.*)$", r"argumen \1: nilai tidak sah: \3"),
    (r"^argument (.*?): expected one argument$", r"argumen \1: memerlukan satu nilai"),
    (r"^argument (.*?): not allowed with argument (.*)$",
     r"argumen \1 tidak boleh dipakai bersama \2"),
    (r"^one of the arguments (.*) is required$", r"salah satu argumen \1 wajib diisi"),
    (r"^ambiguous option: (.*?) could match (.*)$", r"opsi ambigu: \1 bisa berarti \2"),
    (r"^argument (.*?): expected at least one argument$",
     r"argumen \1: memerlukan sedikitnya satu nilai"),
    (r"^argument (.*?): expected (\d+) arguments?$", r"argumen \1: memerlukan \2 nilai"),
    (r"^argument (.*?): ignored explicit argument (.*)$",
     r"argumen \1: nilai \2 tidak dipakai opsi ini"),
    # an ArgumentTypeError from our own type functions: the text after it is ours already
    (r"^argument (.*?): (.*)$", r"argumen \1: \2"),
]


def terjemahkan(pesan: str) -> str:
    for pola, ganti in _TERJEMAHAN:
        baru, n = re.subn(pola, ganti, pesan)
        if n:
            return baru
    return pesan


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # prefix "" (not None) is how argparse builds a subcommand's prog: keep it empty.
        return super().add_usage(usage, actions, groups,
                                 "Pemakaian: " if prefix is None else prefix)


class ParserIndonesia(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="tampilkan bantuan ini lalu keluar")
        # "-5%", "-1.234,5" are values (capaian -5%% 10%%), not options; argparse only
        # knows plain "-5" and "-.5"
        self._negative_number_matcher = re.compile(r"^-[\d.,]+\s*%?$")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: kesalahan: {terjemahkan(message)}\n")
