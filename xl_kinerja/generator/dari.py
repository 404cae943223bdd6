"""`--dari`: carry last year's workbook (made by xl-kinerja) into a new year.

Everything is found through the workbook's defined names (nama.py), never by cell
position: the IKU matrix gives the indicators and their targets for every year of the
period, Pengukuran gives each indicator's jenis target, Rencana Aksi the kegiatan,
pelaksana and schedule, Anggaran the rows and pagu. Realisasi is never carried.
"""
from __future__ import annotations

from pathlib import Path

from .. import kontrak
from .. import nama as N
from ..errors import KesalahanBerkas
from ..katalog import FORMAT_KATALOG, SATUAN_DIKENAL, VERSI_KATALOG, Katalog


class _Pembaca:
    """Values of the named ranges (the contract reader; formulas give their cached value)."""

    def __init__(self, k: kontrak.Kontrak):
        self.k = k

    def ada(self, nama: str) -> bool:
        return self.k.ada(nama)

    def sel(self, nama: str) -> list[list]:
        return self.k.nilai(nama)

    def kolom(self, nama: str) -> list:
        return [b[0] if b else None for b in self.sel(nama)]

    def tunggal(self, nama: str):
        return self.sel(nama)[0][0]


def _teks(v) -> str:
    return "" if v is None else str(v).strip()


def katalog_dari_buku_kerja(path, tahun_baru: int | None = None) -> Katalog:
    """Rebuild the catalog of an xl-kinerja workbook (targets for every IKU year).

    With `tahun_baru`, the old leaf pagu become the draft pagu of that year.
    """
    path = Path(path)
    with kontrak.buka(path) as k:  # checks the format version
        return _katalog(_Pembaca(k), path, tahun_baru)


def _katalog(baca: _Pembaca, path: Path, tahun_baru: int | None) -> Katalog:
    tahun = [t for t in baca.sel(N.IKU_TAHUN)[0]]
    try:
        tahun = [int(t) for t in tahun]
    except (TypeError, ValueError):
        raise KesalahanBerkas("baris tahun pada lembar IKU rusak", berkas=path,
                              sheet="IKU", nilai=tahun) from None
    target = baca.sel(N.IKU_TARGET)
    kol = {n: baca.kolom(n) for n in (
        N.IKU_PROGRAM, N.IKU_SASARAN, N.IKU_INDIKATOR, N.IKU_SATUAN, N.IKU_DEFINISI,
        N.IKU_FORMULA, N.IKU_SUMBER_DATA, N.IKU_PENANGGUNG_JAWAB, N.IKU_POLARITAS,
        N.IKU_TINGKAT, N.IKU_KODE_SASARAN, N.IKU_KODE_INDIKATOR)}
    jenis = dict(zip(map(_teks, baca.kolom(N.UKUR_KODE_INDIKATOR)),
                     map(_teks, baca.kolom(N.UKUR_JENIS_TARGET)), strict=False))
    ukur = _teks_pengukuran(baca)
    renaksi = {}
    if baca.ada(N.RENAKSI_KODE_INDIKATOR):
        for kode, keg, pel, tw, bln in zip(
                baca.kolom(N.RENAKSI_KODE_INDIKATOR), baca.kolom(N.RENAKSI_KEGIATAN),
                baca.kolom(N.RENAKSI_PELAKSANA), baca.sel(N.RENAKSI_JADWAL_TW),
                baca.sel(N.RENAKSI_JADWAL_BULAN), strict=False):
            renaksi[_teks(kode)] = (
                _teks(keg), _teks(pel),
                [i for i, v in enumerate(tw, 1) if _teks(v)],
                [i for i, v in enumerate(bln, 1) if _teks(v)])
    riwayat = _riwayat_lkj(baca)  # LKj: realisasi per year, national figure, budget codes
    sasaran: list[dict] = []
    per_kode: dict[str, dict] = {}
    for i, kode in enumerate(kol[N.IKU_KODE_INDIKATOR]):
        kode = _teks(kode)
        if not kode:
            continue
        ks = _teks(kol[N.IKU_KODE_SASARAN][i])
        if ks not in per_kode:
            per_kode[ks] = {"kode": ks, "nama": _teks(kol[N.IKU_SASARAN][i]),
                            "tingkat": _teks(kol[N.IKU_TINGKAT][i]) or "kpu",
                            "program": _teks(kol[N.IKU_PROGRAM][i]), "indikator": []}
            if riwayat["anggaran"].get(i):
                per_kode[ks]["kode_anggaran"] = riwayat["anggaran"][i]
            sasaran.append(per_kode[ks])
        ind = {"kode": kode, "nama": _teks(kol[N.IKU_INDIKATOR][i]),
               "satuan": _teks(kol[N.IKU_SATUAN][i]),
               "jenis_target": jenis.get(kode) or "persen",
               "polaritas": _teks(kol[N.IKU_POLARITAS][i]) or "maks",
               "target": {str(t): _teks(v) for t, v in zip(tahun, target[i], strict=False) if _teks(v)},
               "definisi_operasional": _teks(kol[N.IKU_DEFINISI][i]),
               "formula": _teks(kol[N.IKU_FORMULA][i]),
               "sumber_data": _teks(kol[N.IKU_SUMBER_DATA][i]),
               "penanggung_jawab": _teks(kol[N.IKU_PENANGGUNG_JAWAB][i])}
        if kode in ukur:  # Pengukuran is where the office edits the texts
            teks_s, teks_i = ukur[kode]
            if teks_s and len(per_kode[ks]["indikator"]) == 0:
                per_kode[ks]["nama"] = teks_s
            baru = teks_i.get("satuan")
            if baru and baru != ind["satuan"] and ind["satuan"] not in ("", "%"):
                # the unit renamed in Pengukuran: the IKU targets ("5 Kegiatan") follow
                lama_ = ind["satuan"]
                ind["target"] = {t: v[:-len(lama_)] + baru if v.lower().endswith(
                    lama_.lower()) else v for t, v in ind["target"].items()}
            ind.update(teks_i)
        if riwayat["realisasi"].get(kode):
            ind["realisasi"] = riwayat["realisasi"][kode]
        if riwayat["nasional"].get(kode) is not None:
            ind["nasional"] = riwayat["nasional"][kode]
        if kode in renaksi:
            keg, pel, tw, bln = renaksi[kode]
            ind.update({"kegiatan": keg, "pelaksana": pel, "jadwal_tw": tw,
                        "jadwal_bulan": bln})
        per_kode[ks]["indikator"].append(ind)
    anggaran = []
    for kode, uraian, tingkat, pagu in zip(baca.kolom(N.ANGG_KODE), baca.kolom(N.ANGG_URAIAN),
                                           baca.kolom(N.ANGG_TINGKAT), baca.kolom(N.ANGG_PAGU), strict=False):
        tingkat = _teks(tingkat)
        if tingkat not in ("program", "kegiatan", "output"):
            continue
        baris = {"kode": _teks(kode), "uraian": _teks(uraian), "tingkat": tingkat}
        if (tahun_baru and isinstance(pagu, (int, float)) and not isinstance(pagu, bool)
                and pagu >= 0):
            baris["pagu"] = {str(tahun_baru): pagu}
            if riwayat["tahun"]:  # LKj: last year's pagu and realisasi stay known
                baris["pagu"][str(riwayat["tahun"])] = pagu
                real = riwayat["anggaran_real"].get(_teks(kode))
                if real and any(v is not None for v in real):
                    baris["realisasi_tw"] = {str(riwayat["tahun"]): real}
        anggaran.append(baris)
    satuan = [s for s in map(_teks, baca.kolom(N.REF_DAFTAR_SATUAN)) if s]
    dikenal = {s.lower() for s in SATUAN_DIKENAL}
    d = {"format": FORMAT_KATALOG, "versi": VERSI_KATALOG,
         "satker": _teks(baca.tunggal(N.INFO_SATKER)),
         "periode": [min(tahun), max(tahun)],
         "satuan_tambahan": [s for s in satuan if s.lower() not in dikenal],
         "sasaran": sasaran, "anggaran": anggaran}
    return Katalog.dari_dict_berkas(d, path)


def _teks_pengukuran(baca: _Pembaca) -> dict[str, tuple[str, dict]]:
    """Per indicator code: (sasaran text, {nama, satuan, polaritas, penanggung_jawab}) as
    they stand in Pengukuran (the texts the office edits; blank cells keep IKU's)."""
    kolom = {k: [_teks(v) for v in baca.kolom(n)] for k, n in (
        ("kode", N.UKUR_KODE_INDIKATOR), ("sasaran", N.UKUR_SASARAN),
        ("nama", N.UKUR_INDIKATOR), ("satuan", N.UKUR_SATUAN),
        ("polaritas", N.UKUR_POLARITAS), ("penanggung_jawab", N.UKUR_PENANGGUNG_JAWAB))}
    hasil = {}
    for i, kode in enumerate(kolom["kode"]):
        if kode:
            hasil[kode] = (kolom["sasaran"][i], {
                k: kolom[k][i] for k in ("nama", "satuan", "polaritas", "penanggung_jawab")
                if kolom[k][i]})
    return hasil


def _angka_isian(v):
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 else None


def _riwayat_lkj(baca: _Pembaca) -> dict:
    """What the LKj needs from the old workbook: per indicator the realisasi of every year
    already on its IKU sheet plus its own year's (the latest cumulative quarter), the
    national figure; per IKU row the sasaran's budget codes; per budget line its realisasi."""
    hasil = {"realisasi": {}, "nasional": {}, "anggaran": {}, "anggaran_real": {},
             "tahun": None}
    try:
        tahun = int(baca.tunggal(N.INFO_TAHUN))
    except (TypeError, ValueError):
        return hasil
    hasil["tahun"] = tahun
    kode_iku = [_teks(k) for k in baca.kolom(N.IKU_KODE_INDIKATOR)]
    if baca.ada(N.IKU_TAHUN_REALISASI):
        th = baca.sel(N.IKU_TAHUN_REALISASI)[0]
        for k, baris in zip(kode_iku, baca.sel(N.IKU_REALISASI), strict=False):
            isi = {str(int(t)): v for t, v in zip(th, baris, strict=False)
                   if isinstance(t, (int, float)) and v not in (None, "")}
            if k and isi:
                hasil["realisasi"][k] = isi
        for k, v in zip(kode_iku, baca.kolom(N.IKU_NASIONAL), strict=False):
            if k and v not in (None, ""):
                hasil["nasional"][k] = v
        for i, v in enumerate(baca.kolom(N.IKU_KODE_ANGGARAN)):
            kode = [x.strip() for x in _teks(v).split(",") if x.strip()]
            if kode:
                hasil["anggaran"][i] = kode
    tw = [baca.kolom(n) for n in N.UKUR_REALISASI_TW]
    for i, k in enumerate(map(_teks, baca.kolom(N.UKUR_KODE_INDIKATOR))):
        isi = [c[i] for c in tw if c[i] not in (None, "") and not
               (isinstance(c[i], str) and c[i].startswith("="))]
        if k and isi:
            hasil["realisasi"].setdefault(k, {})[str(tahun)] = isi[-1]
    real = [baca.kolom(n) for n in N.ANGG_REALISASI_TW]
    for i, k in enumerate(map(_teks, baca.kolom(N.ANGG_KODE))):
        if k:
            hasil["anggaran_real"][k] = [_angka_isian(c[i]) for c in real]
    return hasil


def gabung_dari(katalog: Katalog | None, dari, tahun: int) -> Katalog:
    """The catalog for `tahun` when `--dari` is given (see module doc).

    Without a catalog: the old workbook's own. With one (`--iku`): the catalog's
    indicators and targets, completed with the old workbook's texts (kegiatan,
    pelaksana, schedule, definitions) for the same indicator codes, and its anggaran
    rows when the catalog has none.
    """
    lama = katalog_dari_buku_kerja(dari, tahun_baru=tahun)
    if katalog is None:
        return lama
    indeks = {ind.kode: ind for _, ind in lama.semua_indikator()}
    for _, ind in katalog.semua_indikator():
        tua = indeks.get(ind.kode)
        if tua is None:
            continue
        for k in ("definisi_operasional", "formula", "sumber_data", "penanggung_jawab",
                  "kegiatan", "pelaksana"):
            if not getattr(ind, k):
                setattr(ind, k, getattr(tua, k))
        if not ind.jadwal_tw and not ind.jadwal_bulan:
            ind.jadwal_tw, ind.jadwal_bulan = list(tua.jadwal_tw), list(tua.jadwal_bulan)
        lo = katalog.periode[0] - 1  # LKj history inside the new catalog's period
        ind.realisasi = {**{t: v for t, v in tua.realisasi.items()
                            if lo <= t <= katalog.periode[1]}, **ind.realisasi}
        if ind.nasional is None:
            ind.nasional = tua.nasional
    if not katalog.anggaran:
        katalog.anggaran = lama.anggaran
    return katalog
