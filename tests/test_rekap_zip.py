"""Rekap package writer: every part it does not own is byte-identical, edited XML differs
only by the added entries, re-runs are stable, LibreOffice opens the results, VBA is kept."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import KASUS
from defusedxml import ElementTree as DET
from test_rekap import _bom, _gagal, _png_kecil

from xl_kinerja.cli import main
from xl_kinerja.rekap import rekap_berkas, tulis_rekap_openpyxl
from xl_kinerja.rekap.paket import NS_MAIN, PENANDA_REKAP

DIUBAH = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
          "xl/styles.xml"}
VBA = Path(__file__).resolve().parent.parent / "macros" / "xl_kinerja.xlam"
CT_XLSM = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
RT_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def _anggota(p) -> dict[str, bytes]:
    with zipfile.ZipFile(p) as z:
        assert z.testzip() is None
        return {n: z.read(n) for n in z.namelist()}


def _tanda(el, tanpa_count=False):
    a = dict(el.attrib)
    if tanpa_count:
        a.pop("count", None)
    return (el.tag, tuple(sorted(a.items())), (el.text or "").strip(),
            tuple(_tanda(c, tanpa_count) for c in el))


def _akar(data: bytes):
    return DET.fromstring(data)


@pytest.fixture(scope="session")
def kaya(grid_rekap, tmp_path_factory):
    """A user's workbook with comment, image, chart, validation, conditional format,
    merged cells, defined names (also sheet-scoped), edited by openpyxl like a user would."""
    import openpyxl
    from openpyxl.chart import LineChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    p = tmp_path_factory.mktemp("rekapzip") / "kaya.xlsx"
    wb = openpyxl.load_workbook(grid_rekap)
    ws = wb["Pengukuran"]
    ws["Z1"].comment = Comment("catatan pengguna", "Uji")
    ws.add_image(Image(_png_kecil()), "Z2")
    ch = LineChart()
    ch.add_data(Reference(ws, min_col=1, min_row=1, max_row=5))
    ws.add_chart(ch, "Z10")
    dv = DataValidation(type="list", formula1='"ya,tidak"')
    dv.add("Z20")
    ws.add_data_validation(dv)
    ws.conditional_formatting.add("Z21:Z30", CellIsRule(operator="greaterThan", formula=["1"],
                                                        fill=PatternFill("solid", "FF0000")))
    ws.merge_cells("Z31:AA32")
    catatan = wb.create_sheet("Catatan Pengguna")
    catatan["A1"] = "isian pengguna"
    catatan.defined_names.add(DefinedName("Lokal_Catatan", attr_text="'Catatan Pengguna'!$A$1"))
    catatan.print_area = "A1:B5"
    wb.save(p)
    return p


def _jalan(path, tw, **kw):
    return rekap_berkas(path, tw, cadangan=False, **kw)


def test_bagian_lain_byte_identik(kaya, tmp_path):
    p = tmp_path / "buku.xlsx"
    shutil.copy(kaya, p)
    sebelum = _anggota(p)
    rk = _jalan(p, 1)
    sesudah = _anggota(p)
    # every member we do not own: byte for byte, same order
    for n, data in sebelum.items():
        if n not in DIUBAH:
            assert sesudah[n] == data, n
    nama_sebelum = list(sebelum)
    assert [n for n in sesudah if n in sebelum] == nama_sebelum
    baru = [n for n in sesudah if n not in sebelum]
    # one worksheet, its rels, one drawing + rels, two charts (existing drawing1/chart1 kept)
    assert sorted(baru) == sorted([
        "xl/worksheets/sheet11.xml", "xl/worksheets/_rels/sheet11.xml.rels",
        "xl/drawings/drawing2.xml", "xl/drawings/_rels/drawing2.xml.rels",
        "xl/charts/chart2.xml", "xl/charts/chart3.xml"]), baru
    # the chart parts are referenced: sheet -> drawing -> charts
    rels_lembar = _akar(sesudah["xl/worksheets/_rels/sheet11.xml.rels"])
    assert [r.get("Target") for r in rels_lembar] == ["../drawings/drawing2.xml"]
    rels_gambar = _akar(sesudah["xl/drawings/_rels/drawing2.xml.rels"])
    assert [r.get("Target") for r in rels_gambar] == ["../charts/chart2.xml",
                                                     "../charts/chart3.xml"]
    assert b'r:id="rId1"' in sesudah["xl/worksheets/sheet11.xml"]
    assert sesudah["xl/drawings/drawing2.xml"].count(b"<c:chart ") == 2
    assert b"Capaian per Sasaran" in sesudah["xl/charts/chart2.xml"]
    assert b"Serapan Anggaran terhadap Target" in sesudah["xl/charts/chart3.xml"]

    # [Content_Types].xml: the old entries plus one override per new part
    ct0, ct1 = _akar(sebelum["[Content_Types].xml"]), _akar(sesudah["[Content_Types].xml"])
    t0, t1 = [_tanda(x) for x in ct0], [_tanda(x) for x in ct1]
    assert t1[:len(t0)] == t0
    tambah = {x[1] for x in t1[len(t0):]}
    assert {dict(a)["PartName"] for a in tambah} == {"/" + n for n in baru
                                                     if not n.endswith(".rels")}
    # workbook.xml: identical except one <sheet> at the end of <sheets>
    wb0, wb1 = _akar(sebelum["xl/workbook.xml"]), _akar(sesudah["xl/workbook.xml"])
    s0 = wb0.find(f"{{{NS_MAIN}}}sheets")
    s1 = wb1.find(f"{{{NS_MAIN}}}sheets")
    assert [_tanda(x) for x in s1][:-1] == [_tanda(x) for x in s0]
    assert s1[-1].get("name") == "Rekap TW 1" and s1[-1].get("sheetId") == str(
        max(int(x.get("sheetId")) for x in s0) + 1)
    s1.remove(s1[-1])
    # the one addition: the rekap's hidden sheet-scope mark on the new (last) sheet
    dn1 = wb1.find(f"{{{NS_MAIN}}}definedNames")
    tanda = dn1[-1]
    assert (tanda.get("name"), tanda.get("localSheetId"), tanda.get("hidden"), tanda.text) == (
        PENANDA_REKAP, str(len(s0)), "1", "'Rekap TW 1'!$A$1")
    dn1.remove(tanda)
    assert _tanda(wb1) == _tanda(wb0)  # definedNames incl. localSheetId untouched
    # workbook rels: one relationship added
    r0 = [_tanda(x) for x in _akar(sebelum["xl/_rels/workbook.xml.rels"])]
    r1 = [_tanda(x) for x in _akar(sesudah["xl/_rels/workbook.xml.rels"])]
    assert r1[:-1] == r0
    assert dict(r1[-1][1])["Target"] == "/xl/worksheets/sheet11.xml"
    # styles.xml: every list only grows at its end; nothing else changes
    g0, g1 = _akar(sebelum["xl/styles.xml"]), _akar(sesudah["xl/styles.xml"])
    assert [x.tag for x in g0] == [x.tag for x in g1]
    tumbuh = 0
    for a, b in zip(g0, g1, strict=True):
        assert [_tanda(x) for x in b][:len(a)] == [_tanda(x) for x in a], a.tag
        tumbuh += len(b) - len(a)
        assert (_tanda(a, True)[:3]) == (_tanda(b, True)[:3])
        if "count" in b.attrib:
            assert b.get("count") == str(len(b))
    assert 1 <= tumbuh <= 8  # a bold font, three number formats and a few cell formats
    assert rk.catatan == []


def test_nilai_terbaca_sama_dengan_penulis_openpyxl(kaya, tmp_path):
    """openpyxl reads back the exact values, formats and bold cells the shared layout
    produces through the openpyxl writer; the numbers are the engine's, bit for bit."""
    import openpyxl
    p = tmp_path / "buku.xlsx"
    shutil.copy(kaya, p)
    rk = _jalan(p, 2)
    ws = openpyxl.load_workbook(p)["Rekap TW 2"]
    acuan = tulis_rekap_openpyxl(openpyxl.Workbook(), rk)

    def isi(w):  # an empty text is an empty cell (openpyxl does not save it either)
        return {(c.row, c.column): (c.value, c.number_format, bool(c.font.b))
                for row in w.iter_rows() for c in row if c.value not in (None, "")}
    assert isi(ws) == isi(acuan)
    assert {k: d.width for k, d in ws.column_dimensions.items() if d.width} == \
        {k: d.width for k, d in acuan.column_dimensions.items() if d.width}
    # spot check against the engine: the indicator table, row by row
    kepala = next(r for r in range(1, 20) if ws.cell(r, 2).value == "Indikator")
    for i, ind in enumerate(rk.indikator):
        r = kepala + 1 + i
        assert ws.cell(r, 1).value == ind["kode"]
        assert ws.cell(r, 6).value == ind["capaian"]  # exact float equality
        assert ws.cell(r, 7).value == ind["predikat"]
    assert len(ws._charts) == 2


def test_ulang_identik_kecuali_waktu_dan_gaya_tidak_tumbuh(kaya, tmp_path):
    p = tmp_path / "buku.xlsx"
    shutil.copy(kaya, p)
    rk1 = _jalan(p, 3)
    pertama = _anggota(p)
    rk2 = _jalan(p, 3)
    kedua = _anggota(p)
    assert list(pertama) == list(kedua)
    beda = [n for n in pertama if pertama[n] != kedua[n]]
    assert set(beda) <= {"xl/worksheets/sheet11.xml"}
    lembar2 = kedua["xl/worksheets/sheet11.xml"].replace(rk2.dibuat.encode(), rk1.dibuat.encode())
    assert lembar2 == pertama["xl/worksheets/sheet11.xml"]
    assert rk1.dibuat.encode() in pertama["xl/worksheets/sheet11.xml"]
    # nothing else was even re-compressed: the stored bytes of those members are the same
    with zipfile.ZipFile(p) as z:
        tetap = {i.filename: (i.CRC, i.compress_size) for i in z.infolist()}
    p1 = tmp_path / "lagi.xlsx"
    shutil.copy(p, p1)
    _jalan(p1, 3)
    with zipfile.ZipFile(p1) as z:
        lagi = {i.filename: (i.CRC, i.compress_size) for i in z.infolist()}
    assert {n for n in tetap if tetap[n] != lagi[n]} <= {"xl/worksheets/sheet11.xml"}


def test_lembar_rekap_tidak_terakhir(kaya, tmp_path):
    """TW I, then TW II (appended), then TW I again: TW I is replaced where it is, with the
    same part names; workbook.xml/rels and everything of TW II stay byte-identical."""
    p = tmp_path / "buku.xlsx"
    shutil.copy(kaya, p)
    _jalan(p, 1)
    _jalan(p, 2)
    a = _anggota(p)
    _jalan(p, 1)
    b = _anggota(p)
    assert list(a) == list(b)
    beda = {n for n in a if a[n] != b[n]}
    assert beda <= {"xl/worksheets/sheet11.xml"}  # TW I's sheet (timestamp at most)
    import openpyxl
    wb = openpyxl.load_workbook(p)
    assert wb.sheetnames[-3:] == ["Catatan Pengguna", "Rekap TW 1", "Rekap TW 2"]
    lokal = wb["Catatan Pengguna"].defined_names
    assert "Lokal_Catatan" in lokal and wb["Catatan Pengguna"].print_area == \
        "'Catatan Pengguna'!$A$1:$B$5"


def _sunting(asal, tujuan, ubah=None, tambah=None):
    ubah, tambah = ubah or {}, tambah or {}
    with zipfile.ZipFile(asal) as zi, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zo:
        for n in zi.namelist():
            isi = zi.read(n)
            if n in ubah:
                isi = ubah[n](isi)
            zo.writestr(n, isi)
        for n, isi in tambah.items():
            zo.writestr(n, isi)


def _jadi_xlsm(asal, tujuan):
    with zipfile.ZipFile(VBA) as z:
        vba = z.read("xl/vbaProject.bin")
    _sunting(asal, tujuan, ubah={
        "[Content_Types].xml": lambda b: b.replace(CT_XLSX.encode(), CT_XLSM.encode()).replace(
            b"</Types>", b'<Override PartName="/xl/vbaProject.bin" '
                         b'ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
        "xl/_rels/workbook.xml.rels": lambda b: b.replace(b"</Relationships>", (
            f'<Relationship Id="rIdVba" Type="{RT_VBA}" Target="vbaProject.bin"/>'
            "</Relationships>").encode())}, tambah={"xl/vbaProject.bin": vba})
    return vba


@pytest.fixture(scope="session")
def hasil_lo(kaya, tmp_path_factory):
    """Rekap results (xlsx with everything, xlsm with VBA) recalculated by LibreOffice in
    ONE soffice call."""
    from xl_kinerja.libreoffice import hitung_ulang
    d = tmp_path_factory.mktemp("rekaplo")
    xlsx = d / "kaya_rekap.xlsx"
    shutil.copy(kaya, xlsx)
    rk = _jalan(xlsx, 4)
    xlsm = d / "makro_rekap.xlsm"
    vba = _jadi_xlsm(kaya, xlsm)
    sebelum = _anggota(xlsm)
    rk_m = _jalan(xlsm, 2)
    keluar = hitung_ulang([xlsx, xlsm], d / "lo")
    return {"rk": rk, "rk_m": rk_m, "xlsm": xlsm, "vba": vba, "xlsm_sebelum": sebelum,
            "lo": keluar}


def test_libreoffice_membuka_hasil(hasil_lo):
    import openpyxl
    rk = hasil_lo["rk"]
    wb = openpyxl.load_workbook(hasil_lo["lo"][0], data_only=True)
    assert "Rekap TW 4" in wb.sheetnames and "Pengukuran" in wb.sheetnames
    ws = wb["Rekap TW 4"]
    assert ws["A1"].value == "Rekap Triwulan IV"
    kepala = next(r for r in range(1, 20) if ws.cell(r, 2).value == "Indikator")
    dibaca = {ws.cell(kepala + 1 + i, 1).value: (ws.cell(kepala + 1 + i, 6).value,
                                                 ws.cell(kepala + 1 + i, 7).value)
              for i in range(len(rk.indikator))}
    assert set(dibaca) == set(KASUS)
    for ind in rk.indikator:
        c, p = dibaca[ind["kode"]]
        # our file holds the exact doubles (test above); LibreOffice re-saves 15 digits
        assert c == (pytest.approx(ind["capaian"], rel=1e-14, abs=0) if ind["capaian"]
                     is not None else None), ind["kode"]
        assert p == ind["predikat"]
    assert len(ws._charts) == 2  # both native charts survived LibreOffice's import


def test_xlsm_vba_tetap_byte_identik(hasil_lo):
    import openpyxl
    sesudah = _anggota(hasil_lo["xlsm"])
    assert sesudah["xl/vbaProject.bin"] == hasil_lo["vba"]
    for n, data in hasil_lo["xlsm_sebelum"].items():
        if n not in DIUBAH:
            assert sesudah[n] == data, n
    assert CT_XLSM.encode() in sesudah["[Content_Types].xml"]
    wb = openpyxl.load_workbook(hasil_lo["lo"][1], keep_vba=True)
    assert "Rekap TW 2" in wb.sheetnames


def test_xlsm_keluaran_harus_xlsm(kaya, tmp_path, capsys):
    p = tmp_path / "makro.xlsm"
    _jadi_xlsm(kaya, p)
    err = _gagal(p, ["--triwulan", "1", "--keluaran", str(tmp_path / "hasil.xlsx")], capsys,
                 ".xlsm")
    assert "bermakro" in err and not (tmp_path / "hasil.xlsx").exists()
    assert main(["rekap", str(p), "--triwulan", "1", "--keluaran",
                 str(tmp_path / "hasil.xlsm")]) == 0


def test_tanda_tangan_digital_menolak_di_tempat(kaya, tmp_path, capsys):
    p = tmp_path / "bertanda.xlsx"
    sig = ("http://schemas.openxmlformats.org/package/2006/relationships/"
           "digital-signature/origin")
    _sunting(kaya, p, ubah={"_rels/.rels": lambda b: b.replace(b"</Relationships>", (
        f'<Relationship Id="rIdSig" Type="{sig}" Target="_xmlsignatures/origin.sigs"/>'
        "</Relationships>").encode())}, tambah={"_xmlsignatures/origin.sigs": b""})
    err = _gagal(p, ["--triwulan", "1"], capsys, "tanda tangan digital")
    assert "--keluaran" in err
    keluar = tmp_path / "salinan.xlsx"
    assert main(["rekap", str(p), "--triwulan", "1", "--keluaran", str(keluar)]) == 0
    assert "tanda tangan digital" in capsys.readouterr().err
    assert "_xmlsignatures/origin.sigs" in _anggota(keluar)


def test_struktur_terlindung_menolak(kaya, tmp_path, capsys):
    import openpyxl
    from openpyxl.workbook.protection import WorkbookProtection
    p = tmp_path / "terkunci.xlsx"
    wb = openpyxl.load_workbook(kaya)
    wb.security = WorkbookProtection(lockStructure=True)
    wb.save(p)
    _gagal(p, ["--triwulan", "1"], capsys, "struktur buku kerja dilindungi")


def test_calcchain_lembar_lama_dibuang(kaya, tmp_path):
    """A formula the user typed into the old rekap sheet is in calcChain.xml; the replaced
    sheet no longer has it, so calcChain goes (Excel rebuilds it) and the user is told."""
    p = tmp_path / "buku.xlsx"
    shutil.copy(kaya, p)
    _jalan(p, 1)
    wbx = _anggota(p)["xl/workbook.xml"].decode()
    sid = re.search(r'<sheet name="Rekap TW 1" sheetId="(\d+)"', wbx).group(1)
    p2 = tmp_path / "cc.xlsx"
    _sunting(p, p2, ubah={
        "[Content_Types].xml": lambda b: b.replace(b"</Types>", (
            b'<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.'
            b'openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>')),
        "xl/_rels/workbook.xml.rels": lambda b: b.replace(b"</Relationships>", (
            b'<Relationship Id="rIdCc" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'))},
        tambah={"xl/calcChain.xml": (
            f'<calcChain xmlns="{NS_MAIN}"><c r="Z1" i="{sid}"/></calcChain>').encode()})
    rk = _jalan(p2, 1)
    isi = _anggota(p2)
    assert "xl/calcChain.xml" not in isi
    assert b"calcChain" not in isi["[Content_Types].xml"]
    assert b"calcChain" not in isi["xl/_rels/workbook.xml.rels"]
    assert any("calcChain" in c for c in rk.catatan)


@pytest.mark.parametrize("bagian", ["xl/styles.xml", "[Content_Types].xml",
                                    "xl/_rels/workbook.xml.rels"])
def test_bom_xml_bagian_yang_disunting(grid_rekap, tmp_path, capsys, bagian):
    p = tmp_path / "bom.xlsx"
    _sunting(grid_rekap, p, ubah={bagian: lambda b: _bom("styleSheet").encode()})
    _gagal(p, ["--triwulan", "1"], capsys, "tidak dapat dibaca dengan aman")


def test_app_xml_judul_lembar(kaya, tmp_path):
    """docProps/app.xml as Excel writes it: the new sheet's title goes after the last
    worksheet title (before the named ranges); a re-run changes nothing there."""
    import openpyxl
    nama = openpyxl.load_workbook(kaya, read_only=True).sheetnames
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    app = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
           f'schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="{vt}">'
           '<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="4" '
           'baseType="variant"><vt:variant><vt:lpstr>Lembar Kerja</vt:lpstr></vt:variant>'
           f'<vt:variant><vt:i4>{len(nama)}</vt:i4></vt:variant><vt:variant><vt:lpstr>Rentang '
           'Bernama</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>'
           f'</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="{len(nama) + 1}" '
           'baseType="lpstr">' + "".join(f"<vt:lpstr>{n}</vt:lpstr>" for n in nama)
           + "<vt:lpstr>Info_Satker</vt:lpstr></vt:vector></TitlesOfParts></Properties>")
    p = tmp_path / "excel.xlsx"
    _sunting(kaya, p, ubah={"docProps/app.xml": lambda b: app.encode()})
    _jalan(p, 1)
    sesudah = _anggota(p)["docProps/app.xml"]
    akar = _akar(sesudah)
    judul = [el.text for el in akar.find(f"{{*}}TitlesOfParts/{{{vt}}}vector")]
    assert judul == [*nama, "Rekap TW 1", "Info_Satker"]
    assert akar.find(f"{{*}}TitlesOfParts/{{{vt}}}vector").get("size") == str(len(nama) + 2)
    jumlah = [v[0].text for v in akar.find(f"{{*}}HeadingPairs/{{{vt}}}vector")]
    assert jumlah == ["Lembar Kerja", str(len(nama) + 1), "Rentang Bernama", "1"]
    assert sesudah.replace(b"<vt:lpstr>Rekap TW 1</vt:lpstr>", b"").replace(
        f"<vt:i4>{len(nama) + 1}<".encode(), f"<vt:i4>{len(nama)}<".encode()).replace(
        f'size="{len(nama) + 2}"'.encode(), f'size="{len(nama) + 1}"'.encode()) == app.encode()
    _jalan(p, 1)
    assert _anggota(p)["docProps/app.xml"] == sesudah


class _TanpaSeek:
    """A write-only stream: zipfile then writes data descriptors (as Java/POI tools do)."""

    def __init__(self, f):
        self.f = f

    def write(self, b):
        return self.f.write(b)

    def flush(self):
        self.f.flush()

    def tell(self):
        return self.f.tell()

    def seekable(self):
        return False


def test_sumber_dengan_data_descriptor(grid_rekap, tmp_path):
    p = tmp_path / "dd.xlsx"
    with zipfile.ZipFile(grid_rekap) as zi, open(p, "wb") as f:
        with zipfile.ZipFile(_TanpaSeek(f), "w", zipfile.ZIP_DEFLATED) as zo:
            for n in zi.namelist():
                with zo.open(n, "w") as w:
                    w.write(zi.read(n))
    with zipfile.ZipFile(p) as z:
        assert all(i.flag_bits & 0x08 for i in z.infolist())
    sebelum = _anggota(p)
    _jalan(p, 2)
    sesudah = _anggota(p)  # testzip: every CRC checks out
    for n, data in sebelum.items():
        if n not in DIUBAH:
            assert sesudah[n] == data, n


def _berawalan(xml: bytes) -> bytes:
    """The same XML with the main namespace as prefix x: (as the Open XML SDK writes it)."""
    t = xml.decode()
    t = t.replace(f' xmlns="{NS_MAIN}"', f' xmlns:x="{NS_MAIN}"')
    t = re.sub(r"<(/?)(?!\?)([A-Za-z]\w*)(?=[\s/>])", r"<\1x:\2", t)
    return t.encode()


def test_xml_berawalan_namespace(grid_rekap, tmp_path):
    import openpyxl
    p = tmp_path / "awalan.xlsx"
    _sunting(grid_rekap, p, ubah={"xl/styles.xml": lambda b: _berawalan(b),
                                  "xl/workbook.xml": lambda b: _berawalan(b)})
    assert b"<x:fonts" in _anggota(p)["xl/styles.xml"]
    rk = _jalan(p, 2)
    isi = _anggota(p)
    assert b"<x:sheet name=\"Rekap TW 2\"" in isi["xl/workbook.xml"]
    assert b"<x:xf " in isi["xl/styles.xml"].split(b"<x:cellXfs")[1]
    wb = openpyxl.load_workbook(p)
    ws = wb["Rekap TW 2"]
    assert ws["A1"].value == rk.judul and ws["A1"].font.b
    kepala = next(r for r in range(1, 20) if ws.cell(r, 2).value == "Indikator")
    assert ws.cell(kepala + 1, 6).number_format == "[$-421]0.00%"
    _jalan(p, 2)
    assert _anggota(p)["xl/styles.xml"] == isi["xl/styles.xml"]


def _r_per_lembar(xml: bytes) -> bytes:
    """workbook.xml as lxml-backed openpyxl writes it: xmlns:r only on each <sheet>."""
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    t = xml.decode().replace(f' xmlns:r="{r}"', "")
    return t.replace("<sheet ", f'<sheet xmlns:r="{r}" ').encode()


def test_namespace_r_hanya_di_lembar(grid_rekap, tmp_path):
    import openpyxl
    p = tmp_path / "lxml.xlsx"
    _sunting(grid_rekap, p, ubah={"xl/workbook.xml": _r_per_lembar})
    akar = _anggota(p)["xl/workbook.xml"]
    assert akar.count(b"xmlns:r=") == akar.count(b"<sheet ") > 1
    _jalan(p, 2)
    DET.fromstring(_anggota(p)["xl/workbook.xml"])
    assert "Rekap TW 2" in openpyxl.load_workbook(p).sheetnames


def test_sel_tanpa_nan_dan_karakter_terlarang():
    """NaN/inf are not SpreadsheetML numbers and control characters are not XML: both would
    make Excel 'repair' the file, so they never reach the sheet part."""
    from xl_kinerja.rekap.paket import PenulisPaket
    p = PenulisPaket("Rekap TW 1")
    p.tulis(1, 1, float("nan"), "0.00%")
    p.tulis(1, 2, float("inf"))
    p.tulis(2, 1, "a<b&\x01 ")
    p.tulis(2, 2, 0.1 + 0.2)
    akar = _akar(p.xml_lembar({("0.00%", False): 3}, None))
    sel = {c.get("r"): c for c in akar.iter(f"{{{NS_MAIN}}}c")}
    assert sel["A1"].get("s") == "3" and len(sel["A1"]) == 0
    assert "B1" not in sel
    assert sel["A2"].find(f"{{{NS_MAIN}}}is/{{{NS_MAIN}}}t").text == "a<b& "
    assert float(sel["B2"].find(f"{{{NS_MAIN}}}v").text) == 0.1 + 0.2  # exact double


def test_ganti_rekap_lama_buatan_openpyxl(kaya, tmp_path):
    """A rekap sheet written earlier by the openpyxl writer (older versions) with its own
    drawing and charts: exactly its parts are replaced; the user's chart stays."""
    import openpyxl

    from xl_kinerja.rekap import baca_nilai, hitung_rekap
    p = tmp_path / "lama.xlsx"
    wb = openpyxl.load_workbook(kaya)
    tulis_rekap_openpyxl(wb, hitung_rekap(baca_nilai(kaya), 2))
    wb.save(p)
    sebelum = _anggota(p)
    wbx = sebelum["xl/workbook.xml"].decode()
    rid = re.search(r'<sheet [^>]*name="Rekap TW 2" sheetId="\d+"[^>]* r:id="(\w+)"',
                    wbx).group(1)
    rels = _akar(sebelum["xl/_rels/workbook.xml.rels"])
    bagian = next(r.get("Target") for r in rels if r.get("Id") == rid).lstrip("/")
    milik = {bagian, bagian.replace("worksheets/", "worksheets/_rels/") + ".rels"}
    gambar = [r.get("Target") for r in _akar(sebelum[bagian.replace(
        "worksheets/", "worksheets/_rels/") + ".rels"])]
    assert len(gambar) == 1
    g = "xl/drawings/" + gambar[0].rsplit("/", 1)[1]
    milik |= {g, g.replace("drawings/", "drawings/_rels/") + ".rels"}
    milik |= {"xl/charts/" + r.get("Target").rsplit("/", 1)[1] for r in
              _akar(sebelum[g.replace("drawings/", "drawings/_rels/") + ".rels"])}
    assert len(milik) == 6
    _jalan(p, 2)
    sesudah = _anggota(p)
    assert set(sesudah) == set(sebelum)  # the same part names are used again
    for n, data in sebelum.items():
        if n not in DIUBAH | milik:
            assert sesudah[n] == data, n
    assert all(sesudah[n] != sebelum[n] for n in milik if n.endswith(".xml") and "chart" in n)
    ws = openpyxl.load_workbook(p)["Rekap TW 2"]
    assert len(ws._charts) == 2 and ws["A1"].value == "Rekap Triwulan II"
    assert len(openpyxl.load_workbook(p)["Pengukuran"]._charts) == 1


def test_bom_xml_di_lembar_yang_dibaca(grid_rekap, tmp_path, capsys):
    """The streaming reader parses sheet XML through defusedxml as well."""
    rels = _akar(_anggota(grid_rekap)["xl/_rels/workbook.xml.rels"])
    wbx = _anggota(grid_rekap)["xl/workbook.xml"].decode()
    rid = re.search(r'<sheet [^>]*name="Pengukuran" sheetId="\d+"[^>]* r:id="(\w+)"',
                    wbx).group(1)
    bagian = next(r.get("Target") for r in rels if r.get("Id") == rid).lstrip("/")
    p = tmp_path / "bom.xlsx"
    _sunting(grid_rekap, p, ubah={bagian: lambda b: _bom("worksheet").encode()})
    _gagal(p, ["--triwulan", "1"], capsys, "tidak dapat dibaca dengan aman")


def test_override_bentuk_panjang_dihapus(kaya, tmp_path):
    """<Override ...></Override> (not self-closing) of a removed part of the old rekap sheet
    goes with it: an override without its part (or two for one part) breaks the package."""
    p = tmp_path / "panjang.xlsx"
    shutil.copy(kaya, p)
    _jalan(p, 1)
    p2 = tmp_path / "panjang2.xlsx"
    ps = "/xl/printerSettings/printerSettings9.bin"
    _sunting(p, p2, ubah={
        "[Content_Types].xml": lambda b: re.sub(
            rb"<Override ([^>]*?)\s*/>", rb"<Override \1></Override>", b).replace(
            b"</Types>", f'<Override PartName="{ps}" ContentType="application/vnd.'
                         'openxmlformats-officedocument.spreadsheetml.printerSettings">'
                         '</Override></Types>'.encode()),
        "xl/worksheets/_rels/sheet11.xml.rels": lambda b: b.replace(b"</Relationships>", (
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/printerSettings" Target="..{ps[3:]}"/></Relationships>'
        ).encode())}, tambah={ps[1:]: b"\0" * 8})
    _jalan(p2, 1)
    isi = _anggota(p2)
    assert ps[1:] not in isi
    akar = _akar(isi["[Content_Types].xml"])
    nama = [el.get("PartName") for el in akar if el.tag.endswith("Override")]
    assert len(nama) == len(set(nama)) and ps not in nama
    assert "/xl/charts/chart2.xml" in nama and "/xl/worksheets/sheet11.xml" in nama


@pytest.mark.filterwarnings("ignore:Workbook contains no stylesheet")
def test_gaya_tidak_lengkap_ditolak_tanpa_bak(grid_rekap, tmp_path, capsys):
    p = tmp_path / "gaya.xlsx"
    _sunting(grid_rekap, p, ubah={"xl/styles.xml": lambda b: (
        f'<styleSheet xmlns="{NS_MAIN}"><fonts count="1"><font/></fonts></styleSheet>'
    ).encode()})
    _gagal(p, ["--triwulan", "1"], capsys, "styles.xml")
    assert not p.with_name("gaya.xlsx.bak").exists()
    assert [x.name for x in tmp_path.iterdir()] == ["gaya.xlsx"]  # no temporary file left


def test_bentuk_shape_tetap(kaya, tmp_path):
    """A text box (shape) next to the user's chart: the drawing part is copied untouched and
    the rekap is written in place (openpyxl would have dropped the shape)."""
    import openpyxl
    sp = (b'<xdr:twoCellAnchor xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/'
          b'spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
          b'<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff>'
          b'<xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3'
          b'</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff>'
          b'</xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="99" '
          b'name="Kotak Teks 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom '
          b'prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r>'
          b'<a:t>catatan pimpinan</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/>'
          b'</xdr:twoCellAnchor>')
    p = tmp_path / "bentuk.xlsx"
    _sunting(kaya, p, ubah={"xl/drawings/drawing1.xml": lambda b: b.replace(
        b"</wsDr>", sp + b"</wsDr>")})
    sebelum = _anggota(p)
    assert b"catatan pimpinan" in sebelum["xl/drawings/drawing1.xml"]
    assert main(["rekap", str(p), "--triwulan", "3", "--tanpa-cadangan"]) == 0
    sesudah = _anggota(p)
    for n, data in sebelum.items():
        if n not in DIUBAH:
            assert sesudah[n] == data, n
    assert "Rekap TW 3" in openpyxl.load_workbook(p, read_only=True).sheetnames
