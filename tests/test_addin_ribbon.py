"""The ribbon entry point runs the same rekap engine as the CLI: a fake xlwings Book
(backed by openpyxl, same interface as the parts of Book/Sheet/Range the engine uses)
gets exactly the sheet `xl-kinerja rekap` writes."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from xl_kinerja import kontrak
from xl_kinerja.addin import ribbon
from xl_kinerja.cli import main as cli_main
from xl_kinerja.errors import KesalahanInput

AKAR = Path(__file__).resolve().parents[1]
CONTOH = AKAR / "examples" / "contoh-renaksi-2024-kota-metro.xlsx"


class _Font:
    def __init__(self, sel):
        self._sel = sel

    @property
    def bold(self):
        return bool(self._sel.font.b)

    @bold.setter
    def bold(self, v):
        self._sel.font = Font(bold=v)


class RangePalsu:
    def __init__(self, sheet, r1, c1, r2=None, c2=None):
        self.sheet, self.row, self.column = sheet, r1, c1
        self.r2, self.c2 = r2 or r1, c2 or c1
        self._ndim = None

    def options(self, ndim=None, **_):
        self._ndim = ndim
        return self

    def _sel(self):
        return self.sheet.ws.cell(self.row, self.column)

    @property
    def value(self):
        isi = [[self.sheet.ws.cell(r, c).value for c in range(self.column, self.c2 + 1)]
               for r in range(self.row, self.r2 + 1)]
        if self._ndim == 2:
            return isi
        return isi[0][0] if len(isi) == 1 and len(isi[0]) == 1 else isi

    @value.setter
    def value(self, v):
        self._sel().value = v

    @property
    def number_format(self):
        return self._sel().number_format

    @number_format.setter
    def number_format(self, f):
        self._sel().number_format = f

    @property
    def font(self):
        return _Font(self._sel())

    @property
    def column_width(self):
        return self.sheet.ws.column_dimensions[self._sel().column_letter].width

    @column_width.setter
    def column_width(self, x):
        self.sheet.ws.column_dimensions[self._sel().column_letter].width = x

    left = top = 0.0


class GrafikPalsu:
    def __init__(self):
        self.chart_type = None
        self.sumber = None

    def set_source_data(self, rng):
        self.sumber = rng

    def delete(self):
        pass

    @property
    def api(self):
        raise AttributeError("api COM tidak ada di Linux")


class _Grafik(list):
    def add(self, **_):
        g = GrafikPalsu()
        self.append(g)
        return g


class SheetPalsu:
    def __init__(self, book, ws):
        self.book, self.ws = book, ws
        self.charts = _Grafik()

    @property
    def name(self):
        return self.ws.title

    def range(self, a, b=None):
        if isinstance(a, str):
            kol, r = coordinate_from_string(a)
            a = (r, column_index_from_string(kol))
        if b is None:
            return RangePalsu(self, *a)
        return RangePalsu(self, a[0], a[1], b[0], b[1])

    def clear(self):
        for baris in self.ws.iter_rows():
            for sel in baris:
                sel.value = None


class SheetsPalsu:
    def __init__(self, book):
        self.book = book
        self._daftar = [SheetPalsu(book, ws) for ws in book.wb.worksheets]

    def __iter__(self):
        return iter(self._daftar)

    def __len__(self):
        return len(self._daftar)

    def __getitem__(self, k):
        if isinstance(k, int):
            return self._daftar[k]
        for s in self._daftar:
            if s.name == k:
                return s
        raise KeyError(k)

    def add(self, nama, after=None):
        s = SheetPalsu(self.book, self.book.wb.create_sheet(nama))
        self._daftar.append(s)
        return s


class _Nama:
    def __init__(self, book, tujuan):
        self.book, self.tujuan = book, tujuan

    @property
    def refers_to_range(self):
        r = kontrak.buka(self.book.wb, periksa_versi=False).rentang(self.tujuan.name)
        return RangePalsu(self.book.sheets[r.lembar], r.baris1, r.kolom1, r.baris2, r.kolom2)


class NamesPalsu:
    def __init__(self, book):
        self.book = book

    def __getitem__(self, nama):
        return _Nama(self.book, self.book.wb.defined_names[nama])


class BookPalsu:
    """Stand-in for xlwings.Book over an openpyxl workbook (what Excel would show)."""

    def __init__(self, path: Path):
        self.wb = openpyxl.load_workbook(path)
        self.name = path.name
        self.fullname = str(path.resolve())
        self.sheets = SheetsPalsu(self)
        self.names = NamesPalsu(self)
        self.app = object()


def _disimpan(book, tmp_path, lembar):
    """The fake book's sheet after the same XML round trip as the CLI's file."""
    berkas = tmp_path / "addin.xlsx"
    book.wb.save(berkas)
    return openpyxl.load_workbook(berkas)[lembar]


def _16(x):
    # the CLI writes a float's exact shortest repr (as Excel does); the add-in copy here is
    # saved by openpyxl, which keeps 16 significant digits: same number, different text
    return float(f"{x:.16g}") if isinstance(x, float) else x


def _isi(ws):
    return {(s.row, s.column): (_16(s.value), s.number_format if s.value is not None else None,
                                bool(s.font.b))
            for baris in ws.iter_rows() for s in baris if s.value is not None}


@pytest.fixture(scope="module")
def hasil_cli(tmp_path_factory):
    d = tmp_path_factory.mktemp("rekap")
    sumber = d / CONTOH.name
    shutil.copy(CONTOH, sumber)
    keluaran = d / "hasil-cli.xlsx"
    assert cli_main(["rekap", str(sumber), "--triwulan", "2", "--keluaran", str(keluaran)]) == 0
    return sumber, openpyxl.load_workbook(keluaran)["Rekap TW 2"]


def test_tombol_ribbon_sama_dengan_cli(hasil_cli, tmp_path):
    sumber, ws_cli = hasil_cli
    book = BookPalsu(sumber)
    rk = ribbon.rekap_triwulan(2, book=book)
    assert rk.triwulan == 2
    ws_addin = _disimpan(book, tmp_path, "Rekap TW 2")
    cli, addin = _isi(ws_cli), _isi(ws_addin)
    # B4 is the creation timestamp ("Dibuat:"), different by construction
    assert cli.pop((4, 2))[0] != "" and addin.pop((4, 2))[0] != ""
    assert addin == cli
    assert addin[(3, 2)][0] == CONTOH.name
    assert len(book.sheets["Rekap TW 2"].charts) >= 1


def test_rekap_ulang_mengganti_lembar_yang_sama(hasil_cli, tmp_path):
    sumber, ws_cli = hasil_cli
    book = BookPalsu(sumber)
    ribbon.rekap_triwulan("II", book=book)
    ribbon.rekap_triwulan(2, book=book)
    assert [s.name for s in book.sheets].count("Rekap TW 2") == 1
    cli, addin = _isi(ws_cli), _isi(_disimpan(book, tmp_path, "Rekap TW 2"))
    cli.pop((4, 2)), addin.pop((4, 2))
    assert addin == cli


@pytest.mark.parametrize("teks,tw", [(1, 1), ("2", 2), ("3.0", 3), ("IV", 4), ("tw ii", 2),
                                     ("Triwulan III", 3)])
def test_baca_triwulan(teks, tw):
    assert ribbon.baca_triwulan(teks) == tw


@pytest.mark.parametrize("teks", ["5", "0", "", "satu", "1,5"])
def test_baca_triwulan_salah(teks):
    with pytest.raises(KesalahanInput, match="triwulan harus 1, 2, 3, atau 4"):
        ribbon.baca_triwulan(teks)


@pytest.mark.parametrize("tanggal,tw", [(dt.date(2025, 1, 1), 1), (dt.date(2025, 3, 31), 1),
                                        (dt.date(2025, 4, 1), 2), (dt.date(2025, 9, 30), 3),
                                        (dt.date(2025, 12, 31), 4)])
def test_triwulan_sekarang(tanggal, tw):
    assert ribbon.triwulan_sekarang(tanggal) == tw


class _AppPalsu:
    def __init__(self, jawab):
        self.jawab, self.pesan, self.ditanya = jawab, [], []
        self.api = self

    def InputBox(self, prompt, judul, bawaan, Type):  # noqa: N802 - Excel's COM name
        self.ditanya.append((prompt, judul, bawaan, Type))
        return self.jawab

    def alert(self, teks, title=None):
        self.pesan.append(teks)


@pytest.mark.parametrize("jawab,pesan", [
    ("2", 'Lembar "Rekap TW 2" selesai ditulis.'),
    ("7", "Rekap gagal: triwulan harus 1, 2, 3, atau 4 (I-IV), bukan '7'"),
    (False, None),  # Cancel
])
def test_main_tombol_bertanya_lalu_menulis(hasil_cli, jawab, pesan, monkeypatch):
    import xlwings as xw
    sumber, _ = hasil_cli
    book = BookPalsu(sumber)
    book.app = _AppPalsu(jawab)
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: book))
    ribbon.main()
    assert book.app.ditanya == [("Rekap triwulan ke berapa? (1-4)", "Rekap Triwulan",
                                 str(ribbon.triwulan_sekarang()), 2)]
    if jawab == "2":  # the summary lines (Rekap.ringkasan), then the closing line
        assert book.app.pesan[0].startswith("Rekap Triwulan II - ")
        assert book.app.pesan[0].endswith("\n" + pesan)
    else:
        assert book.app.pesan == ([pesan] if pesan else [])
    assert ("Rekap TW 2" in book.wb.sheetnames) == (jawab == "2")
