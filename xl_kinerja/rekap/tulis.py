"""Writers: one layout, two backends (openpyxl file, xlwings live book); the file operation."""
from __future__ import annotations

import collections
import re
import zipfile
from pathlib import Path

from ..aturan import pecahan
from ..berkas import periksa_keluaran, tulis_atomik
from ..errors import KesalahanBerkas, KesalahanInput
from ..ooxml.lembar import AWALAN_RUMUS
from ..ooxml.paket import Paket
from ..ooxml.rujukan import rujukan_baris, rujukan_lembar
from ..ooxml.skema import NS_MAIN
from .baca import baca_nilai
from .cetak import (
    MARGIN,
    TINGGI_BARIS,
    Susun,
    skala,
    tinggi_halaman,
)
from .mesin import Rekap, hitung_rekap, romawi, teks_temuan
from .paket import (
    _BATAS_NAMA,
    PENANDA_REKAP,
    _tanda_tata_letak,
    jenis_buku,
    tulis_paket,
)

# `[$-421]` (Indonesian): 46,00% and 4.524.582.000 in LibreOffice/WPS whatever the
# computer's locale, as on the generated sheets (generator.gaya)
F_PERSEN = "[$-421]0.00%"
F_RUPIAH = "[$-421]#,##0"
F_ANGKA = "[$-421]General"  # 3,5 and 2.498 (counts, scores)
KERTAS_BAWAAN = 9  # A4, when the workbook's own paper cannot be read
BARIS_GRAFIK = 15  # rows of 15 pt under a 7,5 cm chart


def nama_lembar(tw: int) -> str:
    return f"Rekap TW {tw}"


def tempat_temuan(t: dict) -> str:
    """Where a finding is, in words: "lembar Anggaran, baris 27"."""
    return f"lembar {t['sheet']}, baris {t['baris']}" if t["baris"] else f"lembar {t['sheet']}"


def kertas_buku(path) -> int:
    """The paper (Excel paperSize code) most sheets of the workbook print on."""
    hitung: collections.Counter = collections.Counter()
    try:
        with zipfile.ZipFile(path) as z:
            for n in z.namelist():
                if n.startswith("xl/worksheets/") and n.endswith(".xml"):
                    m = re.search(rb'<(?:\w+:)?pageSetup\b[^>]*\bpaperSize="(\d+)"',
                                  z.read(n))
                    if m:
                        hitung[int(m.group(1))] += 1
    except (OSError, zipfile.BadZipFile):
        return KERTAS_BAWAAN
    return hitung.most_common(1)[0][0] if hitung else KERTAS_BAWAAN


# Columns: A Kode, B Indikator/Sasaran/Uraian, C Satuan/Capaian/Tingkat, D Target/Pagu,
# E Realisasi, F Capaian/Persentase, G Predikat/Target Serapan, H Kendala/Sisa,
# I Solusi / Tindak Lanjut, J Bukti Dukung
LEBAR = (12, 40, 12, 15, 15, 11, 14, 24, 24, 18)


def _tata_letak(rk: Rekap, w, kertas: int = KERTAS_BAWAAN) -> None:
    """The single layout. `w` offers tulis(r, c, v, fmt=None, tebal=False, lipat=False),
    lebar(c, x), tinggi(r, points), gabung(r, c1, c2), putus(r) (page break after row r),
    grafik(jenis, judul, kategori, seri, posisi, lewati) where kategori/seri are (r1, c, r2)
    ranges and `lewati` rows inside them to leave out, and cetak(kertas, kaki, skala).

    Printed landscape on the workbook's paper at the scale that fits the columns on its
    width; the pages are laid out here (`cetak.Susun`): every table that continues on the
    next page repeats its header row there, texts wrap with row heights computed from
    them, each finding is one wrapped row naming its place in words; the charts close the
    sheet on a page of their own."""
    persen = skala(LEBAR, kertas)
    w.cetak(kertas, f"{nama_lembar(rk.triwulan)} {rk.tahun}", persen, MARGIN)
    for c, x in enumerate(LEBAR, start=1):
        w.lebar(c, x)
    s = Susun(w, tinggi_halaman(kertas, persen), LEBAR)
    R = romawi(rk.triwulan)
    s.baris([(1, rk.judul, None)], tebal=True, lipat=False)
    s.baris([(1, f"{rk.satker} - Tahun {rk.tahun}", None)], lipat=False)
    s.baris([(1, "Sumber:", None), (2, rk.berkas, None)], lipat=False)
    s.baris([(1, "Dibuat:", None), (2, rk.dibuat, None)], lipat=False)
    s.kosong()
    isi = []
    for ind in rk.indikator:
        fmt = F_PERSEN if pecahan(ind["jenis"]) else F_ANGKA
        isi.append([(1, ind["kode"], None), (2, ind["indikator"], None),
                    (3, ind["satuan"], None), (4, ind["target"], fmt),
                    (5, ind["realisasi"], fmt), (6, ind["capaian"], F_PERSEN),
                    (7, ind["predikat"], None), (8, ind["kendala"], None),
                    (9, ind["solusi"], None), (10, ind["bukti_dukung"], None)])
    s.tabel(f"Capaian Kinerja per Indikator TW {R}",
            ["Kode", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Predikat",
             "Kendala", "Solusi / Tindak Lanjut", "Bukti Dukung"], isi)
    s.kosong()
    isi = [[(1, x["kode"], None), (2, x["sasaran"], None), (3, x["capaian"], F_PERSEN),
            (4, x["predikat"], None)] for x in rk.sasaran]
    isi.append([(2, "Capaian Satker", None), (3, rk.capaian_satker, F_PERSEN)])
    h_sas, s1, s2 = s.tabel("Capaian per Sasaran", ["Kode", "Sasaran", "Capaian", "Predikat"],
                            isi)
    s2 -= 1  # the Capaian Satker row is not a bar of the chart
    s.kosong()
    s.tabel("Jumlah Indikator per Predikat", ["Predikat", "Jumlah"],
            [[(2, p, None), (3, n, None)] for p, n in rk.jumlah_predikat.items()],
            kolom_kepala=2)
    s.kosong()
    isi = [[(1, a["kode"], None), (2, a["uraian"], None), (3, a["tingkat"], None),
            (4, a["pagu"], F_RUPIAH), (5, a["realisasi"], F_RUPIAH), (6, a["persen"], F_PERSEN),
            (7, a["target_serapan"], F_PERSEN), (8, a["sisa"], F_RUPIAH)] for a in rk.anggaran]
    h_ang, a1, a2 = s.tabel(f"Realisasi Anggaran TW {R}",
                            ["Kode", "Uraian", "Tingkat", "Pagu", "Realisasi", "Persentase",
                             "Target Serapan", "Sisa"], isi)
    s.kosong()
    s.baris([(1, "Temuan", None)], tebal=True, lipat=False, jaga=TINGGI_BARIS)
    if not rk.temuan:
        s.baris([(1, "Tidak ada temuan.", None)], lipat=False)
    for t in rk.temuan:  # one wrapped row per finding, across the table's width
        s.baris([(1, f"{tempat_temuan(t)}: {teks_temuan(t)}", None)], gabung=len(LEBAR))
    if rk.sasaran or rk.anggaran:
        s.halaman_baru()
        r = s.baris([(1, "Grafik", None)], tebal=True, lipat=False)
        if rk.sasaran:
            w.grafik("batang", "Capaian per Sasaran", (s1, 1, s2), (h_sas, 3, s2),
                     f"A{r + 1}", s.ulang)
        if rk.anggaran:
            w.grafik("batang2", "Serapan Anggaran terhadap Target", (a1, 1, a2),
                     [(h_ang, 6, a2), (h_ang, 7, a2)], f"F{r + 1}", s.ulang)
        for _ in range(BARIS_GRAFIK):  # the rows under the charts (part of the print)
            s.kosong()
        s.baris([(1, "Grafik dari tabel Capaian per Sasaran dan Realisasi Anggaran di atas.",
                  None)], lipat=False)


class _PenulisOpenpyxl:
    def __init__(self, ws):
        self.ws = ws

    def tulis(self, r, c, v, fmt=None, tebal=False, lipat=False):
        # lazy: openpyxl (and numpy with it) stays off the CLI path
        from openpyxl.styles import Alignment, Font
        sel = self.ws.cell(r, c)
        sel.value = v
        if isinstance(v, str):
            sel.data_type = "s"
        if fmt:
            sel.number_format = fmt
        if tebal:
            sel.font = Font(bold=True)
        if lipat:
            sel.alignment = Alignment(vertical="top", wrap_text=True)
        if isinstance(v, str) and v[:1] in AWALAN_RUMUS:
            sel.quotePrefix = True  # after the other styles: F2+Enter keeps it text

    def lebar(self, c, x):
        # lazy: openpyxl (and numpy with it) stays off the CLI path
        from openpyxl.utils import get_column_letter
        self.ws.column_dimensions[get_column_letter(c)].width = x

    def tinggi(self, r, h):
        self.ws.row_dimensions[r].height = h

    def gabung(self, r, c1, c2):
        self.ws.merge_cells(start_row=r, start_column=c1, end_row=r, end_column=c2)

    def putus(self, r):
        # lazy: openpyxl (and numpy with it) stays off the CLI path
        from openpyxl.worksheet.pagebreak import Break
        self.ws.row_breaks.append(Break(id=r))

    def cetak(self, kertas=KERTAS_BAWAAN, kaki="", persen=100, margin=MARGIN):
        ps = self.ws.page_setup
        ps.paperSize, ps.orientation, ps.scale = kertas, "landscape", persen
        ps.firstPageNumber, ps.useFirstPageNumber = 1, True
        self.ws.sheet_properties.pageSetUpPr.fitToPage = False
        m = self.ws.page_margins
        m.left = m.right = margin[0]
        m.top, m.bottom, m.header, m.footer = margin[1], margin[2], margin[3], margin[3]
        self.ws.print_options.horizontalCentered = True
        self.ws.oddFooter.left.text, self.ws.oddFooter.left.size = kaki, 8
        self.ws.oddFooter.center.text, self.ws.oddFooter.center.size = "Halaman &P", 8

    def grafik(self, jenis, judul, kategori, seri, posisi, lewati=()):
        # the package writer's references: header rows repeated on a new page (`lewati`)
        # are left out of the categories and values (ooxml.rujukan.rujukan_baris)
        # lazy: openpyxl (and numpy with it) stays off the CLI path
        from openpyxl.chart import BarChart
        from openpyxl.chart.data_source import AxDataSource, NumDataSource, NumRef, StrRef
        from openpyxl.chart.series import Series, SeriesLabel
        lewati, nama = frozenset(lewati), self.ws.title
        ch = BarChart()
        ch.type = "col"
        ch.title = judul
        ch.y_axis.number_format = "0%"
        ch.height, ch.width = 7.5, 16
        kat = rujukan_baris(nama, kategori[0], kategori[1], kategori[2], lewati)
        for i, (h, c, r2) in enumerate(seri if isinstance(seri, list) else [seri]):
            s = Series(idx=i, order=i)
            s.tx = SeriesLabel(strRef=StrRef(rujukan_baris(nama, h, c, h)))
            s.cat = AxDataSource(strRef=StrRef(kat))
            s.val = NumDataSource(numRef=NumRef(rujukan_baris(nama, h + 1, c, r2, lewati)))
            ch.series.append(s)
        self.ws.add_chart(ch, posisi)


def _pilih_lembar(nama: str, cari, milik_kita):
    """(name, existing sheet or None): `nama`, or when a user's own sheet has it (any
    case), the first free or own `nama (2)`, `nama (3)`, ... (as the package writer)."""
    for k in range(1, _BATAS_NAMA + 1):
        calon = nama if k == 1 else f"{nama} ({k})"
        ada = cari(calon)
        if ada is None or milik_kita(ada):
            return calon, ada
    raise KesalahanBerkas(f"lembar '{nama}' sampai '{nama} ({_BATAS_NAMA})' semuanya lembar "
                          "pengguna; ganti nama salah satunya lalu ulangi")


def tulis_rekap_openpyxl(wb, rk: Rekap):
    """Write sheet "Rekap TW N" in an openpyxl workbook, replacing only a sheet the rekap
    wrote (its hidden mark or layout); other sheets untouched."""
    # lazy: openpyxl (and numpy with it) stays off the CLI path
    from openpyxl.workbook.defined_name import DefinedName

    def cari(calon):
        return next((ws for ws in wb.worksheets if ws.title.lower() == calon.lower()), None)

    def milik_kita(ws):
        return PENANDA_REKAP in ws.defined_names or _tanda_tata_letak(
            ws["A1"].value, ws["A3"].value, ws["A4"].value)
    nama, lama = _pilih_lembar(nama_lembar(rk.triwulan), cari, milik_kita)
    if lama is not None:
        nama = lama.title
        idx = wb.sheetnames.index(nama)
        wb.remove(lama)
        ws = wb.create_sheet(nama, idx)
    else:
        ws = wb.create_sheet(nama)
    ws.defined_names[PENANDA_REKAP] = DefinedName(
        PENANDA_REKAP, attr_text=f"{rujukan_lembar(nama)}!$A$1", hidden=True)
    kertas = collections.Counter(w.page_setup.paperSize for w in wb.worksheets
                                 if w is not ws and w.page_setup.paperSize)
    _tata_letak(rk, _PenulisOpenpyxl(ws),
                int(kertas.most_common(1)[0][0]) if kertas else KERTAS_BAWAAN)
    return ws


class _PenulisXlwings:
    def __init__(self, sht):
        self.sht = sht

    def tulis(self, r, c, v, fmt=None, tebal=False, lipat=False):
        sel = self.sht.range((r, c))
        if isinstance(v, str) and v[:1] in AWALAN_RUMUS:
            sel.number_format = "@"
        sel.value = v
        if fmt:
            sel.number_format = fmt
        if tebal:
            sel.font.bold = True
        if lipat:
            try:  # Excel COM (Windows)
                sel.api.WrapText, sel.api.VerticalAlignment = True, -4160  # xlTop
            except Exception:  # noqa: BLE001 - layout is a convenience, not data
                pass

    def lebar(self, c, x):
        self.sht.range((1, c)).column_width = x

    def tinggi(self, r, h):
        self.sht.range((r, 1)).row_height = h

    def gabung(self, r, c1, c2):
        try:
            self.sht.range((r, c1), (r, c2)).merge()
        except Exception:  # noqa: BLE001 - layout is a convenience, not data
            pass

    def putus(self, r):
        try:  # Excel COM: a manual break above row r + 1
            self.sht.api.HPageBreaks.Add(self.sht.range((r + 1, 1)).api)
        except Exception:  # noqa: BLE001 - layout is a convenience, not data
            pass

    def cetak(self, kertas=KERTAS_BAWAAN, kaki="", persen=100, margin=MARGIN):
        try:  # Excel COM (Windows); other backends keep their default page setup
            ps = self.sht.api.PageSetup
            ps.PaperSize, ps.Orientation = kertas, 2  # xlPaper* (same codes), xlLandscape
            ps.Zoom = persen
            # the margins the page layout (rekap/cetak.py) computed with, in points
            ps.LeftMargin = ps.RightMargin = 72 * margin[0]
            ps.TopMargin, ps.BottomMargin = 72 * margin[1], 72 * margin[2]
            ps.HeaderMargin = ps.FooterMargin = 72 * margin[3]
            ps.CenterHorizontally = True
            ps.FirstPageNumber = 1
            ps.LeftFooter, ps.CenterFooter = f"&8{kaki}", "&8Halaman &P"
        except Exception:  # noqa: BLE001 - printing layout is a convenience, not data
            pass

    def grafik(self, jenis, judul, kategori, seri, posisi, lewati=()):
        daftar = seri if isinstance(seri, list) else [seri]
        anchor = self.sht.range(posisi)
        ch = self.sht.charts.add(left=anchor.left, top=anchor.top, width=450, height=210)
        ch.chart_type = "column_clustered"
        lewati, nama = frozenset(lewati), self.sht.name
        kat = "=" + rujukan_baris(nama, kategori[0], kategori[1], kategori[2], lewati)
        try:  # Excel COM: one series per value column, categories from the code column,
            # the repeated header rows left out as in the package writer (a union reference)
            api = ch.api[1]
            for h, c, r2 in daftar:
                ser = api.SeriesCollection().NewSeries()
                ser.Name = self.sht.range((h, c)).value
                ser.Values = "=" + rujukan_baris(nama, h + 1, c, r2, lewati)
                ser.XValues = kat
            api.HasTitle = True
            api.ChartTitle.Text = judul
        except Exception:  # other backends: the first series with its header row
            s = daftar[0]
            ch.set_source_data(self.sht.range((s[0], s[1]), (s[2], s[1])))


def tulis_rekap_xlwings(book, rk: Rekap):
    """The same layout into a live workbook through xlwings (used by the add-in); a sheet
    of that name is replaced only when it holds the rekap layout."""
    def cari(calon):
        return next((s for s in book.sheets if s.name.lower() == calon.lower()), None)

    def milik_kita(sht):
        return _tanda_tata_letak(*(sht.range(a).value for a in ("A1", "A3", "A4")))
    nama, sht = _pilih_lembar(nama_lembar(rk.triwulan), cari, milik_kita)
    if sht is not None:
        sht.clear()
        for ch in list(sht.charts):
            ch.delete()
    else:
        sht = book.sheets.add(nama, after=book.sheets[len(book.sheets) - 1])
    try:  # Excel COM: the paper of the first sheet
        kertas = int(book.sheets[0].api.PageSetup.PaperSize)
    except Exception:  # noqa: BLE001 - other backends: the default paper
        kertas = KERTAS_BAWAAN
    _tata_letak(rk, _PenulisXlwings(sht), kertas)
    return sht


# ---------------------------------------------------------------- file operation
_TANDA_TANGAN = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature"


def bagian_tak_terjaga(path) -> list[str]:
    """Why the rekap must not be written INTO this file (reason texts, Indonesian).

    The package writer (`paket.tulis_paket`) copies every part it does not edit byte for
    byte, so VBA, shapes, pivot tables, slicers, embedded objects, external links, custom
    XML etc. are all kept. What is left cannot be helped by any writer:
    - a digital signature covers the workbook part; adding a sheet makes it invalid;
    - a workbook whose structure is protected (sheets locked) is not meant to get a new
      sheet; adding one behind the user's back would bypass that protection.
    """
    alasan = []
    pk, sendiri = Paket.atau_buka(path)
    try:
        nama = list(pk.info)
        if any(n.lower().startswith("_xmlsignatures/") for n in nama) or \
                any(j.startswith(_TANDA_TANGAN) for _, j, _, _ in pk.rels("")):
            alasan.append("tanda tangan digital (akan menjadi tidak sah bila lembar ditambah)")
        bk = pk.bagian_buku()
        _, akar = pk.xml(bk)
        lindung = akar.find(f"{{{NS_MAIN}}}workbookProtection")
        if lindung is not None and lindung.get("lockStructure", "0").lower() in ("1", "true"):
            alasan.append("struktur buku kerja dilindungi (lembar baru tidak boleh "
                          "ditambahkan; buka proteksinya dulu)")
    finally:
        if sendiri:
            pk.close()
    return alasan


def rekap_berkas(path, triwulan: int, keluaran=None, cadangan: bool = True,
                 batas_atas=None, dasar: str = "sasaran", tulis: bool = True,
                 timpa: bool = False) -> Rekap:
    """Compute the rekap of `path` and (when `tulis`) write sheet "Rekap TW N".

    In place unless `keluaran` is given; the original is kept as FILE.bak unless
    `cadangan=False`. Never damages the original: every failure leaves it byte-identical,
    and a write changes only the rekap sheet's own parts plus the entries that register
    them (see `paket`); every other part of the package is copied byte for byte.
    An existing `keluaran` other than `path` is replaced only with `timpa=True`.
    """
    if isinstance(triwulan, bool) or triwulan not in (1, 2, 3, 4):
        raise KesalahanInput(f"triwulan harus 1, 2, 3, atau 4 (bukan {triwulan})", triwulan)
    path = Path(path)
    with Paket(path) as pk:  # opened once: read, checked and copied from one descriptor
        return _rekap_paket(pk, path, triwulan, keluaran, cadangan, batas_atas, dasar, tulis,
                            timpa)


def _rekap_paket(pk: Paket, path: Path, triwulan, keluaran, cadangan, batas_atas, dasar,
                 tulis, timpa) -> Rekap:
    data = baca_nilai(pk)
    data.berkas = path.name
    rk = hitung_rekap(data, triwulan, batas_atas=batas_atas, dasar=dasar)
    if not tulis:
        return rk
    tujuan = Path(keluaran) if keluaran else path
    alasan = bagian_tak_terjaga(pk)
    di_tempat = tujuan.resolve() == path.resolve()
    # overwrite, lock file, read-only, hard link, output = input: one set of checks
    periksa_keluaran(tujuan, masukan=[path], timpa=timpa, di_tempat=di_tempat)
    if di_tempat:
        if alasan:
            raise KesalahanBerkas(
                "rekap tidak ditulis ke berkas ini karena " + "; ".join(alasan)
                + ". Gunakan --keluaran BERKAS_BARU untuk menulis salinan", berkas=path)
    else:
        if alasan:
            rk.catatan.append("berkas keluaran memuat lembar rekap walaupun berkas asli "
                              "berisi: " + "; ".join(alasan) + f"; berkas asli {path.name} "
                              "tidak diubah")
    jenis = jenis_buku(pk)
    if tujuan.resolve() != path.resolve() and tujuan.suffix.lower() != f".{jenis}":
        raise KesalahanBerkas(
            f"berkas keluaran harus berakhiran .{jenis}"
            + (" karena buku kerja ini bermakro (Excel menolak membuka buku bermakro "
               "berakhiran .xlsx)" if jenis == "xlsm" else ""), berkas=tujuan)
    kertas = kertas_buku(path)

    def tulis_ke(tmp):
        hasil = tulis_paket(pk, tmp, nama_lembar(rk.triwulan),
                            lambda p: _tata_letak(rk, p, kertas), rk.dibuat)
        rk.catatan.extend(hasil.catatan)
        rk.lembar_ditulis = hasil.lembar
        if di_tempat and pk.berubah():  # e.g. a second rekap finished first: keep its work
            raise KesalahanBerkas(
                "berkas diubah oleh program lain selama rekap berjalan (mungkin rekap lain "
                "yang berjalan bersamaan); berkas tidak ditimpa oleh rekap ini, jalankan "
                "ulang perintahnya", berkas=path)
    # the .bak (atomic) is made by tulis_atomik once the new file is complete
    tulis_atomik(tujuan, tulis_ke, timpa=timpa, masukan=[path], di_tempat=di_tempat,
                 cadangan=cadangan)
    return rk
