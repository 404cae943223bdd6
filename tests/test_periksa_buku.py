"""Checker on a workbook of ours: read with the rekap engine, computed from the input cells.

One generated workbook (default catalog, 2027) filled for TW I-II with realisasi = target
(every capaian 100%) and 20% / 50% of each output's pagu, then variants with known errors.
All fresh variants are recalculated by LibreOffice in ONE call (session fixture), and every
variant is checked both ways: freshly written (no cached values) and recalculated.
"""
from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_kinerja import kontrak, terbilang
from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.errors import KesalahanBerkas
from xl_kinerja.periksa import periksa_berkas
from xl_kinerja.periksa.buku import buku_kerja_kita, periksa_buku_kerja

METRO = Path(__file__).parent / "fixtures" / "seeds" / "renaksi-2024-kpu-kota-metro.txt"
TAHUN = 2027

# rows of the default catalog's 2027 workbook (data starts on row 6 in both sheets)
UKUR = {"K1.1": 6, "K2.1": 7, "K2.2": 8, "K3.1": 9, "K5.2": 13, "S1.2": 16, "S5.2": 26}
ANGG = {"076.01.WA": 6, "WA.3355": 7, "EBD.952": 8, "EBD.955": 9, "EBA.994": 11, "EBA.962": 12,
        "EBA.957": 15, "WA.3358": 16, "076.01.CQ": 19, "QGE.002": 22, "QDB.002": 27, "JUMLAH": 28}
PAGU_OUTPUT = {  # default catalog, 2027
    "EBD.952": 200529000, "EBD.955": 104645000, "EBA.994": 2863567000, "EBA.962": 153912000,
    "EBA.956": 85014000, "EBA.957": 69439000, "EBB.951": 385050000, "EBA.958": 662426000,
    "QGE.001": 128170000, "QGE.002": 80038000, "QDC.001": 95451000, "QDB.001": 169595000,
    "QDB.002": 51160000}


def _kolom(wb, nama):
    """The openpyxl cells of a one-column name, located with the contract reader."""
    r = kontrak.buka(wb, periksa_versi=False).rentang(nama)
    ws = wb[r.lembar]
    return [ws.cell(b, r.kolom1) for b in range(r.baris1, r.baris2 + 1)]


def _sel(wb, nama, baris):
    return next(c for c in _kolom(wb, nama) if c.row == baris)


def _isi_bersih(wb):
    """TW I-II: realisasi = quarterly target; anggaran 20% and 50% of every output's pagu."""
    target = [_kolom(wb, n) for n in N.UKUR_TARGET_TW]
    real = [_kolom(wb, n) for n in N.UKUR_REALISASI_TW]
    for q in (0, 1):
        for t, r in zip(target[q], real[q], strict=True):
            r.value = t.value
    kode = [c.value for c in _kolom(wb, N.ANGG_KODE)]
    for q, f in ((0, 0.2), (1, 0.5)):
        for k, c in zip(kode, _kolom(wb, N.ANGG_REALISASI_TW[q]), strict=True):
            if k in PAGU_OUTPUT:
                c.value = round(PAGU_OUTPUT[k] * f)


def _salah(wb):
    """Input errors only (no formula column touched)."""
    _sel(wb, N.UKUR_REALISASI_TW[1], UKUR["K2.1"]).value = None        # realisasi missing
    _sel(wb, N.UKUR_REALISASI_TW[0], UKUR["K3.1"]).value = 1           # no TW I target
    _sel(wb, N.UKUR_REALISASI_TW[1], UKUR["S5.2"]).value = 550         # 550 / 55: typo
    _sel(wb, N.ANGG_REALISASI_TW[1], ANGG["EBD.955"]).value = 110_000_000  # > pagu
    _sel(wb, N.ANGG_PAGU, ANGG["QGE.002"]).value = 0                   # pagu 0, realisasi
    _sel(wb, N.ANGG_REALISASI_TW[0], ANGG["QGE.002"]).value = 1_000_000
    _sel(wb, N.ANGG_REALISASI_TW[1], ANGG["QGE.002"]).value = 2_000_000
    _sel(wb, N.ANGG_PAGU, ANGG["WA.3358"]).value = 1_000_000_000       # subtotal typed over
    _sel(wb, N.ANGG_PAGU, ANGG["076.01.WA"]).value = WA_PAGU           # = its rows as recorded
    _sel(wb, N.ANGG_REALISASI_TW[0], ANGG["076.01.CQ"]).value = 5      # program typed over
    _sel(wb, N.ANGG_REALISASI_TW[1], ANGG["JUMLAH"]).value = 1         # JUMLAH typed over
    _sel(wb, N.ANGG_KODE, ANGG["EBA.957"]).value = "QGE."              # incomplete code
    _sel(wb, N.ANGG_KODE, ANGG["EBA.962"]).value = "EBA.994"           # one code, two names
    _sel(wb, N.ANGG_KODE, ANGG["QDB.002"]).value = "QDB.001"           # duplicated row
    _sel(wb, N.ANGG_URAIAN, ANGG["QDB.002"]).value = "Sosialisasi dan Pendidikan Pemilih"
    _sel(wb, N.UKUR_KODE_INDIKATOR, UKUR["K2.2"]).value = "K2.1"       # indicator code twice
    _sel(wb, N.UKUR_KODE_INDIKATOR, UKUR["S1.2"]).value = "S1."        # incomplete
    _sel(wb, N.UKUR_SASARAN, UKUR["K5.2"]).value = "Sasaran lain"     # sasaran K5, 2 names


def _ditimpa(wb):
    """Constants typed over formula cells (the sheet protection has no password)."""
    _sel(wb, N.UKUR_CAPAIAN_TW[0], UKUR["K1.1"]).value = 0.5   # H6: formula gives 100%
    _sel(wb, N.UKUR_PREDIKAT_TW[1], UKUR["K2.1"]).value = None  # M7: formula deleted
    _sel(wb, N.ANGG_PERSEN_TW[1], ANGG["EBD.952"]).value = 0.5  # I8: same value as formula
    _sel(wb, N.ANGG_SISA_TW[0], ANGG["EBA.994"]).value = 123    # G11
    _sel(wb, N.ANGG_PAGU, ANGG["WA.3355"]).value = 305_174_000  # D7: = its SUM, for now
    _sel(wb, N.UKUR_CAPAIAN_TAHUNAN, UKUR["S5.2"]).value = 1    # W26: annual column


def _sel_terbilang(wb, lembar):
    return next(c for r in wb[lembar].iter_rows() for c in r
                if isinstance(c.value, str) and "Terbilang:" in c.value)


TERBILANG_LAMA = "Lima Miliar Empat Puluh Delapan Juta Sembilan Ratus Sembilan Puluh Enam Ribu " \
                 "Rupiah"


def _terbilang(wb):
    """Pagu edited after the PK was written: a typed terbilang (PK KPU) and the fixed-text
    formula of earlier versions (PK Sekretariat) are stale; the RKT's live one is not."""
    _sel(wb, N.ANGG_PAGU, ANGG["EBD.952"]).value = 200_529_001
    _sel_terbilang(wb, "PK KPU").value = "Terbilang: " + TERBILANG_LAMA
    sel = _sel_terbilang(wb, "PK Sekretariat")
    jumlah = f"D{sel.row - 1}"
    sel.value = (f'=IF(ROUND({jumlah},0)=5048996000,"Terbilang: {TERBILANG_LAMA}",'
                 f'"Terbilang: (jumlah berubah; tulis ulang terbilang)")')


VARIAN = {"bersih": None, "salah": _salah, "ditimpa": _ditimpa, "terbilang": _terbilang}


@pytest.fixture(scope="session")
def buku(tmp_path_factory):
    """{name: (fresh path, recalculated path)}; one LibreOffice call for all."""
    from xl_kinerja.generator import buat_buku_kerja, simpan
    from xl_kinerja.libreoffice import hitung_ulang
    folder = tmp_path_factory.mktemp("periksa_buku")
    segar = {}
    for nama, ubah in VARIAN.items():
        wb = buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh")
        _isi_bersih(wb)
        if ubah:
            ubah(wb)
        segar[nama] = simpan(wb, folder / f"{nama}.xlsx")
    hitung = hitung_ulang(list(segar.values()), folder / "terhitung")
    return {n: (segar[n], h) for n, h in zip(segar, hitung, strict=True)}


def _ringkas(temuan):
    return [(t.aturan, t.lokasi["sheet"], t.lokasi["baris"], t.lokasi["kode"], t.tercatat,
             t.dihitung, t.tingkat) for t in temuan]


@pytest.mark.parametrize("versi", [0, 1], ids=["segar", "terhitung"])
def test_bersih(buku, versi):
    p = buku["bersih"][versi]
    assert buku_kerja_kita(p)
    assert periksa_berkas(p) == []


def test_tata_letak_yang_dipakai(buku):
    """The rows and pagu this file relies on are those of the generated workbook."""
    wb = openpyxl.load_workbook(buku["bersih"][0])
    kode_u = {c.row: c.value for c in _kolom(wb, N.UKUR_KODE_INDIKATOR)}
    kode_a = {c.row: c.value or "JUMLAH" for c in _kolom(wb, N.ANGG_KODE)}
    assert all(kode_u[r] == k for k, r in UKUR.items())
    assert all(kode_a[r] == k for k, r in ANGG.items())
    pagu = {kode_a[c.row]: c.value for c in _kolom(wb, N.ANGG_PAGU)
            if not str(c.value).startswith("=")}
    assert pagu == PAGU_OUTPUT


def test_terhitung_punya_nilai_tersimpan(buku):
    """The fixture really gives one file without and one with cached values."""
    segar, hitung = buku["bersih"]
    def nilai(p):
        return _sel(openpyxl.load_workbook(p, data_only=True), N.UKUR_CAPAIAN_TW[0],
                    UKUR["K1.1"]).value
    assert nilai(segar) is None
    assert nilai(hitung) == 1


# TW I of the kegiatan under program 076.01.CQ: CQ.6709 (QGE.001 20% + QGE.002 1.000.000),
# CQ.6710 (QDC.001 20%), CQ.6711 (QDB.001 20% + QDB.002 20%)
CQ_TW1 = 25_634_000 + 1_000_000 + 19_090_200 + 33_919_000 + 10_232_000
# pagu of program 076.01.WA from its kegiatan as recorded (WA.3358 typed as 1.000.000.000)
WA_PAGU = 200_529_000 + 104_645_000 + 2_863_567_000 + 153_912_000 + 85_014_000 + 69_439_000 \
    + 1_000_000_000
# TW II of JUMLAH: every output at 50% except the two changed by _salah
JUMLAH_TW2 = sum(round(p * 0.5) for k, p in PAGU_OUTPUT.items()
                 if k not in ("EBD.955", "QGE.002")) + 110_000_000 + 2_000_000

def _nama_katalog():
    from xl_kinerja.katalog import Katalog
    k = Katalog.bawaan()
    return ({x.kode: x.nama for x in k.sasaran},
            {ind.kode: ind.nama for _, ind in k.semua_indikator()})


SASARAN, INDIKATOR = _nama_katalog()

SALAH = [
    # codes: anggaran (strict form), sasaran, indikator (incomplete only)
    ("kode_nama_ganda", "Anggaran", 12, "EBA.994", "Layanan Umum dan Kepegawaian",
     "Layanan Perkantoran (Gaji dan Tunjangan)", "galat"),
    ("kode_tidak_lengkap", "Anggaran", 15, "QGE.", "QGE.", None, "galat"),
    ("baris_ganda", "Anggaran", 27, "QDB.001", "Sosialisasi dan Pendidikan Pemilih", None,
     "peringatan"),
    ("kode_nama_ganda", "Pengukuran", 13, "K5", "Sasaran lain", SASARAN["K5"], "galat"),
    ("kode_nama_ganda", "Pengukuran", 8, "K2.1", INDIKATOR["K2.2"], INDIKATOR["K2.1"],
     "galat"),
    ("kode_tidak_lengkap", "Pengukuran", 16, "S1.", "S1.", None, "galat"),
    # subtotal / program typed over: recorded vs the sum of its rows (as recorded: the
    # program equals its kegiatan, one of which is wrong)
    ("rumus_ditimpa", "Anggaran", 6, "076.01.WA", WA_PAGU, WA_PAGU, "peringatan"),
    ("total_kegiatan_salah", "Anggaran", 16, "WA.3358", 1_000_000_000, 385_050_000 + 662_426_000,
     "galat"),
    ("total_program_salah", "Anggaran", 19, "076.01.CQ", 5, CQ_TW1, "galat"),
    ("jumlah_salah", "Anggaran", 28, None, 1, JUMLAH_TW2, "galat"),
    # TW I
    ("realisasi_tanpa_target", "Pengukuran", 9, "K3.1", 1, None, "peringatan"),
    ("realisasi_melebihi_pagu", "Anggaran", 22, "QGE.002", 1_000_000, 0, "galat"),
    # TW II
    ("realisasi_kosong", "Pengukuran", 7, "K2.1", None, None, "peringatan"),
    ("capaian_janggal", "Pengukuran", 26, "S5.2", 550, "1.000,00%", "peringatan"),
    ("realisasi_melebihi_pagu", "Anggaran", 9, "EBD.955", 110_000_000, 104_645_000, "galat"),
    ("realisasi_melebihi_pagu", "Anggaran", 22, "QGE.002", 2_000_000, 0, "galat"),
]


@pytest.mark.parametrize("versi", [0, 1], ids=["segar", "terhitung"])
def test_temuan_isian(buku, versi):
    temuan = periksa_buku_kerja(buku["salah"][versi])
    assert _ringkas(temuan) == SALAH
    for t in temuan:
        assert t.lokasi["berkas"] == str(buku["salah"][versi])
        assert t.pesan
    pesan = {t.aturan + str(t.lokasi["baris"]): t.pesan for t in temuan}
    assert pesan["total_kegiatan_salah16"] == (
        "sel D16: pagu kegiatan tercatat Rp 1.000.000.000 bukan jumlah "
        "rinciannya Rp 1.047.476.000 (rumus jumlah ditimpa angka)")
    assert "TW II" in pesan["realisasi_kosong7"]
    assert temuan[3].lokasi["indikator"] == "Sasaran lain"


DITIMPA = [
    ("rumus_ditimpa", "Anggaran", 7, "WA.3355", 305_174_000, 200_529_000 + 104_645_000,
     "peringatan"),
    ("rumus_ditimpa", "Pengukuran", 6, "K1.1", "50,00%", "100,00%", "galat"),
    ("rumus_ditimpa", "Anggaran", 11, "EBA.994", 123, 2_863_567_000 - 572_713_400, "galat"),
    ("rumus_ditimpa", "Pengukuran", 7, "K2.1", None, "Berhasil", "galat"),
    ("rumus_ditimpa", "Anggaran", 8, "EBD.952", "50,00%", "50,00%", "peringatan"),
    # the annual column typed over: the engine's annual capaian (the latest realisasi
    # against the annual target) says what it should be
    ("rumus_ditimpa", "Pengukuran", 26, "S5.2", "100,00%", "50,00%", "galat"),
]


def test_rumus_ditimpa_segar(buku):
    """A constant in a formula column is a recorded value even without cached values."""
    temuan = periksa_buku_kerja(buku["ditimpa"][0])
    assert _ringkas(temuan) == DITIMPA
    assert [re.search(r"sel (\w+)", t.pesan).group(1) for t in temuan] == \
        ["D7", "H6", "G11", "M7", "I8", "W26"]


def test_rumus_ditimpa_terhitung(buku):
    """Recalculated: the same cells, plus what the typed value did downstream (the predikat
    formula next to H6 now shows 'Tidak Berhasil'), found only through cached values."""
    temuan = periksa_buku_kerja(buku["ditimpa"][1])
    assert _ringkas(temuan) == DITIMPA[:2] + [
        ("predikat_bertentangan", "Pengukuran", 6, "K1.1", "Tidak Berhasil", "Berhasil",
         "galat")] + DITIMPA[2:]
    assert "sel I6" in temuan[2].pesan


def _ubah_nilai_tersimpan(src: Path, dst: Path, lembar: str, sel: str, nilai: str):
    """Change one input cell's value inside the xlsx XML, leaving every cached formula
    result as it was: what Excel in manual calculation mode saves."""
    wb = openpyxl.load_workbook(src, read_only=True)
    indeks = wb.sheetnames.index(lembar) + 1
    wb.close()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            isi = zin.read(item.filename)
            if item.filename == f"xl/worksheets/sheet{indeks}.xml":
                teks, n = re.subn(rf'(<c r="{sel}"[^>]*>)<v>[^<]*</v>', rf"\g<1><v>{nilai}</v>",
                                  isi.decode("utf-8"))
                assert n == 1
                isi = teks.encode("utf-8")
            zout.writestr(item, isi)


def test_nilai_tersimpan_basi(buku, tmp_path):
    """Realisasi changed without recalculation: the cached capaian and predikat no longer
    follow the input. Found only when cached values exist."""
    basi = tmp_path / "basi.xlsx"
    _ubah_nilai_tersimpan(buku["bersih"][1], basi, "Pengukuran", "G6", "0.5")
    assert _sel(openpyxl.load_workbook(basi), N.UKUR_REALISASI_TW[0], 6).value == 0.5
    assert _ringkas(periksa_buku_kerja(basi)) == [
        ("persen_salah", "Pengukuran", 6, "K1.1", "100,00%", "50,00%", "galat"),
        ("predikat_bertentangan", "Pengukuran", 6, "K1.1", "Berhasil", "Tidak Berhasil",
         "galat")]
    # the same edit in the fresh file: nothing cached, nothing stale, 50% is a valid value
    segar = tmp_path / "segar.xlsx"
    wb = openpyxl.load_workbook(buku["bersih"][0])
    _sel(wb, N.UKUR_REALISASI_TW[0], 6).value = 0.5
    wb.save(segar)
    assert periksa_buku_kerja(segar) == []


@pytest.mark.parametrize("versi", [0, 1], ids=["segar", "terhitung"])
def test_terbilang(buku, versi):
    total = sum(PAGU_OUTPUT.values()) + 1
    benar = terbilang(total)
    assert benar == ("Lima Miliar Empat Puluh Delapan Juta Sembilan Ratus Sembilan Puluh Enam "
                     "Ribu Satu Rupiah")
    temuan = periksa_buku_kerja(buku["terbilang"][versi])
    assert [(t.aturan, t.lokasi["sheet"], t.tercatat, t.dihitung) for t in temuan] == [
        ("terbilang_tak_sesuai", "PK KPU", TERBILANG_LAMA, benar),
        ("terbilang_tak_sesuai", "PK Sekretariat", TERBILANG_LAMA, benar)]
    wb = openpyxl.load_workbook(buku["terbilang"][0])
    assert [t.lokasi["baris"] for t in temuan] == [
        _sel_terbilang(wb, "PK KPU").row, _sel_terbilang(wb, "PK Sekretariat").row]


def test_terbilang_belum_ditulis(buku, tmp_path):
    """The placeholder an earlier version wrote while the pagu was blank, pagu filled since."""
    p = tmp_path / "t.xlsx"
    wb = openpyxl.load_workbook(buku["bersih"][0])
    _sel_terbilang(wb, "RKT").value = '="Terbilang: (isi pagu pada lembar Anggaran)"'
    wb.save(p)
    assert [(t.aturan, t.lokasi["sheet"], t.tercatat, t.dihitung)
            for t in periksa_buku_kerja(p)] == [
        ("terbilang_tak_sesuai", "RKT", "(isi pagu pada lembar Anggaran)",
         terbilang(sum(PAGU_OUTPUT.values())))]


def test_cli_kode_keluar(buku, tmp_path, capsys):
    assert main(["periksa", str(buku["bersih"][0]), str(buku["bersih"][1])]) == 0
    assert "Tidak ada temuan" in capsys.readouterr().out
    assert main(["periksa", str(buku["salah"][1]), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert len(data) == len(SALAH)
    assert set(data[0]) == {"aturan", "lokasi", "pesan", "tercatat", "dihitung", "tingkat"}
    assert set(data[0]["lokasi"]) == {"berkas", "sheet", "baris", "kode", "indikator"}
    assert main(["periksa", str(buku["ditimpa"][0])]) == 1
    keluar = capsys.readouterr().out.splitlines()
    assert keluar[1].startswith(f"GALAT [rumus_ditimpa] {buku['ditimpa'][0]}, sheet "
                                "'Pengukuran', baris 6, kode K1.1: sel H6 (capaian TW I) "
                                "berisi nilai tetap 50,00%")
    assert keluar[-1] == f"{len(DITIMPA)} temuan"
    # text in numeric input cells: every one is a finding naming sheet, row and value (the
    # cell counts as blank for the rest, without a second "not filled in" finding)
    p = tmp_path / "teks.xlsx"
    wb = openpyxl.load_workbook(buku["bersih"][0])
    _sel(wb, N.UKUR_REALISASI_TW[0], 6).value = "seratus persen"
    angg = [c for c in _kolom(wb, N.ANGG_REALISASI_TW[1]) if isinstance(c.value, (int, float))]
    angg[0].value = "-"
    wb.save(p)
    temuan = [x for x in periksa_buku_kerja(p) if x.aturan == "angka_tak_terbaca"]
    assert [(x.lokasi["sheet"], x.lokasi["baris"], x.tercatat, x.tingkat) for x in temuan] == [
        ("Pengukuran", 6, "seratus persen", "galat"), ("Anggaran", angg[0].row, "-", "galat")]
    assert temuan[0].lokasi["kode"] == "K1.1"
    assert temuan[0].pesan == ("kolom 'Realisasi TW I' (Ukur_Realisasi_TW1) harus berisi angka, "
                               "bukan teks")
    assert not [x for x in periksa_buku_kerja(p) if x.aturan == "realisasi_kosong" and
                x.lokasi["baris"] == 6]
    assert main(["periksa", str(p)]) == 1
    out = capsys.readouterr().out
    assert "GALAT [angka_tak_terbaca]" in out and "(tercatat: seratus persen)" in out


def test_kolom_dihapus(buku, tmp_path, capsys):
    p = tmp_path / "nama.xlsx"
    wb = openpyxl.load_workbook(buku["bersih"][0])
    del wb.defined_names[N.UKUR_REALISASI_TW[0]]
    wb.save(p)
    assert main(["periksa", str(p)]) == 2
    assert N.UKUR_REALISASI_TW[0] in capsys.readouterr().err


def test_bukan_buku_kita(buku, tmp_path):
    p = tmp_path / "lain.xlsx"
    wb = openpyxl.load_workbook(buku["bersih"][0])
    del wb.defined_names[N.INFO_FORMAT]
    wb.save(p)
    assert not buku_kerja_kita(p)
    with pytest.raises(KesalahanBerkas, match="Info_Format"):
        periksa_buku_kerja(p)


def test_hasil_impor(tmp_path):
    """A workbook written by `impor` is recognised and checked as ours (no realisasi yet:
    nothing to report), and the checker never modifies it."""
    out = tmp_path / "r.xlsx"
    assert main(["impor", str(METRO), "--jenis", "renaksi", "--satker", "KPU Kota Metro",
                 "--keluaran", str(out)]) == 0
    asli = out.read_bytes()
    assert buku_kerja_kita(out)
    assert periksa_berkas(out) == []
    assert out.read_bytes() == asli
    salinan = tmp_path / "s.xlsx"
    shutil.copy(out, salinan)
    wb = openpyxl.load_workbook(salinan)
    _sel(wb, N.UKUR_REALISASI_TW[0], 6).value = 0.95  # S1.1
    wb.save(salinan)
    # TW I now has data: every other indicator with a TW I target lacks its realisasi
    kode = [c.value for c in _kolom(wb, N.UKUR_KODE_INDIKATOR)]
    target = [c.value for c in _kolom(wb, N.UKUR_TARGET_TW[0])]
    harap = [("realisasi_kosong", k) for k, t in zip(kode, target, strict=True) if t is not None][1:]
    assert kode[0] == "S1.1" and target[2] == 276 and target[6] is None and len(harap) == 30
    assert [(t.aturan, t.lokasi["kode"]) for t in periksa_berkas(salinan)] == harap
