"""`impor TABEL --ke BUKU.xlsx`: an older LKj / Pengukuran table fills one past year of the IKU
history (Iku_Realisasi) of an existing workbook; the LKj then shows the trend against it.

The fixture tests/fixtures/tabel/lkj-2023-pengukuran-kubu-raya.tsv is Tabel 3.1 of an LKj
2023 written the way offices write it (the Kubu Raya indicators: some names in capitals or
with "Kab." for "Kabupaten", a '-' where no figure was reported, an indicator the 2024 IKU
no longer has, the "Rata-rata" row under the table)."""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_kinerja import kontrak
from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.errors import KesalahanBerkas
from xl_kinerja.ooxml.isi import ganti_sel, hitung_saat_dibuka

ROOT = Path(__file__).resolve().parent.parent
KUBU_RAYA = ROOT / "examples" / "contoh-rkt-2024-kubu-raya.xlsx"
LKJ_2023 = ROOT / "tests" / "fixtures" / "tabel" / "lkj-2023-pengukuran-kubu-raya.tsv"

# what the fixture's rows are, read against each indicator's own target by the core
DIISI = {"S1.1": 0.95, "S2.1": 1.0, "S3.1": "CC", "S3.2": "WTP", "S3.3": 72.5, "S4.1": 1.0,
         "S8.1": 4.0, "S9.2": 0.8571, "S11.1": 0.655, "S31.1": 0.9825, "S31.2": 1.0}


def _riwayat(path, tahun: int) -> dict:
    """{kode: realisasi of `tahun`} of the IKU sheet, through the contract reader."""
    with kontrak.buka(path) as k:
        th = k.nilai(N.IKU_TAHUN_REALISASI)[0]
        q = th.index(tahun)
        kode = [s.nilai for s in k.kolom(N.IKU_KODE_INDIKATOR)[1]]
        return {kd: b[q] for kd, b in zip(kode, k.nilai(N.IKU_REALISASI), strict=True)}


def _anggota(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


@pytest.fixture
def buku(tmp_path):
    return Path(shutil.copy(KUBU_RAYA, tmp_path / "kubu-2024.xlsx"))


def test_lkj_2023_mengisi_tahun_dasar(buku, capsys):
    asli = buku.read_bytes()
    assert main(["impor", str(LKJ_2023), "--ke", str(buku)]) == 0
    keluar = capsys.readouterr().out.splitlines()
    assert keluar[:3] == [
        "Realisasi 2023 ke lembar IKU (IKU!O5:O66): 11 diisi, 0 sudah sama, 0 diganti, "
        "2 baris tabel tidak dipakai",
        "  baris 15: realisasi indikator S14.1 kosong ('-')",
        "  baris 16: indikator 'Persentase partisipasi pemilih dalam Pemilu' tidak ada di "
        "lembar IKU buku kerja ini"]
    assert keluar[3].startswith("  51 indikator IKU tanpa realisasi 2023 dari tabel ini: "
                                "S5.1, S6.1, S7.1, S9.1, ")
    assert keluar[4] == f"Ditulis: {buku} (salinan lama: kubu-2024.xlsx.bak)"
    riwayat = _riwayat(buku, 2023)
    assert {k: v for k, v in riwayat.items() if v is not None} == DIISI
    assert _riwayat(buku, 2024) == _riwayat(KUBU_RAYA, 2024)  # the other year untouched
    # the old file kept; only the IKU sheet's part changed, every other member identical
    assert (buku.parent / "kubu-2024.xlsx.bak").read_bytes() == asli
    lama, baru = _anggota(KUBU_RAYA), _anggota(buku)
    assert lama.keys() == baru.keys()
    assert [n for n in lama if lama[n] != baru[n]] == ["xl/worksheets/sheet1.xml"]
    wb = openpyxl.load_workbook(buku)  # opens, values and styles where they were
    assert wb["IKU"]["O5"].value == 0.95 and wb["IKU"]["O7"].value == "CC"
    assert wb["IKU"]["O5"].number_format == openpyxl.load_workbook(KUBU_RAYA)["IKU"][
        "O5"].number_format


def test_nilai_berbeda_ditolak_lalu_timpa(buku, tmp_path, capsys):
    assert main(["impor", str(LKJ_2023), "--ke", str(buku)]) == 0
    ralat = tmp_path / "ralat.tsv"
    ralat.write_text("NO\tINDIKATOR KINERJA\tTARGET\tREALISASI 2023\n"
                     "1\tPersentase Kesesuaian Kompetensi Pegawai terhadap standar Kompetensi "
                     "penugasannya\t100%\t97%\n"
                     "2\tOpini BPK atas Laporan Keuangan KPU Kabupaten Kubu Raya\tWTP\twtp\n"
                     "3\tNilai Evaluasi atas pelaksanaan Reformasi Birokrasi KPU Kabupaten Kubu "
                     "Raya\t80\t75\n", encoding="utf-8")
    capsys.readouterr()
    sebelum = buku.read_bytes()
    assert main(["impor", str(ralat), "--ke", str(buku)]) == 2
    err = capsys.readouterr().err
    assert ("2 realisasi 2023 di lembar IKU berbeda dengan tabel: S1.1 (IKU!O5): 95,00% di buku "
            "kerja, 97,00% di tabel baris 2; S3.3 (IKU!O9): 72,5 di buku kerja, 75 di tabel "
            "baris 4. Tidak ada yang ditulis; ulangi dengan --timpa untuk menggantinya") in err
    assert buku.read_bytes() == sebelum  # refused: nothing written
    assert main(["impor", str(ralat), "--ke", str(buku), "--timpa"]) == 0
    keluar = capsys.readouterr().out
    assert ("Realisasi 2023 ke lembar IKU (IKU!O5:O66): 0 diisi, 1 sudah sama, 2 diganti, "
            "0 baris tabel tidak dipakai\n  diganti S1.1: 95,00% -> 97,00%\n"
            "  diganti S3.3: 72,5 -> 75\n") in keluar
    assert _riwayat(buku, 2023) == {**_riwayat(KUBU_RAYA, 2023),
                                    **DIISI, "S1.1": 0.97, "S3.3": 75.0}
    sebelum = buku.read_bytes()
    assert main(["impor", str(ralat), "--ke", str(buku)]) == 0  # again: all equal
    assert "3 sudah sama" in (keluar := capsys.readouterr().out)
    assert "Tidak ada yang diubah di" in keluar
    assert buku.read_bytes() == sebelum


def test_kode_lebih_dulu_daripada_nama(buku, tmp_path, capsys):
    tabel = tmp_path / "kode.tsv"
    tabel.write_text("PENGUKURAN KINERJA TAHUN 2023\n"
                     "NO\tKODE\tINDIKATOR KINERJA\tTARGET\tREALISASI\n"
                     "1\tS3.3\tIndeks Reformasi Birokrasi\t80\t75,25\n"
                     "2\tX9.9\tOpini BPK atas Laporan Keuangan KPU Kabupaten Kubu Raya\tWTP\t"
                     "WDP\n", encoding="utf-8")
    assert main(["impor", str(tabel), "--ke", str(buku)]) == 0
    assert "2 diisi" in capsys.readouterr().out
    r = _riwayat(buku, 2023)
    assert (r["S3.3"], r["S3.2"]) == (75.25, "WDP")  # code; unknown code: then the name


@pytest.mark.parametrize("argumen, pesan", [
    (["--tahun", "2022"], "tahun 2022 di luar periode IKU buku kerja ini (2024-2024) dan bukan "
                          "tahun dasarnya (2023)"),
    (["--tahun", "2024"], "tahun 2024 adalah tahun buku kerja ini: realisasinya diisi di "
                          "lembar Pengukuran"),
    (["--tahun", "2025"], "tahun 2025 sesudah tahun buku kerja ini (2024)"),
    (["--triwulan", "4"], "--triwulan tidak berlaku dengan --ke"),
])
def test_tahun_dan_opsi_ditolak(buku, capsys, argumen, pesan):
    sebelum = buku.read_bytes()
    assert main(["impor", str(LKJ_2023), "--ke", str(buku), *argumen]) == 2
    err = capsys.readouterr().err
    assert pesan in err and "Traceback" not in err
    assert buku.read_bytes() == sebelum and not (buku.parent / "kubu-2024.xlsx.bak").exists()


def test_judul_tahun_lain_atau_triwulan_tidak_dipakai(buku, tmp_path, capsys):
    tabel = tmp_path / "tw.tsv"
    tabel.write_text("NO\tINDIKATOR KINERJA\tTARGET\tREALISASI S.D. TW III 2023\n"
                     "1\tPersentase Pemutakhiran Data Pemilih Tepat Waktu\t100%\t75%\n",
                     encoding="utf-8")
    assert main(["impor", str(tabel), "--ke", str(buku)]) == 2
    assert ("tidak ada realisasi 2023 dari tabel ini yang dapat diisi ke lembar IKU (baris 2: "
            "judul kolom 'REALISASI S.D. TW III 2023' adalah realisasi TW III, bukan realisasi "
            "tahunan)") in capsys.readouterr().err
    assert main(["impor", str(tabel), "--ke", str(buku), "--tahun", "2022"]) == 2
    assert "tahun 2022 di luar periode IKU" in capsys.readouterr().err
    # a plain "REALISASI" column of a 2022 document is 2022's, whatever --tahun says
    lama = tmp_path / "lama.tsv"
    lama.write_text("PENGUKURAN KINERJA TAHUN 2022\nNO\tINDIKATOR KINERJA\tTARGET\tREALISASI\n"
                    "1\tPersentase Pemutakhiran Data Pemilih Tepat Waktu\t100%\t75%\n",
                    encoding="utf-8")
    assert main(["impor", str(lama), "--ke", str(buku), "--tahun", "2023"]) == 2
    assert ("(baris 3: judul kolom 'REALISASI' tanpa tahun di dokumen tahun 2022: realisasi "
            "2022, bukan 2023)") in capsys.readouterr().err
    # a trend table: two realisasi columns, their figures joined in one cell
    tren = tmp_path / "tren.tsv"
    tren.write_text("NO\tINDIKATOR KINERJA\tTARGET\tREALISASI 2023\tREALISASI 2024\n"
                    "1\tPersentase Pemutakhiran Data Pemilih Tepat Waktu\t100%\t75%\t96%\n",
                    encoding="utf-8")
    assert main(["impor", str(tren), "--ke", str(buku)]) == 2
    assert ("(baris 2: tabel dengan beberapa kolom realisasi ('REALISASI 2023', 'REALISASI "
            "2024'): angkanya tergabung dalam satu sel; impor tabel dengan satu kolom "
            "realisasi)") in capsys.readouterr().err
    assert _riwayat(buku, 2023) == _riwayat(KUBU_RAYA, 2023)  # nothing written


def test_tren_lkj_dari_tahun_yang_diimpor(buku, tmp_path):
    """The LKj sheet (recalculated by LibreOffice) and the LKj document show the trend
    against the imported year; the sheet equals the core for every indicator."""
    import docx as pydocx
    from test_lkj_lembar import _banding

    from xl_kinerja.libreoffice import hitung_ulang
    from xl_kinerja.lkj.word import tulis_docx
    assert main(["impor", str(LKJ_2023), "--ke", str(buku)]) == 0
    terhitung, = hitung_ulang([buku], tmp_path / "terhitung")
    lap = _banding(buku, openpyxl.load_workbook(terhitung, data_only=True))
    tren = {i.kode: i.tren for i in lap.indikator if i.tren is not None}
    assert tren == {"S1.1": "membaik", "S2.1": "menurun", "S3.1": "membaik", "S3.2": "tetap",
                    "S3.3": "membaik", "S4.1": "menurun", "S8.1": "membaik", "S9.2": "membaik",
                    "S11.1": "membaik", "S31.1": "menurun", "S31.2": "menurun"}
    s11 = lap.indikator[0]
    assert [(r.tahun, r.realisasi) for r in s11.riwayat] == [(2023, 0.95)]
    doc = pydocx.Document(str(tulis_docx(lap, tmp_path / "LKj-2024.docx")))
    teks = [p.text for p in doc.paragraphs]
    tabel = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] ==
                 ["Indikator", "Realisasi 2023", "Realisasi 2024", "Tren"])
    assert [c.text for c in tabel.rows[1].cells][1:] == ["95,00%", "100,00%", "membaik"]
    assert any(p.endswith("tahun 2023 terealisasi 95,00%; tahun 2024 terealisasi 100,00% "
                          "(capaian 100,00%), sehingga realisasinya membaik dibanding tahun "
                          "2023.") for p in teks)


def test_lkj_buatan_sendiri_kembali_sama(tmp_path, capsys):
    """The LKj xl-kinerja wrote for 2024 (Word: the PK table, the BAB III tables, the list of
    indicators not reached) imported into the 2025 workbook made with --dari from the same
    2024 workbook: every indicator matched, each value equal to what --dari carried; into a
    2025 workbook made without --dari: the same 62 values filled."""
    import json

    from xl_kinerja.generator import buat_buku_kerja, simpan
    from xl_kinerja.katalog import Katalog
    from xl_kinerja.lkj import laporan_kinerja
    from xl_kinerja.lkj.word import tulis_docx
    docx = tulis_docx(laporan_kinerja(KUBU_RAYA), tmp_path / "LKj-2024.docx")
    d = json.loads((ROOT / "examples" / "katalog-kubu-raya-2024.json").read_text())
    d["periode"] = [2024, 2025]
    for s in d["sasaran"]:
        for ind in s["indikator"]:
            ind["target"]["2025"] = ind["target"]["2024"]
    satker = "Sekretariat KPU Kabupaten Kubu Raya"
    dari = simpan(buat_buku_kerja(Katalog.dari_dict(d), 2025, satker=satker, dari=KUBU_RAYA),
                  tmp_path / "dari-2025.xlsx")
    kosong = simpan(buat_buku_kerja(Katalog.dari_dict(d), 2025, satker=satker),
                    tmp_path / "kosong-2025.xlsx")
    assert main(["impor", str(docx), "--ke", str(dari)]) == 0
    keluar = capsys.readouterr().out
    assert ("Realisasi 2024 ke lembar IKU (IKU!Q5:Q66): 0 diisi, 62 sudah sama, 0 diganti, 0 "
            "baris tabel tidak dipakai\nTidak ada yang diubah di") in keluar
    assert main(["impor", str(docx), "--ke", str(kosong)]) == 0
    assert ("Realisasi 2024 ke lembar IKU (IKU!Q5:Q66): 62 diisi, 0 sudah sama, 0 diganti, 0 "
            "baris tabel tidak dipakai\nDitulis: ") in capsys.readouterr().out
    riwayat = _riwayat(kosong, 2024)
    assert riwayat == _riwayat(dari, 2024) and None not in riwayat.values()


# ---------------------------------------------------------------- the cell splices
LEMBAR = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<sheetData><row r="2" spans="1:3"><c r="A2" s="1"><v>5</v></c><c r="C2" s="2" '
          't="s"><v>0</v></c></row><row r="4"><c r="B4"><f>A2*2</f><v>10</v></c></row>'
          '</sheetData></worksheet>')


def test_ganti_sel_menjaga_gaya_dan_urutan():
    baru = ganti_sel(LEMBAR, {(2, 3): "BB", (2, 2): 0.5, (3, 1): 7, (2, 1): None})
    assert baru == (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="2"><c r="A2" s="1"/><c r="B2"><v>0.5</v></c><c r="C2" s="2" '
        't="inlineStr"><is><t xml:space="preserve">BB</t></is></c></row>'
        '<row r="3"><c r="A3"><v>7</v></c></row>'
        '<row r="4"><c r="B4"><f>A2*2</f><v>10</v></c></row></sheetData></worksheet>')
    with pytest.raises(KesalahanBerkas, match="sel IKU!B4 berisi rumus; tidak ditimpa"):
        ganti_sel(LEMBAR, {(4, 2): 1}, lembar="IKU")
    awalan = LEMBAR.replace("<", "<x:").replace("<x:/", "</x:").replace(
        "xmlns=", "xmlns:x=")
    assert ganti_sel(awalan, {(5, 1): 1}).endswith(
        '<x:row r="5"><x:c r="A5"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>')


def test_hitung_saat_dibuka():
    bk = ('<workbook xmlns="m"><sheets/><definedNames/><calcPr calcId="191029"/>'
          '<extLst/></workbook>')
    assert hitung_saat_dibuka(bk) == bk.replace('calcId="191029"/>',
                                                'calcId="191029" fullCalcOnLoad="1"/>')
    tanpa = '<workbook xmlns="m"><sheets/><extLst/></workbook>'
    assert hitung_saat_dibuka(tanpa) == \
        '<workbook xmlns="m"><sheets/><calcPr fullCalcOnLoad="1"/><extLst/></workbook>'
    # a workbookView's own extLst (before <sheets>) is not where calcPr goes
    tampilan = ('<workbook xmlns="m"><bookViews><workbookView><extLst/></workbookView>'
                '</bookViews><sheets><sheet name="A"/></sheets><extLst/></workbook>')
    assert hitung_saat_dibuka(tampilan) == tampilan.replace(
        '</sheets><extLst/>', '</sheets><calcPr fullCalcOnLoad="1"/><extLst/>')


def test_buku_kerja_disimpan_libreoffice(buku, tmp_path, capsys):
    """A workbook saved by LibreOffice (its own XML: shared strings, other cell attributes)
    takes the splice the same way; LibreOffice opens the result and keeps the values; the
    JSON report names what was filled and what not."""
    import json

    from xl_kinerja.libreoffice import hitung_ulang
    lo, = hitung_ulang([buku], tmp_path / "lo")
    laporan = tmp_path / "laporan.json"
    assert main(["impor", str(LKJ_2023), "--ke", str(lo), "--laporan", str(laporan)]) == 0
    assert {k: v for k, v in _riwayat(lo, 2023).items() if v is not None} == DIISI
    lap = json.loads(laporan.read_text(encoding="utf-8"))
    assert (lap["tahun"], lap["kolom"], len(lap["diisi"]), lap["sama"], lap["diganti"]) == \
        (2023, "IKU!O5:O66", 11, [], [])
    assert [x["baris"] for x in lap["tidak_dipakai"]] == [15, 16]
    lagi, = hitung_ulang([lo], tmp_path / "lagi")
    assert {k: v for k, v in _riwayat(lagi, 2023).items() if v is not None} == DIISI
    assert openpyxl.load_workbook(lagi)["IKU"]["O7"].value == "CC"


def test_peringatan_pembaca_disebut(buku, tmp_path, capsys):
    # a control character the reader removes is said with --ke too, and kept in --laporan
    tabel = tmp_path / "kendali.tsv"
    tabel.write_text("NO\tINDIKATOR KINERJA\tTARGET\tREALISASI 2023\n"
                     "1\tPersentase Kesesuaian Kompetensi Pegawai terhadap standar Kompetensi "
                     "penugasannya\x07\t100%\t95%\n", encoding="utf-8")
    lap = tmp_path / "lap.json"
    assert main(["impor", str(tabel), "--ke", str(buku), "--laporan", str(lap)]) == 0
    err = capsys.readouterr().err
    (pesan,) = [p["pesan"] for p in json.loads(lap.read_text())["peringatan"]]
    assert pesan in err and "kolom 2" in pesan and "karakter kendali" in pesan
