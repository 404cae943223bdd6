"""styles.xml: find or append the cell formats a new sheet needs (append-only, so existing
style indices stay valid; what was appended once is found and reused on the next run)."""
from __future__ import annotations

from defusedxml import ElementTree as DET

from ..errors import KesalahanBerkas
from .skema import RT_STYLES
from .skema import lokal as nama_lokal
from .teks import attr_xml, cari_tag, sisip_akhir

# built-in number formats (ECMA-376 18.8.30); used unless the file redefines those ids
_BAWAAN = {"0.00%": 10, "#,##0": 3}


def _kanon(el) -> tuple:
    return tuple(sorted((nama_lokal(c.tag), tuple(sorted(c.attrib.items()))) for c in el))


class Gaya:
    """Find or append the formats the rekap needs in styles.xml (append-only)."""

    def __init__(self, teks: str, akar):
        self.teks = teks
        self.akar = akar
        self.ubah = False

    def _daftar(self, lokal):
        for el in self.akar:
            if nama_lokal(el.tag) == lokal:
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
        isi = f'<numFmt numFmtId="{baru}" formatCode="{attr_xml(kode)}"/>'
        if nf is None:  # numFmts is the first child of styleSheet
            m, p = cari_tag(self.teks, "styleSheet")
            isi = isi.replace("<numFmt ", f"<{p}numFmt ")
            self.teks = (self.teks[:m.end()] + f'<{p}numFmts count="1">{isi}</{p}numFmts>'
                         + self.teks[m.end():])
        else:
            _, p = cari_tag(self.teks, "numFmts")
            self.teks = sisip_akhir(self.teks, "numFmts", isi.replace("<numFmt ", f"<{p}numFmt "),
                                     naikkan=len(nf) + 1)
        self._parse()
        return baru

    def _parse(self):
        self.akar = DET.fromstring(self.teks.encode("utf-8"))
        self.ubah = True

    def font_tebal(self) -> int:
        fonts = self._daftar("fonts")
        if fonts is None or len(fonts) == 0:
            raise ValueError("fonts")
        dasar = fonts[0]
        if any(nama_lokal(c.tag) == "b" and c.get("val", "1") not in ("0", "false") for c in dasar):
            return 0
        ingin = tuple(sorted(_kanon(dasar) + (("b", ()),)))
        for i, f in enumerate(fonts):
            if _kanon(f) == ingin:
                return i
        # copy the default font's text and add <b/> as its first child
        m, p = cari_tag(self.teks, "fonts")
        mf, pf = cari_tag(self.teks, "font", m.end())
        if mf.group(0).endswith("/>"):
            salinan = mf.group(0)[:-2].rstrip() + f"><{pf}b/></{pf}font>"
        else:
            akhir = self.teks.index(f"</{pf}font>", mf.end()) + len(f"</{pf}font>")
            salinan = mf.group(0) + f"<{pf}b/>" + self.teks[mf.end():akhir]
        n = len(fonts)
        self.teks = sisip_akhir(self.teks, "fonts", salinan, naikkan=n + 1)
        self._parse()
        return n

    def xf(self, fmt: str | None, tebal: bool, kutip: bool = False, lipat: bool = False) -> int:
        """The cellXfs index of (number format, bold, quote prefix, wrapped and aligned to
        the top), appended if new."""
        num = self.format_angka(fmt) if fmt else 0
        font = self.font_tebal() if tebal else 0
        ingin = {"numFmtId": str(num), "fontId": str(font), "fillId": "0", "borderId": "0",
                 "xfId": "0"}
        if num:
            ingin["applyNumberFormat"] = "1"
        if font:
            ingin["applyFont"] = "1"
        if kutip:
            ingin["quotePrefix"] = "1"
        rata = {"vertical": "top", "wrapText": "1"} if lipat else None
        if rata:
            ingin["applyAlignment"] = "1"
        anak = (("alignment", tuple(sorted(rata.items()))),) if rata else ()
        xfs = self._daftar("cellXfs")
        if xfs is None or len(xfs) == 0:
            raise ValueError("cellXfs")
        for i, el in enumerate(xfs):
            if dict(el.attrib) == ingin and _kanon(el) == anak:
                return i
        _, p = cari_tag(self.teks, "cellXfs")
        isi = f"<{p}xf " + " ".join(f'{k}="{v}"' for k, v in ingin.items())
        if rata:
            isi += (f"><{p}alignment " + " ".join(f'{k}="{v}"' for k, v in rata.items())
                    + f"/></{p}xf>")
        else:
            isi += "/>"
        n = len(xfs)
        self.teks = sisip_akhir(self.teks, "cellXfs", isi, naikkan=n + 1)
        self._parse()
        return n


def bagian_gaya(pk, bk, rels_bk) -> str:
    for _, jenis, tujuan, _ in rels_bk:
        if jenis == RT_STYLES and tujuan and pk.ada(tujuan):
            return pk.ada(tujuan)
    raise KesalahanBerkas("buku kerja tidak memiliki bagian gaya (styles.xml); buka dan "
                          "simpan ulang di Excel/LibreOffice lalu ulangi", berkas=pk.path)
