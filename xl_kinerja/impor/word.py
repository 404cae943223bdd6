"""Tables straight from a Word document (.docx): every table of the document, in order, as
rows of cells on the table's grid, with the table's position in the document.

Word tables are not text copied from a PDF: a cell can span several grid columns (gridSpan)
or continue the cell above it (vMerge), and a table broken across pages is often two Word
tables, the second with its header row repeated or without one. This module turns that into
what the column reader (kolom.py) already reads: one `Baris` per table row, the text of a
merged cell in its first grid column and blank in the columns and rows it covers (as a copied
table gives it), and a table continued after a page break joined to the table it continues.

Used by impor (one table or every table of a document) and by the LKj checker, which needs
the tables of a hand-written LKj with their position ("tabel ke-3, setelah paragraf 'BAB III
...'").
"""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..berkas import BATAS_BACA_DOCX, MB, periksa_masukan, periksa_zip
from ..errors import KesalahanBerkas
from .baca import Baris, baris_bersih, bersihkan_sel
from .judul import _judul
from .sel import pendek


@dataclass
class TabelWord:
    """One table of the document (Word tables continued across a page joined)."""
    nomor: int                    # 1-based among the document's tables (after joining)
    baris: list[Baris]            # rows 1..n; Baris.sheet is the table's name ("tabel ke-3")
    sebelum: str = ""             # the last non-empty paragraph before the table
    konteks: list[str] = field(default_factory=list)  # paragraphs since the previous table
    asal: list[int] = field(default_factory=list)     # 1-based Word table indices joined here
    lebar: int = 0                # grid columns

    @property
    def nama(self) -> str:
        return f"tabel ke-{self.nomor}"

    @property
    def posisi(self) -> str:
        """Where the table stands, as a reader finds it: "tabel ke-3, setelah paragraf
        'BAB III AKUNTABILITAS KINERJA'" (with the Word tables joined, when several)."""
        teks = self.nama
        if len(self.asal) > 1:
            teks += f" (tabel Word {self.asal[0]}-{self.asal[-1]} disambung: terpotong halaman)"
        if self.sebelum:
            teks += f", setelah paragraf {pendek(self.sebelum)!r}"
        else:
            teks += ", di awal dokumen"
        return teks


def _teks_sel(tc) -> str:
    """A cell's text: its paragraphs, list items (numbered/bulleted) marked with •."""
    bagian = []
    for p in tc.iter(qn("w:p")):
        teks = _teks_paragraf(p)
        if not teks.strip():
            continue
        ppr = p.find(qn("w:pPr"))
        butir = ppr is not None and ppr.find(qn("w:numPr")) is not None
        bagian.append(("• " if butir else "") + teks.strip())
    return " ".join(bagian)  # cleaned by baca.baris_bersih, with a warning where it changes


def _teks_paragraf(p) -> str:
    out = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        out.append(el.text or "" if el.tag == qn("w:t") else " ")
    return "".join(out)


def _baris_tabel(tbl, mulai: int, nama: str) -> list[Baris]:
    """The rows of one Word table on its grid: a cell spanning columns (gridSpan) keeps its
    text in the first column, a vertically merged continuation cell (vMerge) is blank."""
    hasil = []
    for tr in tbl.iter(qn("w:tr")):
        if tr.getparent() is not tbl:  # rows of a nested table belong to their cell
            continue
        sel: list[str] = []
        trpr = tr.find(qn("w:trPr"))
        lewat = 0
        if trpr is not None and (gb := trpr.find(qn("w:gridBefore"))) is not None:
            lewat = int(gb.get(qn("w:val")) or 0)
        sel.extend([""] * lewat)
        for tc in tr.findall(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            rentang, lanjut = 1, False
            if tcpr is not None:
                if (gs := tcpr.find(qn("w:gridSpan"))) is not None:
                    rentang = max(1, int(gs.get(qn("w:val")) or 1))
                if (vm := tcpr.find(qn("w:vMerge"))) is not None:
                    lanjut = (vm.get(qn("w:val")) or "continue") == "continue"
            sel.append("" if lanjut else _teks_sel(tc))
            sel.extend([""] * (rentang - 1))
        # as every other reader: control characters and over-long texts are cleaned with
        # a warning naming the column, never silently
        hasil.append(baris_bersih(mulai + len(hasil), sel, nama))
    return hasil


def _sama_judul(a: Baris, b: Baris) -> bool:
    return [s.lower() for s in a.sel if s] == [s.lower() for s in b.sel if s]


def baca_tabel_word(path: str | os.PathLike) -> list[TabelWord]:
    """Every table of a .docx, in document order, with its position. A table that directly
    follows another one (no text between them) with the same number of columns and either
    the same header row or no header row is the same table continued across a page: its
    rows are appended (a repeated header stays a row, which the column reader skips as
    "judul tabel berulang"). Raises KesalahanBerkas for a file python-docx cannot open."""
    path = Path(path)
    st = periksa_masukan(path, "dokumen Word")  # regular file (never /dev/zero), readable
    if st.st_size > BATAS_BACA_DOCX:
        raise KesalahanBerkas(f"dokumen Word terlalu besar ({st.st_size // MB} MB; batas "
                              f"{BATAS_BACA_DOCX // MB} MB)", berkas=path)
    periksa_zip(path, "dokumen Word")
    try:
        doc = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            SyntaxError):  # lxml's XMLSyntaxError is a SyntaxError
        raise KesalahanBerkas("berkas .docx rusak atau bukan dokumen Word (simpan ulang di "
                              "Word sebagai .docx)", berkas=path) from None
    tabel: list[TabelWord] = []
    konteks: list[str] = []
    sebelum = ""
    nomor_word = 0
    judul_terakhir: Baris | None = None
    for blok in doc.iter_inner_content():
        if isinstance(blok, Paragraph):
            teks = bersihkan_sel(blok.text)
            if teks:
                konteks.append(teks)
                sebelum = teks
            continue
        assert isinstance(blok, Table)
        nomor_word += 1
        tbl = blok._tbl
        akhir = tabel[-1] if tabel else None
        lebar = len(tbl.tblGrid.findall(qn("w:gridCol"))) if tbl.tblGrid is not None else 0
        if akhir is not None and not konteks and lebar == akhir.lebar:
            baru = _baris_tabel(tbl, len(akhir.baris) + 1, akhir.nama)
            pertama = next((b for b in baru if not b.kosong), None)
            if pertama is not None and (_judul(pertama) is None or
                                        (judul_terakhir is not None and
                                         _sama_judul(pertama, judul_terakhir))):
                akhir.baris.extend(baru)
                akhir.asal.append(nomor_word)
                continue
        t = TabelWord(len(tabel) + 1, [], sebelum, konteks, [nomor_word], lebar)
        t.baris = _baris_tabel(tbl, 1, t.nama)
        judul_terakhir = next((b for b in t.baris if _judul(b)), None)
        tabel.append(t)
        konteks = []
    return tabel
