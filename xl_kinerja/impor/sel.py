"""What one cell's text is: the words an indicator name starts with, a signature-block line,
splitting a cell that holds several indicators or several targets, and a long text shortened
for a message.

Separate because both readers (tabbed columns in kolom.py, PDF line mode in teks_pdf.py) need
the same recognition of a cell's text, independent of where the cell sits in the table.
"""
from __future__ import annotations

import re

# an indicator name starts with one of these words ("Persentase ...", "Jumlah ...")
_KATA_INDIKATOR = (r"(?:Persentase|Presentase|Presentasi|Prosentase|Jumlah|Nilai|Indeks|Opini|Tingkat|Rasio"
                   r"|Rata-rata)")
_AWAL_INDIKATOR = re.compile(rf"^•?\s*{_KATA_INDIKATOR}\b")
# one target in a cell holding several ("97,5% 90%", "B WTP 80")
_TARGET_TOKEN = re.compile(
    r"\d[\d.,]*\s*(?:-|–|s\.?d\.?)\s*\d[\d.,]*\s*%"           # range
    r"|\d[\d.,]*\s*%"                                          # percent
    r"|\d[\d.,]*(?:\s+[A-Za-z][A-Za-z/]*(?:\s+(?:Adhoc|Ad\s?hoc))?)?"  # number [unit]
    r"|\b(?:AA|BB|CC|A|B|C|D|WTP|WDP|TMP|TW)\b")
_BULAN_NAMA = ("Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
               "November|Desember")
# signature block: "Kota Mungkid, 7 Januari 2025", "PIHAK PERTAMA", "NIP. 1970..."
_AWAL_TTD = re.compile(rf"^([A-Z][\w .'-]*,\s*\d{{1,2}}\s+({_BULAN_NAMA})\s+20\d\d"
                       r"|pihak\s+(pertama|kedua)\b|nip\b\.?)", re.I)


def pisah_indikator(teks: str) -> list[str]:
    """Split a cell holding several indicators (bullets or indicator keywords)."""
    if not teks:
        return []
    if "•" in teks:
        bagian = [p.strip() for p in teks.split("•")]
    else:
        bagian = [teks]
    hasil = []
    for p in bagian:
        if not p:
            continue
        # split at capitalised indicator keywords that start a new indicator mid-text
        potong = re.split(rf"\s+(?=(?:{_KATA_INDIKATOR}\s+[A-Z]|(?:Persentase|Presentase|Jumlah)\s))", p)
        hasil.extend(x.strip() for x in potong if x.strip())
    return hasil


def pisah_target(teks: str) -> list[str]:
    """Split a cell holding several targets: '97,5% 90%' -> two, 'B WTP 80' -> three."""
    teks = (teks or "").replace("•", " ").strip()
    if not teks:
        return []
    token = [m.group(0).strip() for m in _TARGET_TOKEN.finditer(teks)]
    sisa = _TARGET_TOKEN.sub(" ", teks).strip(" ,;/-")
    if sisa or not token:
        return [teks]  # not a clean list of targets: keep it whole (checker reports it)
    return token


def pendek(teks: str, batas: int = 60) -> str:
    """A text cut at a word boundary near `batas` characters, with "…" when cut."""
    teks = " ".join((teks or "").split())
    if len(teks) <= batas:
        return teks
    potong = teks[:batas + 1].rsplit(" ", 1)[0]
    if len(potong) < batas // 2:
        potong = teks[:batas]
    return potong.rstrip(" ,;:-") + "…"
