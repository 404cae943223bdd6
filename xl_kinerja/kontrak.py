"""The one reader of the workbook contract (the defined names of `nama.py`).

Every reader of a workbook of ours goes through here: the rekap, the checker, `--dari`, the
fill helper and the tests. `buka(sumber)` accepts

- a path: the package is opened once (`ooxml.Paket`) and only the sheets the names point
  to are streamed, each once, keeping only the cells inside the names' ranges (no
  openpyxl load, no numpy on the path);
- an open `ooxml.Paket` (the rekap reads and then writes the same open file);
- an openpyxl Workbook (in memory: the generator's, the tests');
- an xlwings Book (the add-in in a live Excel).

and checks the format version (`Info_Format` = `nama.VERSI_FORMAT`) on every one of them.
Each cell comes as an `ooxml.Sel`: its type from the sheet (constant or formula, whatever
the text starts with), the formula's cached value separately.

Resource limits: a name covering more than `BATAS_SEL_NAMA` cells is refused (a hostile
`A1:XFD1048576` would otherwise build 17 billion cells); the package caps are in
`ooxml.paket`.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from . import nama as N
from .errors import KesalahanBerkas
from .ooxml.buku import baca_buku
from .ooxml.paket import Paket
from .ooxml.pindai import Mentah, pindai, pola_rumus
from .ooxml.rujukan import koordinat, urai_rujukan
from .ooxml.sel import (
    RUMUS,
    SEL_KOSONG,
    Konteks,
    Sel,
    baca_lembar,
    gaya_tanggal,
    konstanta,
    teks_bersama,
)

# the largest real range is Iku_Target (indicators x 5 years); 2 million cells is ~400.000
# indicators, far above any office, and still small in memory
BATAS_SEL_NAMA = 2_000_000

_VERSI = re.compile(r"xl-kinerja/(\d+)$")


class Rentang(NamedTuple):
    """Where a defined name points: sheet and 1-based bounds (inclusive)."""
    nama: str
    lembar: str
    kolom1: int
    baris1: int
    kolom2: int
    baris2: int

    @property
    def jumlah_baris(self) -> int:
        return self.baris2 - self.baris1 + 1

    @property
    def jumlah_kolom(self) -> int:
        return self.kolom2 - self.kolom1 + 1

    @property
    def ref(self) -> str:
        a = koordinat(self.baris1, self.kolom1)
        b = koordinat(self.baris2, self.kolom2)
        return a if a == b else f"{a}:{b}"

    def koordinat(self, baris: int, kolom_ke: int = 0) -> str:
        """'P7' for row `baris` of the range's column `kolom_ke` (0 = first)."""
        return koordinat(baris, self.kolom1 + kolom_ke)


def _angka_id(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class Kontrak:
    """The defined names of one workbook; see the module doc."""

    def __init__(self, backend, berkas):
        self._b = backend
        self.berkas = berkas
        self._rentang: dict[str, Rentang] = {}
        self.versi: str | None = None

    # -- names
    def ada(self, nama: str) -> bool:
        return nama in self._b.nama

    def rentang(self, nama: str) -> Rentang:
        """Where `nama` points; a clear KesalahanBerkas when missing, broken or too big."""
        r = self._rentang.get(nama)
        if r is not None:
            return r
        teks = self._b.nama.get(nama)
        if teks is None:
            raise KesalahanBerkas(
                f"nama terdefinisi '{nama}' tidak ada; ini bukan buku kerja xl-kinerja atau "
                f"kolomnya telah dihapus/diganti namanya", berkas=self.berkas)
        urai = urai_rujukan(teks)
        if urai is None:
            if "#REF!" in teks.upper():
                raise KesalahanBerkas(
                    f"nama terdefinisi '{nama}' menunjuk ke sel yang sudah dihapus (#REF!); "
                    f"kembalikan baris/kolom atau lembarnya", berkas=self.berkas)
            raise KesalahanBerkas(f"nama terdefinisi '{nama}' tidak menunjuk ke satu rentang "
                                  f"sel yang sah ({teks})", berkas=self.berkas)
        lembar, (c1, r1, c2, r2) = urai
        if lembar not in self._b.lembar:
            raise KesalahanBerkas(f"nama terdefinisi '{nama}' menunjuk ke lembar '{lembar}' "
                                  f"yang tidak ada", berkas=self.berkas)
        r = Rentang(nama, lembar, c1, r1, c2, r2)
        n = r.jumlah_baris * r.jumlah_kolom
        if n > BATAS_SEL_NAMA:
            raise KesalahanBerkas(
                f"nama terdefinisi '{nama}' menunjuk rentang yang terlalu besar ({r.ref}: "
                f"{_angka_id(n)} sel; paling banyak {_angka_id(BATAS_SEL_NAMA)})",
                berkas=self.berkas, sheet=lembar)
        self._rentang[nama] = r
        return r

    # -- cells
    def blok(self, nama: str, kolom: int | None = None,
             baris: int | None = None) -> tuple[Rentang, list[list[Sel]]]:
        """The range's cells, rows x columns; `kolom`/`baris`: the shape it must have."""
        r = self.rentang(nama)
        if (kolom is not None and r.jumlah_kolom != kolom) or \
                (baris is not None and r.jumlah_baris != baris):
            raise KesalahanBerkas(
                f"nama terdefinisi '{nama}' menunjuk rentang dengan bentuk yang salah "
                f"({r.jumlah_baris} baris x {r.jumlah_kolom} kolom)", berkas=self.berkas,
                sheet=r.lembar)
        return r, self._b.sel(r)

    def kolom(self, nama: str) -> tuple[Rentang, list[Sel]]:
        """A one-column name: its cells top to bottom."""
        r, sel = self.blok(nama, kolom=1)
        return r, [b[0] for b in sel]

    def tunggal(self, nama: str) -> Sel:
        """A one-cell name."""
        return self.blok(nama, kolom=1, baris=1)[1][0][0]

    def nilai(self, nama: str) -> list[list]:
        """Plain values, rows x columns: constants as they are, formulas as their cached
        value (None when never calculated)."""
        return [[s.tersimpan for s in b] for b in self.blok(nama)[1]]

    # -- whole sheets (the checker's search on sheets without contract names)
    @property
    def lembar(self) -> list[str]:
        return list(self._b.lembar)

    def sel_lembar(self, lembar: str) -> dict[int, dict[int, Sel]]:
        """{row: {column: Sel}} of every non-empty cell of a sheet."""
        return self._b.sel_lembar(lembar)

    def rumus_memuat(self, lembar: str, *teks: str) -> dict[int, dict[int, str]]:
        """{row: {column: formula}} of a sheet's formula cells whose formula contains one
        of `teks` (the checker's search for formulas naming another sheet). From a
        package only the cells whose XML can hold one are decoded, and a sheet whose XML
        cannot is not scanned at all."""
        u = self._b.utuh(lembar, teks)
        return {} if u is None else u.rumus_memuat(teks)

    def kolom_lembar(self, lembar: str, kolom: int) -> dict[int, Sel]:
        """{row: Sel} of the non-empty cells of one column of a sheet."""
        return self._b.utuh(lembar).kolom(kolom)

    def baris_lembar(self, lembar: str, baris: int) -> dict[int, Sel]:
        """{column: Sel} of the non-empty cells of one row of a sheet."""
        return self._b.utuh(lembar).baris(baris)

    def close(self) -> None:
        self._b.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()

    # -- the format version
    def periksa_versi(self) -> str:
        """Info_Format must be this program's format; one message for any other."""
        if not self.ada(N.INFO_FORMAT):
            raise KesalahanBerkas(
                f"bukan buku kerja buatan xl-kinerja (nama terdefinisi {N.INFO_FORMAT} tidak "
                "ada); buat buku kerja dengan 'xl-kinerja baru'", berkas=self.berkas)
        sel = self.tunggal(N.INFO_FORMAT)
        v = str(sel.tersimpan if sel.tersimpan is not None else "").strip()
        m, kita = _VERSI.match(v), _VERSI.match(N.VERSI_FORMAT)
        if m is None:
            raise KesalahanBerkas(
                f"bukan buku kerja buatan xl-kinerja ({N.INFO_FORMAT} berisi {v!r}, "
                f"diharapkan {N.VERSI_FORMAT!r}); buat buku kerja dengan 'xl-kinerja baru'",
                berkas=self.berkas)
        if m.group(1) != kita.group(1):
            lebih = "lebih baru" if int(m.group(1)) > int(kita.group(1)) else "lebih lama"
            saran = ("perbarui xl-kinerja (pip install -U xl-kinerja)" if lebih == "lebih baru"
                     else "pasang versi xl-kinerja yang membuatnya, atau buat buku kerja baru "
                          "dengan 'xl-kinerja baru'")
            raise KesalahanBerkas(
                f"buku kerja berformat {v}, {lebih} daripada format yang dibaca xl-kinerja ini "
                f"({N.VERSI_FORMAT}); {saran}", berkas=self.berkas)
        self.versi = v
        return v


# ---------------------------------------------------------------- backends
class _Utuh:
    """A whole sheet's cells, all decoded (the element stream, openpyxl)."""

    def __init__(self, sel: dict[int, dict[int, Sel]]):
        self.sel = sel

    def rumus_memuat(self, teks: tuple[str, ...]) -> dict[int, dict[int, str]]:
        hasil: dict[int, dict[int, str]] = {}
        for r, baris in self.sel.items():
            for c, s in baris.items():
                if s.rumus is not None and any(t in s.rumus for t in teks):
                    hasil.setdefault(r, {})[c] = s.rumus
        return hasil

    def kolom(self, kolom: int) -> dict[int, Sel]:
        return {r: b[kolom] for r, b in self.sel.items() if kolom in b}

    def baris(self, baris: int) -> dict[int, Sel]:
        return dict(self.sel.get(baris, {}))


class _UtuhMentah:
    """A whole sheet scanned (`ooxml.pindai`), each cell decoded when first asked for."""

    def __init__(self, mentah: Mentah, ks: Konteks):
        self.mentah, self.ks = mentah, ks

    def rumus_memuat(self, teks: tuple[str, ...]) -> dict[int, dict[int, str]]:
        return self.mentah.rumus_memuat(teks, self.ks)

    def kolom(self, kolom: int) -> dict[int, Sel]:
        return self.mentah.kolom(kolom, self.ks)

    def baris(self, baris: int) -> dict[int, Sel]:
        return self.mentah.baris_sel(baris, self.ks)


class _SeluruhLembar:
    """Whole sheets from `sel_lembar`, each read once (backends without a scanner)."""

    _seluruh: dict[str, _Utuh]

    def utuh(self, lembar: str, teks: tuple[str, ...] = ()) -> _Utuh:
        if not hasattr(self, "_seluruh"):
            self._seluruh = {}
        if lembar not in self._seluruh:
            self._seluruh[lembar] = _Utuh(self.sel_lembar(lembar))  # type: ignore[attr-defined]
        return self._seluruh[lembar]


class _DariPaket(_SeluruhLembar):
    """Streams the sheet parts of an open package; each sheet once, only the cells inside
    the boxes of the workbook's (valid, not too large) defined names."""

    def __init__(self, paket: Paket, tutup: bool, cepat: bool = True):
        self.paket, self._tutup, self._cepat = paket, tutup, cepat
        self.isi = baca_buku(paket)
        self.nama = self.isi.nama
        self.lembar = {x.nama: x for x in self.isi.lembar}
        self._ks: Konteks | None = None
        self._sel: dict[str, Mentah | dict[int, dict[int, Sel]]] = {}
        self._kotak: dict[str, list[tuple[int, int, int, int]]] | None = None
        self._penuh: dict[str, _Utuh | _UtuhMentah] = {}  # whole sheets, scanned once

    def _konteks(self) -> Konteks:
        if self._ks is None:
            self._ks = Konteks(teks_bersama(self.paket, self.isi.bagian_teks),
                               gaya_tanggal(self.paket, self.isi.bagian_gaya),
                               self.isi.tanggal_1904)
        return self._ks

    def _bagian(self, lembar: str) -> str:
        x = self.lembar[lembar]
        if x.bagian is None or not (x.jenis or "").endswith("/worksheet"):
            raise KesalahanBerkas(f"lembar '{lembar}' bukan lembar kerja yang dapat dibaca",
                                  berkas=self.paket.path, sheet=lembar)
        return x.bagian

    def _muat(self, lembar: str) -> Mentah | dict[int, dict[int, Sel]]:
        isi = self._sel.get(lembar)
        if isi is None and lembar in self._penuh:  # the whole sheet is scanned already
            u = self._penuh[lembar]
            isi = self._sel[lembar] = u.mentah if isinstance(u, _UtuhMentah) else u.sel
        if isi is None:
            if self._kotak is None:  # every name's box, parsed once for all sheets
                self._kotak = {}
                for teks in self.nama.values():
                    u = urai_rujukan(teks)
                    if u:
                        c1, r1, c2, r2 = u[1]
                        if (c2 - c1 + 1) * (r2 - r1 + 1) <= BATAS_SEL_NAMA:
                            self._kotak.setdefault(u[0], []).append(u[1])
            kotak = self._kotak.get(lembar)
            if kotak:
                batas = (min(k[0] for k in kotak), min(k[1] for k in kotak),
                         max(k[2] for k in kotak), max(k[3] for k in kotak))
                isi = self._baca(lembar, batas)
            else:
                isi = {}
            self._sel[lembar] = isi
        return isi

    def sel(self, r: Rentang) -> list[list[Sel]]:
        isi = self._muat(r.lembar)
        hasil = []
        kolom = range(r.kolom1, r.kolom2 + 1)
        if isinstance(isi, Mentah):  # scanned: each cell decoded when first asked for
            ks, urai = self._konteks(), isi.urai
            for b in range(r.baris1, r.baris2 + 1):
                baris = isi.baris.get(b)
                if baris is None:
                    hasil.append([SEL_KOSONG] * len(kolom))
                    continue
                sel = []
                for c in kolom:
                    x = baris.get(c)
                    if x is None:
                        sel.append(SEL_KOSONG)
                    else:
                        if type(x) is tuple:
                            x = baris[c] = urai(x, ks) or SEL_KOSONG
                        sel.append(x)
                hasil.append(sel)
            return hasil
        for b in range(r.baris1, r.baris2 + 1):
            baris = isi.get(b)
            if baris is None:
                hasil.append([SEL_KOSONG] * len(kolom))
            else:
                hasil.append([baris.get(c, SEL_KOSONG) for c in kolom])
        return hasil

    def _baca(self, lembar: str, kotak, data: bytes | None = None
              ) -> Mentah | dict[int, dict[int, Sel]]:
        """The byte scanner when the part is in the form it knows (`ooxml.pindai`: cells
        decoded on demand), else the element stream; both give the same cells. `data`:
        the part, when the caller has already read it."""
        bagian = self._bagian(lembar)
        if self._cepat:
            isi = pindai(self.paket.baca(bagian) if data is None else data, kotak)
            if isi is not None:
                return isi
        return baca_lembar(self.paket, bagian, kotak, self._konteks())

    def utuh(self, lembar: str, teks: tuple[str, ...] = ()) -> _Utuh | _UtuhMentah | None:
        """The whole sheet, scanned once; None when `teks` are given and the part cannot
        hold any of them (`ooxml.pindai.pola_rumus`)."""
        if not self._cepat:
            return super().utuh(lembar, teks)
        u = self._penuh.get(lembar)
        if u is None:
            data = self.paket.baca(self._bagian(lembar))
            if teks and b"<!" not in data and pola_rumus(teks).search(data) is None:
                return None
            isi = self._baca(lembar, None, data)
            u = self._penuh[lembar] = _UtuhMentah(isi, self._konteks()) \
                if isinstance(isi, Mentah) else _Utuh(isi)
        return u

    def sel_lembar(self, lembar: str):
        if not self._cepat:
            return self._baca(lembar, None)  # the element stream
        # the scan the whole-sheet searches made, not a second one (the checker's
        # terbilang search on an older workbook reads the sheets its text rule scanned)
        u = self.utuh(lembar)
        return u.mentah.semua(self._konteks()) if isinstance(u, _UtuhMentah) else dict(u.sel)

    def close(self):
        if self._tutup:
            self.paket.close()


def _sel_openpyxl(c) -> Sel:
    v = c.value
    if c.data_type == "f" or (v is not None and not isinstance(
            v, (str, int, float, bool)) and type(v).__name__ in ("ArrayFormula",
                                                                 "DataTableFormula")):
        teks = v if isinstance(v, str) else "=" + str(getattr(v, "text", "") or "")
        return Sel(RUMUS, None, teks, None)
    if c.data_type == "e":
        return Sel("galat", v, None, v)
    return konstanta(v)


class _DariOpenpyxl(_SeluruhLembar):
    def __init__(self, wb):
        self.wb = wb
        self.nama = {n: dn.attr_text for n, dn in wb.defined_names.items()}
        self.lembar = {n: None for n in wb.sheetnames}

    def sel(self, r: Rentang) -> list[list[Sel]]:
        ws = self.wb[r.lembar]
        return [[_sel_openpyxl(c) for c in baris] for baris in ws.iter_rows(
            min_row=r.baris1, max_row=r.baris2, min_col=r.kolom1, max_col=r.kolom2)]

    def sel_lembar(self, lembar: str):
        hasil = {}
        for baris in self.wb[lembar].iter_rows():
            for c in baris:
                if c.value is not None:
                    hasil.setdefault(c.row, {})[c.column] = _sel_openpyxl(c)
        return hasil

    def close(self):
        pass


class _DariXlwings(_SeluruhLembar):
    """A live book: Excel's values; `formula` tells formulas from text (a text constant's
    formula is its own text). A stand-in without `formula` marks '=...' values."""

    def __init__(self, book):
        self.book = book
        self.nama = _NamaXlwings(book)
        self.lembar = _LembarXlwings(book)

    def sel(self, r: Rentang) -> list[list[Sel]]:
        rng = self.nama.rng(r.nama)
        nilai = [list(b) for b in rng.options(ndim=2).value]
        rumus = getattr(rng, "formula", None)
        if isinstance(rumus, str):
            rumus = [[rumus]]
        hasil = []
        for i, b in enumerate(nilai):
            baris = []
            for j, v in enumerate(b):
                f = rumus[i][j] if rumus is not None else v
                if isinstance(f, str) and f.startswith("=") and (rumus is None or f != v):
                    baris.append(Sel(RUMUS, None, f, None if rumus is None else v))
                else:
                    baris.append(konstanta(v))
            hasil.append(baris)
        return hasil

    def sel_lembar(self, lembar: str):
        raise KesalahanBerkas("pencarian di seluruh lembar tidak tersedia lewat Excel",
                              sheet=lembar)

    def close(self):
        pass


class _NamaXlwings:
    """name -> reference text, from each name's range (sheet and address)."""

    def __init__(self, book):
        self.book, self._rng = book, {}

    def rng(self, nama):
        if nama not in self._rng:
            try:
                self._rng[nama] = self.book.names[nama].refers_to_range
            except Exception:  # noqa: BLE001 - xlwings/COM raise many kinds for "no such name"
                self._rng[nama] = None
        return self._rng[nama]

    def get(self, nama, bawaan=None):
        rng = self.rng(nama)
        if rng is None:
            return bawaan
        nilai = rng.options(ndim=2).value
        r2 = rng.row + max(len(nilai), 1) - 1
        c2 = rng.column + max((len(nilai[0]) if nilai else 1), 1) - 1
        a, b = koordinat(rng.row, rng.column), koordinat(r2, c2)
        nama_lembar = rng.sheet.name.replace("'", "''")
        return f"'{nama_lembar}'!{a}" + (f":{b}" if b != a else "")

    def __contains__(self, nama):
        return self.rng(nama) is not None


class _LembarXlwings:
    def __init__(self, book):
        self.book = book

    def __contains__(self, nama):
        return True  # the range object already belongs to its sheet

    def __iter__(self):
        return iter(s.name for s in self.book.sheets)


def buka(sumber, berkas=None, *, periksa_versi: bool = True, cepat: bool = True) -> Kontrak:
    """The contract of a workbook: path, `ooxml.Paket`, openpyxl Workbook or xlwings Book.

    `berkas`: the name used in messages (default: the path). The format version is
    checked unless `periksa_versi=False` (only for tools that inspect foreign files).
    `cepat=False`: a package's sheets through the element stream only, never the byte
    scanner (the tests and benchmarks compare the two)."""
    if isinstance(sumber, (str, Path)):
        backend, nama = _DariPaket(Paket(sumber), tutup=True, cepat=cepat), Path(sumber)
    elif isinstance(sumber, Paket):
        backend, nama = _DariPaket(sumber, tutup=False, cepat=cepat), sumber.path
    elif hasattr(sumber, "defined_names") and hasattr(sumber, "sheetnames"):
        backend, nama = _DariOpenpyxl(sumber), "(buku kerja)"
    elif hasattr(sumber, "names") and hasattr(sumber, "sheets"):
        backend = _DariXlwings(sumber)
        nama = getattr(sumber, "fullname", None) or getattr(sumber, "name", "(buku kerja)")
    else:
        raise TypeError(f"bukan buku kerja: {type(sumber).__name__}")
    k = Kontrak(backend, berkas if berkas is not None else nama)
    if periksa_versi:
        try:
            k.periksa_versi()
        except BaseException:
            k.close()
            raise
    return k


def kita(path) -> bool:
    """Does this package define Info_Format (a workbook of ours, of any format version)?
    An unreadable file raises KesalahanBerkas."""
    with buka(path, periksa_versi=False) as k:
        return k.ada(N.INFO_FORMAT)
