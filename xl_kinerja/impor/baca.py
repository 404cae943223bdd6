"""Reading a table file (CSV/TSV, .xlsx, .ods/.xls, text copied from Word or PDF) into
numbered rows. Word documents (.docx) hold several tables: word.py reads those.

Every physical input line becomes a `Baris` with its 1-based line number, so later stages can
report exactly where a value came from (or why a row was skipped).
"""
from __future__ import annotations

import csv
import html
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import python_calamine as pc
from defusedxml.ElementTree import iterparse

from ..berkas import (
    BATAS_BACA,
    BATAS_SEL_CSV,
    BATAS_TEKS_SEL,
    KENDALI,
    baca_masukan,
    buka_workbook,
    dekode_teks,
    periksa_zip,
    teks_sel,
)
from ..errors import KesalahanBerkas

BATAS_UKURAN = BATAS_BACA  # bytes; real tables are a few hundred KB at most (berkas.py)


@dataclass
class Baris:
    nomor: int            # 1-based line (text) or row (xlsx) number
    sel: list[str]        # cleaned cell texts
    sheet: str | None = None
    mentah: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)  # cells cleaned while reading

    @property
    def kosong(self) -> bool:
        return not any(s.strip() for s in self.sel)


_TAG = re.compile(r"<[^>]+>")


def bersihkan_sel(teks: object) -> str:
    """Cell text without HTML tags/entities and with single spaces; bullets kept as '•'."""
    if teks is None:
        return ""
    s = str(teks)
    s = re.sub(r"<\s*li[^>]*>", " • ", s, flags=re.I)
    s = _TAG.sub(" ", s)
    s = html.unescape(s).replace("\xa0", " ").replace("\ufeff", "")
    s = KENDALI.sub(" ", s)  # never into a workbook (invalid XML); _baris warns
    s = re.sub(r"[ \t\r\n]+", " ", s).strip()
    return s


def baris_bersih(nomor: int, mentah: list, sheet: str | None = None) -> Baris:
    """A row read from a file: cleaned cells, and a warning for every cell that had control
    characters or is longer than a cell can hold (named by its column)."""
    catatan: list[str] = []
    sel = []
    for k, m in enumerate(mentah, 1):
        if isinstance(m, str) and (len(m) > BATAS_TEKS_SEL or KENDALI.search(m)):
            m = teks_sel(m, f"kolom {k}", catatan)
        sel.append(bersihkan_sel(m))
    return Baris(nomor, sel, sheet=sheet, mentah=list(mentah), peringatan=catatan)


def dekode(data: bytes, path) -> str:
    """The text of a table file (berkas.dekode_teks: UTF-8, UTF-16/32, Windows-1252); a text
    full of control characters is no table."""
    teks = dekode_teks(data, path, "tabel teks (CSV/TSV/teks) atau .xlsx")
    kontrol = sum(1 for c in teks if ord(c) < 32 and c not in "\t\r\n")
    if kontrol > max(3, len(teks) // 100):
        raise KesalahanBerkas("berkas berisi karakter kendali; bukan tabel teks yang dikenal",
                              berkas=path)
    return teks


def _pemisah(contoh: list[str]) -> str:
    """'\\t', ';', ',' or '' for lines of text: a separator that splits most lines wins; a
    stray tab in a ';' or ',' file (pasted into one cell) does not make it a TSV."""
    isi = max(1, sum(1 for b in contoh if b.strip()))
    ber_tab = sum(1 for b in contoh if "\t" in b)
    n_semi = sum(b.count(";") for b in contoh)
    n_koma = sum(b.count(",") for b in contoh)
    # a comma file has commas on most lines; prose has them only here and there
    ber_koma = sum(1 for b in contoh if b.count(",") >= 2)
    ber_semi = sum(1 for b in contoh if b.count(";") >= 2)
    if ber_tab >= isi * 0.6:
        return "\t"
    if ber_semi >= isi * 0.6 and n_semi >= n_koma:
        return ";"
    if ber_koma >= isi * 0.6:
        return ","
    # a two-column file ("nama;tingkat"): the same single separator on every line
    for p in (";", ","):
        jumlah = {b.count(p) for b in contoh if b.strip()}
        if isi >= 2 and len(jumlah) == 1 and jumlah != {0}:
            return p
    return "\t" if ber_tab else ""  # text copied from Word/PDF: tabs where there are cells


def _baca_csv(teks: str, pemisah: str, path) -> list[Baris]:
    """CSV rows numbered by the line they start on. A field over `BATAS_SEL_CSV` characters
    or a quote never closed (the rest of the file would silently become one cell) is an
    error naming the line."""
    hasil: list[Baris] = []
    pembaca = csv.reader(io.StringIO(teks), delimiter=pemisah, strict=False)
    akhir = 0  # last line of the previous row
    while True:
        try:
            mentah = next(pembaca)
        except StopIteration:
            break
        except csv.Error as e:  # with strict=False: a field over the limit (or a NUL)
            sebab = (f"satu sel lebih dari {BATAS_SEL_CSV:,} karakter".replace(",", ".")
                     if "field larger" in str(e) else "baris ini bukan CSV yang dapat dibaca")
            raise KesalahanBerkas(f"{sebab}; periksa tanda kutip (\") mulai baris ini atau "
                                  "simpan ulang tabelnya", berkas=path, baris=akhir + 1) from None
        hasil.append(baris_bersih(akhir + 1, mentah))  # a row starts after the previous one
        akhir = pembaca.line_num
    _kutip_tertutup(teks, pemisah, hasil, akhir, path)
    return hasil


def _kutip_tertutup(teks: str, pemisah: str, hasil: list[Baris], akhir: int, path) -> None:
    """The csv module ends a quoted field at the end of the file without a word: with a
    quote never closed, every line after it is one cell. Refused, naming the line."""
    if not hasil or '"' not in teks:
        return
    try:
        for _ in csv.reader(io.StringIO(teks), delimiter=pemisah, strict=True):
            pass
    except csv.Error as e:
        if "unexpected end of data" not in str(e):
            return  # a stray quote inside a field: read as csv reads it, as before
        b = hasil[-1]
        raise KesalahanBerkas(
            "tanda kutip (\") dibuka di baris ini tetapi tidak pernah ditutup: semua baris "
            f"sesudahnya (baris {b.nomor}-{akhir}) akan menjadi satu "
            "sel. Perbaiki tanda kutipnya lalu ulangi", berkas=path, baris=b.nomor) from None


def baca_teks_baris(teks: str, path=None) -> tuple[list[Baris], str]:
    """Split text into rows. Returns (rows, pemisah) where pemisah is '\\t', ';', ',' or ''.

    Tab-separated text (what Word/PDF copy gives) is split per line; otherwise a CSV dialect
    is guessed from the first lines; text with neither is kept one cell per line.
    """
    baris_teks = teks.splitlines()
    pemisah = _pemisah(baris_teks[:200])
    if pemisah == "\t":
        return [baris_bersih(i, b.split("\t")) for i, b in enumerate(baris_teks, 1)], pemisah
    if pemisah:
        # csv may span lines inside quotes; track the starting line number
        return _baca_csv(teks, pemisah, path), pemisah
    return [baris_bersih(i, [b]) for i, b in enumerate(baris_teks, 1)], pemisah


def _format_sel(c) -> str | None:
    """A read-only cell's number format; None when the file has no (or a short) styles part
    (openpyxl then fails with an IndexError on the cell's style id)."""
    try:
        return getattr(c, "number_format", None)
    except (IndexError, KeyError, AttributeError):
        return None


def baca_xlsx(path: Path) -> list[Baris]:
    wb = buka_workbook(path, read_only=True, data_only=True)
    hasil: list[Baris] = []
    try:
        for ws in wb.worksheets:
            for r, baris in enumerate(ws.iter_rows(), 1):
                sel = ["" if c.value is None else _teks_nilai(c.value, _format_sel(c))
                       for c in baris]
                hasil.append(baris_bersih(r, sel, ws.title))
    finally:
        wb.close()
    return hasil


# ODF names (content.xml of an .ods)
_ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def _persen_ods(path: Path) -> dict[str, set[tuple[int, int]]]:
    """{sheet: {(row, col)}} of the cells an .ods stores as percentages (0,975 shown as
    97,5%). python-calamine gives values without their formats, so this one property is read
    from content.xml itself (streamed; repeated rows and cells counted, not expanded)."""
    t, o = f"{{{_ODF_TABLE}}}", f"{{{_ODF_OFFICE}}}"
    hasil: dict[str, set[tuple[int, int]]] = {}
    with zipfile.ZipFile(path) as z, z.open("content.xml") as f:
        sheet, r, c = None, 0, 0
        for ev, el in iterparse(f, events=("start", "end")):
            if ev == "start":
                if el.tag == t + "table":
                    sheet, r = el.get(t + "name"), 0
                    hasil.setdefault(sheet, set())
                elif el.tag == t + "table-row":
                    c = 0
                continue
            if el.tag in (t + "table-cell", t + "covered-table-cell"):
                n = int(el.get(t + "number-columns-repeated") or 1)
                if el.get(o + "value-type") == "percentage" and sheet is not None:
                    hasil[sheet].update((r, c + k) for k in range(min(n, 1024)))
                c += n
                el.clear()
            elif el.tag == t + "table-row":
                r += int(el.get(t + "number-rows-repeated") or 1)
                el.clear()
    return hasil


def baca_calamine(path: Path) -> list[Baris]:
    """Rows of every sheet of an .ods (LibreOffice's default) or .xls (Excel 97-2003), read
    with python-calamine; rows numbered as the spreadsheet shows them."""
    ods = path.suffix.lower() == ".ods"
    if ods:  # calamine inflates the package itself: the zip-bomb caps first
        periksa_zip(path, "lembar .ods")
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
        persen = _persen_ods(path) if ods else {}
    except (pc.CalamineError, zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        jenis = ".ods (LibreOffice)" if ods else ".xls (Excel 97-2003)"
        raise KesalahanBerkas(f"berkas {jenis} rusak atau tidak dapat dibaca ({e})",
                              berkas=path) from None
    hasil: list[Baris] = []
    try:
        for nama in wb.sheet_names:
            pc_sheet = wb.get_sheet_by_name(nama)
            tanda = persen.get(nama, set())
            for r, baris in enumerate(pc_sheet.to_python(skip_empty_area=False)):
                sel = [_teks_nilai(v, "0%" if (r, c) in tanda else None)
                       for c, v in enumerate(baris)]
                hasil.append(baris_bersih(r + 1, sel, nama))
    finally:
        wb.close()
    return hasil


def _teks_nilai(v, format_angka: str | None = None) -> str:
    """A cell value as the text the core parses back to the same number: a percent-formatted
    cell (0.975 shown as 97,5%) becomes "97.5%"; a decimal never ends in exactly three
    digits after the dot ("1.234" reads as one thousand two hundred thirty-four), so 1.234
    becomes "1.2340"; no exponent notation."""
    if v is None or v == "":
        return ""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    persen = bool(format_angka) and "%" in format_angka.replace('"%"', "")
    if persen:
        v = round(v * 100, 9)
    if v != v or v in (float("inf"), float("-inf")):
        return str(v)
    if v == int(v):
        teks = str(int(v))
    else:
        teks = format(Decimal(repr(float(v))), "f")
        if len(teks.partition(".")[2]) == 3:
            teks += "0"
    return teks + "%" if persen else teks


def baca_baris(path: str | os.PathLike) -> tuple[list[Baris], str]:
    """Read any supported table file into rows. Raises KesalahanBerkas for unusable input."""
    path = Path(path)
    data = baca_masukan(path, "berkas", BATAS_UKURAN)  # regular file, size cap (berkas.py)
    kepala = data[:8]
    akhiran = path.suffix.lower()
    if akhiran == ".ods" and kepala.startswith(b"PK\x03\x04"):
        return baca_calamine(path), "ods"
    if akhiran == ".xls" and kepala.startswith(b"\xd0\xcf\x11\xe0"):
        return baca_calamine(path), "xls"
    if akhiran == ".docx":
        raise KesalahanBerkas("dokumen Word: tabelnya dibaca dengan impor_tabel/impor_dokumen "
                              "(setiap tabel sendiri)", berkas=path)
    if kepala.startswith(b"PK\x03\x04"):
        if akhiran not in (".xlsx", ".xlsm"):
            raise KesalahanBerkas("berkas ZIP yang bukan .xlsx, .ods atau .docx; simpan tabel "
                                  "sebagai .xlsx, .ods, .docx, CSV atau teks", berkas=path)
        return baca_xlsx(path), "xlsx"
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise KesalahanBerkas("berkas .xlsx rusak atau bukan buku kerja Excel", berkas=path)
    if kepala.startswith(b"\xd0\xcf\x11\xe0"):
        raise KesalahanBerkas("berkas Office lama (OLE) yang bukan .xls: simpan tabel sebagai "
                              ".xlsx, .ods, .docx, CSV atau teks", berkas=path)
    if akhiran in (".xls", ".ods"):
        raise KesalahanBerkas(f"berkas {akhiran} rusak atau bukan lembar kerja", berkas=path)
    teks = dekode(data, path)
    if not teks.strip():
        raise KesalahanBerkas("berkas kosong (hanya spasi)", berkas=path)
    return baca_teks_baris(teks, path)
