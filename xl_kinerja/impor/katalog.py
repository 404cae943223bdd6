"""From interpreted rows to a catalog dict (workbook_templates/KATALOG.md): sasaran with their
indicators, units, targets per year and schedules, the budget rows, and the year the document
names ("TAHUN 2024") when none is given.

Separate because it is the one place that decides what of a table goes into a catalog; the
readers only interpret rows, the checker reads the same rows without a catalog.
"""
from __future__ import annotations

import re

from ..errors import KesalahanInput
from .baca import Baris
from .hasil import BarisData
from .satuan import _satuan, famili_satuan


def _tebak_tahun(baris: list[Baris]) -> int | None:
    for b in baris[:80]:
        for s in b.sel:
            if m := re.search(r"\b(?:tahun|t\.a\.?)\s*:?\s*(20\d\d)\b", s, re.I) or \
                    re.fullmatch(r":\s*(20\d\d)", s.strip()):
                return int(m.group(1))
    return None


def ke_katalog(data: list[BarisData], tahun: int | None, satker: str = "",
               peringatan: list | None = None, kode_baris: dict | None = None) -> dict:
    """Catalog dict; indicators without a readable target are left out and reported.
    `kode_baris` (optional dict) receives {(sheet, line number): catalog code} of every
    indicator."""
    if peringatan is None:
        peringatan = []
    sasaran: list[dict] = []
    indeks: dict[str, dict] = {}
    anggaran = []
    thn = str(tahun) if tahun else None
    semua_tahun: set[int] = set()
    for d in data:
        if d.jenis in ("program", "kegiatan", "output") and not d.kode:
            if d.nilai.get("pagu") or d.nilai.get("realisasi"):
                peringatan.append((d.nomor, f"baris anggaran tanpa kode tidak dimasukkan ke "
                                            f"katalog: {d.indikator!r}"))
            continue
        if d.jenis in ("program", "kegiatan", "output"):
            a = {"kode": d.kode, "uraian": d.indikator, "tingkat": d.jenis}
            pagu = d.nilai.get("pagu")
            if pagu and thn:
                from ..angka import baca_angka
                try:
                    a["pagu"] = {thn: baca_angka(pagu)}
                except KesalahanInput as e:  # kept out of the catalog, said so
                    peringatan.append((d.nomor, f"pagu {d.kode} tidak dimasukkan: {e}"))
            anggaran.append(a)
            continue
        if d.jenis != "indikator" or not d.indikator:
            continue
        satuan, jenis = _satuan(d.target) if d.target else (None, None)
        if jenis is None:
            peringatan.append((d.nomor, f"indikator tanpa target yang terbaca tidak dimasukkan ke "
                                        f"katalog: {d.indikator!r} (target {d.target!r})"))
            continue
        if jenis == "nol":
            jenis = "persen" if satuan == "%" else "jumlah"
        kunci = d.sasaran or "(tanpa sasaran)"
        s = indeks.get(kunci)
        if s is None:
            s = {"kode": f"S{len(sasaran) + 1}", "nama": kunci, "tingkat": "kpu", "indikator": []}
            if d.nilai.get("program"):
                s["program"] = d.nilai["program"]
            indeks[kunci] = s
            sasaran.append(s)
        target_ok = True
        if not satuan and famili_satuan(d.nilai.get("satuan", "")) in ("skor", "ordinal"):
            satuan = d.nilai["satuan"].strip()  # "79" with SATUAN "Indeks"
        if not satuan:
            satuan = {"skor": "Nilai", "ordinal": "Predikat"}.get(jenis or "", "%")
        i = {"kode": f"{s['kode']}.{len(s['indikator']) + 1}", "nama": d.indikator,
             "satuan": satuan or "", "jenis_target": jenis or "persen",
             "polaritas": d.nilai.get("polaritas") or "maks",
             "target": {thn: d.target} if (thn and target_ok) else {}}
        if d.nilai.get("target_tahun"):
            i["target"] = {th: tx for th, tx in d.nilai["target_tahun"].items()
                           if _satuan(tx)[1] is not None}
        semua_tahun.update(int(th) for th in i["target"])
        for kunci_asal, kunci_katalog in (("penanggung_jawab", "penanggung_jawab"),
                                           ("pelaksana", "pelaksana"), ("kegiatan", "kegiatan"),
                                           ("formula", "formula"), ("definisi", "definisi_operasional"),
                                           ("sumber", "sumber_data")):
            if d.nilai.get(kunci_asal):
                i[kunci_katalog] = d.nilai[kunci_asal]
        tw = [n for n in range(1, 5) if d.nilai.get(f"tw{n}")]
        if tw:
            i["jadwal_tw"] = tw
        bulan = [n for n in range(1, 13) if d.nilai.get(f"b{n}")]
        if bulan:
            i["jadwal_bulan"] = bulan
        s["indikator"].append(i)
        if kode_baris is not None:
            kode_baris[(d.sheet, d.nomor)] = i["kode"]
    from ..katalog import SATUAN_DIKENAL
    dikenal = {x.lower() for x in SATUAN_DIKENAL}
    tambahan = sorted({i["satuan"] for s in sasaran for i in s["indikator"]
                       if i["satuan"].lower() not in dikenal})
    kat = {"format": "xl-kinerja/katalog", "versi": 1, "satker": satker or "",
           "periode": [min(semua_tahun), max(semua_tahun)] if semua_tahun else
           ([tahun, tahun] if tahun else None), "sasaran": sasaran, "anggaran": anggaran}
    if kat["periode"] is None:
        del kat["periode"]
    if tambahan:
        kat["satuan_tambahan"] = tambahan
    return kat
