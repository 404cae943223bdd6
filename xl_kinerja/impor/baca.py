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

from ..angka import format_angka as _format_angka
from ..berkas import buka_workbook
from ..errors import KesalahanBerkas

BATAS_UKURAN = 20 * 1024 * 1024  # bytes; real tables are a few hundred KB at most


@dataclass
class Baris:
    nomor: int            # 1-based line (text) or row (xlsx) number
    sel: list[str]        # cleaned cell texts
    sheet: str | None = None
    mentah: list[str] = field(default_factory=list)

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
    s = re.sub(r"[ \t\r\n]+", " ", s).strip()
    return s


def dekode(data: bytes, path) -> str:
    """UTF-8 (with or without BOM), else cp1252; anything else is a clear error."""
    if b"\x00" in data[:8192]:
        raise KesalahanBerkas("berkas biner, bukan tabel teks (CSV/TSV/teks) atau .xlsx",
                              berkas=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        teks = data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise KesalahanBerkas(
            f"pengodean teks tidak dikenal (bukan UTF-8 maupun Windows-1252; byte "
            f"0x{data[e.start]:02X} di posisi {e.start}); simpan ulang berkas sebagai UTF-8",
            berkas=path) from None
    kontrol = sum(1 for c in teks if ord(c) < 32 and c not in "\t\r\n")
    if kontrol > max(3, len(teks) // 100):
        raise KesalahanBerkas("berkas berisi karakter kendali; bukan tabel teks yang dikenal",
                              berkas=path)
    return teks


def _periksa_ukuran(path: Path) -> None:
    try:
        ukuran = path.stat().st_size
    except OSError as e:
        raise KesalahanBerkas(f"berkas tidak dapat dibaca ({e.strerror})", berkas=path) from None
    if ukuran == 0:
        raise KesalahanBerkas("berkas kosong", berkas=path)
    if ukuran > BATAS_UKURAN:
        raise KesalahanBerkas(
            f"berkas terlalu besar ({_format_angka(ukuran / 1024 / 1024, 1)} MB; batas "
            f"{BATAS_UKURAN // 1024 // 1024} MB untuk sebuah tabel)", berkas=path)


def baca_teks_baris(teks: str) -> tuple[list[Baris], str]:
    """Split text into rows. Returns (rows, pemisah) where pemisah is '\\t', ';', ',' or ''.

    Tab-separated text (what Word/PDF copy gives) is split per line; otherwise a CSV dialect
    is guessed from the first lines; text with neither is kept one cell per line.
    """
    baris_teks = teks.splitlines()
    contoh = baris_teks[:200]
    if any("\t" in b for b in contoh):
        pemisah = "\t"
    else:
        n_semi = sum(b.count(";") for b in contoh)
        n_koma = sum(b.count(",") for b in contoh)
        # a comma file has commas on most lines; prose has them only here and there
        ber_koma = sum(1 for b in contoh if b.count(",") >= 2)
        ber_semi = sum(1 for b in contoh if b.count(";") >= 2)
        isi = max(1, sum(1 for b in contoh if b.strip()))
        if ber_semi >= isi * 0.6 and n_semi >= n_koma:
            pemisah = ";"
        elif ber_koma >= isi * 0.6:
            pemisah = ","
        else:
            pemisah = ""
    hasil: list[Baris] = []
    if pemisah == "\t":
        for i, b in enumerate(baris_teks, 1):
            mentah = b.split("\t")
            hasil.append(Baris(i, [bersihkan_sel(s) for s in mentah], mentah=mentah))
    elif pemisah:
        # csv may span lines inside quotes; track the starting line number
        pembaca = csv.reader(io.StringIO(teks), delimiter=pemisah)
        for mentah in pembaca:
            hasil.append(Baris(pembaca.line_num - _baris_tambahan(mentah), [bersihkan_sel(s) for s in mentah],
                               mentah=mentah))
    else:
        for i, b in enumerate(baris_teks, 1):
            hasil.append(Baris(i, [bersihkan_sel(b)], mentah=[b]))
    return hasil, pemisah


def _baris_tambahan(sel: list[str]) -> int:
    return sum(s.count("\n") for s in sel)


def baca_xlsx(path: Path) -> list[Baris]:
    wb = buka_workbook(path, read_only=True, data_only=True)
    hasil: list[Baris] = []
    try:
        for ws in wb.worksheets:
            for r, baris in enumerate(ws.iter_rows(), 1):
                sel = ["" if c.value is None else
                       _teks_nilai(c.value, getattr(c, "number_format", None)) for c in baris]
                hasil.append(Baris(r, [bersihkan_sel(s) for s in sel], sheet=ws.title, mentah=sel))
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
                hasil.append(Baris(r + 1, [bersihkan_sel(s) for s in sel], sheet=nama,
                                   mentah=sel))
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
    _periksa_ukuran(path)
    with open(path, "rb") as f:
        kepala = f.read(8)
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
    data = path.read_bytes()
    teks = dekode(data, path)
    if not teks.strip():
        raise KesalahanBerkas("berkas kosong (hanya spasi)", berkas=path)
    return baca_teks_baris(teks)
