"""The indicator catalog (`--iku FILE`): sasaran, indikator, targets per year, anggaran.

Format: `workbook_templates/KATALOG.md`; the kinds, polarities, units and years allowed are
the rule table's (xl_kinerja.aturan). `Katalog.baca(path)` reads a JSON file,
`Katalog.dari_dict(d)` validates a dict, `Katalog.bawaan()` is the embedded default for a
KPU Kabupaten/Kota, `.ke_dict()` gives the JSON form back. Every target text is parsed
with the core's `baca_target`; every problem is a `KesalahanInput`/`KesalahanBerkas`
whose Indonesian message names the sasaran/indikator and the value.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .anggaran import induk_anggaran as _induk_tingkat
from .anggaran import jumlah_sesuai
from .angka import baca_angka
from .aturan import (
    JENIS_TARGET,
    POLARITAS,
    POLARITAS_BAWAAN,
    SATUAN_DIKENAL,
    SATUAN_PERSEN,
    TAHUN_AKHIR,
    TAHUN_AWAL,
    TINGKAT_ANGGARAN,
    jenis_target,
    periksa_kombinasi,
    tahun_sah,
)
from .berkas import baca_json, tulis_atomik
from .errors import KesalahanBerkas, KesalahanInput
from .target import baca_target

FORMAT_KATALOG = "xl-kinerja/katalog"
VERSI_KATALOG = 1

# JENIS_TARGET, POLARITAS, TINGKAT_ANGGARAN and SATUAN_DIKENAL are the rule table's
# (xl_kinerja.aturan), re-exported here for the catalog's readers.
TINGKAT_SASARAN = ("kpu", "sekretariat")

_KUNCI_ATAS = {"format", "versi", "satker", "periode", "sasaran", "anggaran",
               "satuan_tambahan", "penandatangan", "catatan"}
_KUNCI_SASARAN = {"kode", "nama", "tingkat", "program", "indikator", "kode_anggaran"}
_KUNCI_INDIKATOR = {"kode", "nama", "satuan", "jenis_target", "polaritas", "target",
                    "target_tw", "definisi_operasional", "formula", "sumber_data",
                    "penanggung_jawab", "kegiatan", "pelaksana", "jadwal_tw", "jadwal_bulan",
                    "realisasi", "nasional"}
_KUNCI_ANGGARAN = {"kode", "uraian", "tingkat", "pagu", "realisasi_tw"}
_KUNCI_TTD = {"tempat", "tanggal", "ketua", "sekretaris", "atasan_nama", "atasan_jabatan"}


def _teks(nilai, apa: str, wajib: bool = True) -> str:
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        if wajib:
            raise KesalahanInput(f"{apa} wajib diisi", teks=nilai)
        return ""
    if not isinstance(nilai, str):
        raise KesalahanInput(f"{apa} harus berupa teks, bukan {nilai!r}", teks=nilai)
    return nilai.strip()


def _kunci_dikenal(d: dict, boleh: set, apa: str) -> None:
    if not isinstance(d, dict):
        raise KesalahanInput(f"{apa} harus berupa objek JSON {{...}}, bukan {d!r}", teks=d)
    asing = sorted(set(d) - boleh)
    if asing:
        raise KesalahanInput(
            f"{apa}: kunci tidak dikenal {', '.join(repr(k) for k in asing)} "
            f"(yang dikenal: {', '.join(sorted(boleh))})", teks=asing[0])


def _tahun(k, apa: str) -> int:
    try:
        t = int(str(k).strip())
    except ValueError:
        raise KesalahanInput(f"{apa}: tahun {k!r} bukan angka tahun", teks=k) from None
    if not tahun_sah(t):
        raise KesalahanInput(f"{apa}: tahun {k!r} tidak masuk akal (harus {TAHUN_AWAL}-"
                             f"{TAHUN_AKHIR})", teks=k)
    return t


def _angka_atau_kosong(x, apa: str):
    if x is None or x == "":
        return None
    if isinstance(x, bool):
        raise KesalahanInput(f"{apa}: {x!r} bukan angka", teks=x)
    if isinstance(x, (int, float)):
        v = float(x)
    else:
        try:
            v = float(baca_angka(x))
        except KesalahanInput as e:
            raise KesalahanInput(f"{apa}: {e}", teks=x) from None
    if v < 0 or v != v or v in (float("inf"),):
        raise KesalahanInput(f"{apa}: nilai {x!r} tidak boleh negatif/tak hingga", teks=x)
    return v


def _daftar_int(nilai, batas: int, apa: str) -> list[int]:
    if nilai is None:
        return []
    if not isinstance(nilai, list) or not all(isinstance(x, int) and not isinstance(x, bool)
                                              for x in nilai):
        raise KesalahanInput(f"{apa} harus berupa daftar angka 1..{batas}, bukan {nilai!r}",
                             teks=nilai)
    salah = [x for x in nilai if not 1 <= x <= batas]
    if salah:
        raise KesalahanInput(f"{apa}: {salah[0]} di luar 1..{batas}", teks=salah[0])
    return sorted(set(nilai))


def _satuan_kanonik(satuan: str, dikenal: dict[str, str]) -> str | None:
    return dikenal.get(re.sub(r"\s+", " ", satuan.strip()).lower())


@dataclass
class Indikator:
    kode: str
    nama: str
    satuan: str
    jenis_target: str
    target: dict[int, str]
    polaritas: str = "maks"
    target_tw: dict[int, list] = field(default_factory=dict)
    definisi_operasional: str = ""
    formula: str = ""
    sumber_data: str = ""
    penanggung_jawab: str = ""
    kegiatan: str = ""
    pelaksana: str = ""
    jadwal_tw: list[int] = field(default_factory=list)
    jadwal_bulan: list[int] = field(default_factory=list)
    # LKj history (lkj/README): year -> realisasi as the workbook stores it (persen as a
    # fraction, ordinal as grade text) or as text ("95%"); the national figure likewise
    realisasi: dict[int, object] = field(default_factory=dict)
    nasional: object = None

    def target_tahun(self, tahun: int):
        """The core `Target` for `tahun` (None when the catalog has no target that year)."""
        teks = self.target.get(tahun)
        return None if teks is None else baca_target(teks)

    def triwulan_terjadwal(self) -> list[int]:
        """Quarters with activity: `jadwal_tw`, else derived from `jadwal_bulan`, else all."""
        if self.jadwal_tw:
            return list(self.jadwal_tw)
        if self.jadwal_bulan:
            return sorted({(b - 1) // 3 + 1 for b in self.jadwal_bulan})
        return [1, 2, 3, 4]


@dataclass
class Sasaran:
    kode: str
    nama: str
    indikator: list[Indikator]
    tingkat: str = "kpu"
    program: str = ""
    kode_anggaran: list[str] = field(default_factory=list)  # budget lines serving it (LKj)


@dataclass
class BarisAnggaran:
    kode: str
    uraian: str
    tingkat: str
    pagu: dict[int, float] = field(default_factory=dict)
    # year -> 4 cumulative amounts (None = not yet reported); key 0 = any year
    realisasi_tw: dict[int, list] = field(default_factory=dict)

    def realisasi_tahun(self, tahun: int) -> list:
        return list(self.realisasi_tw.get(tahun) or self.realisasi_tw.get(0) or [None] * 4)


@dataclass
class Katalog:
    sasaran: list[Sasaran]
    periode: tuple[int, int]
    anggaran: list[BarisAnggaran] = field(default_factory=list)
    satker: str = ""
    satuan_tambahan: list[str] = field(default_factory=list)
    penandatangan: dict[str, str] = field(default_factory=dict)
    catatan: str = ""
    sumber: str = ""  # where it was read from (for messages)

    # --- construction -----------------------------------------------------------
    @classmethod
    def baca(cls, path, peringatan: list[str] | None = None) -> Katalog:
        """Read a catalog JSON file (berkas.baca_json: regular file, size and nesting caps,
        control characters and over-long texts cleaned with a warning in `peringatan`)."""
        path = Path(path)
        d = baca_json(path, "berkas katalog", peringatan)
        return cls.dari_dict_berkas(d, path)

    @classmethod
    def dari_dict_berkas(cls, d: dict, path) -> Katalog:
        """`dari_dict` for a catalog read from `path`: errors name the file."""
        try:
            kat = cls.dari_dict(d)
        except KesalahanInput as e:
            raise KesalahanBerkas(e.pesan, berkas=path) from None
        kat.sumber = str(path)
        return kat

    @classmethod
    def bawaan(cls) -> Katalog:
        """The embedded default catalog for a KPU Kabupaten/Kota."""
        teks = (resources.files("xl_kinerja.workbook_templates")
                .joinpath("katalog_default.json").read_text(encoding="utf-8"))
        kat = cls.dari_dict(json.loads(teks))
        kat.sumber = "katalog bawaan"
        return kat

    @classmethod
    def dari_dict(cls, d: dict) -> Katalog:
        _kunci_dikenal(d, _KUNCI_ATAS, "katalog")
        if d.get("format") != FORMAT_KATALOG:
            raise KesalahanInput(
                f"katalog: 'format' harus \"{FORMAT_KATALOG}\", bukan {d.get('format')!r}",
                teks=d.get("format"))
        if d.get("versi") != VERSI_KATALOG:
            raise KesalahanInput(
                f"katalog: 'versi' {d.get('versi')!r} tidak didukung (hanya {VERSI_KATALOG})",
                teks=d.get("versi"))
        per = d.get("periode")
        if (not isinstance(per, list) or len(per) != 2):
            raise KesalahanInput(f"katalog: 'periode' harus [tahun_awal, tahun_akhir], "
                                 f"bukan {per!r}", teks=per)
        awal, akhir = _tahun(per[0], "periode"), _tahun(per[1], "periode")
        if akhir < awal:
            raise KesalahanInput(f"katalog: periode {awal}-{akhir} terbalik", teks=per)

        tambahan = d.get("satuan_tambahan") or []
        if not isinstance(tambahan, list) or not all(isinstance(s, str) and s.strip()
                                                     for s in tambahan):
            raise KesalahanInput("katalog: 'satuan_tambahan' harus daftar teks", teks=tambahan)
        dikenal = {s.lower(): s for s in SATUAN_DIKENAL}
        dikenal.update({re.sub(r"\s+", " ", s.strip()).lower(): s.strip() for s in tambahan})

        ttd = d.get("penandatangan") or {}
        _kunci_dikenal(ttd, _KUNCI_TTD, "penandatangan")
        ttd = {k: _teks(v, f"penandatangan.{k}", wajib=False) for k, v in ttd.items()}

        daftar_sasaran = d.get("sasaran")
        if not isinstance(daftar_sasaran, list) or not daftar_sasaran:
            raise KesalahanInput("katalog: 'sasaran' wajib berisi minimal satu sasaran",
                                 teks=daftar_sasaran)
        kode_terpakai: set[str] = set()
        sasaran = []
        for i, ds in enumerate(daftar_sasaran, 1):
            sasaran.append(_baca_sasaran(ds, i, (awal, akhir), dikenal, kode_terpakai))

        anggaran = _baca_anggaran(d.get("anggaran") or [], (awal, akhir))
        return cls(sasaran=sasaran, periode=(awal, akhir), anggaran=anggaran,
                   satker=_teks(d.get("satker"), "satker", wajib=False),
                   satuan_tambahan=[s.strip() for s in tambahan], penandatangan=ttd,
                   catatan=_teks(d.get("catatan"), "catatan", wajib=False))

    # --- queries ----------------------------------------------------------------
    def semua_indikator(self):
        """Yield (sasaran, indikator) pairs in catalog order."""
        for s in self.sasaran:
            for ind in s.indikator:
                yield s, ind

    def tahun_periode(self) -> list[int]:
        return list(range(self.periode[0], self.periode[1] + 1))

    def periksa_tahun(self, tahun: int) -> None:
        awal, akhir = self.periode
        if not awal <= tahun <= akhir:
            asal = f" ({self.sumber})" if self.sumber else ""
            raise KesalahanInput(
                f"tahun {tahun} di luar periode katalog{asal} {awal}-{akhir}; gunakan "
                f"katalog IKU yang mencakup tahun {tahun} (--iku)", teks=tahun)
        kosong = [f"{ind.kode} {ind.nama!r}" for _, ind in self.semua_indikator()
                  if tahun not in ind.target]
        if kosong:
            raise KesalahanInput(
                f"katalog tidak memuat target tahun {tahun} untuk indikator "
                + "; ".join(kosong[:5]) + (" ..." if len(kosong) > 5 else ""), teks=tahun)

    def daftar_satuan(self) -> list[str]:
        hasil = list(SATUAN_DIKENAL)
        for s in self.satuan_tambahan:
            if s.lower() not in {x.lower() for x in hasil}:
                hasil.append(s)
        return hasil

    # --- output -------------------------------------------------------------------
    def ke_dict(self) -> dict:
        d: dict = {"format": FORMAT_KATALOG, "versi": VERSI_KATALOG}
        if self.satker:
            d["satker"] = self.satker
        d["periode"] = [self.periode[0], self.periode[1]]
        if self.satuan_tambahan:
            d["satuan_tambahan"] = list(self.satuan_tambahan)
        if self.penandatangan:
            d["penandatangan"] = dict(self.penandatangan)
        if self.catatan:
            d["catatan"] = self.catatan
        d["sasaran"] = []
        for s in self.sasaran:
            ds = {"kode": s.kode, "nama": s.nama, "tingkat": s.tingkat}
            if s.program:
                ds["program"] = s.program
            if s.kode_anggaran:
                ds["kode_anggaran"] = list(s.kode_anggaran)
            ds["indikator"] = []
            for ind in s.indikator:
                di = {"kode": ind.kode, "nama": ind.nama, "satuan": ind.satuan,
                      "jenis_target": ind.jenis_target, "polaritas": ind.polaritas,
                      "target": {str(t): v for t, v in sorted(ind.target.items())}}
                if ind.target_tw:
                    di["target_tw"] = {str(t): list(v) for t, v in sorted(ind.target_tw.items())}
                for k in ("definisi_operasional", "formula", "sumber_data", "penanggung_jawab",
                          "kegiatan", "pelaksana"):
                    if getattr(ind, k):
                        di[k] = getattr(ind, k)
                if ind.jadwal_tw:
                    di["jadwal_tw"] = list(ind.jadwal_tw)
                if ind.jadwal_bulan:
                    di["jadwal_bulan"] = list(ind.jadwal_bulan)
                if ind.realisasi:
                    di["realisasi"] = {str(t): v for t, v in sorted(ind.realisasi.items())}
                if ind.nasional is not None:
                    di["nasional"] = ind.nasional
                ds["indikator"].append(di)
            d["sasaran"].append(ds)
        d["anggaran"] = []
        for b in self.anggaran:
            db = {"kode": b.kode, "uraian": b.uraian, "tingkat": b.tingkat}
            if b.pagu:
                db["pagu"] = {str(t): _angka_json(v) for t, v in sorted(b.pagu.items())}
            if b.realisasi_tw:
                if set(b.realisasi_tw) == {0}:
                    db["realisasi_tw"] = [_angka_json(v) for v in b.realisasi_tw[0]]
                else:
                    db["realisasi_tw"] = {str(t): [_angka_json(v) for v in r]
                                          for t, r in sorted(b.realisasi_tw.items())}
            d["anggaran"].append(db)
        return d

    def tulis(self, path) -> Path:
        teks = json.dumps(self.ke_dict(), ensure_ascii=False, indent=2) + "\n"
        return tulis_atomik(path, lambda p: p.write_text(teks, encoding="utf-8"), timpa=True)


def _angka_json(v):
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def _kode_nama(d, apa: str, jenis: str, kunci: set, kode_terpakai: set):
    """Validate the keys, 'kode' (unique in the catalog) and 'nama' of one sasaran/indikator
    entry; returns (kode, nama, description used in later messages)."""
    _kunci_dikenal(d, kunci | set(d if isinstance(d, dict) else ()), apa)  # must be a dict
    kode = _teks(d.get("kode"), f"{apa}: 'kode'")
    nama = _teks(d.get("nama"), f"{apa}: 'nama'")
    apa = f"{jenis} {kode} ({nama!r})"
    _kunci_dikenal(d, kunci, apa)
    if kode in kode_terpakai:
        raise KesalahanInput(f"{apa}: kode {kode!r} dipakai lebih dari sekali", teks=kode)
    kode_terpakai.add(kode)
    return kode, nama, apa


def _baca_sasaran(ds, i, periode, dikenal, kode_terpakai) -> Sasaran:
    kode, nama, apa = _kode_nama(ds, f"sasaran ke-{i}", "sasaran", _KUNCI_SASARAN,
                                 kode_terpakai)
    tingkat = _teks(ds.get("tingkat") or "kpu", f"{apa}: 'tingkat'").lower()
    if tingkat not in TINGKAT_SASARAN:
        raise KesalahanInput(f"{apa}: tingkat {tingkat!r} tidak dikenal (pilih: "
                             f"{', '.join(TINGKAT_SASARAN)})", teks=tingkat)
    daftar = ds.get("indikator")
    if not isinstance(daftar, list) or not daftar:
        raise KesalahanInput(f"{apa}: wajib memuat minimal satu indikator", teks=daftar)
    indikator = [_baca_indikator(di, apa, j, periode, dikenal, kode_terpakai)
                 for j, di in enumerate(daftar, 1)]
    kode_angg = ds.get("kode_anggaran") or []
    if not isinstance(kode_angg, list) or not all(isinstance(k, str) and k.strip()
                                                  for k in kode_angg):
        raise KesalahanInput(f"{apa}: 'kode_anggaran' harus daftar kode program/kegiatan "
                             f"(mis. [\"076.01.WA\"])", teks=kode_angg)
    return Sasaran(kode=kode, nama=nama, indikator=indikator, tingkat=tingkat,
                   program=_teks(ds.get("program"), f"{apa}: 'program'", wajib=False),
                   kode_anggaran=[k.strip() for k in kode_angg])


def _cocok_jenis(jenis_katalog: str, t) -> bool:
    """Is the parsed target `t` compatible with the declared `jenis_target`?"""
    if t.jenis == "nol":  # nothing planned that year: allowed where the rule table says so
        return jenis_target(jenis_katalog).boleh_nol
    if jenis_katalog == t.jenis:
        return True
    # "12" parses as a score; as a count its unit is the indicator's satuan
    return jenis_katalog == "jumlah" and t.jenis == "skor"


def _baca_indikator(di, apa_sasaran, j, periode, dikenal, kode_terpakai) -> Indikator:
    kode, nama, apa = _kode_nama(di, f"{apa_sasaran}, indikator ke-{j}", "indikator",
                                 _KUNCI_INDIKATOR, kode_terpakai)

    satuan_asli = _teks(di.get("satuan"), f"{apa}: 'satuan'")
    satuan = _satuan_kanonik(satuan_asli, dikenal)
    if satuan is None:
        raise KesalahanInput(
            f"{apa}: satuan {satuan_asli!r} tidak dikenal; pakai salah satu dari "
            f"{', '.join(SATUAN_DIKENAL)} atau daftarkan di 'satuan_tambahan'", teks=satuan_asli)
    jenis = _teks(di.get("jenis_target"), f"{apa}: 'jenis_target'").lower()
    try:
        jt = jenis_target(jenis)
    except KesalahanInput as e:
        raise KesalahanInput(f"{apa}: {e.pesan}", teks=jenis) from None
    polaritas = _teks(di.get("polaritas") or POLARITAS_BAWAAN, f"{apa}: 'polaritas'").lower()
    if polaritas not in POLARITAS:
        raise KesalahanInput(f"{apa}: polaritas {polaritas!r} tidak dikenal (pilih: "
                             f"{' atau '.join(POLARITAS)})", teks=polaritas)
    periksa_kombinasi(jenis, polaritas, apa)
    if jt.pecahan != (satuan == SATUAN_PERSEN):
        raise KesalahanInput(
            f"{apa}: satuan {satuan!r} tidak cocok dengan jenis_target {jenis!r} "
            f"({' dan '.join(j for j in JENIS_TARGET if jenis_target(j).pecahan)} memakai "
            f"satuan '{SATUAN_PERSEN}', jenis lain tidak)", teks=satuan)

    mentah = di.get("target")
    if not isinstance(mentah, dict) or not mentah:
        raise KesalahanInput(f"{apa}: 'target' harus objek {{\"tahun\": \"target\"}}",
                             teks=mentah)
    target: dict[int, str] = {}
    keluarga = None
    for k, v in mentah.items():
        th = _tahun(k, f"{apa}: target")
        if not periode[0] <= th <= periode[1]:
            raise KesalahanInput(f"{apa}: target tahun {th} di luar periode "
                                 f"{periode[0]}-{periode[1]}", teks=k)
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            raise KesalahanInput(f"{apa}: target {th} harus teks seperti \"100%\", bukan {v!r}",
                                 teks=v)
        teks = str(v).strip() if isinstance(v, str) else v
        try:
            t = baca_target(teks)
        except KesalahanInput as e:
            raise KesalahanInput(f"{apa}: target {th} {v!r} tidak terbaca: {e.pesan}",
                                 teks=v) from None
        if not _cocok_jenis(jenis, t):
            raise KesalahanInput(
                f"{apa}: target {th} {v!r} terbaca sebagai {t.jenis}, padahal jenis_target "
                f"{jenis!r}", teks=v)
        if t.jenis == "jumlah" and t.satuan and t.satuan.lower() != satuan.lower():
            raise KesalahanInput(
                f"{apa}: target {th} {v!r} bersatuan {t.satuan!r}, padahal satuan indikator "
                f"{satuan!r}", teks=v)
        if t.jenis == "ordinal":
            if keluarga and t.keluarga != keluarga:
                raise KesalahanInput(f"{apa}: target {th} {v!r} berasal dari skala lain "
                                     f"({t.keluarga}, sebelumnya {keluarga})", teks=v)
            keluarga = t.keluarga
        target[th] = teks if isinstance(teks, str) else str(teks)

    target_tw: dict[int, list] = {}
    if di.get("target_tw") is not None:
        mtw = di["target_tw"]
        if not isinstance(mtw, dict):
            raise KesalahanInput(f"{apa}: 'target_tw' harus objek {{\"tahun\": [4 target]}}",
                                 teks=mtw)
        for k, daftar in mtw.items():
            th = _tahun(k, f"{apa}: target_tw")
            if not isinstance(daftar, list) or len(daftar) != 4:
                raise KesalahanInput(f"{apa}: target_tw {th} harus 4 nilai (TW I-IV, null = "
                                     "tidak diukur)", teks=daftar)
            for q, v in enumerate(daftar, 1):
                if v is None:
                    continue
                try:
                    t = baca_target(v)
                except KesalahanInput as e:
                    raise KesalahanInput(f"{apa}: target TW {q} tahun {th} {v!r} tidak "
                                         f"terbaca: {e.pesan}", teks=v) from None
                if not _cocok_jenis(jenis, t):
                    raise KesalahanInput(f"{apa}: target TW {q} tahun {th} {v!r} terbaca "
                                         f"sebagai {t.jenis}, padahal jenis_target {jenis!r}",
                                         teks=v)
            target_tw[th] = [None if v is None else str(v) for v in daftar]

    realisasi: dict[int, object] = {}
    mreal = di.get("realisasi") or {}
    if not isinstance(mreal, dict):
        raise KesalahanInput(f"{apa}: 'realisasi' harus objek {{\"tahun\": realisasi}}",
                             teks=mreal)
    for k, v in list(mreal.items()) + [("nasional", di.get("nasional"))]:
        if v is None or v == "":
            continue
        apa_r = f"{apa}: {'nasional' if k == 'nasional' else 'realisasi ' + str(k)}"
        if k != "nasional":
            th = _tahun(k, f"{apa}: realisasi")
            if not periode[0] - 1 <= th <= periode[1]:
                raise KesalahanInput(f"{apa_r} di luar periode {periode[0] - 1} (tahun dasar)-"
                                     f"{periode[1]}", teks=k)
        if isinstance(v, bool) or not isinstance(v, (str, int, float)) or \
                (not isinstance(v, str) and v < 0):
            raise KesalahanInput(f"{apa_r}: {v!r} harus angka tidak negatif atau teks seperti "
                                 f"\"95%\"", teks=v)
        if isinstance(v, str):
            try:
                baca_target(v)
            except KesalahanInput as e:
                raise KesalahanInput(f"{apa_r} {v!r} tidak terbaca: {e.pesan}", teks=v) from None
        if k != "nasional":
            realisasi[th] = v
    return Indikator(
        realisasi=realisasi, nasional=di.get("nasional") if di.get("nasional") != "" else None,
        kode=kode, nama=nama, satuan=satuan, jenis_target=jenis, target=target,
        polaritas=polaritas, target_tw=target_tw,
        definisi_operasional=_teks(di.get("definisi_operasional"), f"{apa}: definisi",
                                   wajib=False),
        formula=_teks(di.get("formula"), f"{apa}: formula", wajib=False),
        sumber_data=_teks(di.get("sumber_data"), f"{apa}: sumber_data", wajib=False),
        penanggung_jawab=_teks(di.get("penanggung_jawab"), f"{apa}: penanggung_jawab",
                               wajib=False),
        kegiatan=_teks(di.get("kegiatan"), f"{apa}: kegiatan", wajib=False),
        pelaksana=_teks(di.get("pelaksana"), f"{apa}: pelaksana", wajib=False),
        jadwal_tw=_daftar_int(di.get("jadwal_tw"), 4, f"{apa}: jadwal_tw"),
        jadwal_bulan=_daftar_int(di.get("jadwal_bulan"), 12, f"{apa}: jadwal_bulan"),
    )


def _baca_anggaran(daftar, periode) -> list[BarisAnggaran]:
    if not isinstance(daftar, list):
        raise KesalahanInput("katalog: 'anggaran' harus daftar baris", teks=daftar)
    hasil: list[BarisAnggaran] = []
    kode_terpakai: set[str] = set()
    for i, db in enumerate(daftar, 1):
        apa = f"anggaran baris ke-{i}"
        _kunci_dikenal(db, _KUNCI_ANGGARAN, apa)
        kode = _teks(db.get("kode"), f"{apa}: 'kode'")
        uraian = _teks(db.get("uraian"), f"{apa}: 'uraian'")
        apa = f"anggaran {kode} ({uraian!r})"
        if kode in kode_terpakai:
            raise KesalahanInput(f"{apa}: kode {kode!r} dipakai lebih dari sekali", teks=kode)
        kode_terpakai.add(kode)
        tingkat = _teks(db.get("tingkat"), f"{apa}: 'tingkat'").lower()
        if tingkat not in TINGKAT_ANGGARAN:
            raise KesalahanInput(f"{apa}: tingkat {tingkat!r} tidak dikenal (pilih: "
                                 f"{', '.join(TINGKAT_ANGGARAN)})", teks=tingkat)
        if not hasil and tingkat != "program":
            raise KesalahanInput(f"{apa}: baris anggaran pertama harus tingkat 'program'",
                                 teks=tingkat)
        pagu = {}
        mp = db.get("pagu") or {}
        if not isinstance(mp, dict):
            raise KesalahanInput(f"{apa}: 'pagu' harus objek {{\"tahun\": angka}}", teks=mp)
        for k, v in mp.items():
            th = _tahun(k, f"{apa}: pagu")
            nilai = _angka_atau_kosong(v, f"{apa}: pagu {th}")
            if nilai is not None:
                pagu[th] = nilai
        realisasi: dict[int, list] = {}
        mr = db.get("realisasi_tw")
        if mr is not None:
            pasangan = [(0, mr)] if isinstance(mr, list) else (
                [(_tahun(k, f"{apa}: realisasi_tw"), v) for k, v in mr.items()]
                if isinstance(mr, dict) else None)
            if pasangan is None:
                raise KesalahanInput(f"{apa}: 'realisasi_tw' harus 4 angka kumulatif", teks=mr)
            for th, r in pasangan:
                if not isinstance(r, list) or len(r) != 4:
                    raise KesalahanInput(f"{apa}: 'realisasi_tw' harus tepat 4 nilai "
                                         "kumulatif TW I-IV (null = belum ada)", teks=r)
                realisasi[th] = [_angka_atau_kosong(v, f"{apa}: realisasi TW {q}")
                                 for q, v in enumerate(r, 1)]
        hasil.append(BarisAnggaran(kode=kode, uraian=uraian, tingkat=tingkat, pagu=pagu,
                                   realisasi_tw=realisasi))
    _periksa_jumlah_anggaran(hasil)
    return hasil


def induk_anggaran(baris: list[BarisAnggaran]) -> list[int | None]:
    """Index of each catalog row's parent: the core rule `anggaran.induk_anggaran`."""
    return _induk_tingkat([b.tingkat for b in baris])


def _periksa_jumlah_anggaran(baris: list[BarisAnggaran]) -> None:
    """A pagu written on a row that has children must equal the sum of the children
    (children without a pagu count through their own children)."""
    induk = induk_anggaran(baris)
    anak: dict[int, list[int]] = {i: [] for i in range(len(baris))}
    for j, p in enumerate(induk):  # one pass: a scan per row was quadratic (10.000 rows: 6 s)
        if p is not None:
            anak[p].append(j)

    def dari_anak(i: int, th: int):
        nilai = [baris[j].pagu.get(th) if baris[j].pagu.get(th) is not None
                 else (dari_anak(j, th) if anak[j] else None) for j in anak[i]]
        return None if any(v is None for v in nilai) else sum(nilai)

    for i, b in enumerate(baris):
        if not anak[i]:
            continue
        for th, nilai in b.pagu.items():
            jumlah = dari_anak(i, th)
            if jumlah is not None and not jumlah_sesuai(nilai, jumlah):
                raise KesalahanInput(
                    f"anggaran {b.kode} ({b.uraian!r}): pagu {th} {_angka_json(nilai)} tidak "
                    f"sama dengan jumlah rinciannya {_angka_json(jumlah)}", teks=nilai)
