"""Constant cells of an existing worksheet changed in place, by text splices.

`ganti_sel` rewrites only the `<c>` elements asked for (keeping each one's style), adding a
missing cell or row in its ordered place; every other byte of the sheet part stays as it
was. A formula cell is never replaced. `hitung_saat_dibuka` asks Excel/LibreOffice to
recalculate on opening (formulas reading the changed cells hold stale cached values), and
`tulis_dengan_ubahan` writes the package with the edited parts, copying every other member
byte for byte (as the rekap does).
"""
from __future__ import annotations

import re
from pathlib import Path

from defusedxml import ElementTree as DET

from ..errors import KesalahanBerkas
from .paket import Paket
from .rujukan import koordinat, urai_sel
from .teks import angka_xml, atribut, attr_xml, cari_tag, teks_xml
from .zip import PenulisZip

_BARIS = re.compile(r"<(?:\w+:)?row(?=[\s/>])[^>]*?(?:/>|>.*?</(?:\w+:)?row\s*>)", re.S)
_SEL = re.compile(r"<(?:\w+:)?c(?=[\s/>])[^>]*?(?:/>|>.*?</(?:\w+:)?c\s*>)", re.S)
_AWAL = re.compile(r"<(?:\w+:)?(?:row|c)(?=[\s/>])[^>]*?/?>", re.S)
_RUMUS = re.compile(r"<(?:\w+:)?f(?=[\s/>])")
# CT_Workbook children that come after calcPr (ECMA-376 18.2.27)
_SESUDAH_CALCPR = ("oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
                   "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects",
                   "extLst")


def _sel_xml(p: str, ref: str, gaya: str | None, nilai) -> str:
    s = f' s="{attr_xml(gaya)}"' if gaya is not None else ""
    if nilai is None or nilai == "":
        return f'<{p}c r="{ref}"{s}/>'
    if isinstance(nilai, str):
        return (f'<{p}c r="{ref}"{s} t="inlineStr"><{p}is><{p}t xml:space="preserve">'
                f"{teks_xml(nilai)}</{p}t></{p}is></{p}c>")
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float)):
        raise TypeError(f"nilai sel {ref}: {type(nilai).__name__}")
    return f'<{p}c r="{ref}"{s}><{p}v>{angka_xml(nilai)}</{p}v></{p}c>'


def _awal(teks_elemen: str) -> dict:
    return atribut(_AWAL.match(teks_elemen).group(0))


def ganti_sel(teks: str, nilai: dict[tuple[int, int], object], *, berkas=None,
              lembar: str = "") -> str:
    """The sheet part `teks` with each cell (row, column) of `nilai` set to its value (a
    number, a text, or None = blank), keeping the cell's style. KesalahanBerkas when a
    target cell holds a formula or the rows/cells carry no reference (position implied)."""
    m, p = cari_tag(teks, "sheetData")
    if m is None:
        raise KesalahanBerkas(f"lembar '{lembar}' tanpa data sel (sheetData)", berkas=berkas)
    if m.group(0).endswith("/>"):
        teks = teks[:m.start()] + m.group(0)[:-2].rstrip() + f"></{p}sheetData>" + \
            teks[m.end():]
        m, p = cari_tag(teks, "sheetData")
    awal = m.end()
    akhir = teks.index(f"</{p}sheetData>", awal)
    per_baris: dict[int, dict[int, object]] = {}
    for (b, k), v in nilai.items():
        per_baris.setdefault(b, {})[k] = v
    potong: list[tuple[int, int, str]] = []  # (start, end, replacement) in the sheet text
    sisa = dict(per_baris)
    baris_ada: list[tuple[int, int]] = []   # (row number, start) of every row
    for mb in _BARIS.finditer(teks, awal, akhir):
        a = _awal(mb.group(0))
        if not (a.get("r") or "").isdigit():
            raise KesalahanBerkas(f"lembar '{lembar}': baris tanpa nomor (atribut r); tidak "
                                  "dapat diubah dengan aman. Simpan ulang berkasnya dengan "
                                  "Excel atau LibreOffice", berkas=berkas)
        r = int(a["r"])
        baris_ada.append((r, mb.start()))
        if r in sisa:
            potong.append((mb.start(), mb.end(), _ubah_baris(mb.group(0), p, r, sisa.pop(r),
                                                             berkas, lembar)))
    for r, isi in sorted(sisa.items()):  # rows the sheet does not have yet
        sel = "".join(_sel_xml(p, koordinat(r, k), None, v) for k, v in sorted(isi.items()))
        tempat = next((s for n, s in baris_ada if n > r), akhir)
        potong.append((tempat, tempat, f'<{p}row r="{r}">{sel}</{p}row>'))
    for a, b, ganti in sorted(potong, key=lambda x: (x[0], x[1]), reverse=True):
        teks = teks[:a] + ganti + teks[b:]
    return teks


def _ubah_baris(teks_baris: str, p: str, r: int, isi: dict[int, object], berkas,
                lembar: str) -> str:
    if teks_baris.endswith("/>"):
        buka = teks_baris[:-2].rstrip() + ">"
        dalam, tutup = "", f"</{p}row>"
    else:
        ma = _AWAL.match(teks_baris)
        buka = ma.group(0)
        j = teks_baris.rindex("</")
        dalam, tutup = teks_baris[ma.end():j], teks_baris[j:]
    sel = []
    for ms in _SEL.finditer(dalam):
        a = _awal(ms.group(0))
        rc = urai_sel(a.get("r") or "")
        if rc is None:
            raise KesalahanBerkas(f"lembar '{lembar}' baris {r}: sel tanpa alamat (atribut r); "
                                  "tidak dapat diubah dengan aman. Simpan ulang berkasnya "
                                  "dengan Excel atau LibreOffice", berkas=berkas)
        sel.append((rc[1], ms, a))
    potong, sisa, tambah = [], dict(isi), False
    for k, ms, a in sel:
        if k not in sisa:
            continue
        if _RUMUS.search(ms.group(0)):
            raise KesalahanBerkas(f"sel {lembar}!{koordinat(r, k)} berisi rumus; tidak ditimpa",
                                  berkas=berkas, sheet=lembar)
        potong.append((ms.start(), ms.end(), _sel_xml(p, koordinat(r, k), a.get("s"),
                                                      sisa.pop(k))))
    for k, v in sorted(sisa.items()):  # cells the row does not have yet: in column order
        tempat = next((ms.start() for kk, ms, _ in sel if kk > k), len(dalam))
        potong.append((tempat, tempat, _sel_xml(p, koordinat(r, k), None, v)))
        tambah = True
    for a, b, ganti in sorted(potong, key=lambda x: (x[0], x[1]), reverse=True):
        dalam = dalam[:a] + ganti + dalam[b:]
    if tambah:  # `spans` is an optimisation hint a new cell could fall outside of
        buka = re.sub(r'\sspans\s*=\s*("[^"]*"|\'[^\']*\')', "", buka)
    return buka + dalam + tutup


def hitung_saat_dibuka(teks_buku: str) -> str:
    """workbook.xml with calcPr fullCalcOnLoad="1": formulas are recalculated on opening."""
    m, _ = cari_tag(teks_buku, "calcPr")
    if m is not None:
        tag = m.group(0)
        if re.search(r'\sfullCalcOnLoad\s*=\s*["\'](1|true)["\']', tag):
            return teks_buku
        tag = re.sub(r'\sfullCalcOnLoad\s*=\s*("[^"]*"|\'[^\']*\')', "", tag)
        akhir = -2 if tag.endswith("/>") else -1
        tag = tag[:akhir].rstrip() + ' fullCalcOnLoad="1"' + tag[akhir:]
        return teks_buku[:m.start()] + tag + teks_buku[m.end():]
    mw, p = cari_tag(teks_buku, "workbook")
    # the elements that follow calcPr come after <sheets> (a workbookView may hold an
    # extLst of its own: calcPr must not land inside bookViews)
    ms, _ = cari_tag(teks_buku, "sheets")
    mulai = 0 if ms is None else ms.end() if ms.group(0).endswith("/>") else \
        max(0, teks_buku.find(f"</{p}sheets>", ms.end()))
    tempat = None
    for lokal in _SESUDAH_CALCPR:
        ml, _ = cari_tag(teks_buku, lokal, mulai)
        if ml is not None and (tempat is None or ml.start() < tempat):
            tempat = ml.start()
    if tempat is None:
        tempat = teks_buku.rindex(f"</{p}workbook")
    return teks_buku[:tempat] + f'<{p}calcPr fullCalcOnLoad="1"/>' + teks_buku[tempat:]


def tulis_dengan_ubahan(pk: Paket, tujuan: Path, ubah: dict[str, bytes]) -> None:
    """Write `tujuan` = the package with the parts of `ubah` replaced (each must stay
    well-formed XML); every other member copied as stored, in the source order."""
    for n, data in ubah.items():
        try:
            DET.fromstring(data)
        except Exception as e:
            raise KesalahanBerkas(f"perubahan menghasilkan XML yang tidak sah di {n} ({e}); "
                                  "berkas tidak diubah", berkas=pk.path) from None
    with open(tujuan, "wb") as fo:
        zw = PenulisZip(fo, pk.fp)
        for info in pk.zip.infolist():
            if info.filename in ubah:
                zw.tulis(info.filename, ubah[info.filename], info.date_time)
            else:
                zw.salin(info)
        zw.tutup(pk.zip.comment)
