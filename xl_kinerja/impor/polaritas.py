"""Polarity of an imported indicator, never given silently: from a POLARITAS column when the
table has one, else from `--polaritas-bawaan`, else from the default catalog when the
indicator is one of its own, else from the indicator's wording (lower is better for
"Jumlah revisi ...", "Persentase pegawai yang dijatuhi hukuman disiplin", "... yang tidak masuk
DPT", pelanggaran, sengketa, temuan, ...), else "maks". Every indicator row gets the polarity
and the reason (`nilai["polaritas"]`, `nilai["polaritas_asal"]`), which the catalog, the
notes and the checker's capaian rule then read.

Separate because it is one decision with one order of sources, made once per row.
"""
from __future__ import annotations

import functools
import re

from ..katalog import Katalog
from .hasil import BarisData
from .sel import pendek

# a POLARITAS cell: maks (higher is better) or min (lower is better), as offices write it
_MAKS = re.compile(r"^(maks|max|maksimal|maksimum|maksimalkan|positif|naik|↑|\+|tinggi|"
                   r"lebih tinggi lebih baik|semakin tinggi semakin baik)$", re.I)
_MIN = re.compile(r"^(min|minimal|minimum|minimalkan|negatif|turun|↓|-|rendah|"
                  r"lebih rendah lebih baik|semakin rendah semakin baik)$", re.I)
# wording of a lower-is-better indicator (docs/aturan.md section "Polaritas")
_KATA_MIN = re.compile(
    r"\b(revisi|dijatuhi|hukuman\s+disiplin|tidak\s+(masuk|terdaftar|memenuhi|sesuai|tepat)"
    r"|pelanggaran|sengketa|temuan|keluhan|kesalahan|keterlambatan|terlambat|gugatan|sanksi"
    r"|tunggakan|kerugian|pemilih\s+ganda|data\s+ganda)\b", re.I)
# ... unless the indicator counts what was done about it ("temuan yang ditindaklanjuti")
_KATA_MAKS = re.compile(r"\b(ditindaklanjuti|tindak\s+lanjut|diselesaikan|terselesaikan|"
                        r"terselesainya|selesainya|tertanganinya|ditanganinya|"
                        r"penyelesaian|ditangani|tertangani|penanganan|dimenangkan|"
                        r"tanpa|bebas|menurunnya|berkurangnya|penurunan)\b", re.I)
# the office named inside an indicator ("... KPU Kabupaten Kubu Raya")
_SATKER = re.compile(r"\b(sekretariat\s+)?kpu(\s+(kabupaten|kota|provinsi|ri))?"
                     r"(\s+[a-z]+){0,3}$")


def baca_polaritas(teks: str) -> str | None:
    """A POLARITAS cell as "maks"/"min"; None when it is neither."""
    t = " ".join((teks or "").split())
    if _MAKS.match(t):
        return "maks"
    if _MIN.match(t):
        return "min"
    return None


def kunci_nama(nama: str) -> str:
    """An indicator name compared across documents: lower case, no punctuation, without the
    office's own name at its end."""
    t = re.sub(r"[^\w%]+", " ", (nama or "").lower()).strip()
    return _SATKER.sub("", t).strip()


@functools.lru_cache(maxsize=1)
def _polaritas_bawaan() -> dict[str, tuple[str, str]]:
    """{kunci_nama: (polaritas, kode)} of the default catalog's indicators."""
    return {kunci_nama(i.nama): (i.polaritas, i.kode) for i in _semua(Katalog.bawaan())}


def _semua(kat):
    for s in kat.sasaran:
        yield from s.indikator


def tebak_polaritas(nama: str) -> tuple[str, str]:
    """(polaritas, reason) of an indicator from the default catalog or its wording."""
    cocok = _polaritas_bawaan().get(kunci_nama(nama))
    if cocok:
        return cocok[0], f"sama dengan indikator katalog bawaan {cocok[1]}"
    m = _KATA_MIN.search(nama or "")
    if m and not _KATA_MAKS.search(nama):
        return "min", f"dari kata {m.group(0).lower()!r} pada nama indikator"
    return "maks", "bawaan (lebih tinggi lebih baik)"


def tetapkan_polaritas(data: list[BarisData], bawaan: str | None, peringatan: list) -> None:
    """Give every indicator row its polarity and the reason: the POLARITAS column, else
    `bawaan` (--polaritas-bawaan), else `tebak_polaritas`. An unreadable POLARITAS cell is
    warned about and the polarity inferred."""
    for d in data:
        if d.jenis != "indikator" or not d.indikator:
            continue
        sel = (d.nilai.get("polaritas") or "").strip()
        pol = baca_polaritas(sel) if sel else None
        if pol:
            d.nilai["polaritas"], d.nilai["polaritas_asal"] = pol, "kolom POLARITAS"
            continue
        if sel:
            peringatan.append((d.nomor, f"polaritas {sel!r} tidak dikenal (tulis maks atau "
                                        f"min); polaritas indikator {pendek(d.indikator)!r} "
                                        "ditebak"))
        if bawaan:
            d.nilai["polaritas"], d.nilai["polaritas_asal"] = bawaan, "--polaritas-bawaan"
        else:
            d.nilai["polaritas"], d.nilai["polaritas_asal"] = tebak_polaritas(d.indikator)


def catatan_polaritas(data: list[BarisData]) -> list[str]:
    """The notes an import prints: one per indicator whose polarity is not the plain default
    (min, or taken from the catalog or a column), and one line counting the rest."""
    catatan, lain = [], 0
    for d in data:
        asal = d.nilai.get("polaritas_asal")
        if not asal:
            continue
        if asal.startswith("bawaan") or (asal == "--polaritas-bawaan"):
            lain += 1
            continue
        catatan.append(f"polaritas {d.nilai['polaritas']} untuk {pendek(d.indikator)!r} "
                       f"(baris {d.nomor}): {asal}")
    if lain:
        asal = next(d.nilai["polaritas_asal"] for d in data
                    if d.nilai.get("polaritas_asal", "").startswith(("bawaan", "--")))
        pol = next(d.nilai["polaritas"] for d in data
                   if d.nilai.get("polaritas_asal", "").startswith(("bawaan", "--")))
        catatan.append(f"polaritas {pol} untuk {lain} indikator lain ({asal}); tulis kolom "
                       "POLARITAS atau --polaritas-bawaan bila lain")
    return catatan
