"""The checker of a hand-written LKj (.docx): seeded errors found exactly, spelling variants
accepted, nothing reported on the LKj xl-kinerja writes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from xl_kinerja import terbilang
from xl_kinerja.cli import main
from xl_kinerja.periksa import periksa_berkas
from xl_kinerja.periksa.lkj import baca_terbilang

ROOT = Path(__file__).resolve().parent.parent
ATURAN_TEKS = {"angka_kata_berbeda", "terbilang_rupiah_berbeda", "jumlah_tabel_berbeda",
               "anggaran_disebut_capaian"}


def _tabel(doc, baris):
    t = doc.add_table(rows=len(baris), cols=len(baris[0]))
    for i, isi in enumerate(baris):
        for j, teks in enumerate(isi):
            t.cell(i, j).text = teks


@pytest.fixture
def lkj_tangan(tmp_path):
    """An LKj as offices type it (phrasing of real reports), with seeded errors."""
    import docx
    doc = docx.Document()
    doc.add_heading("BAB II PERENCANAAN KINERJA", 1)
    doc.add_paragraph("Perjanjian Kinerja Tahun 2024 memuat 4 (empat) sasaran strategis yang "
                      "diukur dengan 4 (empat) indikator sebagai berikut:")        # para 2: 3 rows
    _tabel(doc, [["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"],
                 ["1", "Meningkatnya kualitas perencanaan", "Persentase dokumen perencanaan "
                  "yang tepat waktu", "100%"],
                 ["2", "Meningkatnya akuntabilitas", "Nilai SAKIP", "BB"],
                 ["3", "Meningkatnya partisipasi pemilih", "Persentase partisipasi pemilih",
                  "77,5%"]])
    doc.add_paragraph("Untuk mencapai sasaran tersebut dilaksanakan 7 (delapan) kegiatan "
                      "dengan dukungan 12 (duabelas) orang pegawai.")             # para 3
    doc.add_paragraph("Pagu anggaran Tahun 2024 sebesar Rp 51.412.431.000,- (lima puluh satu "
                      "miliar empat ratus dua belas juta empat ratus tiga puluh ribu rupiah) "
                      "yang terdiri dari 2 (dua) program sebagai berikut:")       # para 4
    _tabel(doc, [["KODE", "URAIAN", "PAGU", "REALISASI", "%"],
                 ["076.01.WA", "Program Dukungan Manajemen", "2.647.529.000", "2.600.000.000",
                  "98,20"],
                 ["076.01.CQ", "Program Penyelenggaraan Pemilu", "1.000.000.000",
                  "950.000.000", "95,00"],
                 ["", "JUMLAH", "3.657.529.000", "3.550.000.000", "97,06"]])
    doc.add_heading("BAB III AKUNTABILITAS KINERJA", 1)
    doc.add_paragraph("Capaian kinerja anggaran Tahun 2024 sebesar 97,06%, sedangkan "  # para 6
                      "sasaran kedua tercapai 11 (Sebelas) bulan lebih awal.")
    doc.add_paragraph("Realisasi anggaran sebesar Rp. 2.647.529.000,- (Dua Milyar Enam Ratus "
                      "Empat Puluh Tujuh Juta Lima Ratus Dua Puluh Sembilan Ribu Rupiah) "
                      "dengan capaian 98,20% dari pagu.")                         # para 7
    doc.add_paragraph("Dari 12 (dua belas) indikator, 9 (Sembilan) indikator tercapai "
                      "(Tercapai) dan 3 (tiga) indikator tidak tercapai; laporan disampaikan "
                      "kepada KPU RI (Komisi Pemilihan Umum).")                   # para 8
    p = tmp_path / "LKj-2024-tangan.docx"
    doc.save(str(p))
    return p


def test_kesalahan_tertanam_ditemukan_persis(lkj_tangan):
    t = periksa_berkas(lkj_tangan)
    teks = sorted((x.aturan, x.lokasi.get("paragraf")) for x in t if x.aturan in ATURAN_TEKS)
    assert teks == [("anggaran_disebut_capaian", 6), ("anggaran_disebut_capaian", 7),
                    ("angka_kata_berbeda", 3), ("jumlah_tabel_berbeda", 2),
                    ("terbilang_rupiah_berbeda", 4)]
    per = {x.aturan: x for x in t}
    assert per["angka_kata_berbeda"].tercatat == "7 (delapan)"
    assert "'delapan' (= 8)" in per["angka_kata_berbeda"].pesan
    assert per["terbilang_rupiah_berbeda"].dihitung == "51.412.431.000"
    assert "51.412.430.000" in per["terbilang_rupiah_berbeda"].pesan
    j = per["jumlah_tabel_berbeda"]
    assert (j.tercatat, j.dihitung) == (4, 3) and "tabel ke-1" in j.pesan
    # the budget table's own error goes through the table checker: JUMLAH pagu 3.657.529.000
    # is not 2.647.529.000 + 1.000.000.000
    tabel = [x for x in t if x.aturan not in ATURAN_TEKS]
    assert [(x.aturan, x.lokasi["sheet"], x.tercatat, x.dihitung) for x in tabel] == \
        [("jumlah_salah", "tabel ke-2", 3_657_529_000, 3_647_529_000)]


def test_cli_menyebut_paragraf(lkj_tangan, capsys):
    assert main(["periksa", str(lkj_tangan)]) == 1
    keluar = capsys.readouterr().out
    assert "paragraf ke-3: angka 7 ditulis dengan kata 'delapan'" in keluar
    assert "6 temuan" in keluar
    assert main(["periksa", str(lkj_tangan), "--format", "json"]) == 1
    d = json.loads(capsys.readouterr().out)
    assert {x["aturan"] for x in d} >= ATURAN_TEKS


@pytest.mark.parametrize("n", [1, 7, 11, 12, 19, 21, 100, 101, 111, 1000, 1001, 12345,
                               1_001_000, 5_001_000, 2_647_529_000, 51_412_431_000])
def test_kata_bilangan_dibaca_balik(n):
    assert baca_terbilang(terbilang(n, None, "kecil")) == n
    assert baca_terbilang(terbilang(n)) == n  # "... Rupiah", Title Case
    assert baca_terbilang(terbilang(n, None, "kapital").replace(" ", "")) == n


def test_varian_ejaan_bukan_bilangan():
    assert baca_terbilang("duabelas") == baca_terbilang("Dua Belas") == 12
    assert baca_terbilang("lima puluh satu milyar") == 51_000_000_000
    for bukan in ("Tercapai", "KPU RI", "dua tiga", "seratus seratus", "ribu"):
        assert baca_terbilang(bukan) is None


def test_lkj_buatan_sendiri_tanpa_temuan(tmp_path):
    """The LKj xl-kinerja writes from a clean workbook: no finding at all; from the Kubu Raya
    example only the example's own data findings (contradictory targets of the real RKT,
    realisasi above pagu), which the workbook checker reports as well."""
    import importlib.util

    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    from xl_kinerja.katalog import Katalog
    from xl_kinerja.lkj import laporan_kinerja
    from xl_kinerja.lkj.word import tulis_docx
    spec = importlib.util.spec_from_file_location("buat_contoh", ROOT / "examples" /
                                                  "buat_contoh.py")
    contoh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(contoh)
    kat = Katalog.bawaan()
    wb = buat_buku_kerja(kat, 2027, satker="KPU Kabupaten Contoh")
    anggaran = {b.kode: [None, None, None, round(b.pagu[2027] * 0.95)]
                for b in kat.anggaran if 2027 in b.pagu}
    isi_realisasi(wb, kinerja=contoh._realisasi_kinerja(wb, "bawaan", 4), anggaran=anggaran)
    buku = simpan(wb, tmp_path / "kinerja-2027.xlsx")
    docx = tulis_docx(laporan_kinerja(buku), tmp_path / "LKj-2027.docx")
    assert periksa_berkas(docx) == []
    docx = tulis_docx(laporan_kinerja(ROOT / "examples" / "contoh-rkt-2024-kubu-raya.xlsx"),
                      tmp_path / "LKj-2024.docx")
    t = periksa_berkas(docx)
    assert [x for x in t if x.aturan in ATURAN_TEKS] == []
    assert {x.aturan for x in t} == {"satuan_bertentangan", "realisasi_melebihi_pagu"}
    assert {x.lokasi["kode"] for x in t if x.aturan == "realisasi_melebihi_pagu"} == {"WA.3356"}
