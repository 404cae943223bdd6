"""The general table shapes of real KPU documents beyond the three seeds, one fixture each
(tests/fixtures/tabel/), with exact counts and findings: code and name in one cell with the
URAIAN column empty, output codes in indicator cells (budget per output, alone or with the
indicators and targets of the same rows), a sasaran continued
on the next row, an IKU whose count targets are zero in the early years, a 2024 RKT."""
from __future__ import annotations

import json
from pathlib import Path

from xl_kinerja.cli import main
from xl_kinerja.impor import impor_tabel, periksa_katalog
from xl_kinerja.katalog import Katalog
from xl_kinerja.periksa import periksa_berkas
from xl_kinerja.rekap import baca_nilai, hitung_rekap

TABEL = Path(__file__).parent / "fixtures" / "tabel"


def _temuan(path):
    return [(t.aturan, t.lokasi["baris"], t.lokasi["kode"], t.tercatat, t.dihitung)
            for t in periksa_berkas(path)]


def _indikator(h):
    return [(i["kode"], i["satuan"], i["jenis_target"], i["polaritas"], i["target"])
            for s in h.katalog["sasaran"] for i in s["indikator"]]


def test_kode_dan_nama_satu_sel_uraian_kosong(tmp_path, capsys):
    src = TABEL / "anggaran-kode-nama-satu-sel.tsv"
    h = impor_tabel(src)
    assert (h.jenis, h.tahun, h.peringatan) == ("anggaran", 2025, [])
    assert [(a["kode"], a["uraian"], a["tingkat"], a["pagu"]["2025"])
            for a in h.katalog["anggaran"]] == [
        ("076.01.CQ", "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", "program",
         1_500_000_000),
        ("CQ.6709", "Pelaksanaan Pemilu", "kegiatan", 1_500_000_000),
        ("QGE.001", "Pemutakhiran Data Pemilih", "output", 900_000_000),
        ("QGE.002", "Fasilitasi Badan Adhoc", "output", 600_000_000),
        ("076.01.WA", "Program Dukungan Manajemen", "program", 500_000_000),
        ("WA.3355", "Pelaksanaan Perencanaan", "kegiatan", 500_000_000),
        ("EBA.994", "Layanan Perkantoran", "output", 500_000_000)]
    assert _temuan(src) == [
        ("persen_salah", 6, "QGE.002", "88,33", "83,33%"),
        ("jumlah_salah", 10, None, 1_650_000_000, 1_660_000_000),
        ("total_program_salah", 7, "076.01.WA", 450_000_000, 460_000_000)]
    out = tmp_path / "a.xlsx"
    assert main(["impor", str(src), "--satker", "KPU Kabupaten Contoh", "--keluaran",
                 str(out)]) == 0
    assert "realisasi 3 baris rincian anggaran dimasukkan sebagai realisasi TW IV" in \
        capsys.readouterr().out
    rk = hitung_rekap(baca_nilai(out), 4)
    assert [(a["kode"], a["pagu"], a["realisasi"]) for a in rk.anggaran][:4] == [
        ("076.01.CQ", 1_500_000_000, 1_200_000_000), ("CQ.6709", 1_500_000_000, 1_200_000_000),
        ("QGE.001", 900_000_000, 700_000_000), ("QGE.002", 600_000_000, 500_000_000)]


def test_kode_output_di_sel_indikator_anggaran_per_output(tmp_path):
    src = TABEL / "anggaran-per-output.tsv"
    h = impor_tabel(src)
    assert h.catatan == ["jenis tabel dikenali: anggaran, dari judul kolom Kegiatan, Sasaran "
                         "Kegiatan, Indikator Kinerja, Pagu, Realisasi, %: PAGU/REALISASI "
                         "dengan INDIKATOR tanpa TARGET (anggaran per output)"]
    assert [(d.nomor, d.jenis, d.kode, d.indikator) for d in h.baris] == [
        (3, "kegiatan", "CQ.6709", "Pelaksanaan Pemilu"),
        (3, "output", "QGE.001", "Layanan Pemutakhiran Data Pemilih"),
        (4, "output", "QGE. 003", "Layanan Fasilitasi Badan Adhoc"),
        (5, "kegiatan", "WA.3355", "Pelaksanaan Perencanaan"),
        (5, "output", "EBD.952", "Layanan Perencanaan"),
        (6, "kegiatan", "CQ.6709", "Pelaksanaan Pendidikan Pemilih"),
        (6, "output", "QGE.", "Layanan Pendidikan Pemilih")]
    assert _temuan(src) == [
        ("kode_tidak_lengkap", 4, "QGE. 003", "QGE. 003", None),
        ("kode_nama_ganda", 6, "CQ.6709", "Pelaksanaan Pendidikan Pemilih",
         "Pelaksanaan Pemilu"),
        ("kode_tidak_lengkap", 6, "QGE.", "QGE.", None)]
    assert h.peringatan == [
        (3, "tabel tanpa baris program: program 076.01.CQ (dari kode kegiatan CQ.6709) "
            "ditambahkan ke katalog"),
        (5, "tabel tanpa baris program: program 076.01.WA (dari kode kegiatan WA.3355) "
            "ditambahkan ke katalog"),
        (6, "kode anggaran CQ.6709 sudah dipakai di baris 3; baris ini tidak dimasukkan ke "
            "katalog")]
    assert [a["kode"] for a in h.katalog["anggaran"]] == [
        "076.01.CQ", "CQ.6709", "QGE.001", "QGE. 003", "076.01.WA", "WA.3355", "EBD.952", "QGE."]
    out = tmp_path / "b.xlsx"
    assert main(["impor", str(src), "--satker", "KPU Kabupaten Contoh", "--keluaran",
                 str(out)]) == 0
    assert hitung_rekap(baca_nilai(out), 4).anggaran[-1]["pagu"] == 1_785_400_000


def test_sasaran_bersambung_dan_tabel_2024(tmp_path, capsys):
    src = TABEL / "rkt-2024-sasaran-bersambung.tsv"
    h = impor_tabel(src)
    assert (h.jenis, h.tahun) == ("rkt", 2024)
    # the sasaran's text continued on row 5 (no number, lower case, its own indicator)
    assert [s["nama"] for s in h.katalog["sasaran"]] == [
        "Meningkatnya kualitas perencanaan, penganggaran dan pelaporan kinerja",
        "Meningkatnya kualitas data pemilih", "Meningkatnya akuntabilitas kinerja"]
    assert _indikator(h) == [
        ("S1.1", "%", "persen", "maks", {"2024": "100%"}),
        ("S1.2", "Kali", "jumlah", "min", {"2024": "2 Kali"}),
        ("S1.3", "Laporan", "jumlah", "maks", {"2024": "24 Laporan"}),
        ("S2.1", "%", "persen", "min", {"2024": "0,5%"}),
        ("S2.2", "orang", "jumlah", "maks", {"2024": "1.200 orang"}),
        ("S3.1", "Predikat", "ordinal", "maks", {"2024": "BB"}),
        ("S3.2", "Predikat", "ordinal", "maks", {"2024": "WTP"})]
    assert _temuan(src) == [("satuan_bertentangan", 6, None, "24 Laporan", "%")]
    # the default catalog covers 2025-2029; the table's own indicators make the 2024 workbook
    assert Katalog.bawaan().periode == (2025, 2029)
    out = tmp_path / "rkt-2024.xlsx"
    assert main(["impor", str(src), "--satker", "KPU Kabupaten Contoh", "--keluaran",
                 str(out)]) == 0
    assert "Diimpor: 3 sasaran, 7 indikator, 0 baris anggaran" in capsys.readouterr().out
    nilai = baca_nilai(out)
    rk = hitung_rekap(nilai, 1)
    assert (rk.tahun, len(rk.indikator)) == (2024, 7)
    assert [i["polaritas"] for i in rk.indikator] == ["maks", "min", "maks", "min", "maks",
                                                      "maks", "maks"]


def test_iku_target_nol_di_tahun_awal(tmp_path):
    src = TABEL / "iku-target-nol.tsv"
    h = impor_tabel(src)
    assert (h.jenis, h.tahun, h.katalog["periode"]) == ("iku", None, [2025, 2029])
    z = {"2025": "0", "2026": "0"}
    assert _indikator(h) == [
        # a count with plain zeros before the election years: its unit from its name
        ("S1.1", "Kegiatan", "jumlah", "maks", {**z, "2027": "4", "2028": "6", "2029": "12"}),
        ("S1.2", "Unit", "jumlah", "min", {**z, "2027": "0", "2028": "0", "2029": "0"}),
        ("S1.3", "%", "persen", "min", {**z, "2027": "1%", "2028": "1%", "2029": "0,5%"}),
        ("S1.4", "%", "persen", "maks", {"2025": "0%", "2026": "0%", "2027": "80%",
                                         "2028": "80%", "2029": "82,5%"}),
        ("S2.1", "Laporan", "jumlah", "maks", {"2025": "0", "2026": "4 Laporan",
                                               "2027": "4 Laporan", "2028": "4 Laporan",
                                               "2029": "4 Laporan"}),
        ("S2.2", "Predikat", "ordinal", "maks", {"2025": "BB", "2026": "BB", "2027": "A",
                                                 "2028": "A"})]
    assert h.peringatan == [
        (5, "indikator 'Jumlah sengketa proses pemilu' bertarget angka tanpa satuan: dipakai "
            "satuan 'Unit'; perbaiki di katalog bila lain"),
        (9, "target 2029 '0' indikator 'Nilai SAKIP' terbaca sebagai nol, padahal target "
            "lainnya ordinal; tidak dimasukkan ke katalog")]
    periksa_katalog(h)
    out = tmp_path / "iku.json"
    assert main(["impor", str(src), "--keluaran", str(out)]) == 0
    # what impor writes, `baru --iku` takes
    wb = tmp_path / "kinerja-2027.xlsx"
    assert main(["baru", "--tahun", "2027", "--satker", "KPU Kabupaten Contoh", "--iku",
                 str(out), "--keluaran", str(wb)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["sasaran"]) == 2
    assert len(hitung_rekap(baca_nilai(wb), 1).indikator) == 6


def test_tabel_indikator_dan_anggaran_per_output(tmp_path):
    # indicators with targets and the budget of their outputs in one table: both imported
    src = TABEL / "rkt-indikator-dan-anggaran.tsv"
    h = impor_tabel(src)
    assert (h.jenis, h.tahun) == ("rkt", 2025)
    assert [(s["nama"], [(i["nama"], i["target"]["2025"]) for i in s["indikator"]])
            for s in h.katalog["sasaran"]] == [
        ("Tersusunnya dokumen perencanaan",
         [("Persentase dokumen perencanaan yang tepat waktu", "100%"),
          ("Jumlah laporan kinerja", "4 Laporan")]),
        ("Terselenggaranya layanan perkantoran",
         [("Persentase layanan perkantoran yang terpenuhi", "95%")])]
    assert [(a["kode"], a["tingkat"], a.get("pagu", {}).get("2025"))
            for a in h.katalog["anggaran"]] == [
        ("076.01.WA", "program", None), ("WA.3355", "kegiatan", None),
        ("EBD.952", "output", 185_400_000), ("EBD.955", "output", 96_750_000),
        ("WA.3358", "kegiatan", None), ("EBA.994", "output", 2_647_529_000)]
    assert h.peringatan == [(3, "tabel tanpa baris program: program 076.01.WA (dari kode "
                                "kegiatan WA.3355) ditambahkan ke katalog")]
    assert _temuan(src) == []
    out = tmp_path / "c.xlsx"
    assert main(["impor", str(src), "--satker", "KPU Kabupaten Contoh", "--keluaran",
                 str(out)]) == 0
    rk = hitung_rekap(baca_nilai(out), 1)
    assert (len(rk.indikator), rk.anggaran[-1]["pagu"]) == (3, 2_929_679_000)
