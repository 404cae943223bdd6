"""An imported table -> the standard workbook, with its budget realisasi filled in.

A realisasi column carries figures for one triwulan, named in its header the way offices
write it ("REALISASI S.D. TW II", "Realisasi Triwulan III", "REALISASI SEMESTER I",
"REALISASI T.A 2024" = the whole year, TW IV). The figures of the rows without sub-rows go
into that quarter's realisasi cells; program, kegiatan and JUMLAH rows stay formulas (the
checker compares the table's own subtotals with them). Nothing is dropped silently: every
figure not carried over is named in the notes returned with the workbook.
"""
from __future__ import annotations

import re

from ..anggaran import rincian_anggaran
from ..angka import baca_angka
from ..capaian import baca_realisasi
from ..errors import KesalahanBerkas, KesalahanInput
from ..generator import buat_buku_kerja, isi_realisasi
from ..katalog import Katalog
from ..nama import ROMAWI, romawi
from ..target import Target, baca_target
from .hasil import HasilImpor
from .judul import _peran_judul
from .katalog import periksa_katalog
from .sel import pendek

_NOMOR_TW = {**{r.lower(): i for i, r in enumerate(ROMAWI, 1)}, "1": 1, "2": 2, "3": 3, "4": 4}


def triwulan_dari_judul(teks: str) -> int | None:
    """The quarter a realisasi header speaks of: TW/Triwulan N (Roman or Arabic), Semester
    I/II (= TW II/IV), or a whole year (T.A 2024, Tahun 2024 = TW IV); None when unsaid."""
    t = " ".join(teks.lower().split())
    m = re.search(r"\b(?:tw|triwulan|trw|tri wulan)\s*\.?\s*(iv|iii|ii|i|[1-4])\b", t)
    if m:
        return _NOMOR_TW[m.group(1)]
    m = re.search(r"\bsemester\s*(ii|i|[12])\b", t)
    if m:
        return 2 * (1 if m.group(1) in ("i", "1") else 2)
    if re.search(r"\bt\.?\s*a\.?\b|\btahun\b|\b20\d\d\b", t):
        return 4
    return None


def judul_realisasi(h: HasilImpor, sheet: str | None = None) -> str | None:
    """The header text of the realisasi column of the table `sheet` stands for (the tables
    of a Word document each have theirs), if any."""
    judul = h.judul_tabel.get(sheet, h.judul) if sheet is not None else h.judul
    return next((j for j in judul if _peran_judul(j) == "realisasi"), None)


def realisasi_anggaran(h: HasilImpor) -> tuple[dict[str, float], list[tuple[int, str]]]:
    """{kode: realisasi} of the budget rows with a code and a readable figure, and the
    (line, reason) of the figures that could not be read."""
    nilai, salah = {}, []
    for d in h.baris:
        teks = (d.nilai.get("realisasi") or "").strip()
        if d.jenis not in ("program", "kegiatan", "output") or not d.kode or not teks:
            continue
        try:
            nilai[d.kode] = baca_angka(teks)
        except KesalahanInput as e:
            salah.append((d.nomor, f"realisasi {d.kode} tidak dimasukkan: {e}"))
    return nilai, salah


def ke_buku_kerja(h: HasilImpor, satker: str, triwulan: int | None = None, kemajuan=None):
    """(openpyxl Workbook, notes): the standard workbook of the imported table. A table
    without indicators gets the default catalog's indicators. `triwulan` overrides the one
    read from the realisasi header. `kemajuan`: passed to `buat_buku_kerja`."""
    if not h.tahun:
        raise KesalahanBerkas("tahun tidak ditemukan di dokumen; berikan --tahun", berkas=h.berkas)
    if not satker:
        raise KesalahanBerkas("nama satker wajib untuk buku kerja; berikan --satker",
                              berkas=h.berkas)
    catatan = []
    kat = h.katalog
    if not kat["sasaran"]:
        bawaan = Katalog.bawaan()
        awal, akhir = bawaan.periode
        if not awal <= h.tahun <= akhir:
            raise KesalahanBerkas(
                f"tabel ini tanpa indikator (hanya anggaran) dan katalog bawaan hanya untuk "
                f"{awal}-{akhir}, bukan {h.tahun}: impor bersama tabel indikator tahun "
                f"{h.tahun} (RKT/PK, mis. dalam satu dokumen Word) atau buat buku kerja dengan "
                f"`baru --iku`", berkas=h.berkas)
        dasar = bawaan.ke_dict()
        dasar["anggaran"], dasar["satker"] = kat["anggaran"], satker
        kat = dasar
        catatan.append("Tabel tanpa indikator: dipakai indikator katalog bawaan.")
    else:
        kat, catatan_tahun = _katalog_tahun(h, kat)
        catatan += catatan_tahun
    wb = buat_buku_kerja(periksa_katalog(h, kat, h.tahun), h.tahun, satker=satker,
                         kemajuan=kemajuan)

    nilai, salah = realisasi_anggaran(h)
    catatan += [f"baris {n}: {alasan}" for n, alasan in salah]
    baris = kat["anggaran"]
    induk = rincian_anggaran([a["tingkat"] for a in baris])
    rincian = {a["kode"] for i, a in enumerate(baris) if i not in induk}
    isi = {k: v for k, v in nilai.items() if k in rincian}
    if isi:
        sheet = next((d.sheet for d in h.baris if d.kode in isi), None)
        judul = judul_realisasi(h, sheet)
        tw = triwulan or (triwulan_dari_judul(judul) if judul else None)
        if tw is None:
            catatan.append(f"realisasi {len(isi)} baris anggaran TIDAK dimasukkan: triwulannya "
                           f"tidak disebut di judul kolom {judul!r}; ulangi dengan --triwulan N")
        else:
            isi_realisasi(wb, anggaran={k: [v if q == tw - 1 else None for q in range(4)]
                                        for k, v in isi.items()})
            asal = "--triwulan" if triwulan else f"judul kolom {judul!r}"
            catatan.append(f"realisasi {len(isi)} baris rincian anggaran dimasukkan sebagai "
                           f"realisasi TW {romawi(tw)} (dari {asal}); subtotal dan JUMLAH "
                           f"dihitung rumus")
    catatan += _realisasi_kinerja(h, wb, triwulan,
                                  {i["kode"] for s in kat["sasaran"] for i in s["indikator"]})
    return wb, catatan


def _katalog_tahun(h: HasilImpor, kat: dict) -> tuple[dict, list[str]]:
    """The table's own catalog for the workbook's year, whatever the default catalog's
    period: the period stretched to hold the year, indicators without a target that year
    left out (and named)."""
    th = str(h.tahun)
    kat = {**kat, "sasaran": []}
    catatan, tanpa = [], []
    for s in h.katalog["sasaran"]:
        ind = [i for i in s["indikator"] if th in i["target"]]
        tanpa += [i for i in s["indikator"] if th not in i["target"]]
        if ind:
            kat["sasaran"].append({**s, "indikator": ind})
    if not kat["sasaran"]:
        tahun = sorted({t for s in h.katalog["sasaran"] for i in s["indikator"]
                        for t in i["target"]})
        raise KesalahanBerkas(f"tidak ada indikator bertarget tahun {h.tahun} di tabel ini "
                              f"(target tahun {', '.join(tahun)}); berikan --tahun",
                              berkas=h.berkas)
    if tanpa:
        nama = "; ".join(f"{i['kode']} {pendek(i['nama'], 40)!r}" for i in tanpa[:5])
        catatan.append(f"{len(tanpa)} indikator tanpa target tahun {h.tahun} tidak dimasukkan "
                       f"ke buku kerja: {nama}{' ...' if len(tanpa) > 5 else ''}")
    awal, akhir = kat.get("periode") or (h.tahun, h.tahun)
    kat["periode"] = [min(awal, h.tahun), max(akhir, h.tahun)]
    return kat, catatan


def nilai_realisasi(teks: str, target: Target, persen_judul: bool = False):
    """An imported realisasi text as the workbook stores it, read against `target` by the
    core (`baca_realisasi`): persen as a fraction, ordinal as the grade text, else the
    number. A bare number under a "(%)" header is a percentage. KesalahanInput when it
    does not fit the target's kind."""
    teks = teks.strip()
    if persen_judul and target.persen and re.fullmatch(r"[\d.,]+", teks):
        teks += "%"
    nilai = baca_realisasi(target, teks)
    return teks if target.jenis == "ordinal" else nilai


def _realisasi_kinerja(h: HasilImpor, wb, triwulan: int | None, kode_ada: set) -> list[str]:
    """Indicator realisasi (a Pengukuran or LKj table) into Pengukuran's realisasi TW n,
    each figure read against its own target with the core (`baca_realisasi`); a bare number
    under a "(%)" header is a percentage."""
    baris = [d for d in h.baris if d.jenis == "indikator" and d.kode_katalog in kode_ada
             and (d.nilai.get("realisasi") or "").strip()]
    if not baris:
        return []
    judul = judul_realisasi(h, baris[0].nilai.get("realisasi_dari", baris[0].sheet)) or ""
    tw = triwulan or triwulan_dari_judul(judul)
    if tw is None:
        return [f"realisasi {len(baris)} indikator TIDAK dimasukkan: triwulannya tidak disebut "
                f"di judul kolom {judul!r}; ulangi dengan --triwulan N"]
    persen_judul = "%" in judul
    isi, catatan = {}, []
    for d in baris:
        teks = d.nilai["realisasi"].strip()
        try:
            isi[d.kode_katalog] = nilai_realisasi(teks, baca_target(d.target), persen_judul)
        except KesalahanInput as e:
            catatan.append(f"baris {d.nomor}: realisasi {teks!r} tidak dimasukkan: {e}")
    if isi:
        isi_realisasi(wb, kinerja={k: [v if q == tw - 1 else None for q in range(4)]
                                   for k, v in isi.items()})
        asal = "--triwulan" if triwulan else f"judul kolom {judul!r}"
        catatan.insert(0, f"realisasi {len(isi)} indikator dimasukkan sebagai realisasi TW "
                          f"{romawi(tw)} (dari {asal})")
    return catatan
