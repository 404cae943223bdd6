"""Checker: one hand-made table per rule with exact findings, the real seeds, CLI exit codes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from xl_kinerja.cli import main
from xl_kinerja.errors import KesalahanInput
from xl_kinerja.periksa import hitung_ekspresi, periksa_berkas, periksa_formula
from xl_kinerja.periksa.temuan import persen_tercatat_beda

SEEDS = Path(__file__).parent / "fixtures" / "seeds"

JUDUL_ANGG = "KODE\tURAIAN\tPAGU\tREALISASI T.A 2024\tPersen tase (%)\n"
JUDUL_IKU = "NO\tSASARAN PROGRAM\tINDIKATOR KINERJA\tTARGET CAPAIAN\n1\t2\t3\t4\n"


def _temuan(tmp_path, teks, nama="t.tsv"):
    p = tmp_path / nama
    p.write_text(teks, encoding="utf-8")
    return [(t.aturan, t.lokasi["baris"], t.lokasi["kode"], t.tercatat, t.dihitung)
            for t in periksa_berkas(p)]


def test_persen_anggaran_salah_pada_presisi_tampil(tmp_path):
    assert _temuan(tmp_path, JUDUL_ANGG +
                   "076.01.WA\tLayanan Perkantoran\t2.647.529.000\t2.500.000.000\t94,43\n"
                   "076.01.WB\tLayanan Umum\t300.000\t150.000\t50,10\n") == [
        ("persen_salah", 3, "076.01.WB", "50,10", "50,00%")]


def test_realisasi_melebihi_pagu(tmp_path):
    assert _temuan(tmp_path, JUDUL_ANGG + "076.01.WA\tLayanan Perkantoran\t600.000\t700.000\t"
                   "116,67\n") == [("realisasi_melebihi_pagu", 2, "076.01.WA", 700000.0, 600000.0)]


def test_jumlah_dan_total_program(tmp_path):
    assert _temuan(tmp_path, JUDUL_ANGG +
                   "076.01\tProgram Dukungan Manajemen\t1.000.000\t850.000\t85,00\n"
                   "076.01.WA\tLayanan Perkantoran\t600.000\t500.000\t83,33\n"
                   "076.01.WB\tLayanan Umum\t300.000\t350.000\t116,67\n"
                   "JUMLAH\t\t1.000.000\t850.000\t85,00\n") == [
        ("realisasi_melebihi_pagu", 4, "076.01.WB", 350000.0, 300000.0),
        ("jumlah_salah", 5, None, 1000000.0, 900000.0),
        ("total_program_salah", 2, "076.01", 1000000.0, 900000.0),
    ]


def test_satuan_bertentangan(tmp_path):
    assert _temuan(tmp_path, JUDUL_IKU +
                   "1.\tTerwujudnya X\tPersentase laporan monitoring\t24 Laporan\n"
                   "2.\tTerwujudnya Y\tJumlah revisi rencana kerja\t95%\n"
                   "3.\tTerwujudnya Z\tPersentase pegawai terlatih\t97,5%\n") == [
        ("satuan_bertentangan", 3, None, "24 Laporan", "%"),
        ("satuan_bertentangan", 4, None, "95%", "jumlah dengan satuan")]


JUDUL_SATUAN = "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\tSATUAN\n"


def test_kolom_satuan(tmp_path):
    # the SATUAN column decides the unit the name is judged on, and must agree with a target
    # that carries its own unit
    assert _temuan(tmp_path, JUDUL_SATUAN +
                   "1\tTerwujudnya A\tPersentase laporan tepat waktu\t100\t%\n"
                   "2\tTerwujudnya B\tJumlah laporan keuangan\t12\tLaporan\n"
                   "3\tTerwujudnya C\tIndeks kepuasan layanan\t79\tIndeks\n"
                   "4\tTerwujudnya D\tPersentase pegawai terlatih\t24\tOrang\n"
                   "5\tTerwujudnya E\tJumlah revisi rencana kerja\t12\t%\n"
                   "6\tTerwujudnya F\tTingkat kepatuhan\t95%\tDokumen\n"
                   "7\tTerwujudnya G\tPersentase dokumen tersusun\t95%\tDokumen\n"
                   "8\tTerwujudnya H\tJumlah pemilih terlatih\t1.200 orang\tOrang\n"
                   "9\tTerwujudnya I\tJumlah arsip\t20 Dokumen\tLaporan\n"
                   "10\tTerwujudnya J\tNilai SAKIP\tBB\tPredikat\n") == [
        ("satuan_bertentangan", 5, None, "Orang", "%"),
        ("satuan_bertentangan", 6, None, "%", "jumlah dengan satuan"),
        ("satuan_kolom_bertentangan", 7, None, "Dokumen", "%"),
        ("satuan_bertentangan", 8, None, "Dokumen", "%"),
        ("satuan_kolom_bertentangan", 8, None, "Dokumen", "%"),
        ("satuan_kolom_bertentangan", 10, None, "Laporan", "Dokumen")]


def test_kolom_satuan_pesan(tmp_path):
    p = tmp_path / "s.tsv"
    p.write_text(JUDUL_SATUAN + "1\tTerwujudnya F\tTingkat kepatuhan\t95%\tDokumen\n",
                 encoding="utf-8")
    (t,) = periksa_berkas(p)
    assert (t.aturan, t.pesan, t.lokasi["indikator"]) == (
        "satuan_kolom_bertentangan", "kolom SATUAN 'Dokumen' bertentangan dengan target '95%'",
        "Tingkat kepatuhan")


def test_target_tak_terbaca_dan_angka_ambigu(tmp_path):
    assert _temuan(tmp_path, JUDUL_IKU +
                   "1.\tTerwujudnya X\tJumlah pemilih terlatih\t1,200 orang\n"
                   "2.\tTerwujudnya Y\tPersentase Z\tsesuai jadwal\n") == [
        ("angka_ambigu", 3, None, "1,200 orang", None),
        ("target_tak_terbaca", 4, None, "sesuai jadwal", None)]


def test_realisasi_tak_terbaca(tmp_path):
    # a realisasi the core cannot read against its target is said, not skipped (its
    # capaian is then not judged); readable rows give nothing
    judul = "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\tREALISASI\tCAPAIAN\n"
    assert _temuan(tmp_path, judul +
                   "1.\tTerwujudnya A\tPersentase laporan tepat waktu\t100%\txyz\t90%\n"
                   "2.\tTerwujudnya B\tJumlah laporan\t12 Laporan\t10 Laporan\t83,33%\n"
                   "3.\tTerwujudnya C\tNilai SAKIP\tBB\tB\t80%\n") == [
        ("angka_tak_terbaca", 2, None, "xyz", None)]


def test_kode_tidak_lengkap_nama_ganda(tmp_path):
    assert _temuan(tmp_path, JUDUL_ANGG +
                   "QGE.\tLayanan Tanpa Nomor\t100.000\t50.000\t50,00\n"
                   "076.01.WA\tLayanan Perkantoran\t600.000\t300.000\t50,00\n"
                   "076.01.WA\tLayanan Umum\t600.000\t300.000\t50,00\n") == [
        ("kode_tidak_lengkap", 2, "QGE.", "QGE.", None),
        ("kode_nama_ganda", 4, "076.01.WA", "Layanan Umum", "Layanan Perkantoran")]


def test_baris_ganda(tmp_path):
    assert _temuan(tmp_path, JUDUL_IKU +
                   "1.\tTerwujudnya X\tPersentase Y\t100%\n"
                   "2.\tTerwujudnya X\tPersentase Y\t100%\n") == [
        ("baris_ganda", 4, None, "Persentase Y", None)]


def test_predikat_bertentangan(tmp_path):
    assert _temuan(tmp_path, "NO\tINDIKATOR KINERJA\tTARGET\tNILAI\tPREDIKAT\n"
                   "1\tNilai SAKIP\tBB\t72,80\tB\n"
                   "2\tNilai SAKIP tahun lalu\tBB\t72,80\tBB\n") == [
        ("predikat_bertentangan", 2, None, "B", "BB")]


TABEL_CAPAIAN = ("NO\tINDIKATOR KINERJA\tTARGET\tCAPAIAN KINERJA %\tPREDIKAT\n"
                 "1\tPersentase A\t100%\t90,00\tBerhasil\n"
                 "2\tPersentase B\t100%\t90,01\tBerhasil\n"
                 "3\tPersentase C\t100%\t70,00\tCukup Berhasil\n"
                 "4\tPersentase D\t100%\t50,00\tKurang Berhasil\n"
                 "5\tPersentase E\t100%\t120,50\tBerhasil\n"
                 "6\tPersentase F\t100%\t95,5%\tcukup berhasil\n"
                 "7\tPersentase G\t100%\t50,01\tKurang Berhasil\n")


@pytest.mark.parametrize("skala, harapan", [
    # KPU LKj: > 90 Berhasil; > 70 Cukup Berhasil; > 50 Kurang Berhasil; else Tidak Berhasil
    ("kpu", [(2, "Berhasil", "Cukup Berhasil"), (4, "Cukup Berhasil", "Kurang Berhasil"),
             (5, "Kurang Berhasil", "Tidak Berhasil"), (7, "cukup berhasil", "Berhasil")]),
    # Permendagri 86/2017 read as continuous: >= 91 (> 90) Sangat Tinggi; > 75 Tinggi;
    # > 65 Sedang; > 50 Rendah; else Sangat Rendah
    ("permendagri", [(2, "Berhasil", "Tinggi"), (3, "Berhasil", "Sangat Tinggi"),
                     (4, "Cukup Berhasil", "Sedang"), (5, "Kurang Berhasil", "Sangat Rendah"),
                     (6, "Berhasil", "Sangat Tinggi"), (7, "cukup berhasil", "Sangat Tinggi"),
                     (8, "Kurang Berhasil", "Rendah")]),
])
def test_predikat_kolom_capaian_per_skala(tmp_path, skala, harapan):
    from xl_kinerja.predikat import predikat
    p = tmp_path / "c.tsv"
    p.write_text(TABEL_CAPAIAN, encoding="utf-8")
    t = periksa_berkas(p, None, skala=skala)
    assert [(x.aturan, x.lokasi["baris"], x.tercatat, x.dihitung) for x in t] == [
        ("predikat_bertentangan", n, tulis, benar) for n, tulis, benar in harapan]
    # the computed side is the core's predikat of the capaian fraction
    for x in t:
        nilai = {2: 0.9, 3: 0.9001, 4: 0.7, 5: 0.5, 6: 1.205, 7: 0.955, 8: 0.5001}
        assert predikat(nilai[x.lokasi["baris"]], skala) == x.dihitung
    assert f"tidak sesuai skala {skala}: " in t[0].pesan


def test_predikat_skala_skor_dan_cli(tmp_path, capsys):
    p = tmp_path / "n.tsv"
    p.write_text("NO\tINDIKATOR KINERJA\tTARGET\tNILAI\tPREDIKAT\n"
                 "1\tNilai IKPA\tBaik\t95,00\tBaik\n"
                 "2\tNilai IKPA lalu\tBaik\t88,99\tBaik\n"
                 "3\tNilai IKPA 2023\tBaik\t89,00\tBaik\n", encoding="utf-8")
    # IKPA: >= 95 Sangat Baik; >= 89 Baik; >= 70 Cukup
    assert [(x.lokasi["baris"], x.tercatat, x.dihitung) for x in
            periksa_berkas(p, skala="ikpa")] == [(2, "Baik", "Sangat Baik"), (3, "Baik", "Cukup")]
    # the default score scale is SAKIP: 95 = AA, 88,99 = A, 89 = A
    assert [x.dihitung for x in periksa_berkas(p)] == ["AA", "A", "A"]
    assert main(["periksa", str(p), "--skala", "ikpa", "--format", "json"]) == 1
    assert [x["dihitung"] for x in json.loads(capsys.readouterr().out)] == ["Sangat Baik", "Cukup"]
    with pytest.raises(SystemExit) as e:
        main(["periksa", str(p), "--skala", "bebas"])
    assert e.value.code == 2
    with pytest.raises(KesalahanInput, match="skala"):
        periksa_berkas(p, None, "bebas")


def test_formula_contoh(tmp_path):
    assert list(periksa_formula("(171 ÷ 180) × 100% = 95,00%")) == []
    assert list(periksa_formula("(3 + 4) × 100% = 75,00%")) == [("(3 + 4) × 100%", "75,00%", 7.0)]
    assert hitung_ekspresi("(171 ÷ 180) × 100%") == pytest.approx(0.95)
    with pytest.raises(KesalahanInput):
        hitung_ekspresi("__import__('os')")
    assert _temuan(tmp_path, "NO\tINDIKATOR KINERJA\tTARGET\tFORMULA PERHITUNGAN\n"
                   "1\tPersentase A\t100%\tJumlah selesai / jumlah total x 100%, contoh "
                   "(171 ÷ 180) × 100% = 95,00%\n"
                   "2\tPersentase B\t100%\tcontoh (3 + 4) × 100% = 75,00%\n") == [
        ("formula_tidak_sesuai", 3, None, "75,00%", "700,00%")]


def test_capaian_tercatat_salah(tmp_path):
    assert _temuan(tmp_path, "NO\tINDIKATOR KINERJA\tTARGET\tREALISASI\tCAPAIAN KINERJA %\n"
                   "1\tJumlah laporan\t24 Laporan\t20\t83,33\n"
                   "2\tPersentase B\t100%\t95%\t90,00\n") == [
        ("persen_salah", 3, None, "90,00", "95,00%")]


def test_seed_magelang_persentase_laporan():
    t = periksa_berkas(SEEDS / "rkt-2025-kpu-kabupaten-magelang.txt")
    sat = [x for x in t if x.aturan == "satuan_bertentangan"]
    assert len(sat) == 25
    assert any(x.tercatat == "24 Laporan" and x.lokasi["indikator"] ==
               "Persentase laporan monitoring dan evaluasi yang akuntabel dan tepat waktu"
               for x in sat)


def test_seed_kubu_raya_dan_metro():
    t = periksa_berkas(SEEDS / "rkt-2024-sekretariat-kpu-kabupaten-kubu-raya.txt")
    assert sorted((x.aturan, x.tercatat) for x in t) == [
        ("satuan_bertentangan", "1 Satker"), ("satuan_bertentangan", "100%"),
        ("satuan_bertentangan", "2 Laporan"), ("satuan_bertentangan", "2.498 Orang"),
        ("satuan_bertentangan", "95%")]
    t = periksa_berkas(SEEDS / "renaksi-2024-kpu-kota-metro.txt")
    assert [(x.aturan, x.lokasi["baris"], x.pesan, x.tingkat) for x in t] == [
        ("baris_ganda", 171, "baris sama dengan baris 48", "peringatan")]


def test_cli_kode_keluar_dan_json(tmp_path, capsys):
    bersih = tmp_path / "b.tsv"
    bersih.write_text(JUDUL_IKU + "1.\tTerwujudnya X\tPersentase Y\t100%\n", encoding="utf-8")
    assert main(["periksa", str(bersih)]) == 0
    assert "Tidak ada temuan" in capsys.readouterr().out
    assert main(["periksa", str(bersih), str(SEEDS / "rkt-2025-kpu-kabupaten-magelang.txt"),
                 "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data[0]) == {"aturan", "lokasi", "pesan", "tercatat", "dihitung", "tingkat"}
    assert set(data[0]["lokasi"]) == {"berkas", "sheet", "baris", "kode", "indikator"}
    kosong = tmp_path / "k.txt"
    kosong.write_bytes(b"")
    assert main(["periksa", str(kosong)]) == 2
    assert "berkas kosong" in capsys.readouterr().err
    # an unusable file among several: the others are still checked, exit 2
    assert main(["periksa", str(kosong), str(SEEDS / "rkt-2025-kpu-kabupaten-magelang.txt")]) == 2
    keluar = capsys.readouterr()
    assert "k.txt" in keluar.err and "berkas kosong" in keluar.err
    assert "rkt-2025-kpu-kabupaten-magelang.txt" in keluar.out
    assert "1 berkas tidak dapat diperiksa" in keluar.out


def test_judul_kata_dokumen_nyata(tmp_path):
    # "Target Indikator Kinerja" is the target column, "Realisasi Anggaran" the realisasi
    assert _temuan(tmp_path, "No\tSasaran\tIndikator\tTarget Indikator Kinerja\tPagu\t"
                   "Realisasi Anggaran\tPersentase\n"
                   "1\tTerwujudnya X\tJumlah laporan\t12 Laporan\t1.000\t990\t99,1\n") == [
        ("persen_salah", 2, None, "99,1", "99,0%")]


def test_pagu_angka_ambigu(tmp_path):
    assert _temuan(tmp_path, JUDUL_ANGG + "076.01.WA\tLayanan Perkantoran\t1,200\t1.000\t83,33\n") \
        == [("angka_ambigu", 2, "076.01.WA", "1,200", None)]


TABEL = Path(__file__).parent / "fixtures" / "tabel"


def test_kode_kpu_total_kegiatan_dan_output():
    # CQ.6710 records a pagu of 500.000.000 while its only output EBA.994 has 450.000.000;
    # program 076.01.CQ = CQ.6709 + CQ.6710 and JUMLAH = the three kegiatan hold
    t = periksa_berkas(TABEL / "anggaran-kode-kpu.tsv")
    assert [(x.aturan, x.lokasi["baris"], x.lokasi["kode"], x.tercatat, x.dihitung, x.pesan)
            for x in t] == [("total_kegiatan_salah", 6, "CQ.6710", 500000000.0, 450000000.0,
                             "pagu kegiatan CQ.6710 bukan jumlah outputnya")]


def test_total_program_dari_output_dan_tanpa_kode(tmp_path):
    assert _temuan(tmp_path, "NO\tURAIAN\tPAGU\tREALISASI\tPERSENTASE\n"
                   "1\tProgram Dukungan Manajemen\t1.000.000\t900.000\t90,00\n"
                   "\tEBA.994 Layanan Perkantoran\t600.000\t500.000\t83,33\n"
                   "\tEBA.956 Layanan BMN\t300.000\t300.000\t100,00\n"
                   "\tJUMLAH\t1.000.000\t900.000\t90,00\n") == [
        ("jumlah_salah", 5, None, 1000000.0, 900000.0),
        ("jumlah_salah", 5, None, 900000.0, 800000.0),
        ("total_program_salah", 2, None, 1000000.0, 900000.0),
        ("total_program_salah", 2, None, 900000.0, 800000.0)]


def test_periksa_jenis(tmp_path, capsys):
    p = tmp_path / "i.tsv"
    p.write_text(JUDUL_IKU + "1.\tTerwujudnya X\tPersentase Y\t100%\n", encoding="utf-8")
    catatan = []
    assert periksa_berkas(p, catatan=catatan) == []
    assert catatan == [f"{p}: jenis tabel dianggap RKT: judul kolom (NO, SASARAN PROGRAM, "
                       "INDIKATOR KINERJA, TARGET CAPAIAN) cocok untuk IKU, RKT maupun PK; "
                       "sebutkan --jenis bila lain"]
    assert main(["periksa", str(p)]) == 0
    assert "Catatan: " in capsys.readouterr().err
    assert main(["periksa", str(p), "--jenis", "pk"]) == 0
    assert "Catatan" not in capsys.readouterr().err
    assert main(["periksa", str(p), "--jenis", "anggaran"]) == 2
    assert "--jenis anggaran, tetapi judul kolom tabel ini adalah tabel indikator" in \
        capsys.readouterr().err
    assert main(["periksa", str(TABEL / "anggaran-2025.tsv"), "--jenis", "iku"]) == 2
    assert "--jenis iku, tetapi judul kolom tabel ini adalah tabel anggaran" in \
        capsys.readouterr().err


def test_baris_ganda_target_per_tahun(tmp_path):
    # target per year (a dict per row) must not break the duplicate-row comparison
    assert _temuan(tmp_path, "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\t\n\t\t\t2025\t2026\n"
                   "1\tTerwujudnya X\tPersentase Y\t90%\t95%\n"
                   "2\tTerwujudnya X\tPersentase Y\t90%\t95%\n"
                   "3\tTerwujudnya X\tPersentase Y\t90%\t96%\n") == [
        ("baris_ganda", 4, None, "Persentase Y", None)]
    assert periksa_berkas(TABEL / "iku-tahun-grup.tsv") == []


def test_predikat_tanpa_angka_bukan_galat_internal(tmp_path):
    # a CAPAIAN cell holding only "%" has no value to judge: no finding, no crash
    assert _temuan(tmp_path, "NO\tINDIKATOR KINERJA\tTARGET\tCAPAIAN KINERJA %\tPREDIKAT\n"
                   "1\tPersentase A\t100%\t%\tBerhasil\n") == []


def test_jumlah_dari_sub_total(tmp_path):
    # a JUMLAH right under Sub Total rows is their sum; the second Sub Total is wrong
    assert _temuan(tmp_path, JUDUL_ANGG +
                   "076.01.WA\tProgram Dukungan Manajemen\t\t\t\n"
                   "WA.3355\tLayanan Perkantoran\t600.000\t500.000\t83,33\n"
                   "WA.3356\tLayanan Umum\t400.000\t400.000\t100,00\n"
                   "SUB TOTAL\t\t1.000.000\t900.000\t90,00\n"
                   "076.01.CQ\tProgram Penyelenggaraan Pemilu\t\t\t\n"
                   "CQ.6709\tPelaksanaan Teknis\t500.000\t250.000\t50,00\n"
                   "SUB TOTAL\t\t600.000\t250.000\t41,67\n"
                   "JUMLAH\t\t1.600.000\t1.150.000\t71,88\n") == [
        ("jumlah_salah", 8, None, 600000.0, 500000.0)]


def test_teks_nilai_gaya_indonesia():
    from xl_kinerja.cli.periksa import _nilai_teks
    from xl_kinerja.periksa import Temuan
    t = Temuan("x", {"berkas": "b", "sheet": None, "baris": 1, "kode": None, "indikator": None},
               "p", 2699614000.0, 0.98786729)
    assert _nilai_teks(t) == " (tercatat: 2.699.614.000; dihitung: 0,9879)"
    t = Temuan("x", t.lokasi, "p", "Persentase X", None)
    assert _nilai_teks(t) == " (tercatat: Persentase X)"


def test_contoh_tabel_anggaran_readme(capsys):
    # examples/tabel/realisasi-anggaran-tw2.csv, shown in the README: a semicolon CSV with a
    # transposed percentage, a kegiatan that is not the sum of its output, a JUMLAH pagu typo
    # (and so its percentage) and an output absorbed above its pagu (with its kegiatan/program)
    contoh = Path(__file__).resolve().parent.parent / "examples" / "tabel" / \
        "realisasi-anggaran-tw2.csv"
    assert main(["periksa", str(contoh), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(t["aturan"], t["lokasi"]["baris"], t["lokasi"]["kode"], t["tercatat"], t["dihitung"])
            for t in data] == [
        ("persen_salah", 5, "EBD.955", "20,76", "20,67%"),  # 20.000.000 / 96.750.000
        ("realisasi_melebihi_pagu", 8, "076.01.CQ", 81_500_000, 74_000_000),
        ("realisasi_melebihi_pagu", 9, "CQ.6709", 81_500_000, 74_000_000),
        ("realisasi_melebihi_pagu", 11, "QGE.002", 81_500_000, 74_000_000),
        ("persen_salah", 12, None, "49,67", "49,23%"),  # 1.492.000.000 / 3.030.679.000
        ("jumlah_salah", 12, None, 3_030_679_000, 3_003_679_000),
        ("total_kegiatan_salah", 6, "WA.3358", 1_300_000_000, 1_310_000_000)]


def test_nomor_baris_tiga_angka_bukan_kode(tmp_path):
    # long tables number their rows past 99: "100." is a row number, "076." an incomplete code
    assert _temuan(tmp_path, JUDUL_IKU +
                   "99.\tTerwujudnya X\tPersentase Y\t100%\n"
                   "100.\tTerwujudnya Z\tPersentase W\t95%\n"
                   "101.\tTerwujudnya V\tJumlah U\t12 Laporan\n") == []
    assert _temuan(tmp_path, "NO\tURAIAN\tPAGU\tREALISASI\n"
                   "076.\tProgram Dukungan Manajemen\t1.000\t900\n") == [
        ("kode_tidak_lengkap", 2, "076.", "076.", None)]


def test_temuan_sama_pada_tabel_dan_buku_kerja_dari_tabel_itu(tmp_path):
    # Magelang RKT 2025: 25 indicators named "Persentase ..." with a count target; the
    # workbook imported from it gives the same 25 findings (rule, indicator, values)
    tabel = SEEDS / "rkt-2025-kpu-kabupaten-magelang.txt"
    out = tmp_path / "magelang.xlsx"
    assert main(["impor", str(tabel), "--satker", "KPU Kabupaten Magelang", "--keluaran",
                 str(out)]) == 0

    def ringkas(temuan):  # the catalog writes a known unit its own way: '1 dokumen' = '1 Dokumen'
        return sorted((t.aturan, t.lokasi["indikator"], t.tercatat.lower(), t.dihitung,
                       t.pesan.lower()) for t in temuan)
    dari_tabel, dari_buku = periksa_berkas(tabel), periksa_berkas(out)
    assert len(dari_tabel) == 25
    assert {t.aturan for t in dari_tabel} == {"satuan_bertentangan"}
    assert ringkas(dari_buku) == ringkas(dari_tabel)
    assert {t.lokasi["sheet"] for t in dari_buku} == {"Pengukuran"}
    (t,) = [t for t in dari_buku if t.tercatat == "24 Laporan"]
    assert t.pesan == ("indikator 'Persentase laporan monitoring dan evaluasi yang akuntabel…' "
                       "bertarget jumlah dengan satuan ('24 Laporan'), padahal namanya "
                       "persentase")


@pytest.mark.parametrize("tulis,pecahan,harap", [
    ("94,4%", 0.9444, None),     # 94,44 shown with one decimal: 94,4
    ("94,4%", 0.9446, 1),        # 94,46 would be 94,5
    ("94,45%", 0.94445, None),   # exactly half a unit of the last decimal: half up agrees
    ("95%", 0.9451, None), ("95%", 0.9551, 0), ("95 %", 0.95, None),
    ("1.200%", 12.0, None),      # a thousands dot is not a decimal
    ("seratus%", 1.0, None), ("", 0.5, None), ("50%", None, None),  # nothing to compare
])
def test_persen_tercatat_beda(tulis, pecahan, harap):
    """A37: a written percentage against the computed fraction, at the precision written."""
    assert persen_tercatat_beda(tulis, pecahan) == harap

