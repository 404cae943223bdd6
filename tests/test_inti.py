"""Exact-value tests of the rules core against docs/aturan.md (sections Angka to Terbilang)."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_kinerja import (
    KesalahanInput,
    Skala,
    baca_angka,
    baca_target,
    capaian,
    capaian_per_sasaran,
    capaian_satker,
    format_angka,
    format_persen,
    persen_anggaran,
    predikat,
    rata_rata_capaian,
    sisa_anggaran,
    terbilang,
)
from xl_kinerja.angka import format_ringkas, sama_angka
from xl_kinerja.evaluasi import di_bawah_target


@pytest.mark.parametrize("teks, nilai", [
    ("1.200", 1200), ("97,5", 97.5), ("82.5", 82.5), ("94.44", 94.44), ("94,44", 94.44),
    ("51.412.431.000", 51412431000), ("Rp. 2.647.529.000,-", 2647529000),
    ("2.526.500.000.-", 2526500000), ("0.125", 0.125), ("0,125", 0.125),
    ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1,200,000", 1200000), (79, 79),
])
def test_baca_angka(teks, nilai):
    assert baca_angka(teks) == nilai


@pytest.mark.parametrize("teks", ["1,200", "abc", "1.2.3", "-", "", "sembilan puluh", "95 %x"])
def test_baca_angka_menolak(teks):
    with pytest.raises(KesalahanInput):
        baca_angka(teks)


def test_angka_ambigu_menyebut_teks():
    with pytest.raises(KesalahanInput, match='"1,200" ambigu'):
        baca_angka("1,200")


@pytest.mark.parametrize("teks, jenis, nilai, satuan", [
    ("100%", "persen", 1.0, "%"), ("82.5%", "persen", 0.825, "%"),
    ("97,5%", "persen", 0.975, "%"), ("0.1%", "persen", 0.001, "%"),
    ("2 Laporan", "jumlah", 2, "Laporan"), ("1.200 orang", "jumlah", 1200, "orang"),
    ("551 Badan Adhoc", "jumlah", 551, "Badan Adhoc"), ("12 Kali", "jumlah", 12, "Kali"),
    ("79", "skor", 79, None), ("0", "nol", 0, None), ("0%", "nol", 0, "%"),
    ("Rp. 2.647.529.000,-", "jumlah", 2647529000, "Rupiah"),
    ("<ul><li>• 24 Laporan</li></ul>", "jumlah", 24, "Laporan"),
])
def test_baca_target_angka(teks, jenis, nilai, satuan):
    t = baca_target(teks)
    assert (t.jenis, t.nilai, t.satuan) == (jenis, nilai, satuan)


@pytest.mark.parametrize("teks, keluarga, grade, rank", [
    ("AA", "sakip", "AA", 7), ("BB", "sakip", "BB", 5), ("D", "sakip", "D", 1),
    ('Nilai Minimal "B"', "sakip", "B", 4), ("WTP", "opini_bpk", "WTP", 4),
    ("Opini WDP", "opini_bpk", "WDP", 3), ("Wajar Tanpa Pengecualian", "opini_bpk", "WTP", 4),
    ("Sangat Baik", "ikpa", "Sangat Baik", 4), ("kurang", "ikpa", "Kurang", 1),
])
def test_baca_target_ordinal(teks, keluarga, grade, rank):
    t = baca_target(teks)
    assert (t.jenis, t.keluarga, t.predikat, t.nilai) == ("ordinal", keluarga, grade, rank)


def test_baca_target_rentang():
    t = baca_target("80 - 90%")
    assert (t.jenis, t.bawah, t.atas, t.satuan) == ("rentang", 0.8, 0.9, "%")
    t = baca_target("75 s/d 80")
    assert (t.jenis, t.bawah, t.atas, t.satuan) == ("rentang", 75, 80, None)


@pytest.mark.parametrize("teks", ["abc", "B WTP 80", "1,200 orang", "", "-5%", "90 - 80%",
                                  "24 Laporan 5 Dokumen", None, True])
def test_baca_target_menolak_dengan_pesan(teks):
    with pytest.raises(KesalahanInput):
        baca_target(teks)


@pytest.mark.parametrize("target, realisasi, polaritas, hasil", [
    (100, 95, "maks", 0.95), ("24 Laporan", "20 Laporan", "maks", 20 / 24),
    ("24 Laporan", 30, "maks", 1.25), ("100%", "95%", "maks", 0.95),
    ("100%", 0.95, "maks", 0.95), ("82.5%", "82,5%", "maks", 1.0),
    # lower is better: 2 - r/t, never below 0
    ("10%", "5%", "min", 1.5), ("10%", "15%", "min", 2 - 0.15 / 0.1),
    ("10%", "35%", "min", 0.0), ("2 Pegawai", "1 Pegawai", "min", 1.5),
    # zero target
    ("0%", "0%", "min", 1.0), ("0%", "1%", "min", 0.0), (0, 3, "min", 0.0),
    ("0%", "5%", "maks", None), (0, 0, "maks", None),
    # range
    ("80 - 90%", "85%", "maks", 1.0), ("80 - 90%", "95%", "maks", 0.95 / 0.9),
    ("80 - 90%", "70%", "maks", 0.7 / 0.8), ("80 - 90%", "80%", "maks", 1.0),
    # range, lower is better: mirrored (below the range > 100%, above it < 100%)
    ("80 - 90%", "70%", "min", 2 - 0.7 / 0.8), ("80 - 90%", "85%", "min", 1.0),
    ("80 - 90%", "95%", "min", 2 - 0.95 / 0.9), ("80 - 90%", "200%", "min", 0.0),
    # ordinal
    ("BB", "A", "maks", 1.0), ("BB", "BB", "maks", 1.0), ("BB", "B", "maks", 4 / 5),
    ("WTP", "WDP", "maks", 3 / 4), ("Baik", "Cukup", "maks", 2 / 3),
    # blanks
    (100, None, "maks", None), (100, "", "maks", None), (None, None, "maks", None),
    (None, 5, "maks", None),
])
def test_capaian(target, realisasi, polaritas, hasil):
    nilai = capaian(target, realisasi, polaritas)
    if hasil is None:
        assert nilai is None
    else:
        assert nilai == pytest.approx(hasil, rel=1e-15, abs=1e-15)


@pytest.mark.parametrize("target, realisasi, polaritas, pesan", [
    ("abc", 5, "maks", "tidak dapat dibaca"),
    ("24 Laporan", "20 orang", "maks", "satuan berbeda"),
    ("100%", "95", "maks", "tanda %"),
    ("BB", 3, "maks", "predikat"),
    ("BB", "WTP", "maks", "skala yang sama"),
    ("BB", "A", "min", "polaritas min"),
    (100, -5, "maks", "negatif"),
    (100, 5, "naik", "polaritas"),
])
def test_capaian_menolak(target, realisasi, polaritas, pesan):
    with pytest.raises(KesalahanInput, match=pesan):
        capaian(target, realisasi, polaritas)


@pytest.mark.parametrize("nilai, skala, hasil", [
    # KPU LKj: > 90 Berhasil; > 70 Cukup; > 50 Kurang; else Tidak
    (0.9, "kpu", "Cukup Berhasil"), (0.9001, "kpu", "Berhasil"), (45 / 50, "kpu", "Cukup Berhasil"),
    (0.7, "kpu", "Kurang Berhasil"), (0.7001, "kpu", "Cukup Berhasil"),
    (0.5, "kpu", "Tidak Berhasil"), (0.5001, "kpu", "Kurang Berhasil"), (0, "kpu", "Tidak Berhasil"),
    (1.5, "kpu", "Berhasil"), ("90%", "kpu", "Cukup Berhasil"), ("90,01%", "kpu", "Berhasil"),
    # Permendagri 86/2017 read continuously
    (0.91, "permendagri", "Sangat Tinggi"), (0.905, "permendagri", "Sangat Tinggi"),
    (0.9, "permendagri", "Tinggi"), (0.76, "permendagri", "Tinggi"), (0.755, "permendagri", "Tinggi"),
    (0.75, "permendagri", "Sedang"), (0.66, "permendagri", "Sedang"), (0.65, "permendagri", "Rendah"),
    (0.51, "permendagri", "Rendah"), (0.5, "permendagri", "Sangat Rendah"),
    # SAKIP scores
    (90.01, "sakip", "AA"), (90, "sakip", "A"), (80.5, "sakip", "A"), (80, "sakip", "BB"),
    (72.8, "sakip", "BB"), ("72,80", "sakip", "BB"), (70, "sakip", "B"), (60, "sakip", "CC"),
    (50, "sakip", "C"), (30.01, "sakip", "C"), (30, "sakip", "D"),
    # IKPA (inclusive)
    (95, "ikpa", "Sangat Baik"), (94.99, "ikpa", "Baik"), (89, "ikpa", "Baik"),
    (88.99, "ikpa", "Cukup"), (70, "ikpa", "Cukup"), (69.99, "ikpa", "Kurang"),
    (None, "kpu", None), ("", "sakip", None),
])
def test_predikat(nilai, skala, hasil):
    assert predikat(nilai, skala) == hasil


def test_predikat_skala_kustom():
    skala = [(None, "Kurang"), (80, "Baik"), (60, "Cukup")]
    assert predikat(0.8, skala) == "Cukup"
    assert predikat(0.81, skala) == "Baik"
    assert predikat(0.6, skala) == "Kurang"
    inklusif = Skala.dari_daftar(skala, inklusif=True)
    assert predikat(0.8, inklusif) == "Baik"
    assert inklusif.baris_naik() == [(None, "Kurang"), (60.0, "Cukup"), (80.0, "Baik")]


@pytest.mark.parametrize("skala", ["tidak-ada", [(90, "A")], [(None, "A"), (None, "B")]])
def test_predikat_skala_salah(skala):
    with pytest.raises(KesalahanInput):
        predikat(0.5, skala)


def test_predikat_capaian_tanpa_persen_ditolak():
    with pytest.raises(KesalahanInput, match="persentase"):
        predikat("90", "kpu")


@pytest.mark.parametrize("pagu, realisasi, persen, sisa", [
    (1000, 950, 0.95, 50), ("Rp. 2.647.529.000,-", "1.323.764.500", 0.5, 1323764500),
    (1000, 1200, 1.2, -200), (0, 0, None, 0), (0, 100, None, -100), (None, 100, None, None),
    (1000, None, None, None), ("", "", None, None),
])
def test_anggaran(pagu, realisasi, persen, sisa):
    assert persen_anggaran(pagu, realisasi) == persen
    assert sisa_anggaran(pagu, realisasi) == sisa


def test_anggaran_negatif_ditolak():
    with pytest.raises(KesalahanInput, match="pagu"):
        persen_anggaran(-1000, 5)
    with pytest.raises(KesalahanInput, match="realisasi"):
        sisa_anggaran(1000, "-5")


def test_terbilang():
    assert terbilang(51412431000) == ("Lima Puluh Satu Miliar Empat Ratus Dua Belas Juta "
                                      "Empat Ratus Tiga Puluh Satu Ribu Rupiah")
    assert terbilang("Rp. 2.647.529.000,-", huruf="kecil") == (
        "dua miliar enam ratus empat puluh tujuh juta lima ratus dua puluh sembilan ribu rupiah")
    assert terbilang(1100, mata_uang=None) == "Seribu Seratus"
    assert terbilang(11, huruf="kapital") == "SEBELAS RUPIAH"
    assert terbilang(None) is None


@pytest.mark.parametrize("angka,teks", [
    (1_000, "seribu"), (1_001_000, "satu juta seribu"), (5_001_250, "lima juta seribu dua ratus "
     "lima puluh"), (2_001_001_000, "dua miliar satu juta seribu"),
    (7_000_001_000, "tujuh miliar seribu"), (3_000_000_001_000, "tiga triliun seribu"),
    (101_000, "seratus satu ribu"), (21_000, "dua puluh satu ribu"),
    (1_101_000, "satu juta seratus satu ribu"), (1_000_000, "satu juta"),
])
def test_terbilang_seribu(angka, teks):
    # a thousands group of exactly 1 is "seribu", also after juta/miliar/triliun
    assert terbilang(angka, mata_uang=None, huruf="kecil") == teks


def test_baca_realisasi():
    from xl_kinerja import baca_realisasi
    assert baca_realisasi("100%", "95,5%") == 0.955
    assert baca_realisasi("12 Laporan", "9 Laporan") == 9
    assert baca_realisasi("BB", "B") == 4  # rank within the SAKIP family
    with pytest.raises(KesalahanInput, match='^realisasi "sembilan puluh" tidak dapat dibaca'):
        baca_realisasi("90%", "sembilan puluh")
    with pytest.raises(KesalahanInput, match="tanda %"):
        baca_realisasi("90%", "95")


def test_jumlah_sesuai_dan_capaian_janggal():
    from xl_kinerja import capaian_janggal, jumlah_sesuai
    assert jumlah_sesuai(1000.0, 1000.004) and jumlah_sesuai(0.3, 0.1 + 0.2)
    assert not jumlah_sesuai(1000.0, 1000.01) and not jumlah_sesuai(1000, 999)
    assert capaian_janggal(1.51) and capaian_janggal(capaian(100, 950))
    assert not capaian_janggal(1.5) and not capaian_janggal(None) and not capaian_janggal(1.2)
    # min: 0 complaints against a target of 5 is 200%, a real result
    assert capaian(5, 0, "min") == 2.0 and not capaian_janggal(2.0, "min")


def test_rincian_anggaran():
    from xl_kinerja import rincian_anggaran
    from xl_kinerja.anggaran import induk_anggaran
    # Kubu Raya style: program > kegiatan > output, a second program with outputs only
    t = ["program", "kegiatan", "output", "output", "kegiatan", "output", "program", "output",
         "jumlah"]
    assert induk_anggaran(t) == [None, 0, 1, 1, 0, 4, None, 6, None]
    assert rincian_anggaran(t) == {0: [1, 4], 1: [2, 3], 4: [5], 6: [7], 8: [0, 6]}
    # no programs: JUMLAH sums the top-level kegiatan; a heading row belongs to nothing
    assert rincian_anggaran(["kegiatan", "judul", "output", "kegiatan", "output", "jumlah"]) == \
        {0: [2], 3: [4], 5: [0, 3]}
    # a program's outputs before its first kegiatan are its own; TOTAL closes the group
    assert rincian_anggaran(["program", "output", "kegiatan", "output", "total", "kegiatan",
                             "output"]) == {0: [1, 2], 2: [3], 5: [6]}
    assert rincian_anggaran([]) == {}


def test_rata_rata():
    assert rata_rata_capaian([1.0, None, 0.5]) == 0.75
    assert rata_rata_capaian([None, None]) is None
    assert rata_rata_capaian([1.5, 0.5], batas_atas=1.0) == 0.75
    pasangan = [("S1", 1.0), ("S1", 0.5), ("S2", 0.9), ("S2", None), ("S3", None)]
    assert capaian_per_sasaran(pasangan) == {"S1": 0.75, "S2": 0.9, "S3": None}
    assert capaian_satker(pasangan) == pytest.approx((0.75 + 0.9) / 2)
    assert capaian_satker(pasangan, dasar="indikator") == pytest.approx(2.4 / 3)
    assert capaian_satker([("S1", 1.4), ("S2", 0.6)], batas_atas=1.2) == pytest.approx(0.9)
    with pytest.raises(KesalahanInput):
        capaian_satker(pasangan, dasar="bulan")


def test_format():
    assert format_angka(1234.5) == "1.234,50"
    assert format_persen(0.95) == "95,00%"
    assert format_angka(51412431000, 0) == "51.412.431.000"
    assert [format_ringkas(v) for v in (98.0, 97.5, 1234.25, 0, 1000)] == [
        "98", "97,5", "1.234,25", "0", "1.000"]
    assert format_ringkas(0.123456789, 6) == "0,123457" and format_ringkas(12.7, 0) == "13"


# --- invariants ---------------------------------------------------------------------
_positif = st.floats(min_value=0.01, max_value=1e6, allow_nan=False)
_realisasi = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@given(_positif, _realisasi, _realisasi)
def test_maks_naik_min_turun(target, r1, r2):
    kecil, besar = sorted((r1, r2))
    assert capaian(target, kecil) <= capaian(target, besar)
    assert capaian(target, kecil, "min") >= capaian(target, besar, "min")
    assert capaian(target, besar, "min") >= 0


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_format_lalu_baca_sama(x):
    dibulatkan = round(x, 2)
    # formatting rounds half-even on the decimal text: within half a cent of x itself
    assert abs(baca_angka(format_angka(x, 2)) - x) <= 0.005 + 1e-6 * max(1.0, abs(x))
    assert math.isclose(baca_angka(format_angka(dibulatkan, 2)), dibulatkan, abs_tol=1e-9)


@given(st.integers(min_value=0, max_value=10**12))
def test_format_bulat_lalu_baca_sama(n):
    assert baca_angka(format_angka(n, 0)) == n


def test_capaian_tahunan_realisasi_terakhir():
    """Annual: the latest non-blank cumulative realisasi against the annual target."""
    from xl_kinerja.capaian import capaian_tahunan, realisasi_terakhir
    assert realisasi_terakhir([5, 8, None, None]) == 8
    assert realisasi_terakhir([5, None, 9, ""]) == 9
    assert realisasi_terakhir([None, None, None, None]) is None
    assert capaian_tahunan("24 Laporan", [6, 12, 18, None]) == 18 / 24
    assert capaian_tahunan("80 - 90%", [None, 0.7, None, None], "min") == pytest.approx(1.125)
    assert capaian_tahunan("100%", [None] * 4) is None
    assert capaian_tahunan("12 Kali", [3, 8, 9, 14], "min") == pytest.approx(2 - 14 / 12)


def test_tabel_aturan():
    from xl_kinerja import aturan
    assert aturan.JENIS_TARGET == ("persen", "jumlah", "skor", "ordinal", "rentang")
    assert [j for j in aturan.JENIS_TARGET if aturan.pecahan(j)] == ["persen", "rentang"]
    assert not aturan.pecahan("tidak-ada") and aturan.pecahan(" Persen ")
    assert aturan.kombinasi_ditolak() == [("ordinal", "min")]
    assert len(aturan.kombinasi()) == 9
    # every accepted combination computes in the core; every refused one is refused there too
    for jenis, pol in aturan.kombinasi():
        t = aturan.JENIS[jenis].contoh
        assert capaian(t, t if jenis != "rentang" else "85%", pol) == 1.0, (jenis, pol)
    for jenis, pol in aturan.kombinasi_ditolak():
        with pytest.raises(KesalahanInput):
            capaian(aturan.JENIS[jenis].contoh, aturan.JENIS[jenis].contoh, pol)
    with pytest.raises(KesalahanInput, match="G10: polaritas 'min' tidak berlaku untuk "
                                             "jenis_target 'ordinal'"):
        aturan.periksa_kombinasi("ordinal", "min", "G10")
    with pytest.raises(KesalahanInput, match="jenis_target 'pangkat' tidak dikenal"):
        aturan.jenis_target("pangkat")
    assert aturan.TINGKAT_ANGGARAN == ("program", "kegiatan", "output")
    assert aturan.tahun_sah(2027) and not aturan.tahun_sah(20277)


def test_rentang_batas_atas_nol_ditolak():
    with pytest.raises(KesalahanInput, match="batas atas 0"):
        baca_target("0 - 0%")


def test_di_bawah_target():
    """Below target = the `tercapai` rule (>= 100% after 9-decimal rounding), not a copy."""
    assert di_bawah_target(0.9999) and di_bawah_target(0.0)
    assert not di_bawah_target(1.0) and not di_bawah_target(1.2)
    assert not di_bawah_target(45 / 45.0000000001)  # float noise below 1e-9 is on target
    assert not di_bawah_target(None)  # no capaian: neither on nor below target


@pytest.mark.parametrize("a,b,sama", [
    (0.1 + 0.2, 0.3, True),              # binary noise
    (5_048_996_000, 5_048_996_004, True),   # 1e-9 of the pagu: under 5,05 rupiah
    (5_048_996_000, 5_048_996_010, False),
    (0.0, 1e-10, True), (0.0, 1e-8, False),  # near zero: 1e-9 absolute
    (0.9444, 0.9445, False), (-2.0, 2.0, False),
])
def test_sama_angka(a, b, sama):
    assert sama_angka(a, b) is sama
    assert sama_angka(b, a) is sama  # symmetric

