"""Konsolidasi: 30 satker workbooks (different fills), broken/foreign files, a daftar with
one satker missing. Every consolidated figure is compared with that satker's own
`rekap --format json`; the workbook is recalculated and printed by LibreOffice."""
from __future__ import annotations

import json
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import zipfile

import openpyxl
import pytest
from conftest import ANGGARAN_UJI, KASUS, TAHUN, katalog_grid

from xl_kinerja import predikat, rata_rata_capaian
from xl_kinerja.cli import main
from xl_kinerja.konsolidasi import konsolidasi
from xl_kinerja.konsolidasi.cocok import Pencocok, kunci_satker

TW = 2
TEMPAT = ["Magelang", "Kubu Raya", "Banyumas", "Sleman", "Bantul", "Garut", "Bogor", "Sukabumi",
          "Cianjur", "Klaten", "Boyolali", "Jepara", "Demak", "Kendal", "Batang", "Pati",
          "Kudus", "Rembang", "Blora", "Grobogan", "Sragen", "Wonogiri", "Purworejo",
          "Kebumen", "Cilacap", "Brebes", "Tegal", "Pemalang", "Temanggung", "Wonosobo"]
SATKER = [f"KPU {'Kota' if i % 5 == 4 else 'Kabupaten'} {t}" for i, t in enumerate(TEMPAT)]
HILANG = "KPU Kabupaten Karanganyar"        # in the daftar, no file
TAHUN_LAIN = "KPU Kota Salatiga"            # a 2026 workbook
KOSONG = "KPU Kabupaten Semarang"           # TW II not filled in
SASARAN = (0, 1, 3)                         # grid sasaran SG1, SG2, SG4: 9 indicators
KODE = [k for s in SASARAN for k in list(KASUS)[3 * s:3 * s + 3]]


def _wilayah(satker):
    return satker.removeprefix("KPU ")


def _katalog(i, satker):
    d = katalog_grid()
    d["sasaran"] = [d["sasaran"][s] for s in SASARAN]
    ind = d["sasaran"][0]["indikator"]
    # the satker's own name inside the text, in two forms
    ind[0]["nama"] = f"Persentase layanan informasi tepat waktu di {satker}"
    d["sasaran"][1]["indikator"][0]["nama"] = f"Indeks kepuasan pemilih {_wilayah(satker)}"
    if i == 0:  # an indicator only this satker has: listed as unmatched, not dropped
        ind.append({**ind[1], "kode": "X01", "nama": "Indikator khusus satu satker"})
    return d


def _isi(i):
    """Satker i's cumulative realisasi: the grid's, scaled, with gaps."""
    f = 0.55 + 0.025 * i
    kinerja = {}
    for n, k in enumerate(KODE):
        nilai = list(KASUS[k][5])
        if isinstance(nilai[TW - 1], (int, float)) and not isinstance(nilai[TW - 1], bool):
            nilai[TW - 1] = round(nilai[TW - 1] * f * (1 + 0.1 * (n % 3)), 4)
        if (i + n) % 11 == 0:
            nilai[TW - 1] = None  # a missing realisasi
        kinerja[k] = nilai
    if i == 0:
        kinerja["X01"] = [None, 0.5, None, None]
    anggaran = {}
    for a in ANGGARAN_UJI:
        if a[4] is not None:
            anggaran[a[0]] = [None if v is None else round(v * f) for v in a[4]]
    return kinerja, anggaran


def _buat(tugas):
    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    from xl_kinerja.katalog import Katalog
    i, satker, tahun, path, terisi = tugas
    wb = buat_buku_kerja(Katalog.dari_dict(_katalog(i, satker)), tahun, satker=satker)
    if terisi:
        kinerja, anggaran = _isi(i)
        isi_realisasi(wb, kinerja=kinerja, anggaran=anggaran)
    simpan(wb, path)
    return path


@pytest.fixture(scope="session")
def folder_satker(tmp_path_factory):
    folder = tmp_path_factory.mktemp("konsolidasi")
    masuk = folder / "masuk"
    (masuk / "kabupaten").mkdir(parents=True)
    tugas = [(i, s, TAHUN, str(masuk / ("kabupaten" if i % 2 else "") / f"kinerja-{i:02d}.xlsx"),
              True) for i, s in enumerate(SATKER)]
    tugas += [(5, TAHUN_LAIN, TAHUN - 1, str(masuk / "salatiga.xlsx"), True),
              (6, KOSONG, TAHUN, str(masuk / "semarang.xlsx"), False)]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_buat, tugas)
    # three broken or foreign files
    (masuk / "catatan.xlsx").write_text("ini bukan buku kerja", encoding="utf-8")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Rekap buatan sendiri"
    wb.save(masuk / "asing.xlsx")
    with zipfile.ZipFile(masuk / "kinerja-00.xlsx") as z, \
            zipfile.ZipFile(masuk / "rusak.xlsx", "w") as out:
        for info in z.infolist():
            data = z.read(info)
            out.writestr(info, b"<workbook><rusak" if info.filename == "xl/workbook.xml"
                         else data)
    # the same satker sent twice (a copy in another folder)
    (masuk / "lama").mkdir()
    shutil.copy(masuk / "kinerja-00.xlsx", masuk / "lama" / "kinerja-00-salinan.xlsx")
    daftar = folder / "satker.csv"
    baris = ["nama;tingkat;tempat;ketua;sekretaris"]
    baris += [f"{s};;;;" for s in SATKER + [TAHUN_LAIN, KOSONG, HILANG]]
    daftar.write_text("\n".join(baris) + "\n", encoding="utf-8")
    return folder, masuk, daftar


def _path(masuk, i):
    return masuk / ("kabupaten" if i % 2 else "") / f"kinerja-{i:02d}.xlsx"


@pytest.fixture(scope="session")
def rekap_sendiri(folder_satker):
    """{satker: its own `xl-kinerja rekap --format json`} (the CLI, in process)."""
    import contextlib
    import io
    _, masuk, _ = folder_satker
    hasil = {}
    for i, s in enumerate(SATKER):
        keluar = io.StringIO()
        with contextlib.redirect_stdout(keluar):
            assert main(["rekap", str(_path(masuk, i)), "--triwulan", str(TW),
                         "--format", "json"]) == 0
        hasil[s] = json.loads(keluar.getvalue())
    return hasil


@pytest.fixture(scope="session")
def hasil_cli(folder_satker, tmp_path_factory):
    """The CLI run once for xlsx and once for json: (exit codes, workbook, json, stderr)."""
    folder, masuk, daftar = folder_satker
    keluar = tmp_path_factory.mktemp("keluar")
    xlsx = keluar / "rekap-provinsi.xlsx"
    args = [str(masuk), "--triwulan", str(TW), "--daftar", str(daftar)]
    p1 = subprocess.run([*_CLI, "konsolidasi", *args,
                         "--keluaran", str(xlsx)], capture_output=True, text=True)
    p2 = subprocess.run([*_CLI, "konsolidasi", *args,
                         "--format", "json", "--proses", "1"], capture_output=True, text=True)
    return p1, p2, xlsx, json.loads(p2.stdout)


_CLI = [sys.executable, "-c", "import sys; from xl_kinerja.cli import main; sys.exit(main())"]


def _jumlah(rk):
    return next(a for a in rk["anggaran"] if a["tingkat"] == "jumlah")


def test_ringkasan_sama_dengan_rekap_satker(hasil_cli, rekap_sendiri):
    p1, p2, _, js = hasil_cli
    assert p1.returncode == 1 and p2.returncode == 1, (p1.stderr, p2.stderr)
    baris = {r["satker"]: r for r in js["ringkasan"]}
    assert set(baris) == set(SATKER)
    for s, rk in rekap_sendiri.items():
        r = baris[s]
        assert r["capaian"] == rk["capaian_satker"], s
        assert r["predikat"] == predikat(rk["capaian_satker"], "kpu"), s
        assert r["jumlah_predikat"] == rk["jumlah_predikat"], s
        assert r["jumlah_indikator"] == len(rk["indikator"])
        tot = _jumlah(rk)
        assert (r["pagu"], r["realisasi"], r["serapan"], r["selisih_target"]) == \
            (tot["pagu"], tot["realisasi"], tot["persen"], tot["selisih_target"]), s
        assert r["target_serapan"] == rk["target_serapan"] == 0.5
        assert r["realisasi_kosong"] == sum(1 for i in rk["indikator"] if i["target"] is not None
                                            and i["realisasi"] is None)
        assert r["temuan"] == len(rk["temuan"])
        assert r["versi_format"] == "xl-kinerja/1"
        assert r["disimpan"] and r["disimpan"].startswith(str(TAHUN - 1)[:2])
    # ranking: by capaian, highest first, 1..n without gaps (all different here)
    urut = sorted(rekap_sendiri.values(), key=lambda rk: -rk["capaian_satker"])
    assert [r["satker"] for r in js["ringkasan"]] == [rk["satker"] for rk in urut]
    assert [r["peringkat"] for r in js["ringkasan"]] == list(range(1, 31))
    # province totals from the satkers' own figures
    t = js["total"]
    assert t["jumlah_satker"] == 30
    assert t["capaian"] == pytest.approx(
        statistics.fmean(rk["capaian_satker"] for rk in urut), abs=1e-15)
    assert t["pagu"] == sum(_jumlah(rk)["pagu"] for rk in urut)
    assert t["realisasi"] == sum(_jumlah(rk)["realisasi"] for rk in urut)
    assert t["serapan"] == t["realisasi"] / t["pagu"]
    assert t["temuan"] == sum(len(rk["temuan"]) for rk in urut)
    for lbl in t["jumlah_predikat"]:
        assert t["jumlah_predikat"][lbl] == sum(rk["jumlah_predikat"][lbl] for rk in urut)


def test_per_indikator_sama_dengan_rekap_satker(hasil_cli, rekap_sendiri):
    js = hasil_cli[3]
    assert len(js["indikator"]) == len(KODE)  # every cascaded indicator matched across 30
    for g in js["indikator"]:
        assert g["jumlah_satker"] == 30, g["indikator"]
        nilai = []
        for a in g["satker"]:
            ind = next(i for i in rekap_sendiri[a["satker"]]["indikator"]
                       if i["kode"] == a["kode"])
            for k in ("indikator", "target", "realisasi", "capaian", "predikat"):
                assert a[k] == ind[k], (a["satker"], a["kode"], k)
            if ind["capaian"] is not None:
                nilai.append(ind["capaian"])
        assert g["jumlah_berisi"] == len(nilai)
        if nilai:
            assert (g["minimum"], g["median"], g["maksimum"]) == \
                (min(nilai), statistics.median(nilai), max(nilai))
            assert g["rata_rata"] == rata_rata_capaian(nilai)
        bawah = sorted((a for a in g["satker"] if a["capaian"] is not None and a["capaian"] < 1),
                       key=lambda a: a["capaian"])
        assert g["di_bawah_target"] == [a["satker"] for a in bawah]
        assert g["jumlah_di_bawah_target"] == len(bawah)
    # names with the satker's name inside are one indicator, shown without the name
    g01 = next(g for g in js["indikator"] if g["kode"] == "G01")
    assert g01["indikator"] == "Persentase layanan informasi tepat waktu di (nama satker)"
    g04 = next(g for g in js["indikator"] if g["kode"] == "G04")
    assert g04["indikator"] == "Indeks kepuasan pemilih (nama satker)"
    assert {a["indikator"] for a in g04["satker"]} == \
        {f"Indeks kepuasan pemilih {_wilayah(s)}" for s in SATKER}
    # the indicator only one satker has is listed, not dropped
    assert [(g["kode"], g["jumlah_satker"], g["satker"][0]["satker"])
            for g in js["tidak_cocok"]] == [("X01", 1, SATKER[0])]
    assert js["tidak_cocok"][0]["satker"][0]["capaian"] == next(
        i["capaian"] for i in rekap_sendiri[SATKER[0]]["indikator"] if i["kode"] == "X01")


def test_anggaran_sama_dengan_rekap_satker(hasil_cli, rekap_sendiri):
    js = hasil_cli[3]
    for s, rk in rekap_sendiri.items():
        harap = [(a["kode"], a["tingkat"], a["pagu"], a["realisasi"], a["persen"],
                  a["selisih_target"]) for a in rk["anggaran"]
                 if a["tingkat"] in ("program", "kegiatan", "jumlah")]
        dapat = [(a["kode"], a["tingkat"], a["pagu"], a["realisasi"], a["serapan"],
                  a["selisih_target"]) for a in js["anggaran"] if a["satker"] == s]
        assert dapat == harap, s
    for g in js["anggaran_gabungan"]:
        baris = [a for rk in rekap_sendiri.values() for a in rk["anggaran"]
                 if a["kode"] == g["kode"] and a["tingkat"] == g["tingkat"]]
        assert g["jumlah_satker"] == len(baris) == 30
        assert g["pagu"] == sum(a["pagu"] for a in baris)
        real = [a["realisasi"] for a in baris if a["realisasi"] is not None]
        assert g["realisasi"] == (sum(real) if real else None)  # blank is not zero
        assert g["serapan"] == (g["realisasi"] / g["pagu"] if real and g["pagu"] else None)


def test_berkas_dilewati_dengan_alasan(hasil_cli):
    p1, _, _, js = hasil_cli
    masalah = {(m["jenis"], m["berkas"] or m["satker"]): m for m in js["bermasalah"]}
    assert set(masalah) == {
        ("bukan_excel", "catatan.xlsx"), ("bukan_xl_kinerja", "asing.xlsx"),
        ("rusak", "rusak.xlsx"), ("tahun_lain", "salatiga.xlsx"),
        ("triwulan_kosong", "semarang.xlsx"), ("ganda", "kinerja-00-salinan.xlsx"),
        ("belum_lapor", HILANG)}
    assert all(m["dilewati"] and m["alasan"] for m in masalah.values())
    assert masalah[("tahun_lain", "salatiga.xlsx")]["alasan"] == \
        f"buku kerja tahun {TAHUN - 1}, bukan {TAHUN}"
    assert "Info_Format" in masalah[("bukan_xl_kinerja", "asing.xlsx")]["alasan"]
    assert "TW II belum diisi" in masalah[("triwulan_kosong", "semarang.xlsx")]["alasan"]
    assert masalah[("belum_lapor", HILANG)]["alasan"] == \
        "tidak ada berkas untuk satker ini (daftar satker baris 34)"
    for nama in ("catatan.xlsx", "asing.xlsx", "rusak.xlsx", "salatiga.xlsx", "semarang.xlsx"):
        assert f"dilewati: {nama}: " in p1.stderr
    assert "Traceback" not in p1.stderr
    assert "30 satker dikonsolidasi" in p1.stdout and "7 dilewati/belum lapor" in p1.stdout


def _nilai_buku(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}


def _tabel(baris, judul_baris=5):
    kepala = baris[judul_baris - 1]
    return kepala, [dict(zip(kepala, r, strict=True)) for r in baris[judul_baris:]]


@pytest.fixture(scope="session")
def terhitung(hasil_cli, tmp_path_factory):
    """The consolidated workbook recalculated and printed by LibreOffice."""
    from xl_kinerja.libreoffice import hitung_ulang, ke_pdf
    xlsx = hasil_cli[2]
    folder = tmp_path_factory.mktemp("lo")
    return hitung_ulang([xlsx], folder)[0], ke_pdf([xlsx], folder)[0]


def test_buku_kerja_sama_dengan_json_dan_libreoffice(hasil_cli, rekap_sendiri, terhitung):
    js = hasil_cli[3]
    nilai = _nilai_buku(terhitung[0])
    assert list(nilai) == ["Ringkasan", "Grafik", "Per indikator", "Anggaran",
                           "Belum lapor - bermasalah"]
    for lembar, baris in nilai.items():  # no error value anywhere after recalculation
        for r in baris:
            assert not any(isinstance(v, str) and (v.startswith("#") or v.startswith("Err:"))
                           for v in r), (lembar, r)
    kepala, baris = _tabel(nilai["Ringkasan"])
    per = {b["Satker"]: b for b in baris[:30]}
    for s, rk in rekap_sendiri.items():
        b, tot = per[s], _jumlah(rk)
        assert b["Capaian satker"] == pytest.approx(rk["capaian_satker"], abs=1e-12)
        assert b["Predikat"] == predikat(rk["capaian_satker"], "kpu")
        for lbl, n in rk["jumlah_predikat"].items():
            assert b[f"Indikator {lbl}"] == n
        assert b["Pagu (Rp)"] == tot["pagu"] and b["Realisasi (Rp)"] == tot["realisasi"]
        assert b["Serapan"] == pytest.approx(tot["persen"], abs=1e-12)
        assert b["Selisih serapan"] == pytest.approx(tot["selisih_target"], abs=1e-12)
        assert b["Temuan"] == len(rk["temuan"])
        assert b["Peringkat"] == next(r["peringkat"] for r in js["ringkasan"]
                                      if r["satker"] == s)
    # the totals row: formulas, recalculated by LibreOffice = the core's totals
    total, t = baris[30], js["total"]
    assert total["Satker"] == "JUMLAH / RATA-RATA (30 satker)"
    assert total["Capaian satker"] == pytest.approx(t["capaian"], abs=1e-12)
    assert total["Predikat"] == t["predikat"]
    assert total["Pagu (Rp)"] == t["pagu"] and total["Realisasi (Rp)"] == t["realisasi"]
    assert total["Serapan"] == pytest.approx(t["serapan"], abs=1e-12)
    assert total["Selisih serapan"] == pytest.approx(t["selisih_target"], abs=1e-12)
    assert total["Temuan"] == t["temuan"]
    assert total["Realisasi belum diisi"] == t["realisasi_kosong"]
    for lbl, n in t["jumlah_predikat"].items():
        assert total[f"Indikator {lbl}"] == n
    # Per indikator: the same figures as the JSON (itself checked against the rekap)
    _, baris = _tabel(nilai["Per indikator"])
    for g, b in zip(js["indikator"], baris, strict=False):  # a second table follows
        assert (b["Kode"], b["Indikator"], b["Jumlah satker"], b["Berisi capaian"]) == \
            (g["kode"], g["indikator"], g["jumlah_satker"], g["jumlah_berisi"])
        for k, kk in (("Capaian minimum", "minimum"), ("Capaian median", "median"),
                      ("Capaian maksimum", "maksimum"), ("Capaian rata-rata", "rata_rata")):
            assert b[k] == pytest.approx(g[kk], abs=1e-12) if g[kk] is not None else b[k] is None
        assert b["Satker di bawah target"] == g["jumlah_di_bawah_target"]
        assert (b["Satker di bawah target (terendah dulu)"] or "") == \
            "; ".join(g["di_bawah_target"])
    assert any(r[1] == "X01" and r[3] == SATKER[0] for r in nilai["Per indikator"])
    # Anggaran: per satker rows = the satkers' rekap rows
    _, baris = _tabel(nilai["Anggaran"])
    dapat = [(b["Satker"], b["Kode"] or "", b["Pagu (Rp)"], b["Realisasi (Rp)"]) for b in baris
             if b["Satker"] in rekap_sendiri]
    harap = [(a["satker"], a["kode"], a["pagu"], a["realisasi"]) for a in js["anggaran"]]
    assert dapat == harap
    gabung = [b for b in baris if str(b["Satker"] or "").startswith("Seluruh satker")]
    assert [(b["Kode"] or "", b["Pagu (Rp)"]) for b in gabung] == \
        [(g["kode"], g["pagu"]) for g in js["anggaran_gabungan"]]
    # Belum lapor: every skipped file with its reason
    _, baris = _tabel(nilai["Belum lapor - bermasalah"])
    assert [(b["Berkas"], b["Alasan"]) for b in baris if b["No"]] == \
        [(m["berkas"] or "-", m["alasan"]) for m in js["bermasalah"]]


def test_cetak_pdf(hasil_cli, terhitung, tmp_path):
    xlsx, pdf = hasil_cli[2], terhitung[1]
    wb = openpyxl.load_workbook(xlsx)
    for ws in wb:
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.oddFooter.center.text.startswith("Halaman &P")  # the house footer
        if ws.title != "Grafik":
            assert ws.print_title_rows == "$5:$5"
    assert len(wb["Grafik"]._charts) == 2
    assert wb["Ringkasan"]["C6"].number_format == "[$-421]0.00%"
    halaman = int(next(b for b in subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                 text=True).stdout.splitlines()
                       if b.startswith("Pages:")).split()[1])
    assert halaman >= 5
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    for kata in ("Ringkasan per Satker TW II", "Konsolidasi Rekap Triwulan II Tahun 2027",
                 SATKER[0], "Capaian Kinerja per Satker", "Capaian per Indikator TW II",
                 "Belum Lapor dan Berkas Bermasalah", HILANG, "Halaman 1"):
        assert kata in teks, kata
    png = tmp_path / "hal"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(png)],
                   check=True)
    gambar = next(tmp_path.glob("hal*.png"))
    from PIL import Image
    with Image.open(gambar) as im:
        warna = im.convert("L").getextrema()
    assert warna[0] < 100 < warna[1]  # text on a white page, not a blank one


def test_pustaka_dataframe_dan_proses(folder_satker, hasil_cli):
    _, masuk, daftar = folder_satker
    ks = konsolidasi([masuk], TW, daftar=daftar, proses=2)
    assert json.loads(json.dumps(ks.ke_dict(), default=str)) == hasil_cli[3] | {
        "dibuat": ks.dibuat}
    df = ks.ke_dataframe("ringkasan")
    assert list(df["satker"]) == [r["satker"] for r in hasil_cli[3]["ringkasan"]]
    assert "jumlah_Berhasil" in df.columns
    panjang = ks.ke_dataframe("indikator_satker")
    assert len(panjang) == 30 * len(KODE) + 1
    assert set(ks.ke_dataframe("bermasalah")["jenis"]) >= {"rusak", "belum_lapor"}


def test_csv(folder_satker, capsys):
    _, masuk, _ = folder_satker
    import csv
    import io
    berkas = [str(_path(masuk, i)) for i in range(3)]
    assert main(["konsolidasi", *berkas, "-t", str(TW), "--format", "csv",
                 "--bagian", "indikator"]) == 0
    keluar = capsys.readouterr()
    baris = list(csv.DictReader(io.StringIO(keluar.out)))
    assert [b["kode"] for b in baris] == KODE  # X01: --bagian tidak_cocok
    assert baris[0]["jumlah_satker"] == "3" and "; " in baris[0]["di_bawah_target"]
    assert "3 satker dikonsolidasi" in keluar.err


def test_keluaran_ada_tanpa_timpa(folder_satker, tmp_path, capsys):
    _, masuk, _ = folder_satker
    ada = tmp_path / "ada.xlsx"
    ada.write_bytes(b"milik pengguna")
    assert main(["konsolidasi", str(masuk), "-t", "2", "-o", str(ada)]) == 2
    assert "--timpa" in capsys.readouterr().err and ada.read_bytes() == b"milik pengguna"


def test_tidak_ada_buku_kerja(tmp_path, capsys):
    (tmp_path / "a.xlsx").write_text("x")
    assert main(["konsolidasi", str(tmp_path), "-t", "1", "-o", str(tmp_path / "k.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "dilewati: a.xlsx" in err and "Traceback" not in err
    assert not (tmp_path / "k.xlsx").exists()


@pytest.mark.parametrize("satker, teks, harap", [
    ("KPU Kabupaten Magelang", "Persentase ... di KPU Kabupaten Magelang",
     "Persentase ... di (nama satker)"),
    ("KPU Kabupaten Magelang", "Indeks di Komisi Pemilihan Umum Kab. Magelang tahun ini",
     "Indeks di (nama satker) tahun ini"),
    ("Sekretariat KPU Kota Metro", "Laporan Sekretariat KPU Kota  Metro",
     "Laporan (nama satker)"),
    ("KPU Kabupaten Uji", "Indikator uji G01", "Indikator uji G01"),  # a word, not the name
    ("KPU Kota Batu", "Jumlah batu bata", "Jumlah batu bata"),
])
def test_nama_satker_dikeluarkan(satker, teks, harap):
    assert Pencocok(satker).tanpa_satker(teks) == harap


def test_kunci_satker():
    assert kunci_satker("Komisi Pemilihan Umum Kab. Magelang") == \
        kunci_satker("KPU  Kabupaten magelang") == "kpu kabupaten magelang"
    assert kunci_satker("Sekretariat KPU Kota Metro") != kunci_satker("KPU Kota Metro")
