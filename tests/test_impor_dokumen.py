"""Files offices have: a Word document with several tables (made with python-docx here), an
.ods made by LibreOffice, an .xls; each imported and checked in one command."""
from __future__ import annotations

import json

import openpyxl
import pytest
from docx import Document

from xl_kinerja import libreoffice
from xl_kinerja.cli import main
from xl_kinerja.errors import KesalahanBerkas
from xl_kinerja.impor import impor_tabel
from xl_kinerja.impor.dokumen import impor_dokumen
from xl_kinerja.impor.word import baca_tabel_word, pendek
from xl_kinerja.katalog import Katalog
from xl_kinerja.periksa import periksa_berkas


def _tabel(doc, baris):
    t = doc.add_table(rows=len(baris), cols=len(baris[0]))
    for r, isi in enumerate(baris):
        for c, v in enumerate(isi):
            t.cell(r, c).text = v
    return t


JUDUL_PK = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]


def buat_lkj(path):
    """An LKj as offices write it: the PK table broken across a page (the second Word table
    repeats the header), a Pengukuran table repeating the PK indicators with realisasi, a
    budget table, and an organisation table that is none of these."""
    doc = Document()
    doc.add_paragraph("LAPORAN KINERJA KPU KABUPATEN CONTOH TAHUN 2024")
    doc.add_paragraph("BAB II PERENCANAAN KINERJA")
    doc.add_paragraph("PERJANJIAN KINERJA TAHUN 2024")
    t = _tabel(doc, [JUDUL_PK,
                     ["1", "Meningkatnya kualitas perencanaan",
                      "Persentase dokumen perencanaan yang tepat waktu", "100%"],
                     ["", "", "Jumlah revisi rencana kerja", "2 Kali"],
                     ["2", "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "BB"]])
    t.cell(1, 1).merge(t.cell(2, 1))          # sasaran merged down (vMerge)
    _tabel(doc, [JUDUL_PK,                     # page break: header repeated
                 ["3", "Terwujudnya disiplin pegawai",
                  "Persentase pegawai yang dijatuhi hukuman disiplin", "0%"]])
    doc.add_paragraph("BAB III AKUNTABILITAS KINERJA")
    t = _tabel(doc, [["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI 2024", "CAPAIAN %"],
                     ["1", "Persentase dokumen perencanaan yang tepat waktu", "100%", "95%",
                      "95,00"],
                     ["2", "Jumlah revisi rencana kerja", "2 Kali", "1 Kali", "150,00"],
                     ["3", "Nilai SAKIP", "BB", "B", "90,00"],
                     ["Rata-rata capaian", "", "", "", "111,67"]])
    t.cell(4, 0).merge(t.cell(4, 3))          # a label spanning four columns (gridSpan)
    doc.add_paragraph("Tabel 3.2 Realisasi Anggaran Tahun 2024")
    _tabel(doc, [["KODE", "URAIAN", "PAGU", "REALISASI T.A 2024", "%"],
                 ["076.01.WA", "Program Dukungan Manajemen", "1.000.000", "900.000", "90,00"],
                 ["WA.3355", "Pelaksanaan Perencanaan", "1.000.000", "900.000", "90,00"],
                 ["EBA.994", "Layanan Perkantoran", "1.000.000", "950.000", "90,00"]])
    doc.add_paragraph("Susunan organisasi")
    _tabel(doc, [["Ketua", "Anggota"], ["Ahmad", "Budi"]])
    doc.save(path)
    return path


def test_word_tabel_posisi_sel_gabung_dan_sambungan(tmp_path):
    tabel = baca_tabel_word(buat_lkj(tmp_path / "lkj.docx"))
    assert [t.posisi for t in tabel] == [
        "tabel ke-1 (tabel Word 1-2 disambung: terpotong halaman), setelah paragraf "
        "'PERJANJIAN KINERJA TAHUN 2024'",
        "tabel ke-2, setelah paragraf 'BAB III AKUNTABILITAS KINERJA'",
        "tabel ke-3, setelah paragraf 'Tabel 3.2 Realisasi Anggaran Tahun 2024'",
        "tabel ke-4, setelah paragraf 'Susunan organisasi'"]
    t1 = tabel[0]
    assert [b.sel for b in t1.baris] == [
        JUDUL_PK,
        ["1", "Meningkatnya kualitas perencanaan",
         "Persentase dokumen perencanaan yang tepat waktu", "100%"],
        ["", "", "Jumlah revisi rencana kerja", "2 Kali"],   # vMerge continuation: blank
        ["2", "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "BB"],
        JUDUL_PK,
        ["3", "Terwujudnya disiplin pegawai",
         "Persentase pegawai yang dijatuhi hukuman disiplin", "0%"]]
    assert [b.nomor for b in t1.baris] == [1, 2, 3, 4, 5, 6]
    assert {b.sheet for b in t1.baris} == {"tabel ke-1"}
    # the gridSpan label keeps its text in its first grid column only
    assert tabel[1].baris[4].sel == ["Rata-rata capaian", "", "", "", "111,67"]


def test_word_impor_satu_perintah(tmp_path, capsys):
    src = buat_lkj(tmp_path / "lkj.docx")
    dok = impor_dokumen(src)
    assert dok.tahun == 2024
    assert [(t.tabel.nomor, t.hasil.jenis if t.hasil else None) for t in dok.tabel] == [
        (1, "pk"), (2, "pk"), (3, "anggaran"), (4, None)]
    out = tmp_path / "k.xlsx"
    assert main(["impor", str(src), "--satker", "KPU Kabupaten Contoh", "--keluaran",
                 str(out)]) == 0
    keluar = capsys.readouterr().out.splitlines()
    assert keluar[:4] == [
        "Catatan: tabel ke-1 (tabel Word 1-2 disambung: terpotong halaman), setelah paragraf "
        "'PERJANJIAN KINERJA TAHUN 2024': PK: 3 sasaran, 4 indikator",
        "Catatan: tabel ke-2, setelah paragraf 'BAB III AKUNTABILITAS KINERJA': PK: 1 sasaran, "
        "3 indikator; 3 indikator sudah ada di tabel sebelumnya (dipakai sekali; realisasi 3 "
        "indikator diambil dari tabel ini)",
        "Catatan: tabel ke-3, setelah paragraf 'Tabel 3.2 Realisasi Anggaran Tahun 2024': "
        "anggaran: 3 baris anggaran",
        "Catatan: tabel ke-4, setelah paragraf 'Susunan organisasi': dilewati: tidak ada baris "
        "judul tabel yang dikenali (mis. 'INDIKATOR KINERJA' dengan 'SASARAN'/'TARGET', atau "
        "'URAIAN'/'PAGU'/'REALISASI')"]
    assert "realisasi 1 baris rincian anggaran dimasukkan sebagai realisasi TW IV (dari judul " \
           "kolom 'REALISASI T.A 2024'); subtotal dan JUMLAH dihitung rumus" in keluar
    assert "realisasi 3 indikator dimasukkan sebagai realisasi TW IV (dari judul kolom " \
           "'REALISASI 2024')" in keluar
    assert "Diimpor: 3 sasaran, 4 indikator, 3 baris anggaran -> " + str(out) in keluar
    from xl_kinerja.rekap import baca_nilai, hitung_rekap
    rk = hitung_rekap(baca_nilai(out), 4)
    assert [(i["kode"], i["realisasi"]) for i in rk.indikator] == [
        ("S1.1", 0.95), ("S1.2", 1), ("S2.1", "B"), ("S3.1", None)]
    kat = tmp_path / "k.json"
    assert main(["impor", str(src), "--keluaran", str(kat)]) == 0
    Katalog.dari_dict(json.loads(kat.read_text(encoding="utf-8")))


def test_word_periksa_satu_perintah(tmp_path, capsys):
    src = buat_lkj(tmp_path / "lkj.docx")
    assert main(["periksa", str(src), "--format", "json"]) == 1
    temuan = json.loads(capsys.readouterr().out)
    assert [(t["aturan"], t["lokasi"]["sheet"], t["lokasi"]["baris"], t["tercatat"],
             t["dihitung"]) for t in temuan] == [
        # 90,00% written as the capaian of a B against target BB: ranks 4/5 = 80%. (The
        # 150,00% of "Jumlah revisi" 1 Kali against 2 Kali is right: lower is better.)
        ("persen_salah", "tabel ke-2", 4, "90,00", "80,00%"),
        # 950.000 / 1.000.000 is 95%, the table says 90,00; the kegiatan above it then does
        # not sum its output (the program does sum its kegiatan)
        ("persen_salah", "tabel ke-3", 4, "90,00", "95,00%"),
        ("total_kegiatan_salah", "tabel ke-3", 3, 900000.0, 950000.0)]


def test_word_tanpa_tabel_dan_rusak(tmp_path):
    doc = Document()
    doc.add_paragraph("Hanya teks")
    doc.save(tmp_path / "kosong.docx")
    with pytest.raises(KesalahanBerkas, match="dokumen Word tidak berisi tabel"):
        impor_tabel(tmp_path / "kosong.docx")
    (tmp_path / "rusak.docx").write_bytes(b"PK\x03\x04bukan zip")
    with pytest.raises(KesalahanBerkas, match="berkas .docx rusak"):
        impor_tabel(tmp_path / "rusak.docx")


def test_pendek():
    assert pendek("Persentase naskah Keputusan KPU Kabupaten yang disusun dan diharmonisasi "
                  "dengan tepat waktu") == ("Persentase naskah Keputusan KPU Kabupaten yang "
                                            "disusun dan…")
    assert pendek("Nilai SAKIP") == "Nilai SAKIP"


def _xlsx_rkt(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "RKT 2024"
    ws.append(["RENCANA KINERJA TAHUNAN TAHUN 2024"])
    ws.append(["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET", "SATUAN"])
    ws.append([1, "Meningkatnya kualitas perencanaan", "Persentase dokumen tepat waktu", 0.975,
               None])
    ws.append([None, None, "Jumlah laporan kinerja", 12, "Laporan"])
    ws.append([2, "Meningkatnya akuntabilitas", "Indeks reformasi birokrasi", 1.234, "Indeks"])
    ws["D3"].number_format = "0.0%"
    wb.save(path)
    return path


def test_ods_dari_libreoffice(tmp_path, capsys):
    if not libreoffice.tersedia():
        pytest.fail("LibreOffice (soffice) wajib untuk tes ini")
    (ods,) = libreoffice._jalankan([_xlsx_rkt(tmp_path / "rkt.xlsx")], tmp_path / "ods", "ods",
                                   "ods", None)
    h = impor_tabel(ods)
    assert (h.jenis, h.tahun) == ("rkt", 2024)
    assert [(i["nama"], i["target"], i["satuan"]) for s in h.katalog["sasaran"]
            for i in s["indikator"]] == [
        ("Persentase dokumen tepat waktu", {"2024": "97.5%"}, "%"),   # percent cell: 97,5%
        ("Jumlah laporan kinerja", {"2024": "12 Laporan"}, "Laporan"),
        ("Indeks reformasi birokrasi", {"2024": "1.2340"}, "Indeks")]  # not 1234
    assert {d.sheet for d in h.baris} == {"RKT 2024"}
    assert [d.nomor for d in h.baris] == [3, 4, 5]
    out = tmp_path / "k.json"
    assert main(["impor", str(ods), "--keluaran", str(out)]) == 0
    Katalog.dari_dict(json.loads(out.read_text(encoding="utf-8")))
    assert main(["periksa", str(ods)]) == 0
    assert "Tidak ada temuan." in capsys.readouterr().out


def test_xls_dari_libreoffice(tmp_path):
    if not libreoffice.tersedia():
        pytest.fail("LibreOffice (soffice) wajib untuk tes ini")
    (xls,) = libreoffice._jalankan([_xlsx_rkt(tmp_path / "rkt.xlsx")], tmp_path / "xls",
                                   "xls:MS Excel 97", "xls", None)
    h = impor_tabel(xls)
    assert (h.jenis, h.tahun, [d.nomor for d in h.baris]) == ("rkt", 2024, [3, 4, 5])
    # .xls cells come without their format: the percent cell is the fraction it holds, and
    # that is said, not read as a score silently
    assert h.peringatan == [(3, "target '0.9750' indikator 'Persentase dokumen tepat waktu' "
                                "dari sel .xls tanpa format: mungkin 97,5% (format persen tidak "
                                "terbaca dari .xls); tulis targetnya dengan tanda % atau simpan "
                                "sebagai .xlsx/.ods")]
    assert [(i["nama"], i["target"], i["satuan"]) for s in h.katalog["sasaran"]
            for i in s["indikator"]] == [
        ("Persentase dokumen tepat waktu", {"2024": "0.9750"}, "Nilai"),
        ("Jumlah laporan kinerja", {"2024": "12 Laporan"}, "Laporan"),
        ("Indeks reformasi birokrasi", {"2024": "1.2340"}, "Indeks")]
    assert [(t.aturan, t.lokasi["baris"]) for t in periksa_berkas(xls)] == []


def test_xls_dan_ods_rusak(tmp_path):
    (tmp_path / "a.ods").write_bytes(b"PK\x03\x04rusak")
    with pytest.raises(KesalahanBerkas, match=r"berkas \.ods \(LibreOffice\) rusak"):
        impor_tabel(tmp_path / "a.ods")
    (tmp_path / "a.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    with pytest.raises(KesalahanBerkas, match=r"berkas \.xls \(Excel 97-2003\) rusak"):
        impor_tabel(tmp_path / "a.xls")


def test_word_target_berbeda_antar_tabel(tmp_path):
    # the PK says 100%, the Pengukuran table of the same LKj says 95%: one indicator, warned
    doc = Document()
    doc.add_paragraph("PERJANJIAN KINERJA TAHUN 2025")
    _tabel(doc, [JUDUL_PK, ["1", "Meningkatnya kualitas perencanaan",
                            "Persentase dokumen perencanaan yang tepat waktu", "100%"]])
    doc.add_paragraph("PENGUKURAN KINERJA")
    _tabel(doc, [["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI 2025"],
                 ["1", "Persentase dokumen perencanaan yang tepat waktu", "95%", "95%"]])
    doc.save(tmp_path / "lkj.docx")
    h = impor_tabel(tmp_path / "lkj.docx")
    assert [(i["nama"], i["target"]) for s in h.katalog["sasaran"] for i in s["indikator"]] == [
        ("Persentase dokumen perencanaan yang tepat waktu", {"2025": "100%"})]
    assert h.peringatan == [(2, "tabel ke-2: target '95%' berbeda dengan tabel ke-1 baris 2 "
                                "('100%') untuk indikator 'Persentase dokumen perencanaan yang "
                                "tepat waktu'")]


def test_word_sel_terlalu_panjang_diperingatkan(tmp_path):
    # a Word cell longer than an Excel cell holds is cut with a warning naming the row and
    # column, as in CSV/xlsx tables (it used to be cut silently)
    doc = Document()
    doc.add_paragraph("PERJANJIAN KINERJA TAHUN 2025")
    _tabel(doc, [JUDUL_PK, ["1", "Meningkatnya kualitas perencanaan",
                            "Persentase dokumen " + "x" * 40_000, "100%"]])
    doc.save(tmp_path / "pk.docx")
    h = impor_tabel(tmp_path / "pk.docx")
    (ind,) = [i for s in h.katalog["sasaran"] for i in s["indikator"]]
    assert len(ind["nama"]) == 32_767
    ((n, pesan),) = h.peringatan_baca
    assert n == 2 and pesan.startswith("tabel ke-1: ") and "kolom 3" in pesan
    assert "32.767" in pesan and (n, pesan) in h.peringatan
