"""Mid-year honesty (issue 11, Deliver 5): until the TW IV realisasi is reported the annual
(Tahunan) columns of Pengukuran show progress "s.d. TW n" against the annual target and no
predikat; the same rule (xl_kinerja.capaian.keterangan_tahunan) in the formula, the rekap
and the checker."""
from __future__ import annotations

import json
import math

import openpyxl
import pytest
from conftest import ANGGARAN_UJI, KASUS, TAHUN, katalog_grid
from docx import Document

from xl_kinerja import nama as N
from xl_kinerja.capaian import (
    capaian_tahunan,
    keterangan_gabungan,
    keterangan_tahunan,
    predikat_tahunan,
    triwulan_terakhir,
)
from xl_kinerja.cli import main
from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
from xl_kinerja.katalog import Katalog
from xl_kinerja.kontrak import buka
from xl_kinerja.libreoffice import hitung_ulang
from xl_kinerja.lkj import laporan_kinerja
from xl_kinerja.lkj.teks import hitungan
from xl_kinerja.lkj.word import tulis_docx
from xl_kinerja.periksa.buku import periksa_buku_kerja
from xl_kinerja.predikat import predikat
from xl_kinerja.rekap import baca_nilai, hitung_rekap

# realisasi up to TW II only (TW III and IV not reported yet); G04 only TW I
TW2 = {k: [v[5][0], None if k == "G04" else v[5][1], None, None] for k, v in KASUS.items()}
PREDIKAT_URUT = ["Berhasil", "Cukup Berhasil", "Kurang Berhasil", "Tidak Berhasil"]
PREDIKAT = set(PREDIKAT_URUT)


def test_aturan_inti():
    assert triwulan_terakhir([0.5, None, 0.7, None]) == 3
    assert triwulan_terakhir([None] * 4) is None
    assert keterangan_tahunan([6, 12, None, None]) == "s.d. TW II"
    assert keterangan_tahunan([6, None, None, None]) == "s.d. TW I"
    assert keterangan_tahunan([None, None, 18, None]) == "s.d. TW III"
    assert keterangan_tahunan([6, 12, 18, 24]) is None        # the year is complete
    assert keterangan_tahunan([None, None, None, 24]) is None
    assert keterangan_tahunan([None] * 4) is None             # nothing reported
    # the case: at TW II one third of the annual target, on schedule
    c = capaian_tahunan("24 Laporan", [4, 8, None, None])
    assert c == pytest.approx(1 / 3) and predikat(c) == "Tidak Berhasil"
    assert predikat_tahunan(c, [4, 8, None, None]) == "s.d. TW II"
    assert predikat_tahunan(c, [4, 8, 12, 8]) == "Tidak Berhasil"
    assert predikat_tahunan(None, [4, 8, None, None]) is None
    assert keterangan_gabungan(["s.d. TW I", None, "Berhasil", "s.d. TW II"]) == "s.d. TW II"
    assert keterangan_gabungan(["Berhasil", None]) is None


@pytest.fixture(scope="module")
def buku_tw2(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tahunan")
    wb = buat_buku_kerja(Katalog.dari_dict(katalog_grid()), TAHUN, satker="KPU Kabupaten Uji")
    isi_realisasi(wb, kinerja=TW2, anggaran={a[0]: a[4][:2] + [None, None]
                                             for a in ANGGARAN_UJI if a[4] is not None})
    asli = simpan(wb, folder / "tw2.xlsx")
    (hitung,) = hitung_ulang([asli], folder / "terhitung")
    return asli, hitung


def _kolom(path, nama):
    with buka(path) as k:
        return [None if b[0] == "" else b[0] for b in k.nilai(nama)]


def test_rumus_sama_dengan_inti_dan_rekap(buku_tw2):
    _, hitung = buku_tw2
    kode = _kolom(hitung, N.UKUR_KODE_INDIKATOR)
    cap = _kolom(hitung, N.UKUR_CAPAIAN_TAHUNAN)
    pred = _kolom(hitung, N.UKUR_PREDIKAT_TAHUNAN)
    rk = {i["kode"]: i for i in hitung_rekap(baca_nilai(hitung), 2).indikator}
    for i, k in enumerate(kode):
        teks, pol = KASUS[k][0], KASUS[k][1]
        c = capaian_tahunan(teks, TW2[k], pol)
        assert (cap[i] is None) == (c is None), k
        if c is not None:
            assert math.isclose(cap[i], c, rel_tol=1e-9), k
            assert math.isclose(rk[k]["capaian_tahunan"], c, rel_tol=1e-9), k
        assert pred[i] == predikat_tahunan(c, TW2[k]) == rk[k]["predikat_tahunan"], k
        assert rk[k]["keterangan_tahunan"] == (keterangan_tahunan(TW2[k]) if c is not None
                                               else None)
    # no predikat at all in the annual column mid-year: labels only
    assert {p for p in pred if p} == {"s.d. TW I", "s.d. TW II"}
    assert pred[kode.index("G04")] == "s.d. TW I"
    assert not PREDIKAT & set(pred)


def test_sasaran_dan_satker_sementara(buku_tw2):
    _, hitung = buku_tw2
    ws = openpyxl.load_workbook(hitung, data_only=True)["Pengukuran"]
    baris = [r for r in ws.iter_rows(min_row=8, values_only=True)
             if isinstance(r[1], str) and (r[1].startswith("SG") or r[1].startswith("CAPAIAN"))]
    assert len(baris) == 6  # 5 sasaran + the satker row
    # column X (24) = annual predikat; the quarterly predikat of TW II is still given
    assert {r[23] for r in baris} == {"s.d. TW II"}
    assert all(r[12] in PREDIKAT for r in baris if r[11] not in (None, ""))  # TW II column
    assert any(r[11] not in (None, "") for r in baris)
    assert ws.cell(3, 22).value == ("Sebelum realisasi TW IV diisi: kemajuan s.d. TW "
                                    "terakhir, tanpa predikat")


def test_json_rekap(buku_tw2, capsys):
    asli, _ = buku_tw2
    assert main(["rekap", str(asli), "--triwulan", "2", "--format", "json"]) == 0
    d = {i["kode"]: i for i in json.loads(capsys.readouterr().out)["indikator"]}
    # G07: 10 of the annual 24 Laporan so far
    assert d["G07"]["target_tahunan"] == 24 and d["G07"]["realisasi_tahunan"] == 10
    assert d["G07"]["capaian_tahunan"] == pytest.approx(10 / 24)
    assert (d["G07"]["predikat_tahunan"], d["G07"]["keterangan_tahunan"]) == ("s.d. TW II",) * 2
    # TW I rekap: the annual columns as they were after TW I
    rk1 = {i["kode"]: i for i in hitung_rekap(baca_nilai(asli), 1).indikator}
    assert rk1["G07"]["realisasi_tahunan"] == 6 and rk1["G07"]["predikat_tahunan"] == "s.d. TW I"


def test_periksa_tanpa_temuan_kolom_tahunan(buku_tw2):
    _, hitung = buku_tw2
    temuan = periksa_buku_kerja(hitung)
    assert not [t for t in temuan if t.aturan in ("persen_salah", "predikat_bertentangan",
                                                  "rumus_ditimpa")]
    # what it does report are the missing realisasi (G02 in TW I, G04 and G15 in TW II)
    assert {t.lokasi["kode"] for t in temuan if t.aturan == "realisasi_kosong"} == {
        "G02", "G04", "G15"}


def test_periksa_kolom_tahunan_basi(buku_tw2, tmp_path):
    # the old rule's value cached in the annual predikat cell: the checker says so
    _, hitung = buku_tw2
    wb = openpyxl.load_workbook(hitung)
    r = next(i.baris for i in baca_nilai(hitung).indikator if i.kode == "G07")
    assert wb["Pengukuran"].cell(r, 24).value.startswith("=")
    wb["Pengukuran"].cell(r, 24).value = "Tidak Berhasil"
    p = tmp_path / "ditimpa.xlsx"
    wb.save(p)
    t = [(x.aturan, x.lokasi["kode"], x.tercatat, x.dihitung) for x in periksa_buku_kerja(p)
         if x.lokasi["kode"] == "G07" and x.aturan == "rumus_ditimpa"]
    assert t == [("rumus_ditimpa", "G07", "Tidak Berhasil", "s.d. TW II")]


def _lkj_kolom(wb, nama, geser: int):
    """The LKj sheet's values `geser` columns right of the defined name `nama`."""
    (lembar, ref), = wb.defined_names[nama].destinations
    ws = wb[lembar]
    isi = ws[ref.replace("$", "")]
    sel = [r[0] for r in isi] if isinstance(isi, tuple) else [isi]
    return [ws.cell(c.row, c.column + geser).value or None for c in sel]


def test_lkj_sebelum_tw_iv(buku_tw2, tmp_path):
    # the LKj sheet (recalculated by LibreOffice) and the LKj from the core: mid-year the
    # annual verdicts are "s.d. TW n" labels, the same in both, and no Word sentence
    # calls an on-schedule indicator "tidak tercapai"
    asli, hitung = buku_tw2
    lap = laporan_kinerja(asli)
    ind = lap.indikator
    wb = openpyxl.load_workbook(hitung, data_only=True)
    status = _lkj_kolom(wb, N.LKJ_KETERANGAN, 0)
    pred = _lkj_kolom(wb, N.LKJ_KETERANGAN, -1)
    assert status == [i.status for i in ind]
    assert pred == [i.predikat for i in ind]
    tw2 = {i.kode: TW2[i.kode] for i in ind}
    assert status == [keterangan_tahunan(tw2[i.kode]) if i.capaian is not None else None
                      for i in ind]
    assert {s for s in status if s} == {"s.d. TW I", "s.d. TW II"}
    assert status[[i.kode for i in ind].index("G04")] == "s.d. TW I"
    assert not lap.tercapai and not lap.tidak_tercapai
    assert len(lap.sementara) == sum(i.capaian is not None for i in ind)
    # sasaran and satker: provisional with the latest quarter among their members
    assert _lkj_kolom(wb, N.LKJ_CAPAIAN_SASARAN, 1) == [s.predikat for s in lap.sasaran]
    assert {s.predikat for s in lap.sasaran} == {"s.d. TW II"}
    assert _lkj_kolom(wb, N.LKJ_CAPAIAN_SATKER, 1) == [lap.predikat_satker] == ["s.d. TW II"]
    assert lap.jumlah_predikat == dict.fromkeys(PREDIKAT_URUT, 0)
    # the Word text
    teks = "\n".join(p.text for p in Document(tulis_docx(lap, tmp_path / "lkj.docx"))
                     .paragraphs)
    assert "(tidak tercapai)" not in teks and "(tercapai)" not in teks
    assert (f"Sebanyak {hitungan(len(lap.sementara), 'indikator')} belum lengkap setahun "
            f"(realisasi TW IV belum diisi)") in teks
    g07 = next(i for i in ind if i.kode == "G07")
    assert (f"Indikator {g07.indikator} dengan target 24 Laporan terealisasi 10 Laporan s.d. "
            f"TW II, atau kemajuan 41,67% terhadap target tahunan; predikat dan status "
            f"tercapai ditetapkan setelah realisasi TW IV diisi.") in teks
    assert "(kemajuan s.d. TW II terhadap target tahunan; predikat ditetapkan setelah " \
           "realisasi TW IV diisi)." in teks
