"""Workbook structure: sheets, defined names, locks, protection, validations, print, text."""
from __future__ import annotations

import openpyxl
import pytest
from conftest import TAHUN

from xl_kinerja import nama as N
from xl_kinerja.generator import LEMBAR, buat_buku_kerja
from xl_kinerja.terbilang import terbilang as core_terbilang


@pytest.fixture(scope="module")
def wb():
    return buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh")


def _tujuan(wb, nama):
    (lembar, ref), = wb.defined_names[nama].destinations
    return lembar, ref.replace("$", "")


def _semua_nama_kontrak():
    hasil = []
    for k, v in vars(N).items():
        if k.isupper() and not k.startswith("_") and \
                k not in ("VERSI_FORMAT", "TRIWULAN", "ROMAWI", "REF_DAFTAR_PERINGKAT"):
            hasil += list(v) if isinstance(v, tuple) else [v]
    return hasil


def test_lembar_berurutan(wb):
    assert wb.sheetnames == ["IKU", "RKT", "PK KPU", "PK Sekretariat", "Rencana Aksi",
                             "Pengukuran", "Anggaran", "LKj", "Referensi"]
    assert tuple(wb.sheetnames) == LEMBAR


def test_setiap_nama_kontrak_terdefinisi(wb):
    hilang = [n for n in _semua_nama_kontrak() if n not in wb.defined_names]
    assert hilang == []
    for kel in ("sakip", "opini_bpk", "ikpa"):
        assert f"{N.REF_DAFTAR_PERINGKAT}_{kel}" in wb.defined_names


def _judul_kolom(ws, ref):
    """Header texts above a one-column range: (group header row 4, sub header row 5)."""
    c = openpyxl.utils.cell.coordinate_from_string(ref.split(":")[0])[0]
    col = openpyxl.utils.column_index_from_string(c)
    grup = None
    for cc in range(col, 0, -1):  # merged group header: value sits in the first column
        if ws.cell(4, cc).value is not None:
            grup = ws.cell(4, cc).value
            break
    return grup, ws.cell(5, col).value


@pytest.mark.parametrize("nama,grup,sub", [
    (N.UKUR_KODE_SASARAN, "Kode Sasaran", None), (N.UKUR_SASARAN, "Sasaran", None),
    (N.UKUR_KODE_INDIKATOR, "Kode Indikator", None),
    (N.UKUR_INDIKATOR, "Indikator Kinerja", None), (N.UKUR_SATUAN, "Satuan", None),
    (N.UKUR_JENIS_TARGET, "Jenis Target", None), (N.UKUR_POLARITAS, "Polaritas", None),
    (N.UKUR_PENANGGUNG_JAWAB, "Penanggung Jawab", None),
    (N.UKUR_TARGET_TAHUNAN, "Target Tahunan", None),
    (N.UKUR_TARGET_ATAS, "Batas Atas (rentang)", None),
    *[(N.UKUR_TARGET_TW[q], f"Triwulan {r}", "Target") for q, r in enumerate(["I", "II", "III", "IV"])],
    *[(N.UKUR_REALISASI_TW[q], f"Triwulan {r}", "Realisasi") for q, r in enumerate(["I", "II", "III", "IV"])],
    *[(N.UKUR_CAPAIAN_TW[q], f"Triwulan {r}", "Capaian") for q, r in enumerate(["I", "II", "III", "IV"])],
    *[(N.UKUR_PREDIKAT_TW[q], f"Triwulan {r}", "Predikat") for q, r in enumerate(["I", "II", "III", "IV"])],
    (N.UKUR_REALISASI_TAHUNAN, "Tahunan", "Realisasi Terakhir"),
    (N.UKUR_CAPAIAN_TAHUNAN, "Tahunan", "Capaian"),
    (N.UKUR_PREDIKAT_TAHUNAN, "Tahunan", "Predikat"),
    (N.ANGG_KODE, "Kode", None), (N.ANGG_URAIAN, "Uraian", None),
    (N.ANGG_TINGKAT, "Tingkat", None), (N.ANGG_PAGU, "Pagu (Rp)", None),
    *[(N.ANGG_REALISASI_TW[q], f"Triwulan {r} (kumulatif)", "Realisasi (Rp)")
      for q, r in enumerate(["I", "II", "III", "IV"])],
    *[(N.ANGG_PERSEN_TW[q], f"Triwulan {r} (kumulatif)", "%")
      for q, r in enumerate(["I", "II", "III", "IV"])],
    *[(N.ANGG_SISA_TW[q], f"Triwulan {r} (kumulatif)", "Sisa (Rp)")
      for q, r in enumerate(["I", "II", "III", "IV"])],
])
def test_nama_kolom_menunjuk_kolom_yang_benar(wb, nama, grup, sub):
    lembar, ref = _tujuan(wb, nama)
    ws = wb[lembar]
    g, s = _judul_kolom(ws, ref)
    assert g == grup
    if sub:
        assert s == sub
    awal, akhir = ref.split(":")
    assert awal[-1] == "6" and awal.rstrip("0123456789") == akhir.rstrip("0123456789")
    n = int(akhir.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 5
    assert n == (21 if lembar == "Pengukuran" else 23)  # 21 indicators; 22 rows + JUMLAH


def test_nama_baris_data_sejajar(wb):
    kode = [c[0].value for c in wb[_tujuan(wb, N.UKUR_KODE_INDIKATOR)[0]][
        _tujuan(wb, N.UKUR_KODE_INDIKATOR)[1]]]
    assert kode[:3] == ["K1.1", "K2.1", "K2.2"] and kode[-1] == "S5.2"
    lembar, ref = _tujuan(wb, N.ANGG_TINGKAT)
    tingkat = [c[0].value for c in wb[lembar][ref]]
    assert tingkat[0] == "program" and tingkat[-1] == "jumlah"


def test_nama_referensi(wb):
    ws = wb["Referensi"]
    assert ws[_tujuan(wb, N.INFO_FORMAT)[1]].value == N.VERSI_FORMAT
    assert ws[_tujuan(wb, N.INFO_SATKER)[1]].value == "KPU Kabupaten Contoh"
    assert ws[_tujuan(wb, N.INFO_TAHUN)[1]].value == TAHUN
    batas = [c[0].value for c in ws[_tujuan(wb, N.REF_SKALA_BATAS)[1]]]
    label = [c[0].value for c in ws[_tujuan(wb, N.REF_SKALA_PREDIKAT)[1]]]
    assert batas == [0, 50, 70, 90]
    assert label == ["Tidak Berhasil", "Kurang Berhasil", "Cukup Berhasil", "Berhasil"]
    assert ws[_tujuan(wb, N.REF_SKALA_INKLUSIF)[1]].value is False
    assert ws[_tujuan(wb, N.REF_BATAS_CAPAIAN)[1]].value is None
    assert [c[0].value for c in ws[_tujuan(wb, N.REF_TARGET_SERAPAN)[1]]] == [
        0.20, 0.50, 0.75, 0.95]
    per = {r[0].value: r[1].value for r in ws[_tujuan(wb, N.REF_PERINGKAT)[1]]}
    assert per["AA"] == 7 and per["D"] == 1 and per["WTP"] == 4 and per["TMP"] == 1


def _rumus(c):
    return isinstance(c.value, str) and c.value.startswith("=") and c.data_type == "f"


def test_rumus_terkunci_isian_terbuka(wb):
    for judul in ("Pengukuran", "Anggaran", "RKT", "PK KPU", "PK Sekretariat", "Rencana Aksi",
                  "Referensi"):
        ws = wb[judul]
        n_rumus = 0
        for row in ws.iter_rows():
            for c in row:
                if _rumus(c):
                    n_rumus += 1
                    assert c.protection.locked, (judul, c.coordinate)
                    assert c.fill.fgColor.rgb != "00FFF2CC", (judul, c.coordinate)
                elif not c.protection.locked:
                    # printed documents carry no input fill: RKT and PK have no input
                    # (signatories come from Referensi), Rencana Aksi's inputs are white
                    assert judul == "Rencana Aksi" or c.fill.fgColor.rgb == "00FFF2CC", (
                        judul, c.coordinate)
                    assert judul not in ("RKT", "PK KPU", "PK Sekretariat"), (
                        judul, c.coordinate)
                    if judul == "Rencana Aksi":
                        assert c.fill.fill_type is None, c.coordinate
        assert n_rumus > 0, judul
    ws = wb["Pengukuran"]
    for nama in N.UKUR_REALISASI_TW + N.UKUR_TARGET_TW + (N.UKUR_TARGET_TAHUNAN,):
        lembar, ref = _tujuan(wb, nama)
        assert all(not r[0].protection.locked for r in ws[ref]), nama
    for nama in N.UKUR_CAPAIAN_TW + N.UKUR_PREDIKAT_TW + (N.UKUR_CAPAIAN_TAHUNAN,):
        assert all(r[0].protection.locked and _rumus(r[0]) for r in ws[_tujuan(wb, nama)[1]])


def test_proteksi_tanpa_sandi_dan_dengan_sandi(wb):
    for judul in ("Pengukuran", "Anggaran", "PK KPU", "Referensi"):
        p = wb[judul].protection
        assert p.sheet and not p.sort and not p.autoFilter
        assert not p.formatColumns and not p.formatRows
        assert not p.password
    assert not wb["IKU"].protection.sheet  # decree text, no formulas
    wb2 = buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh", sandi="rahasia")
    assert wb2["Pengukuran"].protection.password  # stored hashed


def _validasi(ws):
    return [(dv.type, dv.formula1, str(dv.sqref), dv.error) for dv in ws.data_validations.dataValidation]


def test_validasi_pada_rentang_yang_benar(wb):
    ws = wb["Pengukuran"]
    dv = _validasi(ws)
    daftar = {f: sq for t, f, sq, _ in dv if t == "list"}
    assert daftar["Ref_DaftarSatuan"] == "D6:D26"
    assert daftar["Ref_DaftarJenisTarget"] == "AA6:AA26"
    assert daftar["Ref_DaftarPolaritas"] == "AB6:AB26"
    assert daftar["Ref_DaftarPenanggungJawab"] == "AD6:AD26"
    # K5.1 (row 12) is a SAKIP grade, K5.2 (row 13) an Opini BPK
    assert "G12" in daftar["Ref_DaftarPeringkat_sakip"].split()
    assert "G13" in daftar["Ref_DaftarPeringkat_opini_bpk"].split()
    desimal = {(dv.formula1, dv.formula2): (dv.sqref, dv.error)
               for dv in ws.data_validations.dataValidation if dv.type == "decimal"}
    assert set(desimal) == {("0", None), ("0", "10")}
    sq_angka, err = desimal[("0", None)]
    sq_persen, err_persen = desimal[("0", "10")]
    assert "angka" in err and "negatif" in err
    # a percent typed without % (98 -> 9.800%) is refused, with the way to type it
    assert "1000%" in err_persen and "98%" in err_persen
    jenis = [c.value for (c,) in ws["AA6:AA26"]]
    for r, j in enumerate(jenis, 6):
        for sel in (f"E{r}", f"F{r}", f"G{r}", f"R{r}", f"S{r}"):  # targets, realisasi
            if j in ("persen", "rentang"):
                assert sel in sq_persen and sel not in sq_angka, sel
            elif j != "ordinal":
                assert sel in sq_angka and sel not in sq_persen, sel
    assert "G12" not in sq_angka and "G12" not in sq_persen  # K5.1: a SAKIP grade
    dv_a = _validasi(wb["Anggaran"])
    sq = next(sq for t, _, sq, _ in dv_a if t == "decimal").split()
    assert "D8" in sq and "E8" in sq and "D6" not in sq  # leaf rows only; D6 is a subtotal
    dv_r = _validasi(wb["Rencana Aksi"])
    assert ("list", "Ref_DaftarTanda", "F6:U26") in [(a, b, c) for a, b, c, _ in dv_r]
    assert ("list", "Ref_DaftarPelaksana", "V6:V26") in [(a, b, c) for a, b, c, _ in dv_r]


def test_cetak_beku_dan_format(wb):
    for judul in wb.sheetnames:
        ps = wb[judul].page_setup
        assert ps.orientation == "landscape" and ps.paperSize == 9
        assert "&P" in wb[judul].oddFooter.center.text
    ws = wb["Pengukuran"]
    assert ws.freeze_panes == "D6"
    assert ws.print_title_rows == "$4:$5"
    # two column pages at a fixed scale (manual column break, No..Target repeated)
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale == 81
    assert ws.print_title_cols == "$A:$E" and [b.id for b in ws.col_breaks.brk] == [13]
    assert ws["H6"].number_format == "[$-421]0.00%"
    assert len(ws.conditional_formatting) >= 5
    assert wb["PK KPU"].page_setup.scale <= 100 and wb["PK KPU"].row_breaks.brk
    f4 = buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh", kertas="F4")
    assert f4["PK KPU"].page_setup.paperSize == 14


def test_pk_isi_dan_terbilang(wb, buku_uji):
    ws = wb["PK KPU"]
    teks = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "PERJANJIAN KINERJA TAHUN 2027" in teks
    assert "Pihak Pertama," in teks and "Pihak Kedua," in teks
    terbilang = next(t for t in teks if "Terbilang" in t)  # a live formula (test_generator_rumus)
    assert terbilang.startswith('=IF(OR(') and "PROPER(" in terbilang
    # signatories are Referensi inputs shown by formula (recalculated by LibreOffice)
    h = openpyxl.load_workbook(buku_uji[1]["kosong"], data_only=True)
    for judul, ada in (("PK KPU", ["Contoh, 2 Januari 2027",
                                   ": Ketua Komisi Pemilihan Umum Kabupaten Contoh",
                                   "Ketua Komisi Pemilihan Umum Kabupaten Contoh",
                                   "Ketua Komisi Pemilihan Umum Provinsi"]),
                       ("PK Sekretariat", ["Sekretaris Komisi Pemilihan Umum Kabupaten Contoh"]),
                       ("RKT", ["Contoh, 2 Januari 2027"])):
        teks = [c.value for row in h[judul].iter_rows() for c in row if isinstance(c.value, str)]
        for t in ada:
            assert t in teks, (judul, t)
    ref = {nama: h[lembar][sel.replace("$", "")].value for nama in (
        N.TTD_TEMPAT, N.TTD_TANGGAL, N.TTD_NAMA_KETUA, N.TTD_JABATAN_ATASAN)
        for lembar, sel in h.defined_names[nama].destinations}
    assert ref == {N.TTD_TEMPAT: "Contoh", N.TTD_TANGGAL: "2 Januari 2027",
                   N.TTD_NAMA_KETUA: None,
                   N.TTD_JABATAN_ATASAN: "Ketua Komisi Pemilihan Umum Provinsi"}


TABEL_PROGRAM = [("RKT", N.RKT_JUMLAH_ANGGARAN, N.RKT_TERBILANG),
                 ("PK KPU", N.PK_JUMLAH_ANGGARAN_KPU, N.PK_TERBILANG_KPU),
                 ("PK Sekretariat", N.PK_JUMLAH_ANGGARAN_SEKRETARIAT,
                  N.PK_TERBILANG_SEKRETARIAT)]


@pytest.mark.parametrize("judul,jumlah,terbilang", TABEL_PROGRAM)
def test_terbilang_dan_jumlah_bernama(wb, judul, jumlah, terbilang):
    lembar, ref_j = _tujuan(wb, jumlah)
    lembar_t, ref_t = _tujuan(wb, terbilang)
    assert lembar == lembar_t == judul
    ws = wb[judul]
    assert ws[ref_j].value.startswith("=SUM(") and ws.cell(ws[ref_j].row, 2).value == "JUMLAH"
    f = ws[ref_t].value
    assert ws[ref_t].row == ws[ref_j].row + 1
    assert f.startswith(f'=IF(OR({ref_j}="",{ref_j}=0),"Terbilang: (isi pagu')


def test_terbilang_bernama_dihitung_libreoffice(buku_uji):
    """The named terbilang cells, recalculated, spell the named JUMLAH (core terbilang),
    also after a pagu is edited."""
    _, hasil = buku_uji
    for berkas in ("kosong", "pagu_diubah"):
        h = openpyxl.load_workbook(hasil[berkas], data_only=True)
        for judul, jumlah, terbilang in TABEL_PROGRAM:
            nilai = h[judul][_tujuan(h, jumlah)[1]].value
            assert isinstance(nilai, (int, float)) and nilai > 0, (berkas, judul)
            assert h[judul][_tujuan(h, terbilang)[1]].value == \
                "Terbilang: " + core_terbilang(int(nilai)), (berkas, judul)


def test_teks_awalan_rumus_tetap_teks(buku_uji):
    asli, hasil = buku_uji
    w = openpyxl.load_workbook(asli["injeksi"])
    nilai = {}
    for ws in w:
        for row in ws.iter_rows():
            for c in row:
                if c.value in ('=HYPERLINK("http://contoh.invalid","klik")', "+1+1", "-2-2",
                               "@SUM(A1)", "=1+2"):
                    assert c.data_type == "s", (ws.title, c.coordinate)
                    nilai.setdefault(c.value, []).append((ws.title, c.coordinate))
    assert set(nilai) == {'=HYPERLINK("http://contoh.invalid","klik")', "+1+1", "-2-2",
                          "@SUM(A1)", "=1+2"}
    h = openpyxl.load_workbook(hasil["injeksi"], data_only=True)
    for teks, tempat in nilai.items():
        for lembar, sel in tempat:
            assert h[lembar][sel].value == teks, (lembar, sel)


FUNGSI_EXCEL_2010 = {"IF", "OR", "AND", "MAX", "VLOOKUP", "INDEX", "SUMPRODUCT", "ROUND",
                     "SUM", "SUMIF", "COUNT", "COUNTIF", "AVERAGE", "ISNUMBER", "MATCH", "ROWS",
                     # terbilang (all present since Excel 2007, LibreOffice and WPS)
                     "TEXT", "MID", "CHOOSE", "INT", "TRIM", "PROPER",
                     # LKj sheet: budget codes listed in one cell ("076.01.WA, CQ.6709")
                     "SEARCH", "SUBSTITUTE"}


def _semua_rumus(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if _rumus(c):
                    yield ws.title, c, c.value
    for ws in wb.worksheets:
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                for f in rule.formula:
                    yield ws.title, None, f


def test_hanya_fungsi_excel_2010_tanpa_volatil(wb):
    import re

    dipakai = set()
    for _, _, f in _semua_rumus(wb):
        tanpa_teks = re.sub(r'"[^"]*"', '""', f)
        dipakai |= set(re.findall(r"([A-Z][A-Z0-9.]*)\(", tanpa_teks))
    assert dipakai <= FUNGSI_EXCEL_2010, dipakai - FUNGSI_EXCEL_2010
    assert {"IF", "VLOOKUP", "SUMPRODUCT", "INDEX", "ROUND"} <= dipakai


def test_rumus_baris_hanya_membaca_barisnya(wb):
    """O(1) per row: a Pengukuran/Anggaran row formula reads its own row (plus the small
    Referensi tables through names); only subtotals read their child rows."""
    import re

    ws = wb["Pengukuran"]
    (_, ref), = wb.defined_names[N.UKUR_CAPAIAN_TAHUNAN].destinations
    akhir = int(ref.split(":")[1].lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    for row in ws.iter_rows(min_row=6, max_row=akhir):
        for c in row:
            if _rumus(c):
                tanpa_teks = re.sub(r'"[^"]*"', '""', c.value)
                baris = {int(b) for b in re.findall(r"\$?[A-Z]{1,3}\$?(\d+)", tanpa_teks)}
                assert baris == {c.row}, (c.coordinate, c.value)
    ws = wb["Anggaran"]
    (_, ref), = wb.defined_names[N.ANGG_TINGKAT].destinations
    akhir = int(ref.split(":")[1].lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    n_sub = 0
    for row in ws.iter_rows(min_row=6, max_row=akhir):
        for c in row:
            if _rumus(c):
                baris = {int(b) for b in re.findall(r"\$?[A-Z]{1,3}\$?(\d+)", c.value)}
                if "SUM(" in c.value:  # subtotal: its child rows, below it (JUMLAH: above)
                    n_sub += 1
                    assert row[2].value in ("program", "kegiatan", "jumlah")
                else:
                    assert baris == {c.row}, (c.coordinate, c.value)
    assert n_sub == (2 + 7 + 1) * 5  # programs, kegiatan, JUMLAH x (pagu + 4 realisasi)
