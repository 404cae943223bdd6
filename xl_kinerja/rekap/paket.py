"""Write the rekap sheet straight into the xlsx package (ZIP), copying everything else as is.

Why not openpyxl: loading and re-saving a whole workbook rewrites every part (slow, and it
drops what openpyxl does not model: VBA, shapes, pivot tables, ...). Here only these parts
change:

- the worksheet "Rekap TW N", its drawing and two native charts (new parts; on a re-run the
  old sheet's parts are removed first and the same part names are used again);
- `[Content_Types].xml` (overrides of those parts), `xl/workbook.xml` and its rels (the
  `<sheet>` entry, only when the sheet is new), `xl/styles.xml` (a bold font and a few
  cell formats, appended at the END of their lists so existing indices stay valid, and
  reused on the next run, so styles do not grow per run);
- `xl/calcChain.xml` is dropped only if it lists formulas of the old rekap sheet (Excel
  rebuilds it silently).

Every other member is copied byte for byte (its compressed data as stored). Edits are text
splices into the original XML (no re-serialisation: prefixes, `mc:Ignorable`, extensions
stay as they are); every XML member read is parsed with defusedxml first (XML bombs and
external entities are refused). A replaced sheet keeps its place among the sheets, a new
one goes last, so sheet indices (`localSheetId` of defined names, `activeTab`) stay valid.
"""
from __future__ import annotations

import datetime as _dt
import math
import posixpath
import re
import struct
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

from ..errors import KesalahanBerkas

from ..ooxml.paket import Paket, pemilik_rels, rels_dari, target_bagian  # noqa: F401
from ..ooxml.rujukan import huruf_kolom as _kolom, rujukan_lembar as _lembar_rujukan, \
    urai_sel as _sel
from ..ooxml.skema import (CT_CHART, CT_DRAWING, CT_RELS, CT_WORKSHEET, NS_A, NS_C,  # noqa: F401
                           NS_CT, NS_MAIN, NS_PR, NS_R, NS_XDR, RT_APP, RT_CALCCHAIN, RT_CHART,
                           RT_DRAWING, RT_OFFICE, RT_STYLES, RT_WORKSHEET, lokal as _lokal)

# chart size as the openpyxl writer had it (16 cm x 7.5 cm), in EMU
_CM = 360000
_LEBAR_GRAFIK, _TINGGI_GRAFIK = 16 * _CM, int(7.5 * _CM)

# built-in number formats (ECMA-376 18.8.30); used unless the file redefines those ids
_BAWAAN = {"0.00%": 10, "#,##0": 3}


# ---------------------------------------------------------------- small XML helpers
_ILEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATRIBUT = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*')")


def _teks(s: str) -> str:
    return escape(_ILEGAL.sub("", s))


def _attr(s: str) -> str:
    return escape(_ILEGAL.sub("", s), {'"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                                       "\t": "&#9;"})


def _atribut(tag: str) -> dict:
    """Attributes of one start tag's text (values unescaped)."""
    from xml.sax.saxutils import unescape
    return {k: unescape(v[1:-1], {"&quot;": '"', "&apos;": "'"})
            for k, v in _ATRIBUT.findall(tag)}


def _angka(v) -> str:
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int):
        return str(v)
    return repr(float(v))


# ---------------------------------------------------------------- collecting the layout
class PenulisPaket:
    """`_tata_letak` target: collects cells, widths and charts, then renders SpreadsheetML."""

    def __init__(self, nama_lembar: str):
        self.nama = nama_lembar
        self.sel: dict[tuple[int, int], tuple] = {}
        self.lebar_kolom: dict[int, float] = {}
        self.daftar_grafik: list[tuple] = []
        self.lanskap_muat_lebar = False

    def cetak(self):
        self.lanskap_muat_lebar = True

    def tulis(self, r, c, v, fmt=None, tebal=False):
        if isinstance(v, float) and not math.isfinite(v):
            v = None  # SpreadsheetML has no NaN/inf; Excel would "repair" the file
        self.sel[(r, c)] = (v, fmt, tebal)

    def lebar(self, c, x):
        self.lebar_kolom[c] = x

    def grafik(self, jenis, judul, kategori, seri, posisi):
        self.daftar_grafik.append((judul, kategori, seri if isinstance(seri, list) else [seri],
                                   posisi))

    def gaya_dipakai(self) -> set:
        return {(f, t) for v, f, t in self.sel.values() if f or t}

    def nilai(self, r, c):
        isi = self.sel.get((r, c))
        return None if isi is None else isi[0]

    # -- rendering
    def xml_lembar(self, gaya: dict, rid_gambar: str | None) -> bytes:
        baris: dict[int, list] = {}
        for (r, c) in sorted(self.sel):
            baris.setdefault(r, []).append(c)
        keping = []
        for r, kolom in baris.items():
            sel = []
            for c in kolom:
                v, fmt, tebal = self.sel[(r, c)]
                s = gaya.get((fmt, tebal), 0) if (fmt or tebal) else 0
                ref = f"{_kolom(c)}{r}"
                sa = f' s="{s}"' if s else ""
                if v is None or v == "":  # as openpyxl: an empty text is an empty cell
                    if s:
                        sel.append(f'<c r="{ref}"{sa}/>')
                elif isinstance(v, str):
                    t = _teks(v)
                    ruang = ' xml:space="preserve"' if t != t.strip() else ""
                    sel.append(f'<c r="{ref}"{sa} t="inlineStr"><is><t{ruang}>{t}</t></is></c>')
                elif isinstance(v, bool):
                    sel.append(f'<c r="{ref}"{sa} t="b"><v>{_angka(v)}</v></c>')
                else:
                    sel.append(f'<c r="{ref}"{sa}><v>{_angka(v)}</v></c>')
            keping.append(f'<row r="{r}">{"".join(sel)}</row>')
        maks_r = max((r for r, _ in self.sel), default=1)
        maks_c = max((c for _, c in self.sel), default=1)
        kolom = "".join(f'<col min="{c}" max="{c}" width="{x}" customWidth="1"/>'
                        for c, x in sorted(self.lebar_kolom.items()))
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
            + ('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' if self.lanskap_muat_lebar
               else "")
            + f'<dimension ref="A1:{_kolom(maks_c)}{maks_r}"/>'
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{kolom}</cols>" if kolom else "")
            + f'<sheetData>{"".join(keping)}</sheetData>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
            'footer="0.3"/>'
            + ('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" '
               'fitToHeight="0"/>' if self.lanskap_muat_lebar else "")
            + (f'<drawing r:id="{rid_gambar}"/>' if rid_gambar else "")
            + "</worksheet>").encode("utf-8")

    def xml_gambar(self) -> bytes:
        jangkar = []
        for i, (judul, _, _, posisi) in enumerate(self.daftar_grafik):
            r, c = _sel(posisi)
            jangkar.append(
                f"<xdr:oneCellAnchor><xdr:from><xdr:col>{c - 1}</xdr:col><xdr:colOff>0"
                f"</xdr:colOff><xdr:row>{r - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
                f'<xdr:ext cx="{_LEBAR_GRAFIK}" cy="{_TINGGI_GRAFIK}"/>'
                f'<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>'
                f'<xdr:cNvPr id="{i + 2}" name="{_attr(judul)}"/><xdr:cNvGraphicFramePr/>'
                f'</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
                f'</xdr:xfrm><a:graphic><a:graphicData uri="{NS_C}"><c:chart xmlns:c="{NS_C}" '
                f'xmlns:r="{NS_R}" r:id="rId{i + 1}"/></a:graphicData></a:graphic>'
                f"</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>")
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<xdr:wsDr xmlns:xdr="{NS_XDR}" xmlns:a="{NS_A}">{"".join(jangkar)}'
                "</xdr:wsDr>").encode("utf-8")

    def _ref(self, r1, c, r2) -> str:
        a = f"${_kolom(c)}${r1}"
        return f"{_lembar_rujukan(self.nama)}!{a}" + (f":${_kolom(c)}${r2}" if r2 != r1 else "")

    def xml_grafik(self, i: int) -> bytes:
        judul, kat, daftar_seri, _ = self.daftar_grafik[i]
        k1, kc, k2 = kat
        titik = []
        for j, r in enumerate(range(k1, k2 + 1)):
            v = self.nilai(r, kc)
            if v is not None:
                titik.append(f'<c:pt idx="{j}"><c:v>{_teks(str(v))}</c:v></c:pt>')
        n = k2 - k1 + 1
        cache_kat = f'<c:strCache><c:ptCount val="{n}"/>{"".join(titik)}</c:strCache>'
        seri = []
        for j, (h, c, r2) in enumerate(daftar_seri):
            nama = self.nilai(h, c)
            nama = "" if nama is None else str(nama)
            angka = []
            for m, r in enumerate(range(h + 1, r2 + 1)):
                v = self.nilai(r, c)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    angka.append(f'<c:pt idx="{m}"><c:v>{_angka(v)}</c:v></c:pt>')
            seri.append(
                f'<c:ser><c:idx val="{j}"/><c:order val="{j}"/>'
                f"<c:tx><c:strRef><c:f>{_teks(self._ref(h, c, h))}</c:f><c:strCache>"
                f'<c:ptCount val="1"/><c:pt idx="0"><c:v>{_teks(nama)}</c:v></c:pt>'
                f'</c:strCache></c:strRef></c:tx><c:invertIfNegative val="0"/>'
                f"<c:cat><c:strRef><c:f>{_teks(self._ref(k1, kc, k2))}</c:f>{cache_kat}"
                f"</c:strRef></c:cat>"
                f"<c:val><c:numRef><c:f>{_teks(self._ref(h + 1, c, r2))}</c:f><c:numCache>"
                f'<c:formatCode>0.00%</c:formatCode><c:ptCount val="{r2 - h}"/>'
                f'{"".join(angka)}</c:numCache></c:numRef></c:val></c:ser>')
        ax_kat, ax_nilai = 500000 + 2 * i, 500001 + 2 * i
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<c:chartSpace xmlns:c="{NS_C}" xmlns:a="{NS_A}" xmlns:r="{NS_R}">'
            '<c:roundedCorners val="0"/><c:chart>'
            f"<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>{_teks(judul)}</a:t></a:r></a:p>"
            '</c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
            '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/>'
            '<c:grouping val="clustered"/><c:varyColors val="0"/>'
            + "".join(seri)
            + f'<c:gapWidth val="150"/><c:axId val="{ax_kat}"/><c:axId val="{ax_nilai}"/>'
            f'</c:barChart><c:catAx><c:axId val="{ax_kat}"/><c:scaling><c:orientation '
            'val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>'
            '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>'
            '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
            f'<c:crossAx val="{ax_nilai}"/><c:crosses val="autoZero"/><c:auto val="1"/>'
            '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
            f'<c:valAx><c:axId val="{ax_nilai}"/><c:scaling><c:orientation val="minMax"/>'
            '</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>'
            '<c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/>'
            '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
            f'<c:crossAx val="{ax_kat}"/><c:crosses val="autoZero"/>'
            '<c:crossBetween val="between"/></c:valAx></c:plotArea>'
            '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>'
            '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
        ).encode("utf-8")


def bagian_buku(pk: Paket) -> str:
    return pk.bagian_buku()


# ---------------------------------------------------------------- text splices
def _cari_tag(teks: str, lokal: str, mulai: int = 0):
    """First start tag <[p:]lokal ...> or <... /> from `mulai`: (match, prefix) or (None, '')."""
    m = re.compile(r"<(?:(\w+):)?" + lokal + r"(?=[\s/>])[^>]*>").search(teks, mulai)
    if m is None:
        return None, ""
    return m, (m.group(1) + ":" if m.group(1) else "")


def _sisip_akhir(teks: str, lokal: str, isi: str, naikkan: int | None = None) -> str:
    """Insert `isi` right before </lokal> (expanding <lokal/>); optionally bump count=."""
    m, p = _cari_tag(teks, lokal)
    if m is None:
        raise ValueError(lokal)
    awal = m.group(0)
    if naikkan is not None:
        baru_awal = awal
        if re.search(r"\scount\s*=", awal):
            baru_awal = re.sub(r'(\scount\s*=\s*)(["\'])\d*\2',
                               lambda x: f"{x.group(1)}{x.group(2)}{naikkan}{x.group(2)}", awal)
    else:
        baru_awal = awal
    if awal.endswith("/>"):
        buka = baru_awal[:-2].rstrip() + ">"
        return teks[:m.start()] + buka + isi + f"</{p}{lokal}>" + teks[m.end():]
    tutup = teks.index(f"</{p}{lokal}>", m.end())
    return teks[:m.start()] + baru_awal + teks[m.end():tutup] + isi + teks[tutup:]


def _hapus_tag_kosong(teks: str, lokal: str, syarat) -> str:
    """Remove every empty <lokal .../> (or <lokal ...></lokal>) whose attributes satisfy
    `syarat`."""
    pola = re.compile(r"<(?:\w+:)?" + lokal + r"(?=[\s/>])[^>]*?(?:/>|>\s*</(?:\w+:)?"
                      + lokal + r"\s*>)")
    return pola.sub(lambda m: "" if syarat(_atribut(m.group(0))) else m.group(0), teks)


def _awalan_ns(teks: str, ns: str) -> str | None:
    """Prefix bound to `ns` on the root element (in scope everywhere). A declaration on
    another element (lxml-backed openpyxl puts xmlns:r on each <sheet>) does not count."""
    akar = re.search(r"<(?![?!])[^>]*>", teks)
    m = akar and re.search(r'xmlns:(\w+)\s*=\s*["\']' + re.escape(ns) + r'["\']',
                           akar.group(0))
    return m.group(1) if m else None


# ---------------------------------------------------------------- styles
def _kanon(el) -> tuple:
    return tuple(sorted((_lokal(c.tag), tuple(sorted(c.attrib.items()))) for c in el))


class _Gaya:
    """Find or append the formats the rekap needs in styles.xml (append-only)."""

    def __init__(self, teks: str, akar):
        self.teks = teks
        self.akar = akar
        self.ubah = False

    def _daftar(self, lokal):
        for el in self.akar:
            if _lokal(el.tag) == lokal:
                return el
        return None

    def format_angka(self, kode: str) -> int:
        nf = self._daftar("numFmts")
        ada = {} if nf is None else {el.get("formatCode"): int(el.get("numFmtId"))
                                     for el in nf if el.get("numFmtId", "").isdigit()}
        if kode in ada:
            return ada[kode]
        bawaan = _BAWAAN.get(kode)
        if bawaan is not None and bawaan not in ada.values():
            return bawaan
        baru = max([163, *ada.values()]) + 1
        isi = f'<numFmt numFmtId="{baru}" formatCode="{_attr(kode)}"/>'
        if nf is None:  # numFmts is the first child of styleSheet
            m, p = _cari_tag(self.teks, "styleSheet")
            isi = isi.replace("<numFmt ", f"<{p}numFmt ")
            self.teks = (self.teks[:m.end()] + f'<{p}numFmts count="1">{isi}</{p}numFmts>'
                         + self.teks[m.end():])
        else:
            _, p = _cari_tag(self.teks, "numFmts")
            self.teks = _sisip_akhir(self.teks, "numFmts", isi.replace("<numFmt ", f"<{p}numFmt "),
                                     naikkan=len(nf) + 1)
        self._parse()
        return baru

    def _parse(self):
        from defusedxml import ElementTree as DET
        self.akar = DET.fromstring(self.teks.encode("utf-8"))
        self.ubah = True

    def font_tebal(self) -> int:
        fonts = self._daftar("fonts")
        if fonts is None or len(fonts) == 0:
            raise ValueError("fonts")
        dasar = fonts[0]
        if any(_lokal(c.tag) == "b" and c.get("val", "1") not in ("0", "false") for c in dasar):
            return 0
        ingin = tuple(sorted(_kanon(dasar) + (("b", ()),)))
        for i, f in enumerate(fonts):
            if _kanon(f) == ingin:
                return i
        # copy the default font's text and add <b/> as its first child
        m, p = _cari_tag(self.teks, "fonts")
        mf, pf = _cari_tag(self.teks, "font", m.end())
        if mf.group(0).endswith("/>"):
            salinan = mf.group(0)[:-2].rstrip() + f"><{pf}b/></{pf}font>"
        else:
            akhir = self.teks.index(f"</{pf}font>", mf.end()) + len(f"</{pf}font>")
            salinan = mf.group(0) + f"<{pf}b/>" + self.teks[mf.end():akhir]
        n = len(fonts)
        self.teks = _sisip_akhir(self.teks, "fonts", salinan, naikkan=n + 1)
        self._parse()
        return n

    def xf(self, fmt: str | None, tebal: bool) -> int:
        num = self.format_angka(fmt) if fmt else 0
        font = self.font_tebal() if tebal else 0
        ingin = {"numFmtId": str(num), "fontId": str(font), "fillId": "0", "borderId": "0",
                 "xfId": "0"}
        if num:
            ingin["applyNumberFormat"] = "1"
        if font:
            ingin["applyFont"] = "1"
        xfs = self._daftar("cellXfs")
        if xfs is None or len(xfs) == 0:
            raise ValueError("cellXfs")
        for i, el in enumerate(xfs):
            if dict(el.attrib) == ingin and len(el) == 0:
                return i
        _, p = _cari_tag(self.teks, "cellXfs")
        isi = f"<{p}xf " + " ".join(f'{k}="{v}"' for k, v in ingin.items()) + "/>"
        n = len(xfs)
        self.teks = _sisip_akhir(self.teks, "cellXfs", isi, naikkan=n + 1)
        self._parse()
        return n


# ---------------------------------------------------------------- the zip writer
def _waktu_zip(dibuat: str):
    try:
        t = _dt.datetime.strptime(dibuat, "%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        t = _dt.datetime.now()
    return (max(t.year, 1980), t.month, t.day, t.hour, t.minute, t.second)


class _PenulisZip:
    """Minimal ZIP writer: raw copy of stored members, deflate for new ones (no ZIP64)."""

    def __init__(self, fp, sumber_fp):
        self.fp = fp
        self.sumber = sumber_fp
        self.pusat = []

    def _catat(self, nama: str, flag: int, metode: int, waktu, crc: int, ukuran_k: int,
               ukuran: int, atribut_luar: int = 0, komentar: bytes = b""):
        b = nama.encode("utf-8")
        if not nama.isascii():
            flag |= 0x800
        else:
            flag &= ~0x800
        dt = waktu
        tanggal = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
        jam = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
        posisi = self.fp.tell()
        if max(posisi, ukuran_k, ukuran) >= 0xFFFFFFFF:
            raise KesalahanBerkas("buku kerja terlalu besar untuk penulis rekap (>4 GB)")
        self.fp.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, flag, metode, jam,
                                  tanggal, crc, ukuran_k, ukuran, len(b), 0) + b)
        self.pusat.append(struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, flag,
                                      metode, jam, tanggal, crc, ukuran_k, ukuran, len(b), 0,
                                      len(komentar), 0, 0, atribut_luar, posisi)
                          + b + komentar)

    def salin(self, info: zipfile.ZipInfo):
        """Copy a member's compressed bytes exactly as stored in the source."""
        if info.flag_bits & 0x1:
            raise KesalahanBerkas("buku kerja berisi bagian terenkripsi; tidak dapat disalin")
        self.sumber.seek(info.header_offset)
        kepala = self.sumber.read(30)
        if len(kepala) != 30 or kepala[:4] != b"PK\x03\x04":
            raise KesalahanBerkas(f"bagian {info.filename} rusak (kepala lokal ZIP)")
        n, m = struct.unpack("<2H", kepala[26:30])
        self.sumber.seek(info.header_offset + 30 + n + m)
        data = self.sumber.read(info.compress_size)
        if len(data) != info.compress_size:
            raise KesalahanBerkas(f"bagian {info.filename} terpotong")
        # keep only the flags that describe the data (compression option bits 1-2)
        self._catat(info.filename, info.flag_bits & 0x6, info.compress_type, info.date_time,
                    info.CRC, info.compress_size, info.file_size, info.external_attr,
                    info.comment)
        self.fp.write(data)

    def tulis(self, nama: str, data: bytes, waktu):
        k = zlib.compressobj(6, zlib.DEFLATED, -15)
        padat = k.compress(data) + k.flush()
        self._catat(nama, 0, zipfile.ZIP_DEFLATED, waktu, zlib.crc32(data), len(padat),
                    len(data), 0o600 << 16)
        self.fp.write(padat)

    def tutup(self, komentar: bytes = b""):
        awal = self.fp.tell()
        for p in self.pusat:
            self.fp.write(p)
        ukuran = self.fp.tell() - awal
        if len(self.pusat) >= 0xFFFF:
            raise KesalahanBerkas("buku kerja berisi terlalu banyak bagian untuk penulis rekap")
        self.fp.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(self.pusat),
                                  len(self.pusat), ukuran, awal, len(komentar)) + komentar)


def _bebas(terpakai: set, pola: str) -> str:
    """The lowest-numbered part name free together with its rels part."""
    n = 1
    while pola.format(n).lower() in terpakai or \
            rels_dari(pola.format(n)).lower() in terpakai:
        n += 1
    nama = pola.format(n)
    terpakai.add(nama.lower())
    return nama


def _rid_baru(rels) -> str:
    ada = {r[0] for r in rels}
    n = len(ada) + 1
    while f"rId{n}" in ada:
        n += 1
    return f"rId{n}"


def tulis_paket(sumber, tujuan, nama: str, penulis_isi, waktu: str) -> list[str]:
    """Write `tujuan` = `sumber` + worksheet `nama` (replaced if present).

    `penulis_isi(p: PenulisPaket)` fills the layout. Returns notes (Indonesian) about what
    changed beyond the rekap sheet (e.g. calcChain dropped)."""
    pk, sendiri = Paket.atau_buka(sumber)
    try:
        return _tulis(pk, Path(tujuan), nama, penulis_isi, _waktu_zip(waktu))
    finally:
        if sendiri:
            pk.close()


def _tulis(pk: Paket, tujuan: Path, nama: str, penulis_isi, waktu) -> list[str]:
    catatan: list[str] = []
    bk = bagian_buku(pk)
    teks_bk, akar_bk = pk.xml(bk)
    if akar_bk.tag != f"{{{NS_MAIN}}}workbook":
        raise KesalahanBerkas("format buku kerja tidak didukung (bukan SpreadsheetML "
                              "transisional, mis. Strict Open XML); simpan ulang sebagai "
                              "\"Excel Workbook (.xlsx)\"", berkas=pk.path)
    rels_bk = pk.rels(bk)
    per_id = {r[0]: r for r in rels_bk}
    lembar = []
    for el in akar_bk.iter(f"{{{NS_MAIN}}}sheet"):
        lembar.append((el.get("name"), el.get("sheetId"), el.get(f"{{{NS_R}}}id")))
    lama = next((x for x in lembar if x[0] is not None and x[0].lower() == nama.lower()), None)
    ubah: dict[str, bytes] = {}
    hapus: set[str] = set()
    buang_cc = False
    semua = {n.lower() for n in pk.info}

    if lama is not None:
        rel = per_id.get(lama[2])
        if rel is None or rel[2] is None:
            raise KesalahanBerkas(f"lembar '{nama}' tidak memiliki bagian lembar kerja",
                                  berkas=pk.path)
        if rel[1] != RT_WORKSHEET:
            raise KesalahanBerkas(f"lembar '{nama}' sudah ada tetapi bukan lembar kerja biasa "
                                  "(mis. lembar grafik); ganti namanya dulu", berkas=pk.path)
        bagian_lembar = pk.ada(rel[2]) or rel[2]
        hapus = _bagian_milik(pk, bagian_lembar, bk, lama[2])
        buang_cc = _calcchain_memuat(pk, rels_bk, lama[1])
        rid_lembar = None
    else:
        bagian_lembar = _bebas(semua, "xl/worksheets/sheet{}.xml")
        rid_lembar = _rid_baru(rels_bk)
    terpakai = semua - {h.lower() for h in hapus}
    terpakai.add(bagian_lembar.lower())

    # layout -> cells; styles
    p = PenulisPaket(nama)
    penulis_isi(p)
    bg = _bagian_gaya(pk, bk, rels_bk)
    teks_gaya, akar_gaya = pk.xml(bg)
    gaya_obj = _Gaya(teks_gaya, akar_gaya)
    try:
        gaya = {k: gaya_obj.xf(*k) for k in sorted(p.gaya_dipakai(), key=repr)}
    except (ValueError, AttributeError):
        raise KesalahanBerkas("bagian gaya (styles.xml) buku kerja tidak lengkap; tidak "
                              "dapat ditambah dengan aman", berkas=pk.path) from None
    if gaya_obj.ubah:
        ubah[bg] = gaya_obj.teks.encode("utf-8")

    baru: dict[str, bytes] = {}
    override: list[tuple[str, str]] = [(bagian_lembar, CT_WORKSHEET)]
    rid_gambar = None
    if p.daftar_grafik:
        gambar = _bebas(terpakai, "xl/drawings/drawing{}.xml")
        grafik = [_bebas(terpakai, "xl/charts/chart{}.xml") for _ in p.daftar_grafik]
        rid_gambar = "rId1"
        baru[rels_dari(bagian_lembar)] = _xml_rels(
            [("rId1", RT_DRAWING, _relatif(bagian_lembar, gambar))])
        baru[gambar] = p.xml_gambar()
        baru[rels_dari(gambar)] = _xml_rels(
            [(f"rId{i + 1}", RT_CHART, _relatif(gambar, g)) for i, g in enumerate(grafik)])
        override.append((gambar, CT_DRAWING))
        for i, g in enumerate(grafik):
            baru[g] = p.xml_grafik(i)
            override.append((g, CT_CHART))
    baru = {bagian_lembar: p.xml_lembar(gaya, rid_gambar), **baru}

    # [Content_Types].xml: drop overrides of removed parts, add ours at the end
    ct = pk.ada("[Content_Types].xml")
    if ct is None:
        raise KesalahanBerkas("paket tidak memiliki [Content_Types].xml", berkas=pk.path)
    teks_ct, akar_ct = pk.xml(ct)
    teks_ct_asli = teks_ct
    # (an override that already says the right thing for a re-created part stays in place)
    ada = {el.get("PartName", "").lower(): el.get("ContentType") for el in akar_ct
           if _lokal(el.tag) == "Override"}
    tetap = {"/" + b.lower() for b, t in override if ada.get("/" + b.lower()) == t}
    dibuang = ({"/" + h.lower() for h in hapus} | {"/" + b.lower() for b in baru}) - tetap
    teks_ct = _hapus_tag_kosong(teks_ct, "Override",
                                lambda a: a.get("PartName", "").lower() in dibuang)
    _, pct = _cari_tag(teks_ct, "Types")
    tambahan = ""
    default = {el.get("Extension", "").lower() for el in akar_ct
               if _lokal(el.tag) == "Default"}
    if "rels" not in default:
        tambahan += f'<{pct}Default Extension="rels" ContentType="{CT_RELS}"/>'
    tambahan += "".join(f'<{pct}Override PartName="/{_attr(b)}" ContentType="{t}"/>'
                        for b, t in override if "/" + b.lower() not in tetap)
    if tambahan:
        teks_ct = _sisip_akhir(teks_ct, "Types", tambahan)
    if teks_ct != teks_ct_asli:
        ubah[ct] = teks_ct.encode("utf-8")

    if rid_lembar is not None:
        ubah[bk] = _tambah_lembar(pk, teks_bk, akar_bk, nama, rid_lembar).encode("utf-8")
        rp = rels_dari(bk)
        teks_r, _ = pk.xml(rp)
        _, pr = _cari_tag(teks_r, "Relationships")
        teks_r = _sisip_akhir(teks_r, "Relationships", (
            f'<{pr}Relationship Id="{rid_lembar}" Type="{RT_WORKSHEET}" '
            f'Target="/{_attr(bagian_lembar)}"/>'))
        ubah[pk.ada(rp)] = teks_r.encode("utf-8")
        app = _app_dengan_lembar(pk, lembar, rels_bk, nama)
        if app is not None:
            ubah[app[0]] = app[1]
    if buang_cc:
        _buang_calcchain(pk, bk, rels_bk, ubah, hapus)
        catatan.append("rantai hitung (calcChain.xml) dibuang karena memuat rumus lembar "
                       "rekap lama; Excel membangunnya ulang saat berkas dibuka")

    _periksa_hasil(pk, ubah, baru, hapus)

    # write: source order, edited members in place, new members at the end
    with open(tujuan, "wb") as fo:  # raw copies from the descriptor the package was read from
        zw = _PenulisZip(fo, pk.fp)
        tertulis = set()
        for info in pk.zip.infolist():
            n = info.filename
            if n in baru:  # a replaced part keeps its place (stable re-runs)
                zw.tulis(n, baru[n], waktu)
                tertulis.add(n)
            elif n in hapus:
                continue
            elif n in ubah:
                zw.tulis(n, ubah[n], info.date_time)
            else:
                zw.salin(info)
        for n, data in baru.items():
            if n not in tertulis:
                zw.tulis(n, data, waktu)
        zw.tutup(pk.zip.comment)
    return catatan


def _periksa_hasil(pk: Paket, ubah: dict, baru: dict, hapus: set) -> None:
    """Safety net before anything is written: every edited or new XML part is well-formed,
    each part has exactly one content type and no member name appears twice."""
    from defusedxml import ElementTree as DET
    for n, data in {**ubah, **baru}.items():
        try:
            DET.fromstring(data)
        except Exception as e:
            raise KesalahanBerkas(f"penulis rekap menghasilkan XML yang tidak sah di {n} "
                                  f"({e}); berkas tidak diubah", berkas=pk.path) from None
    ct = pk.ada("[Content_Types].xml")
    akar = DET.fromstring(ubah.get(ct) or pk.baca(ct))
    nama = [el.get("PartName", "").lower() for el in akar if _lokal(el.tag) == "Override"]
    anggota = ({n.lower() for n in pk.info} - {h.lower() for h in hapus}) | \
        {b.lower() for b in baru}
    ganda = {n for n in nama if nama.count(n) > 1}
    kurang = {b for b in baru if not b.endswith(".rels") and "/" + b.lower() not in nama}
    dibuang = {h.lower() for h in hapus} - {b.lower() for b in baru}
    sisa = {n for n in nama if n.lstrip("/") in dibuang}  # override of a removed part
    if ganda or kurang or sisa or len(anggota) != len(
            [n for n in pk.info if n not in hapus and n not in baru]) + len(baru):
        raise KesalahanBerkas("penulis rekap tidak dapat menyusun daftar bagian paket dengan "
                              f"benar (ganda {sorted(ganda)}, tanpa jenis {sorted(kurang)}, "
                              f"tanpa isi {sorted(sisa)}); berkas tidak diubah",
                              berkas=pk.path)


def _relatif(dari: str, ke: str) -> str:
    return posixpath.relpath(ke, posixpath.dirname(dari))


def _xml_rels(daftar) -> bytes:
    isi = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{_attr(g)}"/>' for i, t, g in daftar)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{NS_PR}">{isi}</Relationships>').encode("utf-8")


def _bagian_gaya(pk, bk, rels_bk) -> str:
    for _, jenis, tujuan, _ in rels_bk:
        if jenis == RT_STYLES and tujuan and pk.ada(tujuan):
            return pk.ada(tujuan)
    raise KesalahanBerkas("buku kerja tidak memiliki bagian gaya (styles.xml); buka dan "
                          "simpan ulang di Excel/LibreOffice lalu ulangi", berkas=pk.path)


def _tambah_lembar(pk, teks: str, akar, nama: str, rid: str) -> str:
    ids = [int(el.get("sheetId")) for el in akar.iter(f"{{{NS_MAIN}}}sheet")
           if (el.get("sheetId") or "").isdigit()]
    sid = max(ids, default=0) + 1
    m_lembar, p = _cari_tag(teks, "sheets")
    m_akar, _ = _cari_tag(teks, "workbook")
    # only a prefix declared on <workbook> or <sheets> reaches a new <sheet> (openpyxl
    # declares xmlns:r on each <sheet>, out of scope for a new sibling)
    pr = _awalan_ns((m_akar.group(0) if m_akar else "") + m_lembar.group(0), NS_R)
    if pr:
        rid_attr = f'{pr}:id="{rid}"'
    else:
        rid_attr = f'xmlns:xlkr="{NS_R}" xlkr:id="{rid}"'
    return _sisip_akhir(teks, "sheets",
                        f'<{p}sheet name="{_attr(nama)}" sheetId="{sid}" {rid_attr}/>')


def _app_dengan_lembar(pk: Paket, lembar, rels_bk, nama: str):
    """docProps/app.xml with the new sheet's title (Excel lists sheet titles there).

    Only when its lists are consistent: the worksheets group of HeadingPairs is the one
    whose titles are exactly the workbook's worksheets in order; otherwise (or when the file
    has no titles, as openpyxl/LibreOffice write it) app.xml is left as it is."""
    app = next((pk.ada(t) for _, j, t, _ in pk.rels("") if j == RT_APP and t and pk.ada(t)),
               None)
    if app is None:
        return None
    teks, akar = pk.xml(app)
    ns_vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    kep = akar.find(f"{{*}}HeadingPairs/{{{ns_vt}}}vector")
    jud = akar.find(f"{{*}}TitlesOfParts/{{{ns_vt}}}vector")
    if kep is None or jud is None:
        return None
    jumlah = [int(v[0].text) for v in kep if len(v) and _lokal(v[0].tag) == "i4"
              and (v[0].text or "").strip().isdigit()]
    judul = [el.text or "" for el in jud]
    if sum(jumlah) != len(judul) or 2 * len(jumlah) != len(kep):
        return None
    per_id = {r[0]: r for r in rels_bk}
    kerja = [n for n, _, rid in lembar if rid in per_id and per_id[rid][1] == RT_WORKSHEET]
    awal, kelompok = 0, None
    for g, n in enumerate(jumlah):
        if n == len(kerja) and judul[awal:awal + n] == kerja:
            kelompok = g
            break
        awal += n
    if kelompok is None:
        return None
    mk = re.search(r"<(?:\w+:)?HeadingPairs\b.*?</(?:\w+:)?HeadingPairs>", teks, re.S)
    mj = re.search(r"<(?:\w+:)?TitlesOfParts\b.*?</(?:\w+:)?TitlesOfParts>", teks, re.S)
    if mk is None or mj is None:
        return None
    i4 = list(re.finditer(r"(<(?:\w+:)?i4>)\s*(\d+)\s*(</(?:\w+:)?i4>)", mk.group(0)))
    lp = list(re.finditer(r"<(\w+:)?lpstr\s*/>|<(\w+:)?lpstr>.*?</(?:\w+:)?lpstr>",
                          mj.group(0), re.S))
    if len(i4) != len(jumlah) or len(lp) != len(judul):
        return None
    m4 = i4[kelompok]
    seg_k = (mk.group(0)[:m4.start()] + f"{m4.group(1)}{jumlah[kelompok] + 1}{m4.group(3)}"
             + mk.group(0)[m4.end():])
    p = next((g for g in lp[0].groups() if g), "") if lp else "vt:"
    posisi = lp[awal + jumlah[kelompok] - 1].end() if awal + jumlah[kelompok] else \
        _cari_tag(mj.group(0), "vector")[0].end()
    seg_j = mj.group(0)[:posisi] + f"<{p}lpstr>{_teks(nama)}</{p}lpstr>" + mj.group(0)[posisi:]
    seg_j = re.sub(r'(<(?:\w+:)?vector\b[^>]*\ssize\s*=\s*)(["\'])\d+\2',
                   lambda x: f"{x.group(1)}{x.group(2)}{len(judul) + 1}{x.group(2)}", seg_j,
                   count=1)
    if mk.end() > mj.start():
        return None
    baru = teks[:mk.start()] + seg_k + teks[mk.end():mj.start()] + seg_j + teks[mj.end():]
    return app, baru.encode("utf-8")


def _bagian_milik(pk: Paket, lembar: str, bk: str, rid: str) -> set[str]:
    """Parts reachable only from the old sheet (its rels closure minus shared parts)."""
    tutup, antre = {lembar}, [lembar]
    while antre:
        b = antre.pop()
        for _, _, tujuan, _ in pk.rels(b):
            t = pk.ada(tujuan) if tujuan else None
            if t and t not in tutup:
                tutup.add(t)
                antre.append(t)
    dipakai_lain = set()
    for n in pk.info:
        pemilik = pemilik_rels(n)
        if pemilik is None or pemilik in tutup:
            continue
        for i, _, tujuan, _ in pk.rels(pemilik):
            if tujuan and not (pemilik == bk and i == rid):
                dipakai_lain.add(pk.ada(tujuan) or tujuan)
    milik = tutup - dipakai_lain
    rels = {pk.ada(rels_dari(b)) for b in milik} - {None}
    return milik | rels


def _calcchain_memuat(pk, rels_bk, sheet_id) -> bool:
    """Does calcChain.xml list formulas of sheet `sheet_id` (attribute i, inherited)?"""
    cc = next((pk.ada(t) for _, j, t, _ in rels_bk if j == RT_CALCCHAIN and t and pk.ada(t)),
              None)
    if cc is None:
        return False
    _, akar = pk.xml(cc)
    i = None
    for el in akar:
        i = el.get("i", i)
        if i == sheet_id:
            return True
    return False


def _buang_calcchain(pk, bk, rels_bk, ubah, hapus):
    for rid, j, t, _ in rels_bk:
        if j == RT_CALCCHAIN and t and pk.ada(t):
            hapus.add(pk.ada(t))
            rp = pk.ada(rels_dari(bk))
            teks = ubah[rp].decode("utf-8") if rp in ubah else pk.xml(rp)[0]
            ubah[rp] = _hapus_tag_kosong(teks, "Relationship",
                                         lambda a, rid=rid: a.get("Id") == rid).encode("utf-8")
            ct = pk.ada("[Content_Types].xml")
            teks_ct = ubah[ct].decode("utf-8") if ct in ubah else pk.xml(ct)[0]
            ubah[ct] = _hapus_tag_kosong(
                teks_ct, "Override",
                lambda a, t=t: a.get("PartName", "").lower() == "/" + t.lower()).encode("utf-8")


def jenis_buku(path) -> str:
    """'xlsm' when the package's workbook is macro-enabled, else 'xlsx'."""
    pk, sendiri = Paket.atau_buka(path)
    try:
        bk = bagian_buku(pk)
        _, akar = pk.xml(pk.ada("[Content_Types].xml") or "[Content_Types].xml")
        for el in akar:
            if _lokal(el.tag) == "Override" and \
                    el.get("PartName", "").lstrip("/").lower() == bk.lower():
                return "xlsm" if "macroenabled" in el.get("ContentType", "").lower() else "xlsx"
        return "xlsx"
    finally:
        if sendiri:
            pk.close()
