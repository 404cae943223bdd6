"""The contract reader's fast path (`ooxml.pindai`, the byte scanner) against its reference
path (`ooxml.sel.baca_lembar`, the element stream): the same cells, to the type and value,
on every workbook the tests and examples have, on workbooks filled in every way a satker
can, saved by openpyxl and by LibreOffice, and on hand-written sheet XML in the forms
Excel writes; the forms the scanner does not know fall back to the stream (same values);
damaged parts give the reference path's message."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from conftest import TAHUN

from xl_kinerja import kontrak
from xl_kinerja import nama as N
from xl_kinerja.errors import KesalahanBerkas
from xl_kinerja.ooxml.paket import Paket
from xl_kinerja.ooxml.pindai import _POTONG, pindai, pindai_lembar, pola_rumus
from xl_kinerja.ooxml.sel import TANGGAL, Konteks, baca_lembar
from xl_kinerja.rekap import baca_nilai, hitung_rekap

AKAR = Path(__file__).resolve().parent.parent
CONTOH = sorted((AKAR / "examples").glob("*.xlsx"))


def _ketik(isi: dict) -> dict:
    """Cells with the Python type of each value (1 == 1.0 == True must not pass)."""
    return {r: {c: (s.jenis, type(s.nilai), s.nilai, s.rumus, type(s.tersimpan), s.tersimpan)
                for c, s in b.items()} for r, b in isi.items()}


def _sama_semua(path: Path, harus_cepat: bool = True) -> int:
    """Every sheet whole, and every defined name through the contract, by both paths.
    Returns how many sheets the scanner read (not fallen back)."""
    cepat = 0
    with Paket(path) as pk, kontrak.buka(pk, periksa_versi=False) as k, \
            kontrak.buka(path, periksa_versi=False, cepat=False) as acuan:
        ks = k._b._konteks()
        for lembar in k._b.lembar.values():
            if lembar.bagian is None or not (lembar.jenis or "").endswith("/worksheet"):
                continue
            data = pk.baca(lembar.bagian)
            a = pindai_lembar(data, None, ks)
            b = baca_lembar(pk, lembar.bagian, None, ks)
            if a is not None:
                cepat += 1
                assert _ketik(a) == _ketik(b), (path.name, lembar.nama)
            assert _ketik(k.sel_lembar(lembar.nama)) == _ketik(b), (path.name, lembar.nama)
            # a box: only the cells inside it
            kotak = (2, 3, 5, 40)
            if a is not None:
                assert _ketik(pindai_lembar(data, kotak, ks)) == \
                    _ketik(baca_lembar(pk, lembar.bagian, kotak, ks))
        for nama, teks in k._b.nama.items():
            if kontrak.urai_rujukan(teks) is None:
                continue
            try:
                sa = k.blok(nama)[1]
            except KesalahanBerkas as e:
                with pytest.raises(KesalahanBerkas) as e2:
                    acuan.blok(nama)
                assert e.pesan == e2.value.pesan
                continue
            sb = acuan.blok(nama)[1]
            assert [[(s.jenis, type(s.nilai), s.nilai, s.rumus, s.tersimpan) for s in b]
                    for b in sa] == \
                [[(s.jenis, type(s.nilai), s.nilai, s.rumus, s.tersimpan) for s in b]
                 for b in sb], (path.name, nama)
        # the whole-sheet searches (the checker's teks_berbeda): same formulas and cells,
        # whether a sheet is skipped, scanned and decoded in part, or streamed
        for lembar in k.lembar:
            if not (k._b.lembar[lembar].jenis or "").endswith("/worksheet"):
                continue
            for teks in _CARI + tuple(f"{x}!" for x in k.lembar):
                assert k.rumus_memuat(lembar, teks) == acuan.rumus_memuat(lembar, teks), \
                    (path.name, lembar, teks)
            assert k.rumus_memuat(lembar, *_CARI) == acuan.rumus_memuat(lembar, *_CARI)
            semua = acuan.sel_lembar(lembar)
            for c in {c for b in semua.values() for c in b} | {1, 3, 99}:
                assert _ketik({0: k.kolom_lembar(lembar, c)}) == _ketik(
                    {0: {r: b[c] for r, b in semua.items() if c in b}}), (path.name, lembar, c)
            for r in sorted(semua)[:40] + [10 ** 6]:
                assert _ketik({0: k.baris_lembar(lembar, r)}) == _ketik({0: semua.get(r, {})})
    if harus_cepat:
        assert cepat > 0, path.name
    return cepat


# texts the searches are tried with: references, functions, characters XML escapes
_CARI = ("!$C", "!C", "SUM(", "&", "<", ">", '"', "'", "Pengukuran'!$D$", "tidak ada di sini")


def _semua_cepat(path: Path) -> None:
    """Every worksheet of the file is read by the scanner (none falls back)."""
    with Paket(path) as pk, kontrak.buka(pk, periksa_versi=False) as k:
        for lembar in k._b.lembar.values():
            if lembar.bagian and (lembar.jenis or "").endswith("/worksheet"):
                assert pindai(pk.baca(lembar.bagian)) is not None, (path.name, lembar.nama)


# ---------------------------------------------------------------- real and test workbooks
@pytest.mark.parametrize("path", CONTOH, ids=[p.name for p in CONTOH])
def test_contoh_sama(path):
    _sama_semua(path)
    _semua_cepat(path)


def test_buku_uji_segar_dan_libreoffice_sama(buku_uji):
    segar, terhitung = buku_uji
    assert len(segar) >= 8
    for nama in segar:
        for p in (segar[nama], terhitung[nama]):
            _sama_semua(p)
            _semua_cepat(p)  # openpyxl and LibreOffice both write the form it knows


# ---------------------------------------------------------------- varied fills
def _isi_beragam(wb) -> None:
    """Every kind of value a satker (or a tool) can put in the input cells."""
    from openpyxl.worksheet.formula import ArrayFormula

    def sel(nama, i=0, kolom=0):
        r = kontrak.buka(wb, periksa_versi=False).rentang(nama)
        return wb[r.lembar].cell(r.baris1 + i, r.kolom1 + kolom)

    real = N.UKUR_REALISASI_TW
    sel(real[0], 0).value = "sudah dilaksanakan"         # text in a numeric input
    sel(real[0], 1).value = "#DIV/0!"                    # an error value
    sel(real[0], 2).value = dt.datetime(2025, 3, 31)     # a date
    sel(real[0], 3).value = True                         # a boolean
    sel(real[0], 4).value = "=FALSE()"                   # a formula
    sel(real[0], 5).value = 1e-7
    sel(real[0], 6).value = -12.5
    sel(real[0], 7).value = 12345678901234
    sel(real[0], 8).value = "   "                        # blanks typed as spaces
    sel(real[0], 9).value = dt.time(7, 30)
    sel(real[1], 0).value = '=IF(A1>0,"a&b<c","")'
    sel(real[1], 1).value = ArrayFormula("K7", "=SUM(J6:J7)")
    sel(real[1], 2).value = "=1/0"
    sel(N.UKUR_INDIKATOR, 0).value = 'Indikator & "kutip" <sudut> \'apos\'\nbaris dua'
    sel(N.UKUR_INDIKATOR, 1).value = "  spasi di tepi  "
    sel(N.UKUR_INDIKATOR, 2).value = "Ükur ✓ 数 😀"
    sel(N.UKUR_INDIKATOR, 3).value = "=HYPERLINK(\"http://contoh.invalid\")"
    sel(N.UKUR_INDIKATOR, 3).data_type = "s"
    sel(N.UKUR_INDIKATOR, 4).value = "baris\r\ndengan CRLF"
    sel(N.UKUR_SATUAN, 5).value = None                   # a blank that had a value
    sel(N.ANGG_PAGU, 2).value = "1.000.000"              # a thousands text
    sel(N.ANGG_PAGU, 3).value = 0
    sel(N.REF_SKALA_INKLUSIF).value = "=FALSE()"


@pytest.fixture(scope="module")
def beragam(tmp_path_factory):
    """(openpyxl-saved, LibreOffice-saved) workbooks filled in every way."""
    from xl_kinerja.generator import buat_buku_kerja, simpan
    from xl_kinerja.libreoffice import hitung_ulang
    folder = tmp_path_factory.mktemp("cepat")
    wb = buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh & Sekitarnya")
    _isi_beragam(wb)
    p = simpan(wb, folder / "beragam.xlsx")
    return p, hitung_ulang([p], folder / "terhitung")[0]


def test_isian_beragam_sama(beragam):
    segar, terhitung = beragam
    for p in (segar, terhitung):
        _sama_semua(p)
        _semua_cepat(p)
    # the fills really are there: a date, a boolean, an error, a formula, a text
    with kontrak.buka(segar) as k:
        _, real = k.kolom(N.UKUR_REALISASI_TW[0])
        assert [s.jenis for s in real[:5]] == ["teks", "galat", TANGGAL, "logika", "rumus"]
        assert real[2].nilai == dt.datetime(2025, 3, 31) and real[3].nilai is True
        assert k.tunggal(N.REF_SKALA_INKLUSIF).rumus == "=FALSE()"
        _, ind = k.kolom(N.UKUR_INDIKATOR)
        assert ind[0].nilai == 'Indikator & "kutip" <sudut> \'apos\'\nbaris dua'
        assert ind[2].nilai == "Ükur ✓ 数 😀"
    with kontrak.buka(terhitung) as k:  # LibreOffice: shared strings, cached values
        _, real = k.kolom(N.UKUR_REALISASI_TW[1])
        assert (real[0].rumus, real[0].tersimpan) == ('=IF(A1>0,"a&b<c","")', "a&b<c")
        assert real[1].rumus == "=SUM(J6:J7)" and isinstance(real[1].tersimpan, float)
        assert real[2].rumus == "=1/0" and real[2].tersimpan == "#DIV/0!"


def test_rekap_sama_di_kedua_jalur(beragam, buku_uji):
    """The rekap's own input (DataBuku) and result do not depend on the path; the fills
    above are refused the same way (the first bad cell, same message)."""
    segar, terhitung = buku_uji
    for p in [*segar.values(), *terhitung.values()]:
        with kontrak.buka(p, periksa_versi=False) as a, \
                kontrak.buka(p, periksa_versi=False, cepat=False) as b:
            if not a.ada(N.INFO_FORMAT):
                continue
            da, db = baca_nilai(a, salah=[]), baca_nilai(b, salah=[])
        assert da == db, p.name
        for tw in (1, 2, 3, 4):
            ra, rb = hitung_rekap(da, tw, dibuat="-"), hitung_rekap(db, tw, dibuat="-")
            assert ra == rb
    for p in beragam:
        pesan = []
        for cepat in (True, False):
            with kontrak.buka(p, cepat=cepat) as k:
                with pytest.raises(KesalahanBerkas) as e:
                    baca_nilai(k)
                salah = []
                baca_nilai(k, salah=salah)
            pesan.append((str(e.value), [str(x) for x in salah]))
        assert pesan[0] == pesan[1]
        assert len(pesan[0][1]) >= 8


# ---------------------------------------------------------------- hand-written sheet XML
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_NS_X14 = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
           'mc:Ignorable="x14ac"')


def _lembar(tmp_path, isi: str, kepala: str = "", akar: str = _NS,
            deklarasi: str = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
            ekor: str = "") -> Path:
    p = tmp_path / "lembar.zip"
    xml = f"{deklarasi}<worksheet {akar}>{kepala}<sheetData>{isi}</sheetData>{ekor}</worksheet>"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("s.xml", xml.encode("utf-8"))
    return p


_KS = Konteks(["nol", "satu", "  dua  "], frozenset({1}), False)

EXCEL = (  # as Excel writes it: spans, x14ac, shared strings, shared formulas, styles
    '<row r="1" spans="1:6" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c>'
    '<c r="B1" s="1"><v>45658</v></c><c r="C1" t="str"><f>A1&amp;"x"</f><v>nolx</v></c>'
    '<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
    '<c r="F1" s="3"/></row>'
    '<row r="2" spans="1:6"><c r="A2"><f t="shared" ref="A2:A4" si="0">B1*2</f><v>91316'
    '</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>9</v></c>'
    '<c r="D2" t="inlineStr"><is><t xml:space="preserve"> sebaris </t></is></c>'
    '<c r="E2" t="inlineStr"><is><r><rPr><b/></rPr><t>te</t></r><r><t>bal</t></r>'
    '<rPh sb="0" eb="1"><t>x</t></rPh></is></c><c r="F2" t="n"><v>1E-3</v></c></row>'
    '<row r="3"><c r="A3"><f t="shared" si="0"/><v>3</v></c><c r="B3" t="d">'
    '<v>2025-01-02T03:04:05</v></c><c r="C3"><v>  7 </v></c><c r="D3" t="s"><v></v></c>'
    '<c r="E3" t="str"><f>""</f><v></v></c><c r="F3"><f>X</f></c></row>'
    '<row r="5" hidden="1"><c r="A5" s="1"><v>60</v></c><c r="B5" s="1"><v>61</v></c>'
    '<c r="C5"><v>&#49;2</v></c><c r="D5" t="str"><v>a&#13;&#10;b&#x9;c</v></c>'
    '<c r="E5" t="inlineStr"><is><t>x\r\ny</t></is></c><c r="F5" t="b"><v>true</v></c></row>'
    '<row r="6"/>'
)


@pytest.mark.parametrize("isi,akar", [
    (EXCEL, f"{_NS} {_NS_X14}"),
    # LibreOffice: many row attributes, formulas with aca, cached booleans
    ('<row r="1" s="2" customFormat="false" ht="12.8" hidden="false" customHeight="false" '
     'outlineLevel="0" collapsed="false"><c r="A1" s="1" t="n"><f aca="false">FALSE()</f>'
     '<v>0</v></c><c r="B1" s="0" t="b"><f aca="false">TRUE()</f><v>1</v></c>'
     '<c r="C1" s="0" t="str"><f aca="false">IF(1,"","")</f><v></v></c></row>', _NS),
    # cells and rows without r, attributes in another order or quoted with '
    ("<row><c t='s' r='B1'><v>1</v></c><c><v>5</v></c><c s=\"1\" r=\"E1\"><v>2</v></c></row>"
     "<row spans='1:3'><c><v>7</v></c><c r=\"ZZ\"><v>8</v></c><c t = \"str\" ><v>t</v></c>"
     "</row><row r=\"9\"><c r=\"a9\"><v>1</v></c></row>", _NS),
    # whitespace between the elements, a cell with extLst, a <v> before <f>
    ('\n  <row r="1">\n    <c r="A1">\n      <v>1</v>\n    </c>\n    <c r="B1"><v>2</v>'
     '<f>A1+1</f></c><c r="C1"><v>3</v><extLst><ext uri="x"><y/></ext></extLst></c>\n  '
     "</row>\n", _NS),
    # Strict OOXML namespace
    ('<row r="1"><c r="A1" t="s"><v>1</v></c></row>',
     'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'),
    ("", _NS),
], ids=["excel", "libreoffice", "tanpa-r", "spasi-extlst", "strict", "kosong"])
def test_xml_tulisan_tangan_sama(tmp_path, isi, akar):
    p = _lembar(tmp_path, isi, akar=akar)
    with Paket(p) as pk:
        data = pk.baca("s.xml")
        a = pindai_lembar(data, None, _KS)
        assert a is not None  # the scanner knows these forms
        assert _ketik(a) == _ketik(baca_lembar(pk, "s.xml", None, _KS))
        for kotak in ((1, 1, 3, 2), (2, 2, 6, 5), (4, 5, 4, 5)):
            assert _ketik(pindai_lembar(data, kotak, _KS)) == \
                _ketik(baca_lembar(pk, "s.xml", kotak, _KS))


# formulas whose text is spelled with references: &apos;, &quot;, &gt; and numeric ones
_EJAAN = (
    '<row r="1"><c r="A1"><f>IF(&apos;Peng ukuran&apos;!$C$7="","",1)</f></c>'
    '<c r="B1"><f>&#80;engukuran!C7&amp;"&lt;&gt;"</f></c>'
    '<c r="C1" t="inlineStr"><is><t>&#80;engukuran!C7 (teks, bukan rumus)</t></is></c>'
    '<c r="D1"><f>IF(A1&gt;0,&quot;x&quot;,"y")</f><v>1</v></c></row>'
    '<row r="2"><c r="A2"><f>A1 &gt; 2</f></c><c r="B2"><v>5</v></c></row>')


@pytest.mark.parametrize("teks", ["'Peng ukuran'!$C", "Pengukuran!C", '"x"', "A1>0",
                                  "A1 > 2", '&"<>"', "!C7", "tidak ada"])
def test_cari_rumus_berejaan_sama(tmp_path, teks):
    """A formula holding the text through entity references is found; a part that cannot
    hold it is recognised as such (the checker then skips scanning it)."""
    p = _lembar(tmp_path, _EJAAN)
    with Paket(p) as pk:
        data = pk.baca("s.xml")
        acuan = baca_lembar(pk, "s.xml", None, _KS)
        harap = {}
        for r, b in acuan.items():
            for c, sel in b.items():
                if sel.rumus is not None and teks in sel.rumus:
                    harap.setdefault(r, {})[c] = sel.rumus
        assert pindai(data).rumus_memuat((teks,), _KS) == harap
        assert harap or teks == "tidak ada"
        if harap:  # a part holding it is never skipped
            assert pola_rumus((teks,)).search(data) is not None
    # a part whose formulas hold neither the text nor any reference is skipped
    p = _lembar(tmp_path, '<row r="1"><c r="A1"><f>SUM(B1:B3)</f></c><c r="B1" t="inlineStr">'
                f'<is><t>{teks.replace("&", "&amp;").replace("<", "&lt;")} &#8730;</t></is>'
                '</c></row>')
    with Paket(p) as pk:
        assert pola_rumus((teks,)).search(pk.baca("s.xml")) is None


@pytest.mark.parametrize("isi,akar,kepala,ekor", [
    # prefixed elements
    ('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>',
     'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', "", ""),
    # a comment, a CDATA section
    ('<row r="1"><!-- catatan --><c r="A1"><v>1</v></c></row>', _NS, "", ""),
    ('<row r="1"><c r="A1" t="str"><v><![CDATA[<b>]]></v></c></row>', _NS, "", ""),
    # something that is not a cell inside a row: the stream reads it as a cell
    ('<row r="1"><c r="A1"><v>1</v></c><foo r="B1"><v>2</v></foo></row>', _NS, "", ""),
    # a row element outside sheetData
    ('<row r="1"><c r="A1"><v>1</v></c></row>', _NS, "",
     '<extLst><row r="2"><c r="A2"><v>5</v></c></row></extLst>'),
    # a processing instruction between cells; an end tag with a space
    ('<row r="1"><?x y?><c r="A1"><v>1</v></c></row>', _NS, "", ""),
    ('<row r="1"><c r="A1"><v>1</v></c ></row>', _NS, "", ""),
], ids=["awalan", "komentar", "cdata", "bukan-sel", "baris-di-luar", "pi", "tag-spasi"])
def test_bentuk_lain_jatuh_ke_aliran_elemen(tmp_path, isi, akar, kepala, ekor):
    p = _lembar(tmp_path, isi, akar=akar, kepala=kepala, ekor=ekor)
    with Paket(p) as pk:
        assert pindai(pk.baca("s.xml")) is None


def test_potongan_di_baris_dalam_sel_jatuh_ke_aliran(tmp_path):
    """<sheetData> is tokenised in pieces cut just after a </row>. A row element nested in a
    cell's content, where a cut falls, splits that cell: the part then goes to the element
    stream, with the same cells (never a cell lost at a cut)."""
    panjang = "x" * (_POTONG + 100)  # the first </row> after the cut mark is nested
    isi = (f'<row r="1"><c r="A1" t="inlineStr"><is><t>{panjang}</t></is><extLst><ext uri="x">'
           '<row></row></ext></extLst></c><c r="B1"><v>5</v></c></row>'
           + "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(2, 50)))
    p = _lembar(tmp_path, isi)
    with Paket(p) as pk:
        data = pk.baca("s.xml")
        assert pindai(data) is None
        acuan = baca_lembar(pk, "s.xml", None, _KS)
        assert acuan[1][1].nilai == panjang and acuan[1][2].nilai == 5 and acuan[49][1].nilai == 49
    # without the nested row the same long sheet is scanned, in pieces, to the same cells
    p = _lembar(tmp_path, isi.replace('<extLst><ext uri="x"><row></row></ext></extLst>', ""))
    with Paket(p) as pk:
        data = pk.baca("s.xml")
        a = pindai_lembar(data, None, _KS)
        assert a is not None
        assert _ketik(a) == _ketik(baca_lembar(pk, "s.xml", None, _KS))


def test_lembar_panjang_dipotong_sama(tmp_path):
    """A sheet many pieces long (rows of every cell form): the scanner's cells are the
    element stream's, whole and in boxes."""
    baris = EXCEL.replace('<row r="6"/>', "")
    isi = "".join(baris.replace('r="1"', f'r="{k * 10 + 1}"').replace('r="2"', f'r="{k * 10 + 2}"')
                  .replace('r="3"', f'r="{k * 10 + 3}"').replace('r="5"', f'r="{k * 10 + 5}"')
                  .replace("A1", f"A{k * 10 + 1}")
                  for k in range(400))
    p = _lembar(tmp_path, isi, akar=f"{_NS} {_NS_X14}")
    with Paket(p) as pk:
        data = pk.baca("s.xml")
        assert len(data) > 3 * _POTONG
        a = pindai_lembar(data, None, _KS)
        assert a is not None and len(a) == 1600
        assert _ketik(a) == _ketik(baca_lembar(pk, "s.xml", None, _KS))
        kotak = (2, 500, 5, 3100)
        assert _ketik(pindai_lembar(data, kotak, _KS)) == \
            _ketik(baca_lembar(pk, "s.xml", kotak, _KS))


def test_bukan_utf8_jatuh_ke_aliran(tmp_path):
    p = tmp_path / "lembar.zip"
    xml = (f'<?xml version="1.0" encoding="ISO-8859-1"?><worksheet {_NS}><sheetData>'
           '<row r="1"><c r="A1" t="inlineStr"><is><t>caf\xe9</t></is></c></row>'
           "</sheetData></worksheet>").encode("latin-1")
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("s.xml", xml)
    with Paket(p) as pk:
        assert pindai(pk.baca("s.xml")) is None
        assert baca_lembar(pk, "s.xml", None, _KS)[1][1].nilai == "café"


# ---------------------------------------------------------------- damaged parts
def _ubah_lembar(src: Path, tujuan: Path, lembar_nama: str, ubah) -> Path:
    with kontrak.buka(src) as k:
        bagian = k._b.lembar[lembar_nama].bagian
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zo:
        for i in zi.infolist():
            data = zi.read(i.filename)
            zo.writestr(i.filename, ubah(data) if i.filename == bagian else data)
    return tujuan


@pytest.mark.parametrize("ubah", [
    lambda d: d.replace(b"</c>", b"</x>", 1),                       # mismatched tag
    lambda d: d[: len(d) // 2],                                     # cut in the middle
    lambda d: d.replace(b"<sheetData>", b'<!DOCTYPE x [<!ENTITY a "b">]><sheetData>', 1),
    lambda d: d.replace(b"<sheetData>", b"<sheetData>&bukan;", 1),  # undefined entity
    lambda d: d.replace(b"<v>", b"<v>\xff", 1),                     # not UTF-8
], ids=["tag", "terpotong", "dtd", "entitas", "utf8"])
def test_bagian_rusak_pesan_sama(buku_uji, tmp_path, ubah):
    segar, _ = buku_uji
    p = _ubah_lembar(segar["grid"], tmp_path / "rusak.xlsx", "Pengukuran", ubah)
    pesan = []
    for cepat in (True, False):
        with pytest.raises(KesalahanBerkas) as e:
            with kontrak.buka(p, cepat=cepat) as k:
                baca_nilai(k)
        pesan.append(str(e.value))
    assert pesan[0] == pesan[1]
    assert "Pengukuran" in pesan[0] or "sheet" in pesan[0]


@pytest.mark.parametrize("versi,kata", [("xl-kinerja/999", "lebih baru"),
                                        ("bukan kita", "bukan buku kerja buatan xl-kinerja")])
def test_versi_format_pesan_sama(buku_uji, tmp_path, versi, kata):
    segar, _ = buku_uji
    p = _ubah_lembar(segar["grid"], tmp_path / "versi.xlsx", "Referensi",
                     lambda d: d.replace(N.VERSI_FORMAT.encode(), versi.encode()))
    pesan = []
    for cepat in (True, False):
        with pytest.raises(KesalahanBerkas, match=kata) as e:
            kontrak.buka(p, cepat=cepat)
        pesan.append(str(e.value))
    assert pesan[0] == pesan[1]


# ---------------------------------------------------------------- the rekap CLI path
@pytest.mark.parametrize("perintah,kode_keluar", [
    (["rekap", "{p}", "--triwulan", "2", "--format", "json"], 0),
    (["periksa", "{p}", "--format", "json"], 1),  # 1: the grid workbook has findings
    (["konsolidasi", "{p}", "--triwulan", "2", "--format", "json"], 0),
], ids=["rekap", "periksa", "konsolidasi"])
def test_cli_tanpa_modul_berat(grid_rekap, tmp_path, perintah, kode_keluar):
    """`xl-kinerja rekap`, `periksa` and `konsolidasi --format json` of a workbook build
    every command's parser and read through the scanner: numpy, pandas, openpyxl, xlwings
    and python-docx stay out of the process (konsolidasi's parser once pulled openpyxl and
    numpy in through its package, `periksa` the table readers and the Word reader through
    `impor`'s face: half of its 0,6 s)."""
    import shutil
    import subprocess
    import sys
    p = tmp_path / "buku.xlsx"
    shutil.copy(grid_rekap, p)
    argv = [x.format(p=p) for x in perintah]
    kode = ("import io, sys, contextlib\nfrom xl_kinerja.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    k = main({argv!r})\n"
            "print(k, [m for m in ('numpy', 'pandas', 'openpyxl', 'xlwings', 'docx') "
            "if m in sys.modules])")
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True,
                       check=True)
    assert r.stdout.strip() == f"{kode_keluar} []", r.stdout + r.stderr
