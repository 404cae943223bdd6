"""Line mode: PDF text where every cell fragment is a line of its own and no tabs separate
the columns (e.g. the Magelang RKT). The reader rebuilds sasaran, indicator and target from
the order of the lines, blank lines between them and the target at the end of a line.

Separate from the tabbed-column reader (kolom.py) because it cannot use column positions at
all: it is a different reading of the same document, chosen by impor_tabel when the file has
no tab or separator and no recognised header row.
"""
from __future__ import annotations

import re

from .baca import Baris
from .hasil import BarisData
from .judul import galat_tanpa_judul, judul_satu_baris
from .sel import _AWAL_INDIKATOR, _AWAL_TTD

# a line ending in its target: "... 100%", "... 12 Laporan" (but not "... Tahun 2024")
_TARGET_AKHIR = re.compile(r"^(?P<teks>.*?)(?<![Tt]ahun\s)(?<![Tt]ahun)\s*(?<![\d.,])"
                           r"(?P<target>\d[\d.,]*\s*%|\d[\d.,]*\s+[A-Za-z]+)\s*$")
# a sasaran starts with a "-nya" word: Terwujudnya, Meningkatnya, Tersedianya, ...
_AWAL_SASARAN_NYA = re.compile(r"^[A-Z][a-z]+nya\b")
# words that make a capitalised line a name of an office, not of a person
_BUKAN_NAMA = re.compile(r"\b(KPU|Komisi|Kabupaten|Kota|Provinsi|Sekretariat|Pemilu)\b")
# page titles and column titles the PDF text repeats on every page
_BISING = re.compile(r"^(rencana kinerja tahunan|nama(/unit organisasi.*)?|tahun|program/|kegiatan|"
                     r":\s*20\d\d|\d+(\s+\d+)+)$", re.I)


def _mirip_nama(teks: str) -> bool:
    """A signatory's name line ("Ahmad Rofik", "Dra. Siti Aminah, M.Si")."""
    kata = teks.replace(",", " ").split()
    return (2 <= len(kata) <= 6 and not re.search(r"\d", teks) and all(k[0].isupper() for k in kata)
            and not _AWAL_SASARAN_NYA.match(teks) and not _AWAL_INDIKATOR.match(teks)
            and not _BUKAN_NAMA.search(teks))


def interpretasi_baris_teks(baris: list[Baris], berkas: str = ""):
    """PDF text with one cell fragment per line (e.g. the Magelang RKT)."""
    data: list[BarisData] = []
    dilewati: list[tuple[int, str]] = []
    peringatan: list[tuple[int, str]] = []
    ada_judul = False
    program = kegiatan = ""
    sasaran = ""
    buf: list[tuple[int, str]] = []
    ind: list[tuple[int, str]] = []

    def tutup_sasaran_tanpa_indikator():
        nonlocal buf, sasaran
        if buf:
            sasaran = " ".join(t for _, t in buf)
            peringatan.append((buf[0][0], f"sasaran tanpa indikator: {sasaran!r}"))
            for n, _ in buf:
                dilewati.append((n, "sasaran tanpa indikator (lihat peringatan)"))
            buf = []

    ttd = False          # inside a signature block (place, date, name, jabatan)
    for b in baris:
        s = b.sel[0] if b.sel else ""
        if not s:
            dilewati.append((b.nomor, "baris kosong"))
            continue
        low = s.lower()
        if judul_satu_baris(s):
            ada_judul, ttd = True, False
            dilewati.append((b.nomor, "baris judul tabel"))
            continue
        if not ada_judul:
            dilewati.append((b.nomor, "di luar tabel (sebelum baris judul)"))
            continue
        if ttd:
            dilewati.append((b.nomor, "blok tanda tangan"))
            continue
        if _AWAL_TTD.match(s):
            # the signatory's name often comes out just before the place and date
            akhir = ind or buf
            if akhir and _mirip_nama(akhir[-1][1]):
                dilewati.append((akhir.pop()[0], "blok tanda tangan (nama penanda tangan)"))
            tutup_sasaran_tanpa_indikator()
            ttd = True
            dilewati.append((b.nomor, "blok tanda tangan"))
            continue
        if _BISING.match(s) or low.startswith("nama/unit"):
            dilewati.append((b.nomor, "judul halaman/kolom berulang"))
            continue
        if re.match(r"^PROGRAM\b", s) and s.upper() == s:
            tutup_sasaran_tanpa_indikator()
            program = s.title()
            data.append(BarisData(b.nomor, "program", b.sheet, "", "", "", s))
            continue
        if m := re.match(r"^(\d+)\.\s+(\S.*)$", s):
            tutup_sasaran_tanpa_indikator()
            kegiatan = m.group(2)
            data.append(BarisData(b.nomor, "kegiatan", b.sheet, m.group(1), "", "", kegiatan))
            continue
        mt = _TARGET_AKHIR.match(s)
        if buf and not ind and _AWAL_SASARAN_NYA.match(s) and buf[-1][0] != b.nomor - 1:
            # a new sasaran after a blank line: the one in the buffer had no indicator
            tutup_sasaran_tanpa_indikator()
        if _AWAL_INDIKATOR.match(s):
            if buf:
                sasaran = " ".join(t for _, t in buf)
                for n, _ in buf:
                    dilewati.append((n, f"bagian teks sasaran {sasaran[:40]!r}"))
                buf = []
            ind = [(b.nomor, s)]
        elif ind:
            ind.append((b.nomor, s))
        else:
            buf.append((b.nomor, s))
        if mt and (ind or buf):
            bagian = ind if ind else buf
            teks_akhir = mt.group("teks")
            bagian[-1] = (bagian[-1][0], teks_akhir)
            if not ind:
                # no indicator keyword: the block holds sasaran + indicator. Two lines with no
                # blank line between them are two cells of one printed row (the PDF text puts a
                # blank line between the lines of one cell), so split at the last such pair.
                potong = [k for k in range(1, len(bagian))
                          if bagian[k][0] == bagian[k - 1][0] + 1 and bagian[k][1]]
                if potong:
                    k = potong[-1]
                    sasaran = " ".join(t for _, t in bagian[:k])
                    for n, _ in bagian[:k]:
                        dilewati.append((n, f"bagian teks sasaran {sasaran[:40]!r}"))
                    bagian = bagian[k:]
                else:
                    nama = " ".join(t for _, t in bagian if t).strip()
                    peringatan.append((bagian[0][0],
                                       f"indikator tanpa kata awal yang dikenal: {nama!r}"))
                    if not sasaran:
                        sasaran = nama
            n0 = bagian[0][0]
            nama = " ".join(t for _, t in bagian if t).strip()
            d = BarisData(n0, "indikator", b.sheet, "", "", sasaran, nama, mt.group("target").strip(),
                          {"program": program, "kegiatan": kegiatan})
            d.catatan = [f"baris {n}" for n, _ in bagian]
            data.append(d)
            for n, _ in bagian[1:]:
                dilewati.append((n, f"bagian teks indikator baris {n0}"))
            ind, buf = [], []
    tutup_sasaran_tanpa_indikator()
    for n, t in ind:
        peringatan.append((n, f"indikator tanpa target: {t!r}"))
        dilewati.append((n, "indikator tanpa target (lihat peringatan)"))
    if not ada_judul:
        raise galat_tanpa_judul(berkas)
    return data, dilewati, peringatan
