"""The LKj as a Word document (python-docx), chapters per PermenPANRB 53/2014.

Cover, Kata Pengantar, Ikhtisar Eksekutif, BAB I-IV, Lampiran. Headings use Word's Heading
styles (the office can insert a table of contents); every table repeats its header row on
each page (w:tblHeader) and no row breaks across a page (w:cantSplit); the footer carries a
PAGE field. Placeholders the office completes are highlighted. Paper: A4 portrait, or F4
when the workbook prints on F4.
"""
from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..berkas import tulis_atomik
from . import kalimat as K
from .model import LaporanKinerja
from .teks import angka, hitungan, persen, poin, rupiah_kata
from .teks import nilai as nilai_teks

KERTAS_MM = {"A4": (210, 297), "F4": (215, 330)}
HURUF = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
_ISIAN = re.compile(r"(\[Diisi satker: [^\]]*\])")

# table titles of BAB III.A, one per analysis with numbers (the test looks for each)
JUDUL_TABEL = {
    1: "Target, Realisasi dan Capaian Tahun {tahun}",
    2: "Perbandingan Realisasi dan Capaian dengan Tahun Sebelumnya",
    3: "Realisasi terhadap Target Akhir Periode IKU",
    4: "Realisasi terhadap Standar Nasional / Realisasi KPU RI",
    6: "Efisiensi Penggunaan Sumber Daya",
}


_KHUSUS = re.compile(r"[\t\n\r\x00-\x1f]")  # text python-docx turns into w:tab/w:br/...
_W_P, _W_PPR, _W_SPASI, _W_JC, _W_R, _W_RPR, _W_B, _W_SZ, _W_T = (qn(f"w:{n}") for n in (
    "p", "pPr", "spacing", "jc", "r", "rPr", "b", "sz", "t"))
_W_AFTER, _W_LINE, _W_RULE, _W_VAL = (qn(f"w:{n}") for n in ("after", "line", "lineRule", "val"))
_XML_SPACE = qn("xml:space")


def _sel_cepat(tc, teks: str, tebal: bool, rata: str | None) -> None:
    """What `_Penulis._sel` writes with python-docx's setters, for one-line text."""
    p = tc.find(_W_P)
    ppr = p.makeelement(_W_PPR)
    spasi = ppr.makeelement(_W_SPASI)
    spasi.set(_W_AFTER, "0")
    spasi.set(_W_LINE, "240")
    spasi.set(_W_RULE, "auto")
    ppr.append(spasi)
    if rata:
        jc = ppr.makeelement(_W_JC)
        jc.set(_W_VAL, rata)
        ppr.append(jc)
    p.insert(0, ppr)
    r = p.makeelement(_W_R)
    rpr = r.makeelement(_W_RPR)
    if tebal:
        rpr.append(rpr.makeelement(_W_B))
    sz = rpr.makeelement(_W_SZ)
    sz.set(_W_VAL, "18")
    rpr.append(sz)
    r.append(rpr)
    if teks:  # an empty run has no w:t, as add_run("") writes it
        t = r.makeelement(_W_T)
        t.text = teks
        if teks != teks.strip():
            t.set(_XML_SPACE, "preserve")
        r.append(t)
    p.append(r)


class _Penulis:
    def __init__(self, lap: LaporanKinerja):
        self.lap = lap
        self.doc = Document()
        self.nomor_tabel = 0
        self._gaya_id: dict[str, str] = {}
        self._akhir = self.doc.element.body.find(qn("w:sectPr"))  # the body's last child
        self._halaman()
        self._lebar_blok = self.doc._block_width  # the page is set once, in _halaman
        self._gaya()

    # ---- page, styles, footer
    def _halaman(self):
        lebar, tinggi = KERTAS_MM.get(self.lap.kertas, KERTAS_MM["A4"])
        s = self.doc.sections[0]
        s.page_width, s.page_height = Mm(lebar), Mm(tinggi)
        s.left_margin, s.right_margin = Cm(3), Cm(2.5)
        s.top_margin, s.bottom_margin = Cm(2.5), Cm(2.5)
        p = s.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._bidang(p, "PAGE")

    @staticmethod
    def _bidang(p, kode: str):
        """A Word field (PAGE) as begin/instr/separate/end runs, as Word writes it."""
        for jenis, isi in (("begin", None), (None, kode), ("separate", None), (None, "1"),
                           ("end", None)):
            run = p.add_run()
            if jenis:
                fc = OxmlElement("w:fldChar")
                fc.set(qn("w:fldCharType"), jenis)
                run._r.append(fc)
            elif isi == kode:
                it = OxmlElement("w:instrText")
                it.set(qn("xml:space"), "preserve")
                it.text = f" {kode} "
                run._r.append(it)
            else:
                run.text = isi

    def _gaya(self):
        st = self.doc.styles
        normal = st["Normal"]
        normal.font.name, normal.font.size = HURUF, Pt(11)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), HURUF)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        for nama, ukuran in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
            g = st[nama]
            g.font.name, g.font.size, g.font.bold = HURUF, Pt(ukuran), True
            g.font.color.rgb = RGBColor(0, 0, 0)
            rpr = g.element.get_or_add_rPr()
            rf = rpr.find(qn("w:rFonts"))
            if rf is None:
                rf = OxmlElement("w:rFonts")
                rpr.append(rf)
            for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                rf.set(qn(a), HURUF)
            for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rf.attrib.pop(qn(a), None)
            g.paragraph_format.space_before = Pt(12)
            g.paragraph_format.space_after = Pt(6)
        st["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    # ---- building blocks
    def _id_gaya(self, nama: str) -> str:
        """A style's id, looked up once (python-docx searches the styles part on every
        `style =`)."""
        if nama not in self._gaya_id:
            self._gaya_id[nama] = self.doc.styles[nama].style_id
        return self._gaya_id[nama]

    def _p(self, teks: str | None = None, gaya: str | None = None) -> Paragraph:
        """`doc.add_paragraph(teks, gaya)`, inserted right before the body's sectPr held
        once: python-docx looks for it among all body children on every call (quadratic in
        the length of a 1.500-indicator LKj)."""
        if self._akhir is None:
            return self.doc.add_paragraph(teks, gaya)
        el = OxmlElement("w:p")
        self._akhir.addprevious(el)
        p = Paragraph(el, self.doc._body)
        if teks:
            p.add_run(teks)
        if gaya is not None:
            el.style = self._id_gaya(gaya)
        return p

    def judul(self, teks: str, tingkat: int = 1, halaman_baru: bool = False):
        if halaman_baru:
            self._p().add_run().add_break(WD_BREAK.PAGE)
        return self._p(teks, f"Heading {tingkat}")

    def para(self, teks: str, rata=WD_ALIGN_PARAGRAPH.JUSTIFY, tebal=False, ukuran=None):
        p = self._p()
        p.alignment = rata
        for bagian in _ISIAN.split(teks):
            if not bagian:
                continue
            run = p.add_run(bagian)
            run.bold = tebal or None
            if ukuran:
                run.font.size = Pt(ukuran)
            if _ISIAN.fullmatch(bagian):
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                run.italic = True
        return p

    def tabel(self, judul: str, kepala: list[str], baris: list[list[str]], lebar: list[float],
              kanan: set[int] = frozenset(), tebal_baris: set[int] = frozenset()):
        """A numbered table: caption, header row repeated on every page, grid borders."""
        self.nomor_tabel += 1
        cap = self._p(gaya="Caption")
        cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = cap.add_run(f"Tabel {self.nomor_tabel}. {judul}")
        r.bold, r.italic = True, False
        r.font.color.rgb = RGBColor(0, 0, 0)
        r.font.size = Pt(10)
        cap.paragraph_format.keep_with_next = True
        if self._akhir is None:
            t = self.doc.add_table(rows=1 + len(baris), cols=len(kepala))
        else:  # as `_p`: python-docx would search the body for its sectPr per table
            tbl = CT_Tbl.new_tbl(1 + len(baris), len(kepala), self._lebar_blok)
            self._akhir.addprevious(tbl)
            t = Table(tbl, self.doc._body)
        t._tbl.tblStyle_val = self._id_gaya("Table Grid")  # no style search per table
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        # rows and cells taken once per row: table.cell(i, j) re-reads the whole grid
        # on every call (quadratic in the rows of a 1.500-indicator PK table)
        baris_tabel = list(t.rows)
        sel = [r.cells for r in baris_tabel]
        for j, teks in enumerate(kepala):
            self._sel(sel[0][j], teks, tebal=True, tengah=True)
            self._arsir(sel[0][j])
        trpr = baris_tabel[0]._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        trpr.append(el)
        for i, isi in enumerate(baris, 1):
            for j, teks in enumerate(isi):
                self._sel(sel[i][j], teks, kanan=j in kanan, tebal=(i - 1) in tebal_baris)
        for b in baris_tabel:  # a row is never split across pages (its text stays together)
            b._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for j, w in enumerate(lebar):  # LibreOffice reads the grid, Word the cells
            t.columns[j].width = Cm(w)
            for cells in sel:
                cells[j].width = Cm(w)
        self._p()
        return t

    @staticmethod
    def _sel(sel, teks, tebal=False, tengah=False, kanan=False):
        """The cell's text, 9 pt, no space after. Plain one-line text is built as the XML
        python-docx writes for it, element by element: its property setters search the
        children on every call, most of the document's time in tables of 1.500 rows."""
        teks = str(teks)
        if not _KHUSUS.search(teks):
            _sel_cepat(sel._tc, teks, tebal, "center" if tengah else "right" if kanan else None)
            return
        p = sel.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        if tengah:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kanan:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(str(teks))
        run.font.size = Pt(9)
        run.bold = tebal or None

    @staticmethod
    def _arsir(sel):
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), "D9D9D9")
        sel._tc.get_or_add_tcPr().append(shd)

    # ---- chapters
    def sampul(self):
        lap = self.lap
        for _ in range(6):
            self._p()
        self.para("LAPORAN KINERJA", WD_ALIGN_PARAGRAPH.CENTER, True, 24)
        self.para("(LKj)", WD_ALIGN_PARAGRAPH.CENTER, True, 16)
        self.para(f"TAHUN {lap.tahun}", WD_ALIGN_PARAGRAPH.CENTER, True, 16)
        for _ in range(8):
            self._p()
        self.para(lap.satker.upper(), WD_ALIGN_PARAGRAPH.CENTER, True, 14)
        self.para(K.isian("alamat kantor"), WD_ALIGN_PARAGRAPH.CENTER)

    def kata_pengantar(self):
        lap = self.lap
        self.judul("KATA PENGANTAR", 1, halaman_baru=True)
        self.para(f"Laporan Kinerja {lap.satker} Tahun {lap.tahun} disusun sebagai wujud "
                  f"pertanggungjawaban atas pelaksanaan tugas dan fungsi serta pencapaian "
                  f"sasaran yang ditetapkan dalam Perjanjian Kinerja Tahun {lap.tahun}, sesuai "
                  f"Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
                  f"Nomor 53 Tahun 2014.")
        self.para(K.isian("ucapan terima kasih dan harapan satker"))
        self.para(K.isian("tempat, tanggal"), WD_ALIGN_PARAGRAPH.RIGHT)
        self.para(K.isian("jabatan penandatangan"), WD_ALIGN_PARAGRAPH.RIGHT)
        self._p()
        self.para(K.isian("nama penandatangan"), WD_ALIGN_PARAGRAPH.RIGHT)

    def ikhtisar(self):
        lap = self.lap
        self.judul("IKHTISAR EKSEKUTIF", 1, halaman_baru=True)
        for p in K.ikhtisar(lap):
            self.para(p)
        self.para(f"Jumlah indikator per predikat capaian kinerja tahun {lap.tahun}:")
        self.tabel(f"Jumlah Indikator per Predikat Tahun {lap.tahun}",
                   ["No", "Predikat", "Jumlah Indikator"],
                   [[str(n), p, angka(j)] for n, (p, j) in
                    enumerate(lap.jumlah_predikat.items(), 1)], [1.2, 8, 4], kanan={2})

    def bab_1(self):
        lap = self.lap
        self.judul("BAB I PENDAHULUAN", 1, halaman_baru=True)
        self.judul("A. Latar Belakang", 2)
        self.para(f"Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) mewajibkan setiap "
                  f"instansi menyusun Laporan Kinerja sebagai pertanggungjawaban atas kinerja "
                  f"satu tahun anggaran. Laporan ini menyajikan capaian kinerja {lap.satker} "
                  f"Tahun {lap.tahun} terhadap Perjanjian Kinerja yang telah ditetapkan.")
        self.para(K.isian("latar belakang satker"))
        self.judul("B. Tugas, Fungsi dan Struktur Organisasi", 2)
        self.para(K.isian("tugas dan fungsi, struktur organisasi, dan sumber daya manusia"))
        self.judul("C. Sistematika Penyajian", 2)
        self.para("Laporan ini disusun dengan sistematika: Ikhtisar Eksekutif; BAB I "
                  "Pendahuluan; BAB II Perencanaan Kinerja; BAB III Akuntabilitas Kinerja "
                  "(capaian kinerja organisasi dan realisasi anggaran); BAB IV Penutup; "
                  "dan Lampiran.")

    def _tabel_pk(self, judul):
        baris = []
        n = 0
        for s in self.lap.sasaran:
            for k, i in enumerate(s.indikator):
                n += 1
                baris.append([str(n), s.sasaran if k == 0 else "", i.indikator, K.target(i)])
        self.tabel(judul, ["No", "Sasaran", "Indikator Kinerja", "Target"], baris,
                   [1, 5.5, 6.5, 2.5])

    def bab_2(self):
        lap = self.lap
        self.judul("BAB II PERENCANAAN KINERJA", 1, halaman_baru=True)
        self.judul("A. Rencana Strategis", 2)
        self.para(K.isian("visi, misi, tujuan dan sasaran strategis periode Renstra/IKU"))
        self.judul(f"B. Perjanjian Kinerja Tahun {lap.tahun}", 2)
        self.para(f"Perjanjian Kinerja Tahun {lap.tahun} memuat "
                  f"{hitungan(len(lap.sasaran), 'sasaran')} dan "
                  f"{hitungan(len(lap.indikator), 'indikator')} sebagai berikut:")
        self._tabel_pk(f"Perjanjian Kinerja Tahun {lap.tahun}")
        program = [a for a in lap.anggaran if a.tingkat == "program"]
        if program:
            self.para(f"Program dan anggaran yang mendukung pencapaian sasaran tersebut "
                      f"terdiri dari {hitungan(len(program), 'program')} sebagai berikut:")
            baris = [[str(n), a.kode, a.uraian, _uang(a.pagu)]
                     for n, a in enumerate(program, 1)]
            baris.append(["", "", "JUMLAH", _uang(lap.pagu)])
            self.tabel(f"Program dan Anggaran Tahun {lap.tahun}",
                       ["No", "Kode", "Program", "Anggaran (Rp)"], baris, [1, 2.6, 8, 4],
                       kanan={3}, tebal_baris={len(baris) - 1})
            if lap.pagu is not None:
                self.para(f"Jumlah anggaran: {rupiah_kata(lap.pagu)}.")

    def bab_3(self):
        lap = self.lap
        self.judul("BAB III AKUNTABILITAS KINERJA", 1, halaman_baru=True)
        self.judul("A. Capaian Kinerja Organisasi", 2)
        self.para(f"Capaian kinerja dihitung dengan membandingkan realisasi dengan target "
                  f"tahunan; indikator dinyatakan tercapai bila capaiannya sekurang-kurangnya "
                  f"100%. Predikat capaian memakai skala {', '.join(lap.skala)} dari lembar "
                  f"Referensi buku kerja.")
        for p in K.ikhtisar(lap)[:2]:
            self.para(p)
        for s in lap.sasaran:
            self._sasaran(s)
        self.judul("B. Realisasi Anggaran", 2)
        self.para(K.anggaran(lap))
        lalu = lap.tahun_lalu is not None and any(a.pagu_lalu is not None for a in lap.anggaran)
        kepala = ["Kode", "Uraian", "Pagu (Rp)", "Realisasi (Rp)", "Penyerapan"]
        lebar = [2.2, 6.2, 3.3, 3.3, 2]
        if lalu:
            kepala += [f"Penyerapan {lap.tahun_lalu}"]
            lebar = [2, 5, 3, 3, 1.8, 1.8]
        baris, tebal = [], set()
        for a in lap.anggaran:
            b = [a.kode, a.uraian, _uang(a.pagu),
                 _uang(a.realisasi), persen(a.persen)]
            if lalu:
                b.append(persen(a.persen_lalu))
            if a.tingkat in ("program", "jumlah"):
                tebal.add(len(baris))
            baris.append(b)
        self.tabel(f"Realisasi Anggaran per Program dan Kegiatan Tahun {lap.tahun}", kepala,
                   baris, lebar, kanan={2, 3, 4, 5}, tebal_baris=tebal)

    def _sasaran(self, s):
        lap = self.lap
        self.judul(f"Sasaran {s.kode}: {s.sasaran}", 3)
        n = len(s.indikator)
        teks = f"Sasaran ini diukur dengan {hitungan(n, 'indikator')}"
        if s.capaian is not None:
            teks += f"; capaian kinerja sasaran {persen(s.capaian)} {K.dengan_predikat(s.predikat)}"
        self.para(teks + ".")
        self.para("1. Target dan realisasi tahun ini", tebal=True, rata=WD_ALIGN_PARAGRAPH.LEFT)
        self.tabel(JUDUL_TABEL[1].format(tahun=lap.tahun) + f" (Sasaran {s.kode})",
                   ["Indikator", "Polaritas", "Target", "Realisasi", "Capaian", "Predikat",
                    "Keterangan"],
                   [[i.indikator, i.polaritas, K.target(i), K.realisasi(i), persen(i.capaian),
                     i.predikat or "-", i.status or "-"] for i in s.indikator],
                   [4.8, 1.9, 2, 2, 1.8, 2.1, 2.2], kanan={2, 3, 4})
        for i in s.indikator:
            self.para(K.analisis_1(i))
        self.para("2. Perbandingan dengan tahun-tahun sebelumnya", tebal=True,
                  rata=WD_ALIGN_PARAGRAPH.LEFT)
        tahun = sorted({r.tahun for i in s.indikator for r in i.riwayat})
        if tahun:
            kepala = ["Indikator"] + [f"Realisasi {t}" for t in tahun] + \
                [f"Realisasi {lap.tahun}", "Tren"]
            baris = []
            for i in s.indikator:
                per = {r.tahun: r for r in i.riwayat}
                baris.append([i.indikator] + [K.realisasi(i, per[t].realisasi) if t in per
                                              else "-" for t in tahun] +
                             [K.realisasi(i), i.tren or "-"])
            lebar = [6] + [2.4] * (len(tahun) + 1) + [2]
            self.tabel(JUDUL_TABEL[2] + f" (Sasaran {s.kode})", kepala, baris, lebar,
                       kanan=set(range(1, len(tahun) + 2)))
        if tahun:
            for i in s.indikator:
                self.para(K.analisis_2(i, lap.tahun))
        else:
            self.para(K.tanpa_riwayat(s))
        self.para("3. Realisasi terhadap target akhir periode IKU", tebal=True,
                  rata=WD_ALIGN_PARAGRAPH.LEFT)
        akhir = next((i.tahun_akhir for i in s.indikator if i.tahun_akhir), None)
        if akhir:
            self.tabel(JUDUL_TABEL[3] + f" (Sasaran {s.kode})",
                       ["Indikator", f"Realisasi {lap.tahun}", f"Target Akhir Periode {akhir}",
                        "Persentase Tercapai"],
                       [[i.indikator, K.realisasi(i), i.target_akhir or "-",
                         persen(i.capaian_akhir)] for i in s.indikator],
                       [7, 2.8, 3.2, 3], kanan={1, 2, 3})
        for i in s.indikator:
            self.para(K.analisis_3(i, lap.tahun))
        self.para("4. Perbandingan dengan standar nasional", tebal=True,
                  rata=WD_ALIGN_PARAGRAPH.LEFT)
        if any(i.nasional is not None for i in s.indikator):
            self.tabel(JUDUL_TABEL[4] + f" (Sasaran {s.kode})",
                       ["Indikator", f"Realisasi {lap.tahun}", "Angka Nasional",
                        "Perbandingan"],
                       [[i.indikator, K.realisasi(i),
                         nilai_teks(i.nasional, i.jenis, i.satuan),
                         persen(i.capaian_nasional)] for i in s.indikator],
                       [7, 2.8, 3.2, 3], kanan={1, 2, 3})
        if any(i.nasional is not None for i in s.indikator):
            for i in s.indikator:
                self.para(K.analisis_4(i))
        else:
            self.para(K.tanpa_nasional(s))
        self.para("5. Penyebab keberhasilan/kegagalan dan solusi", tebal=True,
                  rata=WD_ALIGN_PARAGRAPH.LEFT)
        for p in K.analisis_5(s):
            self.para(p)
        self.para("6. Efisiensi penggunaan sumber daya", tebal=True,
                  rata=WD_ALIGN_PARAGRAPH.LEFT)
        if s.kode_anggaran:
            ukuran = "Selisih" if lap.aturan_efisiensi == "selisih" else "Rasio"
            nilai = "-" if s.nilai_efisiensi is None else (
                poin(s.nilai_efisiensi) if lap.aturan_efisiensi == "selisih"
                else angka(round(s.nilai_efisiensi, 2)))
            self.tabel(JUDUL_TABEL[6] + f" (Sasaran {s.kode})",
                       ["Kode", "Capaian Kinerja Sasaran", "Pagu (Rp)",
                        "Realisasi (Rp)", "Penyerapan (%)", ukuran, "Keterangan"],
                       [[", ".join(s.kode_anggaran), persen(s.capaian), _uang(s.pagu),
                         _uang(s.realisasi_anggaran), persen(s.serapan), nilai,
                         s.efisiensi or "-"]],
                       [2.2, 2, 3.1, 3.1, 2.2, 1.9, 2.2], kanan={1, 2, 3, 4, 5})
        self.para(K.analisis_6(s, lap.aturan_efisiensi))
        self.para("7. Program/kegiatan yang menunjang atau menghambat", tebal=True,
                  rata=WD_ALIGN_PARAGRAPH.LEFT)
        for p in K.analisis_7(s):
            self.para(p)

    def bab_4(self):
        lap = self.lap
        self.judul("BAB IV PENUTUP", 1, halaman_baru=True)
        self.para(f"Laporan Kinerja {lap.satker} Tahun {lap.tahun} ini menggambarkan capaian "
                  f"kinerja atas sasaran dalam Perjanjian Kinerja. Hasil pengukuran menjadi "
                  f"bahan evaluasi dan perbaikan perencanaan serta pelaksanaan program dan "
                  f"kegiatan pada tahun berikutnya.")
        for p in K.ikhtisar(lap)[:1]:
            self.para(p)
        self.para(K.tidak_tercapai(lap))
        if lap.tidak_tercapai:
            self.tabel(f"Indikator yang Tidak Tercapai Tahun {lap.tahun}",
                       ["No", "Kode", "Indikator", "Target", "Realisasi", "Capaian"],
                       [[str(n), i.kode, i.indikator, K.target(i), K.realisasi(i),
                         persen(i.capaian)] for n, i in enumerate(lap.tidak_tercapai, 1)],
                       [1, 1.4, 7.4, 2.2, 2.2, 2], kanan={3, 4, 5})
        self.para(K.isian("langkah perbaikan untuk tahun berikutnya"))

    def lampiran(self):
        lap = self.lap
        self.judul("LAMPIRAN", 1, halaman_baru=True)
        self.judul(f"Perjanjian Kinerja Tahun {lap.tahun}", 2)
        self._tabel_pk(f"Lampiran Perjanjian Kinerja Tahun {lap.tahun}")
        self.para(K.isian("pindaian Perjanjian Kinerja yang telah ditandatangani"))

    def tulis(self):
        self.sampul()
        self.kata_pengantar()
        self.ikhtisar()
        self.bab_1()
        self.bab_2()
        self.bab_3()
        self.bab_4()
        self.lampiran()
        return self.doc


def _uang(v) -> str:
    """An amount in a "(Rp)" column: digits only, as budget tables print it."""
    return "-" if v is None else angka(round(v, 2))


def dokumen(lap: LaporanKinerja):
    """The python-docx Document of the LKj."""
    return _Penulis(lap).tulis()


def tulis_docx(lap: LaporanKinerja, tujuan, timpa: bool = False) -> Path:
    """Write the LKj .docx atomically (an existing file needs `timpa`)."""
    doc = dokumen(lap)
    return tulis_atomik(tujuan, lambda p: doc.save(str(p)), timpa=timpa)


__all__ = ["dokumen", "tulis_docx", "JUDUL_TABEL"]
