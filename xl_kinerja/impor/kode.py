"""Budget codes in a table (docs/aturan.md section "Anggaran", A21): recognising a code cell,
a code written in front of its name, and the budget level (program, kegiatan, output) a code
names.

Separate because code shapes are a rule of their own (the budget chart of accounts), not of
how a table is laid out.
"""
from __future__ import annotations

import re

# a cell that looks like a code (written in the NO column: "076.01.CQ", "EBA.994")
_KODE_MIRIP = re.compile(r"^(\d{3}\.|[A-Z]{2,4}\.|\d{3}\.\d{2}\.)[\w.]*$")
# budget codes (docs/aturan.md A21): program 076.01.CQ (or 076.01), kegiatan CQ.6709 / 3355,
# output (KRO/RO) QGE.001 / EBA.994 / EBA, also written in full (3355.EBA.994)
_KODE_PROGRAM = re.compile(r"^\d{3}\.\d{2}(\.[A-Z]{2})?$")
_KODE_OUTPUT = re.compile(r"^((\d{3}\.\d{2}\.)?([A-Z]{2}\.)?\d{4}\.)?[A-Z]{3}(\.\d{3})?\.?$")
# a code in front of its name: "076.01.CQ Program ...", "EBA.994 Layanan Perkantoran"; also
# the malformed ones offices type ("QGE. 003 Layanan ...", "QGE. Layanan ...")
_KODE_DI_TEKS = re.compile(r"^(\d{3}\.[\w.]*|[A-Z]{2,3}\.\d{3,4}(?:\.[\w.]+)?|[A-Z]{2,4}\.\s\d{3,4}\b"
                           r"|[A-Z]{3}\.)\s+(\S.*)$")
# a cell that is a code and nothing else ("QGE.001", "QGE.", "076.01.CQ")
_KODE_SAJA = re.compile(r"^(\d{3}\.[\w.]*|[A-Z]{2,4}\.(?:\s?\d{3,4})?(?:\.[\w.]+)?)$")


def pisah_kode(teks: str) -> tuple[str, str]:
    """(code, name) of a cell that starts with a budget code ("076.01.CQ Penyelenggaraan
    Pemilu ..." -> ("076.01.CQ", "Penyelenggaraan Pemilu ...")); ("", teks) when it does
    not. A code alone gives (code, "")."""
    t = (teks or "").strip()
    if m := _KODE_DI_TEKS.match(t):
        return m.group(1), m.group(2)
    if _KODE_SAJA.match(t):
        return t, ""
    return "", t


def tingkat_kode(kode: str, program_kini: str = "") -> str:
    """Budget level of a code: "program", "kegiatan" or "output". A program-shaped code that
    extends the program above it (076.01.WA under 076.01) is that program's kegiatan.
    A malformed code is judged by its shape without spaces ("QGE. 003" is an output)."""
    kode = kode.replace(" ", "")
    if _KODE_PROGRAM.match(kode):
        if program_kini and kode.startswith(program_kini + "."):
            return "kegiatan"
        return "program"
    if _KODE_OUTPUT.match(kode):
        return "output"
    return "kegiatan"


_KODE_KEGIATAN_KPU = re.compile(r"^([A-Z]{2})\.\d{4}$")


def program_dari_kegiatan(kode: str) -> str | None:
    """The program a KPU kegiatan code belongs to: CQ.6709 -> 076.01.CQ, WA.3355 ->
    076.01.WA (section 076 is KPU's; the kegiatan's letters are its program's); None for a
    code of another shape."""
    m = _KODE_KEGIATAN_KPU.match((kode or "").strip())
    return f"076.01.{m.group(1)}" if m else None
