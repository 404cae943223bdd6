"""Import: the three real documents (fixtures copied from ../shared/seeds) and bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from xl_kinerja import kemajuan
from xl_kinerja.cli import main
from xl_kinerja.errors import KesalahanBerkas
from xl_kinerja.impor import impor_tabel, pisah_indikator, pisah_target
from xl_kinerja.target import baca_target

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
KUBU = SEEDS / "rkt-2024-sekretariat-kpu-kabupaten-kubu-raya.txt"
METRO = SEEDS / "renaksi-2024-kpu-kota-metro.txt"
MAGELANG = SEEDS / "rkt-2025-kpu-kabupaten-magelang.txt"


def _indikator(h):
    return [i for s in h.katalog["sasaran"] for i in s["indikator"]]


def _semua_baris_tercatat(h, path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    ada = {d.nomor for d in h.baris} | {b for b, _ in h.baris_dilewati}
    assert ada == set(range(1, n + 1)), sorted(set(range(1, n + 1)) - ada)[:10]


@pytest.mark.parametrize("path, sasaran, indikator, target, tahun", [
    # Kubu Raya: 43 numbered rows; rows 11 and 38 share one sasaran text, and sasaran 30's
    # text continues after the page break (line 106: "data yang cepat dan akurat" with an
    # indicator of its own), one sasaran, not two: 42
    (KUBU, 42, 62, 62, 2024),
    (METRO, 28, 38, 38, 2024),
    # Magelang counted by hand from the seed: 25 sasaran carry indicators (lines 14, 28, 53,
    # 63, 77, 105, 115, 131, 142, 183, 211, 245, 259, 273, 283, 299, 313, 326, 338, 376, 390,
    # 399, 405, 419, 440); 4 more (167, 175, 358, 458) have none and are reported; 36
    # indicators, each with a target.
    (MAGELANG, 25, 36, 36, 2025),
])
def test_seed_jumlah(path, sasaran, indikator, target, tahun):
    h = impor_tabel(path, "iku")
    assert h.tahun == tahun
    assert len(h.katalog["sasaran"]) == sasaran
    ind = _indikator(h)
    assert len(ind) == indikator
    assert sum(1 for i in ind if i["target"]) == target
    _semua_baris_tercatat(h, path)


def test_kubu_raya_tiga_indikator_satu_sel():
    h = impor_tabel(KUBU, "iku")
    s3 = h.katalog["sasaran"][2]
    assert s3["nama"] == "Meningkatnya Akuntabilitas Keuangan dan Kinerja KPU Kabupaten Kubu Raya"
    assert [(i["nama"], i["target"]["2024"], i["jenis_target"]) for i in s3["indikator"]] == [
        ("Nilai Evaluasi atas Akuntabilitas Kinerja KPU Kabupaten Kubu Raya", "B", "ordinal"),
        ("Opini BPK atas Laporan Keuangan KPU Kabupaten Kubu Raya", "WTP", "ordinal"),
        ("Nilai Evaluasi atas pelaksanaan Reformasi Birokrasi KPU Kabupaten Kubu Raya", "80",
         "skor"),
    ]


def test_kubu_raya_sambungan_halaman_dan_dua_target():
    h = impor_tabel(KUBU, "iku")
    s5 = h.katalog["sasaran"][4]
    # sasaran text continued on the next page (line 58) is joined, not a new sasaran
    assert s5["nama"].startswith("Terlaksananya penetapan Peraturan KPU sesuai dengan")
    assert s5["indikator"][0]["nama"].endswith("dengan tepat waktu sesuai dengan Kerangka "
                                               "Regulasi KPU")
    ind = _indikator(h)
    tgt = {i["nama"]: i["target"]["2024"] for i in ind}
    assert tgt["Persentase pegawai yang mendapatkan layanan kepegawaian secara tepat waktu dan "
               "akurat"] == "97,5%"
    assert tgt["Persentase penegakkan Disiplin Pegawai"] == "90%"
    assert baca_target(tgt["Persentase pegawai yang mendapatkan layanan kepegawaian secara "
                           "tepat waktu dan akurat"]).nilai == 0.975
    assert any(d == (54 + 2, "judul tabel berulang (pindah halaman)") for d in h.baris_dilewati)
    assert (57, "baris nomor kolom") in h.baris_dilewati
    assert (49, "baris nomor kolom") in h.baris_dilewati
    orang = [i for i in ind if i["target"]["2024"] == "2.498 Orang"][0]
    assert baca_target(orang["target"]["2024"]).nilai == 2498


def test_metro_triwulan_bulan_pelaksana():
    h = impor_tabel(METRO, "renaksi")
    ind = _indikator(h)
    adhoc = [i for i in ind if i["target"]["2024"] == "551 Badan Adhoc"]
    assert len(adhoc) == 2
    assert adhoc[0]["satuan"] == "Badan Adhoc" and adhoc[0]["jenis_target"] == "jumlah"
    assert baca_target(adhoc[0]["target"]["2024"]).nilai == 551
    s1 = h.katalog["sasaran"][0]["indikator"][0]
    assert s1["jadwal_tw"] == [1, 2, 3, 4]
    assert s1["pelaksana"] == "DIVISI HUKUM & PENGAWASAN"
    assert s1["kegiatan"] == "Penyusunan Produk Hukum"
    s3 = h.katalog["sasaran"][2]["indikator"][0]
    assert s3["jadwal_tw"] == [1, 2]
    assert s3["target"] == {"2024": "551 penyelenggara"}
    # one-cell lines between the tables: place and date, Pihak Pertama, names, titles
    assert (33, "blok tanda tangan") in h.baris_dilewati      # Metro, 11 Januari 2024
    assert (67, "blok tanda tangan") in h.baris_dilewati      # Pihak Pertama,
    assert (36, "teks satu sel di luar kolom tabel (judul atau tanda tangan)") in h.baris_dilewati


def test_magelang_teks_pdf_tanpa_tab():
    h = impor_tabel(MAGELANG, "iku")
    ind = _indikator(h)
    lap = [i for i in ind if i["nama"] == "Persentase laporan monitoring dan evaluasi yang "
                                          "akuntabel dan tepat waktu"]
    assert lap and lap[0]["target"] == {"2025": "24 Laporan"} and lap[0]["satuan"] == "Laporan"
    disiplin = [i for i in ind if i["nama"] == "Persentase Penegakkan Disiplin Pegawai"]
    assert disiplin[0]["target"] == {"2025": "33 Pegawai"}
    assert [p for _, p in h.peringatan if "sasaran tanpa indikator" in p] == [
        "sasaran tanpa indikator: 'Terwujudnya sistem administrasi penyelenggaraan Pemilu yang "
        "tertib, efektif dan efisien'",
        "sasaran tanpa indikator: 'Terlaksananya layanan peningkatan kinerja, pembinaan disiplin "
        "dan kesejahteraan pegawai'",
        "sasaran tanpa indikator: 'Terwujudnya Dukungan Sarana dan Prasarana guna Meningkatkan "
        "Kelancaran Tugas KPU Kabupaten Magelang'",
        # the last sasaran without the signature block glued to it (lines 462-468)
        "sasaran tanpa indikator: 'Terwujudnya Penyelenggaraan Pemilu/Pemilihan sesuai Jadwal'"]
    assert len(h.peringatan) == 4
    for n in (462, 464, 466, 468):  # Ahmad Rofik / Kota Mungkid, 7 Januari 2025 / Ketua ...
        assert any(x == n and "tanda tangan" in a for x, a in h.baris_dilewati), n
    # lines 399-403: two cells of one printed row ("Pengelolaan Rumah Pintar Pemilu" |
    # "Terbentuknya pusat ...") are the sasaran and its indicator, not one indicator
    rpp = [s for s in h.katalog["sasaran"] if s["nama"] == "Pengelolaan Rumah Pintar Pemilu"]
    assert [(i["nama"], i["target"], i["satuan"]) for i in rpp[0]["indikator"]] == [
        ("Terbentuknya pusat pendidikan pemilih di KPU Kabupaten Magelang", {"2025": "5 kegiatan"},
         "kegiatan")]
    # lines 175-189: a sasaran without indicator is no longer glued to the next sasaran
    bmn = [s for s in h.katalog["sasaran"] if s["indikator"][0]["nama"].startswith(
        "Persentase Barang Milik Negara (BMN)")]
    assert bmn[0]["nama"] == ("Terwujudnya Pengelolaan Barang Milik Negara sesuai dengan "
                              "Peraturan dan Perundangan yang berlaku")
    assert baca_target(rpp[0]["indikator"][0]["target"]["2025"]).nilai == 5


def test_pisah_sel():
    assert pisah_target("B WTP 80") == ["B", "WTP", "80"]
    assert pisah_target("97,5% 90%") == ["97,5%", "90%"]
    assert pisah_target("1.200 orang") == ["1.200 orang"]
    assert pisah_indikator("• Persentase A yang x • Persentase B") == ["Persentase A yang x",
                                                                       "Persentase B"]


def test_csv_xlsx_dan_nilai(tmp_path):
    csv = tmp_path / "iku.csv"
    csv.write_text("No;Sasaran;Indikator Kinerja;Target\n1 ;2;3;4\n"
                   "1;Meningkatnya partisipasi;Jumlah pemilih pemula terlatih;1.200 orang\n"
                   ";;Persentase kepuasan layanan;97,5%\n", encoding="utf-8-sig")
    h = impor_tabel(csv, "iku", tahun=2026)
    ind = _indikator(h)
    assert [(i["nama"], i["target"]) for i in ind] == [
        ("Jumlah pemilih pemula terlatih", {"2026": "1.200 orang"}),
        ("Persentase kepuasan layanan", {"2026": "97,5%"})]
    assert baca_target(ind[0]["target"]["2026"]).nilai == 1200
    assert baca_target(ind[1]["target"]["2026"]).nilai == 0.975
    df = h.ke_dataframe()
    assert list(df["indikator"]) == ["Jumlah pemilih pemula terlatih", "Persentase kepuasan layanan"]
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in [["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"], ["(1)", "(2)", "(3)", "(4)"],
              [1, "Meningkatnya X", "Persentase Y", "100%"]]:
        ws.append(r)
    wb.save(tmp_path / "t.xlsx")
    h = impor_tabel(tmp_path / "t.xlsx", "iku", tahun=2027)
    assert _indikator(h)[0]["target"] == {"2027": "100%"}


def test_cp1252(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes("NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\n1\tTerwujudnya “tertib”\tJumlah "
                  "dokumen\t5 Dokumen\n".encode("cp1252"))
    h = impor_tabel(p, "iku", tahun=2025)
    assert h.katalog["sasaran"][0]["nama"] == "Terwujudnya “tertib”"


@pytest.mark.parametrize("isi, pesan", [
    (b"", "berkas kosong"),
    (b"\x00\x01\x02PKbinary\x00" * 10, "berkas biner"),
    (b"satu\tdua\ntiga\tempat\n", "tidak ada baris judul"),
    (b"NO\tSASARAN\tINDIKATOR\tTARGET\n1\t\x81\x8d\x8f\x90\tx\t1%\n", "pengodean teks tidak dikenal"),
])
def test_masukan_buruk(tmp_path, capsys, isi, pesan):
    p = tmp_path / "masuk.txt"
    p.write_bytes(isi)
    with pytest.raises(KesalahanBerkas, match=pesan):
        impor_tabel(p, "iku")
    out = tmp_path / "k.json"
    assert main(["impor", str(p), "--jenis", "iku", "--keluaran", str(out)]) == 2
    assert pesan in capsys.readouterr().err
    assert not out.exists() and sorted(x.name for x in tmp_path.iterdir()) == ["masuk.txt"]


def test_berkas_besar_ditolak_cepat(tmp_path, capsys):
    import time
    p = tmp_path / "besar.csv"
    with open(p, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    t0 = time.perf_counter()
    assert main(["impor", str(p), "--jenis", "iku", "--keluaran", str(tmp_path / "k.json")]) == 2
    assert time.perf_counter() - t0 < 2
    assert "terlalu besar" in capsys.readouterr().err
    assert not (tmp_path / "k.json").exists()


def test_cli_iku_json_dan_timpa(tmp_path, capsys):
    out = tmp_path / "k.json"
    assert main(["impor", str(KUBU), "--jenis", "iku", "--keluaran", str(out)]) == 0
    kat = json.loads(out.read_text(encoding="utf-8"))
    from xl_kinerja.katalog import Katalog
    Katalog.dari_dict(kat)  # accepted by `baru --iku`
    assert len(kat["sasaran"]) == 42
    isi = out.read_bytes()
    assert main(["impor", str(KUBU), "--jenis", "iku", "--keluaran", str(out)]) == 2
    assert "--timpa" in capsys.readouterr().err and out.read_bytes() == isi


def test_cli_buku_kerja_renaksi(tmp_path):
    out = tmp_path / "r.xlsx"
    assert main(["impor", str(METRO), "--jenis", "renaksi", "--satker", "KPU Kota Metro",
                 "--keluaran", str(out)]) == 0
    import openpyxl
    wb = openpyxl.load_workbook(out)
    teks = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str)}
    assert "Jumlah Badan Penyelenggara Adhoc yang terbentuk" in teks


def test_tahun_di_bawah_target_grup_html_bullet():
    h = impor_tabel(Path(__file__).parent / "fixtures" / "tabel" / "iku-tahun-grup.tsv", "iku")
    kat = h.katalog
    assert kat["periode"] == [2025, 2026]
    assert [(i["nama"], i["target"], i.get("penanggung_jawab")) for i in _indikator(h)] == [
        ("Persentase A", {"2025": "97,5%", "2026": "98%"}, "Subbag Umum"),
        ("Jumlah B", {"2025": "12 Laporan", "2026": "14 Laporan"}, "Subbag Umum"),
        ("Nilai SAKIP", {"2025": "B", "2026": "BB"}, "Subbag Rendatin"),
        ("Persentase C", {"2025": "100%"}, None),
        ("Persentase D", {"2025": "90%"}, None),
    ]
    assert [(d.nomor, d.no, d.indikator) for d in h.baris if d.jenis == "grup"] == [
        (4, "A.", "SASARAN STRATEGIS KPU"), (7, "B.2", "Sasaran lain")]
    assert h.peringatan == [
        (8, "3 indikator tetapi 2 target dalam satu sel ('100% 90%')"),
        (8, "indikator tanpa target yang terbaca tidak dimasukkan ke katalog: 'Persentase E' "
            "(target '')")]
    assert (2, "baris judul kedua (triwulan/bulan/tahun)") in h.baris_dilewati
    assert (3, "baris nomor kolom") in h.baris_dilewati


def test_cli_anggaran_ke_buku_kerja(tmp_path, capsys):
    src = Path(__file__).parent / "fixtures" / "tabel" / "anggaran-2025.tsv"
    out = tmp_path / "a.xlsx"
    assert main(["impor", str(src), "--jenis", "anggaran", "--satker", "KPU X",
                 "--keluaran", str(out)]) == 0
    assert "3 baris anggaran" in capsys.readouterr().out
    import openpyxl

    from xl_kinerja import nama as N
    wb = openpyxl.load_workbook(out)
    lembar, ref = list(wb.defined_names[N.ANGG_PAGU].destinations)[0]
    pagu = [c[0].value for c in wb[lembar][ref.replace("$", "")]]
    assert pagu[1:3] == [2000000000, 647529000]  # program row sums its kegiatan by formula
    # a budget whose program total is not the sum of its kegiatan: clear error, nothing written
    rusak = tmp_path / "r.tsv"
    rusak.write_text(src.read_text(encoding="utf-8").replace("647.529.000\t600", "547.529.000\t600"),
                     encoding="utf-8")
    assert main(["impor", str(rusak), "--jenis", "anggaran", "--satker", "KPU X",
                 "--keluaran", str(tmp_path / "b.xlsx")]) == 2
    assert not (tmp_path / "b.xlsx").exists()


def test_kolom_satuan_masuk_target_dan_katalog(tmp_path):
    p = tmp_path / "s.tsv"
    p.write_text("NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\tSATUAN\n"
                 "1\tTerwujudnya A\tPersentase laporan tepat waktu\t100\t%\n"
                 "2\tTerwujudnya B\tJumlah laporan keuangan\t12\tLaporan\n"
                 "3\tTerwujudnya C\tIndeks kepuasan layanan\t79\tIndeks\n"
                 "4\tTerwujudnya D\tTingkat kepatuhan\t95%\tDokumen\n"
                 "5\tTerwujudnya E\tJumlah pemilih terlatih\t1.200\tOrang\n", encoding="utf-8")
    h = impor_tabel(p, "iku", tahun=2025)
    assert [(i["nama"], i["target"]["2025"], i["satuan"], i["jenis_target"])
            for i in _indikator(h)] == [
        ("Persentase laporan tepat waktu", "100%", "%", "persen"),
        ("Jumlah laporan keuangan", "12 Laporan", "Laporan", "jumlah"),
        ("Indeks kepuasan layanan", "79", "Indeks", "skor"),
        ("Tingkat kepatuhan", "95%", "%", "persen"),   # the target's own unit is kept
        ("Jumlah pemilih terlatih", "1.200 Orang", "Orang", "jumlah")]
    assert baca_target(_indikator(h)[4]["target"]["2025"]).nilai == 1200
    assert baca_target(_indikator(h)[0]["target"]["2025"]).nilai == 1.0
    assert h.peringatan == [(5, "kolom SATUAN 'Dokumen' bertentangan dengan target '95%'; "
                                "dipakai satuan pada target")]
    from xl_kinerja.katalog import Katalog
    Katalog.dari_dict(h.katalog)  # accepted by `baru --iku`


def test_kolom_satuan_per_tahun_dan_sel_ganda(tmp_path):
    p = tmp_path / "s.tsv"
    p.write_text("NO\tSASARAN\tINDIKATOR KINERJA\tSATUAN\tTARGET\t\n"
                 "\t\t\t\t2025\t2026\n"
                 "1\tTerwujudnya A\tJumlah laporan\tLaporan\t12\t14\n"
                 "2\tTerwujudnya B\t• Persentase X • Jumlah Y\t• % • Kali\t90 4\t95 5\n"
                 "3\tTerwujudnya C\t• Jumlah P • Jumlah Q\tBadan Adhoc\t551 20\t\n",
                 encoding="utf-8")
    h = impor_tabel(p, "iku")
    assert [(i["nama"], i["target"], i["satuan"]) for i in _indikator(h)] == [
        ("Jumlah laporan", {"2025": "12 Laporan", "2026": "14 Laporan"}, "Laporan"),
        ("Persentase X", {"2025": "90%", "2026": "95%"}, "%"),
        ("Jumlah Y", {"2025": "4 Kali", "2026": "5 Kali"}, "Kali"),
        ("Jumlah P", {"2025": "551 Badan Adhoc"}, "Badan Adhoc"),
        ("Jumlah Q", {"2025": "20 Badan Adhoc"}, "Badan Adhoc")]


TABEL = Path(__file__).parent / "fixtures" / "tabel"


@pytest.mark.parametrize("path, jenis, catatan", [
    (METRO, "renaksi", "jenis tabel dikenali: Rencana Aksi, dari kolom jadwal (TW/bulan/"
                       "rencana pelaksanaan)"),
    (KUBU, "rkt", "jenis tabel dikenali: RKT, dari judul dokumen 'RENCANA KINERJA TAHUNAN'"),
    # Magelang's title is on its second page (line 157), above no header row
    (MAGELANG, "rkt", "jenis tabel dikenali: RKT, dari judul dokumen 'RENCANA KINERJA TAHUNAN'"),
    (TABEL / "iku-tahun-grup.tsv", "iku", "jenis tabel dikenali: IKU, dari kolom formula/"
                                          "definisi/sumber data atau target beberapa tahun"),
    (TABEL / "anggaran-2025.tsv", "anggaran", "jenis tabel dikenali: anggaran, dari judul kolom "
     "KODE, URAIAN, PAGU, REALISASI T.A 2025, Persen tase (%)"),
])
def test_jenis_dikenali_dari_judul(path, jenis, catatan):
    h = impor_tabel(path)
    assert (h.jenis, h.catatan) == (jenis, [catatan])
    assert impor_tabel(path, jenis).catatan == []  # given: nothing to say


def test_renaksi_tanpa_kolom_jadwal():
    h = impor_tabel(KUBU, "renaksi")
    assert h.catatan == ["tabel Rencana Aksi tanpa kolom jadwal (TW/bulan): setiap indikator "
                         "dijadwalkan TW I-IV (bawaan)"]
    assert not any("jadwal_tw" in i for i in _indikator(h))


def test_jenis_dianggap_bila_ambigu(tmp_path):
    p = tmp_path / "t.tsv"
    p.write_text("NO\tSASARAN PROGRAM\tINDIKATOR KINERJA\tTARGET CAPAIAN\n"
                 "1\tTerwujudnya X\tPersentase Y\t100%\n", encoding="utf-8")
    h = impor_tabel(p)
    assert h.jenis == "rkt"
    assert h.catatan == ["jenis tabel dianggap RKT: judul kolom (NO, SASARAN PROGRAM, INDIKATOR "
                         "KINERJA, TARGET CAPAIAN) cocok untuk IKU, RKT maupun PK; sebutkan "
                         "--jenis bila lain"]


def test_jenis_bertentangan_dengan_judul(tmp_path, capsys):
    with pytest.raises(KesalahanBerkas, match=r"--jenis anggaran, tetapi judul kolom tabel ini "
                       r"adalah tabel indikator \(baris judul 1: NO, SASARAN, INDIKATOR KINERJA"):
        impor_tabel(TABEL / "iku-tahun-grup.tsv", "anggaran")
    out = tmp_path / "a.xlsx"
    assert main(["impor", str(TABEL / "anggaran-2025.tsv"), "--jenis", "rkt", "--satker", "X",
                 "--keluaran", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--jenis rkt, tetapi judul kolom tabel ini adalah tabel anggaran (baris judul 1: " \
           "KODE, URAIAN, PAGU, REALISASI T.A 2025, Persen tase (%)) tanpa kolom INDIKATOR" in err
    assert not out.exists()


def test_kode_anggaran_kpu_program_kegiatan_output():
    h = impor_tabel(TABEL / "anggaran-kode-kpu.tsv", "anggaran", tahun=2025)
    assert [(d.nomor, d.jenis, d.kode) for d in h.baris] == [
        (2, "program", "076.01.CQ"), (3, "kegiatan", "CQ.6709"), (4, "output", "QGE.001"),
        (5, "output", "QGE.002"), (6, "kegiatan", "CQ.6710"), (7, "output", "EBA.994"),
        (8, "program", "076.01.WA"), (9, "kegiatan", "WA.3355"), (10, "total", "")]
    a = h.katalog["anggaran"]
    assert a[0] == {"kode": "076.01.CQ", "uraian": "Program Penyelenggaraan Pemilu dalam Proses "
                    "Konsolidasi Demokrasi", "tingkat": "program", "pagu": {"2025": 1500000000}}
    assert (a[2]["kode"], a[2]["tingkat"], a[2]["pagu"]) == ("QGE.001", "output",
                                                             {"2025": 600000000})
    assert h.peringatan == []


def test_baris_anggaran_tanpa_kode(tmp_path):
    p = tmp_path / "a.tsv"
    p.write_text("NO\tURAIAN\tPAGU\tREALISASI\tPERSENTASE\n"
                 "1\tProgram Dukungan Manajemen\t1.000.000\t900.000\t90,00\n"
                 "\tBelanja Barang\t1.000.000\t900.000\t90,00\n"
                 "\tBelanja Modal\t\t\t\n", encoding="utf-8")
    h = impor_tabel(p, "anggaran", tahun=2025)
    assert [(d.nomor, d.jenis, d.indikator) for d in h.baris] == [
        (2, "program", "Program Dukungan Manajemen"), (3, "kegiatan", "Belanja Barang"),
        (4, "kegiatan", "Belanja Modal")]
    # nothing silently: rows with amounts but no code cannot enter the catalog
    assert h.peringatan == [
        (2, "baris anggaran tanpa kode tidak dimasukkan ke katalog: 'Program Dukungan "
            "Manajemen'"),
        (3, "baris anggaran tanpa kode tidak dimasukkan ke katalog: 'Belanja Barang'")]


def test_cli_tanpa_jenis_mengikuti_keluaran(tmp_path, capsys):
    out = tmp_path / "k.json"
    assert main(["impor", str(KUBU), "--keluaran", str(out)]) == 0
    assert "Catatan: jenis tabel dikenali: RKT, dari judul dokumen 'RENCANA KINERJA TAHUNAN'" \
        in capsys.readouterr().out
    assert len(json.loads(out.read_text(encoding="utf-8"))["sasaran"]) == 42
    assert main(["impor", str(TABEL / "anggaran-2025.tsv"), "--keluaran",
                 str(tmp_path / "a.json")]) == 2
    assert "tabel anggaran tidak menghasilkan katalog indikator" in capsys.readouterr().err
    assert not (tmp_path / "a.json").exists()


def test_xlsx_angka_persen_dan_desimal(tmp_path):
    # numbers typed into Excel: a percent-formatted 0.975 is 97,5%, and 1.234 must not come
    # back as one thousand two hundred thirty-four
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET", "SATUAN"])
    ws.append([1, "Meningkatnya X", "Persentase Y", 0.975, None])
    ws.append([2, "Meningkatnya Z", "Indeks W", 1.234, "Indeks"])
    ws.append([3, "Meningkatnya V", "Persentase U", 1, "%"])
    ws.append([4, "Meningkatnya T", "Jumlah S", 12, "Laporan"])
    ws["D2"].number_format = "0.0%"
    ws["D4"].number_format = "0%"
    wb.save(tmp_path / "t.xlsx")
    h = impor_tabel(tmp_path / "t.xlsx", "iku", tahun=2025)
    ind = _indikator(h)
    assert [i["target"]["2025"] for i in ind] == ["97.5%", "1.2340", "100%", "12 Laporan"]
    assert [baca_target(i["target"]["2025"]).nilai for i in ind] == [0.975, 1.234, 1.0, 12]
    assert h.peringatan == []


@pytest.mark.parametrize("judul,tw", [
    ("REALISASI S.D. TW II", 2), ("Realisasi Triwulan III", 3), ("REALISASI TW 1", 1),
    ("Realisasi s/d Triwulan IV 2024", 4), ("REALISASI SEMESTER I", 2),
    ("Realisasi Semester II", 4), ("REALISASI T.A 2024", 4), ("Realisasi Tahun 2025", 4),
    ("REALISASI", None), ("Realisasi Anggaran", None)])
def test_triwulan_dari_judul_realisasi(judul, tw):
    from xl_kinerja.impor.buku import triwulan_dari_judul
    assert triwulan_dari_judul(judul) == tw


def _realisasi_tw(path, nama_kode=None, nama_tw=None):
    """{kode: [realisasi TW I..IV]} of a workbook's Anggaran (default) or Pengukuran sheet."""
    import openpyxl

    from xl_kinerja import nama as N
    nama_kode, nama_tw = nama_kode or N.ANGG_KODE, nama_tw or N.ANGG_REALISASI_TW
    wb = openpyxl.load_workbook(path)
    kolom = {}
    for nama in (nama_kode, *nama_tw):
        (lembar, ref), = wb.defined_names[nama].destinations
        kolom[nama] = [r[0].value for r in wb[lembar][ref.replace("$", "")]]
    return {k: [kolom[n][i] for n in nama_tw] for i, k in enumerate(kolom[nama_kode]) if k}


def test_impor_anggaran_membawa_realisasi_triwulan(tmp_path, capsys):
    # the README example: "REALISASI S.D. TW II" -> the outputs' TW II realisasi; program,
    # kegiatan and JUMLAH stay formulas (their typed figures are the checker's business)
    contoh = Path(__file__).resolve().parent.parent / "examples" / "tabel" / \
        "realisasi-anggaran-tw2.csv"
    out = tmp_path / "ang.xlsx"
    assert main(["impor", str(contoh), "--tahun", "2025", "--satker", "KPU Kabupaten Contoh",
                 "--keluaran", str(out)]) == 0
    assert ("realisasi 5 baris rincian anggaran dimasukkan sebagai realisasi TW II (dari judul "
            "kolom 'REALISASI S.D. TW II')") in capsys.readouterr().out
    real = _realisasi_tw(out)
    assert real["EBD.952"] == [None, 90_500_000, None, None]
    assert real["EBA.994"] == [None, 1_310_000_000, None, None]
    assert real["QGE.001"] == [None, 0, None, None]
    assert str(real["WA.3358"][1]).startswith("=")  # kegiatan: still its SUM formula
    from xl_kinerja.rekap import baca_nilai, hitung_rekap
    total = hitung_rekap(baca_nilai(out), 2).anggaran[-1]
    assert (total["tingkat"], total["pagu"], total["realisasi"]) == (
        "jumlah", 3_003_679_000, 90_500_000 + 20_000_000 + 1_310_000_000 + 0 + 81_500_000)


def test_impor_anggaran_triwulan_tak_disebut(tmp_path, capsys):
    tabel = tmp_path / "a.tsv"
    tabel.write_text("KODE\tURAIAN\tPAGU\tREALISASI\n"
                     "076.01.WA\tProgram Dukungan Manajemen\t1.000.000\t400.000\n"
                     "EBA.994\tLayanan Perkantoran\t1.000.000\t400.000\n", encoding="utf-8")
    out = tmp_path / "a.xlsx"
    assert main(["impor", str(tabel), "--tahun", "2025", "--satker", "X", "--keluaran",
                 str(out)]) == 0
    assert ("realisasi 1 baris anggaran TIDAK dimasukkan: triwulannya tidak disebut di judul "
            "kolom 'REALISASI'; ulangi dengan --triwulan N") in capsys.readouterr().out
    assert _realisasi_tw(out)["EBA.994"] == [None] * 4
    assert main(["impor", str(tabel), "--tahun", "2025", "--satker", "X", "--keluaran",
                 str(out), "--timpa", "--triwulan", "3"]) == 0
    assert "TW III (dari --triwulan)" in capsys.readouterr().out
    assert _realisasi_tw(out)["EBA.994"] == [None, None, 400_000, None]


def _realisasi_ukur(path):
    from xl_kinerja import nama as N
    return _realisasi_tw(path, N.UKUR_KODE_INDIKATOR, N.UKUR_REALISASI_TW)


def test_impor_pengukuran_membawa_realisasi_indikator(tmp_path, capsys):
    # a Pengukuran table: each realisasi read against its own target by the core; a bare
    # number under "(%)" is a percentage; unreadable text is named, not dropped silently
    tabel = tmp_path / "ukur.tsv"
    tabel.write_text(
        "PENGUKURAN KINERJA TAHUN 2024\n"
        "NO\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET\tREALISASI S.D. TW III (%)\n"
        "1\tMeningkatnya kualitas perencanaan\tPersentase dokumen tepat waktu\t100%\t95,5\n"
        "\t\tJumlah laporan kinerja\t12 Laporan\t9 Laporan\n"
        "2\tMeningkatnya akuntabilitas\tNilai SAKIP\tBB\tB\n"
        "\t\tPersentase temuan ditindaklanjuti\t90%\tsembilan puluh\n", encoding="utf-8")
    out = tmp_path / "u.xlsx"
    assert main(["impor", str(tabel), "--satker", "KPU X", "--keluaran", str(out)]) == 0
    keluar = capsys.readouterr().out
    assert ("realisasi 3 indikator dimasukkan sebagai realisasi TW III (dari judul kolom "
            "'REALISASI S.D. TW III (%)')") in keluar
    assert ("baris 6: realisasi 'sembilan puluh' tidak dimasukkan: realisasi \"sembilan puluh\" "
            "tidak dapat dibaca") in keluar
    real = _realisasi_ukur(out)
    assert real["S1.1"] == [None, None, 0.955, None]
    assert real["S1.2"] == [None, None, 9, None]
    assert real["S2.1"] == [None, None, "B", None]
    assert real["S2.2"] == [None] * 4


@pytest.mark.parametrize("nama, polaritas, asal", [
    ("Jumlah revisi yang dilakukan terhadap rencana kerja yang telah ditetapkan", "min",
     "sama dengan indikator katalog bawaan S1.1"),
    ("Persentase pegawai yang dijatuhi hukuman disiplin", "min",
     "sama dengan indikator katalog bawaan S2.2"),
    # the default catalog's own indicator with the office's name at its end
    ("Persentase pemilih yang berhak tetapi tidak masuk dalam daftar pemilih KPU Kabupaten "
     "Kubu Raya", "min", "sama dengan indikator katalog bawaan K2.2"),
    ("Persentase pemilih yang tidak masuk DPT", "min", "dari kata 'tidak masuk' pada nama "
                                                      "indikator"),
    ("Jumlah pelanggaran kode etik penyelenggara", "min", "dari kata 'pelanggaran' pada nama "
                                                          "indikator"),
    ("Jumlah sengketa proses pemilu", "min", "dari kata 'sengketa' pada nama indikator"),
    ("Jumlah temuan BPK", "min", "dari kata 'temuan' pada nama indikator"),
    # counting what was done about it is higher-is-better
    ("Persentase temuan yang ditindaklanjuti", "maks", "bawaan (lebih tinggi lebih baik)"),
    ("Persentase terselesainya Sengketa Pemilu", "maks", "bawaan (lebih tinggi lebih baik)"),
    ("Persentase laporan tepat waktu", "maks", "bawaan (lebih tinggi lebih baik)"),
])
def test_polaritas_ditebak(nama, polaritas, asal):
    from xl_kinerja.impor.polaritas import tebak_polaritas
    assert tebak_polaritas(nama) == (polaritas, asal)


def test_polaritas_kolom_bawaan_dan_catatan(tmp_path, capsys):
    p = tmp_path / "p.tsv"
    p.write_text("NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\tPOLARITAS\n"
                 "1\tTerwujudnya A\tJumlah revisi rencana kerja\t2 Kali\t\n"
                 "\t\tPersentase laporan tepat waktu\t100%\t\n"
                 "2\tTerwujudnya B\tPersentase keterlambatan laporan\t5%\tmaks\n"
                 "\t\tIndeks kepuasan layanan\t80\tnegatif\n"
                 "\t\tJumlah dokumen\t3 Dokumen\tturun drastis\n", encoding="utf-8")
    h = impor_tabel(p, "iku", tahun=2025)
    assert [(i["nama"], i["polaritas"]) for i in _indikator(h)] == [
        ("Jumlah revisi rencana kerja", "min"), ("Persentase laporan tepat waktu", "maks"),
        ("Persentase keterlambatan laporan", "maks"), ("Indeks kepuasan layanan", "min"),
        ("Jumlah dokumen", "maks")]
    assert h.catatan_polaritas == [
        "polaritas min untuk 'Jumlah revisi rencana kerja' (baris 2): dari kata 'revisi' pada "
        "nama indikator",
        "polaritas maks untuk 'Persentase keterlambatan laporan' (baris 4): kolom POLARITAS",
        "polaritas min untuk 'Indeks kepuasan layanan' (baris 5): kolom POLARITAS",
        "polaritas maks untuk 2 indikator lain (bawaan (lebih tinggi lebih baik)); tulis kolom "
        "POLARITAS atau --polaritas-bawaan bila lain"]
    assert h.peringatan == [(6, "polaritas 'turun drastis' tidak dikenal (tulis maks atau min); "
                                "polaritas indikator 'Jumlah dokumen' ditebak")]
    out = tmp_path / "k.json"
    assert main(["impor", str(p), "--tahun", "2025", "--keluaran", str(out),
                 "--polaritas-bawaan", "min"]) == 0
    assert [i["polaritas"] for s in json.loads(out.read_text(encoding="utf-8"))["sasaran"]
            for i in s["indikator"]] == ["min", "min", "maks", "min", "min"]
    assert "Catatan: polaritas min untuk 3 indikator lain (--polaritas-bawaan); tulis kolom " \
           "POLARITAS atau --polaritas-bawaan bila lain" in capsys.readouterr().out


def test_kemajuan_tabel_panjang_hanya_di_terminal(tmp_path, monkeypatch):
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self):
            return True
    baris = ["NO\tSASARAN\tINDIKATOR KINERJA\tTARGET"] + [
        f"{i}.\tTerwujudnya S{i}\tPersentase laporan {i}\t100%" for i in range(1, 6001)]
    p = tmp_path / "panjang.tsv"
    p.write_text("\n".join(baris) + "\n", encoding="utf-8")
    layar = Terminal()
    monkeypatch.setattr(sys, "stderr", layar)
    # an injected clock (1 ms per reading) makes the frame count independent of the
    # machine's load: the bar redraws at most every `jeda` (0,1 s), not on every line
    jam = iter(range(10**9))
    monkeypatch.setattr(kemajuan.time, "monotonic", lambda: next(jam) / 1000)
    assert len(impor_tabel(p, "iku", tahun=2025).katalog["sasaran"]) == 6000
    assert "\rMembaca panjang.tsv [" in layar.getvalue()
    assert 1 < layar.getvalue().count("\r") < 6001 // 10
    assert "6001" in layar.getvalue()          # the total: every input line
    pendek_ = tmp_path / "pendek.tsv"
    pendek_.write_text("\n".join(baris[:100]) + "\n", encoding="utf-8")
    layar2 = Terminal()
    monkeypatch.setattr(sys, "stderr", layar2)
    impor_tabel(pendek_, "iku", tahun=2025)
    assert layar2.getvalue() == ""              # a short table: no bar
    pipa = io.StringIO()                        # not a terminal: no bar either
    monkeypatch.setattr(sys, "stderr", pipa)
    impor_tabel(p, "iku", tahun=2025)
    assert pipa.getvalue() == ""
