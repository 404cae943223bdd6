"""From interpreted rows to a catalog dict (workbook_templates/KATALOG.md): sasaran with their
indicators, units, targets per year and schedules, the budget rows, and the year the document
names ("TAHUN 2024") when none is given.

Separate because it is the one place that decides what of a table goes into a catalog; the
readers only interpret rows, the checker reads the same rows without a catalog.
"""
from __future__ import annotations

import re

from ..angka import baca_angka
from ..errors import KesalahanBerkas, KesalahanInput
from ..katalog import SATUAN_DIKENAL, Katalog
from ..target import Target, baca_target
from .baca import Baris
from .hasil import BarisData
from .kode import program_dari_kegiatan
from .satuan import famili_satuan
from .sel import pendek


def _tebak_tahun(baris: list[Baris]) -> int | None:
    for b in baris[:80]:
        for s in b.sel:
            if m := re.search(r"\b(?:tahun|t\.a\.?)\s*:?\s*(20\d\d)\b", s, re.I) or \
                    re.fullmatch(r":\s*(20\d\d)", s.strip()):
                return int(m.group(1))
    return None


def ke_katalog(data: list[BarisData], tahun: int | None, satker: str = "",
               peringatan: list | None = None, kode_baris: dict | None = None) -> dict:
    """Catalog dict that `Katalog.dari_dict` accepts: what of the table cannot enter it
    (an unreadable target, a target of another kind than the indicator's other years, a
    budget code used twice, budget rows before any program) is left out and reported, never
    dropped silently. `kode_baris` (optional dict) receives {(sheet, line number): catalog
    code} of every indicator."""
    if peringatan is None:
        peringatan = []
    sasaran: list[dict] = []
    indeks: dict[str, dict] = {}
    thn = str(tahun) if tahun else None
    semua_tahun: set[int] = set()
    for d in data:
        if d.jenis != "indikator" or not d.indikator:
            continue
        i = _indikator(d, thn, peringatan)
        if i is None:
            continue
        kunci = d.sasaran or "(tanpa sasaran)"
        s = indeks.get(kunci)
        if s is None:
            s = {"kode": f"S{len(sasaran) + 1}", "nama": kunci, "tingkat": "kpu", "indikator": []}
            if d.nilai.get("program"):
                s["program"] = d.nilai["program"]
            indeks[kunci] = s
            sasaran.append(s)
        i = {"kode": f"{s['kode']}.{len(s['indikator']) + 1}", **i}
        semua_tahun.update(int(th) for th in i["target"])
        s["indikator"].append(i)
        d.kode_katalog = i["kode"]
        if kode_baris is not None:
            kode_baris.setdefault((d.sheet, d.nomor), i["kode"])
    dikenal = {x.lower() for x in SATUAN_DIKENAL}
    tambahan = sorted({i["satuan"] for s in sasaran for i in s["indikator"]
                       if i["satuan"].lower() not in dikenal})
    kat = {"format": "xl-kinerja/katalog", "versi": 1, "satker": satker or "",
           "periode": [min(semua_tahun), max(semua_tahun)] if semua_tahun else
           ([tahun, tahun] if tahun else None), "sasaran": sasaran,
           "anggaran": _anggaran(data, thn, peringatan)}
    if kat["periode"] is None:
        del kat["periode"]
    if tambahan:
        kat["satuan_tambahan"] = tambahan
    return kat


_TAMBAHAN = (("penanggung_jawab", "penanggung_jawab"), ("pelaksana", "pelaksana"),
             ("kegiatan", "kegiatan"), ("formula", "formula"),
             ("definisi", "definisi_operasional"), ("sumber", "sumber_data"))


def _indikator(d: BarisData, thn: str | None, peringatan: list) -> dict | None:
    """One indicator's catalog entry (without its code), or None (reported) when none of
    its targets can enter the catalog. The kind and unit come from all its years: a count
    ("5 Laporan") decides over plain numbers and zeros ("0" in the years before an election),
    and years of another kind are left out with a warning."""
    mentah = d.nilai.get("target_tahun") or ({thn: d.target} if thn and d.target else {})
    if not mentah and d.target and not thn:
        peringatan.append((d.nomor, f"indikator {pendek(d.indikator)!r} tidak dimasukkan ke "
                                    "katalog: tahun targetnya tidak diketahui (berikan --tahun)"))
        return None
    terbaca: dict[str, tuple[str, Target]] = {}
    for th, tx in mentah.items():
        try:
            terbaca[th] = (tx, baca_target(tx))
        except KesalahanInput:
            if len(mentah) > 1:
                peringatan.append((d.nomor, f"target {th} {tx!r} indikator "
                                            f"{pendek(d.indikator)!r} tidak terbaca; tidak "
                                            "dimasukkan ke katalog"))
    if not terbaca:
        peringatan.append((d.nomor, f"indikator tanpa target yang terbaca tidak dimasukkan ke "
                                    f"katalog: {d.indikator!r} (target {d.target!r})"))
        return None
    jenis, satuan = _jenis_satuan(d, [t for _, t in terbaca.values()], peringatan)
    target = {}
    for th, (tx, t) in sorted(terbaca.items()):
        if _cocok(jenis, satuan, t, terbaca):
            target[th] = tx
        else:
            peringatan.append((d.nomor, f"target {th} {tx!r} indikator {pendek(d.indikator)!r} "
                                        f"terbaca sebagai {t.jenis}, padahal target lainnya "
                                        f"{jenis}; tidak dimasukkan ke katalog"))
    polaritas = d.nilai.get("polaritas") or "maks"
    if jenis == "ordinal" and polaritas != "maks":
        # a grade has no lower-is-better rule: AA is better than BB whatever the name says
        peringatan.append((d.nomor, f"polaritas {polaritas} tidak berlaku untuk target "
                                    f"predikat indikator {pendek(d.indikator)!r}; dipakai "
                                    "maks"))
        polaritas = d.nilai["polaritas"] = "maks"
    i = {"nama": d.indikator, "satuan": satuan, "jenis_target": jenis,
         "polaritas": polaritas, "target": target}
    for kunci_asal, kunci_katalog in _TAMBAHAN:
        if d.nilai.get(kunci_asal):
            i[kunci_katalog] = d.nilai[kunci_asal]
    tw = [n for n in range(1, 5) if d.nilai.get(f"tw{n}")]
    if tw:
        i["jadwal_tw"] = tw
    bulan = [n for n in range(1, 13) if d.nilai.get(f"b{n}")]
    if bulan:
        i["jadwal_bulan"] = bulan
    return i


def _jenis_satuan(d: BarisData, daftar: list[Target], peringatan: list) -> tuple[str, str]:
    """(jenis_target, satuan) of an indicator from all its targets and its SATUAN cell."""
    kolom = (d.nilai.get("satuan") or "").strip()
    fam = famili_satuan(kolom)
    bukan_nol = [t for t in daftar if t.jenis != "nol"]
    utama = next((t for t in bukan_nol if t.jenis == "jumlah"), None) or \
        (bukan_nol[0] if bukan_nol else None)
    if utama is not None:
        jenis = utama.jenis
        if jenis in ("persen", "rentang"):
            return jenis, "%"
        if jenis == "jumlah":
            return jenis, utama.satuan or kolom
        if fam in ("skor", "ordinal"):
            return jenis, kolom               # "79" with SATUAN "Indeks"
        if jenis == "skor" and _JUMLAH.match(d.indikator):
            return "jumlah", _satuan_jumlah(d, peringatan)   # "Jumlah kegiatan ...": 0 0 4 6
        return jenis, {"skor": "Nilai", "ordinal": "Predikat"}[jenis]
    # every target is zero: nothing planned in those years; the kind from the unit
    if any(t.satuan == "%" for t in daftar) or fam == "persen" or \
            (fam is None and re.match(r"(persentase|presentase|prosentase)\b",
                                      d.indikator.lower())):
        return "persen", "%"
    if fam == "jumlah":
        return "jumlah", kolom
    if fam == "skor":
        return "skor", kolom
    return "jumlah", next((t.satuan for t in daftar if t.satuan), None) or \
        _satuan_jumlah(d, peringatan)


_JUMLAH = re.compile(r"jumlah\b", re.I)


def _satuan_jumlah(d: BarisData, peringatan: list) -> str:
    """The unit of a count whose targets are bare numbers: the SATUAN cell, else the known
    unit its name counts ("Jumlah kegiatan ..." -> Kegiatan), else "Unit" (warned)."""
    kolom = (d.nilai.get("satuan") or "").strip()
    if famili_satuan(kolom) == "jumlah":
        return kolom
    satuan = _satuan_dari_nama(d.indikator)
    if satuan is None:
        satuan = "Unit"
        peringatan.append((d.nomor, f"indikator {pendek(d.indikator)!r} bertarget angka tanpa "
                                    "satuan: dipakai satuan 'Unit'; perbaiki di katalog bila "
                                    "lain"))
    return satuan


def _satuan_dari_nama(nama: str) -> str | None:
    """The counted unit a "Jumlah <unit> ..." name starts with, if it is a known one."""
    m = re.match(r"jumlah\s+(\w+)", (nama or "").lower())
    if not m:
        return None
    return next((s for s in SATUAN_DIKENAL if s.lower() == m.group(1)), None)


def _cocok(jenis: str, satuan: str, t: Target, semua) -> bool:
    """Can target `t` stand in a catalog indicator of this kind and unit (Katalog's rules)?"""
    if t.jenis == "nol":
        return jenis != "ordinal"
    if t.jenis == "jumlah":
        return jenis == "jumlah" and (t.satuan or "").lower() == satuan.lower()
    if t.jenis == "ordinal":
        keluarga = next(x.keluarga for _, x in semua.values() if x.jenis == "ordinal")
        return jenis == "ordinal" and t.keluarga == keluarga
    return t.jenis == jenis or (jenis == "jumlah" and t.jenis == "skor")


def _anggaran(data: list[BarisData], thn: str | None, peringatan: list) -> list[dict]:
    """The budget rows a catalog accepts: each code once, a name for every row, a program
    first (a KPU kegiatan's program named from its code, 076.01.CQ for CQ.6709, when the
    table does not show it)."""
    hasil: list[dict] = []
    terpakai: dict[str, int] = {}
    turunan = False   # programs named from kegiatan codes (the table shows none)
    for d in data:
        if d.jenis not in ("program", "kegiatan", "output"):
            continue
        if not d.kode:
            if d.nilai.get("pagu") or d.nilai.get("realisasi"):
                peringatan.append((d.nomor, f"baris anggaran tanpa kode tidak dimasukkan ke "
                                            f"katalog: {d.indikator!r}"))
            continue
        if d.kode in terpakai:
            peringatan.append((d.nomor, f"kode anggaran {d.kode} sudah dipakai di baris "
                                        f"{terpakai[d.kode]}; baris ini tidak dimasukkan ke "
                                        "katalog"))
            continue
        if (not hasil or turunan) and d.jenis != "program":
            # no program row in the table: each KPU kegiatan's program from its code
            program = program_dari_kegiatan(d.kode) if d.jenis == "kegiatan" else None
            if program is None and not hasil:
                peringatan.append((d.nomor, f"baris anggaran {d.kode} sebelum baris program "
                                            "pertama tidak dimasukkan ke katalog"))
                continue
            if program is not None and program not in terpakai:
                hasil.append({"kode": program, "uraian": f"Program {program}",
                              "tingkat": "program"})
                terpakai[program] = d.nomor
                turunan = True
                peringatan.append((d.nomor, f"tabel tanpa baris program: program {program} "
                                            f"(dari kode kegiatan {d.kode}) ditambahkan ke "
                                            "katalog"))
        uraian = d.indikator
        if not uraian.strip():
            uraian = d.kode
            peringatan.append((d.nomor, f"baris anggaran {d.kode} tanpa uraian: uraiannya "
                                        "diisi kodenya"))
        a = {"kode": d.kode, "uraian": uraian, "tingkat": d.jenis}
        pagu = d.nilai.get("pagu")
        if pagu and thn:
            try:
                a["pagu"] = {thn: baca_angka(pagu)}
            except KesalahanInput as e:  # kept out of the catalog, said so
                peringatan.append((d.nomor, f"pagu {d.kode} tidak dimasukkan: {e}"))
        terpakai[d.kode] = d.nomor
        hasil.append(a)
    return hasil


def periksa_katalog(h, kat: dict | None = None, tahun: int | None = None):
    """The `Katalog` of an import (`h.katalog`, or `kat`), loaded with the same rules `baru
    --iku` applies (and, with `tahun`, the checks of a workbook of that year): what the tool
    would refuse is refused here, as a KesalahanBerkas naming the input file and the line
    the refused indicator or budget row came from."""
    kat = h.katalog if kat is None else kat
    try:
        k = Katalog.dari_dict(kat)
        if tahun is not None:
            k.periksa_tahun(tahun)
        return k
    except KesalahanInput as e:
        sheet, baris = _asal_pesan(h, e.pesan)
        raise KesalahanBerkas(f"katalog dari tabel ini ditolak: {e.pesan}", berkas=h.berkas,
                              sheet=sheet, baris=baris) from None


def _asal_pesan(h, pesan: str) -> tuple[str | None, int | None]:
    """(sheet, line) of the first catalog code a message names (indicator or budget code)."""
    asal = {}
    for d in h.baris:
        if d.kode_katalog:
            asal.setdefault(d.kode_katalog, (d.sheet, d.nomor))
        elif d.jenis in ("program", "kegiatan", "output") and d.kode:
            asal.setdefault(d.kode, (d.sheet, d.nomor))
    temu = [(m.start(), asal[k]) for k in asal
            if (m := re.search(rf"(?<![\w.]){re.escape(k)}(?![\w])", pesan))]
    return min(temu)[1] if temu else (None, None)
