"""A new worksheet built from cells: SpreadsheetML, its drawing and native bar charts.

`LembarBaru` collects cells (value, number format, bold), column widths, print setup and
bar charts, then renders the sheet part, the drawing part and each chart part.
"""
from __future__ import annotations

import math

from .rujukan import huruf_kolom, rujukan_baris, urai_sel
from .skema import NS_A, NS_C, NS_MAIN, NS_R, NS_XDR
from .teks import angka_xml, attr_xml, teks_xml

# first characters that make Excel read typed text as a formula
AWALAN_RUMUS = ("=", "+", "-", "@")

# chart size as the openpyxl writer had it (16 cm x 7.5 cm), in EMU
_CM = 360000
_LEBAR_GRAFIK, _TINGGI_GRAFIK = 16 * _CM, int(7.5 * _CM)


class LembarBaru:
    """`_tata_letak` target: collects cells, widths and charts, then renders SpreadsheetML."""

    def __init__(self, nama_lembar: str):
        self.nama = nama_lembar
        self.sel: dict[tuple[int, int], tuple] = {}
        self.lebar_kolom: dict[int, float] = {}
        self.tinggi_baris: dict[int, float] = {}
        self.gabungan: list[tuple[int, int, int]] = []
        self.putusan: list[int] = []
        self.daftar_grafik: list[tuple] = []
        self.lanskap = False
        self.kertas, self.kaki, self.skala = 9, "", 100

    def cetak(self, kertas: int = 9, kaki: str = "", persen: int = 100,
              margin: tuple[float, float, float, float] = (0.4, 0.6, 0.7, 0.3)):
        """Landscape at `persen` scale on paper `kertas` (Excel paperSize code), centred,
        footer `kaki` left and "Halaman n" (counted from 1 on this sheet) in the centre;
        `margin` (side, top, bottom, header/footer) in inches."""
        self.lanskap = True
        self.kertas, self.kaki, self.skala = int(kertas), kaki, int(persen)
        self.margin = margin

    def tulis(self, r, c, v, fmt=None, tebal=False, lipat=False):
        if isinstance(v, float) and not math.isfinite(v):
            v = None  # SpreadsheetML has no NaN/inf; Excel would "repair" the file
        # a text Excel would turn into a formula on F2+Enter keeps the quote prefix
        kutip = isinstance(v, str) and v[:1] in AWALAN_RUMUS
        self.sel[(r, c)] = (v, fmt, tebal, kutip, bool(lipat))

    def lebar(self, c, x):
        self.lebar_kolom[c] = x

    def tinggi(self, r, h):
        self.tinggi_baris[r] = h

    def gabung(self, r, c1, c2):
        self.gabungan.append((r, c1, c2))

    def putus(self, r):
        """A manual page break after row r."""
        self.putusan.append(r)

    def grafik(self, jenis, judul, kategori, seri, posisi, lewati=()):
        """`lewati`: rows inside the ranges to leave out (a header repeated on a new page)."""
        self.daftar_grafik.append((judul, kategori, seri if isinstance(seri, list) else [seri],
                                   posisi, frozenset(lewati)))

    @staticmethod
    def _kunci(f, t, k, lipat) -> tuple:
        """Style key (format, bold); (format, bold, True) for quote-prefixed text;
        (format, bold, quote, True) for a wrapped, top-aligned cell (`Gaya.xf`'s arguments)."""
        if lipat:
            return (f, t, k, True)
        return (f, t, True) if k else (f, t)

    def gaya_dipakai(self) -> set:
        return {self._kunci(f, t, k, lp) for v, f, t, k, lp in self.sel.values()
                if f or t or k or lp}

    def nilai(self, r, c):
        isi = self.sel.get((r, c))
        return None if isi is None else isi[0]

    # -- rendering
    def xml_lembar(self, gaya: dict, rid_gambar: str | None) -> bytes:
        baris: dict[int, list] = {}
        for (r, c) in sorted(self.sel):
            baris.setdefault(r, []).append(c)
        keping: dict[int, str] = {}
        for r, kolom in baris.items():
            sel = []
            for c in kolom:
                v, fmt, tebal, kutip, lipat = self.sel[(r, c)]
                kunci = self._kunci(fmt, tebal, kutip, lipat)
                s = gaya.get(kunci, 0) if (fmt or tebal or kutip or lipat) else 0
                ref = f"{huruf_kolom(c)}{r}"
                sa = f' s="{s}"' if s else ""
                if v is None or v == "":  # as openpyxl: an empty text is an empty cell
                    if s:
                        sel.append(f'<c r="{ref}"{sa}/>')
                elif isinstance(v, str):
                    t = teks_xml(v)
                    ruang = ' xml:space="preserve"' if t != t.strip() else ""
                    sel.append(f'<c r="{ref}"{sa} t="inlineStr"><is><t{ruang}>{t}</t></is></c>')
                elif isinstance(v, bool):
                    sel.append(f'<c r="{ref}"{sa} t="b"><v>{angka_xml(v)}</v></c>')
                else:
                    sel.append(f'<c r="{ref}"{sa}><v>{angka_xml(v)}</v></c>')
            keping[r] = f'<row r="{r}"{self._ht(r)}>{"".join(sel)}</row>'
        for r in set(self.tinggi_baris) - set(baris):  # empty rows with a height
            keping[r] = f'<row r="{r}"{self._ht(r)}/>'
        maks_r = max((r for r, _ in self.sel), default=1)
        maks_c = max((c for _, c in self.sel), default=1)
        kolom = "".join(f'<col min="{c}" max="{c}" width="{x}" customWidth="1"/>'
                        for c, x in sorted(self.lebar_kolom.items()))
        gabung = "".join(f'<mergeCell ref="{huruf_kolom(c1)}{r}:{huruf_kolom(c2)}{r}"/>'
                         for r, c1, c2 in self.gabungan)
        putus = "".join(f'<brk id="{r}" max="16383" man="1"/>' for r in sorted(self.putusan))
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
            + f'<dimension ref="A1:{huruf_kolom(maks_c)}{maks_r}"/>'
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{kolom}</cols>" if kolom else "")
            + f'<sheetData>{"".join(keping[r] for r in sorted(keping))}</sheetData>'
            + (f'<mergeCells count="{len(self.gabungan)}">{gabung}</mergeCells>' if gabung
               else "")
            + ('<printOptions horizontalCentered="1"/>'
               + '<pageMargins left="{0}" right="{0}" top="{1}" bottom="{2}" header="{3}" '
               'footer="{3}"/>'.format(*(f"{x:g}" for x in self.margin))
               + f'<pageSetup paperSize="{self.kertas}" scale="{self.skala}" '
               'orientation="landscape" firstPageNumber="1" useFirstPageNumber="1"/>'
               '<headerFooter><oddFooter>'
               + teks_xml(f"&L&8{self.kaki.replace('&', '&&')}&C&8Halaman &P")
               + '</oddFooter></headerFooter>' if self.lanskap else
               '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
               'footer="0.3"/>')
            + (f'<rowBreaks count="{len(self.putusan)}" manualBreakCount='
               f'"{len(self.putusan)}">{putus}</rowBreaks>' if putus else "")
            + (f'<drawing r:id="{rid_gambar}"/>' if rid_gambar else "")
            + "</worksheet>").encode("utf-8")

    def _ht(self, r) -> str:
        h = self.tinggi_baris.get(r)
        return f' ht="{angka_xml(h)}" customHeight="1"' if h is not None else ""

    def xml_gambar(self) -> bytes:
        jangkar = []
        for i, (judul, _, _, posisi, _) in enumerate(self.daftar_grafik):
            r, c = urai_sel(posisi)
            jangkar.append(
                f"<xdr:oneCellAnchor><xdr:from><xdr:col>{c - 1}</xdr:col><xdr:colOff>0"
                f"</xdr:colOff><xdr:row>{r - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
                f'<xdr:ext cx="{_LEBAR_GRAFIK}" cy="{_TINGGI_GRAFIK}"/>'
                f'<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>'
                f'<xdr:cNvPr id="{i + 2}" name="{attr_xml(judul)}"/><xdr:cNvGraphicFramePr/>'
                f'</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
                f'</xdr:xfrm><a:graphic><a:graphicData uri="{NS_C}"><c:chart xmlns:c="{NS_C}" '
                f'xmlns:r="{NS_R}" r:id="rId{i + 1}"/></a:graphicData></a:graphic>'
                f"</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>")
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<xdr:wsDr xmlns:xdr="{NS_XDR}" xmlns:a="{NS_A}">{"".join(jangkar)}'
                "</xdr:wsDr>").encode()

    def _ref(self, r1, c, r2, lewati=frozenset()) -> str:
        return rujukan_baris(self.nama, r1, c, r2, lewati)

    def xml_grafik(self, i: int) -> bytes:
        judul, kat, daftar_seri, _, lewati = self.daftar_grafik[i]
        k1, kc, k2 = kat
        baris_kat = [r for r in range(k1, k2 + 1) if r not in lewati]
        titik = []
        for j, r in enumerate(baris_kat):
            v = self.nilai(r, kc)
            if v is not None:
                titik.append(f'<c:pt idx="{j}"><c:v>{teks_xml(str(v))}</c:v></c:pt>')
        cache_kat = f'<c:strCache><c:ptCount val="{len(baris_kat)}"/>{"".join(titik)}</c:strCache>'
        seri = []
        for j, (h, c, r2) in enumerate(daftar_seri):
            nama = self.nilai(h, c)
            nama = "" if nama is None else str(nama)
            baris_nilai = [r for r in range(h + 1, r2 + 1) if r not in lewati]
            angka = []
            for m, r in enumerate(baris_nilai):
                v = self.nilai(r, c)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    angka.append(f'<c:pt idx="{m}"><c:v>{angka_xml(v)}</c:v></c:pt>')
            seri.append(
                f'<c:ser><c:idx val="{j}"/><c:order val="{j}"/>'
                f"<c:tx><c:strRef><c:f>{teks_xml(self._ref(h, c, h))}</c:f><c:strCache>"
                f'<c:ptCount val="1"/><c:pt idx="0"><c:v>{teks_xml(nama)}</c:v></c:pt>'
                f'</c:strCache></c:strRef></c:tx><c:invertIfNegative val="0"/>'
                f"<c:cat><c:strRef><c:f>{teks_xml(self._ref(k1, kc, k2, lewati))}</c:f>"
                f"{cache_kat}</c:strRef></c:cat>"
                f"<c:val><c:numRef><c:f>{teks_xml(self._ref(h + 1, c, r2, lewati))}</c:f>"
                f'<c:numCache><c:formatCode>0.00%</c:formatCode><c:ptCount '
                f'val="{len(baris_nilai)}"/>'
                f'{"".join(angka)}</c:numCache></c:numRef></c:val></c:ser>')
        ax_kat, ax_nilai = 500000 + 2 * i, 500001 + 2 * i
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<c:chartSpace xmlns:c="{NS_C}" xmlns:a="{NS_A}" xmlns:r="{NS_R}">'
            '<c:roundedCorners val="0"/><c:chart>'
            f"<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>{teks_xml(judul)}</a:t></a:r></a:p>"
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
