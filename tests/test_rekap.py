"""Rekap Triwulan: exact values against the core, writer, never-damage, bad input."""
from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ANGGARAN_UJI, KASUS, TAHUN, katalog_grid

from xl_kinerja import (
    baca_target,
    capaian,
    capaian_per_sasaran,
    capaian_satker,
    kontrak,
    persen_anggaran,
    predikat,
    sisa_anggaran,
)
from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.errors import KesalahanBerkas
from xl_kinerja.rekap import baca_nilai, hitung_rekap, rekap_berkas
from xl_kinerja.rekap.cetak import skala
from xl_kinerja.rekap.tulis import LEBAR

KUBU_RAYA = Path(__file__).resolve().parent.parent / "examples" / "contoh-rkt-2024-kubu-raya.xlsx"


@pytest.fixture
def salinan(grid_rekap, tmp_path):
    p = tmp_path / "buku.xlsx"
    shutil.copy(grid_rekap, p)
    return p


def _sel(wb, nama, i=0):
    """The openpyxl cell of row i of a name, located with the contract reader."""
    r = kontrak.buka(wb, periksa_versi=False).rentang(nama)
    return wb[r.lembar].cell(r.baris1 + i, r.kolom1)


def _target_tw(kode, q):
    teks, pol, jenis, satuan, tw, _ = KASUS[kode]
    return (tw[q] if tw else teks)


def _harap(kode, q):
    """Expected capaian from the case texts, straight from the core."""
    teks, pol, *_ , real = KASUS[kode]
    t = _target_tw(kode, q)
    if t is None or real[q] is None:
        return None
    return capaian(baca_target(t), real[q], pol)


@pytest.mark.parametrize("tw", [1, 2, 3, 4])
def test_nilai_persis_tw(grid_rekap, tw):
    import openpyxl
    rk = hitung_rekap(baca_nilai(grid_rekap), tw)
    q = tw - 1
    wb = openpyxl.load_workbook(grid_rekap)
    baris = {r["kode"]: r for r in rk.indikator}
    assert set(baris) == set(KASUS)
    pasangan = []
    for kode in KASUS:
        h = _harap(kode, q)
        assert baris[kode]["capaian"] == pytest.approx(h, abs=1e-12) if h is not None \
            else baris[kode]["capaian"] is None, kode
        assert baris[kode]["predikat"] == (predikat(h, "kpu") if h is not None else None), kode
        pasangan.append((baris[kode]["kode_sasaran"], h))
    harap_sasaran = capaian_per_sasaran(pasangan)
    for s in rk.sasaran:
        assert s["capaian"] == pytest.approx(harap_sasaran[s["kode"]], abs=1e-12)
    assert rk.capaian_satker == pytest.approx(capaian_satker(pasangan), abs=1e-12)
    jumlah = {}
    for _, h in pasangan:
        if h is not None:
            jumlah[predikat(h, "kpu")] = jumlah.get(predikat(h, "kpu"), 0) + 1
    assert {k: v for k, v in rk.jumlah_predikat.items() if v} == jumlah
    # anggaran: leaves as entered, program/kegiatan = sum of their rows
    a = {r["kode"]: r for r in rk.anggaran}
    real = {x[0]: (x[4][q] if x[4] else None) for x in ANGGARAN_UJI}
    pagu = {x[0]: x[3] for x in ANGGARAN_UJI}
    assert a["EBD.952"]["realisasi"] == real["EBD.952"]
    kegiatan = [real["EBD.952"], real["EBD.955"]]
    harap_keg = sum(x for x in kegiatan if x is not None)
    assert a["WA.3355"]["realisasi"] == harap_keg
    assert a["WA.3355"]["pagu"] == pagu["EBD.952"] + pagu["EBD.955"] == 185_400_000 + 96_750_000
    assert a["076.01.CQ"]["pagu"] == pagu["QGE.001"] + pagu["QGE.002"] == 74_000_000
    assert a["076.01.WA"]["realisasi"] == harap_keg + real["EBA.994"]
    for k in ("EBD.952", "EBD.955", "EBA.994", "QGE.001", "WA.3355", "076.01.WA"):
        assert a[k]["persen"] == persen_anggaran(a[k]["pagu"], a[k]["realisasi"]), k
        assert a[k]["sisa"] == sisa_anggaran(a[k]["pagu"], a[k]["realisasi"]), k
    assert a["QGE.001"]["persen"] is None and a["076.01.CQ"]["realisasi"] is None
    assert rk.target_serapan == _sel(wb, N.REF_TARGET_SERAPAN, q).value
    jenis = {(t["kode"], t["jenis"]) for t in rk.temuan}
    if tw == 1:
        assert ("G02", "realisasi_kosong") in jenis
    if tw == 4:
        assert ("EBD.955", "serapan_lebih") in jenis  # 101.000.000 > 96.750.000
        pesan = next(t["pesan"] for t in rk.temuan if t["kode"] == "EBD.955")
        assert pesan == "EBD.955: realisasi anggaran melebihi pagu (104,39%)"  # Indonesian %
    else:
        assert all(j != "serapan_lebih" for _, j in jenis)


def test_skala_dan_batas_dari_referensi(tmp_path):
    """Scale and cap come from the workbook's Referensi (permendagri scale, cap 120%)."""
    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    from xl_kinerja.katalog import Katalog
    wb = buat_buku_kerja(Katalog.dari_dict(katalog_grid()), TAHUN, satker="KPU Kabupaten Uji",
                         skala="permendagri")
    isi_realisasi(wb, kinerja={k: v[5] for k, v in KASUS.items()})
    _sel(wb, N.REF_BATAS_CAPAIAN).value = 1.2
    p = simpan(wb, tmp_path / "permendagri.xlsx")
    rk = hitung_rekap(baca_nilai(p), 4)
    pasangan = []
    for r in rk.indikator:
        h = _harap(r["kode"], 3)
        assert r["predikat"] == (predikat(h, "permendagri") if h is not None else None)
        pasangan.append((r["kode_sasaran"], h))
    harap = capaian_per_sasaran(pasangan, batas_atas=1.2)
    assert {s["kode"]: s["capaian"] for s in rk.sasaran} == pytest.approx(harap)
    assert rk.capaian_satker == pytest.approx(capaian_satker(pasangan, batas_atas=1.2))
    assert any(h is not None and h > 1.2 for _, h in pasangan)  # the cap matters here
    assert set(rk.jumlah_predikat) == {lbl for _, lbl in
                                       __import__("xl_kinerja").SKALA["permendagri"].kategori}


@pytest.mark.parametrize("isi, harap", [("=FALSE()", False), ("=TRUE()", True),
                                         (False, False), (True, True), (None, False)])
def test_skala_inklusif_rumus_libreoffice(salinan, isi, harap):
    """LibreOffice saves a boolean cell as the formula "=FALSE()" (a non-empty string)."""
    _isi(salinan, N.REF_SKALA_INKLUSIF, 0, isi)
    assert baca_nilai(salinan).skala_inklusif is harap


def test_skala_inklusif_teks_salah(salinan, capsys):
    _isi(salinan, N.REF_SKALA_INKLUSIF, 0, "mungkin")
    err = _gagal(salinan, ["--triwulan", "1"], capsys, N.REF_SKALA_INKLUSIF)
    assert "mungkin" in err


def test_batas_atas_dan_dasar(grid_rekap):
    rk = hitung_rekap(baca_nilai(grid_rekap), 4, batas_atas=1.0, dasar="indikator")
    pasangan = [(r["kode_sasaran"], _harap(r["kode"], 3)) for r in rk.indikator]
    assert rk.capaian_satker == pytest.approx(
        capaian_satker(pasangan, dasar="indikator", batas_atas=1.0), abs=1e-12)
    assert max(s["capaian"] for s in rk.sasaran if s["capaian"] is not None) <= 1.0


def _isi(path, nama, i, nilai):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    _sel(wb, nama, i).value = nilai
    wb.save(path)


def _indeks(kode):
    return list(KASUS).index(kode)


def test_temuan_typo_tanpa_target_jumlah(salinan):
    _isi(salinan, N.UKUR_REALISASI_TW[2], _indeks("G07"), 200)   # 200/18 -> typo
    _isi(salinan, N.UKUR_REALISASI_TW[1], _indeks("G08"), 50)    # no TW II target
    kode_a = [a[0] for a in ANGGARAN_UJI]
    _isi(salinan, N.ANGG_REALISASI_TW[2], kode_a.index("WA.3358"), 5)  # subtotal typed wrong
    rk = hitung_rekap(baca_nilai(salinan), 3)
    jenis = {(t["kode"], t["jenis"]) for t in rk.temuan}
    assert ("G07", "capaian_janggal") in jenis
    assert next(t["pesan"] for t in rk.temuan if t["jenis"] == "capaian_janggal") == (
        "G07: capaian 1.111,11% jauh di atas 100%; periksa kemungkinan salah ketik")
    rk2 = hitung_rekap(baca_nilai(salinan), 2)
    assert ("G08", "tanpa_target") in {(t["kode"], t["jenis"]) for t in rk2.temuan}
    assert ("WA.3358", "jumlah_tidak_cocok") in jenis
    f = next(t for t in rk.temuan if t["jenis"] == "jumlah_tidak_cocok" and t["kode"] == "WA.3358")
    anak = [a[4][2] for a in ANGGARAN_UJI if a[0] == "EBA.994"]  # its one output, TW III
    assert (f["kolom"], f["tercatat"], f["dihitung"]) == ("realisasi", 5, anak[0])
    assert f["pesan"].startswith("WA.3358: realisasi TW III kegiatan 5 tidak sama dengan jumlah "
                                 "rinciannya ")
    assert all(t["pesan"] for t in rk.temuan)


def _nilai_lembar(ws):
    return {(c.row, c.column): c.value for row in ws.iter_rows() for c in row
            if c.value is not None}


def test_cli_lembar_grafik_dan_ulang(salinan, capsys):
    import openpyxl
    asli = salinan.read_bytes()
    assert main([ "rekap", str(salinan), "--triwulan", "2"]) == 0
    assert salinan.with_name("buku.xlsx.bak").read_bytes() == asli
    wb = openpyxl.load_workbook(salinan)
    ws = wb["Rekap TW 2"]
    assert ws["A1"].value == "Rekap Triwulan II"
    assert len(ws._charts) == 2
    # printed A4 landscape at the scale that fits its ten columns on the width (the pages
    # are laid out by the rekap: tests/test_cetak_pdf.py), the charts on the last page
    assert (ws.page_setup.paperSize, ws.page_setup.orientation) == (9, "landscape")
    assert int(ws.page_setup.scale) == skala(LEBAR, 9) == 75
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    with zipfile.ZipFile(salinan) as z:
        assert sum(n.startswith("xl/charts/chart") for n in z.namelist()) >= 2
    pertama = _nilai_lembar(ws)
    assert main(["rekap", str(salinan), "--triwulan", "2", "--tanpa-cadangan"]) == 0
    wb2 = openpyxl.load_workbook(salinan)
    assert wb2.sheetnames.count("Rekap TW 2") == 1 and wb2.sheetnames == wb.sheetnames
    kedua = _nilai_lembar(wb2["Rekap TW 2"])
    pertama.pop((4, 2)), kedua.pop((4, 2))  # timestamp
    assert pertama == kedua
    assert len(wb2["Rekap TW 2"]._charts) == 2


def test_triwulan_belum_diisi_satu_temuan(tmp_path):
    # a fresh workbook: TW I not started -> one finding, not one per indicator
    from xl_kinerja.generator import buat_buku_kerja, simpan
    p = simpan(buat_buku_kerja(None, TAHUN, satker="KPU Kabupaten Contoh"), tmp_path / "b.xlsx")
    data = baca_nilai(p)
    n = sum(1 for i in data.indikator if i.target[0] is not None)
    rk = hitung_rekap(data, 1)
    assert n > 0 and [(t["jenis"], t["baris"], t["pesan"]) for t in rk.temuan] == [
        ("realisasi_kosong", None,
         f"belum ada realisasi kinerja TW I yang diisi ({n} indikator bertarget triwulan ini)")]
    assert main(["rekap", str(p), "--triwulan", "1", "--tanpa-cadangan"]) == 0
    import openpyxl
    ws = openpyxl.load_workbook(p)["Rekap TW 1"]
    temuan = [r[0] for r in ws.iter_rows(values_only=True)
              if str(r[0]).startswith("lembar Pengukuran")]
    assert temuan == [f"lembar Pengukuran: {rk.temuan[0]['pesan']}"]


def test_ringkasan_layar(salinan, capsys):
    # the figures are checked against the core in test_nilai_persis_tw; here: their wording
    from xl_kinerja import format_angka, format_persen
    rk = hitung_rekap(baca_nilai(salinan), 4)
    total = rk.anggaran[-1]
    assert total["tingkat"] == "jumlah" and rk.temuan
    baris = rk.ringkasan(temuan_maks=1)
    selisih = total["persen"] - rk.target_serapan
    lambat = sorted((s for s in rk.sasaran if s["capaian"] is not None and s["capaian"] < 1),
                    key=lambda s: s["capaian"])
    assert lambat  # the grid has sasaran below target
    assert baris[:5] == [
        "Rekap Triwulan IV - KPU Kabupaten Uji, tahun 2027",
        f"Capaian rata-rata satker: {format_persen(rk.capaian_satker)}",
        "Indikator per predikat: " + ", ".join(f"{p} {n}" for p, n in rk.jumlah_predikat.items()),
        "Sasaran di bawah target: " + "; ".join(
            f"{s['kode']} {format_persen(s['capaian'])}" for s in lambat[:5]) +
        (f"; dan {len(lambat) - 5} lainnya" if len(lambat) > 5 else ""),
        f"Serapan anggaran: {format_persen(total['persen'])} dari pagu Rp "
        f"{format_angka(total['pagu'], 0)} (target {format_persen(rk.target_serapan)}, selisih "
        f"{'+' if selisih >= 0 else '-'}{format_persen(abs(selisih))})"]
    # the kendala not yet written come last, as one line
    lain = [t for t in rk.temuan if t["jenis"] != "kendala_kosong"]
    kendala = [t["kode"] for t in rk.temuan if t["jenis"] == "kendala_kosong"]
    assert 1 < len(lain) < len(rk.temuan) and len(kendala) < 8
    assert baris[5:] == [f"Temuan ({len(rk.temuan)}):", f"  - {lain[0]['pesan']}",
                         f"  ... dan {len(lain) - 1} temuan lain (lihat lembar rekap)",
                         f"  - kendala belum ditulis untuk {len(kendala)} indikator di bawah "
                         f"target: {', '.join(kendala)} (kolom Kendala, Catatan Triwulan IV)"]
    assert main(["rekap", str(salinan), "--triwulan", "4", "--tanpa-cadangan"]) == 0
    keluar = capsys.readouterr().out.splitlines()
    assert keluar[:5] == baris[:5] and keluar[-1].startswith('Lembar "Rekap TW 4" ditulis ke ')


def test_cli_json(salinan, capsys):
    import json
    asli = salinan.read_bytes()
    assert main(["rekap", str(salinan), "--triwulan", "3", "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["judul"] == "Rekap Triwulan III" and len(d["indikator"]) == len(KASUS)
    assert salinan.read_bytes() == asli


def _png_kecil():
    from PIL import Image as PILImage
    buf = io.BytesIO()
    PILImage.new("RGB", (4, 3), (200, 30, 30)).save(buf, format="PNG")
    buf.seek(0)
    return buf


def _sidik(wb):
    """Everything that must survive, per sheet."""
    hasil = {"nama": sorted((n, v.attr_text) for n, v in wb.defined_names.items())}
    for ws in wb.worksheets:
        sel = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None or c.has_style:
                    sel[c.coordinate] = (c.value, c.number_format, repr(c.font), repr(c.fill),
                                         repr(c.border), repr(c.alignment), repr(c.protection),
                                         c.comment.text if c.comment else None)
        hasil[ws.title] = {
            "sel": sel,
            "validasi": sorted((str(d.sqref), d.type, d.formula1) for d in
                               ws.data_validations.dataValidation),
            "format_bersyarat": sorted((str(k.sqref), [repr(r.formula) for r in v])
                                       for k, v in ws.conditional_formatting._cf_rules.items()),
            "gambar": len(ws._images), "grafik": len(ws._charts),
            "gabung": sorted(str(m) for m in ws.merged_cells.ranges),
        }
    return hasil


def test_tidak_merusak(salinan):
    import openpyxl
    from openpyxl.chart import LineChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image
    wb = openpyxl.load_workbook(salinan)
    ws = wb["Pengukuran"] if "Pengukuran" in wb.sheetnames else wb.worksheets[0]
    ws["Z1"].comment = Comment("catatan pengguna", "Uji")
    ws.add_image(Image(_png_kecil()), "Z2")
    ch = LineChart()
    ch.add_data(Reference(ws, min_col=1, min_row=1, max_row=5))
    ws.add_chart(ch, "Z10")
    wb.save(salinan)
    sebelum = _sidik(openpyxl.load_workbook(salinan))
    with zipfile.ZipFile(salinan) as z:
        bagian_sebelum = {n for n in z.namelist()}
    assert main(["rekap", str(salinan), "--triwulan", "1"]) == 0
    sesudah_wb = openpyxl.load_workbook(salinan)
    sesudah = _sidik(sesudah_wb)
    sesudah.pop("Rekap TW 1")
    assert sesudah == sebelum
    assert sebelum[ws.title]["gambar"] == 1 and sebelum[ws.title]["grafik"] == 1
    with zipfile.ZipFile(salinan) as z:
        bagian_sesudah = set(z.namelist())
    assert bagian_sebelum <= bagian_sesudah, bagian_sebelum - bagian_sesudah


# ---------------------------------------------------------------- bad input
def _gagal(path, argv, capsys, kata):
    asli = path.read_bytes() if path.exists() else None
    kode = main(["rekap", str(path), *argv])
    err = capsys.readouterr().err
    assert kode != 0
    assert kata in err, err
    assert "Traceback" not in err
    if asli is not None:
        assert path.read_bytes() == asli
    return err


def test_bukan_xlsx(tmp_path, capsys):
    p = tmp_path / "teks.xlsx"
    p.write_text("bukan buku kerja")
    _gagal(p, ["--triwulan", "1"], capsys, "bukan buku kerja")


def test_zip_terpotong(salinan, capsys):
    salinan.write_bytes(salinan.read_bytes()[:5000])
    _gagal(salinan, ["--triwulan", "1"], capsys, "rusak")


def test_kolom_dihapus(salinan, capsys):
    import openpyxl
    wb = openpyxl.load_workbook(salinan)
    del wb.defined_names[N.UKUR_REALISASI_TW[1]]
    wb.save(salinan)
    err = _gagal(salinan, ["--triwulan", "2"], capsys, N.UKUR_REALISASI_TW[1])
    assert "buku.xlsx" in err


def test_kolom_bentuk_salah(salinan, capsys):
    import openpyxl
    wb = openpyxl.load_workbook(salinan)
    dn = wb.defined_names[N.UKUR_REALISASI_TW[1]]
    lembar, ref = next(iter(dn.destinations))
    a, b = ref.split(":")
    dn.attr_text = f"'{lembar}'!{a}:$Z${b.split('$')[-1]}"
    wb.save(salinan)
    _gagal(salinan, ["--triwulan", "2"], capsys, "bentuk yang salah")


@pytest.mark.parametrize("teks", ["sembilan puluh", "95 %", "-"])
def test_teks_di_sel_angka(salinan, capsys, teks):
    _isi(salinan, N.UKUR_REALISASI_TW[1], _indeks("G01"), teks)
    err = _gagal(salinan, ["--triwulan", "2"], capsys, teks)
    assert "harus berisi angka" in err and "Pengukuran" in err


@pytest.mark.parametrize("tw", ["0", "5"])
def test_triwulan_salah(salinan, capsys, tw):
    asli = salinan.read_bytes()
    with pytest.raises(SystemExit) as e:
        main(["rekap", str(salinan), "--triwulan", tw])
    assert e.value.code != 0
    assert "triwulan harus 1, 2, 3, atau 4" in capsys.readouterr().err
    assert salinan.read_bytes() == asli


@pytest.mark.parametrize("kunci", ["~$buku.xlsx", ".~lock.buku.xlsx#"])
def test_berkas_terkunci(salinan, capsys, kunci):
    (salinan.parent / kunci).write_text("x")
    _gagal(salinan, ["--triwulan", "1"], capsys, "sedang dibuka")
    assert not salinan.with_name("buku.xlsx.bak").exists()


def test_hanya_baca(salinan, capsys):
    salinan.chmod(0o444)
    try:
        _gagal(salinan, ["--triwulan", "1"], capsys, "hanya-baca")
    finally:
        salinan.chmod(0o644)


def _bom(akar):
    return ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                      for i in range(1, 10))
            + f']><{akar} xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              f'count="1" uniqueCount="1"><si><t>&lol9;</t></si></{akar}>')


def _ganti_bagian(asal, tujuan, bagian, isi):
    with zipfile.ZipFile(asal) as zi, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zo:
        assert bagian in zi.namelist()
        for n in zi.namelist():
            zo.writestr(n, isi if n == bagian else zi.read(n))


def test_bom_xml_sharedstrings(salinan, capsys):
    """A billion-laughs sharedStrings.xml wired into the package (content type + rel)."""
    p2 = salinan.with_name("bom.xlsx")
    with zipfile.ZipFile(salinan) as zi, zipfile.ZipFile(p2, "w", zipfile.ZIP_DEFLATED) as zo:
        for n in zi.namelist():
            isi = zi.read(n)
            if n == "[Content_Types].xml":
                isi = isi.replace(b"</Types>", (
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                    b"</Types>"))
            elif n == "xl/_rels/workbook.xml.rels":
                isi = isi.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdBom" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>'))
            zo.writestr(n, isi)
        zo.writestr("xl/sharedStrings.xml", _bom("sst"))
    _gagal(p2, ["--triwulan", "1"], capsys, "tidak dapat dibaca dengan aman")


def test_bom_xml_buku_kita(salinan, capsys):
    p2 = salinan.with_name("bom.xlsx")
    _ganti_bagian(salinan, p2, "xl/workbook.xml", _bom("workbook"))
    _gagal(p2, ["--triwulan", "1"], capsys, "tidak dapat dibaca dengan aman")


def test_bagian_asing_tetap_dan_keluaran_tidak_ditimpa(salinan, capsys):
    """Parts the writer does not know (here a VBA project) are kept byte for byte in place;
    refusals in place (signature, locked structure) are tested in test_rekap_zip.py."""
    p2 = salinan.with_name("makro.xlsx")
    with zipfile.ZipFile(salinan) as zi, zipfile.ZipFile(p2, "w") as zo:
        for n in zi.namelist():
            zo.writestr(n, zi.read(n))
        zo.writestr("xl/vbaProject.bin", b"\0\1" * 8)
    assert main(["rekap", str(p2), "--triwulan", "1"]) == 0
    with zipfile.ZipFile(p2) as z:
        assert z.read("xl/vbaProject.bin") == b"\0\1" * 8
    keluar = salinan.with_name("hasil.xlsx")
    asli = p2.read_bytes()
    assert main(["rekap", str(p2), "--triwulan", "1", "--keluaran", str(keluar)]) == 0
    assert keluar.exists() and p2.read_bytes() == asli
    # an existing --keluaran is not replaced without --timpa
    sebelum = keluar.read_bytes()
    assert main(["rekap", str(p2), "--triwulan", "2", "--keluaran", str(keluar)]) == 2
    assert "--timpa" in capsys.readouterr().err
    assert keluar.read_bytes() == sebelum
    assert main(["rekap", str(p2), "--triwulan", "2", "--keluaran", str(keluar),
                 "--timpa"]) == 0
    assert keluar.read_bytes() != sebelum and p2.read_bytes() == asli


def test_pesan_kesalahan_pustaka(tmp_path):
    with pytest.raises(KesalahanBerkas):
        rekap_berkas(tmp_path / "tidak-ada.xlsx", 1)


# ---------------------------------------------------------------- xlwings path (fake Book)
class _Rentang:
    def __init__(self, lembar, r, c, nilai=None, r2=None, c2=None):
        self.sheet, self.row, self.column = lembar, r, c
        self._nilai, self._r2, self._c2 = nilai, r2 or r, c2 or c
        self.left = self.top = 0

    def options(self, **_):
        return self

    @property
    def value(self):
        return self._nilai

    @value.setter
    def value(self, v):
        self.sheet.sel[(self.row, self.column)] = v

    number_format = None

    class font:  # noqa: N801
        bold = False

    column_width = None


class _Lembar:
    def __init__(self, nama, book=None):
        self.name, self.sel, self.book, self.grafik = nama, {}, book, []

    def range(self, a, b=None):
        if isinstance(a, str):
            return _Rentang(self, 1, 1)
        return _Rentang(self, a[0], a[1])

    class _Grafik:
        """An xlwings chart; `api[1]` records the COM series (Name, Values, XValues)."""

        def __init__(self):
            self.chart_type = None
            self.seri = []
            grafik = self

            class Api:
                HasTitle = False

                class ChartTitle:
                    Text = None

                def SeriesCollection(self):  # noqa: N802 - the COM name
                    class Koleksi:
                        def NewSeries(self):  # noqa: N802
                            s = type("Seri", (), {})()
                            grafik.seri.append(s)
                            return s
                    return Koleksi()
            self.api = [None, Api()]

        def set_source_data(self, _):
            pass

        def delete(self):
            pass

    @property
    def charts(self):
        lembar = self

        class C(list):
            def add(self, **_):
                g = _Lembar._Grafik()
                lembar.grafik.append(g)
                return g
        return C(lembar.grafik)

    def clear(self):
        self.sel.clear()


class _Buku:
    """Just enough of an xlwings Book: names[...] .refers_to_range, sheets."""

    def __init__(self, path):
        import openpyxl
        wb = openpyxl.load_workbook(path)
        k = kontrak.buka(wb, periksa_versi=False)
        self.name = self.fullname = path.name
        self.app = object()
        self._lembar = []
        nama = {}
        for n in wb.defined_names:
            try:
                r = k.rentang(n)
            except KesalahanBerkas:
                continue
            s = r.lembar
            nilai = [[wb[s].cell(b, c).value for c in range(r.kolom1, r.kolom2 + 1)]
                     for b in range(r.baris1, r.baris2 + 1)]
            nama[n] = type("N", (), {"refers_to_range": _Rentang(
                _Lembar(s), r.baris1, r.kolom1, nilai)})()
        self.names = nama
        buku = self

        class S(list):
            def add(self, n, after=None):
                x = _Lembar(n, buku)
                self.append(x)
                return x

            def __getitem__(self, k):
                if isinstance(k, str):
                    return next(x for x in self if x.name == k)
                return list.__getitem__(self, k)
        self.sheets = S(_Lembar(s, self) for s in wb.sheetnames)


def test_xlwings_sama_dengan_openpyxl(grid_rekap):
    import openpyxl

    from xl_kinerja.rekap import baca_nilai_xlwings, tulis_rekap_openpyxl, tulis_rekap_xlwings
    buku = _Buku(grid_rekap)
    rk_x = hitung_rekap(baca_nilai_xlwings(buku), 2, dibuat="2027-07-01 08:00:00")
    rk_o = hitung_rekap(baca_nilai(grid_rekap), 2, dibuat="2027-07-01 08:00:00")
    dx, do = rk_x.ke_dict(), rk_o.ke_dict()
    dx.pop("berkas"), do.pop("berkas")
    assert dx == do
    sht = tulis_rekap_xlwings(buku, rk_x)
    wb = openpyxl.load_workbook(grid_rekap)
    ws = tulis_rekap_openpyxl(wb, rk_o)
    sel_o = {(c.row, c.column): c.value for row in ws.iter_rows() for c in row
             if c.value is not None}
    sel_x = {k: v for k, v in sht.sel.items() if v is not None}
    sel_o.pop((3, 2)), sel_x.pop((3, 2))  # source file path differs by construction
    assert sel_x == sel_o
    assert len(sht.grafik) == 2 == len(ws._charts)


def test_grafik_tanpa_judul_ulangan_di_setiap_penulis(tmp_path):
    # Kubu Raya's Rekap TW IV repeats its sasaran header on new pages: the charts of the
    # package writer (CLI), the openpyxl and the xlwings (ribbon) writers all leave those
    # rows out, with the same union references
    import openpyxl

    from xl_kinerja.rekap import tulis_rekap_openpyxl, tulis_rekap_xlwings
    p = tmp_path / "kr.xlsx"
    shutil.copy(KUBU_RAYA, p)
    rekap_berkas(p, 4, keluaran=tmp_path / "cli.xlsx")
    with zipfile.ZipFile(tmp_path / "cli.xlsx") as z:
        cli = [re.findall(r"<c:f>([^<]*)</c:f>", z.read(n).decode())
               for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]
    assert any(f.startswith("(") for g in cli for f in g)  # a union: rows were skipped
    rk = hitung_rekap(baca_nilai(p), 4)
    ws = tulis_rekap_openpyxl(openpyxl.Workbook(), rk)
    o = [[f for s in ch.series for f in (s.tx.strRef.f, s.cat.strRef.f, s.val.numRef.f)]
         for ch in ws._charts]
    assert o == cli
    sht = tulis_rekap_xlwings(_Buku(p), rk)
    x = [[f for s in g.seri for f in (None, s.XValues, s.Values)] for g in sht.grafik]
    assert x == [[None if i % 3 == 0 else "=" + f for i, f in enumerate(g)] for g in cli]
