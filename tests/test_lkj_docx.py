"""The LKj Word document: structure (python-docx), PDF by LibreOffice, every number checked."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pdf_uji import lkj_ke_pdf

from xl_kinerja import terbilang
from xl_kinerja.lkj import kalimat as K
from xl_kinerja.lkj import laporan_kinerja
from xl_kinerja.lkj.teks import angka, persen, poin, rupiah
from xl_kinerja.lkj.teks import nilai as nilai_teks
from xl_kinerja.lkj.word import JUDUL_TABEL

ROOT = Path(__file__).resolve().parent.parent
KUBU_RAYA = ROOT / "examples" / "contoh-rkt-2024-kubu-raya.xlsx"
BAB = ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA",
       "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP", "LAMPIRAN"]


@pytest.fixture(scope="module")
def lkj(tmp_path_factory):
    lap = laporan_kinerja(KUBU_RAYA)
    return (lap, *lkj_ke_pdf(lap, tmp_path_factory.mktemp("lkj-docx"), "LKj-2024.docx"))


def test_docx_terbuka_dengan_struktur(lkj):
    import docx as pydocx
    from docx.oxml.ns import qn
    lap, path, _, _ = lkj
    doc = pydocx.Document(str(path))
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1 == BAB
    h3 = [p.text for p in doc.paragraphs if p.style.name == "Heading 3"]
    assert h3 == [f"Sasaran {s.kode}: {s.sasaran}" for s in lap.sasaran]
    s = doc.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    for t in doc.tables:  # every table repeats its header row on each page
        assert t.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        # and no row is cut in two by a page break
        assert all(r._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
                   for r in t.rows)
    kaki = s.footer.paragraphs[0]._p.xml
    assert "PAGE" in kaki and 'w:fldCharType="begin"' in kaki
    # the PK table lists every indicator with its target
    pk = doc.tables[1]
    assert len(pk.rows) == 1 + 62
    assert pk.rows[2].cells[2].text == lap.indikator[1].indikator
    assert pk.rows[2].cells[3].text == "100,00%"


def _rapat(teks: str) -> str:
    return " ".join(teks.split())


def test_pdf_bab_dan_semua_tabel_bab_iii(lkj):
    lap, _, pdf, teks = lkj
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) > 40
    rapat = _rapat(teks)
    posisi = [rapat.index(b) for b in BAB[2:6]]
    assert posisi == sorted(posisi)
    for s in lap.sasaran:
        for n in (1, 3):
            assert f"{JUDUL_TABEL[n].format(tahun=lap.tahun)} (Sasaran {s.kode})" in rapat
        assert f"{JUDUL_TABEL[6]} (Sasaran {s.kode})" in rapat
    assert f"Realisasi Anggaran per Program dan Kegiatan Tahun {lap.tahun}" in rapat


_ANGKA = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*%?(?![\w])")


def _token(teks: str) -> list[str]:
    return [t.rstrip(".,") for t in _ANGKA.findall(teks)]


def _diizinkan(lap, halaman: int, tabel: int) -> set[str]:
    """Every number the LKj may print: the data formatted as the writer does, the numbers
    inside the data's own texts, and the document's structure (years, numbering)."""
    d = []
    for i in lap.indikator:
        d += [K.target(i), K.realisasi(i), persen(i.capaian), persen(i.capaian_akhir),
              str(i.target_akhir), i.indikator, i.kode]
        for r in i.riwayat:
            d += [K.realisasi(i, r.realisasi), persen(r.capaian), r.tahun]
        if i.nasional is not None:
            d += [nilai_teks(i.nasional, i.jenis, i.satuan), persen(i.capaian_nasional)]
    for s in lap.sasaran:
        d += [s.sasaran, persen(s.capaian), persen(s.serapan)]
        if s.pagu is not None:
            d += [rupiah(s.pagu), rupiah(s.realisasi_anggaran)]
        if s.nilai_efisiensi is not None:  # the figure of the workbook's efficiency rule
            d.append(poin(s.nilai_efisiensi) if lap.aturan_efisiensi == "selisih"
                     else angka(round(s.nilai_efisiensi, 2)))
    for a in lap.anggaran:
        d += [a.uraian, a.kode, persen(a.persen)]
        d += [rupiah(v) for v in (a.pagu, a.realisasi, a.pagu_lalu, a.realisasi_lalu)
              if v is not None]
        if a.persen_lalu is not None:
            d.append(persen(a.persen_lalu))
    d += [persen(lap.capaian_satker), persen(lap.serapan), rupiah(lap.pagu),
          rupiah(lap.realisasi_anggaran), lap.satker]
    hitung = [len(lap.sasaran), len(lap.indikator), len(lap.tercapai), len(lap.tidak_tercapai),
              sum(a.tingkat == "program" for a in lap.anggaran), *lap.jumlah_predikat.values()]
    d += [angka(n) for n in hitung]
    struktur = {lap.tahun, lap.tahun_lalu or lap.tahun, 53, 2014, "100%"} | set(range(1, max(halaman, tabel,
                                                                len(lap.indikator)) + 1))
    d += [str(x) for x in struktur]
    return {t for x in d for t in _token(str(x))}


def test_setiap_angka_pdf_dari_data(lkj):
    lap, docx, pdf, teks = lkj
    import docx as pydocx
    n_tabel = len(pydocx.Document(str(docx)).tables)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    halaman = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    boleh = _diizinkan(lap, halaman, n_tabel)
    asing = sorted({t for t in _token(teks) if t not in boleh})
    assert asing == []
    rapat = _rapat(teks)
    # digits and words are the same number, everywhere they appear together
    pasangan = re.findall(r"(?<![\w.,])(\d[\d.]*) \(([a-z ]+)\)", rapat)
    assert len(pasangan) > 50
    for digit, kata in pasangan:
        assert terbilang(int(digit.replace(".", "")), None, "kecil") == kata, (digit, kata)
    rp = re.findall(r"Rp ([\d.]+),- \(([a-z ]+)\)", rapat)
    assert len(rp) > 40
    for digit, kata in rp:
        assert terbilang(int(digit.replace(".", "")), huruf="kecil") == kata
    # the key figures of the Ikhtisar, from the data
    assert ("menetapkan 43 (empat puluh tiga) sasaran dengan 62 (enam puluh dua) indikator "
            "kinerja") in rapat
    assert (f"{len(lap.tidak_tercapai)} ({terbilang(len(lap.tidak_tercapai), None, 'kecil')}) "
            f"indikator tidak tercapai") in rapat
    assert "Pagu anggaran tahun 2024 sebesar Rp 5.327.499.000,- (lima miliar tiga ratus dua " \
           "puluh tujuh juta empat ratus sembilan puluh sembilan ribu rupiah)" in rapat
    assert f"penyerapan anggaran {persen(lap.serapan)}" in rapat


def test_persen_anggaran_tidak_disebut_capaian(lkj):
    lap, _, _, teks = lkj
    rapat = _rapat(teks)
    kinerja = {persen(i.capaian) for i in lap.indikator} | {persen(s.capaian) for s in lap.sasaran}
    for a in lap.anggaran:
        if persen(a.persen) in kinerja:
            continue
        assert f"capaian {persen(a.persen)}" not in rapat
        assert f"capaian kinerja {persen(a.persen)}" not in rapat
    assert f"capaian {persen(lap.serapan)}" not in rapat


@pytest.mark.parametrize("teks, opsi", [
    ("95,60%", {"kanan": True}), ("Indikator", {"tebal": True, "tengah": True}), ("", {}),
    (" spasi di tepi ", {}), ("Tercapai", {"tebal": True}), ("baris\nkedua\tdan tab", {})])
def test_sel_tabel_sama_dengan_setter_python_docx(teks, opsi):
    """The table cell writer (direct XML for one-line text) writes what python-docx's own
    setters write, element for element."""
    import docx as pydocx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from xl_kinerja.lkj.word import _Penulis
    t = pydocx.Document().add_table(rows=1, cols=2)
    _Penulis._sel(t.cell(0, 0), teks, **opsi)
    p = t.cell(0, 1).paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    if opsi.get("tengah"):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif opsi.get("kanan"):
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = p.add_run(teks)
    run.font.size = Pt(9)
    run.bold = opsi.get("tebal") or None
    assert t.cell(0, 0).paragraphs[0]._p.xml == p._p.xml


def test_cli_lkj_pdf_dan_bab_iv(tmp_path, capsys):
    """`xl-kinerja lkj BUKU --keluaran LKj.docx --pdf`: both files; BAB IV lists exactly the
    indicators not reached (code, target, realisasi, capaian as the data says) and the
    Lampiran repeats the PK table."""
    import docx as pydocx

    from xl_kinerja.cli import main
    keluar = tmp_path / "LKj-2024.docx"
    assert main(["lkj", str(KUBU_RAYA), "--keluaran", str(keluar), "--pdf"]) == 0
    out = capsys.readouterr().out
    assert f"PDF ditulis ke {keluar.with_suffix('.pdf')}" in out
    assert keluar.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    lap = laporan_kinerja(KUBU_RAYA)
    doc = pydocx.Document(str(keluar))
    bab4, lampiran = doc.tables[-2], doc.tables[-1]
    assert [[c.text for c in r.cells] for r in bab4.rows[1:]] == [
        [str(n), i.kode, i.indikator, K.target(i), K.realisasi(i), persen(i.capaian)]
        for n, i in enumerate(lap.tidak_tercapai, 1)]
    assert len(lap.tidak_tercapai) == 37
    assert [[c.text for c in r.cells] for r in lampiran.rows] == \
        [[c.text for c in r.cells] for r in doc.tables[1].rows]  # the PK of BAB II
    assert main(["lkj", str(KUBU_RAYA), "--keluaran", str(keluar)]) == 2  # no --timpa
    assert "sudah ada" in capsys.readouterr().err
