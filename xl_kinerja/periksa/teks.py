"""One source per text (`teks_berbeda`): RKT, PK and Rencana Aksi show the indicator and
sasaran texts of Pengukuran by formula (`=IF('Pengukuran'!$D$7="","",'Pengukuran'!$D$7)`).
A cell of such a column that holds a typed text different from Pengukuran's means the
document that is signed says something else than the sheet that is measured.

Found without any knowledge of the document layouts: a column of a sheet is a text column
when one of its cells holds that formula form; a row is tied to the Pengukuran row its other
formulas refer to (the target, the other text), so a typed-over cell is still placed.
"""
from __future__ import annotations

import re

from .. import kontrak
from .. import nama as N
from ..impor.sel import pendek
from ..ooxml.rujukan import huruf_kolom, indeks_kolom
from .temuan import Temuan

# 'Sheet'!$D$7 or Sheet!D7 inside a formula
_RUJUK = re.compile(r"(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_APA = {N.UKUR_INDIKATOR: "indikator", N.UKUR_SASARAN: "sasaran"}


def _rujukan(rumus: str, lembar: str) -> list[tuple[int, int]]:
    """(column, row) of every single-cell reference to sheet `lembar` in a formula."""
    hasil = []
    for m in _RUJUK.finditer(rumus):
        nama = m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)
        if nama.lower() == lembar.lower():
            hasil.append((indeks_kolom(m.group(3)), int(m.group(4))))
    return hasil


def _teks_ukur(rumus: str, lembar: str, kolom: dict) -> tuple[str, int] | None:
    """(defined name, Pengukuran row) when the formula is exactly a text shown from
    Pengukuran: every reference is the same indicator/sasaran cell."""
    ref = _rujukan(rumus, lembar)
    if not ref or len(set(ref)) != 1 or ref[0][0] not in kolom:
        return None
    if not rumus.lstrip("=").upper().startswith("IF("):
        return None
    return kolom[ref[0][0]], ref[0][1]


def periksa_teks(k: kontrak.Kontrak, data, lok) -> list[Temuan]:
    """`teks_berbeda` findings of an open workbook (data: its DataBuku; lok(sheet, row,
    code, name) builds a location)."""
    if not (k.ada(N.UKUR_INDIKATOR) and k.ada(N.UKUR_SASARAN)):
        return []
    ri, rs = k.rentang(N.UKUR_INDIKATOR), k.rentang(N.UKUR_SASARAN)
    ukur = ri.lembar
    kolom = {ri.kolom1: N.UKUR_INDIKATOR, rs.kolom1: N.UKUR_SASARAN}
    per_baris = {i.baris: i for i in data.indikator}
    # the Pengukuran sheet as formulas name it, quoted or not
    nama_ukur = (f"'{ukur.replace(chr(39), chr(39) * 2)}'!", f"{ukur}!")

    def ke_ukur(rumus: str | None) -> bool:
        return rumus is not None and (nama_ukur[0] in rumus or nama_ukur[1] in rumus)

    # a text formula names the indicator or sasaran column ('Pengukuran'!$C$7 or !C7): only
    # formulas naming such a column are looked for (decoded), not the thousands of other
    # formulas naming Pengukuran, and a sheet without any is not scanned at all
    tanda_teks = [f"!{a}{huruf_kolom(c)}" for a in ("$", "") for c in kolom]
    temuan = []
    for lembar in k.lembar:
        if lembar == ukur:
            continue
        jenis_kolom: dict[int, str] = {}  # document column -> defined name of its text
        for isi in k.rumus_memuat(lembar, *tanda_teks).values():
            for c, f in isi.items():
                if c not in jenis_kolom and ke_ukur(f):
                    t = _teks_ukur(f, ukur, kolom)
                    if t is not None:
                        jenis_kolom[c] = t[0]
        # a text cell typed over (a constant where the formula belongs); the row's other
        # formulas say which Pengukuran row it stands for
        ketik = sorted((r, c) for c in jenis_kolom
                       for r, s in k.kolom_lembar(lembar, c).items()
                       if s.rumus is None and s.nilai is not None)
        for r, c in ketik:
            isi = k.baris_lembar(lembar, r)
            n = {b for s in isi.values() if ke_ukur(s.rumus)
                 for _, b in _rujukan(s.rumus, ukur) if b in per_baris}
            if len(n) != 1:
                continue  # not tied to one indicator row (or every formula typed over)
            ind = per_baris[next(iter(n))]
            nama = jenis_kolom[c]
            ditulis = str(isi[c].nilai).strip()
            asli = ind.indikator if nama == N.UKUR_INDIKATOR else ind.sasaran
            if not ditulis or " ".join(ditulis.split()) == " ".join(asli.split()):
                continue
            apa = _APA[nama]
            temuan.append(Temuan(
                "teks_berbeda", lok(lembar, r, ind.kode, ind.indikator),
                f"teks {apa} di lembar {lembar} baris {r} diketik \"{pendek(ditulis)}\", "
                f"berbeda dengan lembar {ukur} baris {ind.baris}: \"{pendek(asli)}\"; "
                f"dokumen yang ditandatangani harus memuat teks yang diukur: sunting teksnya "
                f"di lembar {ukur}, lalu kembalikan rumus sel ini (salin dari sel {apa} "
                f"lain di kolom yang sama)", ditulis, asli))
    return temuan
