"""Fuzz corpus of issue 14: hostile and unlucky inputs to every command.

Every input is GENERATED here from one small workbook, one catalog and one table (no binary
fixture). A case id starts with the number of the failure of the issue it covers (k01..k15),
`ki_` for the internal errors / tracebacks paragraph, `kp_` for the unclear messages one and
`kx_` for inputs added here. Each case asserts:
- the exit code (2 for a user error; never 3 or a traceback);
- the message is Indonesian, names the file (and sheet/row/line where there is one) and
  holds no English library text (`ASING`);
- the sha256 of every input file is unchanged (unless the case is a successful in-place
  rekap, which must change exactly that file);
- no file is left behind: the folder holds what it held plus the case's declared outputs,
  no temporary file.
The cases run in-process (cli.main) so the whole corpus takes seconds.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
from defusedxml.ElementTree import fromstring

from xl_kinerja import kontrak
from xl_kinerja import nama as N
from xl_kinerja.cli import main
from xl_kinerja.ooxml import paket as ooxml_paket

AKAR = Path(__file__).resolve().parent.parent
TABEL = (AKAR / "examples" / "tabel" / "realisasi-anggaran-tw2.csv").read_bytes()
RENAKSI = (AKAR / "tests" / "fixtures" / "seeds" / "renaksi-2024-kpu-kota-metro.txt").read_bytes()
KATALOG = json.loads((AKAR / "workbook_templates" / "katalog_default.json")
                     .read_text(encoding="utf-8"))

# English a user must never see: Python/library texts leaking through a message
ASING = ["Traceback", "Errno", "No such file", "Expecting value", "Expecting property",
         "Unable to read", "EntitiesForbidden", "argument ", "codec can't", "Permission denied",
         "Is a directory", "kesalahan internal", "Error", "Exception", "NoneType",
         "not supported", "cannot be used", "invalid choice", "unexpected end",
         "field larger", "No space left", "object has no", "list index", "Package not found"]
PERLU_BERKAS = object()  # default of Kasus.nama: the first input file must be named


@dataclass
class Kasus:
    id: str
    argv: list[str]
    berkas: dict[str, bytes | Callable] = field(default_factory=dict)  # name -> content
    kode: int = 2
    kata: tuple[str, ...] = ()          # all must appear in the output (stdout + stderr)
    nama: object = PERLU_BERKAS         # a file name the message must name (None: none)
    siapkan: Callable | None = None     # (folder) -> None: links, locks, modes, old files
    dibuat: tuple[str, ...] = ()        # outputs allowed (and required) to appear
    berubah: tuple[str, ...] = ()       # inputs allowed (and required) to change
    cek: Callable | None = None         # (folder, out, err) -> None: more assertions
    tambal: Callable | None = None      # (monkeypatch) -> None: e.g. lower a cap


# ---------------------------------------------------------------- the generated material
def _buku(tmp_path_factory) -> bytes:
    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    wb = buat_buku_kerja(None, 2027, satker="KPU Kota Uji")
    isi_realisasi(wb, kinerja={"K1.1": [0.9, None, None, None], "K3.1": [2, None, None, None]},
                  anggaran={"EBD.952": [30_000_000, None, None, None]})
    p = simpan(wb, tmp_path_factory.mktemp("korpus") / "buku.xlsx")
    return p.read_bytes()


@pytest.fixture(scope="module")
def bahan(tmp_path_factory) -> dict[str, bytes]:
    return {"buku": _buku(tmp_path_factory)}


def _sel(wb, nama, i=0):
    r = kontrak.buka(wb, periksa_versi=False).rentang(nama)
    return wb[r.lembar].cell(r.baris1 + i, r.kolom1)


def ubah_buku(ubah: Callable) -> Callable:
    """Content builder: the base workbook changed through openpyxl by `ubah(wb)`."""
    def buat(bahan, folder: Path) -> bytes:
        p = folder / ".ubah.xlsx"
        p.write_bytes(bahan["buku"])
        wb = openpyxl.load_workbook(p)
        ubah(wb)
        wb.save(p)
        data = p.read_bytes()
        p.unlink()
        return data
    return buat


def ganti_bagian(bagian: str, ubah: Callable[[bytes], bytes], tanpa: bool = False) -> Callable:
    """Content builder: the base workbook with one zip member rewritten (or left out)."""
    def buat(bahan, folder: Path) -> bytes:
        import io
        zi = zipfile.ZipFile(io.BytesIO(bahan["buku"]))
        keluar = io.BytesIO()
        with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zo:
            for i in zi.infolist():
                if i.filename == bagian:
                    if tanpa:
                        continue
                    zo.writestr(i.filename, ubah(zi.read(i.filename)))
                else:
                    zo.writestr(i.filename, zi.read(i.filename))
        return keluar.getvalue()
    return buat


def buku(bahan, folder):
    return bahan["buku"]


def katalog(ubah: Callable | None = None, teks: bytes | None = None) -> Callable:
    def buat(bahan, folder):
        if teks is not None:
            return teks
        d = json.loads(json.dumps(KATALOG))
        if ubah:
            ubah(d)
        return json.dumps(d, ensure_ascii=False).encode()
    return buat


def _tabel(ganti: dict[bytes, bytes] | None = None, tambah: bytes = b"") -> bytes:
    data = TABEL
    for a, b in (ganti or {}).items():
        assert a in data
        data = data.replace(a, b)
    return data + tambah


# ---------------------------------------------------------------- setup helpers
def tautan_simbolik(d: Path):
    (d / "asli").mkdir()
    shutil.move(d / "b.xlsx", d / "asli" / "b.xlsx")
    os.symlink("asli/b.xlsx", d / "b.xlsx")


def tautan_keras(d: Path):
    os.link(d / "b.xlsx", d / "salinan-b.xlsx")


def hanya_baca(nama: str):
    return lambda d: os.chmod(d / nama, 0o444)


def folder(*nama: str):
    def buat(d: Path):
        for n in nama:
            (d / n).mkdir()
    return buat


def sisa_lama(d: Path):
    """Temporary files an earlier killed run left (an hour old, nobody holds them)."""
    for n in (".b.xlsx.a1b2c3d4.tmp", ".b.xlsx.bak.zz99yy88.tmp"):
        (d / n).write_bytes(b"PK setengah jadi")
        os.utime(d / n, (time.time() - 3600,) * 2)
    (d / "b.xlsx.bak").write_bytes(b"cadangan lama")


def tanpa_izin_baca(mp):
    """'terkunci.*' cannot be opened (EACCES), as for a user without read permission (the
    tests may run as root, for whom chmod 000 changes nothing)."""
    import builtins
    import errno

    def terkunci(path) -> bool:
        return isinstance(path, (str, os.PathLike)) and \
            os.path.basename(os.fspath(path)).startswith("terkunci.")

    def tolak(path):
        raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))

    asli_os, asli = os.open, builtins.open

    def os_buka(path, flags, *a, **k):
        if terkunci(path) and not flags & (os.O_WRONLY | os.O_RDWR):
            tolak(path)
        return asli_os(path, flags, *a, **k)

    def buka(path, mode="r", *a, **k):
        if terkunci(path) and not set(mode) & set("wax+"):
            tolak(path)
        return asli(path, mode, *a, **k)
    mp.setattr(os, "open", os_buka)
    mp.setattr(builtins, "open", buka)


def pipa_dan_perangkat(d: Path):
    """A folder of reports holding a FIFO and a link to /dev/zero next to a real one."""
    (d / "laporan").mkdir()
    shutil.move(d / "a.xlsx", d / "laporan" / "a.xlsx")
    os.mkfifo(d / "laporan" / "pipa.xlsx")
    os.symlink("/dev/zero", d / "laporan" / "nol.xlsx")


def bom_zip(mp):
    mp.setattr(ooxml_paket, "BATAS_BAGIAN", 1 * ooxml_paket.MB)


def bom_zip_pustaka(mp):
    """The cap the openpyxl/python-docx readers are guarded by (berkas.periksa_zip)."""
    from xl_kinerja import berkas
    mp.setattr(berkas, "BATAS_BAGIAN", 1 * berkas.MB)


def docx_bom(bahan, folder) -> bytes:
    """A small Word document whose document.xml inflates past the (lowered) cap."""
    import io

    from docx import Document
    doc = Document()
    doc.add_paragraph("Laporan Kinerja")
    b = io.BytesIO()
    doc.save(b)
    zi = zipfile.ZipFile(io.BytesIO(b.getvalue()))
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zo:
        for i in zi.infolist():
            data = zi.read(i.filename)
            if i.filename == "word/document.xml":
                data = data.replace(b"</w:document>", b" " * (3 * 1024 * 1024) + b"</w:document>")
            zo.writestr(i.filename, data)
    return keluar.getvalue()


def ods_bom(bahan, folder) -> bytes:
    """A LibreOffice sheet (.ods) whose content.xml inflates past the (lowered) cap."""
    import io
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    isi = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
           f'<office:body><office:spreadsheet><table:table table:name="RKT"/>'
           f'</office:spreadsheet></office:body>{" " * (3 * 1024 * 1024)}'
           f'</office:document-content>').encode()
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zo:
        zo.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zo.writestr("content.xml", isi)
    return keluar.getvalue()


def bom_paket(mp):
    mp.setattr(ooxml_paket, "BATAS_PAKET", 2 * ooxml_paket.MB)


# ---------------------------------------------------------------- extra checks
def cek_link_tetap(d, out, err):
    assert os.path.islink(d / "b.xlsx")
    assert "Rekap TW 1" in openpyxl.load_workbook(d / "asli" / "b.xlsx").sheetnames


def cek_xml_sah(nama):
    """Every XML part well-formed (what Excel would otherwise 'repair') and no control
    character left in it."""
    def cek(d, out, err):
        with zipfile.ZipFile(d / nama) as z:
            for n in z.namelist():
                if n.endswith(".xml"):
                    data = z.read(n)
                    fromstring(data)
                    assert not re.search(rb"[\x01-\x08\x0b\x0c\x0e-\x1f]", data), n
    return cek


def cek_kutip(nama, harus=frozenset({"Pengukuran", "Rencana Aksi", "Referensi"})):
    """Every text cell that Excel would re-read as a formula has the quote prefix (and there
    are such cells on every sheet of `harus`)."""
    def cek(d, out, err):
        wb = openpyxl.load_workbook(d / nama)
        teks = [(ws.title, c.coordinate, c.quotePrefix) for ws in wb for row in ws.iter_rows()
                for c in row if isinstance(c.value, str) and c.data_type == "s"
                and c.value[:1] in "=+-@" and len(c.value) > 1]
        lembar = {t for t, _, _ in teks}
        assert set(harus) <= lembar, lembar
        assert [t for t in teks if not t[2]] == []
    return cek


def cek_laporan_peringatan(kata):
    def cek(d, out, err):
        lap = json.loads((d / "lap.json").read_text(encoding="utf-8"))
        assert any(kata in p["pesan"] for p in lap["peringatan"]), lap
    return cek


def cek_json_sah(d, out, err):
    json.loads(out)  # never Infinity/NaN
    assert "Infinity" not in out and "NaN" not in out


def cek_sisa_dibersihkan(d, out, err):
    assert (d / "b.xlsx.bak").read_bytes() != b"cadangan lama"  # replaced by a real copy
    assert not list(d.glob("*.tmp"))


def cek_layar_bersih(d, out, err):
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "\\u001b" in out + err


def cek_layar_bersih_csv(d, out, err):
    """A table's escapes are removed when it is read (the cell is named in a warning)."""
    assert "\x1b" not in out + err and "\x07" not in out + err and "[2J" not in out + err


def cek_pengguna(d, out, err):
    wb = openpyxl.load_workbook(d / "b.xlsx")
    assert wb["rekap tw 1"]["A1"].value == "catatan rapat saya"
    assert "Rekap TW 1 (2)" in wb.sheetnames


def cek_teks_sama_dengan(d, out, err):
    data = json.loads(out)
    assert '=HYPERLINK("http://contoh.invalid","klik")' in [x["indikator"] for x in
                                                            data["indikator"]]


def _lembar_pengguna(wb):
    ws = wb.create_sheet("rekap tw 1")
    ws["A1"] = "catatan rapat saya"


def _teks_rumus(wb):
    c = _sel(wb, N.UKUR_INDIKATOR, 0)
    c.value = '=HYPERLINK("http://contoh.invalid","klik")'
    c.data_type = "s"  # a text cell, as the user types '=HYPERLINK(...) in Excel
    c.quotePrefix = True


def _pagu_meluap(wb):
    kode = [c.value for c in _kolom(wb, N.ANGG_KODE)]
    for k in ("EBD.952", "EBD.955"):
        _sel(wb, N.ANGG_PAGU, kode.index(k)).value = 1e308


def _kolom(wb, nama):
    r = kontrak.buka(wb, periksa_versi=False).rentang(nama)
    return [wb[r.lembar].cell(r.baris1 + i, r.kolom1) for i in range(r.jumlah_baris)]


def _nama(nama, teks):
    def ubah(wb):
        wb.defined_names[nama].attr_text = teks
    return ubah


def _skala_teks(wb):
    _sel(wb, N.REF_SKALA_BATAS, 1).value = "abc"


def _realisasi_tak_terhingga(b: bytes) -> bytes:
    return b.replace(b"<v>0.9</v>", b"<v>1e999</v>", 1)


def isi_ganti_ukur(ubah):
    """Content builder: the Pengukuran sheet's part of the base workbook rewritten."""
    def buat(bahan, folder):
        p = folder / ".dasar.xlsx"
        p.write_bytes(bahan["buku"])
        with kontrak.buka(p) as k:
            bagian = k._b.lembar["Pengukuran"].bagian
        p.unlink()
        return ganti_bagian(bagian, ubah)(bahan, folder)
    return buat


def renaksi_rumus() -> bytes:
    t = RENAKSI.decode("utf-8")
    for a, b in (("DIVISI HUKUM & PENGAWASAN", '=HYPERLINK("http://x","a")'),
                 ("Penyusunan Produk Hukum", "@SUM(A1)"),
                 ("Terwujudnya Kebijakan Bidang Politik yang kuat",
                  "+Terwujudnya Kebijakan Bidang Politik yang kuat")):
        assert a in t
        t = t.replace(a, b)
    return t.encode("utf-8")


IMPOR = ["impor", "t.csv", "--satker", "KPU Kota Uji", "--tahun", "2027"]
BARU = ["baru", "--tahun", "2027", "--satker", "KPU Kota Uji"]
TSV16 = TABEL.decode("utf-8").replace(";", "\t")

KORPUS = [
    # ---- 1: impor --laporan
    Kasus("k01_laporan_ada_tanpa_timpa", [*IMPOR, "--keluaran", "o.xlsx", "--laporan", "l.json"],
          {"t.csv": TABEL, "l.json": b"{}"}, kata=("sudah ada", "--timpa"), nama="l.json"),
    Kasus("k01_laporan_sama_dengan_tabel", [*IMPOR, "--keluaran", "o.xlsx", "--laporan",
                                            "t.csv", "--timpa"], {"t.csv": TABEL},
          kata=("masukan",)),
    Kasus("k01_laporan_sama_dengan_keluaran", [*IMPOR, "--keluaran", "o.xlsx", "--laporan",
                                               "o.xlsx", "--timpa"], {"t.csv": TABEL},
          kata=("--laporan", "--keluaran"), nama="o.xlsx"),
    # ---- 2: the old .bak is kept when the rekap stops (the process test kills mid-write)
    Kasus("k02_bak_lama_utuh_bila_rekap_gagal", ["rekap", "b.xlsx", "-t", "1"],
          {"b.xlsx": ubah_buku(_pagu_meluap), "b.xlsx.bak": b"cadangan lama"},
          kata=("bukan angka terhingga", "Anggaran"), nama="b.xlsx"),
    # ---- 3: a user's own sheet named like the rekap
    Kasus("k03_lembar_pengguna_bernama_rekap", ["rekap", "b.xlsx", "-t", "1",
                                                "--tanpa-cadangan"],
          {"b.xlsx": ubah_buku(_lembar_pengguna)}, kode=0, kata=("bukan buatan rekap",),
          berubah=("b.xlsx",), cek=cek_pengguna),
    # ---- 4: links
    Kasus("k04_symlink_target_diperbarui", ["rekap", "b.xlsx", "-t", "1", "--tanpa-cadangan"],
          {"b.xlsx": buku}, kode=0, siapkan=tautan_simbolik, cek=cek_link_tetap,
          berubah=("asli/b.xlsx",)),
    Kasus("k04_hardlink_tidak_dipisah", ["rekap", "b.xlsx", "-t", "1"], {"b.xlsx": buku},
          siapkan=tautan_keras, kata=("tautan keras",)),
    # ---- 5: --timpa honours locks and read-only files; output is never an input
    Kasus("k05_kunci_excel_walau_timpa", [*BARU, "--keluaran", "o.xlsx", "--timpa"],
          {"o.xlsx": buku, "~$o.xlsx": b"kunci"}, kata=("berkas kunci", "~$o.xlsx"),
          nama="o.xlsx"),
    Kasus("k05_kunci_libreoffice_rekap_keluaran", ["rekap", "b.xlsx", "-t", "1", "--keluaran",
                                                   "o.xlsx", "--timpa"],
          {"b.xlsx": buku, "o.xlsx": buku, ".~lock.o.xlsx#": b"kunci"}, kata=("berkas kunci",),
          nama="o.xlsx"),
    Kasus("k05_hanya_baca_walau_timpa", [*BARU, "--keluaran", "o.xlsx", "--timpa"],
          {"o.xlsx": buku}, siapkan=hanya_baca("o.xlsx"), kata=("hanya-baca",), nama="o.xlsx"),
    Kasus("k05_baru_dari_ke_dirinya", [*BARU[:2], "2028", *BARU[3:], "--dari", "b.xlsx",
                                       "--keluaran", "b.xlsx", "--timpa"],
          {"b.xlsx": buku}, kata=("sama dengan berkas masukan",)),
    Kasus("k05_impor_ke_dirinya", ["impor", "b.xlsx", "--satker", "KPU X", "--tahun", "2027",
                                   "--keluaran", "b.xlsx", "--timpa"], {"b.xlsx": buku},
          kata=("sama dengan berkas masukan",)),
    Kasus("k05_konsolidasi_ke_masukan", ["konsolidasi", "b.xlsx", "-t", "1", "--keluaran",
                                         "b.xlsx", "--timpa"], {"b.xlsx": buku},
          kata=("sama dengan berkas masukan",)),
    Kasus("k05_baru_iku_ke_katalog", [*BARU, "--iku", "k.json", "--keluaran", "k.json",
                                      "--timpa"], {"k.json": katalog()},
          kata=("keluaran harus folder atau berkas .xlsx",)),
    # ---- 6: --satker bytes and control characters
    Kasus("k06_satker_bukan_utf8", ["baru", "--tahun", "2027", "--satker", "KPU \udcff\udcfe X",
                                    "--keluaran", "o.xlsx"],
          kata=("--satker", "bukan teks UTF-8", "0xFF"), nama=None),
    Kasus("k06_satker_karakter_kendali", ["baru", "--tahun", "2027", "--satker",
                                          "KPU \x1b[31mKota\x07 Uji\x01", "--keluaran", "o.xlsx"],
          kode=0, kata=("--satker", "karakter kendali", "ESC"), nama=None, dibuat=("o.xlsx",),
          cek=cek_xml_sah("o.xlsx")),
    Kasus("k06_satker_terlalu_panjang", [*BARU[:3], "--satker", "K" * 5000, "--keluaran",
                                         "o.xlsx"], kata=("--satker", "terlalu panjang"),
          nama=None),
    # ---- 7: '=' text stays text in the rekap
    Kasus("k07_teks_berawalan_sama_dengan", ["rekap", "b.xlsx", "-t", "1", "--format", "json"],
          {"b.xlsx": ubah_buku(_teks_rumus)}, kode=0, nama=None, cek=cek_teks_sama_dengan),
    # ---- 8: text over 32.767 characters
    Kasus("k08_teks_panjang_csv_diperingatkan", [*IMPOR[:5], "2025", "--keluaran", "o.xlsx",
                                                 "--laporan", "lap.json"],
          {"t.csv": _tabel({b"Layanan Perencanaan": b"Layanan " + b"x" * 40_000})}, kode=0,
          kata=("baris 4", "kolom 2", "dipotong", "32.767"), nama=None,
          dibuat=("o.xlsx", "lap.json"), cek=cek_laporan_peringatan("dipotong")),
    Kasus("k08_teks_panjang_katalog_diperingatkan", [*BARU, "--iku", "k.json", "--keluaran",
                                                     "o.xlsx"],
          {"k.json": katalog(lambda d: d["sasaran"][0].update(nama="S" * 40_000))}, kode=0,
          kata=("k.json", "sasaran[0].nama", "dipotong"), dibuat=("o.xlsx",)),
    # ---- 9: numbers that overflow or are not finite
    Kasus("k09_pagu_1e308_sebelum_menulis", ["rekap", "b.xlsx", "-t", "1"],
          {"b.xlsx": ubah_buku(_pagu_meluap)}, kata=("bukan angka terhingga",)),
    Kasus("k09_realisasi_1e999_json", ["rekap", "b.xlsx", "-t", "1", "--format", "json"],
          {"b.xlsx": isi_ganti_ukur(_realisasi_tak_terhingga)},
          kata=("bukan angka", "Pengukuran", "baris 6")),
    Kasus("k09_predikat_tak_terhingga", ["predikat", "1e999"], kata=("bukan angka",),
          nama=None),
    # ---- 10: temporary files of a killed run
    Kasus("k10_sisa_tmp_run_mati_dibersihkan", ["rekap", "b.xlsx", "-t", "1"],
          {"b.xlsx": buku}, kode=0, siapkan=sisa_lama,
          berubah=("b.xlsx", "b.xlsx.bak", ".b.xlsx.a1b2c3d4.tmp", ".b.xlsx.bak.zz99yy88.tmp"),
          nama=None, cek=cek_sisa_dibersihkan),
    # ---- 11: the quote prefix on every yellow input cell
    Kasus("k11_prefiks_kutip_impor_renaksi", ["impor", "r.txt", "--jenis", "renaksi", "--satker",
                                              "KPU Kota Metro", "--keluaran", "o.xlsx"],
          {"r.txt": renaksi_rumus()}, kode=0, nama=None, dibuat=("o.xlsx",),
          cek=cek_kutip("o.xlsx")),
    # ---- 12: zip bombs (caps lowered so the generated file stays small)
    Kasus("k12_bom_zip_styles", ["rekap", "b.xlsx", "-t", "1"],
          {"b.xlsx": ganti_bagian("xl/styles.xml", lambda b: b.replace(
              b"</styleSheet>", b" " * (3 * ooxml_paket.MB) + b"</styleSheet>"))},
          kata=("xl/styles.xml", "terlalu besar"), tambal=bom_zip),
    Kasus("k12_bom_zip_paket_periksa", ["periksa", "b.xlsx"],
          {"b.xlsx": isi_ganti_ukur(lambda b: b.replace(
              b"</worksheet>", b" " * (3 * ooxml_paket.MB) + b"</worksheet>"))},
          kata=("terlalu besar",), tambal=bom_paket),
    Kasus("k12_bom_zip_impor_xlsx_openpyxl", ["impor", "b.xlsx", "--satker", "KPU X",
                                              "--keluaran", "o.xlsx"],
          {"b.xlsx": ganti_bagian("xl/styles.xml", lambda b: b.replace(
              b"</styleSheet>", b" " * (3 * ooxml_paket.MB) + b"</styleSheet>"))},
          kata=("xl/styles.xml", "terlalu besar", "bom zip"), tambal=bom_zip_pustaka),
    Kasus("k12_bom_zip_docx", ["impor", "lkj.docx", "--satker", "KPU X", "--keluaran",
                               "o.xlsx"], {"lkj.docx": docx_bom},
          kata=("word/document.xml", "terlalu besar", "bom zip"), tambal=bom_zip_pustaka),
    Kasus("k12_bom_zip_ods", ["impor", "t.ods", "--satker", "KPU X", "--keluaran", "o.xlsx"],
          {"t.ods": ods_bom}, kata=("content.xml", "terlalu besar", "bom zip"),
          tambal=bom_zip_pustaka),
    # ---- 13: a defined name over the whole sheet
    Kasus("k13_nama_seluruh_lembar_rekap", ["rekap", "b.xlsx", "-t", "2"],
          {"b.xlsx": ubah_buku(_nama(N.UKUR_REALISASI_TW[1], "'Pengukuran'!$A$1:$XFD$1048576"))},
          kata=(N.UKUR_REALISASI_TW[1], "terlalu besar")),
    Kasus("k13_nama_seluruh_lembar_periksa", ["periksa", "b.xlsx"],
          {"b.xlsx": ubah_buku(_nama(N.UKUR_REALISASI_TW[1], "'Pengukuran'!$A$1:$XFD$1048576"))},
          kata=(N.UKUR_REALISASI_TW[1], "terlalu besar")),
    # ---- 14: /dev/zero (an endless stream) as every input
    *[Kasus(f"k14_dev_zero_{n}", argv, kata=("/dev/zero", "bukan berkas biasa"), nama=None)
      for n, argv in [
          ("impor", ["impor", "/dev/zero", "--keluaran", "o.xlsx", "--satker", "KPU X"]),
          ("periksa", ["periksa", "/dev/zero"]),
          ("rekap", ["rekap", "/dev/zero", "-t", "1"]),
          ("lkj", ["lkj", "/dev/zero", "--format", "json"]),
          ("baru_iku", [*BARU, "--iku", "/dev/zero", "--keluaran", "o.xlsx"]),
          ("baru_dari", [*BARU, "--dari", "/dev/zero", "--keluaran", "o.xlsx"]),
          ("baru_daftar", ["baru", "--tahun", "2027", "--daftar", "/dev/zero"]),
          ("konsolidasi", ["konsolidasi", "/dev/zero", "-t", "1", "--format", "json"]),
      ]],
    Kasus("k14_dev_zero_sebagai_docx", ["periksa", "nol.docx"], siapkan=lambda d: os.symlink(
        "/dev/zero", d / "nol.docx"), kata=("nol.docx", "bukan berkas biasa"), nama=None),
    Kasus("k14_folder_sebagai_docx", ["impor", "d.docx", "--satker", "X", "--keluaran",
                                      "o.xlsx"], siapkan=folder("d.docx"),
          kata=("d.docx", "ini sebuah folder"), nama=None),
    Kasus("kp_docx_rusak_tanpa_teks_inggris", ["periksa", "r.docx"],
          {"r.docx": b"PK\x03\x04bukan dokumen"}, kata=("rusak atau bukan dokumen Word",)),
    Kasus("k14_dev_zero_lkj_tahun_lalu", ["lkj", "b.xlsx", "--tahun-lalu", "/dev/zero",
                                          "--format", "json"], {"b.xlsx": buku},
          kata=("/dev/zero", "bukan berkas biasa"), nama=None),
    # ---- 15: terminal escapes in table text
    Kasus("k15_escape_terminal_nama_berkas", ["periksa", "t\x1b]0;judul\x07\x1b[2J.csv"],
          {"t\x1b]0;judul\x07\x1b[2J.csv": TABEL}, kode=1, cek=cek_layar_bersih),
    Kasus("k15_escape_terminal_nama_berkas_json", ["periksa", "t\x1b[31m.csv", "--format",
                                                   "json"],
          {"t\x1b[31m.csv": TABEL}, kode=1, cek=cek_layar_bersih),
    Kasus("k15_escape_terminal_periksa_csv", ["periksa", "t.csv"],
          {"t.csv": _tabel({b"WA.3358": b"WA.3358\x1b[2J\x07"})}, kode=1,
          kata=("t.csv, baris 6, kode WA.3358:",
                "t.csv, baris 6: kolom 1: karakter kendali (BEL, ESC) dibuang"),
          cek=cek_layar_bersih_csv),
    # ---- internal errors and tracebacks
    Kasus("ki_kendali_csv", [*IMPOR[:5], "2025", "--keluaran", "o.xlsx"],
          {"t.csv": _tabel({b"Layanan Perencanaan": b"Layanan \x01\x0b\x07Perencanaan\x1b[0m"})},
          kode=0, kata=("baris 4", "kolom 2", "karakter kendali", "BEL", "ESC"), nama=None,
          dibuat=("o.xlsx",), cek=cek_xml_sah("o.xlsx")),
    Kasus("ki_kendali_katalog_json", [*BARU, "--iku", "k.json", "--keluaran", "o.xlsx"],
          {"k.json": katalog(lambda d: d["sasaran"][0].update(nama="Sasaran \x1b[31m\x07\x01"))},
          kode=0, kata=("sasaran[0].nama", "karakter kendali"), dibuat=("o.xlsx",),
          cek=cek_xml_sah("o.xlsx")),
    Kasus("ki_csv_sel_lebih_131072", [*IMPOR, "--keluaran", "o.xlsx"],
          {"t.csv": b'KODE;URAIAN;PAGU\n"' + b"a" * 140_000 + b'";x;1\n'},
          kata=("baris 2", "131.072")),
    Kasus("ki_csv_kutip_tak_tertutup_periksa_banyak", ["periksa", "t.csv", "g.csv"],
          {"t.csv": _tabel({b"EBD.952;Layanan": b'EBD.952;"Layanan'}), "g.csv": TABEL},
          kata=("baris 4", "tanda kutip", "tidak pernah ditutup", "g.csv, baris 6",
                "1 berkas tidak dapat diperiksa")),
    Kasus("ki_impor_masukan_folder", ["impor", "d.csv", "--keluaran", "o.xlsx", "--satker", "X"],
          siapkan=folder("d.csv"), kata=("folder",), nama="d.csv"),
    *[Kasus(f"ki_keluaran_folder_xlsx_{n}", argv, b, siapkan=folder("X.xlsx"),
            kata=("folder",), nama="X.xlsx")
      for n, argv, b in [
          ("baru", [*BARU, "--keluaran", "X.xlsx", "--timpa"], {}),
          ("impor", [*IMPOR, "--keluaran", "X.xlsx", "--timpa"], {"t.csv": TABEL}),
          ("rekap", ["rekap", "b.xlsx", "-t", "1", "--keluaran", "X.xlsx", "--timpa"],
           {"b.xlsx": buku}),
          ("konsolidasi", ["konsolidasi", "b.xlsx", "-t", "1", "--keluaran", "X.xlsx",
                           "--timpa"], {"b.xlsx": buku}),
      ]],
    Kasus("ki_impor_tanpa_styles", ["impor", "n.xlsx", "--satker", "KPU X", "--tahun", "2027",
                                    "--jenis", "anggaran", "--keluaran", "o.xlsx"],
          {"n.xlsx": ganti_bagian("xl/styles.xml", None, tanpa=True)}, kode=0, nama=None,
          dibuat=("o.xlsx",)),
    Kasus("ki_rekap_tanpa_styles", ["rekap", "n.xlsx", "-t", "1"],
          {"n.xlsx": ganti_bagian("xl/styles.xml", None, tanpa=True)}, kata=("styles.xml",)),
    Kasus("ki_teks_di_ref_skala_batas_periksa", ["periksa", "b.xlsx"],
          {"b.xlsx": ubah_buku(_skala_teks)},
          kata=("Referensi", "baris 17", N.REF_SKALA_BATAS, "'abc'")),
    Kasus("ki_katalog_json_bersarang", [*BARU, "--iku", "k.json", "--keluaran", "o.xlsx"],
          {"k.json": b"[" * 100_000 + b"]" * 100_000}, kata=("bersarang terlalu dalam",)),
    Kasus("ki_katalog_json_bersarang_sedang", [*BARU, "--iku", "k.json", "--keluaran", "o.xlsx"],
          {"k.json": b'{"sasaran": ' + b"[" * 500 + b"]" * 500 + b"}"},
          kata=("bersarang terlalu dalam",)),
    Kasus("ki_katalog_json_bilangan_raksasa", [*BARU, "--iku", "k.json", "--keluaran",
                                              "o.xlsx"],
          {"k.json": b'{"periode": [' + b"9" * 5000 + b"]}"},
          kata=("k.json", "angka yang terlalu panjang")),
    # ---- unclear messages
    Kasus("kp_xlsx_terpotong", ["rekap", "t.xlsx", "-t", "1"],
          {"t.xlsx": lambda b, d: b["buku"][:30_000]}, kata=("rusak/terpotong",)),
    Kasus("kp_csv_utf16_teks_unicode_excel", ["periksa", "t.txt"],
          {"t.txt": TSV16.encode("utf-16")}, kode=1, kata=("t.txt, baris 6", "WA.3358")),
    Kasus("kp_csv_utf16_tanpa_bom_impor", [*IMPOR[:1], "t.txt", *IMPOR[2:5], "2025",
                                          "--keluaran", "o.xlsx"],
          {"t.txt": TSV16.encode("utf-16-le")}, kode=0, kata=("10 baris anggaran",), nama=None,
          dibuat=("o.xlsx",)),
    Kasus("kp_csv_utf32", ["periksa", "t.csv"], {"t.csv": TABEL.decode().encode("utf-32")},
          kode=1, kata=("t.csv, baris 6",)),
    Kasus("kp_tab_di_csv_titik_koma", ["periksa", "t.csv"],
          {"t.csv": _tabel({b"Layanan Perencanaan": b"Layanan\tPerencanaan"})}, kode=1,
          kata=("t.csv, baris 6", "WA.3358")),
    Kasus("kp_katalog_json_tidak_sah", [*BARU, "--iku", "k.json", "--keluaran", "o.xlsx"],
          {"k.json": b'{"format": "xl-kinerja/katalog",\n "versi": '},
          kata=("bukan JSON yang sah", "baris 2")),
    Kasus("kp_katalog_kode_ganda", [*BARU, "--iku", "k.json", "--keluaran", "o.xlsx"],
          {"k.json": katalog(lambda d: d["anggaran"].append(dict(d["anggaran"][2])))},
          kata=("dipakai lebih dari sekali", "anggaran")),
    Kasus("kp_predikat_kosong", ["predikat", ""], kata=("kosong",), nama=None),
    Kasus("kp_terbilang_kosong", ["terbilang", "  "], kata=("kosong",), nama=None),
    Kasus("kp_capaian_negatif_dibaca_nilai", ["capaian", "10%", "-5%"],
          kata=("realisasi", "-5%", "negatif"), nama=None),
    Kasus("kp_capaian_negatif_setelah_pemisah", ["capaian", "--", "-5%", "10%"],
          kata=("target", "-5%", "negatif"), nama=None),
    Kasus("kp_opsi_tidak_dikenal", ["rekap", "b.xlsx", "-t", "1", "--xyz"], {"b.xlsx": buku},
          kata=("tidak dikenal", "--xyz"), nama=None),
    Kasus("kp_pilihan_tidak_sah", ["rekap", "b.xlsx", "-t", "9"], {"b.xlsx": buku},
          kata=("triwulan",), nama=None),
    Kasus("kp_nama_ref_dihapus", ["rekap", "b.xlsx", "-t", "2"],
          {"b.xlsx": ubah_buku(_nama(N.UKUR_REALISASI_TW[1], "#REF!"))},
          kata=("#REF!",)),
    Kasus("kp_berkas_tidak_ada", ["periksa", "tidak-ada.csv"], kata=("tidak ditemukan",),
          nama="tidak-ada.csv"),
    Kasus("kp_tanpa_izin_baca_bukan_rusak_lkj", ["lkj", "terkunci.xlsx", "--format", "json"],
          {"terkunci.xlsx": buku}, kata=("tidak dapat dibaca", "izin ditolak"),
          tambal=tanpa_izin_baca, cek=lambda d, o, e: "rusak" not in e),
    Kasus("kp_tanpa_izin_baca_bukan_rusak_impor", ["impor", "terkunci.xlsx", "--satker", "X",
                                                   "--keluaran", "o.xlsx"],
          {"terkunci.xlsx": buku}, kata=("tidak dapat dibaca", "izin ditolak"),
          tambal=tanpa_izin_baca, cek=lambda d, o, e: "rusak" not in e),
    # ---- 11 (more): text cells of the Anggaran sheet and of the Rekap sheet
    Kasus("k11_prefiks_kutip_impor_anggaran", [*IMPOR[:5], "2025", "--keluaran", "o.xlsx"],
          {"t.csv": _tabel({b"Layanan Perencanaan": b"=cmd|' /C calc'!A0"})}, kode=0,
          nama=None, dibuat=("o.xlsx",), cek=cek_kutip("o.xlsx", {"Anggaran"})),
    Kasus("k11_prefiks_kutip_lembar_rekap", ["rekap", "b.xlsx", "-t", "1", "--tanpa-cadangan"],
          {"b.xlsx": ubah_buku(_teks_rumus)}, kode=0, nama=None, berubah=("b.xlsx",),
          cek=cek_kutip("b.xlsx", {"Rekap TW 1"})),
    # ---- added here
    Kasus("kx_konsolidasi_folder_berisi_pipa_dan_dev_zero", ["konsolidasi", "laporan", "-t",
                                                             "1", "--format", "json"],
          {"a.xlsx": buku}, kode=1, siapkan=pipa_dan_perangkat, nama=None,
          kata=("pipa.xlsx: bukan berkas biasa", "nol.xlsx: bukan berkas biasa"),
          cek=lambda d, out, err: json.loads(out)),
    Kasus("kx_csv_kosong", ["periksa", "t.csv"], {"t.csv": b""}, kata=("kosong",)),
    Kasus("kx_csv_biner", ["periksa", "t.csv"], {"t.csv": b"\x00\x01\x02PK\x00\xff" * 50},
          kata=("biner",)),
    Kasus("kx_xlsx_bukan_zip", ["lkj", "t.xlsx", "--format", "json"],
          {"t.xlsx": b"<html>bukan excel</html>"}, kata=("bukan buku kerja",)),
    Kasus("kx_xlsx_entitas_xml", ["periksa", "b.xlsx"],
          {"b.xlsx": ganti_bagian("xl/workbook.xml", lambda b: b'<!DOCTYPE x [<!ENTITY a '
                                  b'"aaaa"><!ENTITY b "&a;&a;&a;">]>' + b)},
          kata=("b.xlsx",)),
    Kasus("kx_daftar_satker_kendali", ["baru", "--tahun", "2027", "--daftar", "d.csv",
                                       "--keluaran", "keluar"],
          {"d.csv": b"nama;tingkat;tempat\nKPU Kota \x1bA;kota;Kota A\n"},
          kode=0, kata=("karakter kendali",), nama=None, dibuat=("keluar",)),
    Kasus("kx_daftar_satker_dua_kolom_titik_koma", ["baru", "--tahun", "2027", "--daftar",
                                                    "d.csv", "--keluaran", "keluar"],
          {"d.csv": b"nama;tingkat\nKPU Kota A;kota\nKPU Kota B;kota\n"}, kode=0, nama=None,
          kata=("2 buku kerja dibuat",), dibuat=("keluar",)),
    Kasus("kx_katalog_utf16", [*BARU, "--iku", "k.json", "--keluaran", "o.xlsx"],
          {"k.json": lambda b, d: json.dumps(KATALOG, ensure_ascii=False).encode("utf-16")},
          kode=0, nama=None, dibuat=("o.xlsx",)),
]


def _sha_semua(d: Path) -> dict[str, str]:
    return {str(p.relative_to(d)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(d.rglob("*")) if p.is_file() and not p.is_symlink()}


def _isi(d: Path) -> set[str]:
    return {str(p.relative_to(d)) for p in d.rglob("*")}


@pytest.mark.parametrize("k", KORPUS, ids=[k.id for k in KORPUS])
def test_korpus(k: Kasus, bahan, tmp_path, monkeypatch, capsys):
    d = tmp_path / "kerja"
    d.mkdir()
    for nama, isi in k.berkas.items():
        (d / nama).write_bytes(isi(bahan, d) if callable(isi) else isi)
    if k.siapkan:
        k.siapkan(d)
    if k.tambal:
        k.tambal(monkeypatch)
    sebelum, ada = _sha_semua(d), _isi(d)
    monkeypatch.chdir(d)
    try:
        kode = main(list(k.argv))
    except SystemExit as e:  # argparse's own errors leave through parser.exit(2)
        kode = e.code
    out, err = capsys.readouterr()
    semua = out + err
    try:
        if k.kode is None:  # either outcome is fine, but never an internal error
            assert kode in (0, 1, 2), semua
        else:
            assert kode == k.kode, semua
        for asing in ASING:
            assert asing not in semua, f"teks Inggris {asing!r} dalam: {semua}"
        for kata in k.kata:
            assert kata in semua, f"{kata!r} tidak ada dalam: {semua}"
        nama = next(iter(k.berkas), None) if k.nama is PERLU_BERKAS else k.nama
        if nama and kode == 2:
            assert f"berkas {nama}" in err or f"{nama}:" in err or f"{nama}," in err, err
        if kode == 2 and k.kode == 2:
            assert re.search(r"kesalahan|tidak|bukan", err), err
        sesudah = _sha_semua(d)
        for n, h in sebelum.items():
            if n in k.berubah:
                assert sesudah.get(n) != h, f"{n} tidak diperbarui"
            else:
                assert sesudah.get(n) == h, f"berkas masukan {n} berubah"
        baru = {n for n in _isi(d) - ada}
        dibuat = {n for n in baru if n.split("/")[0] in k.dibuat or n in k.berubah}
        assert baru - dibuat == set(), f"berkas tertinggal: {sorted(baru - dibuat)}"
        for n in k.dibuat:
            assert (d / n).exists(), f"keluaran {n} tidak ditulis"
        assert not [n for n in _isi(d) if n.endswith(".tmp")]
        if k.cek:
            k.cek(d, out, err)
    finally:
        monkeypatch.chdir(tmp_path)


def test_korpus_cukup_dan_mencakup_semua():
    """>= 50 cases, every numbered failure of the issue and every command covered."""
    ids = [k.id for k in KORPUS]
    assert len(ids) == len(set(ids)) and len(ids) >= 50
    for n in range(1, 16):
        assert any(i.startswith(f"k{n:02d}_") for i in ids), n
    perintah = {k.argv[0] for k in KORPUS}
    assert {"baru", "rekap", "periksa", "impor", "lkj", "konsolidasi", "predikat", "capaian",
            "terbilang"} <= perintah
