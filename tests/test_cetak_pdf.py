"""Printed documents, checked on the PDF LibreOffice makes of the whole workbook.

Three workbooks, printed in one soffice call: the default catalog, the Kubu Raya example
(the largest: 62 indicators, its PK Sekretariat runs over several pages) with its Rekap TW 4,
and the Kota Metro example (reported up to TW III) with its Rekap TW 2.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import openpyxl
import pdf_uji as P
import pytest
from conftest import TAHUN
from openpyxl.styles import Font

from xl_kinerja.generator import buat_buku_kerja, simpan
from xl_kinerja.katalog import Katalog
from xl_kinerja.libreoffice import ke_pdf
from xl_kinerja.rekap import rekap_berkas
from xl_kinerja.rekap.mesin import teks_temuan
from xl_kinerja.rekap.tulis import tempat_temuan

ROOT = Path(__file__).resolve().parent.parent
KATALOG = {"kr": "katalog-kubu-raya-2024.json", "metro": "katalog-metro-2024.json"}
DOKUMEN = ("IKU", "RKT", "PK KPU", "PK Sekretariat", "Rencana Aksi", "Pengukuran",
           "Anggaran", "Referensi")


@pytest.fixture(scope="module")
def _cetak(tmp_path_factory):
    """({nama: {"halaman": [Halaman], "dok": {lembar: [Halaman]}, "katalog", "rekap"}},
    pages of the calibration workbook)."""
    d = tmp_path_factory.mktemp("cetak")
    spec = importlib.util.spec_from_file_location("buat_contoh",
                                                  ROOT / "examples" / "buat_contoh.py")
    contoh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(contoh)
    for nama in KATALOG.values():
        (d / nama).write_bytes((ROOT / "examples" / nama).read_bytes())
    kr, metro = contoh.buat(d)
    berkas = {"bawaan": simpan(buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh"),
                               d / "bawaan.xlsx")}
    # calibration: known sizes printed at 100%
    wb = openpyxl.Workbook()
    for r, ukuran in enumerate((8, 10, 13), 1):
        wb.active.cell(r, 1, f"Kalibrasi {ukuran} pt").font = Font(name="Arial", size=ukuran)
    wb.active.page_setup.scale = 100
    berkas["kalibrasi"] = d / "kalibrasi.xlsx"
    wb.save(berkas["kalibrasi"])
    # an F4 workbook: its Rekap prints on F4
    f4 = simpan(buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh", kertas="F4"),
                d / "f4.xlsx")
    rekap = {}
    for nama, sumber, tw in (("kr", kr, 4), ("metro", metro, 2), ("f4", f4, 1)):
        berkas[nama] = d / f"{nama}-rekap.xlsx"
        rekap[nama] = rekap_berkas(sumber, tw, keluaran=berkas[nama], cadangan=False)
    pdf = dict(zip(berkas, ke_pdf(list(berkas.values()), d / "pdf"), strict=True))
    hasil = {}
    for nama, p in pdf.items():
        halaman = P.baca_pdf(p)
        hasil[nama] = {"halaman": halaman, "dok": P.per_dokumen(halaman),
                       "katalog": (Katalog.bawaan() if nama == "bawaan" else
                                   Katalog.baca(d / KATALOG[nama]) if nama in KATALOG
                                   else None),
                       "rekap": rekap.get(nama)}
    kalibrasi = hasil.pop("kalibrasi")["halaman"]
    return hasil, kalibrasi


@pytest.fixture(scope="module")
def cetakan(_cetak):
    return _cetak[0]


def test_ukuran_huruf_terkalibrasi(_cetak):
    # TINGGI_PER_PT: Arial (Liberation Sans) of known sizes printed at 100%
    h, = _cetak[1]
    for ukuran in (8, 10, 13):
        assert h.kotak(f"Kalibrasi {ukuran} pt").pt == pytest.approx(ukuran, abs=0.05)


def test_setiap_dokumen_tercetak(cetakan):
    for nama, c in cetakan.items():
        assert set(DOKUMEN) <= set(c["dok"]), nama
        for lembar in DOKUMEN:  # each document's pages are contiguous in print order
            nomor = [h.nomor for h in c["dok"][lembar]]
            assert nomor == list(range(nomor[0], nomor[0] + len(nomor))), (nama, lembar)


def test_pk_naskah_halaman_sendiri(cetakan):
    for nama, c in cetakan.items():
        for lembar in ("PK KPU", "PK Sekretariat"):
            naskah, *lampiran = c["dok"][lembar]
            assert naskah.ada(f"PERJANJIAN KINERJA TAHUN {naskah.tahun}"), (nama, lembar)
            assert naskah.ada("Pihak Pertama,") and naskah.ada("Pihak Kedua,")
            assert not naskah.ada("LAMPIRAN PERJANJIAN")
            assert lampiran and lampiran[0].ada("LAMPIRAN PERJANJIAN KINERJA")


def _sasaran_pk(katalog, lembar):
    tingkat = "kpu" if lembar == "PK KPU" else "sekretariat"
    return [s for s in katalog.sasaran if s.tingkat == tingkat]


def _halaman_sasaran(halaman, sasaran):
    """[(sasaran, page of its text, [pages of its indicator texts])] in table order."""
    ls = P.letakkan(halaman, [s.nama for s in sasaran])
    li = P.letakkan(halaman, [i.nama for s in sasaran for i in s.indikator])
    hasil, j = [], 0
    for s, x in zip(sasaran, ls, strict=True):
        n = len(s.indikator)
        hasil.append((s, x.halaman and x.halaman.nomor,
                      [y.halaman and y.halaman.nomor for y in li[j:j + n]]))
        j += n
    return hasil


def _judul_di_atas(h, judul, isi):
    """The header texts are printed on page h above every located body text."""
    kotak = [h.kotak(j) for j in judul]
    if not all(kotak):
        return False
    atas = max(k.y0 for k in kotak)  # a top-aligned cell may touch the header's box
    return all(x.kotak.y0 > atas + 2 for x in isi if x.halaman is h)


@pytest.mark.parametrize("nama", ["bawaan", "kr", "metro"])
@pytest.mark.parametrize("lembar,judul", [
    ("RKT", ["Indikator Kinerja", "Target"]),
    ("Rencana Aksi", ["Indikator Kinerja", "Kegiatan", "Pelaksana"]),
    ("Pengukuran", ["Indikator Kinerja", "Realisasi"]),
])
def test_judul_tabel_tiap_halaman(cetakan, nama, lembar, judul):
    c = cetakan[nama]
    isi = P.letakkan(c["dok"][lembar], [i.nama for _, i in c["katalog"].semua_indikator()])
    assert all(x.halaman for x in isi), [x.teks for x in isi if not x.halaman]
    for h in c["dok"][lembar]:
        if any(x.halaman is h for x in isi):
            assert _judul_di_atas(h, judul, isi), (nama, lembar, h.nomor)


@pytest.mark.parametrize("nama", ["bawaan", "kr", "metro"])
@pytest.mark.parametrize("lembar", ["PK KPU", "PK Sekretariat"])
def test_pk_tanda_tangan_bersama_akhir_tabel(cetakan, nama, lembar):
    # the lampiran's signatures share the page of the JUMLAH row and the terbilang
    h = cetakan[nama]["dok"][lembar][-1]
    for teks in ("JUMLAH", "Terbilang:", "Pihak Pertama,", "Pihak Kedua,"):
        assert h.ada(teks), (nama, lembar, h.nomor, teks)


@pytest.mark.parametrize("nama", ["bawaan", "kr", "metro"])
@pytest.mark.parametrize("lembar", ["PK KPU", "PK Sekretariat", "RKT"])
def test_baris_sasaran_tidak_terpotong_halaman(cetakan, nama, lembar):
    # a sasaran and its indicators (No and sasaran merged down over them) on one page
    c = cetakan[nama]
    sasaran = c["katalog"].sasaran if lembar == "RKT" else _sasaran_pk(c["katalog"], lembar)
    for s, hs, hi in _halaman_sasaran(c["dok"][lembar], sasaran):
        assert hs is not None and set(hi) == {hs}, (s.kode, hs, hi)


@pytest.mark.parametrize("nama", ["bawaan", "kr", "metro"])
@pytest.mark.parametrize("lembar", ["PK KPU", "PK Sekretariat"])
def test_pk_lampiran_judul_tabel_tiap_halaman(cetakan, nama, lembar):
    c = cetakan[nama]
    _, *lampiran = c["dok"][lembar]
    sasaran = _sasaran_pk(c["katalog"], lembar)
    isi = P.letakkan(lampiran, [i.nama for s in sasaran for i in s.indikator])
    judul = ["Indikator Kinerja", "Target"]
    for h in lampiran:
        if any(x.halaman is h for x in isi):
            assert _judul_di_atas(h, judul, isi), (nama, lembar, h.nomor)


@pytest.mark.parametrize("nama", ["bawaan", "kr", "metro"])
def test_nomor_halaman_per_dokumen(cetakan, nama):
    # numbering restarts with each document; no "dari N" (LibreOffice and Excel count &N
    # over the whole print job)
    for lembar in DOKUMEN:
        hal = cetakan[nama]["dok"][lembar]
        assert [P.nomor_halaman(h) for h in hal] == list(range(1, len(hal) + 1)), lembar


@pytest.mark.parametrize("nama", ["bawaan", "kr", "metro"])
@pytest.mark.parametrize("lembar", ["PK KPU", "PK Sekretariat", "RKT", "Rencana Aksi"])
def test_dokumen_tanpa_warna_isian(cetakan, nama, lembar):
    for h in cetakan[nama]["dok"][lembar]:
        assert P.piksel_warna(h) == 0, (nama, lembar, h.nomor)


@pytest.mark.parametrize("nama", ["bawaan", "kr", "metro"])
def test_rkt_judul_program_sekali(cetakan, nama):
    c = cetakan[nama]
    program = list(dict.fromkeys(s.program for s in c["katalog"].sasaran if s.program))
    for p in program:
        n = sum(1 for x in P.letakkan(c["dok"]["RKT"], [p.upper()] * 20) if x.halaman)
        assert n == 1, (p, n)


def test_warna_isian_terdeteksi(cetakan):
    # the detector sees the yellow input cells where they belong (Pengukuran)
    assert P.piksel_warna(cetakan["bawaan"]["dok"]["Pengukuran"][0]) > 1000


@pytest.mark.parametrize("nama", ["bawaan", "kr", "metro"])
def test_pengukuran_dua_halaman_kolom(cetakan, nama):
    # No..Target repeated; TW I-II on one page, TW III-IV and Tahunan on the next, left
    # to right then down: the pages alternate and the row pages come in pairs
    hal = cetakan[nama]["dok"]["Pengukuran"]
    assert len(hal) % 2 == 0
    for i, h in enumerate(hal):
        kiri = ("Triwulan I", "Triwulan II")
        kanan = ("Triwulan III", "Triwulan IV", "Realisasi Terakhir")
        ada, tiada = (kiri, kanan) if i % 2 == 0 else (kanan, kiri)
        assert all(h.ada(t) for t in ada), (h.nomor, ada)
        assert not any(h.ada(t) for t in tiada), (h.nomor, tiada)
        assert h.ada("Indikator Kinerja") and h.ada("Target Tahunan")


def _halaman_rekap(c):
    rk = c["rekap"]
    return [h for h in c["halaman"] if h.dokumen == f"Rekap TW {rk.triwulan}"]


def _id(x: float, desimal: int = 2) -> str:
    return f"{x:,.{desimal}f}".replace(",", "_").replace(".", ",").replace("_", ".")


@pytest.mark.parametrize("nama", ["bawaan", "kr", "metro"])
def test_pengukuran_huruf_minimal_8pt(cetakan, nama):
    for h in cetakan[nama]["dok"]["Pengukuran"]:
        kecil = [(k.teks, round(k.pt, 1)) for k in h.badan() if k.pt < 8 - 0.05]
        assert not kecil, (h.nomor, kecil[:10])


@pytest.mark.parametrize("nama", ["kr", "metro"])
def test_rekap_format_angka_indonesia(cetakan, nama):
    c = cetakan[nama]
    rk = c["rekap"]
    hal = _halaman_rekap(c)
    assert hal
    teks = "\n".join(h.teks for h in hal)
    assert not re.search(r"\d\.\d\d%", teks)
    assert not re.search(r"\d,\d{3}(,\d{3})*(?!\d)", teks)
    desimal = [v for i in rk.indikator if i["jenis"] not in ("persen", "rentang")
               for v in (i["target"], i["realisasi"])
               if isinstance(v, float) and not v.is_integer() and round(v, 2) == v]
    for v in desimal:  # scores such as 3,5 (not 3.5)
        assert str(v).replace(".", ",") in teks and f" {v} " not in teks, v
    jumlah = next(a for a in rk.anggaran if a["tingkat"] == "jumlah")
    assert _id(rk.capaian_satker * 100) + "%" in teks
    assert _id(jumlah["pagu"], 0) in teks and _id(jumlah["persen"] * 100) + "%" in teks


def test_rekap_pagu_kubu_raya(cetakan):
    # the pagu of the real Kubu Raya RKT 2024, printed the Indonesian way
    assert "5.327.499.000" in "\n".join(h.teks for h in _halaman_rekap(cetakan["kr"]))


@pytest.mark.parametrize("nama", ["kr", "metro"])
def test_rekap_halaman(cetakan, nama):
    c = cetakan[nama]
    hal = _halaman_rekap(c)
    assert [P.nomor_halaman(h) for h in hal] == list(range(1, len(hal) + 1))
    assert hal[0].lebar == pytest.approx(841.89, abs=1)  # the workbook's paper (A4)
    isi = P.letakkan(hal, [i["indikator"] for i in c["rekap"].indikator])
    for h in hal:
        if any(x.halaman is h for x in isi):
            assert _judul_di_atas(h, ["Indikator", "Realisasi"], isi), h.nomor


def _tabel_rekap(rk):
    """{table: (header texts, body texts in table order)} of the Rekap sheet."""
    return {"indikator": (["Indikator", "Realisasi", "Kendala"],
                          [i["indikator"] for i in rk.indikator]),
            "sasaran": (["Sasaran", "Predikat"], [s["sasaran"] for s in rk.sasaran]),
            "anggaran": (["Uraian", "Pagu", "Target Serapan"],
                         [a["uraian"] for a in rk.anggaran])}


@pytest.mark.parametrize("nama", ["kr", "metro"])
@pytest.mark.parametrize("tabel", ["indikator", "sasaran", "anggaran"])
def test_rekap_judul_tabel_tiap_halaman(cetakan, nama, tabel):
    # every table of the Rekap sheet repeats its header row on each page it continues on
    c = cetakan[nama]
    hal = _halaman_rekap(c)
    judul, teks = _tabel_rekap(c["rekap"])[tabel]
    isi = P.letakkan(hal, teks)
    assert all(x.halaman for x in isi), [x.teks for x in isi if not x.halaman]
    if nama == "kr" and tabel != "anggaran":  # 62 indicators, 43 sasaran: over pages
        assert len({x.halaman.nomor for x in isi}) > 1, tabel
    for h in hal:
        if any(x.halaman is h for x in isi):
            assert _judul_di_atas(h, judul, isi), (nama, tabel, h.nomor)


@pytest.mark.parametrize("nama", ["kr", "metro"])
def test_rekap_teks_terlipat_tidak_terpotong(cetakan, nama):
    # long names wrap inside their row: each is printed whole, and its last line ends
    # above the next row's text (a row lower than its text would clip it into the next)
    c = cetakan[nama]
    hal = _halaman_rekap(c)
    for tabel, (_, teks) in _tabel_rekap(c["rekap"]).items():
        isi = P.letakkan(hal, teks)
        assert all(x.halaman for x in isi), (tabel, [x.teks for x in isi if not x.halaman])
        baris = [max(k.y0 for k in x.kata) > min(k.y0 for k in x.kata) + 1 for x in isi]
        if nama == "kr":
            assert any(baris), tabel  # some names do wrap
        for a, b in zip(isi, isi[1:], strict=False):
            if a.halaman is b.halaman:
                assert max(k.y1 for k in a.kata) <= min(k.y0 for k in b.kata) + 0.5, (
                    tabel, a.teks, b.teks)


@pytest.mark.parametrize("nama", ["kr", "metro"])
def test_rekap_temuan_dengan_kata(cetakan, nama):
    c = cetakan[nama]
    hal = _halaman_rekap(c)
    temuan = [f"{tempat_temuan(t)}: {teks_temuan(t)}" for t in c["rekap"].temuan]
    assert temuan and all(x.halaman for x in P.letakkan(hal, temuan))
    teks = "\n".join(h.teks for h in hal)
    assert not re.search(r"\b(Anggaran|Pengukuran)!\d", teks)
    if nama == "kr":  # WA.3356 and EBA.994 absorbed above their pagu
        assert re.search(r"lembar Anggaran, baris \d+: WA\.3356: realisasi anggaran melebihi",
                         re.sub(r"\s+", " ", teks))


def test_rekap_kertas_buku_kerja_f4(cetakan):
    hal = _halaman_rekap(cetakan["f4"])
    assert hal and all((h.lebar, h.tinggi) == pytest.approx((936, 612), abs=1) for h in hal)
    assert [P.nomor_halaman(h) for h in hal] == list(range(1, len(hal) + 1))


def test_rekap_grafik_halaman_terakhir(cetakan):
    # the charts close the sheet on a page of their own, after the findings
    hal = _halaman_rekap(cetakan["kr"])
    assert hal[-1].ada("Capaian per Sasaran") and hal[-1].ada("Serapan Anggaran terhadap Target")
    assert not any(hal[-1].ada(t) for t in ("Kode", "Temuan"))
