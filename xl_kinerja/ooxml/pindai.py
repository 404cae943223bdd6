"""The fast path of the sheet stream: the cells of a worksheet part scanned as bytes.

`baca_lembar` (sel.py) builds an element for every tag of the sheet, which is most of the
time of a rekap or a consolidation (a 150-indicator Pengukuran sheet is ~800 KB of XML).
`pindai_lembar` gives exactly the same {row: {column: Sel}} from the same bytes with a few
regular expressions over the <sheetData> of the part, decoding each cell with the same
function (`sel.sel_dari`).

It only answers for the XML it understands fully, and says None for anything else, so the
caller streams the part with `baca_lembar` instead (same values, same messages):
- the part must be well-formed XML (checked with expat, without any handler: a damaged
  part gets the reference path's own message), in UTF-8, with no `<!` at all (no DTD,
  comment or CDATA section);
- <sheetData> holds only unprefixed <row> elements (and whitespace), each holding only
  <c> elements; there is no row element anywhere else in the part;
- a cell's content is <f>/<v> with plain text, or a one-run inline string; any other
  content (rich text, extLst, ...) is parsed as that one element and decoded by `sel._sel`.
Excel, LibreOffice and openpyxl all write sheets this way.
"""
from __future__ import annotations

import re
from itertools import chain
from xml.parsers import expat

from defusedxml import ElementTree as DET

from .sel import _REF, Konteks, Sel, _kolom, _sel, sel_dari

_ATTR = rb"(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*"
# one token of <sheetData>: a row start tag, a cell, or a row end tag. Groups (findall gives
# b"" for a group that did not take part):
#   1 <row, 2 its r (first and plain), 3 its other attributes, 4 "/" of <row/>,
#   5 all the cell's attributes, 6 column letters of r, 7 s, 8 t (first, in this order,
#   plain), 9 its other attributes, 10 "/" of <c/>, 11 its content, 12 </row>
# Every "<" of <sheetData> must belong to a token (counted: see `pindai`), so nothing but
# text, which the element stream ignores too, can lie between them.
_TOKEN = re.compile(
    rb"(<row\b)(?: r=\"([0-9]+)\")?(" + _ATTR + rb")\s*(/?)>"
    rb"|<c\b((?: r=\"([A-Z]{1,3})[0-9]+\")?(?: s=\"([0-9]+)\")?(?: t=\"([a-zA-Z]+)\")?"
    rb"(" + _ATTR + rb"))\s*(?:(/)>|>([^<]*(?:<(?!/c>)[^<]*)*)</c>)"
    rb"|(</row>)")
# a cell's usual content: <f>, then <v>, each with plain text (or none)
_ISI = re.compile(rb"\s*(?:(<f\b" + _ATTR + rb"\s*(?:/>|>([^<]*)</f>)))?\s*"
                  rb"(?:(<v\b" + _ATTR + rb"\s*(?:/>|>([^<]*)</v>)))?\s*")
# a one-run inline string
_INLINE = re.compile(rb"\s*<is>\s*<t\b" + _ATTR + rb"\s*(?:/>|>([^<]*)</t>)\s*</is>\s*")
_ATTR_SATU = re.compile(rb"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_WS = re.compile(rb"\s*")
_BARIS_LAIN = re.compile(rb"<(?:[^\s/>!?]+:)?row[\s/>]")
_ENTITAS = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));")
_PREDEF = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_DEKLARASI = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml\b[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_AKAR = re.compile(rb"<(?![?!])[^\s/>]+(" + _ATTR + rb")\s*/?>")
_AKAR_NS = re.compile(rb"\sxmlns(?::[^\s=/>]+)?\s*=\s*(?:\"[^\"]*\"|'[^']*')")


def _entitas(m) -> str:
    if m.group(3):
        return _PREDEF[m.group(3)]
    return chr(int(m.group(1), 16) if m.group(1) else int(m.group(2)))


def _teks(b: bytes) -> str:
    """Element text as an XML parser gives it (line ends normalised, references decoded)."""
    t = b.decode("utf-8")
    if "\r" in t:
        t = t.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in t:
        if "&#" in t:
            t = _ENTITAS.sub(_entitas, t)
        else:  # only the five predefined ones (the part is well-formed, without a DTD)
            t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') \
                .replace("&apos;", "'").replace("&amp;", "&")
    return t


def _nilai_attr(b: bytes) -> str:
    """An attribute value as an XML parser gives it (whitespace normalised to spaces)."""
    t = b.decode("utf-8")
    if "\r" in t:
        t = t.replace("\r\n", " ")
    for ch in "\t\n\r":
        if ch in t:
            t = t.replace(ch, " ")
    if "&" in t:
        t = _ENTITAS.sub(_entitas, t)
    return t


def _attr(teks: bytes) -> dict[bytes, str]:
    return {m.group(1): _nilai_attr(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR_SATU.finditer(teks)}


def _utuh(data: bytes) -> bool:
    """Well-formed XML in UTF-8 with no `<!` (DTD, comment, CDATA)?"""
    if b"<!" in data:
        return False
    m = _DEKLARASI.match(data)
    if m is not None and m.group(1).lower() not in (b"utf-8", b"utf8"):
        return False
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    try:
        # namespaces on, as ElementTree's parser: an unbound prefix is an error there too
        expat.ParserCreate(None, "}").Parse(data, True)
    except expat.ExpatError:
        return False
    return True


def _deklarasi(data: bytes, awal: int, buka: int) -> tuple[bytes, bytes]:
    """The namespace declarations of the root element and of <sheetData> (a cell parsed
    on its own needs the prefixes bound around it)."""
    m = _AKAR.search(data)
    akar = b"".join(_AKAR_NS.findall(m.group(1))) if m else b""
    return akar, b"".join(_AKAR_NS.findall(data, awal, buka))


def _bentuk(teks: tuple[str, ...]) -> bytes:
    """A regex of how XML text holding one of `teks` must be written: one of them as bytes
    with "&" and "<" escaped (as they must be), or an entity reference that may spell a
    character of it otherwise."""
    bentuk = {b"&#"}  # any character, as a numeric reference
    for t in teks:
        bentuk.add(t.replace("&", "&amp;").replace("<", "&lt;").encode("utf-8"))
        for ch, ref in (("'", b"&apos;"), ('"', b"&quot;"), (">", b"&gt;")):
            if ch in t:
                bentuk.add(ref)
    return b"|".join(re.escape(b) for b in sorted(bentuk))


def pola_rumus(teks: tuple[str, ...]) -> re.Pattern[bytes]:
    """A formula element (<f>) of sheet XML whose text may hold one of `teks` (`_bentuk`).
    No match in XML without `<!` (CDATA) is certain: none of its formulas holds any."""
    return re.compile(rb"<(?:[^\s/>:]+:)?f\b[^>]*>[^<]*?(?:" + _bentuk(teks) + b")")


class Mentah:
    """The scanned cells of a sheet, decoded on demand: `baris` {row: {column: raw}} where
    raw is a tuple kept from the scan (`urai` turns it into the Sel) or a Sel already."""

    __slots__ = ("baris", "ns")

    def __init__(self, baris: dict, ns: tuple[bytes, bytes]):
        self.baris, self.ns = baris, ns

    def urai(self, x, ks: Konteks) -> Sel | None:
        """The Sel of one raw cell (None: blank)."""
        if type(x) is not tuple:
            return x
        t, s, isi, attr, attr_baris = x
        if type(t) is bytes:
            t = t.decode("ascii") or None
            s = s.decode("ascii") or None
        j = _INLINE.fullmatch(isi) if t == "inlineStr" else None
        if j is not None:
            return sel_dari(t, s, None, None, False, _teks(j.group(1)) if j.group(1) else "",
                            ks)
        i = _ISI.fullmatch(isi)
        if i is not None:
            f, tf, v, tv = i.groups()
            return sel_dari(t, s, None if f is None else ("" if not tf else _teks(tf)),
                            _teks(tv) if tv else None, v is not None, None, ks)
        j = _INLINE.fullmatch(isi)
        if j is not None:
            return sel_dari(t, s, None, None, False, _teks(j.group(1)) if j.group(1) else "",
                            ks)
        # anything else: that one element through the element path, its prefixes bound
        # as in the part (every element around it may declare some)
        akar, data = self.ns
        el = DET.fromstring(b"<w" + akar + b"><w" + data + b"><w" +
                            b"".join(_AKAR_NS.findall(attr_baris)) + b"><c" + attr + b">" + isi +
                            b"</c></w></w></w>")[0][0][0]
        return _sel(el, ks)

    def kolom(self, kolom: int, ks: Konteks) -> dict[int, Sel]:
        """{row: Sel} of the non-empty cells of one column, each decoded once."""
        hasil = {}
        for r, baris in self.baris.items():
            x = baris.get(kolom)
            if type(x) is tuple:
                x = baris[kolom] = self.urai(x, ks)
            if x is not None:
                hasil[r] = x
        return hasil

    def baris_sel(self, baris: int, ks: Konteks) -> dict[int, Sel]:
        """{column: Sel} of the non-empty cells of one row, each decoded once."""
        b = self.baris.get(baris, {})
        hasil = {}
        for c, x in b.items():
            if type(x) is tuple:
                x = b[c] = self.urai(x, ks)
            if x is not None:
                hasil[c] = x
        return hasil

    def rumus_memuat(self, teks: tuple[str, ...], ks: Konteks) -> dict[int, dict[int, str]]:
        """{row: {column: formula}} of the formula cells whose formula contains one of
        `teks`; a raw cell is decoded only when its bytes can hold one (`_bentuk`)."""
        # one regex of short literals per raw cell: far cheaper than `pola_rumus` on
        # every cell (its formula element is then looked at after decoding)
        cari = re.compile(_bentuk(teks)).search
        hasil: dict[int, dict[int, str]] = {}
        for r, baris in self.baris.items():
            for c, x in baris.items():
                if type(x) is tuple:
                    if b"f" not in x[2] or cari(x[2]) is None:  # no <f>, or not one of teks
                        continue
                    x = baris[c] = self.urai(x, ks)
                if x is not None and x.rumus is not None and any(t in x.rumus for t in teks):
                    hasil.setdefault(r, {})[c] = x.rumus
        return hasil

    def semua(self, ks: Konteks) -> dict[int, dict[int, Sel]]:
        """Every cell decoded, blanks left out (what `sel.baca_lembar` gives)."""
        hasil = {}
        for r, baris in self.baris.items():
            isi = {}
            for c, x in baris.items():
                s = self.urai(x, ks)
                if s is not None:
                    isi[c] = s
            if isi:
                hasil[r] = isi
        return hasil


# <sheetData> is tokenised in pieces of this many bytes: one findall over a 6 MB sheet builds
# a list of 60.000 tuples that no longer fits in the CPU cache (measured 25% slower per byte
# at 1.500 indicators than at 150, and growing); pieces keep every size at the small one's speed
_POTONG = 1 << 16


def _potongan(data: bytes, awal: int, akhir: int):
    """(start, end) pieces of <sheetData>'s content, each ending just after a </row> (in
    well-formed XML "<" is always markup, so a row end is never inside a text or an
    attribute; one nested in a cell's content splits that cell, which then fails the
    token count and the part goes to the element stream)."""
    find = data.find
    while awal < akhir:
        c = find(b"</row>", min(awal + _POTONG, akhir), akhir)
        c = akhir if c < 0 else c + 6
        yield awal, c
        awal = c


def pindai(data: bytes, kotak: tuple[int, int, int, int] | None = None) -> Mentah | None:
    """The cells inside `kotak` (c1, r1, c2, r2; None = the whole sheet) of the worksheet
    part `data`, raw (decode them with `Mentah.urai`); None when the part is not in the
    form described in the module doc."""
    if not _utuh(data):
        return None
    awal = data.find(b"<sheetData")
    if awal < 0:
        return None
    m = _AKAR.match(data, awal)
    if m is None:
        return None
    buka = m.end()
    if data[buka - 2:buka] == b"/>":  # <sheetData/>
        akhir = tutup = buka
    else:
        akhir = data.find(b"</sheetData>", buka)
        if akhir < 0:
            return None
        tutup = akhir + len(b"</sheetData>")
    if _BARIS_LAIN.search(data, 0, awal) or _BARIS_LAIN.search(data, tutup):
        return None
    c1, r1, c2, r2 = kotak or (1, 1, 1 << 20, 1 << 30)
    hasil: dict[int, dict[int, tuple]] = {}
    kolom_b: dict[bytes, int] = {}
    n = 0  # the "<" the tokens account for
    r = c = 0
    dalam = aktif = False
    baris: dict | None = None
    attr_baris = b""
    for (tag_baris, rr, lain_baris, kosong, attr, huruf, gaya, jenis, lain, tutup_sel, isi,
         tutup_baris) in chain.from_iterable(_TOKEN.findall(data, a, b)
                                             for a, b in _potongan(data, buka, akhir)):
        if not tag_baris and not tutup_baris:  # a cell
            if not dalam:
                return None
            if tutup_sel:
                n += 1
            else:
                n += 2
                if isi:
                    n += isi.count(b"<")
            if lain:  # attributes not in the usual order, or more of them
                a = _attr(attr)
                ref = a.get(b"r")
                if ref:
                    mr = _REF.match(ref)
                    c = _kolom(mr.group(1)) if mr else c + 1
                else:
                    c += 1
                gaya, jenis = a.get(b"s"), a.get(b"t")
            elif huruf:
                c = kolom_b.get(huruf)
                if c is None:
                    c = kolom_b[huruf] = _kolom(huruf.decode("ascii"))
            else:
                c += 1
            if aktif and isi and c1 <= c <= c2:
                if baris is None:
                    baris = hasil[r] = {}
                baris[c] = (jenis, gaya, isi, attr, attr_baris)
        elif tag_baris:
            n += 1
            if dalam:
                return None
            if rr:
                r = int(rr)
            else:
                nr = _attr(lain_baris).get(b"r")
                r = int(nr) if nr and nr.isdigit() else r + 1
            dalam, aktif, c, baris = not kosong, r1 <= r <= r2, 0, None
            attr_baris = lain_baris
        else:
            n += 1
            if not dalam:
                return None
            dalam = False
    if dalam or n != data.count(b"<", buka, akhir):
        return None
    return Mentah(hasil, _deklarasi(data, awal, buka))


def pindai_lembar(data: bytes, kotak: tuple[int, int, int, int] | None,
                  ks: Konteks) -> dict[int, dict[int, Sel]] | None:
    """{row: {column: Sel}} of the non-empty cells inside `kotak` of the worksheet part
    `data`, exactly as `sel.baca_lembar` gives them; None when the part is not in the
    form described in the module doc."""
    m = pindai(data, kotak)
    return None if m is None else m.semua(ks)
