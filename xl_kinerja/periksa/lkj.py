"""The text of a hand-written LKj (.docx): the errors Word-typed reports carry.

- `angka_kata_berbeda`: a number whose words in parentheses say another number
  ("7 (delapan) kegiatan");
- `terbilang_rupiah_berbeda`: a rupiah amount whose terbilang is another amount;
- `jumlah_tabel_berbeda`: a count in the sentence that introduces a table ("... 9 (sembilan)
  indikator sebagai berikut:") that is not the number of rows of that table;
- `anggaran_disebut_capaian`: budget absorption called "capaian (kinerja)".
Spelling variants of the words ("duabelas", "dua belas", "sebelas", capitals, "milyar")
are the same number. The tables themselves go to the table checker (berkas.py).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..angka import baca_angka, format_angka
from ..errors import KesalahanInput
from ..impor.baca import bersihkan_sel
from ..impor.judul import _judul
from ..impor.word import baca_tabel_word
from .temuan import Temuan

_KATA = {"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
         "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11}
_SE = {"seratus": 100, "seribu": 1000}
_SKALA = {"ribu": 10 ** 3, "juta": 10 ** 6, "miliar": 10 ** 9, "milyar": 10 ** 9,
          "triliun": 10 ** 12, "trilyun": 10 ** 12}
_SUSUN = {"belas", "puluh", "ratus"}
_LEKSIKON = sorted([*_KATA, *_SE, *_SKALA, *_SUSUN], key=len, reverse=True)


def _token(teks: str) -> list[str] | None:
    """Split number words, joined or not ("duabelas" -> dua, belas); None when something
    that is not a number word remains."""
    s = re.sub(r"[\s\-]+", "", teks.lower())
    hasil, i = [], 0
    while i < len(s):
        kata = next((k for k in _LEKSIKON if s.startswith(k, i)), None)
        if kata is None:
            return None
        hasil.append(kata)
        i += len(kata)
    return hasil or None


def baca_terbilang(teks: str) -> int | None:
    """"lima puluh satu miliar empat ratus dua belas juta" -> 51412000000; "duabelas" -> 12;
    None when the text is not (only) an Indonesian number in words (a trailing "rupiah"
    is allowed)."""
    teks = re.sub(r"(?i)\brupiah\b", "", teks).strip()
    token = _token(teks)
    if token is None:
        return None
    hasil, grup, satuan = 0, 0, None
    for k in token:
        if k in _KATA:
            if satuan is not None:
                return None  # "dua tiga": not one number
            satuan = _KATA[k]
            grup += satuan
            if satuan >= 10:
                satuan = None
        elif k in _SE:  # "seratus" opens a group, "seribu" is one thousand
            if grup:
                return None
            if k == "seribu":
                hasil += 1000
            else:
                grup = 100
            satuan = None
        elif k == "belas":
            if satuan is None:
                return None
            grup += 10
            satuan = None
        elif k == "puluh":
            if satuan is None:
                return None
            grup += satuan * 9
            satuan = None
        elif k == "ratus":
            if satuan is None or grup != satuan:
                return None
            grup = satuan * 100
            satuan = None
        else:  # ribu, juta, miliar, triliun
            if grup == 0:
                return None
            hasil += grup * _SKALA[k]
            grup, satuan = 0, None
    return hasil + grup


# "9 (sembilan)", "Rp 51.412.431.000,- (lima puluh satu miliar ... rupiah)"
_ANGKA_KATA = re.compile(
    r"(?P<rp>Rp\.?\s*)?(?<![\w.,])(?P<angka>\d{1,3}(?:\.\d{3})+|\d+)(?:,-|,00|\.-)?\s*"
    r"\((?P<kata>[A-Za-z][A-Za-z \-]*)\)")
_BENDA = r"(indikator|sasaran|program|kegiatan|output)"
_HITUNG = re.compile(r"(?<![\w.,])(?P<angka>\d+)(?:\s*\([A-Za-z \-]+\))?\s+" + _BENDA + r"\b",
                     re.IGNORECASE)
_PENGANTAR = re.compile(r"(:\s*$|sebagai berikut|berikut ini|pada tabel berikut)", re.I)
_CAPAIAN_ANGGARAN = re.compile(
    r"\bcapaian\s+(?:kinerja\s+)?(?:realisasi\s+|penyerapan\s+|serapan\s+)*"
    r"(?:anggaran|keuangan|pagu|dana)\b|\bcapaian\s+(?:kinerja\s+)?(?:penyerapan|serapan)\b|"
    # "realisasi anggaran Rp ... dengan capaian 98,20%", within one sentence
    r"\b(?:penyerapan|serapan|realisasi)\s+anggaran\b(?:(?!\.\s+[A-Z]).){0,160}?"
    r"\bcapaian\s+(?:sebesar\s+)?\d", re.IGNORECASE)


def _lokasi(berkas, tempat: str, nomor: int | None) -> dict:
    return {"berkas": str(berkas), "sheet": tempat, "baris": None, "paragraf": nomor,
            "kode": None, "indikator": None}


def _kutip(teks: str, m: re.Match, lebar: int = 40) -> str:
    a, b = max(0, m.start() - lebar), min(len(teks), m.end() + lebar)
    return ("…" if a else "") + teks[a:b].strip() + ("…" if b < len(teks) else "")


def periksa_teks(teks: str, lok: dict) -> list[Temuan]:
    """The number rules on one paragraph (or table cell)."""
    t = []
    for m in _ANGKA_KATA.finditer(teks):
        kata = baca_terbilang(m.group("kata"))
        if kata is None:
            continue  # "(Tercapai)", "(KPU RI)": not a number in words
        try:
            angka = int(baca_angka(m.group("angka")))
        except KesalahanInput:
            continue
        if kata != angka:
            rp = bool(m.group("rp"))
            t.append(Temuan(
                "terbilang_rupiah_berbeda" if rp else "angka_kata_berbeda", lok,
                f"{'jumlah rupiah' if rp else 'angka'} {m.group('angka')} ditulis dengan kata "
                f"'{m.group('kata').strip()}' (= {format_angka(kata, 0)}): "
                f"{_kutip(teks, m)!r}", m.group(0).strip(), format_angka(angka, 0)))
    for m in _CAPAIAN_ANGGARAN.finditer(teks):
        t.append(Temuan("anggaran_disebut_capaian", lok,
                        f"persentase anggaran disebut capaian; capaian adalah ukuran kinerja, "
                        f"untuk anggaran tulis 'penyerapan anggaran': {_kutip(teks, m)!r}",
                        m.group(0), "penyerapan anggaran"))
    return t


def _baris_data(tabel) -> int:
    """Rows of a table that are entries: numbered rows when the first column numbers them,
    else the rows that are neither header, blank nor a JUMLAH/TOTAL line."""
    isi = [b for b in tabel.baris if not b.kosong and _judul(b) is None]
    if len(isi) > 1 and not any(re.search(r"\d", x or "") for x in isi[0].sel):
        isi = isi[1:]  # a header row the table reader does not know ("No | Predikat")
    bernomor = [b for b in isi if b.sel and re.fullmatch(r"\d+\.?", (b.sel[0] or "").strip())]
    if bernomor:
        return len(bernomor)
    return sum(1 for b in isi if not re.match(r"(?i)\s*(jumlah|total|sub ?total)\b",
                                               " ".join(x or "" for x in b.sel)))


def periksa_lkj(path) -> list[Temuan]:
    """Findings on the text of a Word LKj (paragraphs, table cells, sentences that
    introduce tables)."""
    from docx import Document  # lazy: only a .docx needs python-docx
    path = Path(path)
    tabel = baca_tabel_word(path)  # the table reader of impor (errors for a broken file)
    paragraf = [(i, x) for i, x in enumerate(
        (bersihkan_sel(p.text) for p in Document(str(path)).paragraphs), 1) if x]
    t: list[Temuan] = []
    for nomor, teks in paragraf:
        t.extend(periksa_teks(teks, _lokasi(path, f"paragraf ke-{nomor}", nomor)))
    for tb in tabel:
        for b in tb.baris:
            for sel in b.sel:
                if sel and "(" in sel:
                    t.extend(periksa_teks(sel, _lokasi(path, f"{tb.nama}, baris {b.nomor}",
                                                       None)))
        pengantar = tb.konteks[-1] if tb.konteks else ""
        if not pengantar or not _PENGANTAR.search(pengantar):
            continue
        hitung = list(_HITUNG.finditer(pengantar))
        if not hitung:
            continue
        m = hitung[-1]  # the count nearest the table (".. 43 sasaran dan 62 indikator:")
        n = int(m.group("angka"))
        ada = _baris_data(tb)
        if n != ada:
            nomor = next((i for i, x in paragraf if x == pengantar), None)
            t.append(Temuan(
                "jumlah_tabel_berbeda", _lokasi(path, f"paragraf ke-{nomor} ({tb.nama})", nomor),
                f"kalimat menyebut {n} {m.group(2).lower()} tetapi {tb.nama} di bawahnya memuat "
                f"{ada} baris: {_kutip(pengantar, m)!r}", n, ada))
    return t
