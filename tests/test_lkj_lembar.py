"""The LKj sheet: its live formulas, recalculated by LibreOffice, equal the core (xl_kinerja.lkj)
for every indicator, sasaran and budget row; on the Kubu Raya example and on the next year's
workbook made from it with --dari (history, last year's budget, national figure, texts)."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from pdf_uji import lkj_ke_pdf

from xl_kinerja import nama as N
from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
from xl_kinerja.katalog import Katalog
from xl_kinerja.lkj import laporan_kinerja

ROOT = Path(__file__).resolve().parent.parent
KUBU_RAYA = ROOT / "examples" / "contoh-rkt-2024-kubu-raya.xlsx"
SATKER = "Sekretariat KPU Kabupaten Kubu Raya"


def _contoh():
    spec = importlib.util.spec_from_file_location("buat_contoh", ROOT / "examples" /
                                                  "buat_contoh.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _sel(wb, nama):
    (lembar, ref), = wb.defined_names[nama].destinations
    isi = wb[lembar][ref.replace("$", "")]
    return [r[0] for r in isi] if isinstance(isi, tuple) else [isi]


def _nilai(wb, nama):
    return [c.value for c in _sel(wb, nama)]


@pytest.fixture(scope="module")
def dua_tahun(tmp_path_factory):
    """(2024 example, 2025 made with --dari from it and filled), both recalculated."""
    from xl_kinerja.libreoffice import hitung_ulang
    folder = tmp_path_factory.mktemp("lkj-lembar")
    th24 = shutil.copy(KUBU_RAYA, folder / "kubu-2024.xlsx")
    d = json.loads((ROOT / "examples" / "katalog-kubu-raya-2024.json").read_text())
    d["periode"] = [2024, 2025]
    for s in d["sasaran"]:
        for ind in s["indikator"]:
            ind["target"]["2025"] = ind["target"]["2024"]
    kode_angg = [a["kode"] for a in d["anggaran"] if a.get("pagu")]
    del d["anggaran"]  # the budget rows (and last year's figures) come from --dari
    wb = buat_buku_kerja(Katalog.dari_dict(d), 2025, satker=SATKER, dari=th24)
    contoh = _contoh()
    kinerja = contoh._realisasi_kinerja(wb, "kubu-2025", 4)
    pagu = dict(zip(_nilai(wb, N.ANGG_KODE), _nilai(wb, N.ANGG_PAGU), strict=True))
    isi_realisasi(wb, kinerja=kinerja, anggaran={k: [None, None, None, round(pagu[k] * 0.96)]
                                                 for k in kode_angg})
    _sel(wb, N.IKU_NASIONAL)[0].value = 0.98
    _sel(wb, N.IKU_NASIONAL)[1].value = 0.9
    _sel(wb, N.UKUR_KENDALA_TW[3])[1].value = "Sarana belum lengkap"
    _sel(wb, N.UKUR_SOLUSI_TW[3])[1].value = "Pengadaan diusulkan tahun berikut"
    _sel(wb, N.REF_ATURAN_EFISIENSI)[0].value = "rasio"
    th25 = simpan(wb, folder / "kubu-2025.xlsx")
    h24, h25 = hitung_ulang([th24, th25], folder / "terhitung")
    return (th24, openpyxl.load_workbook(h24, data_only=True)), \
        (th25, openpyxl.load_workbook(h25, data_only=True))


def _sama(lembar, inti):
    assert len(lembar) == len(inti)
    for a, b in zip(lembar, inti, strict=True):
        if isinstance(b, float) and isinstance(a, (int, float)):
            assert a == pytest.approx(b, rel=1e-12, abs=1e-12)
        else:
            assert (a if a != "" else None) == b


def _banding(path, hasil):
    lap = laporan_kinerja(path)
    ind, sas = lap.indikator, lap.sasaran
    assert _nilai(hasil, N.LKJ_KODE_INDIKATOR) == [i.kode for i in ind]
    _sama(_nilai(hasil, N.LKJ_CAPAIAN), [i.capaian for i in ind])
    _sama(_nilai(hasil, N.LKJ_KETERANGAN), [i.status for i in ind])
    _sama(_nilai(hasil, N.LKJ_TREN), [i.tren for i in ind])
    _sama(_nilai(hasil, N.LKJ_CAPAIAN_AKHIR), [i.capaian_akhir for i in ind])
    _sama(_nilai(hasil, N.LKJ_CAPAIAN_NASIONAL), [i.capaian_nasional for i in ind])
    assert _nilai(hasil, N.LKJ_KODE_SASARAN) == [s.kode for s in sas]
    _sama(_nilai(hasil, N.LKJ_CAPAIAN_SASARAN), [s.capaian for s in sas])
    _sama(_nilai(hasil, N.LKJ_SERAPAN_SASARAN), [s.serapan for s in sas])
    _sama(_nilai(hasil, N.LKJ_NILAI_EFISIENSI), [s.nilai_efisiensi for s in sas])
    _sama(_nilai(hasil, N.LKJ_EFISIENSI), [s.efisiensi for s in sas])
    _sama(_nilai(hasil, N.LKJ_CAPAIAN_SATKER), [lap.capaian_satker])
    _sama(_nilai(hasil, N.LKJ_ANGG_KODE), [a.kode or None for a in lap.anggaran])
    _sama(_nilai(hasil, N.LKJ_ANGG_PERSEN), [a.persen for a in lap.anggaran])
    return lap


def test_kubu_raya_2024_lembar_sama_dengan_inti(dua_tahun):
    (path, hasil), _ = dua_tahun
    lap = _banding(path, hasil)
    assert len(lap.indikator) == 62 and lap.aturan_efisiensi == "selisih"
    assert [i.tren for i in lap.indikator] == [None] * 62  # no history before 2024
    assert sum(s.efisiensi == "Efisien" for s in lap.sasaran) > 0


def test_tahun_berikut_dari_dengan_riwayat(dua_tahun):
    (p24, _), (p25, hasil) = dua_tahun
    lap = _banding(p25, hasil)
    lalu = laporan_kinerja(p24)
    assert lap.aturan_efisiensi == "rasio"  # read from Referensi
    # 2024's annual realisasi was carried into the IKU sheet by --dari
    for i, il in zip(lap.indikator, lalu.indikator, strict=True):
        assert [(r.tahun, r.realisasi, r.capaian) for r in i.riwayat] == \
            [(2024, il.realisasi, il.capaian)]
    assert {i.tren for i in lap.indikator} <= {"membaik", "menurun", "tetap"}
    assert lap.indikator[0].nasional == 0.98
    assert lap.indikator[0].capaian_nasional == lap.indikator[0].realisasi / 0.98
    assert lap.indikator[1].kendala == ["TW IV: Sarana belum lengkap"]
    assert lap.indikator[1].solusi == ["TW IV: Pengadaan diusulkan tahun berikut"]
    # last year's budget (from --dari) next to this year's
    assert lap.tahun_lalu == 2024
    for a, b in zip(lap.anggaran, lalu.anggaran, strict=True):
        assert (a.kode, a.pagu_lalu, a.realisasi_lalu) == (b.kode, b.pagu, b.realisasi)
    _sama(_nilai(hasil, N.LKJ_ANGG_PAGU_LALU), [a.pagu_lalu for a in lap.anggaran])
    _sama(_nilai(hasil, N.LKJ_ANGG_REALISASI_LALU), [a.realisasi_lalu for a in lap.anggaran])


@pytest.fixture(scope="module")
def lkj_2025(dua_tahun, tmp_path_factory):
    """The LKj 2025 (history, national figure, last year's budget): .docx, PDF, PDF text."""
    _, (p25, _) = dua_tahun
    lap = laporan_kinerja(p25)
    return (lap, *lkj_ke_pdf(lap, tmp_path_factory.mktemp("lkj-2025"), "LKj-2025.docx"))


def test_pdf_tahun_berikut_memuat_semua_tabel_bab_iii(lkj_2025):
    """With history and a national figure, BAB III.A has all five tables per sasaran."""
    import re

    from xl_kinerja.lkj.word import JUDUL_TABEL
    lap, docx, _, teks = lkj_2025
    teks = " ".join(teks.split())
    for s in lap.sasaran:
        for n in (1, 2, 3, 6):
            assert f"{JUDUL_TABEL[n].format(tahun=2025)} (Sasaran {s.kode})" in teks
    assert f"{JUDUL_TABEL[4]} (Sasaran {lap.sasaran[0].kode})" in teks  # S1.1: 98% nasional
    assert "Realisasi 2024" in teks
    import docx as pydocx
    anggaran = pydocx.Document(str(docx)).tables[-3]  # BAB III.B (then BAB IV, Lampiran)
    assert [c.text for c in anggaran.rows[0].cells][-1] == "Penyerapan 2024"
    from xl_kinerja.lkj.teks import persen
    assert [r.cells[-1].text for r in anggaran.rows[1:]] == \
        [persen(a.persen_lalu) for a in lap.anggaran]
    assert lap.anggaran[0].persen_lalu == 3_998_386_000 / 4_022_336_000  # 2024's 076.01.WA
    assert "Kendala (S2.1): TW IV: Sarana belum lengkap" in teks
    assert re.search(r"tahun 2024 terealisasi [\d.,]+%? \(capaian [\d.,]+%\); tahun 2025", teks)


def test_pdf_tahun_berikut_setiap_angka_dari_data(lkj_2025):
    """Every number of the 2025 PDF text (with the trend, national and last-year tables) is
    a figure of the data as the writer formats it; digits and words agree."""
    import re
    import subprocess

    import docx as pydocx
    from test_lkj_docx import _diizinkan, _token

    from xl_kinerja import terbilang
    lap, docx, pdf, teks = lkj_2025
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    halaman = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    boleh = _diizinkan(lap, halaman, len(pydocx.Document(str(docx)).tables))
    assert sorted({t for t in _token(teks) if t not in boleh}) == []
    rapat = " ".join(teks.split())
    pasangan = re.findall(r"(?<![\w.,])(\d[\d.]*) \(([a-z ]+)\)", rapat)
    assert len(pasangan) > 50
    for digit, kata in pasangan:
        assert terbilang(int(digit.replace(".", "")), None, "kecil") == kata, (digit, kata)


def test_periksa_lkj_tahun_berikut_tanpa_temuan_teks(lkj_2025):
    """The hand-written-LKj checker finds nothing in the text of the LKj we write, also with
    the trend, national and last-year budget tables."""
    from xl_kinerja.periksa import periksa_berkas
    _, docx, _, _ = lkj_2025
    teks = {"angka_kata_berbeda", "terbilang_rupiah_berbeda", "jumlah_tabel_berbeda",
            "anggaran_disebut_capaian"}
    assert [(t.aturan, t.pesan) for t in periksa_berkas(docx) if t.aturan in teks] == []
