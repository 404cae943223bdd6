"""Hostile and unlucky inputs to the rekap and the contract reader (issue 14): each file is
made here, small; the input's sha256 must be unchanged and no temporary file left."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import ANGGARAN_UJI, KASUS
from test_periksa_buku import buku  # noqa: F401 (fixture: fresh and LibreOffice-saved)
from test_rekap import _sel

from xl_kinerja import kontrak
from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.errors import KesalahanBerkas
from xl_kinerja.ooxml import paket as ooxml_paket
from xl_kinerja.periksa.buku import periksa_buku_kerja
from xl_kinerja.rekap import baca_nilai

AKAR = Path(__file__).resolve().parent.parent


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _tmp_tersisa(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def _rekap(p: Path, capsys, *argumen):
    kode = main(["rekap", str(p), *argumen])
    out, err = capsys.readouterr()
    return kode, out, err


def _ditolak(p: Path, capsys, kata: list[str], *argumen):
    """Exit 2, each word in the Indonesian message, no traceback, nothing written."""
    sebelum, isi = _sha(p), sorted(x.name for x in p.parent.iterdir())
    for arg in (["--triwulan", "2", *argumen], ["--triwulan", "2", "--format", "json"]):
        kode, out, err = _rekap(p, capsys, *arg)
        assert kode == 2, err
        assert "Traceback" not in err and "kesalahan internal" not in err
        for k in kata:
            assert k in err, err
        assert "Infinity" not in out and "NaN" not in out
    assert _sha(p) == sebelum
    assert sorted(x.name for x in p.parent.iterdir()) == isi  # no .bak, no .tmp
    return err


def _ganti_anggota(p: Path, bagian: str, ubah) -> None:
    """Rewrite one member of the package (the others as they are)."""
    with zipfile.ZipFile(p) as zi:
        isi = [(i, zi.read(i.filename)) for i in zi.infolist()]
    tmp = p.with_suffix(".baru")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zo:
        for i, data in isi:
            zo.writestr(i.filename, ubah(data) if i.filename == bagian else data)
    tmp.replace(p)


def _bagian_lembar(p: Path, lembar: str) -> str:
    with kontrak.buka(p) as k:
        return k._b.lembar[lembar].bagian


@pytest.fixture
def salinan(grid_rekap, tmp_path):
    d = tmp_path / "kerja"
    d.mkdir()
    p = d / "buku.xlsx"
    shutil.copy(grid_rekap, p)
    return p


# ---------------------------------------------------------------- (3) the user's own sheet
@pytest.mark.parametrize("cadangan", [True, False], ids=["dengan-bak", "tanpa-cadangan"])
def test_lembar_pengguna_bernama_rekap_dibiarkan(salinan, capsys, cadangan):
    wb = openpyxl.load_workbook(salinan)
    ws = wb.create_sheet("rekap tw 2")
    ws["A1"], ws["B2"] = "catatan rapat saya", 42
    wb.save(salinan)
    argumen = [] if cadangan else ["--tanpa-cadangan"]
    for _ in range(2):  # the second run replaces the rekap's own sheet, not the user's
        kode, out, err = _rekap(salinan, capsys, "--triwulan", "2", *argumen)
        assert kode == 0, err
        assert "'rekap tw 2' bukan buatan rekap (lembar pengguna) dan dibiarkan" in err
        assert 'Lembar "Rekap TW 2 (2)" ditulis' in out
    wb = openpyxl.load_workbook(salinan)
    assert wb["rekap tw 2"]["A1"].value == "catatan rapat saya"
    assert wb["rekap tw 2"]["B2"].value == 42
    assert [n for n in wb.sheetnames if n.lower().startswith("rekap tw 2")] == [
        "rekap tw 2", "Rekap TW 2 (2)"]
    assert wb["Rekap TW 2 (2)"]["A1"].value == "Rekap Triwulan II"
    assert salinan.with_name("buku.xlsx.bak").exists() == cadangan
    assert _tmp_tersisa(salinan.parent) == []


def test_lembar_rekap_sendiri_diganti_di_tempatnya(salinan, capsys):
    assert _rekap(salinan, capsys, "--triwulan", "2")[0] == 0
    assert _rekap(salinan, capsys, "--triwulan", "2")[0] == 0
    wb = openpyxl.load_workbook(salinan)
    assert wb.sheetnames.count("Rekap TW 2") == 1 and "Rekap TW 2 (2)" not in wb.sheetnames
    assert "XlKinerja_LembarRekap" in wb["Rekap TW 2"].defined_names


# ---------------------------------------------------------------- (7) text is text
def test_teks_berawalan_sama_dengan_tetap_teks(salinan, capsys):
    wb = openpyxl.load_workbook(salinan)
    i = list(KASUS).index("G02")
    for nama, teks in ((N.UKUR_KODE_INDIKATOR, "=G02"),
                       (N.UKUR_INDIKATOR, '=HYPERLINK("http://contoh.invalid","klik")'),
                       (N.UKUR_SASARAN, "+Sasaran bertanda")):
        c = _sel(wb, nama, i)
        c.value = teks
        c.data_type = "s"  # a text cell, as a user types '=... with a quote
    wb.save(salinan)
    rk = baca_nilai(salinan)
    g = next(x for x in rk.indikator if x.baris == _sel(wb, N.UKUR_KODE_INDIKATOR, i).row)
    assert (g.kode, g.indikator, g.sasaran) == (
        "=G02", '=HYPERLINK("http://contoh.invalid","klik")', "+Sasaran bertanda")
    kode, out, err = _rekap(salinan, capsys, "--triwulan", "2", "--format", "json")
    assert kode == 0, err
    assert "=G02" in [x["kode"] for x in json.loads(out)["indikator"]]
    assert _rekap(salinan, capsys, "--triwulan", "2")[0] == 0
    ws = openpyxl.load_workbook(salinan)["Rekap TW 2"]
    sel = next(c for row in ws.iter_rows() for c in row
               if c.value == '=HYPERLINK("http://contoh.invalid","klik")')
    assert sel.data_type == "s" and sel.quotePrefix  # F2+Enter in Excel keeps it text
    kode_sel = next(c for row in ws.iter_rows() for c in row if c.value == "=G02")
    assert kode_sel.quotePrefix


# ---------------------------------------------------------------- (9) non-finite numbers
@pytest.mark.parametrize("teks", ["1e999", "NaN", "-inf"])
def test_angka_tak_terhingga_ditolak(salinan, capsys, teks):
    wb = openpyxl.load_workbook(salinan)
    c = _sel(wb, N.UKUR_REALISASI_TW[1], list(KASUS).index("G01"))
    c.value = 123456.789
    baris = c.row
    wb.save(salinan)
    bagian = _bagian_lembar(salinan, "Pengukuran")
    _ganti_anggota(salinan, bagian, lambda b: b.replace(b"<v>123456.789</v>",
                                                        f"<v>{teks}</v>".encode()))
    err = _ditolak(salinan, capsys, ["bukan angka", "Pengukuran", str(baris), "buku.xlsx"])
    assert "Realisasi TW II" in err


def test_tahun_tak_terhingga_ditolak(salinan, capsys):
    wb = openpyxl.load_workbook(salinan)
    c = _sel(wb, N.INFO_TAHUN)
    c.value = 987654.321
    wb.save(salinan)
    bagian = _bagian_lembar(salinan, c.parent.title)
    _ganti_anggota(salinan, bagian, lambda b: b.replace(b"<v>987654.321</v>", b"<v>1e999</v>"))
    _ditolak(salinan, capsys, [N.INFO_TAHUN, "bukan angka tahun", str(c.row)])


def test_pagu_meluap_ditolak_sebelum_menulis(salinan, capsys):
    wb = openpyxl.load_workbook(salinan)
    kode = [a[0] for a in ANGGARAN_UJI]
    for k in ("EBD.952", "EBD.955"):
        _sel(wb, N.ANGG_PAGU, kode.index(k)).value = 1e308
    wb.save(salinan)
    _ditolak(salinan, capsys, ["WA.3355", "bukan angka terhingga", "Anggaran"])


# ---------------------------------------------------------------- (12) zip bombs
def test_bom_zip_bagian_ditolak_saat_dibuka(salinan, capsys, monkeypatch):
    """styles.xml inflating past the per-part cap (the cap lowered so the file stays
    small): stopped while inflating, with a message, nothing written."""
    monkeypatch.setattr(ooxml_paket, "BATAS_BAGIAN", 1 * ooxml_paket.MB)
    _ganti_anggota(salinan, "xl/styles.xml",
                   lambda b: b.replace(b"</styleSheet>", b" " * (3 * ooxml_paket.MB)
                                       + b"</styleSheet>"))
    assert salinan.stat().st_size < 200_000
    t0 = time.perf_counter()
    _ditolak(salinan, capsys, ["xl/styles.xml", "terlalu besar", "bom zip"])
    assert time.perf_counter() - t0 < 10


def test_bom_zip_ukuran_tercatat_bohong(salinan, capsys, monkeypatch):
    """A member whose inflated data is larger than its recorded size: counted while
    inflating, never trusted; the package total cap holds too."""
    monkeypatch.setattr(ooxml_paket, "BATAS_PAKET", 2 * ooxml_paket.MB)
    bagian = _bagian_lembar(salinan, "Pengukuran")
    _ganti_anggota(salinan, bagian, lambda b: b.replace(b"</worksheet>", b" " * (
        3 * ooxml_paket.MB) + b"</worksheet>"))
    _ditolak(salinan, capsys, ["terlalu besar"])


# ---------------------------------------------------------------- (13) huge named ranges
def test_nama_rentang_raksasa_ditolak_cepat(salinan, capsys):
    wb = openpyxl.load_workbook(salinan)
    wb.defined_names[N.UKUR_REALISASI_TW[1]].attr_text = "'Pengukuran'!$A$1:$XFD$1048576"
    wb.save(salinan)
    assert salinan.stat().st_size < 200_000
    t0 = time.perf_counter()
    _ditolak(salinan, capsys, [N.UKUR_REALISASI_TW[1], "terlalu besar",
                               "17.179.869.184 sel"])
    with pytest.raises(KesalahanBerkas, match="terlalu besar"):
        periksa_buku_kerja(salinan)
    assert time.perf_counter() - t0 < 10


def test_nama_ref_dihapus(salinan, capsys):
    wb = openpyxl.load_workbook(salinan)
    wb.defined_names[N.UKUR_REALISASI_TW[1]].attr_text = "#REF!"
    wb.save(salinan)
    _ditolak(salinan, capsys, [N.UKUR_REALISASI_TW[1], "sudah dihapus (#REF!)"])


# ---------------------------------------------------------------- two rekaps at once
def test_dua_rekap_bersamaan(salinan):
    """Whoever loses the race says so (exit 2, 'bersamaan'), never 'rusak'; the file is
    always a complete workbook and no temporary file stays behind."""
    perintah = [sys.executable, "-c", "import sys; from xl_kinerja.cli import main; "
                "sys.exit(main())", "rekap", str(salinan), "--tanpa-cadangan", "--triwulan"]
    env = {**os.environ, "PYTHONPATH": str(AKAR)}
    for _ in range(4):
        proses = [subprocess.Popen(perintah + [tw], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=env)
                  for tw in ("1", "2")]
        for p in proses:
            _, err = p.communicate(timeout=120)
            assert p.returncode in (0, 2), err
            assert "rusak" not in err and "Traceback" not in err
            if p.returncode == 2:
                assert "bersamaan" in err, err
        with zipfile.ZipFile(salinan) as z:
            assert z.testzip() is None
        assert baca_nilai(salinan).indikator
    assert _tmp_tersisa(salinan.parent) == []


# ---------------------------------------------------------------- the format version
@pytest.mark.parametrize("versi, kata", [("xl-kinerja/2", "lebih baru"),
                                         ("xl-kinerja/0", "lebih lama"),
                                         ("buatan lain", "bukan buku kerja buatan xl-kinerja")])
def test_versi_format_satu_pesan_di_setiap_pintu(salinan, capsys, versi, kata):
    from xl_kinerja.generator.dari import katalog_dari_buku_kerja
    wb = openpyxl.load_workbook(salinan)
    _sel(wb, N.INFO_FORMAT).value = versi
    wb.save(salinan)
    _ditolak(salinan, capsys, [kata])
    pesan = set()
    for baca in (baca_nilai, periksa_buku_kerja, katalog_dari_buku_kerja):
        with pytest.raises(KesalahanBerkas, match=kata) as e:
            baca(salinan)
        pesan.add(e.value.pesan if hasattr(e.value, "pesan") else str(e.value))
    with pytest.raises(KesalahanBerkas, match=kata):
        kontrak.buka(openpyxl.load_workbook(salinan))
    assert len(pesan) == 1  # the same message everywhere


# ---------------------------------------------------------------- cell types from the XML
def test_rumus_dikenali_walau_ada_nilai_tersimpan(buku):  # noqa: F811
    """A file LibreOffice saved: subtotal cells are formulas with cached values; the reader
    says formula (and gives the cache separately), the rekap ignores the cache."""
    segar, terhitung = buku["bersih"]
    with kontrak.buka(terhitung) as k:
        r, pagu = k.kolom(N.ANGG_PAGU)
        _, tingkat = k.kolom(N.ANGG_TINGKAT)
        _, capaian = k.kolom(N.UKUR_CAPAIAN_TW[0])
    jumlah = [s for s, t in zip(pagu, tingkat, strict=True) if t.nilai == "jumlah"]
    assert jumlah and all(s.rumus and s.rumus.startswith("=") for s in jumlah)
    assert all(isinstance(s.tersimpan, (int, float)) and s.tersimpan > 0 for s in jumlah)
    rincian = [s for s, t in zip(pagu, tingkat, strict=True) if t.nilai == "output"]
    assert rincian and all(s.rumus is None and s.jenis == "angka" for s in rincian)
    assert any(s.rumus and isinstance(s.tersimpan, (int, float)) for s in capaian)
    a, b = baca_nilai(segar), baca_nilai(terhitung)
    assert [x.pagu for x in a.anggaran] == [x.pagu for x in b.anggaran]
    assert all(x.pagu is None for x in b.anggaran if x.tingkat == "jumlah")


@pytest.mark.parametrize("perintah", [["rekap", "--triwulan", "1"], ["periksa"]])
def test_pipa_bukan_berkas_ditolak_tanpa_menunggu(tmp_path, capsys, perintah):
    # open() of a FIFO blocks until a writer comes: before this check rekap/periksa hung
    pipa = tmp_path / "kinerja.xlsx"
    os.mkfifo(pipa)
    mulai = time.monotonic()
    kode = main([perintah[0], str(pipa), *perintah[1:]])
    assert kode == 2 and time.monotonic() - mulai < 10
    err = capsys.readouterr().err
    assert "kinerja.xlsx" in err and "bukan berkas biasa" in err
    assert [p.name for p in tmp_path.iterdir()] == ["kinerja.xlsx"]
